#include "report/exports.h"

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

class ExportsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc_exports_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
    auto store = SqliteStore::Open((dir_ / "t.db").string());
    ASSERT_TRUE(store.ok());
    store_ = std::move(store).value();
    DocumentRecords r;
    r.document.doc_id = "d1";
    r.document.path = "x.html";
    r.document.title = "<img src=x onerror=alert(1)>";
    r.document.main_text = "Gunmen killed 4. </script><script>alert('pwned')</script>";
    ClaimRecord c;
    c.claim_id = "d1-c0";
    c.doc_id = "d1";
    c.sentence = "Gunmen killed 4.";
    c.char_end = 16;
    c.count = CountRecord{"4", Quantity{4, 4, false}};
    r.claims.push_back(c);
    ASSERT_TRUE(*store_->AddDocument(r));
    EventRecord e;
    e.event_id = "ev1";
    e.event_type = "Violence against civilians";
    e.sub_event_type = "Attack";
    e.date_start = Date{2021, 5, 1};
    e.fatalities = Estimate{4, 4, 4, "one source"};
    e.claims = {"d1-c0"};
    e.documents = {"d1"};
    e.summary = "Gunmen killed 4, \"police\" said.";
    ASSERT_TRUE(store_->ReplaceEvents({e}, {}, {}, {}).ok());
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  fs::path dir_;
  std::unique_ptr<SqliteStore> store_;
};

TEST_F(ExportsTest, WritesEveryFile) {
  ASSERT_TRUE(ExportAll(*store_, dir_.string()).ok());
  for (const char* f : {"documents.jsonl", "claims.jsonl", "events.jsonl", "events.csv", "report.html"}) {
    EXPECT_TRUE(fs::exists(dir_ / f)) << f;
  }
  std::string events = Read(dir_ / "events.jsonl");
  EXPECT_EQ(std::count(events.begin(), events.end(), '\n'), 1);
  std::string csv = Read(dir_ / "events.csv");
  EXPECT_NE(csv.find("ev1,2021-05-01,"), std::string::npos) << csv;
  EXPECT_NE(csv.find("\"Gunmen killed 4, \"\"police\"\" said.\""), std::string::npos) << csv;
}

TEST_F(ExportsTest, ReportCannotBeBrokenOutOfByArticleText) {
  ASSERT_TRUE(ExportHtml(*store_, (dir_ / "report.html").string()).ok());
  std::string html = Read(dir_ / "report.html");
  // The only script end tags are the page's own: article text cannot close a data block.
  EXPECT_EQ(html.find("</script><script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<script>alert"), std::string::npos);
  EXPECT_EQ(html.find("<img src=x"), std::string::npos);
  EXPECT_NE(html.find("\\u003cimg src=x onerror=alert(1)\\u003e"), std::string::npos);
  EXPECT_EQ(html.find("src=\"http"), std::string::npos);
}

TEST_F(ExportsTest, EventTableListsEvents) {
  auto table = EventTable(*store_, 10);
  ASSERT_TRUE(table.ok());
  EXPECT_NE(table->find("2021-05-01"), std::string::npos);
  EXPECT_NE(table->find("4/4/4"), std::string::npos);
}

}  // namespace
}  // namespace crosscheck
