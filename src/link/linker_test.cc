#include "link/linker.h"

#include <gtest/gtest.h>

#include "link/match.h"

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
  DocEventRecord& Event(const std::string& doc, const std::string& type, const PlaceRecord& place,
                        std::optional<Date> date) {
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
    return in.doc_events.back();
  }
  ClaimRecord& Claim(const std::string& doc, int n, std::optional<int64_t> lo, std::optional<int64_t> hi,
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
    return in.claims.back();
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

PlaceRecord Quarter(const std::string& name, const std::string& town, const std::string& cc) {
  PlaceRecord p = Town(name, cc);
  p.place.precision = PlacePrecision::kNeighbourhood;
  p.place.parent = town;
  return p;
}

const EventRecord* EventOf(const LinkOutput& out, const std::string& doc) {
  for (const EventRecord& e : out.events) {
    for (const std::string& d : e.documents) {
      if (d == doc) return &e;
    }
  }
  return nullptr;
}

TEST(LinkerTest, ANeighbourhoodMeetsItsTown) {
  Corpus c;
  Date day{2017, 6, 3};
  c.Doc("town", day);
  c.Doc("quarter", day);
  c.Event("town", "Battles", Town("Mosul", "IQ"), day);
  c.Event("quarter", "Battles", Quarter("Zanjili", "Mosul", "IQ"), day);
  LinkOutput out = Linker().Link(c.in);
  ASSERT_EQ(out.events.size(), 1u);
  // The event takes the more precise place.
  EXPECT_EQ(out.events[0].location->place.name, "Zanjili");
}

TEST(LinkerTest, DailyReportsOverWeeksAreSeparateEvents) {
  Corpus c;
  for (int i = 0; i < 21; ++i) {
    std::string id = "day" + std::to_string(i);
    Date d = Date{2015, 3, 1}.AddDays(i);
    c.Doc(id, d);
    c.Event(id, "Battles", Town("Aden", "YE"), d);
  }
  LinkOutput out = Linker().Link(c.in);
  // Chained one day apart they would make one three-week event; each event spans at most a week.
  EXPECT_GE(out.events.size(), 3u);
  for (const EventRecord& e : out.events) {
    EXPECT_LE(e.date_end->ToDays() - e.date_start->ToDays(), LinkOptions().max_event_days);
  }
}

TEST(LinkerTest, ACopiedReportAddsNoSource) {
  Corpus c;
  Date day{2018, 1, 10};
  for (const char* id : {"wire", "copy", "paper"}) {
    c.Doc(id, day);
    c.Event(id, "Battles", Town("Sirte", "LY"), day);
  }
  c.in.documents[1].near_duplicate_of = "wire";
  // Unnamed activists in the wire story and, word for word, in its copy; a paper counts ten.
  c.Claim("wire", 0, 40, 40, "", ActorType::kActivist);
  c.Claim("copy", 0, 40, 40, "", ActorType::kActivist);
  c.Claim("paper", 0, 10, 10, "Red Crescent", ActorType::kInternationalOrg);
  LinkOutput out = Linker().Link(c.in);
  ASSERT_EQ(out.events.size(), 1u);
  const EventRecord& e = out.events[0];
  EXPECT_EQ(e.claims.size(), 3u);  // the copy's claim is listed
  ASSERT_TRUE(e.fatalities.has_value());
  // Two independent sources (40 and 10), not three: the median falls on the lower one.
  EXPECT_EQ(e.fatalities->best, 10);
  EXPECT_NE(e.fatalities->rule.find("2 sources"), std::string::npos) << e.fatalities->rule;
  EXPECT_NE(e.fatalities->rule.find("copied"), std::string::npos) << e.fatalities->rule;
}

TEST(LinkerTest, CountsFarApartAreAContradiction) {
  Corpus c;
  Date day{2019, 8, 2};
  c.Doc("a", day);
  c.Doc("b", day);
  c.Event("a", "Explosions/Remote violence", Town("Kabul", "AF"), day);
  c.Event("b", "Explosions/Remote violence", Town("Kabul", "AF"), day);
  c.Claim("a", 0, 12, 12, "Interior ministry", ActorType::kGovernment).count->text = "12";
  c.Claim("b", 0, 40, std::nullopt, "", ActorType::kWitness).count->text = "at least 40";
  c.Claim("b", 1, std::nullopt, std::nullopt, "Taliban", ActorType::kArmedGroup, Polarity::kDenied);
  LinkOutput out = Linker().Link(c.in);
  ASSERT_EQ(out.events.size(), 1u);
  const EventRecord& e = out.events[0];
  ASSERT_EQ(e.contradictions.size(), 2u);  // the denial, and the counts
  const Contradiction& counts = e.contradictions[1];
  EXPECT_EQ(counts.claim_ids, (std::vector<std::string>{"a-c0", "b-c0"}));
  EXPECT_NE(counts.note.find("Interior ministry says 12"), std::string::npos) << counts.note;
  EXPECT_NE(counts.note.find("at least 40"), std::string::npos) << counts.note;
  EXPECT_EQ(counts.note.find('\n'), std::string::npos);
}

TEST(LinkerTest, CountsThatCanBothHoldAreNoContradiction) {
  Corpus c;
  Date day{2019, 8, 2};
  for (const char* id : {"a", "b", "c", "d"}) {
    c.Doc(id, day);
    c.Event(id, "Battles", Town("Kabul", "AF"), day);
  }
  c.Claim("a", 0, 30, 30, "Interior ministry", ActorType::kGovernment);
  c.Claim("b", 0, 45, 45, "", ActorType::kWitness);                 // close enough to 30
  c.Claim("c", 0, 10, 10, "", ActorType::kActivist).victims = "civilians";  // a part of 45
  ClaimRecord& later = c.Claim("d", 0, 200, 200, "", ActorType::kMedia);   // another day's toll
  later.time_start = later.time_end = day.AddDays(5);
  c.in.claims[0].time_start = c.in.claims[0].time_end = day;
  LinkOutput out = Linker().Link(c.in);
  ASSERT_EQ(out.events.size(), 1u);
  for (const Contradiction& k : out.events[0].contradictions) ADD_FAILURE() << k.note;
}

TEST(LinkerTest, SummaryQuotesReportsAndNamesTheirSources) {
  Corpus c;
  Date day{2016, 5, 14};
  for (const char* id : {"a", "b", "c"}) {
    c.Doc(id, day);
    c.Event(id, "Explosions/Remote violence", Town("Taiz", "YE"), day);
  }
  c.in.documents[0].outlet = "Gulf Courier";
  c.in.documents[1].outlet = "Red Sea Post";
  c.in.documents[2].outlet = "Red Sea Post";
  c.in.doc_events[0].sentence = "Artillery shells hit a market in Taiz on Saturday morning.";
  c.in.doc_events[1].sentence = "Artillery shells hit a market in Taiz on Saturday.";  // near-identical
  c.in.doc_events[2].sentence = "\u2022 Residents fled the old city after the shelling.";
  c.Claim("a", 0, 18, 18, "Health office", ActorType::kGovernment).sentence =
      "Eighteen people died, the health office said.";
  c.Claim("b", 0, 25, 25, "", ActorType::kMedical).sentence = "The hospital received 25 bodies.";
  LinkOutput out = Linker().Link(c.in);
  ASSERT_EQ(out.events.size(), 1u);
  const std::string& s = out.events[0].summary;
  // The count nearest the best figure, as written (it names its source); the lead sentence of
  // another report, attributed to its outlet; another source's differing count.
  EXPECT_NE(s.find("Eighteen people died, the health office said."), std::string::npos) << s;
  EXPECT_NE(s.find("According to Gulf Courier, artillery shells hit a market in Taiz on Saturday morning."),
            std::string::npos) << s;
  EXPECT_NE(s.find("According to Red Sea Post, the hospital received 25 bodies."), std::string::npos) << s;
  EXPECT_EQ(s.find("on Saturday."), std::string::npos) << "a near-identical sentence came twice: " << s;
}

TEST(LinkerTest, LinkingWholeBlocksAloneGivesTheSameEvents) {
  Corpus c;
  Date day{2014, 9, 1};
  const char* towns[] = {"Gao", "Timbuktu", "Mopti"};
  for (int i = 0; i < 12; ++i) {
    std::string id = "d" + std::to_string(i);
    c.Doc(id, day.AddDays(i % 4));
    c.Event(id, i % 2 ? "Battles" : "Riots", Town(towns[i % 3], "ML"), day.AddDays(i % 4));
    c.Claim(id, 0, 5 + i, 5 + i, "", ActorType::kMedia);
  }
  LinkOutput all = Linker().Link(c.in);
  // Only Gao's reports: its events come out the same, with the same ids.
  Corpus gao;
  for (size_t i = 0; i < c.in.doc_events.size(); ++i) {
    if (c.in.doc_events[i].location->place.name != "Gao") continue;
    gao.in.documents.push_back(c.in.documents[i]);
    gao.in.doc_events.push_back(c.in.doc_events[i]);
    gao.in.claims.push_back(c.in.claims[i]);
  }
  LinkOutput part = Linker().Link(gao.in);
  ASSERT_FALSE(part.events.empty());
  for (const EventRecord& e : part.events) {
    const EventRecord* same = EventOf(all, e.documents[0]);
    ASSERT_NE(same, nullptr);
    EXPECT_EQ(e.event_id, same->event_id);
    EXPECT_EQ(e.documents, same->documents);
    EXPECT_EQ(e.summary, same->summary);
  }
}

// ---- Match scoring: candidates of one town and week merge only when they report one incident.

// Sets what a report says of its event: type, actors and the sentence that reports it.
void Say(DocEventRecord& e, const std::string& sub_type, const std::string& actor1, const std::string& actor2,
         const std::string& sentence) {
  e.sub_event_type = sub_type;
  e.actor1 = actor1;
  e.actor2 = actor2;
  e.sentence = sentence;
}

TEST(LinkerTest, TwoIncidentsInOneTownOneDayStayApart) {
  Corpus c;
  Date day{2016, 8, 11};
  for (const char* id : {"clash", "strike", "mortar", "rocket"}) c.Doc(id, day);
  // A battle and an air strike: different types of the violent family, different actors, words
  // and tolls.
  Say(c.Event("clash", "Battles", Town("Aleppo", "SY"), day), "Armed clash", "Free Syrian Army", "Syrian army",
      "Rebels clashed with troops around the citadel and the covered souk before dawn.");
  c.Claim("clash", 0, 7, 7, "Observatory", ActorType::kNgo);
  Say(c.Event("strike", "Explosions/Remote violence", Town("Aleppo", "SY"), day), "Air/drone strike",
      "Russian air force", "", "An air strike destroyed a bakery in a crowded market, burying families under rubble.");
  c.Claim("strike", 0, 40, 40, "Civil Defence", ActorType::kNgo);
  // Two shellings of the same type and day, by different sides, of different targets.
  Say(c.Event("mortar", "Explosions/Remote violence", Town("Aleppo", "SY"), day),
      "Shelling/artillery/missile attack", "Islamic State", "",
      "Mortar rounds struck the university dormitories, wounding students.");
  Say(c.Event("rocket", "Explosions/Remote violence", Town("Aleppo", "SY"), day),
      "Shelling/artillery/missile attack", "Syrian army", "",
      "Rockets fired from the eastern hills hit a crowded bus station.");
  LinkOutput out = Linker().Link(c.in);
  EXPECT_EQ(out.events.size(), 4u);
  for (const EventRecord& e : out.events) {
    EXPECT_EQ(e.documents.size(), 1u) << e.documents[0] << " with " << e.documents.back();
  }
}

TEST(LinkerTest, TwoReportsOfOneShellingWithDifferentCountsMerge) {
  Corpus c;
  Date day{2012, 2, 4};
  c.Doc("wire", day);
  c.Doc("paper", day.AddDays(2));
  Say(c.Event("wire", "Explosions/Remote violence", Quarter("Khaldiyeh", "Homs", "SY"), day),
      "Shelling/artillery/missile attack", "Syrian army", "opposition groups",
      "The army pounded Khaldiyeh with tanks and mortars overnight, activists said.");
  c.Claim("wire", 0, 217, 217, "Syrian Observatory for Human Rights", ActorType::kNgo).sentence =
      "At least 217 people were killed as mortars rained on Khaldiyeh, the Observatory said.";
  Say(c.Event("paper", "Explosions/Remote violence", Town("Homs", "SY"), day.AddDays(1)),
      "Shelling/artillery/missile attack", "government forces", "",
      "Government forces bombarded Homs with tanks and mortars.");
  c.Claim("paper", 0, 105, 105, "Local Coordination Committees", ActorType::kActivist).sentence =
      "The Local Coordination Committees counted 105 civilians dead in the bombardment.";
  LinkOutput out = Linker().Link(c.in);
  ASSERT_EQ(out.events.size(), 1u);
  const EventRecord& e = out.events[0];
  EXPECT_EQ(e.documents.size(), 2u);
  ASSERT_TRUE(e.fatalities.has_value());
  EXPECT_EQ(e.fatalities->low, 105);
  EXPECT_EQ(e.fatalities->high, 217);
  EXPECT_EQ(e.location->place.name, "Khaldiyeh");
}

TEST(LinkerTest, TheSameStoryMonthsApartOrInAnotherTownNeverMerges) {
  // Everything alike (type, actors, words, tolls) but the date or the town: September 2011 and
  // February 2012 in Homs; Homs and Idlib the same day.
  Corpus c;
  struct Report {
    const char* id;
    Date day;
    const char* town;
  };
  for (const Report& r : {Report{"sep2011", Date{2011, 9, 8}, "Homs"}, Report{"feb2012", Date{2012, 2, 4}, "Homs"},
                          Report{"idlib", Date{2012, 2, 4}, "Idlib"}}) {
    c.Doc(r.id, r.day);
    Say(c.Event(r.id, "Explosions/Remote violence", Town(r.town, "SY"), r.day), "Shelling/artillery/missile attack",
        "Syrian army", "Free Syrian Army", "Tanks shelled the Bab Amr district, activists said.");
    c.Claim(r.id, 0, 23, 23, "Syrian Observatory for Human Rights", ActorType::kNgo);
  }
  LinkOutput out = Linker().Link(c.in);
  EXPECT_EQ(out.events.size(), 3u);
  // However the weights are set.
  LinkOptions eager;
  eager.merge_threshold = -100;
  EXPECT_EQ(Linker(eager).Link(c.in).events.size(), 3u);
}

TEST(LinkerTest, IncompatibleTypesNeverMerge) {
  Corpus c;
  Date day{2012, 2, 6};
  c.Doc("protest", day);
  c.Doc("shelling", day);
  c.Event("protest", "Protests", Town("Homs", "SY"), day);
  c.Event("shelling", "Explosions/Remote violence", Town("Homs", "SY"), day);
  LinkOptions eager;
  eager.merge_threshold = -100;
  EXPECT_EQ(Linker(eager).Link(c.in).events.size(), 2u);
}

TEST(MatchTest, ActorKeysAndDistinctiveWords) {
  EXPECT_EQ(ActorKey("Syrian army"), ActorKey("Syrian government"));
  EXPECT_EQ(ActorKey("government forces"), ActorKey("the regime"));
  EXPECT_NE(ActorKey("Russian air force"), ActorKey("Syrian army"));
  EXPECT_NE(ActorKey("Free Syrian Army"), ActorKey("Syrian army"));
  EXPECT_NE(ActorKey("army defectors"), ActorKey("Syrian army"));
  EXPECT_EQ(DistinctiveWords("At least 12 people were killed on Saturday when mortars hit the bakery, activists said."),
            (std::vector<std::string>{"mortars", "bakery"}));
}

}  // namespace
}  // namespace crosscheck
