// Tests of TimeTagger: weekdays, relative words, dates in several languages, resolution rules.
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "analyse/taggers.h"

namespace crosscheck {
namespace {

struct FoundTime {
  std::string text;
  std::string start, end;
  TimePrecision precision = TimePrecision::kDay;
  bool open_range = false;
};

// Thursday 13 March 2014.
const Date kThursday{2014, 3, 13};

class TimeTaggerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto splitter = SentenceSplitter::Create(Options());
    ASSERT_TRUE(splitter.ok()) << splitter.status().ToString();
    splitter_ = std::move(splitter).value();
    auto numbers = NumberTagger::Create(Options());
    ASSERT_TRUE(numbers.ok()) << numbers.status().ToString();
    numbers_ = std::move(numbers).value();
    auto times = TimeTagger::Create(Options());
    ASSERT_TRUE(times.ok()) << times.status().ToString();
    times_ = std::move(times).value();
  }

  Document Analyse(const std::string& text, std::optional<Date> reference = kThursday,
                   const std::string& language = "en") {
    Document doc;
    doc.main_text = text;
    doc.language = language;
    doc.paragraphs = {Span{0, static_cast<uint32_t>(text.size())}};
    doc.reference_date = reference;
    splitter_->Run(doc);
    numbers_->Run(doc);
    times_->Run(doc);
    return doc;
  }

  std::vector<FoundTime> Tag(const std::string& text, std::optional<Date> reference = kThursday,
                             const std::string& language = "en") {
    Document doc = Analyse(text, reference, language);
    std::vector<FoundTime> out;
    for (const auto& t : doc.times) {
      out.push_back(FoundTime{std::string(doc.Text(t.span)), t.start.ToString(), t.end.ToString(),
                              t.precision, t.open_range});
    }
    return out;
  }

  FoundTime One(const std::string& text, std::optional<Date> reference = kThursday,
                const std::string& language = "en") {
    auto all = Tag(text, reference, language);
    EXPECT_EQ(all.size(), 1u) << text;
    return all.empty() ? FoundTime{} : all[0];
  }

  std::unique_ptr<SentenceSplitter> splitter_;
  std::unique_ptr<NumberTagger> numbers_;
  std::unique_ptr<TimeTagger> times_;
};

void ExpectTime(const FoundTime& t, const std::string& text, const std::string& start,
                const std::string& end, TimePrecision precision = TimePrecision::kDay) {
  EXPECT_EQ(t.text, text);
  EXPECT_EQ(t.start, start) << text;
  EXPECT_EQ(t.end, end) << text;
  EXPECT_EQ(t.precision, precision) << text;
}

TEST_F(TimeTaggerTest, WeekdaysAreTheMostRecentOnOrBeforeTheReference) {
  ExpectTime(One("The market reopened on Saturday."), "on Saturday", "2014-03-08", "2014-03-08");
  ExpectTime(One("Thursday brought rain."), "Thursday", "2014-03-13", "2014-03-13");
  ExpectTime(One("Fog closed the port Tuesday night."), "Tuesday night", "2014-03-11",
             "2014-03-11");
  ExpectTime(One("Crews returned early on Monday."), "early on Monday", "2014-03-10", "2014-03-10");
  ExpectTime(One("It was colder last Thursday."), "last Thursday", "2014-03-06", "2014-03-06");
  ExpectTime(One("Wednesday's storm"), "Wednesday", "2014-03-12", "2014-03-12");
}

TEST_F(TimeTaggerTest, SinceIsAnOpenRangeToTheReference) {
  FoundTime t = One("Roads have been shut since Sunday.");
  ExpectTime(t, "since Sunday", "2014-03-09", "2014-03-13");
  EXPECT_TRUE(t.open_range);
}

TEST_F(TimeTaggerTest, RelativeWords) {
  ExpectTime(One("Snow fell overnight."), "overnight", "2014-03-12", "2014-03-13");
  ExpectTime(One("The ferry sank yesterday."), "yesterday", "2014-03-12", "2014-03-12");
  ExpectTime(One("Voting ends today."), "today", "2014-03-13", "2014-03-13");
  ExpectTime(One("Prices rose last week."), "last week", "2014-03-03", "2014-03-09",
             TimePrecision::kWeek);
  ExpectTime(One("Prices rose last year."), "last year", "2013-01-01", "2013-12-31",
             TimePrecision::kYear);
  ExpectTime(One("It opened in June last year."), "in June last year", "2013-06-01", "2013-06-30",
             TimePrecision::kMonth);
  ExpectTime(One("The dam cracked almost 11 months ago."), "almost 11 months ago", "2013-04-01",
             "2013-04-30", TimePrecision::kMonth);
  ExpectTime(One("The dam cracked three days ago."), "three days ago", "2014-03-10", "2014-03-10");
  auto two = Tag("Sales fell in fiscal 2010, two years earlier.");
  ASSERT_EQ(two.size(), 2u);
  ExpectTime(two[0], "in fiscal 2010", "2010-01-01", "2010-12-31", TimePrecision::kYear);
  ExpectTime(two[1], "two years earlier", "2012-01-01", "2012-12-31", TimePrecision::kYear);
  ExpectTime(One("Prices rose in early 2011."), "in early 2011", "2011-01-01", "2011-12-31",
             TimePrecision::kYear);
  ExpectTime(One("It cracked earlier this week."), "earlier this week", "2014-03-10", "2014-03-16",
             TimePrecision::kWeek);
}

TEST_F(TimeTaggerTest, MonthAndDay) {
  ExpectTime(One("Talks began January 9."), "January 9", "2014-01-09", "2014-01-09");
  ExpectTime(One("They met on the night of January 9."), "on the night of January 9", "2014-01-09",
             "2014-01-09");
  ExpectTime(One("They met on Jan. 9 in the capital."), "on Jan. 9", "2014-01-09", "2014-01-09");
  ExpectTime(One("They met on 9 January 2012."), "on 9 January 2012", "2012-01-09", "2012-01-09");
  ExpectTime(One("They met on January 9, 2012."), "on January 9, 2012", "2012-01-09", "2012-01-09");
  ExpectTime(One("They met on the 9th of January."), "9th of January", "2014-01-09", "2014-01-09");
  // A date just ahead of the reference is taken as coming, a date far ahead as last year's.
  ExpectTime(One("Voting is set for March 20."), "March 20", "2014-03-20", "2014-03-20");
  ExpectTime(One("It flooded on October 2."), "on October 2", "2013-10-02", "2013-10-02");
  ExpectTime(One("Friday, January 10 was calm."), "Friday, January 10", "2014-01-10", "2014-01-10");
}

TEST_F(TimeTaggerTest, MonthsWithoutDays) {
  auto both = Tag("Rains came in November and February.");
  ASSERT_EQ(both.size(), 2u);
  ExpectTime(both[0], "in November", "2013-11-01", "2013-11-30", TimePrecision::kMonth);
  ExpectTime(both[1], "February", "2014-02-01", "2014-02-28", TimePrecision::kMonth);
  ExpectTime(One("in December 2009"), "in December 2009", "2009-12-01", "2009-12-31",
             TimePrecision::kMonth);
  ExpectTime(One("Polls open in May."), "in May", "2013-05-01", "2013-05-31",
             TimePrecision::kMonth);
  EXPECT_TRUE(Tag("Officials may march on the capital.").empty());
  auto list = Tag("In April, May and June the wells ran dry.");
  ASSERT_EQ(list.size(), 3u);
  ExpectTime(list[1], "May", "2013-05-01", "2013-05-31", TimePrecision::kMonth);
  EXPECT_EQ(Tag("It rained in April. May they rest in peace.").size(), 1u);
}

TEST_F(TimeTaggerTest, OtherLanguagesMonthNames) {
  ExpectTime(One("signé le 8 septembre 2011", kThursday, "fr"), "le 8 septembre 2011", "2011-09-08",
             "2011-09-08");
  ExpectTime(One("am 3. Februar 2012 in Berlin", kThursday, "de"), "am 3. Februar 2012",
             "2012-02-03", "2012-02-03");
  ExpectTime(One("el 3 de febrero de 2012", kThursday, "es"), "el 3 de febrero de 2012",
             "2012-02-03", "2012-02-03");
  ExpectTime(One("في 3 شباط 2012", kThursday, "ar"), "في 3 شباط 2012", "2012-02-03", "2012-02-03");
  ExpectTime(One("٣ فبراير ٢٠١٢", kThursday, "ar"), "٣ فبراير ٢٠١٢", "2012-02-03", "2012-02-03");
  ExpectTime(One("hier soir", kThursday, "fr"), "hier soir", "2014-03-12", "2014-03-12");
  // A complete foreign date is read in an English report too; a bare foreign month word is not.
  ExpectTime(One("dated 8 septembre 2011"), "8 septembre 2011", "2011-09-08", "2011-09-08");
  EXPECT_TRUE(Tag("the Mars rover").empty());
}

TEST_F(TimeTaggerTest, YearsIsoDatesAndTimesOfDay) {
  ExpectTime(One("The bridge opened in 1974."), "in 1974", "1974-01-01", "1974-12-31",
             TimePrecision::kYear);
  ExpectTime(One("the 1990s"), "1990s", "1990-01-01", "1999-12-31", TimePrecision::kDecade);
  ExpectTime(One("filed 2012-02-03 at noon"), "2012-02-03", "2012-02-03", "2012-02-03");
  ExpectTime(One("the 2009-2011 drought"), "2009-2011", "2009-01-01", "2011-12-31",
             TimePrecision::kYear);
  ExpectTime(One("in the early hours of Sunday"), "in the early hours of Sunday", "2014-03-09",
             "2014-03-09");
  EXPECT_TRUE(Tag("The siren sounded at 8:30pm.").empty());
}

TEST_F(TimeTaggerTest, WithoutAReferenceOnlyAbsoluteDates) {
  EXPECT_TRUE(
      Tag("on Saturday, yesterday, in May, January 9, three days ago", std::nullopt).empty());
  ExpectTime(One("on 9 January 2012", std::nullopt), "on 9 January 2012", "2012-01-09",
             "2012-01-09");
}

TEST_F(TimeTaggerTest, NumbersInsideDatesAreNotCounts) {
  Document doc = Analyse("On January 9 some 40 boats left.");
  ASSERT_EQ(doc.numbers.size(), 2u);
  EXPECT_EQ(doc.numbers[0].kind, NumberKind::kOther);
  EXPECT_EQ(doc.numbers[1].kind, NumberKind::kCount);
}

TEST_F(TimeTaggerTest, RandomTextKeepsSpansInBounds) {
  static const char* const kPieces[] = {
      " ",      ".",         ",",      "-",     ":",        "'s",      "\n\n", "3",    "12",
      "2012",   "1990s",     "31",     "on",    "since",    "last",    "ago",  "days", "a",
      "May",    "march",     "Friday", "night", "February", "Feb",     "of",   "de",   "8:30pm",
      "almost", "yesterday", "year",   "шباط",  "٣",        "\u2019s", "the",  "in"};
  std::mt19937 rng(3);
  std::uniform_int_distribution<int> piece(0, std::size(kPieces) - 1);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int n = 0; n < 25; ++n) text += kPieces[piece(rng)];
    Document doc = Analyse(text);
    for (const auto& t : doc.times) {
      ASSERT_LE(t.span.end, doc.main_text.size()) << text;
      ASSERT_LT(t.span.begin, t.span.end) << text;
      ASSERT_TRUE(t.start.valid() && t.end.valid() && t.start <= t.end) << text;
    }
    for (const auto& n : doc.numbers) {
      ASSERT_LE(n.span.end, doc.main_text.size()) << text;
      ASSERT_LT(n.span.begin, n.span.end) << text;
    }
  }
}

TEST_F(TimeTaggerTest, JunkDoesNotCrash) {
  Tag("since since on on 31 February 2012 January 99 0000-00-00 the 99999s ago ago");
  Tag("February", Date{1, 1, 1});
  Tag("");
}

}  // namespace
}  // namespace crosscheck
