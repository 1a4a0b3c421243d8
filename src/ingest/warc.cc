// WARC record framing and HTTP response decoding (headers, chunked bodies, gzip/deflate bodies).
#include "ingest/warc.h"

#include <zlib.h>

#include <charconv>
#include <cstring>

#include "ingest/decode.h"

namespace crosscheck {
namespace {

constexpr size_t kMaxHeaderLine = 64 << 10;

bool IsBlank(std::string_view line) {
  return line.find_first_not_of(" \t\r") == std::string_view::npos;
}

std::string_view Trim(std::string_view s) {
  size_t begin = s.find_first_not_of(" \t\r");
  if (begin == std::string_view::npos) return {};
  size_t end = s.find_last_not_of(" \t\r");
  return s.substr(begin, end - begin + 1);
}

std::string LowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool EqualsNoCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && LowerCopy(a) == LowerCopy(b);
}

bool ParseSize(std::string_view text, size_t* value) {
  text = Trim(text);
  if (text.empty()) return false;
  auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), *value);
  return error == std::errc() && end == text.data() + text.size();
}

// Splits "Name: value"; false for a line without a colon.
bool SplitHeader(std::string_view line, std::string_view* name, std::string_view* value) {
  size_t colon = line.find(':');
  if (colon == std::string_view::npos) return false;
  *name = Trim(line.substr(0, colon));
  *value = Trim(line.substr(colon + 1));
  return true;
}

bool IsDocumentType(std::string_view type) {
  return type == "response" || type == "resource" || type == "conversion";
}

// De-chunks a chunked body; false when it is not well-formed chunked data.
bool Dechunk(std::string_view body, size_t limit, std::string* out) {
  out->clear();
  size_t at = 0;
  for (;;) {
    size_t line_end = body.find('\n', at);
    if (line_end == std::string_view::npos) return false;
    std::string_view size_text = Trim(body.substr(at, line_end - at));
    size_text = size_text.substr(0, size_text.find(';'));  // chunk extensions
    size_t size = 0;
    auto [end, error] =
        std::from_chars(size_text.data(), size_text.data() + size_text.size(), size, 16);
    if (size_text.empty() || error != std::errc() || end != size_text.data() + size_text.size()) {
      return false;
    }
    at = line_end + 1;
    if (size == 0) return true;  // trailers, if any, are not needed
    if (size > body.size() - at || out->size() + size > limit) return false;
    out->append(body.substr(at, size));
    at += size;
    if (at < body.size() && body[at] == '\r') ++at;
    if (at < body.size() && body[at] == '\n') ++at;
  }
}

// Inflates gzip, zlib or raw deflate data, at most `limit` bytes.
Status Inflate(std::string_view data, size_t limit, std::string* out) {
  for (int window_bits : {15 + 32, -15}) {  // gzip/zlib by header, then raw deflate
    out->clear();
    z_stream z;
    std::memset(&z, 0, sizeof z);
    if (inflateInit2(&z, window_bits) != Z_OK) return Status::Internal("inflateInit2 failed");
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    char chunk[64 << 10];
    int code = Z_OK;
    while (code == Z_OK) {
      z.next_out = reinterpret_cast<Bytef*>(chunk);
      z.avail_out = sizeof chunk;
      code = inflate(&z, Z_NO_FLUSH);
      out->append(chunk, sizeof chunk - z.avail_out);
      if (out->size() > limit) {
        inflateEnd(&z);
        return Status::Corrupt("decompressed body is larger than max_record_bytes");
      }
      if (code == Z_BUF_ERROR && z.avail_in == 0) break;  // truncated body: keep what came out
    }
    inflateEnd(&z);
    if (code == Z_STREAM_END || (code == Z_BUF_ERROR && !out->empty())) return Status::Ok();
  }
  return Status::Corrupt("body is not valid gzip/deflate data");
}

}  // namespace

WarcParser::Outcome WarcParser::Next(WarcRecord* record, std::string* why) {
  *record = WarcRecord();
  why->clear();
  size_t length;
  if (!header_pending_) {
    // Find the version line.
    size_t junk_bytes = 0;
    bool found = false;
    while (stream_->ReadLine(&line_, kMaxHeaderLine, &length)) {
      if (length <= kMaxHeaderLine && line_.starts_with("WARC/")) {
        found = true;
        break;
      }
      if (length > kMaxHeaderLine || !IsBlank(line_)) junk_bytes += length + 1;
    }
    bool expected = resyncing_;  // the bytes of a record that could not be framed: reported
    resyncing_ = false;
    if (junk_bytes > 0 && !expected) {
      header_pending_ = found;  // report the junk now, read the record on the next call
      *why = "skipped " + std::to_string(junk_bytes) + " bytes that are not a WARC record";
      return Outcome::kJunk;
    }
    if (!found) return Outcome::kEnd;
  }
  header_pending_ = false;
  ++records_seen_;

  size_t content_length = 0;
  bool has_length = false;
  std::string* last_value = nullptr;
  for (;;) {
    if (!stream_->ReadLine(&line_, kMaxHeaderLine, &length)) {
      *why = "truncated WARC record: the header is cut off";
      return Outcome::kSkipped;
    }
    if (length > kMaxHeaderLine) continue;  // an absurd header line: ignore it
    if (IsBlank(line_)) break;
    if ((line_[0] == ' ' || line_[0] == '\t') && last_value != nullptr) {
      last_value->append(" ").append(Trim(line_));  // folded continuation line
      continue;
    }
    std::string_view name, value;
    last_value = nullptr;
    if (!SplitHeader(line_, &name, &value)) continue;
    if (EqualsNoCase(name, "WARC-Type")) {
      record->type = LowerCopy(value);
    } else if (EqualsNoCase(name, "WARC-Target-URI")) {
      if (value.size() >= 2 && value.front() == '<' && value.back() == '>') {
        value = value.substr(1, value.size() - 2);
      }
      record->target_uri.assign(value);
      last_value = &record->target_uri;
    } else if (EqualsNoCase(name, "WARC-Record-ID")) {
      record->record_id.assign(value);
    } else if (EqualsNoCase(name, "Content-Type")) {
      record->content_type.assign(value);
      last_value = &record->content_type;
    } else if (EqualsNoCase(name, "Content-Length")) {
      has_length = ParseSize(value, &content_length);
    }
  }
  if (!has_length) {
    // Without a length the block cannot be framed; the junk scan finds the next record.
    *why = "WARC record without a valid Content-Length";
    resyncing_ = true;
    return Outcome::kSkipped;
  }
  if (!IsDocumentType(record->type) || content_length > max_record_bytes_) {
    size_t skipped = stream_->Skip(content_length);
    if (skipped < content_length) {
      *why = "truncated WARC record: " + std::to_string(skipped) + " of " +
             std::to_string(content_length) + " bytes";
      return Outcome::kSkipped;
    }
    if (!IsDocumentType(record->type)) return Outcome::kIgnored;
    *why = "record of " + std::to_string(content_length) +
           " bytes is larger than max_record_bytes (" + std::to_string(max_record_bytes_) + ")";
    return Outcome::kSkipped;
  }
  size_t got = stream_->Read(content_length, &record->block);
  if (got < content_length) {
    *why = "truncated WARC record: " + std::to_string(got) + " of " +
           std::to_string(content_length) + " bytes";
    record->block.clear();
    return Outcome::kSkipped;
  }
  return Outcome::kRecord;
}

bool ParseHttpResponse(std::string_view message, HttpResponse* response) {
  *response = HttpResponse();
  if (!message.starts_with("HTTP/")) return false;
  size_t line_end = message.find('\n');
  if (line_end == std::string_view::npos) return false;
  std::string_view status_line = Trim(message.substr(0, line_end));
  size_t space = status_line.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view code = status_line.substr(space + 1, 3);
  auto [end, error] = std::from_chars(code.data(), code.data() + code.size(), response->status);
  if (error != std::errc()) return false;

  size_t at = line_end + 1;
  for (;;) {
    if (at >= message.size()) {
      response->body = {};
      return true;  // headers only
    }
    size_t next = message.find('\n', at);
    if (next == std::string_view::npos) next = message.size();
    std::string_view line = message.substr(at, next - at);
    at = std::min(next + 1, message.size());
    if (IsBlank(line)) break;
    std::string_view name, value;
    if (!SplitHeader(line, &name, &value)) continue;
    if (EqualsNoCase(name, "Content-Type")) {
      response->content_type.assign(value);
    } else if (EqualsNoCase(name, "Transfer-Encoding")) {
      response->transfer_encoding = LowerCopy(value);
    } else if (EqualsNoCase(name, "Content-Encoding")) {
      response->content_encoding = LowerCopy(value);
    }
  }
  response->body = message.substr(at);
  return true;
}

Status DecodeHttpBody(const HttpResponse& response, size_t limit, std::string* body) {
  std::string dechunked;
  std::string_view data = response.body;
  if (response.transfer_encoding.find("chunked") != std::string::npos &&
      Dechunk(data, limit, &dechunked)) {
    data = dechunked;
  }
  const std::string& encoding = response.content_encoding;
  if (encoding.empty() || encoding == "identity") {
    body->assign(data);
    return Status::Ok();
  }
  if (encoding == "gzip" || encoding == "x-gzip" || encoding == "deflate") {
    return Inflate(data, limit, body);
  }
  std::string shown;  // header bytes from the input: quoted as valid UTF-8, cut short
  AppendCleanUtf8(std::string_view(encoding).substr(0, 40), &shown);
  return Status::Unsupported("body compressed with \"" + shown + "\", which is not supported");
}

}  // namespace crosscheck
