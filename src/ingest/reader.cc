// DocumentReader: drives the input walk and the per-format readers, one record per Next() call,
// and turns every problem into exactly one Skipped report.
#include "ingest/reader.h"

#include <cstdint>
#include <cstdio>
#include <cstring>

#include "ingest/byte_stream.h"
#include "ingest/decode.h"
#include "ingest/input_walker.h"
#include "ingest/jsonl.h"
#include "ingest/warc.h"

namespace crosscheck {
namespace {

bool IsBlank(std::string_view s) {
  return s.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos;
}

std::string TooLarge(size_t limit) {
  return "record larger than max_record_bytes (" + std::to_string(limit) + " bytes)";
}

// Input bytes quoted in a report or copied into metadata: made valid UTF-8 (the library's
// promise) and, for reports, cut to a readable length.
std::string Printable(std::string_view bytes, size_t max_bytes = std::string::npos) {
  std::string out;
  AppendCleanUtf8(bytes.substr(0, max_bytes), &out);
  if (bytes.size() > max_bytes) {
    // The cut may have split a character into U+FFFD: harmless in a message.
    out += "...";
  }
  return out;
}

// The media type of a Content-Type for a message: "(none)" when absent.
std::string MimeForMessage(std::string_view content_type) {
  std::string mime = ContentTypeMime(content_type);
  return mime.empty() ? "no Content-Type" : Printable(mime, 80);
}

bool IsTextMime(std::string_view mime) {
  return mime == "text/html" || mime == "application/xhtml+xml" || mime == "text/plain";
}

}  // namespace

std::string DocIdForBytes(std::string_view bytes) {
  // MurmurHash64A (Austin Appleby's public-domain algorithm) with a fixed seed: eight bytes a
  // step, every input bit mixed into every output digit. The seed and algorithm must never change:
  // ids are compared across runs.
  constexpr uint64_t kMultiplier = 0xc6a4a7935bd1e995ull;
  constexpr int kShift = 47;
  constexpr uint64_t kSeed = 0x63726f7373636865ull;  // "crossche"
  const size_t length = bytes.size();
  uint64_t hash = kSeed ^ (length * kMultiplier);
  const char* data = bytes.data();
  const char* const blocks_end = data + (length & ~size_t{7});
  for (; data != blocks_end; data += 8) {
    uint64_t k;
    std::memcpy(&k, data, 8);  // little-endian hosts only; crosscheck builds for x86-64/arm64
    k *= kMultiplier;
    k ^= k >> kShift;
    k *= kMultiplier;
    hash ^= k;
    hash *= kMultiplier;
  }
  const size_t tail = length & 7;
  if (tail != 0) {
    uint64_t k = 0;
    for (size_t i = 0; i < tail; ++i) k |= uint64_t{static_cast<unsigned char>(data[i])} << (8 * i);
    hash ^= k;
    hash *= kMultiplier;
  }
  hash ^= hash >> kShift;
  hash *= kMultiplier;
  hash ^= hash >> kShift;
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(hash));
  return hex;
}

struct DocumentReader::Impl {
  enum class Mode { kNone, kJsonl, kWarc };

  Impl(std::vector<std::string> inputs, const Options& options, SkipFn on_skip)
      : options(options),
        on_skip(std::move(on_skip)),
        walker(std::move(inputs), [this](const Skipped& s) { Skip(s.where, s.why); }) {}

  bool Next(Document* doc);
  // Opens the next file; true when it was a one-record file whose Document is now in *doc.
  bool StartFile(const std::string& path, Document* doc);
  bool ReadWholeFile(FileFormat format, Document* doc);
  bool NextJsonl(Document* doc);
  bool NextWarc(Document* doc);
  bool WarcDocument(const WarcRecord& record, const std::string& where, Document* doc);
  // Decodes doc->raw into doc->text; false (reported) when it is binary or empty.
  bool Finish(const std::string& where, std::string_view declared, Document* doc);
  // Reports damage to the current file's stream, once.
  void ReportDamage(std::string_view after);
  void Skip(const std::string& where, std::string why) {
    if (on_skip) on_skip(Skipped{Printable(where), std::move(why)});
  }
  std::string Where(int record) const { return shown_path + "#" + std::to_string(record); }

  Options options;
  SkipFn on_skip;
  InputWalker walker;
  ByteStream stream;
  Mode mode = Mode::kNone;
  std::string path;        // as found, to open
  std::string shown_path;  // valid UTF-8, for Document::path and reports
  int jsonl_records = 0;
  bool damage_reported = false;
  std::string line;
  JsonlRecordParser jsonl;
  std::unique_ptr<WarcParser> warc;
  WarcRecord record;
};

bool DocumentReader::Impl::Next(Document* doc) {
  for (;;) {
    if (mode == Mode::kJsonl && NextJsonl(doc)) return true;
    if (mode == Mode::kWarc && NextWarc(doc)) return true;
    mode = Mode::kNone;
    stream.Close();
    std::string next_path;
    if (!walker.Next(&next_path)) return false;
    if (StartFile(next_path, doc)) return true;
  }
}

bool DocumentReader::Impl::StartFile(const std::string& file_path, Document* doc) {
  path = file_path;
  shown_path = Printable(file_path);
  damage_reported = false;
  Status opened = stream.Open(path);
  if (!opened.ok()) {
    Skip(path, opened.message());
    return false;
  }
  std::optional<FileFormat> format = FormatForName(path);
  if (!format) format = SniffFormat(stream.Peek(1024));
  switch (*format) {
    case FileFormat::kJsonl:
      mode = Mode::kJsonl;
      jsonl_records = 0;
      return false;
    case FileFormat::kWarc:
      mode = Mode::kWarc;
      warc = std::make_unique<WarcParser>(&stream, options.max_record_bytes);
      return false;
    case FileFormat::kText:
    case FileFormat::kHtml:
      return ReadWholeFile(*format, doc);
  }
  return false;
}

bool DocumentReader::Impl::ReadWholeFile(FileFormat format, Document* doc) {
  *doc = Document();
  const size_t limit = options.max_record_bytes;
  // One byte over the limit is enough to know; the rest of the file is never read.
  stream.Read(limit == SIZE_MAX ? limit : limit + 1, &doc->raw);
  if (doc->raw.size() > limit) {
    Skip(path, TooLarge(limit));
    return false;
  }
  if (!stream.status().ok()) {
    Skip(path, stream.status().message());  // a cut-off article is not the article
    return false;
  }
  doc->path = shown_path;
  doc->format = format == FileFormat::kHtml ? InputFormat::kHtml : InputFormat::kText;
  doc->doc_id = DocIdForBytes(doc->raw);
  return Finish(path, "", doc);
}

bool DocumentReader::Impl::Finish(const std::string& where, std::string_view declared,
                                  Document* doc) {
  if (LooksBinary(doc->raw)) {
    Skip(where, "binary data, not text");
    return false;
  }
  std::string page_charset;
  if (declared.empty() && doc->format == InputFormat::kHtml) {
    page_charset = HtmlDeclaredCharset(doc->raw);
    declared = page_charset;
  }
  doc->text = DecodeToUtf8(doc->raw, declared, &doc->source_encoding);
  if (IsBlank(doc->text)) {
    Skip(where, "empty: no text");
    return false;
  }
  return true;
}

void DocumentReader::Impl::ReportDamage(std::string_view after) {
  if (stream.status().ok() || damage_reported) return;
  damage_reported = true;
  Skip(path, stream.status().message() + std::string(after));
}

bool DocumentReader::Impl::NextJsonl(Document* doc) {
  const size_t limit = options.max_record_bytes;
  size_t length;
  while (stream.ReadLine(&line, limit, &length)) {
    if (!stream.ended_with_newline() && !stream.status().ok()) break;  // cut by damage
    if (jsonl_records == 0 && line.starts_with("\xEF\xBB\xBF")) {
      line.erase(0, 3);  // a byte order mark from a Windows editor is not part of the JSON
    }
    if (length <= limit && IsBlank(line)) continue;
    const std::string where = Where(++jsonl_records);
    if (length > limit) {
      Skip(where, TooLarge(limit));
      continue;
    }
    *doc = Document();
    doc->doc_id = DocIdForBytes(line);  // before Parse, which may pad the line
    Status parsed = jsonl.Parse(&line, doc);
    if (!parsed.ok()) {
      Skip(where, parsed.message());
      continue;
    }
    doc->path = where;
    if (Finish(where, "utf-8", doc)) return true;
  }
  ReportDamage("; records after #" + std::to_string(jsonl_records) + " are lost");
  return false;
}

bool DocumentReader::Impl::NextWarc(Document* doc) {
  std::string why;
  for (;;) {
    WarcParser::Outcome outcome = warc->Next(&record, &why);
    const std::string where = Where(warc->records_seen());
    switch (outcome) {
      case WarcParser::Outcome::kEnd:
        ReportDamage("; records after #" + std::to_string(warc->records_seen()) + " are lost");
        return false;
      case WarcParser::Outcome::kIgnored:
        continue;
      case WarcParser::Outcome::kJunk:
        Skip(path, why);
        continue;
      case WarcParser::Outcome::kSkipped:
        if (!stream.status().ok() && !damage_reported) {
          damage_reported = true;  // one report names both the record and the file's damage
          why += " (" + stream.status().message() + ")";
        }
        Skip(where, why);
        continue;
      case WarcParser::Outcome::kRecord:
        if (WarcDocument(record, where, doc)) return true;
        continue;
    }
  }
}

bool DocumentReader::Impl::WarcDocument(const WarcRecord& warc_record, const std::string& where,
                                        Document* doc) {
  *doc = Document();
  std::string content_type = warc_record.content_type;
  std::string_view payload = warc_record.block;
  std::string body;
  if (warc_record.type == "response") {
    HttpResponse response;
    if (!ParseHttpResponse(warc_record.block, &response)) {
      Skip(where, "response record without an HTTP response (" +
                      MimeForMessage(warc_record.content_type) + ")");
      return false;
    }
    if (response.status < 200 || response.status > 299) {
      Skip(where, "HTTP status " + std::to_string(response.status) + ", not a page");
      return false;
    }
    content_type = response.content_type;
    if (std::string mime = ContentTypeMime(content_type); !mime.empty() && !IsTextMime(mime)) {
      Skip(where, "not a text page (" + MimeForMessage(mime) + ")");  // before decompressing
      return false;
    }
    Status decoded = DecodeHttpBody(response, options.max_record_bytes, &body);
    if (!decoded.ok()) {
      Skip(where, decoded.message());
      return false;
    }
    payload = body;
  }
  std::string mime = ContentTypeMime(content_type);
  if (!mime.empty() && !IsTextMime(mime)) {
    Skip(where, "not a text page (" + MimeForMessage(mime) + ")");
    return false;
  }
  if (mime.empty()) {
    doc->format =
        SniffFormat(payload) == FileFormat::kHtml ? InputFormat::kHtml : InputFormat::kText;
  } else {
    doc->format = mime == "text/plain" ? InputFormat::kText : InputFormat::kHtml;
  }
  doc->raw.assign(payload);
  doc->path = where;
  doc->record_id = Printable(warc_record.record_id);
  doc->given_url = Printable(warc_record.target_uri);
  doc->doc_id = DocIdForBytes(warc_record.block);
  return Finish(where, ContentTypeCharset(content_type), doc);
}

DocumentReader::DocumentReader(std::vector<std::string> inputs, const Options& options,
                               SkipFn on_skip)
    : impl_(std::make_unique<Impl>(std::move(inputs), options, std::move(on_skip))) {}

DocumentReader::~DocumentReader() = default;

bool DocumentReader::Next(Document* doc) {
  if (impl_->Next(doc)) return true;
  *doc = Document();
  return false;
}

size_t DocumentReader::files_seen() const { return impl_->walker.files_seen(); }

}  // namespace crosscheck
