// Tests of DocumentReader: every input format and its .gz variant, folder walking, JSONL and WARC
// metadata, encodings, and every kind of bad input (each reported exactly once).
#include "ingest/reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "ingest/test_files.h"

namespace crosscheck {
namespace {

using namespace std::string_literals;
using testing::Gzip;
using testing::TempFolder;

struct ReadResult {
  std::vector<Document> docs;
  std::vector<Skipped> skipped;
  size_t files_seen = 0;

  // The reason given for `where`; fails the test unless it was reported exactly once.
  std::string WhySkipped(const std::string& where) const {
    std::string why;
    int times = 0;
    for (const Skipped& s : skipped) {
      if (s.where == where) {
        why = s.why;
        ++times;
      }
    }
    EXPECT_EQ(times, 1) << "reports for " << where;
    return why;
  }
  std::vector<std::string> Paths() const {
    std::vector<std::string> paths;
    for (const Document& d : docs) paths.push_back(d.path);
    return paths;
  }
};

ReadResult ReadAll(std::vector<std::string> inputs, Options options = Options()) {
  ReadResult result;
  DocumentReader reader(std::move(inputs), options,
                        [&](const Skipped& s) { result.skipped.push_back(s); });
  Document doc;
  while (reader.Next(&doc)) result.docs.push_back(doc);
  result.files_seen = reader.files_seen();
  return result;
}

bool Contains(std::string_view text, std::string_view part) {
  return text.find(part) != std::string_view::npos;
}

std::string WarcRecordText(std::string_view type, std::string_view block,
                           std::string_view headers = "") {
  return "WARC/1.0\r\nWARC-Type: " + std::string(type) + "\r\n" + std::string(headers) +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + std::string(block) +
         "\r\n\r\n";
}

std::string HttpResponseText(std::string_view status, std::string_view content_type,
                             std::string_view body, std::string_view extra = "") {
  return "HTTP/1.1 " + std::string(status) + "\r\nContent-Type: " + std::string(content_type) +
         "\r\n" + std::string(extra) + "\r\n" + std::string(body);
}

const char kStory[] =
    "Flood waters rose overnight in the valley town.\n\nVolunteers filled sandbags.";

TEST(DocumentReader, PlainTextFile) {
  TempFolder folder;
  std::string path = folder.Write("story.txt", kStory);
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.path, path);
  EXPECT_EQ(d.format, InputFormat::kText);
  EXPECT_EQ(d.raw, kStory);
  EXPECT_EQ(d.text, kStory);
  EXPECT_EQ(d.source_encoding, "UTF-8");
  EXPECT_EQ(d.doc_id, DocIdForBytes(kStory));
  EXPECT_EQ(d.doc_id.size(), 16u);
  EXPECT_TRUE(d.record_id.empty());
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_EQ(r.files_seen, 1u);
}

TEST(DocumentReader, EveryExtensionAndItsGzipVariant) {
  TempFolder folder;
  const std::string html = "<html><body><p>Harvest festival postponed by rain.</p></body></html>";
  const std::string jsonl = "{\"text\": \"Ferry service resumes after the storm.\"}\n";
  const std::string warc =
      WarcRecordText("resource", "Council approves a new library.", "Content-Type: text/plain\r\n");
  folder.Write("in/a.txt", kStory);
  folder.Write("in/b.text.gz", Gzip(kStory));
  folder.Write("in/c.html", html);
  folder.Write("in/d.HTM.gz", Gzip(html));
  folder.Write("in/e.xhtml", html);
  folder.Write("in/f.jsonl", jsonl);
  folder.Write("in/g.ndjson.gz", Gzip(jsonl));
  folder.Write("in/h.warc", warc);
  folder.Write("in/i.warc.gz", Gzip(warc));
  ReadResult r = ReadAll({folder.Path("in")});
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_EQ(r.files_seen, 9u);
  std::vector<std::string> expected_paths = {
      folder.Path("in/a.txt"),         folder.Path("in/b.text.gz"), folder.Path("in/c.html"),
      folder.Path("in/d.HTM.gz"),      folder.Path("in/e.xhtml"),   folder.Path("in/f.jsonl#1"),
      folder.Path("in/g.ndjson.gz#1"), folder.Path("in/h.warc#1"),  folder.Path("in/i.warc.gz#1")};
  ASSERT_EQ(r.Paths(), expected_paths);
  EXPECT_EQ(r.docs[1].text, kStory);
  EXPECT_EQ(r.docs[1].doc_id, r.docs[0].doc_id);  // same bytes after gunzip, same id
  for (int i : {2, 3, 4}) {
    EXPECT_EQ(r.docs[i].format, InputFormat::kHtml);
    EXPECT_EQ(r.docs[i].text, html);
  }
  EXPECT_EQ(r.docs[5].text, "Ferry service resumes after the storm.");
  EXPECT_EQ(r.docs[6].text, r.docs[5].text);
  EXPECT_EQ(r.docs[7].text, "Council approves a new library.");
  EXPECT_EQ(r.docs[8].text, r.docs[7].text);
}

TEST(DocumentReader, FolderRecursionInSortedOrder) {
  TempFolder folder;
  folder.Write("corpus/b.txt", "second file text");
  folder.Write("corpus/a/z.txt", "nested text two");
  folder.Write("corpus/a/y.html", "<p>nested page one</p>");
  folder.Write("corpus/a/deeper/x.txt", "deepest text");
  folder.Write("corpus/notes.pdf", "%PDF-1.4 not an article");
  folder.Write("corpus/README", "no extension: ignored inside a folder");
  folder.Write("corpus/.hidden.txt", "hidden files are ignored");
  folder.Write("corpus/c.jsonl", "{\"text\":\"line one\"}\n{\"text\":\"line two\"}\n");
  ReadResult r = ReadAll({folder.Path("corpus")});
  std::vector<std::string> expected = {
      folder.Path("corpus/a/deeper/x.txt"), folder.Path("corpus/a/y.html"),
      folder.Path("corpus/a/z.txt"),        folder.Path("corpus/b.txt"),
      folder.Path("corpus/c.jsonl#1"),      folder.Path("corpus/c.jsonl#2")};
  EXPECT_EQ(r.Paths(), expected);
  EXPECT_EQ(r.files_seen, 5u);
  EXPECT_TRUE(r.skipped.empty());
  // Same order on every run.
  EXPECT_EQ(ReadAll({folder.Path("corpus")}).Paths(), expected);
}

TEST(DocumentReader, JsonlFields) {
  TempFolder folder;
  std::string path = folder.Write(
      "feed.jsonl",
      "{\"id\": \"rec-7\", \"text\": \"Bridge closed for repairs.\", \"url\": "
      "\"https://news.example/bridge\", \"title\": \"Bridge closed\", \"outlet\": \"Valley "
      "Herald\", \"published\": \"2019-04-02\", \"language\": \"en\", \"extra\": [1, 2]}\n"
      "\n"
      "   \n"
      "{\"id\": 42, \"html\": \"<p>Market reopens</p>\", \"published\": "
      "\"2020-11-30T08:15:00+01:00\"}\n"
      "{\"text\": \"Both given: the text wins.\", \"html\": \"<p>ignored</p>\", \"published\": "
      "\"last Tuesday\"}");  // no final newline
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_TRUE(r.skipped.empty());
  const Document& a = r.docs[0];
  EXPECT_EQ(a.path, path + "#1");
  EXPECT_EQ(a.record_id, "rec-7");
  EXPECT_EQ(a.format, InputFormat::kText);
  EXPECT_EQ(a.raw, "Bridge closed for repairs.");
  EXPECT_EQ(a.text, "Bridge closed for repairs.");
  EXPECT_EQ(a.given_url, "https://news.example/bridge");
  EXPECT_EQ(a.given_title, "Bridge closed");
  EXPECT_EQ(a.given_outlet, "Valley Herald");
  EXPECT_EQ(a.given_language, "en");
  ASSERT_TRUE(a.given_published.has_value());
  EXPECT_EQ(a.given_published->ToString(), "2019-04-02");
  const Document& b = r.docs[1];
  EXPECT_EQ(b.path, path + "#2");  // blank lines are not records
  EXPECT_EQ(b.record_id, "42");
  EXPECT_EQ(b.format, InputFormat::kHtml);
  EXPECT_EQ(b.text, "<p>Market reopens</p>");
  ASSERT_TRUE(b.given_published.has_value());
  EXPECT_EQ(b.given_published->ToString(), "2020-11-30");
  const Document& c = r.docs[2];
  EXPECT_EQ(c.path, path + "#3");
  EXPECT_EQ(c.text, "Both given: the text wins.");
  EXPECT_FALSE(c.given_published.has_value());
  EXPECT_NE(a.doc_id, b.doc_id);
}

TEST(DocumentReader, JsonlWithByteOrderMarkAndCrlf) {
  TempFolder folder;
  std::string path =
      folder.Write("windows.jsonl",
                   "\xEF\xBB\xBF{\"text\": \"Tram line extended.\"}\r\n{\"text\": \"Depot "
                   "rebuilt.\"}\r\n");
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "Tram line extended.");
  EXPECT_EQ(r.docs[1].text, "Depot rebuilt.");
  EXPECT_TRUE(r.skipped.empty());
}

TEST(DocumentReader, JsonlBadLinesAreReportedAndSkipped) {
  TempFolder folder;
  std::string path = folder.Write("mixed.jsonl",
                                  "{\"text\": \"A good first record.\"}\n"
                                  "this line is not json at all\n"
                                  "{\"title\": \"a record without a body\"}\n"
                                  "{\"text\": 12}\n"
                                  "[\"an\", \"array\"]\n"
                                  "{\"text\": \"broken object\"\n"
                                  "{\"text\": \"\\u0000\\u0001\"}\n"
                                  "{\"text\": \"Bad byte \xFF inside, still kept.\"}\n"
                                  "{\"text\": \"A good last record.\"}\n");
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].path, path + "#1");
  EXPECT_EQ(r.docs[1].path, path + "#8");
  EXPECT_EQ(r.docs[1].text, "Bad byte \xEF\xBF\xBD inside, still kept.");
  EXPECT_EQ(r.docs[2].path, path + "#9");
  EXPECT_EQ(r.skipped.size(), 6u);
  EXPECT_TRUE(r.WhySkipped(path + "#2").starts_with("not JSON: "));
  EXPECT_EQ(r.WhySkipped(path + "#3"), "no \"text\" or \"html\" field");
  EXPECT_EQ(r.WhySkipped(path + "#4"), "field \"text\" is not a string");
  EXPECT_EQ(r.WhySkipped(path + "#5"), "not a JSON object");
  EXPECT_TRUE(r.WhySkipped(path + "#6").starts_with("not JSON: "));
  EXPECT_EQ(r.WhySkipped(path + "#7"), "binary data, not text");
}

TEST(DocumentReader, WarcRecordsAndHeaders) {
  TempFolder folder;
  const std::string page =
      "<html><head><title>Dam inspection</title></head><body>Engineers inspected the dam."
      "</body></html>";
  std::string warc =
      WarcRecordText(
          "warcinfo", "software: handmade\r\nformat: WARC File Format 1.0\r\n",
          "WARC-Record-ID: <urn:uuid:0001>\r\nContent-Type: application/warc-fields\r\n") +
      WarcRecordText("request", "GET /dam HTTP/1.1\r\nHost: news.example\r\n\r\n",
                     "WARC-Target-URI: http://news.example/dam\r\n") +
      WarcRecordText("response", HttpResponseText("200 OK", "text/html; charset=utf-8", page),
                     "WARC-Target-URI: http://news.example/dam\r\n"
                     "WARC-Record-ID: <urn:uuid:0003>\r\n"
                     "Content-Type: application/http; msgtype=response\r\n") +
      WarcRecordText("response", HttpResponseText("200 OK", "image/png", "\x89PNG\r\n\x1a\n\0\0"s),
                     "WARC-Target-URI: http://news.example/dam.png\r\n"
                     "WARC-Record-ID: <urn:uuid:0004>\r\n") +
      WarcRecordText("response", HttpResponseText("404 Not Found", "text/html", "<p>gone</p>"),
                     "WARC-Record-ID: <urn:uuid:0005>\r\n") +
      WarcRecordText("metadata", "outlinks: none\r\n") +
      WarcRecordText("resource", "Plain notes about the reservoir level.",
                     "WARC-Target-URI: file:///notes/reservoir.txt\r\n"
                     "WARC-Record-ID: <urn:uuid:0007>\r\nContent-Type: text/plain\r\n") +
      WarcRecordText("conversion", "Text extracted from a page about the spillway.",
                     "WARC-Target-URI: http://news.example/spillway\r\n"
                     "WARC-Record-ID: <urn:uuid:0008>\r\nContent-Type: text/plain\r\n");
  std::string path = folder.Write("crawl.warc", warc);
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 3u);
  const Document& a = r.docs[0];
  EXPECT_EQ(a.path, path + "#3");
  EXPECT_EQ(a.record_id, "<urn:uuid:0003>");
  EXPECT_EQ(a.given_url, "http://news.example/dam");
  EXPECT_EQ(a.format, InputFormat::kHtml);
  EXPECT_EQ(a.raw, page);  // HTTP status line and headers stripped
  EXPECT_EQ(a.text, page);
  const Document& b = r.docs[1];
  EXPECT_EQ(b.path, path + "#7");
  EXPECT_EQ(b.format, InputFormat::kText);
  EXPECT_EQ(b.record_id, "<urn:uuid:0007>");
  EXPECT_EQ(b.given_url, "file:///notes/reservoir.txt");
  EXPECT_EQ(b.text, "Plain notes about the reservoir level.");
  EXPECT_EQ(r.docs[2].path, path + "#8");
  ASSERT_EQ(r.skipped.size(), 2u);
  EXPECT_EQ(r.WhySkipped(path + "#4"), "not a text page (image/png)");
  EXPECT_EQ(r.WhySkipped(path + "#5"), "HTTP status 404, not a page");

  // The same file gzip-compressed one member per record, as .warc.gz files are written.
  std::string members;
  size_t at = 0;
  while (at < warc.size()) {
    size_t next = warc.find("WARC/1.0\r\n", at + 1);
    if (next == std::string::npos) next = warc.size();
    members += Gzip(warc.substr(at, next - at));
    at = next;
  }
  std::string gz_path = folder.Write("crawl.warc.gz", members);
  ReadResult rz = ReadAll({gz_path});
  ASSERT_EQ(rz.docs.size(), 3u);
  EXPECT_EQ(rz.docs[0].path, gz_path + "#3");
  EXPECT_EQ(rz.docs[0].doc_id, a.doc_id);
  EXPECT_EQ(rz.docs[2].text, "Text extracted from a page about the spillway.");
  EXPECT_EQ(rz.skipped.size(), 2u);
}

TEST(DocumentReader, WarcResponseCharsetChunkedAndCompressed) {
  TempFolder folder;
  // ISO-8859-1 body declared in the HTTP header; gzip-compressed and sent in two chunks.
  std::string page = "<html><body><p>Caf\xE9 owners protest new rules.</p></body></html>";
  std::string compressed = Gzip(page);
  size_t half = compressed.size() / 2;
  auto hex = [](size_t n) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%zx", n);
    return std::string(buf);
  };
  std::string chunked = hex(half) + "\r\n" + compressed.substr(0, half) + "\r\n" +
                        hex(compressed.size() - half) + "\r\n" + compressed.substr(half) +
                        "\r\n0\r\n\r\n";
  std::string warc =
      WarcRecordText("response",
                     HttpResponseText("200 OK", "text/html; charset=ISO-8859-1", chunked,
                                      "Transfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n"),
                     "WARC-Target-URI: http://news.example/cafe\r\n");
  std::string path = folder.Write("cafe.warc", warc);
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 1u) << (r.skipped.empty() ? "" : r.skipped[0].why);
  EXPECT_EQ(r.docs[0].raw, page);
  EXPECT_TRUE(Contains(r.docs[0].text, "Caf\xC3\xA9 owners"));
  EXPECT_EQ(r.docs[0].source_encoding, "windows-1252");
}

TEST(DocumentReader, Encodings) {
  TempFolder folder;
  // windows-1252 text: curly quotes and an accented letter.
  folder.Write("enc/a_cp1252.txt",
               "The caf\xE9 owner said \x93we will rebuild\x94 after the fire.\r\n");
  // An ISO-8859-1 page that says so in a meta tag.
  folder.Write("enc/b_latin1.html",
               "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; "
               "charset=iso-8859-1\"><title>Fa\xE7"
               "ade</title></head><body>"
               "<p>The fa\xE7"
               "ade of the old mill was restored.</p></body></html>");
  // UTF-16LE with a BOM: "Snow closed the pass." plus e-acute.
  std::string utf16 = "\xFF\xFE"s;
  for (char c : std::string("Snow closed the pass ")) utf16 += std::string{c, '\0'};
  utf16 += "\xE9\0"s;
  folder.Write("enc/c_utf16.txt", utf16);
  // UTF-16BE with a BOM, as HTML.
  std::string utf16be = "\xFE\xFF"s;
  for (char c : std::string("<p>Tide tables</p>")) utf16be += std::string{'\0', c};
  folder.Write("enc/d_utf16be.html", utf16be);
  folder.Write("enc/e_bom.txt", "\xEF\xBB\xBFUTF-8 with a byte order mark.");
  ReadResult r = ReadAll({folder.Path("enc")});
  ASSERT_EQ(r.docs.size(), 5u);
  EXPECT_TRUE(r.skipped.empty());
  EXPECT_EQ(r.docs[0].source_encoding, "windows-1252");
  EXPECT_EQ(
      r.docs[0].text,
      "The caf\xC3\xA9 owner said \xE2\x80\x9Cwe will rebuild\xE2\x80\x9D after the fire.\r\n");
  EXPECT_EQ(r.docs[1].source_encoding, "windows-1252");
  EXPECT_TRUE(Contains(r.docs[1].text,
                       "The fa\xC3\xA7"
                       "ade of the old mill"));
  EXPECT_EQ(r.docs[1].format, InputFormat::kHtml);
  EXPECT_EQ(r.docs[2].source_encoding, "UTF-16LE");
  EXPECT_EQ(r.docs[2].text, "Snow closed the pass \xC3\xA9");
  EXPECT_EQ(r.docs[3].source_encoding, "UTF-16BE");
  EXPECT_EQ(r.docs[3].text, "<p>Tide tables</p>");
  EXPECT_EQ(r.docs[4].text, "UTF-8 with a byte order mark.");
  EXPECT_EQ(r.docs[2].raw, utf16);  // raw keeps the bytes as read
}

TEST(DocumentReader, InvalidUtf8IsRepairedNotDropped) {
  TempFolder folder;
  std::string path = folder.Write(
      "damaged.txt", "The \xE2\x80\x9Cold\xE2\x80\x9D lighthouse \xC3 was \xFE\xFF repainted.");
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].source_encoding, "UTF-8");
  EXPECT_EQ(r.docs[0].text,
            "The \xE2\x80\x9Cold\xE2\x80\x9D lighthouse \xEF\xBF\xBD was "
            "\xEF\xBF\xBD\xEF\xBF\xBD repainted.");
}

TEST(DocumentReader, ExplicitFilesWithOtherExtensionsAreSniffed) {
  TempFolder folder;
  std::string warc = folder.Write(
      "dump.dat", WarcRecordText("resource", "Sniffed WARC text.", "Content-Type: text/plain\r\n"));
  std::string html =
      folder.Write("page.aspx", "\n  <!DOCTYPE html><html><p>Sniffed page</p></html>");
  std::string text = folder.Write("notes", "Plain notes, sniffed as text.");
  std::string gz = folder.Write("packed.gz", Gzip("<html><p>gzip, sniffed</p></html>"));
  ReadResult r = ReadAll({warc, html, text, gz});
  ASSERT_EQ(r.docs.size(), 4u);
  EXPECT_EQ(r.docs[0].path, warc + "#1");
  EXPECT_EQ(r.docs[0].text, "Sniffed WARC text.");
  EXPECT_EQ(r.docs[1].format, InputFormat::kHtml);
  EXPECT_EQ(r.docs[2].format, InputFormat::kText);
  EXPECT_EQ(r.docs[3].format, InputFormat::kHtml);
  EXPECT_EQ(r.docs[3].text, "<html><p>gzip, sniffed</p></html>");
  EXPECT_EQ(r.files_seen, 4u);
}

TEST(DocumentReader, UnreadableFilesAndEmptyFolders) {
  TempFolder folder;
  folder.Write("mixed/good.txt", "A readable report about a harbour.");
  std::filesystem::create_symlink(folder.Path("mixed/nowhere.txt"),
                                  folder.Path("mixed/dangling.txt"));
  std::filesystem::create_directories(folder.Path("mixed/folder.txt"));  // a folder, not a file
  folder.Write("nothing/readme.pdf", "not an article");
  std::filesystem::create_directories(folder.Path("nothing/sub"));
  std::filesystem::create_directories(folder.Path("named.txt"));
  ReadResult r = ReadAll({folder.Path("mixed"), folder.Path("nothing"), folder.Path("gone.txt"),
                          folder.Path("mixed/dangling.txt"), folder.Path("named.txt")});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].path, folder.Path("mixed/good.txt"));
  EXPECT_EQ(r.skipped.size(), 5u);
  // Reported once for the folder walk; named again explicitly, it is reported again there.
  int dangling_reports = 0;
  for (const Skipped& s : r.skipped) {
    if (s.where == folder.Path("mixed/dangling.txt")) {
      ++dangling_reports;
      EXPECT_EQ(s.why, "cannot open: No such file or directory");
    }
  }
  EXPECT_EQ(dangling_reports, 2);
  EXPECT_EQ(r.WhySkipped(folder.Path("nothing")), "no articles found");
  EXPECT_EQ(r.WhySkipped(folder.Path("gone.txt")), "not found");
  // An explicitly named folder whose name looks like a file is walked as a folder.
  EXPECT_EQ(r.WhySkipped(folder.Path("named.txt")), "no articles found");
}

TEST(DocumentReader, LinkedFoldersAreWalkedOnceWithoutLooping) {
  TempFolder folder;
  folder.Write("tree/a.txt", "A note about a lighthouse keeper.");
  folder.Write("elsewhere/b.txt", "A note about a ferry timetable.");
  std::filesystem::create_directory_symlink(folder.Path("tree"), folder.Path("tree/loop"));
  std::filesystem::create_directory_symlink(folder.Path("elsewhere"), folder.Path("tree/other"));
  ReadResult r = ReadAll({folder.Path("tree")});
  std::vector<std::string> expected = {folder.Path("tree/a.txt"), folder.Path("tree/other/b.txt")};
  EXPECT_EQ(r.Paths(), expected);
  EXPECT_TRUE(r.skipped.empty());
}

TEST(DocumentReader, BinaryAndEmptyFilesAreSkipped) {
  TempFolder folder;
  std::string junk;
  for (int i = 0; i < 3000; ++i) junk.push_back(static_cast<char>((i * 131 + 7) % 256));
  std::string junk_path = folder.Write("j/junk.txt", junk);
  std::string nul_path = folder.Write("j/nuls.html", "<p>x</p>" + std::string(200, '\0'));
  std::string empty_path = folder.Write("j/empty.txt", "");
  std::string blank_path = folder.Write("j/blank.txt", "  \n\t\n");
  std::string ok_path = folder.Write("j/ok.txt", "After the junk, a real report.");
  ReadResult r = ReadAll({folder.Path("j")});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].path, ok_path);
  EXPECT_EQ(r.skipped.size(), 4u);
  EXPECT_EQ(r.WhySkipped(junk_path), "binary data, not text");
  EXPECT_EQ(r.WhySkipped(nul_path), "binary data, not text");
  EXPECT_EQ(r.WhySkipped(empty_path), "empty: no text");
  EXPECT_EQ(r.WhySkipped(blank_path), "empty: no text");
}

TEST(DocumentReader, RecordsOverTheSizeLimitAreSkipped) {
  TempFolder folder;
  Options options;
  options.max_record_bytes = 1000;
  std::string big_text = folder.Write("big/a.txt", std::string(5000, 'w'));
  std::string big_gz = folder.Write("big/b.txt.gz", Gzip(std::string(50000, 'z')));
  std::string jsonl = folder.Write(
      "big/c.jsonl", "{\"text\": \"" + std::string(3000, 'q') + "\"}\n{\"text\": \"small one\"}\n");
  std::string warc = folder.Write(
      "big/d.warc",
      WarcRecordText("resource", std::string(2000, 'r'), "Content-Type: text/plain\r\n") +
          WarcRecordText("resource", "small record", "Content-Type: text/plain\r\n"));
  ReadResult r = ReadAll({folder.Path("big")}, options);
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].path, jsonl + "#2");
  EXPECT_EQ(r.docs[1].path, warc + "#2");
  EXPECT_EQ(r.skipped.size(), 4u);
  const std::string too_large = "record larger than max_record_bytes (1000 bytes)";
  EXPECT_EQ(r.WhySkipped(big_text), too_large);
  EXPECT_EQ(r.WhySkipped(big_gz), too_large);
  EXPECT_EQ(r.WhySkipped(jsonl + "#1"), too_large);
  EXPECT_EQ(r.WhySkipped(warc + "#1"),
            "record of 2000 bytes is larger than max_record_bytes (1000)");
}

TEST(DocumentReader, FiftyMegabyteLineIsSkippedWithDefaultLimit) {
  TempFolder folder;
  std::string line(50u << 20, 'x');
  std::string path =
      folder.Write("huge.jsonl", "{\"text\": \"before\"}\n" + line + "\n{\"text\": \"after\"}\n");
  line = std::string();
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 2u);
  EXPECT_EQ(r.docs[0].text, "before");
  EXPECT_EQ(r.docs[1].text, "after");
  EXPECT_EQ(r.docs[1].path, path + "#3");
  EXPECT_TRUE(Contains(r.WhySkipped(path + "#2"), "larger than max_record_bytes"));
}

TEST(DocumentReader, TruncatedGzipKeepsEarlierRecords) {
  TempFolder folder;
  std::string members;
  for (const char* text :
       {"Record one about a canal.", "Record two about a lock.", "Record three about a weir."}) {
    members += Gzip("{\"text\": \"" + std::string(text) + "\"}\n");
  }
  std::string last = Gzip("{\"text\": \"" + std::string(4000, 'p') + "\"}\n");
  std::string path = folder.Write("cut.jsonl.gz", members + last.substr(0, last.size() - 20));
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[2].text, "Record three about a weir.");
  ASSERT_EQ(r.skipped.size(), 1u);
  EXPECT_EQ(r.WhySkipped(path),
            "truncated gzip: unexpected end of file; records after #3 are lost");

  // A single-article file cut short is not kept.
  std::string varied;
  uint32_t state = 12345;  // a simple LCG: letters that do not compress away
  for (int i = 0; i < 3000; ++i) {
    state = state * 1103515245u + 12345u;
    varied.push_back(static_cast<char>('a' + (state >> 16) % 26));
  }
  std::string compressed = Gzip(varied);
  ASSERT_GT(compressed.size(), 1000u);
  std::string txt = folder.Write("cut.txt.gz", compressed.substr(0, compressed.size() / 2));
  ReadResult t = ReadAll({txt});
  EXPECT_TRUE(t.docs.empty());
  EXPECT_EQ(t.WhySkipped(txt), "truncated gzip: unexpected end of file");
}

TEST(DocumentReader, TruncatedWarcRecord) {
  TempFolder folder;
  std::string whole =
      WarcRecordText("resource", "Complete first record.", "Content-Type: text/plain\r\n");
  std::string cut =
      "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: 500\r\n\r\nonly a few bytes";
  std::string path = folder.Write("cut.warc", whole + cut);
  ReadResult r = ReadAll({path});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].text, "Complete first record.");
  EXPECT_EQ(r.WhySkipped(path + "#2"), "truncated WARC record: 16 of 500 bytes");
  EXPECT_EQ(r.skipped.size(), 1u);

  // Cut inside a gzip member: one report names the record and the damage.
  std::string gz_path = folder.Write(
      "cut.warc.gz",
      Gzip(whole) + Gzip(WarcRecordText("resource", std::string(3000, 'm'))).substr(0, 60));
  ReadResult rz = ReadAll({gz_path});
  ASSERT_EQ(rz.docs.size(), 1u);
  ASSERT_EQ(rz.skipped.size(), 1u);
  EXPECT_EQ(rz.skipped[0].where.substr(0, gz_path.size()), gz_path);
  EXPECT_TRUE(Contains(rz.skipped[0].why, "truncated gzip")) << rz.skipped[0].why;
}

TEST(DocumentReader, ExactDuplicatesShareAnId) {
  TempFolder folder;
  folder.Write("dups/one.txt", "The same report, twice.");
  folder.Write("dups/two.txt", "The same report, twice.");
  folder.Write("dups/three.txt", "A different report.");
  ReadResult r = ReadAll({folder.Path("dups")});
  ASSERT_EQ(r.docs.size(), 3u);  // one.txt, three.txt, two.txt
  EXPECT_EQ(r.docs[0].doc_id, r.docs[2].doc_id);
  EXPECT_NE(r.docs[0].doc_id, r.docs[1].doc_id);
}

TEST(DocIdForBytes, StableHexOfSixteenDigits) {
  std::string id = DocIdForBytes("stable input");
  EXPECT_EQ(id.size(), 16u);
  EXPECT_EQ(id.find_first_not_of("0123456789abcdef"), std::string::npos);
  EXPECT_EQ(id, DocIdForBytes("stable input"));
  EXPECT_NE(id, DocIdForBytes("stable input."));
  EXPECT_NE(DocIdForBytes(""), DocIdForBytes(std::string(1, '\0')));
}

}  // namespace
}  // namespace crosscheck
