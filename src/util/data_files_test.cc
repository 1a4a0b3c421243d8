#include "util/data_files.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

class DataFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("cc_data_" + std::to_string(::getpid()));
    fs::create_directories(root_ / "builtin/x");
    fs::create_directories(root_ / "user/x");
    Write(root_ / "builtin/x/words.tsv", "# a comment\nalpha\t1\n\nbeta\t2\n");
    Write(root_ / "user/x/words.tsv", "gamma\t3\nbroken\n");
    options_.data_dir = (root_ / "builtin").string();
    options_.lexicon_dirs = {(root_ / "user").string()};
  }
  void TearDown() override { fs::remove_all(root_); }
  static void Write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }

  fs::path root_;
  Options options_;
};

TEST_F(DataFilesTest, UserFilesAddToBuiltInOnes) {
  std::vector<std::string> seen;
  Status s = ReadTsvFiles(options_, "x/words.tsv", true, [&](const TsvLine& line) {
    if (line.fields.size() != 2) return line.Error("expected 2 fields");
    seen.emplace_back(line.fields[0]);
    return Status::Ok();
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"alpha", "beta", "gamma"}));
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.message().find("user/x/words.tsv:2: expected 2 fields"), std::string::npos) << s.ToString();
}

TEST_F(DataFilesTest, MissingRequiredFileIsNamed) {
  Status s = ReadTsvFiles(options_, "x/absent.tsv", true, [](const TsvLine&) { return Status::Ok(); });
  EXPECT_EQ(s.code(), Status::Code::kNotFound);
  EXPECT_NE(s.message().find("absent.tsv"), std::string::npos);
  EXPECT_TRUE(ReadTsvFiles(options_, "x/absent.tsv", false, [](const TsvLine&) { return Status::Ok(); }).ok());
}

}  // namespace
}  // namespace crosscheck
