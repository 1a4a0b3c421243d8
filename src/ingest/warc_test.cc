// Tests of WARC framing and HTTP response decoding (warc.h) and of ByteStream.
#include "ingest/warc.h"

#include <gtest/gtest.h>

#include "ingest/test_files.h"

namespace crosscheck {
namespace {

using testing::Gzip;
using testing::TempFolder;

std::string Record(std::string_view type, std::string_view block,
                   std::string_view extra_headers = "") {
  return "WARC/1.1\r\nWARC-Type: " + std::string(type) + "\r\n" + std::string(extra_headers) +
         "Content-Length: " + std::to_string(block.size()) + "\r\n\r\n" + std::string(block) +
         "\r\n\r\n";
}

TEST(HttpResponse, StatusHeadersAndBody) {
  HttpResponse response;
  ASSERT_TRUE(ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: GZIP\r\n"
      "\r\n<p>body</p>",
      &response));
  EXPECT_EQ(response.status, 200);
  EXPECT_EQ(response.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(response.content_encoding, "gzip");
  EXPECT_EQ(response.body, "<p>body</p>");
  EXPECT_FALSE(ParseHttpResponse("GET / HTTP/1.1\r\n\r\n", &response));
  EXPECT_FALSE(ParseHttpResponse("HTTP/1.1 abc\r\n\r\n", &response));
}

TEST(HttpResponse, ChunkedAndGzipBodies) {
  HttpResponse response;
  response.transfer_encoding = "chunked";
  response.body = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\n\r\n";
  std::string body;
  ASSERT_TRUE(DecodeHttpBody(response, 1000, &body).ok());
  EXPECT_EQ(body, "hello, world");

  // Stored de-chunked despite the header: kept as it is.
  response.body = "<p>not chunked at all</p>";
  ASSERT_TRUE(DecodeHttpBody(response, 1000, &body).ok());
  EXPECT_EQ(body, "<p>not chunked at all</p>");

  std::string compressed = Gzip("<p>compressed page</p>");
  response = HttpResponse();
  response.content_encoding = "gzip";
  response.body = compressed;
  ASSERT_TRUE(DecodeHttpBody(response, 1000, &body).ok());
  EXPECT_EQ(body, "<p>compressed page</p>");
  EXPECT_FALSE(DecodeHttpBody(response, 5, &body).ok());  // over the limit

  response.content_encoding = "br";
  EXPECT_EQ(DecodeHttpBody(response, 1000, &body).code(), Status::Code::kUnsupported);
}

TEST(WarcParser, RecordsJunkAndMissingLength) {
  TempFolder folder;
  std::string file =
      Record("warcinfo", "software: test\r\n") +
      Record("resource", "first text",
             "WARC-Record-ID: <urn:uuid:aaaa>\r\nWARC-Target-URI: <http://a.example/1>\r\n"
             "Content-Type: text/plain\r\n") +
      "stray bytes between records\r\n" +
      "WARC/1.0\r\nWARC-Type: resource\r\n\r\nno length here\r\n\r\n" +
      Record("resource", "second text");
  std::string path = folder.Write("a.warc", file);
  ByteStream stream;
  ASSERT_TRUE(stream.Open(path).ok());
  WarcParser parser(&stream, 1 << 20);
  WarcRecord record;
  std::string why;
  EXPECT_EQ(parser.Next(&record, &why), WarcParser::Outcome::kIgnored);
  ASSERT_EQ(parser.Next(&record, &why), WarcParser::Outcome::kRecord);
  EXPECT_EQ(parser.records_seen(), 2);
  EXPECT_EQ(record.type, "resource");
  EXPECT_EQ(record.block, "first text");
  EXPECT_EQ(record.record_id, "<urn:uuid:aaaa>");
  EXPECT_EQ(record.target_uri, "http://a.example/1");
  EXPECT_EQ(record.content_type, "text/plain");
  ASSERT_EQ(parser.Next(&record, &why), WarcParser::Outcome::kJunk);
  EXPECT_NE(why.find("not a WARC record"), std::string::npos);
  ASSERT_EQ(parser.Next(&record, &why), WarcParser::Outcome::kSkipped);
  EXPECT_EQ(why, "WARC record without a valid Content-Length");
  ASSERT_EQ(parser.Next(&record, &why),
            WarcParser::Outcome::kRecord);  // bytes of #3 not re-reported
  EXPECT_EQ(record.block, "second text");
  EXPECT_EQ(parser.records_seen(), 4);
  EXPECT_EQ(parser.Next(&record, &why), WarcParser::Outcome::kEnd);
  EXPECT_TRUE(stream.status().ok());
}

TEST(ByteStream, LongLinesAreSkippedNotHeld) {
  TempFolder folder;
  std::string path = folder.Write("lines.txt", "short\n" + std::string(100000, 'x') + "\nlast");
  ByteStream stream;
  ASSERT_TRUE(stream.Open(path).ok());
  std::string line;
  size_t length;
  ASSERT_TRUE(stream.ReadLine(&line, 1000, &length));
  EXPECT_EQ(line, "short");
  ASSERT_TRUE(stream.ReadLine(&line, 1000, &length));
  EXPECT_EQ(length, 100000u);
  EXPECT_TRUE(line.empty());
  ASSERT_TRUE(stream.ReadLine(&line, 1000, &length));
  EXPECT_EQ(line, "last");
  EXPECT_FALSE(stream.ended_with_newline());
  EXPECT_FALSE(stream.ReadLine(&line, 1000, &length));
}

TEST(ByteStream, TruncatedGzipKeepsBytesBeforeTheDamage) {
  TempFolder folder;
  std::string first = Gzip("first member\n");
  std::string second = Gzip(std::string(5000, 'y') + "\n");
  std::string path = folder.Write("cut.txt.gz", first + second.substr(0, second.size() / 2));
  ByteStream stream;
  ASSERT_TRUE(stream.Open(path).ok());
  std::string line;
  size_t length;
  ASSERT_TRUE(stream.ReadLine(&line, 100000, &length));
  EXPECT_EQ(line, "first member");
  while (stream.ReadLine(&line, 100000, &length)) {
  }
  EXPECT_EQ(stream.status().code(), Status::Code::kCorrupt);
  EXPECT_NE(stream.status().message().find("truncated gzip"), std::string::npos);
}

TEST(ByteStream, OpenErrors) {
  TempFolder folder;
  ByteStream stream;
  EXPECT_EQ(stream.Open(folder.Path("missing.txt")).code(), Status::Code::kIOError);
  EXPECT_EQ(stream.Open(folder.root().string()).message(), "cannot open: is a folder");
}

}  // namespace
}  // namespace crosscheck
