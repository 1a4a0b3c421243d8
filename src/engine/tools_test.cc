#include "crosscheck/tools.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "crosscheck/records.h"

namespace crosscheck {
namespace {

TEST(ToolsTest, CleanOutputIdDropsExtensionsOrUsesRecordId) {
  Document d;
  d.path = "/data/html/abc123.html.gz";
  EXPECT_EQ(CleanOutputId(d), "abc123");
  d.path = "/data/pages.jsonl#4";
  d.record_id = "page/4?x";
  EXPECT_EQ(CleanOutputId(d), "page_4_x");
  d.record_id = "";
  EXPECT_EQ(CleanOutputId(d), "pages_4");
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

// The engine over the built-in data, made once for the tests below.
const Engine& TestEngine() {
  static const Engine* engine = [] {
    auto made = Engine::Create(Options());
    EXPECT_TRUE(made.ok()) << made.status().ToString();
    return made.ok() ? std::move(made).value().release() : nullptr;
  }();
  return *engine;
}

// A page as read from `path`, published on `date`, run through clean, analyse and extract.
Document Processed(const std::string& path, const std::string& text, Date date) {
  Document doc;
  doc.path = path;
  doc.text = text;
  doc.raw = doc.text;
  doc.given_published = date;
  EXPECT_TRUE(TestEngine().Process(doc).ok());
  return doc;
}

// The whole per-document pipeline on a scraped page: the body's counts become claims, the
// counts of a related-articles list below it do not.
TEST(EngineTest, CountsInPageFurnitureAreNoClaims) {
  Document doc = Processed(
      "page.txt",
      "Shelling kills nine in Kharkiv market\n\n"
      "Nine people were killed and 22 wounded when shells hit a covered market in Kharkiv on "
      "Thursday morning, the regional governor said.\n\n"
      "Firefighters worked for hours to put out the fires, and the governor said the toll could "
      "rise as more people were pulled from the wreckage.\n\n"
      "Related\n\n"
      "Flooding leaves 300 homeless in coastal villages\n\n"
      "3 days ago\n\n"
      "Bus crash kills 14 pilgrims on mountain road\n\n"
      "1 week ago\n\n"
      "Copyright 2024 Daily Frontline. All rights reserved.\n",
      Date{2024, 3, 7});
  std::vector<int64_t> counts;
  for (const Claim& c : doc.claims) {
    if (c.count && c.count->min) counts.push_back(*c.count->min);
  }
  EXPECT_NE(std::find(counts.begin(), counts.end(), 9), counts.end());
  EXPECT_NE(std::find(counts.begin(), counts.end(), 22), counts.end());
  EXPECT_EQ(std::find(counts.begin(), counts.end(), 14), counts.end());
  EXPECT_EQ(std::find(counts.begin(), counts.end(), 300), counts.end());
  EXPECT_EQ(doc.main_text.find("pilgrims"), std::string::npos);
}

// A report that names no known place is placed in the country its actors fight in.
TEST(EngineTest, AReportWithoutAPlaceIsInItsActorsCountry) {
  Document doc = Processed("note.txt",
                           "Houthi fighters shelled farms near a small hamlet on Sunday, wounding two farmers.\n",
                           Date{2024, 2, 12});
  ASSERT_GE(doc.lead_event, 0);
  const DocEvent& lead = doc.events[doc.lead_event];
  ASSERT_TRUE(lead.location.has_value());
  EXPECT_EQ(lead.location->country_code, "YE");
  EXPECT_EQ(lead.location->precision, PlacePrecision::kCountry);
}

// The report's toll for its lead adds other groups' counts, but not the same count told again.
TEST(EngineTest, ALeadTollCountsARestatedNumberOnce) {
  Document doc = Processed(
      "strike.txt",
      "At least 31 militants were killed on Sunday in air strikes near Kidal, security sources said.\n\n"
      "During the operation 31 jihadists were killed and two depots were destroyed, the sources added.\n",
      Date{2024, 9, 2});
  DocumentRecords records = MakeRecords(doc);
  ASSERT_TRUE(records.document.lead.has_value());
  ASSERT_TRUE(records.document.lead->killed.has_value());
  EXPECT_EQ(*records.document.lead->killed->min, 31);
}

}  // namespace
}  // namespace crosscheck
