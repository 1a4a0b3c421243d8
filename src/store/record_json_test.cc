#include "store/record_json.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

ClaimRecord SampleClaim() {
  ClaimRecord c;
  c.claim_id = "d1-c0";
  c.doc_id = "d1";
  c.sentence = "Medics said \"at least 12\" people died in Kassala.";
  c.char_start = 10;
  c.char_end = 58;
  c.kind = ClaimKind::kKilled;
  c.count = CountRecord{"at least 12", Quantity{12, std::nullopt, false}};
  c.victims = "people";
  c.location = PlaceRecord{Place{"Kassala", "Kassala", "Sudan", "SD", 15.45, 36.4,
                                 PlacePrecision::kTown, "", 372753},
                           "Kassala"};
  c.time_start = Date{2023, 5, 2};
  c.time_end = Date{2023, 5, 2};
  c.time_text = "on Tuesday";
  c.scope = Scope::kIncident;
  c.source_name = "";
  c.source_type = ActorType::kMedical;
  c.source_text = "Medics";
  c.polarity = Polarity::kAsserted;
  return c;
}

TEST(RecordJsonTest, ClaimRoundTrips) {
  ClaimRecord c = SampleClaim();
  std::string json = ToJson(c);
  EXPECT_NE(json.find(R"("count":{"text":"at least 12","min":12,"max":null,"approx":false})"),
            std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("source":{"name":null,"type":"medical","text":"Medics"})"), std::string::npos);
  ClaimRecord back;
  ASSERT_TRUE(FromJson(json, &back).ok());
  EXPECT_EQ(back.sentence, c.sentence);
  EXPECT_EQ(back.count->value, c.count->value);
  EXPECT_EQ(back.location->place.country_code, "SD");
  EXPECT_EQ(back.time_start, c.time_start);
  EXPECT_EQ(back.source_type, ActorType::kMedical);
  EXPECT_EQ(ToJson(back), json);
}

TEST(RecordJsonTest, DocumentWritesNullsWhereNothingIsKnown) {
  DocumentRecord d;
  d.doc_id = "abc";
  d.path = "x.txt";
  d.main_text = "Body.";
  std::string json = ToJson(d);
  EXPECT_NE(json.find(R"("record_id":null)"), std::string::npos);
  EXPECT_NE(json.find(R"("published":{"date":null,"basis":null,"confidence":0})"), std::string::npos)
      << json;
  EXPECT_NE(json.find(R"("lead":null)"), std::string::npos);
  DocumentRecord back;
  ASSERT_TRUE(FromJson(json, &back).ok());
  EXPECT_EQ(ToJson(back), json);
}

TEST(RecordJsonTest, EventRoundTrips) {
  EventRecord e;
  e.event_id = "e1";
  e.event_type = "Battles";
  e.sub_event_type = "Armed clash";
  e.date_start = Date{2020, 3, 2};
  e.fatalities = Estimate{2, 3, 5, "rule"};
  e.claims = {"c1", "c2"};
  e.sources = {EventSourceRecord{"Taliban", ActorType::kArmedGroup, {"c1"}}};
  e.contradictions = {Contradiction{{"c1", "c2"}, "denied"}};
  EventRecord back;
  ASSERT_TRUE(FromJson(ToJson(e), &back).ok());
  EXPECT_EQ(ToJson(back), ToJson(e));
}

TEST(RecordJsonTest, RejectsMalformedJson) {
  ClaimRecord c;
  EXPECT_EQ(FromJson("{not json", &c).code(), Status::Code::kCorrupt);
}

}  // namespace
}  // namespace crosscheck
