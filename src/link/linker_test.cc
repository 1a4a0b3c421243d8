#include "link/linker.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

PlaceRecord Town(const std::string& name, const std::string& cc) {
  Place p;
  p.name = name;
  p.country_code = cc;
  p.precision = PlacePrecision::kTown;
  return PlaceRecord{p, name};
}

struct Corpus {
  LinkInput in;
  void Doc(const std::string& id, std::optional<Date> published) {
    DocumentRecord d;
    d.doc_id = id;
    d.published.date = published;
    d.lead = LeadRecord{};
    in.documents.push_back(d);
  }
  void Event(const std::string& doc, const std::string& type, const PlaceRecord& place, std::optional<Date> date) {
    DocEventRecord e;
    e.doc_id = doc;
    e.index = 0;
    e.event_type = type;
    e.sub_event_type = type;
    e.location = place;
    e.date_start = date;
    e.date_end = date;
    e.is_lead = true;
    e.sentence = "Shells fell on " + place.place.name + ".";
    in.doc_events.push_back(e);
  }
  void Claim(const std::string& doc, int n, std::optional<int64_t> lo, std::optional<int64_t> hi,
             const std::string& source, ActorType type, Polarity polarity = Polarity::kAsserted,
             Scope scope = Scope::kIncident) {
    ClaimRecord c;
    c.claim_id = doc + "-c" + std::to_string(n);
    c.doc_id = doc;
    c.doc_event = 0;
    c.kind = ClaimKind::kKilled;
    if (lo || hi) c.count = CountRecord{"x", Quantity{lo, hi, false}};
    c.source_name = source;
    c.source_type = type;
    c.polarity = polarity;
    c.scope = scope;
    in.claims.push_back(c);
  }
};

TEST(LinkerTest, MergesReportsOfOneEventAndReconciles) {
  Corpus c;
  Date day{2019, 4, 6};
  c.Doc("a", day);
  c.Doc("b", Date{2019, 4, 7});
  c.Doc("undated", std::nullopt);
  c.Event("a", "Explosions/Remote violence", Town("Tripoli", "LY"), day);
  c.Event("b", "Explosions/Remote violence", Town("Tripoli", "LY"), Date{2019, 4, 7});
  c.Event("undated", "Explosions/Remote violence", Town("Tripoli", "LY"), std::nullopt);
  c.Claim("a", 0, 12, 12, "Health ministry", ActorType::kGovernment);
  c.Claim("b", 0, 21, std::nullopt, "", ActorType::kActivist);
  c.Claim("undated", 0, std::nullopt, 30, "", ActorType::kMedia);
  c.Claim("undated", 1, std::nullopt, std::nullopt, "Army", ActorType::kMilitary, Polarity::kDenied);
  c.Claim("b", 1, 400, 400, "", ActorType::kActivist, Polarity::kAsserted, Scope::kCumulative);
  LinkOutput out = Linker().Link(c.in);
  ASSERT_EQ(out.events.size(), 1u);
  const EventRecord& e = out.events[0];
  EXPECT_EQ(e.documents.size(), 3u);
  ASSERT_TRUE(e.fatalities.has_value());
  EXPECT_EQ(e.fatalities->low, 12);
  EXPECT_EQ(e.fatalities->high, 30);  // the cumulative 400 stays out
  EXPECT_GE(e.fatalities->best, 12);
  EXPECT_LE(e.fatalities->best, 30);
  EXPECT_EQ(e.contradictions.size(), 1u);
  EXPECT_EQ(e.sources.size(), 4u);
  // The undated report takes the event's date.
  bool repaired = false;
  for (const DocumentRecord& d : out.changed_documents) {
    if (d.doc_id == "undated") repaired = d.published.date == day && d.published.basis == DateBasis::kCluster;
  }
  EXPECT_TRUE(repaired);
  for (const ClaimRecord& cl : out.changed_claims) EXPECT_EQ(cl.event_id, e.event_id);
}

TEST(LinkerTest, NeverMergesAcrossDatesOrPlaces) {
  Corpus c;
  c.Doc("sep", Date{2011, 9, 8});
  c.Doc("feb", Date{2012, 2, 4});
  c.Doc("other", Date{2012, 2, 4});
  c.Event("sep", "Battles", Town("Misrata", "LY"), Date{2011, 9, 8});
  c.Event("feb", "Battles", Town("Misrata", "LY"), Date{2012, 2, 4});
  c.Event("other", "Battles", Town("Sirte", "LY"), Date{2012, 2, 4});
  EXPECT_EQ(Linker().Link(c.in).events.size(), 3u);
}

TEST(LinkerTest, SameInputGivesSameIds) {
  Corpus c;
  c.Doc("a", Date{2020, 1, 1});
  c.Event("a", "Battles", Town("Goma", "CD"), Date{2020, 1, 1});
  EXPECT_EQ(Linker().Link(c.in).events[0].event_id, Linker().Link(c.in).events[0].event_id);
}

}  // namespace
}  // namespace crosscheck
