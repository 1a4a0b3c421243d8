// DocumentReader: streams Documents out of files and folders. Internal to the library.
//
// Inputs are files or folders (searched recursively, in sorted path order so runs are
// reproducible). Formats by extension: .txt, .html/.htm, .jsonl, .warc; any of them may end in
// .gz. A folder's files of other extensions are ignored; a file named explicitly is read as text
// whatever its extension. Each record becomes one Document with `raw`, `text` (valid UTF-8: the
// encoding is detected with ICU and invalid bytes replaced), `format`, `path`, `record_id`,
// `doc_id` and the given_* metadata filled.
//
// Memory: one record at a time is held (plus the decompression buffers), so reading a corpus of
// any size takes flat memory. A record over Options::max_record_bytes is skipped.
//
// Errors never stop the reader: an unreadable file, a truncated gzip or WARC, a JSONL line that
// is not JSON or lacks `text`/`html`, binary junk — each is reported once through `on_skip` as
// one Skipped{"path" or "path#N", reason} and reading goes on with the next record or file.
//
// Not thread-safe: one reader feeds the pipeline from one thread.
#ifndef CROSSCHECK_INGEST_READER_H_
#define CROSSCHECK_INGEST_READER_H_

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "crosscheck/document.h"
#include "crosscheck/options.h"
#include "crosscheck/run.h"

namespace crosscheck {

class DocumentReader {
 public:
  DocumentReader(std::vector<std::string> inputs, const Options& options, SkipFn on_skip);
  ~DocumentReader();
  DocumentReader(const DocumentReader&) = delete;
  DocumentReader& operator=(const DocumentReader&) = delete;

  // Fills *doc (all of its fields reset first) with the next record and returns true; returns
  // false when every input has been read.
  bool Next(Document* doc);

  // Files found so far (after expanding folders) whose extension is readable.
  size_t files_seen() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The stable id of a record: 16 hex digits of a 64-bit hash of its bytes.
std::string DocIdForBytes(std::string_view bytes);

// Decodes `bytes` to valid UTF-8. `declared` is an encoding named by the input (HTTP header, meta
// charset), or empty; when empty or unknown, ICU's detector chooses. Invalid sequences become
// U+FFFD; NUL and other C0 controls but tab/newline/CR are dropped. Sets *encoding to the name used.
std::string DecodeToUtf8(std::string_view bytes, std::string_view declared, std::string* encoding);

}  // namespace crosscheck

#endif  // CROSSCHECK_INGEST_READER_H_
