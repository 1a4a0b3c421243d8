#include "util/atomic_file.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(AtomicFileTest, OldFileStaysUntilCommit) {
  fs::path p = fs::temp_directory_path() / ("cc_atomic_" + std::to_string(::getpid()) + ".txt");
  std::ofstream(p) << "old";
  {
    auto f = AtomicFile::Create(p.string());
    ASSERT_TRUE(f.ok());
    ASSERT_TRUE(f->Write("new").ok());
    EXPECT_EQ(Read(p), "old");
    // Dropped without Commit: as if the run was killed.
  }
  EXPECT_EQ(Read(p), "old");
  EXPECT_FALSE(fs::exists(p.string() + ".tmp-" + std::to_string(::getpid())));
  auto f = AtomicFile::Create(p.string());
  ASSERT_TRUE(f->Write("new").ok());
  ASSERT_TRUE(f->Commit().ok());
  EXPECT_EQ(Read(p), "new");
  fs::remove(p);
}

TEST(AtomicFileTest, UnwritableFolderIsAnError) {
  EXPECT_FALSE(AtomicFile::Create("/nonexistent-dir/out.jsonl").ok());
}

}  // namespace
}  // namespace crosscheck
