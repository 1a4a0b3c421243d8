// InputWalker: turns the inputs of a run (files and folders) into the files to read, in a
// reproducible order. Internal to ingest.
//
// A folder is walked depth-first with each folder's entries in byte order of their names, one
// folder listing at a time, so memory does not grow with the number of files. In folders only
// files with a readable extension are returned (FormatForName); names starting with '.' are
// hidden and skipped; symbolic links are followed, each folder is visited at most once (no cycles).
// A file named explicitly is always returned. Problems are reported through `on_skip`: an input
// that does not exist ("not found"), a folder that cannot be listed, a folder input with no
// readable file ("no articles found").
#ifndef CROSSCHECK_INGEST_INPUT_WALKER_H_
#define CROSSCHECK_INGEST_INPUT_WALKER_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "crosscheck/run.h"

namespace crosscheck {

enum class FileFormat { kText, kHtml, kJsonl, kWarc };

// The format of a file by its name's extension (case-insensitive), after an optional ".gz":
// .txt .text -> text; .html .htm .xhtml -> html; .jsonl .ndjson -> jsonl; .warc .wet -> warc.
// nullopt for any other name.
std::optional<FileFormat> FormatForName(std::string_view path);

// The format of content named explicitly with another extension, from its first bytes:
// "WARC/" -> warc, '<' and a tag -> html, else text.
FileFormat SniffFormat(std::string_view head);

class InputWalker {
 public:
  InputWalker(std::vector<std::string> inputs, SkipFn on_skip);

  // The next file to read; false when every input is done.
  bool Next(std::string* path);
  // Files returned so far.
  size_t files_seen() const { return files_seen_; }

 private:
  struct Entry {
    std::string name;
    std::string path;
    bool is_folder;
  };
  struct Frame {
    std::vector<Entry> entries;
    size_t next = 0;
  };
  void Skip(const std::string& where, std::string why);
  // Lists a folder onto the stack; false (reported) when it cannot be read.
  bool PushFolder(const std::string& path);

  std::vector<std::string> inputs_;
  size_t next_input_ = 0;
  SkipFn on_skip_;
  std::vector<Frame> stack_;
  std::string root_;                                 // the folder input being walked
  size_t root_files_ = 0;                            // readable files found under it
  std::set<std::pair<uint64_t, uint64_t>> visited_;  // (device, inode) of folders walked
  size_t files_seen_ = 0;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_INGEST_INPUT_WALKER_H_
