// ByteStream over zlib's gz* functions: one buffer, refilled in large chunks.
#include "ingest/byte_stream.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace crosscheck {
namespace {

constexpr size_t kChunk = 256 << 10;  // large reads keep gzread's per-call cost negligible

gzFile AsGz(void* file) { return static_cast<gzFile>(file); }

}  // namespace

ByteStream::~ByteStream() { Close(); }

Status ByteStream::Open(const std::string& path) {
  Close();
  status_ = Status();
  pos_ = end_ = 0;
  eof_ = false;
  // open(2) first: it gives the OS's reason for a failure, and a folder must be refused here
  // because open() succeeds on one and only the first read would fail.
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return Status::IOError(std::string("cannot open: ") + std::strerror(errno));
  struct stat info;
  if (::fstat(fd, &info) != 0 || S_ISDIR(info.st_mode)) {
    ::close(fd);
    return Status::IOError("cannot open: is a folder");
  }
  gzFile gz = gzdopen(fd, "rb");
  if (gz == nullptr) {
    ::close(fd);
    return Status::IOError("cannot open: out of memory");
  }
  gzbuffer(gz, kChunk);
  file_ = gz;
  if (buffer_.size() < kChunk) buffer_.resize(kChunk);
  return Status::Ok();
}

void ByteStream::Close() {
  if (file_ != nullptr) gzclose(AsGz(file_));
  file_ = nullptr;
}

bool ByteStream::Fill() {
  if (eof_ || file_ == nullptr) return false;
  if (pos_ > 0) {  // keep the unread tail at the front
    std::memmove(buffer_.data(), buffer_.data() + pos_, available());
    end_ -= pos_;
    pos_ = 0;
  }
  if (end_ == buffer_.size()) buffer_.resize(buffer_.size() * 2);  // only for Peek beyond a chunk
  int got =
      gzread(AsGz(file_), buffer_.data() + end_, static_cast<unsigned>(buffer_.size() - end_));
  if (got > 0) {
    end_ += static_cast<size_t>(got);
    return true;
  }
  eof_ = true;
  int code = Z_OK;
  const char* message = gzerror(AsGz(file_), &code);
  if (code == Z_BUF_ERROR) {
    status_ = Status::Corrupt("truncated gzip: unexpected end of file");
  } else if (code == Z_ERRNO) {
    status_ = Status::IOError(std::string("read error: ") + std::strerror(errno));
  } else if (code != Z_OK) {
    std::string_view why = message ? message : "bad data";
    if (why.starts_with("<fd:")) why.remove_prefix(std::min(why.size(), why.find(": ") + 2));
    status_ = Status::Corrupt("corrupt gzip: " + std::string(why));
  }
  return false;
}

bool ByteStream::AtEnd() { return available() == 0 && !Fill(); }

std::string_view ByteStream::Peek(size_t n) {
  while (available() < n && Fill()) {
  }
  return std::string_view(buffer_.data() + pos_, std::min(n, available()));
}

bool ByteStream::ReadLine(std::string* line, size_t limit, size_t* full_length) {
  line->clear();
  *full_length = 0;
  last_line_had_newline_ = false;
  if (AtEnd()) return false;
  bool too_long = false;
  for (;;) {
    const char* start = buffer_.data() + pos_;
    const void* newline = std::memchr(start, '\n', available());
    size_t take = newline ? static_cast<const char*>(newline) - start : available();
    *full_length += take;
    if (!too_long && *full_length > limit) {
      too_long = true;
      line->clear();
      line->shrink_to_fit();  // the point of the limit: do not keep a huge partial line
    }
    if (!too_long) line->append(start, take);
    pos_ += take;
    if (newline) {
      ++pos_;
      last_line_had_newline_ = true;
      return true;
    }
    if (!Fill()) return true;  // last line without '\n'
  }
}

size_t ByteStream::Read(size_t n, std::string* out) {
  size_t done = 0;
  while (done < n && (available() > 0 || Fill())) {
    size_t take = std::min(n - done, available());
    out->append(buffer_.data() + pos_, take);
    pos_ += take;
    done += take;
  }
  return done;
}

size_t ByteStream::Skip(size_t n) {
  size_t done = 0;
  while (done < n && (available() > 0 || Fill())) {
    size_t take = std::min(n - done, available());
    pos_ += take;
    done += take;
  }
  return done;
}

}  // namespace crosscheck
