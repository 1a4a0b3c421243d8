// Test helpers for ingest: a temporary folder that fixtures are written into, and gzip writing.
// Only the ingest tests include this header.
#ifndef CROSSCHECK_INGEST_TEST_FILES_H_
#define CROSSCHECK_INGEST_TEST_FILES_H_

#include <unistd.h>
#include <zlib.h>

#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

namespace crosscheck::testing {

// A fresh folder under the system temp folder, removed with everything in it on destruction.
class TempFolder {
 public:
  TempFolder() {
    static std::atomic<int> counter{0};
    auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
    path_ = std::filesystem::temp_directory_path() /
            ("crosscheck_ingest_" + std::to_string(::getpid()) + "_" + std::to_string(stamp) + "_" +
             std::to_string(counter++));
    std::filesystem::create_directories(path_);
  }
  ~TempFolder() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempFolder(const TempFolder&) = delete;
  TempFolder& operator=(const TempFolder&) = delete;

  // The full path of `relative` inside the folder.
  std::string Path(std::string_view relative) const { return (path_ / relative).string(); }
  const std::filesystem::path& root() const { return path_; }

  // Writes `bytes` to `relative` (creating parent folders) and returns its full path.
  std::string Write(std::string_view relative, std::string_view bytes) const {
    std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

// One gzip member holding `bytes`.
inline std::string Gzip(std::string_view bytes) {
  z_stream z;
  std::memset(&z, 0, sizeof z);
  deflateInit2(&z, Z_DEFAULT_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(bytes.size())) + 64, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
  z.avail_in = static_cast<uInt>(bytes.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

}  // namespace crosscheck::testing

#endif  // CROSSCHECK_INGEST_TEST_FILES_H_
