#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

class SqliteStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("cc_store_" + std::to_string(::getpid()) + ".db")).string();
    fs::remove(path_);
  }
  void TearDown() override {
    fs::remove(path_);
    fs::remove(path_ + "-wal");
    fs::remove(path_ + "-shm");
  }
  static DocumentRecords Sample(const std::string& id) {
    DocumentRecords r;
    r.document.doc_id = id;
    r.document.path = "in/" + id + ".txt";
    // Article text is untrusted: quotes and SQL must be stored as data, never run.
    r.document.main_text = "It's \"bad\"'); DROP TABLE claims; --";
    ClaimRecord c;
    c.claim_id = id + "-c0";
    c.doc_id = id;
    c.sentence = "Two 'people' were killed.";
    c.count = CountRecord{"Two", Quantity{2, 2, false}};
    r.claims.push_back(c);
    DocEventRecord e;
    e.doc_id = id;
    e.event_type = "Battles";
    r.events.push_back(e);
    return r;
  }
  std::string path_;
};

TEST_F(SqliteStoreTest, StoresEachDocumentOnce) {
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  ASSERT_TRUE((*store)->Begin().ok());
  EXPECT_TRUE(*(*store)->AddDocument(Sample("a")));
  EXPECT_TRUE(*(*store)->AddDocument(Sample("b")));
  EXPECT_FALSE(*(*store)->AddDocument(Sample("a")));
  ASSERT_TRUE((*store)->Commit().ok());
  EXPECT_EQ(*(*store)->Count("documents"), 2);
  EXPECT_EQ(*(*store)->Count("claims"), 2);
  std::vector<DocumentRecord> docs;
  ASSERT_TRUE((*store)->LoadDocuments(&docs).ok());
  ASSERT_EQ(docs.size(), 2u);
  EXPECT_EQ(docs[0].doc_id, "a");
  std::vector<ClaimRecord> claims;
  ASSERT_TRUE((*store)->LoadClaims(&claims).ok());
  EXPECT_EQ(claims[1].sentence, "Two 'people' were killed.");
}

TEST_F(SqliteStoreTest, ReplacesEventsAndKeepsBodies) {
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok());
  ASSERT_TRUE(*(*store)->AddDocument(Sample("a")));
  std::vector<ClaimRecord> claims;
  std::vector<DocumentRecord> docs;
  ASSERT_TRUE((*store)->LoadClaims(&claims).ok());
  ASSERT_TRUE((*store)->LoadDocuments(&docs).ok());
  claims[0].event_id = "ev1";
  docs[0].lead = LeadRecord{"ev1"};
  EventRecord e;
  e.event_id = "ev1";
  e.claims = {claims[0].claim_id};
  ASSERT_TRUE((*store)->ReplaceEvents({e}, claims, {}, docs).ok());
  ASSERT_TRUE((*store)->ReplaceEvents({e}, {}, {}, {}).ok());  // idempotent
  EXPECT_EQ(*(*store)->Count("events"), 1);
  std::vector<ClaimRecord> again;
  ASSERT_TRUE((*store)->LoadClaims(&again).ok());
  EXPECT_EQ(again[0].event_id, "ev1");
  std::string json;
  ASSERT_TRUE((*store)->ForEachJson("documents", [&](std::string_view j) {
    json = std::string(j);
    return Status::Ok();
  }).ok());
  EXPECT_NE(json.find("DROP TABLE claims"), std::string::npos);
  EXPECT_NE(json.find(R"("event_id":"ev1")"), std::string::npos);
}

TEST_F(SqliteStoreTest, UnopenableDatabaseIsAnError) {
  auto store = SqliteStore::Open("/nonexistent-dir/x.db");
  EXPECT_FALSE(store.ok());
}

}  // namespace
}  // namespace crosscheck
