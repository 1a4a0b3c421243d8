#include "store/sqlite_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
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

TEST_F(SqliteStoreTest, ReadsOnlyTheFirstRowsWhenLimited) {
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  for (const char* id : {"a", "b", "c"}) ASSERT_TRUE((*store)->AddDocument(Sample(id)).ok());
  auto count = [&](int64_t limit) {
    int n = 0;
    EXPECT_TRUE((*store)->ForEachJson("documents", [&](std::string_view) { ++n; return Status::Ok(); }, limit).ok());
    return n;
  };
  EXPECT_EQ(count(2), 2);
  EXPECT_EQ(count(0), 0);
  EXPECT_EQ(count(-1), 3);
}

// A full link in batches: each batch's changes are written by the rowids its load saw, into the
// right rows, bodies kept; until EndFullLink the store says its events are unfinished.
TEST_F(SqliteStoreTest, FullLinkWritesEachBatchIntoItsRows) {
  auto store = SqliteStore::Open(path_);
  ASSERT_TRUE(store.ok()) << store.status().ToString();
  SqliteStore& s = **store;
  for (const char* id : {"a", "b", "c"}) {
    DocumentRecords r = Sample(id);
    r.document.lead = LeadRecord{};
    r.events[0].is_lead = true;
    r.claims[0].doc_event = 0;
    ASSERT_TRUE(s.AddDocument(r).ok());
  }
  ASSERT_TRUE(s.BeginFullLink().ok());
  EXPECT_FALSE(*s.EventsHaveBlocks());
  std::vector<DocumentRecord> docs;
  std::vector<ClaimRecord> claims;
  std::vector<DocEventRecord> events;
  ASSERT_TRUE(s.LoadBlocks({""}, {}, &docs, &claims, &events).ok());
  ASSERT_EQ(events.size(), 3u);
  ASSERT_EQ(claims.size(), 3u);
  ASSERT_EQ(docs.size(), 3u);
  std::vector<EventRecord> linked;
  // Written in another order than loaded: each change still lands in its own row.
  std::reverse(docs.begin(), docs.end());
  std::reverse(claims.begin(), claims.end());
  for (size_t i = 0; i < 3; ++i) {
    std::string id = "ev-" + events[i].doc_id;
    events[i].event_id = claims[2 - i].event_id = docs[2 - i].lead->event_id = id;
    EventRecord e;
    e.event_id = id;
    e.documents = {events[i].doc_id};
    linked.push_back(e);
  }
  // The rows of a load stay with its batch: another load in between (a full link loads the next
  // batch while this one is linked) does not redirect its writes.
  SqliteStore::LoadedRows rows = s.TakeLoadedRows();
  EXPECT_EQ(rows.claims.size(), 3u);
  std::vector<DocumentRecord> other_docs;
  std::vector<ClaimRecord> other_claims;
  std::vector<DocEventRecord> other_events;
  ASSERT_TRUE(s.LoadBlocks({"no such block"}, {}, &other_docs, &other_claims, &other_events).ok());
  EXPECT_TRUE(other_events.empty());
  ASSERT_TRUE(s.AddLinkedEvents(rows, linked, claims, events, docs).ok());
  ASSERT_TRUE(s.EndFullLink().ok());
  EXPECT_TRUE(*s.EventsHaveBlocks());
  for (const char* id : {"a", "b", "c"}) {
    auto d = s.GetDocument(id);
    ASSERT_TRUE(d.ok());
    ASSERT_TRUE(d->lead.has_value());
    EXPECT_EQ(d->lead->event_id, std::string("ev-") + id);
    EXPECT_EQ(d->main_text, Sample(id).document.main_text);  // the body is kept
  }
  std::vector<ClaimRecord> stored;
  ASSERT_TRUE(s.LoadClaims(&stored).ok());
  for (const ClaimRecord& c : stored) EXPECT_EQ(c.event_id, "ev-" + c.doc_id);
  std::vector<DocEventRecord> stored_events;
  ASSERT_TRUE(s.LoadDocEvents(&stored_events).ok());
  for (const DocEventRecord& e : stored_events) EXPECT_EQ(e.event_id, "ev-" + e.doc_id);
}

TEST_F(SqliteStoreTest, UnopenableDatabaseIsAnError) {
  auto store = SqliteStore::Open("/nonexistent-dir/x.db");
  EXPECT_FALSE(store.ok());
}


// Incremental linking loads and replaces whole blocks (one town's reports), leaving the events of
// every other town as they were.
TEST_F(SqliteStoreTest, LinksByBlocksAndLeavesOtherBlocksAlone) {
  auto opened = SqliteStore::Open(path_);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  SqliteStore& store = **opened;
  auto placed = [](const std::string& id, const std::string& town, PlacePrecision precision,
                   const std::string& parent) {
    DocumentRecords r = Sample(id);
    r.claims[0].doc_event = 0;
    Place p;
    p.name = town;
    p.country_code = "SO";
    p.precision = precision;
    p.parent = parent;
    r.events[0].location = PlaceRecord{p, town};
    return r;
  };
  ASSERT_TRUE(store.Begin().ok());
  ASSERT_TRUE(store.AddDocument(placed("a", "Kismayo", PlacePrecision::kTown, "")).ok());
  ASSERT_TRUE(store.AddDocument(placed("b", "Baidoa", PlacePrecision::kTown, "")).ok());
  // A district of Kismayo is filed under the town.
  ASSERT_TRUE(store.AddDocument(placed("c", "Farjano", PlacePrecision::kNeighbourhood, "Kismayo")).ok());
  ASSERT_TRUE(store.Commit().ok());

  std::vector<std::pair<std::string, int64_t>> blocks;
  std::vector<std::string> touched = {"c"};
  ASSERT_TRUE(store.BlockSizes(&touched, &blocks).ok());
  ASSERT_EQ(blocks.size(), 1u);
  EXPECT_EQ(blocks[0], std::make_pair(std::string("SO|kismayo"), int64_t(2)));

  std::vector<DocumentRecord> docs;
  std::vector<ClaimRecord> claims;
  std::vector<DocEventRecord> events;
  ASSERT_TRUE(store.LoadBlocks({"SO|kismayo"}, {}, &docs, &claims, &events).ok());
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].doc_id, "a");  // storage order
  EXPECT_EQ(events[1].doc_id, "c");
  EXPECT_EQ(docs.size(), 2u);
  EXPECT_EQ(claims.size(), 2u);
  EXPECT_TRUE(docs[0].main_text.empty());

  auto event = [](const std::string& id, const std::string& town) {
    EventRecord e;
    e.event_id = id;
    Place p;
    p.name = town;
    p.country_code = "SO";
    p.precision = PlacePrecision::kTown;
    e.location = PlaceRecord{p, town};
    return e;
  };
  ASSERT_TRUE(store.Begin().ok());
  ASSERT_TRUE(store.ReplaceEvents({event("ev-a", "Kismayo"), event("ev-b", "Baidoa")}, {}, {}, {}).ok());
  ASSERT_TRUE(store.Commit().ok());
  auto blocked = store.EventsHaveBlocks();
  ASSERT_TRUE(blocked.ok());
  EXPECT_TRUE(*blocked);
  ASSERT_TRUE(store.Begin().ok());
  ASSERT_TRUE(store.ReplaceEventsOfBlocks({"SO|kismayo"}, {event("ev-a2", "Kismayo")}, {}, {}, {}).ok());
  ASSERT_TRUE(store.Commit().ok());
  std::vector<EventRecord> stored;
  ASSERT_TRUE(store.LoadEvents(&stored).ok());
  std::vector<std::string> ids;
  for (const EventRecord& e : stored) ids.push_back(e.event_id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"ev-a2", "ev-b"}));
}

}  // namespace
}  // namespace crosscheck
