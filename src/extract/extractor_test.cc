// The extractor on documents whose analysis is set by hand, so these tests check extraction
// alone, whatever the analyse stage finds.
#include "extract/extractor.h"

#include <gtest/gtest.h>

#include <thread>

namespace crosscheck {
namespace {

class ExtractorTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto made = Extractor::Create(Options());
    ASSERT_TRUE(made.ok()) << made.status().ToString();
    extractor_ = std::move(made).value();
  }

  // One paragraph per line; each paragraph one sentence.
  void SetText(const std::string& text) {
    doc_ = Document();
    doc_.main_text = text;
    uint32_t start = 0;
    for (uint32_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == '\n') {
        doc_.paragraphs.push_back(Span{start, i});
        doc_.sentences.push_back({Span{start, i}, uint32_t(doc_.paragraphs.size() - 1)});
        start = i + 1;
      }
    }
    doc_.reference_date = Date{2023, 6, 14};
  }
  Span Find(const std::string& what, size_t from = 0) {
    size_t at = doc_.main_text.find(what, from);
    EXPECT_NE(at, std::string::npos) << what;
    return Span{uint32_t(at), uint32_t(at + what.size())};
  }
  void Count(const std::string& text, std::optional<int64_t> lo, std::optional<int64_t> hi, bool approx = false) {
    doc_.numbers.push_back(NumberMention{Find(text), Quantity{lo, hi, approx}, NumberKind::kCount});
  }
  void PlaceAt(const std::string& text, const std::string& name, PlacePrecision precision,
               const std::string& parent = "") {
    Place p;
    p.name = name;
    p.country_code = "UA";
    p.precision = precision;
    p.parent = parent;
    doc_.places.push_back(PlaceMention{Find(text), p});
  }
  void ActorAt(const std::string& text, const std::string& name, ActorType type) {
    doc_.actors.push_back(ActorMention{Find(text), name, type});
  }
  void Sort() {
    auto by_begin = [](const auto& a, const auto& b) { return a.span.begin < b.span.begin; };
    std::sort(doc_.numbers.begin(), doc_.numbers.end(), by_begin);
    std::sort(doc_.places.begin(), doc_.places.end(), by_begin);
    std::sort(doc_.actors.begin(), doc_.actors.end(), by_begin);
  }

  std::unique_ptr<Extractor> extractor_;
  Document doc_;
};

TEST_F(ExtractorTest, CountsNearHarmWordsWithSourcePlaceAndParts) {
  SetText("The regional governor said 31 people had been killed in Kharkiv, 12 of them in Saltivka.");
  Count("31", 31, 31);
  Count("12", 12, 12);
  PlaceAt("Kharkiv", "Kharkiv", PlacePrecision::kTown);
  PlaceAt("Saltivka", "Saltivka", PlacePrecision::kNeighbourhood, "Kharkiv");
  ActorAt("The regional governor", "regional governor", ActorType::kGovernment);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 2u);
  const Claim& whole = doc_.claims[0];
  EXPECT_EQ(whole.kind, ClaimKind::kKilled);
  EXPECT_EQ(whole.count->min, 31);
  EXPECT_EQ(whole.victims, "people");
  EXPECT_EQ(whole.location->name, "Kharkiv");
  EXPECT_EQ(whole.source.type, ActorType::kGovernment);
  EXPECT_EQ(whole.part_of, -1);
  const Claim& part = doc_.claims[1];
  EXPECT_EQ(part.kind, ClaimKind::kKilled);
  EXPECT_EQ(part.location->name, "Saltivka");
  EXPECT_EQ(part.part_of, 0);
}

TEST_F(ExtractorTest, TwoClaimsInOneClauseEachTakeTheirNearestVerb) {
  SetText("Fighters overran a border post, killing four guards and capturing 11 policemen, the ministry said.");
  Count("four", 4, 4);
  Count("11", 11, 11);
  ActorAt("the ministry", "ministry", ActorType::kGovernment);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 2u);
  EXPECT_EQ(doc_.claims[0].kind, ClaimKind::kKilled);
  EXPECT_EQ(doc_.claims[1].kind, ClaimKind::kCaptured);
  EXPECT_EQ(doc_.claims[1].victims, "police");
  EXPECT_EQ(doc_.claims[1].source.type, ActorType::kGovernment);
}

TEST_F(ExtractorTest, RunningTalliesAreCumulative) {
  SetText("Medics say at least 900 people have now been killed since the siege began.");
  Count("at least 900", 900, std::nullopt);
  ActorAt("Medics", "medics", ActorType::kMedical);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 1u);
  EXPECT_EQ(doc_.claims[0].scope, Scope::kCumulative);
  EXPECT_EQ(doc_.claims[0].source.type, ActorType::kMedical);
}

TEST_F(ExtractorTest, DenialWithoutNumberIsADeniedClaim) {
  SetText("Nine villagers died in the raid, witnesses said.\nThe army denied attacking the village.");
  Count("Nine", 9, 9);
  ActorAt("witnesses", "witnesses", ActorType::kWitness);
  ActorAt("The army", "army", ActorType::kMilitary);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 2u);
  EXPECT_EQ(doc_.claims[0].victims, "civilians");
  EXPECT_EQ(doc_.claims[1].polarity, Polarity::kDenied);
  EXPECT_FALSE(doc_.claims[1].count.has_value());
  EXPECT_EQ(doc_.claims[1].source.type, ActorType::kMilitary);
}

TEST_F(ExtractorTest, ContinuedReportKeepsItsSource) {
  SetText("The monitoring group said fighting went on overnight.\nIt said 7 fighters were killed.");
  Count("7", 7, 7);
  ActorAt("The monitoring group", "monitoring group", ActorType::kNgo);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 1u);
  EXPECT_EQ(doc_.claims[0].source.type, ActorType::kNgo);
  EXPECT_EQ(doc_.claims[0].victims, "fighters");
}

TEST_F(ExtractorTest, ThingsAreNotVictims) {
  SetText("Drones destroyed 3 tanks near the river, and 40 mortars were fired at the town.");
  Count("3", 3, 3);
  Count("40", 40, 40);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 1u);
  EXPECT_EQ(doc_.claims[0].kind, ClaimKind::kDestroyed);
  EXPECT_EQ(doc_.claims[0].victims, "tanks");
}

TEST_F(ExtractorTest, EventsTakeTheirTypeFromTriggers) {
  SetText("Artillery shelling hit Izium on Tuesday.\nCrowds stormed the consulate in Lviv.");
  doc_.title_end = doc_.paragraphs[0].end;  // the first line is the headline
  PlaceAt("Izium", "Izium", PlacePrecision::kTown);
  PlaceAt("Lviv", "Lviv", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.events.size(), 2u);
  EXPECT_EQ(doc_.events[0].sub_event_type, "Shelling/artillery/missile attack");
  EXPECT_EQ(doc_.events[0].location->name, "Izium");
  EXPECT_EQ(doc_.events[1].event_type, "Riots");
  EXPECT_EQ(doc_.lead_event, 0);
}

TEST_F(ExtractorTest, AnAttackOnArmedMenIsABattle) {
  SetText("Gunmen attacked a checkpoint and killed 3 policemen.\nGunmen shot 2 farmers near a well.");
  Count("3", 3, 3);
  Count("2", 2, 2);
  PlaceAt("a checkpoint", "Gao", PlacePrecision::kTown);
  PlaceAt("a well", "Mopti", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 1u);  // "shot" is not a harm word on its own
  ASSERT_EQ(doc_.events.size(), 2u);
  EXPECT_EQ(doc_.events[0].event_type, "Battles");
  EXPECT_EQ(doc_.events[1].event_type, "Violence against civilians");
}

TEST_F(ExtractorTest, FireFromBothSidesIsABattleAndANegatedOneIsNot) {
  SetText("Militia units shelled the ridge near Kadugli and the army returned fire.\n"
          "Witnesses in Dilling heard no exchange of fire, only mortar rounds.");
  PlaceAt("Kadugli", "Kadugli", PlacePrecision::kTown);
  PlaceAt("Dilling", "Dilling", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.events.size(), 2u);
  EXPECT_EQ(doc_.events[0].sub_event_type, "Armed clash");
  EXPECT_EQ(doc_.events[1].sub_event_type, "Shelling/artillery/missile attack");
}

TEST_F(ExtractorTest, ForcesMovingWithoutViolenceChangeTheirActivity) {
  SetText("Army reinforcements reached the outskirts of Kramatorsk on Monday.");
  PlaceAt("Kramatorsk", "Kramatorsk", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.events.size(), 1u);
  EXPECT_EQ(doc_.events[0].event_type, "Strategic developments");
  EXPECT_EQ(doc_.events[0].sub_event_type, "Change to group/activity");
}

TEST_F(ExtractorTest, AListOfVictimsDoesNotDistanceACountFromItsVerb) {
  SetText("Nine soldiers, policemen, border guards and pro-government militia members were killed near Tessalit.");
  Count("Nine", 9, 9);
  PlaceAt("Tessalit", "Tessalit", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 1u);
  EXPECT_EQ(doc_.claims[0].kind, ClaimKind::kKilled);
  EXPECT_EQ(*doc_.claims[0].count->min, 9);
  EXPECT_EQ(doc_.claims[0].victims, "soldiers");
}

TEST_F(ExtractorTest, ArmedForcesStormingAreAnAttackAndBurningTyresARiot) {
  SetText("Army units stormed a family house in Kassala at dawn.\nDemonstrators burned tyres outside the bank in Gedaref.");
  ActorAt("Army units", "army", ActorType::kMilitary);
  PlaceAt("Kassala", "Kassala", PlacePrecision::kTown);
  PlaceAt("Gedaref", "Gedaref", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.events.size(), 2u);
  EXPECT_EQ(doc_.events[0].event_type, "Violence against civilians");
  EXPECT_EQ(doc_.events[1].event_type, "Riots");
  EXPECT_EQ(doc_.events[1].sub_event_type, "Violent demonstration");
}

TEST_F(ExtractorTest, ALeadPlacedOnlyByACountryTakesTheMainTown) {
  SetText("Shelling killed 12 people in Ukraine on Monday.\nShells hit the market of Kupiansk.\n"
          "Kupiansk lies near the front.");
  Count("12", 12, 12);
  PlaceAt("Ukraine", "Ukraine", PlacePrecision::kCountry);
  PlaceAt("Kupiansk", "Kupiansk", PlacePrecision::kTown);
  Place second;
  second.name = "Kupiansk";
  second.country_code = "UA";
  second.precision = PlacePrecision::kTown;
  doc_.places.push_back(PlaceMention{Find("Kupiansk lies"), second});
  doc_.places.back().span.end = doc_.places.back().span.begin + 8;
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_GE(doc_.lead_event, 0);
  ASSERT_TRUE(doc_.events[doc_.lead_event].location.has_value());
  EXPECT_EQ(doc_.events[doc_.lead_event].location->name, "Kupiansk");
}

TEST_F(ExtractorTest, ADatelineTownIsNotWhereItHappened) {
  SetText("NAIROBI - Gunmen killed 7 people in Mandera on Friday.");
  Count("7", 7, 7);
  PlaceAt("NAIROBI", "Nairobi", PlacePrecision::kTown);
  PlaceAt("Mandera", "Mandera", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 1u);
  ASSERT_TRUE(doc_.claims[0].location.has_value());
  EXPECT_EQ(doc_.claims[0].location->name, "Mandera");
  ASSERT_GE(doc_.lead_event, 0);
  EXPECT_EQ(doc_.events[doc_.lead_event].location->name, "Mandera");
}

TEST_F(ExtractorTest, ResidentsClashingWithoutAnArmedSideRiot) {
  SetText("Residents of two villages clashed over grazing land near Bor.\nRebels clashed with the army near Bor.");
  PlaceAt("Bor", "Bor", PlacePrecision::kTown);
  ActorAt("Rebels", "rebels", ActorType::kArmedGroup);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.events.size(), 2u);
  EXPECT_EQ(doc_.events[0].event_type, "Riots");
  EXPECT_EQ(doc_.events[0].sub_event_type, "Mob violence");
  EXPECT_EQ(doc_.events[1].event_type, "Battles");
}

TEST_F(ExtractorTest, APersonWhoActsIsNoVictimAndTheOneActedOnIs) {
  SetText("A gunman killed a teacher outside the school in Herat.\nMilitants ambushed and killed the mayor of Jalrez.");
  PlaceAt("Herat", "Herat", PlacePrecision::kTown);
  PlaceAt("Jalrez", "Jalrez", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 2u);
  EXPECT_EQ(doc_.Text(doc_.claims[0].count_text), "teacher");
  EXPECT_EQ(doc_.Text(doc_.claims[1].count_text), "mayor");
  EXPECT_EQ(*doc_.claims[1].count->min, 1);
}

TEST_F(ExtractorTest, AHeadlineCountingAPartLeadsWithTheWhole) {
  SetText("4 Children Killed In Strikes On Raqqa\nAt least 19 civilians, including four children, were killed in air strikes on Raqqa.");
  doc_.title_end = doc_.paragraphs[0].end;
  Count("4", 4, 4);
  Count("At least 19", 19, std::nullopt);
  Count("four", 4, 4);
  PlaceAt("Raqqa", "Raqqa", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_GE(doc_.lead_killed, 0);
  EXPECT_EQ(*doc_.claims[doc_.lead_killed].count->min, 19);
}

TEST_F(ExtractorTest, APersonIsACountOfOne) {
  SetText("A young farmer was shot dead near Kidal, and two herders were wounded.");
  Count("two", 2, 2);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 2u);
  const Claim& one = doc_.claims[1];
  EXPECT_EQ(one.kind, ClaimKind::kKilled);
  EXPECT_EQ(one.count->min, 1);
  EXPECT_EQ(doc_.Text(one.count_text), "farmer");
  EXPECT_EQ(one.victims, "civilians");
  EXPECT_EQ(doc_.claims[0].kind, ClaimKind::kInjured);
}

TEST_F(ExtractorTest, CoordinatedCountsShareTheirVerb) {
  SetText("Six rebels and 3 soldiers were killed in the clashes.");
  Count("Six", 6, 6);
  Count("3", 3, 3);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 2u);
  EXPECT_EQ(doc_.claims[0].victims, "fighters");
  EXPECT_EQ(doc_.claims[1].victims, "soldiers");
  EXPECT_EQ(doc_.claims[0].kind, ClaimKind::kKilled);
  EXPECT_EQ(doc_.events.size(), 1u);
  EXPECT_EQ(doc_.events[0].event_type, "Battles");
}

TEST_F(ExtractorTest, TheSubjectStandsBeforeAParenthetical) {
  SetText("The ministry, whose figures rarely match those of medics, said 12 soldiers died.");
  Count("12", 12, 12);
  ActorAt("The ministry", "ministry", ActorType::kGovernment);
  ActorAt("medics", "medics", ActorType::kMedical);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 1u);
  EXPECT_EQ(doc_.claims[0].source.type, ActorType::kGovernment);
}

TEST_F(ExtractorTest, WhoActsAfterByIsNotWhoWasHit) {
  SetText("A fisherman was killed by an army sniper in Kismayo.\nGunmen attacked an army outpost in Baidoa.");
  PlaceAt("Kismayo", "Kismayo", PlacePrecision::kTown);
  PlaceAt("Baidoa", "Baidoa", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 1u);
  EXPECT_EQ(doc_.claims[0].count->min, 1);
  ASSERT_EQ(doc_.events.size(), 2u);
  EXPECT_EQ(doc_.events[0].event_type, "Violence against civilians");  // the sniper acted
  EXPECT_EQ(doc_.events[1].event_type, "Battles");                     // an outpost was hit
}

TEST_F(ExtractorTest, ABombIsARemoteExplosive) {
  SetText("Two policemen died when a bomb hidden in a cart went off.");
  Count("Two", 2, 2);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.events.size(), 1u);
  EXPECT_EQ(doc_.events[0].sub_event_type, "Remote explosive/landmine/IED");
}

TEST_F(ExtractorTest, ACountTakesTheHarmWordRightAfterIt) {
  SetText("Four villagers killed 9 others wounded in mortar fire on Kadugli");
  Count("Four", 4, 4);
  Count("9", 9, 9);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 2u);
  EXPECT_EQ(doc_.claims[0].kind, ClaimKind::kKilled);
  EXPECT_EQ(doc_.claims[1].kind, ClaimKind::kInjured);
}

TEST_F(ExtractorTest, ThePerpetratorIsWhoActedNotWhoReported) {
  SetText("Police said 4 traders were killed by militia fighters.\nThe army shelled Kadugli, killing 7 people, medics said.");
  Count("4", 4, 4);
  Count("7", 7, 7);
  ActorAt("Police", "police", ActorType::kMilitary);
  ActorAt("militia fighters", "militia", ActorType::kArmedGroup);
  ActorAt("The army", "army", ActorType::kMilitary);
  ActorAt("medics", "medics", ActorType::kMedical);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 2u);
  EXPECT_EQ(doc_.claims[0].perpetrator, "militia");
  EXPECT_EQ(doc_.claims[0].source.name, "police");
  EXPECT_EQ(doc_.claims[1].perpetrator, "army");
  EXPECT_EQ(doc_.claims[1].source.type, ActorType::kMedical);
}

TEST_F(ExtractorTest, AReportWithNoTriggerStillHasALead) {
  SetText("Ministers met in Dakar to discuss the border.");
  PlaceAt("Dakar", "Dakar", PlacePrecision::kTown);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.events.size(), 1u);
  EXPECT_EQ(doc_.lead_event, 0);
  EXPECT_EQ(doc_.events[0].event_type, "Strategic developments");
  EXPECT_EQ(doc_.events[0].location->name, "Dakar");
  EXPECT_EQ(doc_.events[0].date_start, doc_.reference_date);
}

TEST_F(ExtractorTest, OnlyACountAfterTheDenialIsDenied) {
  SetText("Medics say 14 dead; the militia denies the shelling.\nThe army denied that 30 soldiers died.");
  Count("14", 14, 14);
  Count("30", 30, 30);
  ActorAt("Medics", "medics", ActorType::kMedical);
  ActorAt("the militia", "militia", ActorType::kArmedGroup);
  ActorAt("The army", "army", ActorType::kMilitary);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 3u);
  EXPECT_EQ(doc_.claims[0].polarity, Polarity::kAsserted);  // the medics' 14
  EXPECT_EQ(doc_.claims[0].source.type, ActorType::kMedical);
  EXPECT_EQ(doc_.claims[1].polarity, Polarity::kDenied);    // the militia denies the shelling
  EXPECT_FALSE(doc_.claims[1].count.has_value());
  EXPECT_EQ(doc_.claims[2].polarity, Polarity::kDenied);    // the army denies the 30
  EXPECT_EQ(doc_.claims[2].source.type, ActorType::kMilitary);
}

TEST_F(ExtractorTest, AScopeCueCountsOnlyInItsClause) {
  SetText("Villagers, who have fled twice since the spring, said 6 people were killed on Monday.\n"
          "Nearly 800 people, most of them farmers, have been killed in the province since January.");
  Count("6", 6, 6);
  Count("Nearly 800", 800, 800, true);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 2u);
  EXPECT_EQ(doc_.claims[0].scope, Scope::kIncident);
  EXPECT_EQ(doc_.claims[1].scope, Scope::kCumulative);
}

TEST_F(ExtractorTest, ATollNounReachesItsCountThroughALinkWord) {
  SetText("The death toll rose to 19 on Friday.\nRescuers carried the bodies to the two clinics.");
  Count("19", 19, 19);
  Count("two", 2, 2);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 1u);
  EXPECT_EQ(doc_.claims[0].count->min, 19);
}

TEST_F(ExtractorTest, ACountOfNoVictimNeedsItsHarmWordRightAfter) {
  SetText("Raiders took 120 goats from the village before killing a herder.\n"
          "Four fighters were killed, injured or captured in the sweep.");
  Count("120", 120, 120);
  Count("Four", 4, 4);
  Sort();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  ASSERT_EQ(doc_.claims.size(), 2u);
  EXPECT_EQ(doc_.claims[0].count->min, 1);  // the herder, not the goats
  EXPECT_EQ(doc_.claims[0].victims, "civilians");
  EXPECT_EQ(doc_.claims[1].kind, ClaimKind::kOther);
}

// Run keeps its per-sentence working storage from one document to the next on a thread: what a
// longer document left there must not reach a shorter one, nor the shorter one's a longer one.
TEST_F(ExtractorTest, ADocumentsResultDoesNotDependOnTheDocumentBefore) {
  auto summary = [](const Document& d) {
    std::string out;
    for (const Claim& c : d.claims) {
      out += std::string(ClaimKindName(c.kind)) + " " + std::to_string(c.count ? c.count->min.value_or(-1) : -1) +
             " " + c.victims + " @" + (c.location ? c.location->name : "") + " s" + std::to_string(c.sentence) +
             " e" + std::to_string(c.doc_event) + "\n";
    }
    for (const DocEvent& e : d.events) out += e.event_type + "/" + e.sub_event_type + " s" + std::to_string(e.sentence) + "\n";
    return out + "lead " + std::to_string(d.lead_event);
  };
  auto set_long = [&] {
    SetText("Shelling killed 12 civilians in Kharkiv.\nThe army said 3 soldiers were wounded.\n"
            "There was no exchange of fire in Saltivka.\nA man was shot dead.");
    Count("12", 12, 12);
    Count("3", 3, 3);
    PlaceAt("Kharkiv", "Kharkiv", PlacePrecision::kTown);
    PlaceAt("Saltivka", "Saltivka", PlacePrecision::kNeighbourhood, "Kharkiv");
    ActorAt("The army", "army", ActorType::kMilitary);
    Sort();
  };
  auto set_short = [&] {
    SetText("Protesters gathered in Odesa.");
    PlaceAt("Odesa", "Odesa", PlacePrecision::kTown);
    Sort();
  };
  set_long();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  const std::string long_first = summary(doc_);
  EXPECT_FALSE(doc_.claims.empty());
  set_short();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  const std::string short_after_long = summary(doc_);
  set_long();
  ASSERT_TRUE(extractor_->Run(doc_).ok());
  EXPECT_EQ(summary(doc_), long_first);
  // The short document alone, on a thread of its own.
  std::string short_alone;
  std::thread([&] {
    set_short();
    ASSERT_TRUE(extractor_->Run(doc_).ok());
    short_alone = summary(doc_);
  }).join();
  EXPECT_EQ(short_after_long, short_alone);
}

TEST_F(ExtractorTest, BadLexiconLineNamesFileAndLine) {
  Options options;
  char dir[] = "/tmp/cc_lexXXXXXX";
  ASSERT_NE(mkdtemp(dir), nullptr);
  std::string sub = std::string(dir) + "/extract";
  ASSERT_EQ(system(("mkdir -p " + sub + " && printf 'slaughtered\\tkilled\\nbeheaded\\tmurdered\\n' > " + sub +
                    "/claim_triggers.tsv").c_str()),
            0);
  options.lexicon_dirs = {dir};
  auto made = Extractor::Create(options);
  ASSERT_FALSE(made.ok());
  EXPECT_NE(made.status().message().find("claim_triggers.tsv:2: unknown claim kind 'murdered'"), std::string::npos)
      << made.status().ToString();
  system(("rm -rf " + std::string(dir)).c_str());
}

}  // namespace
}  // namespace crosscheck
