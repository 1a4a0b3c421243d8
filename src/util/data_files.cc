#include "util/data_files.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

namespace crosscheck {

namespace fs = std::filesystem;

std::string DataDir(const Options& options) {
  if (!options.data_dir.empty()) return options.data_dir;
  if (const char* env = std::getenv("CROSSCHECK_DATA_DIR"); env && *env) return env;
  return CROSSCHECK_DEFAULT_DATA_DIR;
}

std::vector<std::string> DataFiles(const Options& options, std::string_view relative) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::path builtin = fs::path(DataDir(options)) / relative;
  if (fs::is_regular_file(builtin, ec)) files.push_back(builtin.string());
  for (const std::string& dir : options.lexicon_dirs) {
    fs::path user = fs::path(dir) / relative;
    if (fs::is_regular_file(user, ec)) files.push_back(user.string());
  }
  return files;
}

Status TsvLine::Error(std::string_view message) const {
  return Status::InvalidArgument(*path + ":" + std::to_string(line_no) + ": " + std::string(message));
}

Status ReadTsv(const std::string& path, const std::function<Status(const TsvLine&)>& fn) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot open " + path);
  std::string line;
  TsvLine entry{&path, 0, {}};
  while (std::getline(in, line)) {
    ++entry.line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (entry.line_no == 1 && line.starts_with("\xEF\xBB\xBF")) line.erase(0, 3);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string::npos || line[first] == '#') continue;
    entry.fields.clear();
    std::string_view rest(line);
    while (true) {
      size_t tab = rest.find('\t');
      entry.fields.push_back(rest.substr(0, tab));
      if (tab == std::string_view::npos) break;
      rest.remove_prefix(tab + 1);
    }
    CROSSCHECK_RETURN_IF_ERROR(fn(entry));
  }
  if (in.bad()) return Status::IOError("error reading " + path);
  return Status::Ok();
}

Status ReadTsvFiles(const Options& options, std::string_view relative, bool required,
                    const std::function<Status(const TsvLine&)>& fn) {
  std::vector<std::string> files = DataFiles(options, relative);
  std::error_code ec;
  if (required && !fs::is_regular_file(fs::path(DataDir(options)) / relative, ec)) {
    return Status::NotFound("data file " + (fs::path(DataDir(options)) / relative).string() +
                            " is missing (set --data or CROSSCHECK_DATA_DIR)");
  }
  for (const std::string& file : files) CROSSCHECK_RETURN_IF_ERROR(ReadTsv(file, fn));
  return Status::Ok();
}

}  // namespace crosscheck
