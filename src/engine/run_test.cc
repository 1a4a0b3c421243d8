// The whole pipeline on a small corpus written here, with bad input mixed in: the run goes on,
// says what it skipped, writes every file atomically, and gives the same output on any number of
// threads.
#include "crosscheck/run.h"

#include <gtest/gtest.h>
#include <unistd.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

std::string Read(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void Write(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

std::string Gzip(const std::string& s) {
  std::string out(compressBound(uLong(s.size())) + 64, '\0');
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
  z.avail_in = uInt(s.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = uInt(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

const char kReport[] =
    "Clashes near Bakhmut leave 12 soldiers dead\n\n"
    "Twelve soldiers were killed in clashes near Bakhmut on Tuesday, the regional governor said.\n\n"
    "The army denied losing any positions.\n";

class RunTest : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("cc_run_" + std::to_string(::getpid()));
    fs::remove_all(root_);
    in_ = root_ / "in";
    Write(in_ / "a.txt", kReport);
    Write(in_ / "b.txt", std::string("Second report\n\nFour people were injured in a blast in Odesa, police said.\n"));
    Write(in_ / "nested/c.txt.gz", Gzip("Third report\n\nAt least 3 civilians died in shelling of Kherson, officials said.\n"));
    Write(in_ / "feed.jsonl",
          "{\"id\": \"r1\", \"text\": \"Gunmen killed 5 villagers in Mopti.\", \"published\": \"2021-03-02\"}\n"
          "this is not json\n"
          "{\"id\": \"r3\", \"title\": \"no body\"}\n");
    std::string truncated = Gzip(std::string(4000, 'x'));
    Write(in_ / "broken.txt.gz", truncated.substr(0, truncated.size() / 2));
    Write(in_ / "junk.txt", std::string("\x00\x01\x02\xff\xfe\x00binary\x00\x00", 14) + std::string(200, '\0'));
    Write(in_ / "bad-utf8.txt", "Caf\xe9 owner said 2 people were killed \xff\xfe in Sumy.\n");
    fs::create_directories(root_ / "empty");
  }
  void TearDown() override { fs::remove_all(root_); }

  Result<RunSummary> RunWith(int threads, const fs::path& out) {
    Options options;
    options.threads = threads;
    auto engine = Engine::Create(options);
    EXPECT_TRUE(engine.ok()) << engine.status().ToString();
    if (!engine.ok()) return engine.status();
    RunOptions run;
    run.inputs = {in_.string(), (root_ / "empty").string(), (root_ / "missing.txt").string()};
    run.out_dir = out.string();
    return RunPipeline(**engine, run);
  }

  fs::path root_, in_;
};

TEST_F(RunTest, BadInputIsSkippedAndTheRestIsProcessed) {
  auto summary = RunWith(1, root_ / "out");
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->documents, 5u);  // a, b, c, r1, bad-utf8
  std::string skipped;
  for (const Skipped& s : summary->skipped) skipped += s.where + ": " + s.why + "\n";
  EXPECT_NE(skipped.find("feed.jsonl#2"), std::string::npos) << skipped;
  EXPECT_NE(skipped.find("feed.jsonl#3"), std::string::npos) << skipped;
  EXPECT_NE(skipped.find("broken.txt.gz"), std::string::npos) << skipped;
  EXPECT_NE(skipped.find("junk.txt"), std::string::npos) << skipped;
  EXPECT_NE(skipped.find("empty"), std::string::npos) << skipped;
  EXPECT_NE(skipped.find("missing.txt"), std::string::npos) << skipped;
  for (const char* f : {"documents.jsonl", "claims.jsonl", "events.jsonl", "events.csv", "report.html",
                        "crosscheck.db"}) {
    EXPECT_TRUE(fs::exists(root_ / "out" / f)) << f;
  }
  for (const auto& entry : fs::directory_iterator(root_ / "out")) {
    EXPECT_EQ(entry.path().string().find(".tmp-"), std::string::npos) << entry.path();
  }
  std::string docs = Read(root_ / "out/documents.jsonl");
  EXPECT_EQ(std::count(docs.begin(), docs.end(), '\n'), 5);
  // Not UTF-8: read in the encoding the detector chose, never dropped.
  EXPECT_NE(docs.find("people were killed"), std::string::npos);
  EXPECT_NE(docs.find("in Sumy"), std::string::npos);
  EXPECT_NE(docs.find("\"record_id\":\"r1\""), std::string::npos);
}

TEST_F(RunTest, OutputIsTheSameOnAnyNumberOfThreads) {
  ASSERT_TRUE(RunWith(1, root_ / "one").ok());
  ASSERT_TRUE(RunWith(3, root_ / "three").ok());
  for (const char* f : {"documents.jsonl", "claims.jsonl", "events.jsonl", "events.csv"}) {
    EXPECT_EQ(Read(root_ / "one" / f), Read(root_ / "three" / f)) << f;
  }
}

TEST_F(RunTest, RunningAgainIntoAnExistingDbAddsNothing) {
  Options options;
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok());
  RunOptions run;
  run.inputs = {in_.string()};
  run.out_dir = (root_ / "inc").string();
  run.db_path = (root_ / "store.db").string();
  auto first = RunPipeline(**engine, run);
  ASSERT_TRUE(first.ok());
  std::string events = Read(root_ / "inc/events.jsonl");
  auto second = RunPipeline(**engine, run);
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(second->documents, 0u);
  EXPECT_EQ(second->duplicates, first->documents);
  EXPECT_EQ(Read(root_ / "inc/events.jsonl"), events);
}

// Bulk ingestion into a store: --no-export stores and links, and writes no report files.
TEST_F(RunTest, WithoutExportOnlyTheStoreIsWritten) {
  auto engine = Engine::Create(Options());
  ASSERT_TRUE(engine.ok());
  RunOptions run;
  run.inputs = {in_.string()};
  run.out_dir = (root_ / "quiet").string();
  run.db_path = (root_ / "quiet.db").string();
  run.export_files = false;
  auto summary = RunPipeline(**engine, run);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  EXPECT_EQ(summary->documents, 5u);
  EXPECT_TRUE(fs::exists(root_ / "quiet.db"));
  for (const char* f : {"documents.jsonl", "claims.jsonl", "events.jsonl", "events.csv", "report.html"}) {
    EXPECT_FALSE(fs::exists(root_ / "quiet" / f)) << f;
  }
  // A later run with export writes the files of everything the store holds.
  run.export_files = true;
  ASSERT_TRUE(RunPipeline(**engine, run).ok());
  std::string docs = Read(root_ / "quiet/documents.jsonl");
  EXPECT_EQ(std::count(docs.begin(), docs.end(), '\n'), 5);
}

// An incremental run links again only the places its new reports name: every other event comes
// out byte for byte as before.
TEST_F(RunTest, AddingAReportRelinksOnlyItsPlace) {
  Options options;
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok());
  RunOptions run;
  run.inputs = {in_.string()};
  run.out_dir = (root_ / "before").string();
  run.db_path = (root_ / "grow.db").string();
  ASSERT_TRUE(RunPipeline(**engine, run).ok());
  Write(root_ / "more/d.txt", "Fourth report\n\nTwo people were injured in another blast in Odesa, police said.\n");
  run.inputs = {(root_ / "more").string()};
  run.out_dir = (root_ / "after").string();
  auto added = RunPipeline(**engine, run);
  ASSERT_TRUE(added.ok());
  EXPECT_EQ(added->documents, 1u);
  std::string after = Read(root_ / "after/events.jsonl");
  std::istringstream before(Read(root_ / "before/events.jsonl"));
  size_t kept = 0;
  for (std::string line; std::getline(before, line);) {
    if (line.find("Odesa") != std::string::npos) continue;
    EXPECT_NE(after.find(line), std::string::npos) << line;
    ++kept;
  }
  EXPECT_GT(kept, 0u);
}

TEST_F(RunTest, NothingReadableMeansNoDocuments) {
  Options options;
  auto engine = Engine::Create(options);
  ASSERT_TRUE(engine.ok());
  RunOptions run;
  run.inputs = {(root_ / "empty").string()};
  run.out_dir = (root_ / "none").string();
  auto summary = RunPipeline(**engine, run);
  ASSERT_TRUE(summary.ok());
  EXPECT_EQ(summary->documents, 0u);
  EXPECT_EQ(summary->skipped.size(), 1u);
}

}  // namespace
}  // namespace crosscheck
