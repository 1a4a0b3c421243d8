// DocumentReader: streams Documents out of files and folders. Internal to the library.
//
// Inputs are files or folders (searched recursively, in sorted path order so runs are
// reproducible; see input_walker.h). Formats by extension: .txt/.text, .html/.htm/.xhtml,
// .jsonl/.ndjson, .warc (and .wet); any of them may end in .gz, and a .gz may hold several
// concatenated gzip members. A folder's files of other extensions (and hidden files) are ignored;
// a file named explicitly with another extension is sniffed: "WARC/" -> WARC, a tag -> HTML, else
// text. Each record becomes one Document with `raw`, `text` (valid UTF-8: the encoding is detected
// with ICU and invalid bytes replaced; decode.h), `source_encoding`, `format`, `path`,
// `record_id`, `doc_id` and the given_* metadata filled.
//
// Records: a .txt or .html file is one record, its `path` the file path as given or found. A JSONL
// file holds one record a non-blank line (jsonl.h), `path` "file#N" counting those lines from 1.
// A WARC file's `response` (HTTP status line and headers stripped; 2xx HTML or text only; the
// Content-Type charset is the declared encoding), `resource` and `conversion` records become
// documents, with WARC-Target-URI as given_url and WARC-Record-ID as record_id; `path` is
// "file#N" where N counts every record of the file, warcinfo and request records included.
// doc_id hashes the record's bytes as stored: the whole file, the JSONL line, the WARC record
// block — so the same bytes twice get the same id.
//
// Memory: one record at a time is held (plus the decompression buffers), so reading a corpus of
// any size takes flat memory. A record over Options::max_record_bytes is skipped without being
// held (a 50 MB line is streamed past).
//
// Errors never stop the reader: an unreadable file, a truncated gzip or WARC, a JSONL line that
// is not JSON or lacks `text`/`html`, binary junk, an empty record — each is reported once through
// `on_skip` as one Skipped{"path" or "path#N", reason} and reading goes on with the next record or
// file. Damage inside a gzip keeps the records before it and reports the rest once. A folder
// input without a readable file is reported as "no articles found", a missing input as "not
// found".
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

// The stable id of a record: 16 lower-case hex digits of a 64-bit hash (MurmurHash64A, fixed
// seed) of its bytes.
std::string DocIdForBytes(std::string_view bytes);

// Decodes `bytes` to valid UTF-8. `declared` is an encoding named by the input (HTTP header, meta
// charset), or empty; when empty or unknown, ICU's detector chooses (the full order is in
// decode.h). Invalid sequences become U+FFFD; NUL and other C0 controls but tab/newline/CR are
// dropped (form feed and vertical tab become newlines). Sets *encoding to the name used
// ("UTF-8", "windows-1252", "UTF-16LE"); `encoding` may be null.
std::string DecodeToUtf8(std::string_view bytes, std::string_view declared, std::string* encoding);

}  // namespace crosscheck

#endif  // CROSSCHECK_INGEST_READER_H_
