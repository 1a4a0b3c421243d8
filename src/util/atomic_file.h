// AtomicFile: writes a file under a temporary name in the same folder and renames it into place
// on Commit, so readers (and a killed run) only ever see the old file or the complete new one.
// Not committing removes the temporary file.
#ifndef CROSSCHECK_UTIL_ATOMIC_FILE_H_
#define CROSSCHECK_UTIL_ATOMIC_FILE_H_

#include <cstdio>
#include <string>
#include <string_view>

#include "crosscheck/status.h"

namespace crosscheck {

class AtomicFile {
 public:
  // Opens "<path>.tmp-<pid>" for writing.
  static Result<AtomicFile> Create(const std::string& path);
  AtomicFile(AtomicFile&& other) noexcept;
  AtomicFile& operator=(AtomicFile&&) = delete;
  ~AtomicFile();  // removes the temporary file unless committed

  Status Write(std::string_view bytes);
  // Flushes, syncs and renames over `path`.
  Status Commit();

  const std::string& temp_path() const { return temp_path_; }

 private:
  AtomicFile(std::string path, std::string temp_path, std::FILE* file)
      : path_(std::move(path)), temp_path_(std::move(temp_path)), file_(file) {}
  std::string path_;
  std::string temp_path_;
  std::FILE* file_ = nullptr;
  bool failed_ = false;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_UTIL_ATOMIC_FILE_H_
