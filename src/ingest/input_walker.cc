// Folder walking with std::filesystem, format choice by file name or by first bytes.
#include "ingest/input_walker.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace crosscheck {
namespace {

std::string LowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  }
  return out;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

std::optional<FileFormat> FormatForName(std::string_view path) {
  std::string name = LowerAscii(path.substr(path.find_last_of('/') + 1));
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  static const std::pair<std::string_view, FileFormat> kExtensions[] = {
      {".txt", FileFormat::kText},     {".text", FileFormat::kText},
      {".html", FileFormat::kHtml},    {".htm", FileFormat::kHtml},
      {".xhtml", FileFormat::kHtml},   {".jsonl", FileFormat::kJsonl},
      {".ndjson", FileFormat::kJsonl}, {".warc", FileFormat::kWarc},
      {".wet", FileFormat::kWarc},  // Common Crawl's extracted text: WARC conversion records
  };
  for (const auto& [extension, format] : kExtensions) {
    if (name.size() > extension.size() && EndsWith(name, extension)) return format;
  }
  return std::nullopt;
}

FileFormat SniffFormat(std::string_view head) {
  // Look past a UTF-8 BOM, UTF-16's NUL bytes and leading white space.
  std::string visible;
  for (char c : head.substr(0, 1024)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u == 0 || u == 0xEF || u == 0xBB || u == 0xBF || u == 0xFF || u == 0xFE) continue;
    if (visible.empty() && (c == ' ' || c == '\t' || c == '\r' || c == '\n')) continue;
    visible.push_back(c);
  }
  if (visible.starts_with("WARC/")) return FileFormat::kWarc;
  if (visible.size() >= 2 && visible[0] == '<') {
    char next = visible[1];
    bool tag_like =
        next == '!' || next == '?' || (next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z');
    if (tag_like) return FileFormat::kHtml;
  }
  return FileFormat::kText;
}

InputWalker::InputWalker(std::vector<std::string> inputs, SkipFn on_skip)
    : inputs_(std::move(inputs)), on_skip_(std::move(on_skip)) {}

void InputWalker::Skip(const std::string& where, std::string why) {
  if (on_skip_) on_skip_(Skipped{where, std::move(why)});
}

bool InputWalker::PushFolder(const std::string& path) {
  namespace fs = std::filesystem;
  struct stat info;
  if (::stat(path.c_str(), &info) == 0) {
    // A folder reached twice (through a link) would be read twice, or forever in a cycle.
    if (!visited_.insert({static_cast<uint64_t>(info.st_dev), static_cast<uint64_t>(info.st_ino)})
             .second) {
      return true;
    }
  }
  std::error_code error;
  fs::directory_iterator it(path, error);
  if (error) {
    Skip(path, "cannot read folder: " + error.message());
    return false;
  }
  Frame frame;
  for (; it != fs::directory_iterator(); it.increment(error)) {
    if (error) break;
    std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    std::error_code type_error;
    bool is_folder = it->is_directory(type_error);  // follows links; false for a dangling one
    if (!is_folder && !FormatForName(name)) continue;
    frame.entries.push_back(Entry{name, it->path().string(), is_folder});
  }
  if (error) Skip(path, "cannot read folder: " + error.message());
  std::sort(frame.entries.begin(), frame.entries.end(),
            [](const Entry& a, const Entry& b) { return a.name < b.name; });
  stack_.push_back(std::move(frame));
  return true;
}

bool InputWalker::Next(std::string* path) {
  namespace fs = std::filesystem;
  for (;;) {
    if (!stack_.empty()) {
      Frame& frame = stack_.back();
      if (frame.next == frame.entries.size()) {
        stack_.pop_back();
        if (stack_.empty() && root_files_ == 0) Skip(root_, "no articles found");
        continue;
      }
      Entry entry = std::move(frame.entries[frame.next++]);
      if (entry.is_folder) {
        PushFolder(entry.path);
        continue;
      }
      ++root_files_;
      ++files_seen_;
      *path = std::move(entry.path);
      return true;
    }
    if (next_input_ == inputs_.size()) return false;
    const std::string& input = inputs_[next_input_++];
    std::error_code error;
    fs::file_status status = fs::status(input, error);
    if (fs::is_directory(status)) {
      root_ = input;
      root_files_ = 0;
      PushFolder(input);
      continue;
    }
    std::error_code link_error;
    if (input.empty() ||
        (!fs::exists(status) && !fs::is_symlink(fs::symlink_status(input, link_error)))) {
      Skip(input.empty() ? std::string("\"\"") : input, "not found");
      continue;
    }
    ++files_seen_;  // a dangling link too: opening it reports why it cannot be read
    *path = input;
    return true;
  }
}

}  // namespace crosscheck
