// Tests of NumberTagger: the contract's count table, number words, ranges, kinds, "one".
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "analyse/taggers.h"

namespace crosscheck {
namespace {

struct Found {
  std::string text;
  std::optional<int64_t> min, max;
  bool approx;
  NumberKind kind;
};

class NumberTaggerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto splitter = SentenceSplitter::Create(Options());
    ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
    splitter_ = std::move(splitter).value();
    auto tagger = NumberTagger::Create(Options());
    ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
    tagger_ = std::move(tagger).value();
  }

  std::vector<Found> Tag(const std::string& text, const std::string& language = "en") {
    Document doc;
    doc.main_text = text;
    doc.language = language;
    doc.paragraphs = {Span{0, static_cast<uint32_t>(text.size())}};
    splitter_->Run(doc);
    tagger_->Run(doc);
    std::vector<Found> out;
    for (const auto& n : doc.numbers) {
      out.push_back(
          Found{std::string(doc.Text(n.span)), n.value.min, n.value.max, n.value.approx, n.kind});
    }
    return out;
  }

  // The only number of `text`.
  Found One(const std::string& text, const std::string& language = "en") {
    auto all = Tag(text, language);
    EXPECT_EQ(all.size(), 1u) << text;
    return all.empty() ? Found{} : all[0];
  }

  std::unique_ptr<SentenceSplitter> splitter_;
  std::unique_ptr<NumberTagger> tagger_;
};

void ExpectCount(const Found& f, const std::string& text, std::optional<int64_t> min,
                 std::optional<int64_t> max, bool approx) {
  EXPECT_EQ(f.text, text);
  EXPECT_EQ(f.min, min) << text;
  EXPECT_EQ(f.max, max) << text;
  EXPECT_EQ(f.approx, approx) << text;
  EXPECT_EQ(f.kind, NumberKind::kCount) << text;
}

TEST_F(NumberTaggerTest, ContractTable) {
  ExpectCount(One("Rescuers found 348 bodies."), "348", 348, 348, false);
  ExpectCount(One("More than 450 homes flooded."), "More than 450", 451, std::nullopt, false);
  ExpectCount(One("at least 7,500 fled the valley"), "at least 7,500", 7500, std::nullopt, false);
  ExpectCount(One("as high as 380 by some tallies"), "as high as 380", std::nullopt, 380, false);
  ExpectCount(One("up to 90 fishermen"), "up to 90", std::nullopt, 90, false);
  ExpectCount(One("about 40 cars"), "about 40", 40, 40, true);
  ExpectCount(One("nearly 70 cars"), "nearly 70", 70, 70, true);
  ExpectCount(One("some 120 cars"), "some 120", 120, 120, true);
  ExpectCount(One("between 8 and 12 boats sank"), "between 8 and 12", 8, 12, false);
  ExpectCount(One("Four boats sank"), "Four", 4, 4, false);
  ExpectCount(One("a dozen boats sank"), "a dozen", 12, 12, true);
  ExpectCount(One("Dozens of boats sank"), "Dozens", 24, 99, true);
  ExpectCount(One("scores of boats sank"), "scores of", 40, 199, true);
  ExpectCount(One("hundreds of boats sank"), "hundreds", 200, 999, true);
  ExpectCount(One("thousands of boats sank"), "thousands", 2000, 9999, true);
  ExpectCount(One("tens of thousands of boats sank"), "tens of thousands", 20000, 99999, true);
}

TEST_F(NumberTaggerTest, NumberWords) {
  ExpectCount(One("nineteen miners were trapped"), "nineteen", 19, 19, false);
  ExpectCount(One("two hundred and five miners"), "two hundred and five", 205, 205, false);
  ExpectCount(One("thirty-seven miners"), "thirty-seven", 37, 37, false);
  ExpectCount(One("three thousand four hundred miners"), "three thousand four hundred", 3400, 3400,
              false);
  ExpectCount(One("1.5 million voters"), "1.5 million", 1500000, 1500000, false);
  ExpectCount(One("two dozen voters"), "two dozen", 24, 24, true);
  ExpectCount(One("a hundred voters"), "a hundred", 100, 100, false);
}

TEST_F(NumberTaggerTest, Ranges) {
  ExpectCount(One("10 to 15 trucks"), "10 to 15", 10, 15, false);
  ExpectCount(One("10-15 trucks"), "10-15", 10, 15, false);
  ExpectCount(One("two or three trucks"), "two or three", 2, 3, false);
  auto both = Tag("7 trucks and 9 vans");
  ASSERT_EQ(both.size(), 2u);
  EXPECT_EQ(both[0].text, "7");
  EXPECT_EQ(both[1].text, "9");
}

TEST_F(NumberTaggerTest, PostQualifiers) {
  ExpectCount(One("30 or more trucks"), "30 or more", 30, std::nullopt, false);
}

TEST_F(NumberTaggerTest, KindsThatAreNotCounts) {
  EXPECT_EQ(One("A Sixteen-year-old rider won.").kind, NumberKind::kAge);
  EXPECT_EQ(One("A Sixteen-year-old rider won.").text, "Sixteen-year-old");
  EXPECT_EQ(One("A Sixteen-year-old rider won.").min, 16);
  EXPECT_EQ(One("the rider, aged 31, won").kind, NumberKind::kAge);
  EXPECT_EQ(One("a 44-year-old baker").kind, NumberKind::kAge);
  EXPECT_EQ(One("She was 52 years old.").kind, NumberKind::kAge);
  EXPECT_EQ(One("built in 1974").kind, NumberKind::kYear);
  EXPECT_EQ(One("The 1990s were calm.").kind, NumberKind::kYear);
  EXPECT_EQ(One("It closed at 9:45pm sharp.").kind, NumberKind::kTimeOfDay);
  EXPECT_EQ(One("It closed at 9:45pm sharp.").text, "9:45pm");
  EXPECT_EQ(One("It opened at 6am.").kind, NumberKind::kTimeOfDay);
  EXPECT_EQ(One("It opened at 6 a.m.").kind, NumberKind::kTimeOfDay);
  EXPECT_EQ(One("a village 45km east of the lake").kind, NumberKind::kDistance);
  EXPECT_EQ(One("a ridge 900 feet high").kind, NumberKind::kDistance);
  EXPECT_EQ(One("turnout was 64%").kind, NumberKind::kPercent);
  EXPECT_EQ(One("turnout was 64%").text, "64%");
  EXPECT_EQ(One("turnout rose 12 per cent").kind, NumberKind::kPercent);
  EXPECT_EQ(One("the fourth bridge").kind, NumberKind::kOrdinal);
  EXPECT_EQ(One("the 2nd bridge").kind, NumberKind::kOrdinal);
  EXPECT_EQ(One("a twenty-first bridge").kind, NumberKind::kOrdinal);
  EXPECT_EQ(One("a $40 fine").kind, NumberKind::kOther);
  EXPECT_EQ(One("it lasted 3 days").kind, NumberKind::kOther);
  EXPECT_EQ(One("an old MiG-21 jet").kind, NumberKind::kOther);
  EXPECT_EQ(One("trucks on Route 9 stopped").kind, NumberKind::kOther);
  EXPECT_EQ(One("the bus stopped at gate 12").kind, NumberKind::kOther);
  EXPECT_EQ(One("by mid-2019").kind, NumberKind::kYear);
}

TEST_F(NumberTaggerTest, OneOnlyWhenItCounts) {
  ExpectCount(One("One climber fell."), "One", 1, 1, false);
  ExpectCount(One("Police arrested one man."), "one", 1, 1, false);
  EXPECT_TRUE(Tag("One of the climbers fell.").empty());
  EXPECT_TRUE(Tag("No one saw the climbers.").empty());
  EXPECT_TRUE(Tag("No-one saw the climbers.").empty());
  EXPECT_TRUE(Tag("A climber fell and an owl flew off.").empty());
  EXPECT_TRUE(Tag("They helped one another.").empty());
}

TEST_F(NumberTaggerTest, QualifierWithoutNumberIsNothing) {
  EXPECT_TRUE(Tag("They talked about the weather for some time.").empty());
}

TEST_F(NumberTaggerTest, OtherLanguagesAreData) {
  ExpectCount(One("plus de 6.000 personnes", "fr"), "plus de 6.000", 6001, std::nullopt, false);
  ExpectCount(One("au moins trois blessés", "fr"), "au moins trois", 3, std::nullopt, false);
  ExpectCount(One("mindestens 6.000 Menschen", "de"), "mindestens 6.000", 6000, std::nullopt,
              false);
  ExpectCount(One("treinta y cinco muertos", "es"), "treinta y cinco", 35, 35, false);
}

TEST_F(NumberTaggerTest, JunkDoesNotCrash) {
  Tag("999999999999999999999999999 and 1,2,3,4 and 12:99 and - 4- -5 %");
  Tag("between and to or more than at least");
  Tag("nine hundred thousand million billion billion and one hundred hundred hundred hundred "
      "hundred hundred hundred hundred hundred hundred 99999999999 billion 5bn 123456789012345bn");
  Tag("");
}

}  // namespace
}  // namespace crosscheck
