// The link stage over a store: an incremental link touches only the events near the new reports'
// dates in their towns, gives what linking everything again gives, and changes nothing when run
// again with nothing new.
#include "engine/link_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <map>

namespace crosscheck {
namespace {

namespace fs = std::filesystem;

PlaceRecord Town(const std::string& name) {
  Place p;
  p.name = name;
  p.country_code = "SY";
  p.precision = PlacePrecision::kTown;
  return PlaceRecord{p, name};
}

// One report of a shelling: its document, lead event and one count.
DocumentRecords Report(const std::string& id, const std::string& town, Date day, int64_t killed) {
  DocumentRecords r;
  r.document.doc_id = id;
  r.document.path = id + ".txt";
  r.document.language = "en";
  r.document.published = PublishedDate{day, DateBasis::kMetadata, 0.9};
  r.document.lead = LeadRecord{};
  DocEventRecord e;
  e.doc_id = id;
  e.event_type = "Explosions/Remote violence";
  e.sub_event_type = "Shelling/artillery/missile attack";
  e.location = Town(town);
  e.date_start = e.date_end = day;
  e.actor1 = "Syrian army";
  e.sentence = "Mortars hit the market in " + town + ".";
  e.is_lead = true;
  r.events.push_back(e);
  ClaimRecord c;
  c.claim_id = id + "-c0";
  c.doc_id = id;
  c.doc_event = 0;
  c.count = CountRecord{std::to_string(killed), Quantity{killed, killed, false}};
  c.sentence = std::to_string(killed) + " people were killed at the market, activists said.";
  r.claims.push_back(c);
  return r;
}

// Event id -> its documents.
std::map<std::string, std::vector<std::string>> Events(SqliteStore& store) {
  std::vector<EventRecord> events;
  EXPECT_TRUE(store.LoadEvents(&events).ok());
  std::map<std::string, std::vector<std::string>> out;
  for (EventRecord& e : events) out[e.event_id] = e.documents;
  return out;
}

class LinkStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("cc_link_store_" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::unique_ptr<SqliteStore> Open(const std::string& name) {
    auto store = SqliteStore::Open((dir_ / name).string());
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return std::move(store).value();
  }
  // A year of weekly shellings in Homs and Hama.
  void Fill(SqliteStore& store) {
    ASSERT_TRUE(store.Begin().ok());
    for (int week = 0; week < 52; ++week) {
      Date day = Date{2012, 1, 2}.AddDays(week * 7);
      for (const char* town : {"Homs", "Hama"}) {
        for (int k = 0; k < 2; ++k) {
          std::string id = std::string(town) + "-" + std::to_string(week) + "-" + std::to_string(k);
          ASSERT_TRUE(store.AddDocument(Report(id, town, day.AddDays(k), 10 + k)).ok());
        }
      }
    }
    ASSERT_TRUE(store.Commit().ok());
  }
  fs::path dir_;
};

TEST_F(LinkStoreTest, AddingAReportRelinksOnlyTheEventsNearIt) {
  auto store = Open("grow.db");
  Fill(*store);
  std::vector<std::string> repaired;
  LinkStoreStats full;
  ASSERT_TRUE(LinkStore(*store, LinkOptions(), nullptr, {}, &repaired, &full).ok());
  EXPECT_FALSE(full.incremental);
  auto before = Events(*store);
  ASSERT_EQ(before.size(), 104u);  // a week's two reports of a town are one event

  // A late report of Homs's shelling of week 20.
  DocumentRecords late = Report("late", "Homs", Date{2012, 1, 2}.AddDays(20 * 7 + 1), 12);
  ASSERT_TRUE(store->AddDocument(late).ok());
  std::vector<std::string> touched = {"late"};
  LinkStoreStats inc;
  ASSERT_TRUE(LinkStore(*store, LinkOptions(), &touched, {}, &repaired, &inc).ok());
  EXPECT_TRUE(inc.incremental);
  EXPECT_LE(inc.doc_events, 7u);  // the report and the Homs events within two weeks of it
  auto after = Events(*store);
  ASSERT_EQ(after.size(), 104u);
  size_t changed = 0;
  for (const auto& [id, docs] : after) {
    auto was = before.find(id);
    ASSERT_NE(was, before.end()) << id;
    if (was->second != docs) {
      ++changed;
      EXPECT_EQ(docs, (std::vector<std::string>{"Homs-20-0", "Homs-20-1", "late"}));
    }
  }
  EXPECT_EQ(changed, 1u);

  // Linking everything again gives the same events.
  ASSERT_TRUE(LinkStore(*store, LinkOptions(), nullptr, {}, &repaired).ok());
  EXPECT_EQ(Events(*store), after);

  // Nothing new: nothing is linked, nothing changes.
  std::vector<std::string> none;
  LinkStoreStats idle;
  ASSERT_TRUE(LinkStore(*store, LinkOptions(), &none, {}, &repaired, &idle).ok());
  EXPECT_EQ(idle.doc_events, 0u);
  EXPECT_EQ(Events(*store), after);
}

// A full link commits a batch at a time; one cut short (here: after its first batch, one town)
// leaves the store marked, so the next run links it whole again instead of incrementally.
// Every row of the store's tables, as JSON.
std::vector<std::string> Rows(SqliteStore& store) {
  std::vector<std::string> rows;
  for (const char* table : {"documents", "claims", "doc_events", "events"}) {
    EXPECT_TRUE(store.ForEachJson(table, [&](std::string_view json) {
      rows.emplace_back(json);
      return Status::Ok();
    }).ok());
  }
  return rows;
}

TEST_F(LinkStoreTest, AFullLinkInManyBatchesGivesWhatOneBatchGives) {
  // Undated reports too: their dates are repaired from their events, whichever batch those are in.
  auto fill = [&](SqliteStore& store) {
    Fill(store);
    DocumentRecords late = Report("Hama-undated", "Hama", Date{2012, 3, 5}, 12);
    late.document.published = PublishedDate{};
    ASSERT_TRUE(store.AddDocument(late).ok());
  };
  auto one = Open("one.db");
  fill(*one);
  std::vector<std::string> repaired_one, repaired_many;
  ASSERT_TRUE(LinkStore(*one, LinkOptions(), nullptr, {}, &repaired_one).ok());
  auto many = Open("many.db");
  fill(*many);
  LinkOptions small;
  small.full_link_batch = 1;  // a batch per block: one is linked while the next is loaded
  LinkStoreStats stats;
  ASSERT_TRUE(LinkStore(*many, small, nullptr, {}, &repaired_many, &stats).ok());
  EXPECT_EQ(stats.batches, 2u);
  EXPECT_EQ(repaired_many, repaired_one);
  EXPECT_EQ(repaired_many, std::vector<std::string>{"Hama-undated"});
  EXPECT_EQ(Rows(*many), Rows(*one));
  EXPECT_TRUE(*many->EventsHaveBlocks());
}

TEST_F(LinkStoreTest, AnInterruptedFullLinkIsDoneAgainWhole) {
  std::map<std::string, std::vector<std::string>> linked;
  {
    auto store = Open("cut.db");
    Fill(*store);
    std::vector<std::string> repaired;
    ASSERT_TRUE(LinkStore(*store, LinkOptions(), nullptr, {}, &repaired).ok());
    EXPECT_TRUE(*store->EventsHaveBlocks());
    linked = Events(*store);
    std::vector<std::pair<std::string, int64_t>> blocks;
    ASSERT_TRUE(store->BlockSizes(nullptr, &blocks).ok());
    ASSERT_EQ(blocks.size(), 2u);
    ASSERT_TRUE(store->Begin().ok());
    ASSERT_TRUE(store->BeginFullLink().ok());
    LinkInput in;
    ASSERT_TRUE(store->LoadBlocks({blocks[0].first}, {}, &in.documents, &in.claims, &in.doc_events).ok());
    LinkOutput out = Linker().Link(std::move(in));
    ASSERT_TRUE(store->AddLinkedEvents(store->TakeLoadedRows(), out.events, out.changed_claims,
                                       out.changed_doc_events, out.changed_documents).ok());
    ASSERT_TRUE(store->Commit().ok());
    ASSERT_EQ(*store->Count("events"), 52);  // one town's: the other is not linked yet
  }
  auto store = Open("cut.db");
  EXPECT_FALSE(*store->EventsHaveBlocks());
  std::vector<std::string> none, repaired;
  LinkStoreStats stats;
  ASSERT_TRUE(LinkStore(*store, LinkOptions(), &none, {}, &repaired, &stats).ok());
  EXPECT_FALSE(stats.incremental);
  EXPECT_EQ(stats.doc_events, 208u);
  EXPECT_EQ(Events(*store), linked);
  EXPECT_TRUE(*store->EventsHaveBlocks());
}

TEST_F(LinkStoreTest, AnUndatedReportRelinksItsWholeTown) {
  auto store = Open("undated.db");
  Fill(*store);
  std::vector<std::string> repaired;
  ASSERT_TRUE(LinkStore(*store, LinkOptions(), nullptr, {}, &repaired).ok());
  DocumentRecords undated = Report("undated", "Hama", Date{2012, 6, 1}, 11);
  undated.document.published = PublishedDate{};
  undated.events[0].date_start = undated.events[0].date_end = std::nullopt;
  ASSERT_TRUE(store->AddDocument(undated).ok());
  std::vector<std::string> touched = {"undated"};
  LinkStoreStats inc;
  ASSERT_TRUE(LinkStore(*store, LinkOptions(), &touched, {}, &repaired, &inc).ok());
  EXPECT_EQ(inc.doc_events, 105u);  // Hama's 104 reports and the new one
  EXPECT_EQ(repaired, (std::vector<std::string>{"undated"}));  // it took its event's date
}

}  // namespace
}  // namespace crosscheck
