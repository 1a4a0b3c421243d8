// Data files: where lexicons live and how they are read. Internal.
//
// Every lexicon is a UTF-8 TSV file under data/ (see data/README.md): one entry a line, fields
// separated by tabs, '#' starts a comment line, blank lines are ignored. A user's --lexicon folder
// holds files of the same relative names, read after the built-in ones and adding to them.
#ifndef CROSSCHECK_UTIL_DATA_FILES_H_
#define CROSSCHECK_UTIL_DATA_FILES_H_

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/options.h"
#include "crosscheck/status.h"

namespace crosscheck {

// The built-in data folder: options.data_dir, else $CROSSCHECK_DATA_DIR, else the source tree's.
std::string DataDir(const Options& options);

// The existing files named `relative` in the built-in folder and then each lexicon folder.
std::vector<std::string> DataFiles(const Options& options, std::string_view relative);

// One TSV line: its fields and where it came from, for error messages.
struct TsvLine {
  const std::string* path;
  int line_no;
  std::vector<std::string_view> fields;
  // "path:line: message" as an InvalidArgument Status.
  Status Error(std::string_view message) const;
};

// Calls `fn` for every entry line of `path`; stops at and returns the first error.
Status ReadTsv(const std::string& path, const std::function<Status(const TsvLine&)>& fn);

// ReadTsv over every file DataFiles(options, relative) returns. A missing built-in file is an
// error only when `required`.
Status ReadTsvFiles(const Options& options, std::string_view relative, bool required,
                    const std::function<Status(const TsvLine&)>& fn);

}  // namespace crosscheck

#endif  // CROSSCHECK_UTIL_DATA_FILES_H_
