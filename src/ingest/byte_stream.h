// ByteStream: buffered reading of one input file, plain or gzip-compressed. Internal to ingest.
//
// zlib's gzopen/gzread read plain files unchanged and gunzip compressed ones, including files made
// of several concatenated gzip members (.warc.gz writes one member per record). The stream keeps a
// fixed-size buffer, so reading a file of any size takes flat memory; a line or record longer than
// the caller's limit is skipped over without being held.
//
// Damage (a truncated or corrupt gzip, an OS read error) ends the stream: every byte decoded
// before the damage is still delivered, then reads return nothing and status() says what went
// wrong. Not thread-safe.
#ifndef CROSSCHECK_INGEST_BYTE_STREAM_H_
#define CROSSCHECK_INGEST_BYTE_STREAM_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "crosscheck/status.h"

namespace crosscheck {

class ByteStream {
 public:
  ByteStream() = default;
  ~ByteStream();
  ByteStream(const ByteStream&) = delete;
  ByteStream& operator=(const ByteStream&) = delete;

  // Opens `path` for reading; IOError (with the OS reason) when it cannot be opened or is a
  // folder.
  Status Open(const std::string& path);
  void Close();

  // Reads the next line (without its '\n') into *line. Returns false when no bytes are left.
  // A line longer than `limit` bytes is consumed but not stored: *line is left empty and
  // *full_length (always set) tells its length. The last line may lack a '\n'; ended_with_newline()
  // says whether it had one.
  bool ReadLine(std::string* line, size_t limit, size_t* full_length);
  bool ended_with_newline() const { return last_line_had_newline_; }

  // Appends up to `n` bytes to *out; returns how many were appended (fewer only at the end).
  size_t Read(size_t n, std::string* out);
  // Discards up to `n` bytes; returns how many were discarded.
  size_t Skip(size_t n);

  // At least min(n, bytes left) bytes, without consuming them.
  std::string_view Peek(size_t n);

  // True when every byte has been read (cleanly or not).
  bool AtEnd();
  // Ok, or why the stream ended early (Corrupt for a damaged gzip, IOError for a read error).
  const Status& status() const { return status_; }

 private:
  // Refills the buffer after the unread bytes; false when nothing more can be read.
  bool Fill();
  size_t available() const { return end_ - pos_; }

  void* file_ = nullptr;  // gzFile, kept opaque so users need not include zlib.h
  std::string buffer_;
  size_t pos_ = 0;
  size_t end_ = 0;
  bool eof_ = false;
  bool last_line_had_newline_ = false;
  Status status_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_INGEST_BYTE_STREAM_H_
