// WARC reading: records one at a time from a ByteStream (plain .warc or a .warc.gz of gzip
// members), and the HTTP responses inside them. Internal to ingest.
//
// A record is a "WARC/1.x" line, header lines up to a blank line, then exactly Content-Length
// bytes. Only `response`, `resource` and `conversion` records can hold an article; the blocks of
// other types (warcinfo, request, metadata, revisit) are skipped without being held. Blank lines
// between records are ignored; bytes that are not a record header are skipped up to the next
// "WARC/" line (reported once per stretch).
#ifndef CROSSCHECK_INGEST_WARC_H_
#define CROSSCHECK_INGEST_WARC_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "ingest/byte_stream.h"

namespace crosscheck {

struct WarcRecord {
  std::string type;          // WARC-Type, lower-cased: "response", "resource", ...
  std::string target_uri;    // WARC-Target-URI, without the <> some writers add
  std::string record_id;     // WARC-Record-ID as written: "<urn:uuid:...>"
  std::string content_type;  // Content-Type of the block
  std::string block;         // the Content-Length bytes
};

class WarcParser {
 public:
  enum class Outcome {
    kRecord,   // *record holds a response, resource or conversion record
    kIgnored,  // a record of another type, skipped silently
    kSkipped,  // a record that cannot be used; *why says why
    kJunk,     // bytes that are not a record were skipped; *why says how many
    kEnd,      // no more records (check the stream's status for damage)
  };

  WarcParser(ByteStream* stream, size_t max_record_bytes)
      : stream_(stream), max_record_bytes_(max_record_bytes) {}

  Outcome Next(WarcRecord* record, std::string* why);
  // The number of records whose header has been seen, so the current record's 1-based number.
  int records_seen() const { return records_seen_; }

 private:
  ByteStream* stream_;
  size_t max_record_bytes_;
  int records_seen_ = 0;
  bool header_pending_ = false;
  bool resyncing_ = false;  // after a record without a length, whose bytes need no new report  // a
                            // "WARC/" line was read but its record not yet
  std::string line_;
};

// An HTTP response message as WARC `response` records store it.
struct HttpResponse {
  int status = 0;
  std::string content_type;
  std::string transfer_encoding;  // lower-cased
  std::string content_encoding;   // lower-cased
  std::string_view body;          // into the parsed block
};

// Parses the status line and headers of `message`; false when it is not an HTTP response.
bool ParseHttpResponse(std::string_view message, HttpResponse* response);

// The body as the server meant it: de-chunked ("Transfer-Encoding: chunked") and decompressed
// ("Content-Encoding: gzip/deflate"), at most `limit` bytes. Status Corrupt or Unsupported when
// the body cannot be decoded; a malformed chunked body is kept as it is (many archivers store
// bodies de-chunked but keep the header).
Status DecodeHttpBody(const HttpResponse& response, size_t limit, std::string* body);

}  // namespace crosscheck

#endif  // CROSSCHECK_INGEST_WARC_H_
