#include "util/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace crosscheck {

Result<AtomicFile> AtomicFile::Create(const std::string& path) {
  std::string temp = path + ".tmp-" + std::to_string(::getpid());
  std::FILE* f = std::fopen(temp.c_str(), "wb");
  if (!f) return Status::IOError("cannot write " + temp + ": " + std::strerror(errno));
  return AtomicFile(path, temp, f);
}

AtomicFile::AtomicFile(AtomicFile&& other) noexcept
    : path_(std::move(other.path_)),
      temp_path_(std::move(other.temp_path_)),
      file_(other.file_),
      failed_(other.failed_) {
  other.file_ = nullptr;
  other.temp_path_.clear();
}

AtomicFile::~AtomicFile() {
  if (file_) std::fclose(file_);
  if (!temp_path_.empty()) std::remove(temp_path_.c_str());
}

Status AtomicFile::Write(std::string_view bytes) {
  if (!file_) return Status::Internal("write after commit: " + path_);
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) {
    failed_ = true;
    return Status::IOError("cannot write " + temp_path_ + ": " + std::strerror(errno));
  }
  return Status::Ok();
}

Status AtomicFile::Commit() {
  if (!file_) return Status::Internal("committed twice: " + path_);
  bool ok = !failed_ && std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
  ok = std::fclose(file_) == 0 && ok;
  file_ = nullptr;
  if (!ok) return Status::IOError("cannot write " + temp_path_ + ": " + std::strerror(errno));
  if (std::rename(temp_path_.c_str(), path_.c_str()) != 0) {
    return Status::IOError("cannot rename " + temp_path_ + " to " + path_ + ": " + std::strerror(errno));
  }
  temp_path_.clear();
  return Status::Ok();
}

}  // namespace crosscheck
