// JSONL records: one article per line, parsed with simdjson. Internal to ingest.
//
// A record is a JSON object with `text` or `html` (a string; one is required — `text`, the
// scraper's own extraction, is used when both are given) and optionally `id` (string or number),
// `url`, `title`, `outlet`, `published` ("YYYY-MM-DD" or an ISO 8601 date-time) and `language`.
// Other fields are ignored; a `published` that is not a date is ignored, not an error.
#ifndef CROSSCHECK_INGEST_JSONL_H_
#define CROSSCHECK_INGEST_JSONL_H_

#include <memory>
#include <string>

#include "crosscheck/document.h"
#include "crosscheck/status.h"

namespace crosscheck {

class JsonlRecordParser {
 public:
  JsonlRecordParser();
  ~JsonlRecordParser();
  JsonlRecordParser(const JsonlRecordParser&) = delete;
  JsonlRecordParser& operator=(const JsonlRecordParser&) = delete;

  // Parses one line into doc's ingest fields: raw (the text or html value), format, record_id and
  // given_*. `line` may hold invalid UTF-8 (it is repaired first) and its capacity may be grown
  // for simdjson's padding. Corrupt("not JSON: ...") for a malformed line,
  // InvalidArgument(...) for JSON that is not a record.
  Status Parse(std::string* line, Document* doc);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_INGEST_JSONL_H_
