#include "clean/dates.h"

#include <gtest/gtest.h>

#include "clean/test_lexicon.h"

namespace crosscheck {
namespace {

std::string DatelineDate(std::string_view line) {
  auto d = ReadDateline(line, TestLexicon());
  return d ? d->date.ToString() : "none";
}

TEST(DatesTest, ReadsDatelinesInSeveralLanguagesAndOrders) {
  EXPECT_EQ(DatelineDate("Last Modified: 14 Mar 2015 09:10"), "2015-03-14");
  EXPECT_EQ(DatelineDate("Publié le 3 janvier 2010 à 18h02"), "2010-01-03");
  EXPECT_EQ(DatelineDate("Mis à jour le 17 février 2014"), "2014-02-17");
  EXPECT_EQ(DatelineDate("Veröffentlicht am 5. April 2017"), "2017-04-05");
  EXPECT_EQ(DatelineDate("Publicado el 8 de mayo de 2019"), "2019-05-08");
  EXPECT_EQ(DatelineDate("نشر في 12 مارس 2013"), "2013-03-12");
  EXPECT_EQ(DatelineDate("Thu 11 Aug 2016"), "2016-08-11");
  EXPECT_EQ(DatelineDate("June 9, 2021 8:02 AM"), "2021-06-09");
  EXPECT_EQ(DatelineDate("Posted 2016-07-21 by staff"), "2016-07-21");
  EXPECT_EQ(DatelineDate("September 31, 2020"), "none");  // no such day
}

TEST(DatesTest, CueAndModifiedAreReported) {
  auto published = ReadDateline("Posted on 2 October 2019", TestLexicon());
  ASSERT_TRUE(published);
  EXPECT_TRUE(published->cued);
  EXPECT_FALSE(published->modified);
  auto updated = ReadDateline("Updated: 4 October 2019", TestLexicon());
  ASSERT_TRUE(updated);
  EXPECT_TRUE(updated->modified);
  auto bare = ReadDateline("Fri 4 October 2019", TestLexicon());
  ASSERT_TRUE(bare);
  EXPECT_FALSE(bare->cued);
}

TEST(DatesTest, SentenceThatMentionsADateIsNotADateline) {
  EXPECT_EQ(DatelineDate("The council voted on 4 March 2011 to close the old bridge over the river "
                         "after engineers found deep cracks in two of its pillars"),
            "none");
}

TEST(DatesTest, FindsEveryDateAndTheYearsMentioned) {
  std::vector<Date> dates =
      FindDates("Between 2 May 2001 and June 30, 2003 the mill ran at half speed.", TestLexicon());
  ASSERT_EQ(dates.size(), 2u);
  EXPECT_EQ(dates[0].ToString(), "2001-05-02");
  EXPECT_EQ(dates[1].ToString(), "2003-06-30");
  EXPECT_EQ(YearsMentioned("In 1998 and again in 2004, but not 12345 or 1750."),
            (std::vector<int>{1998, 2004}));
}

}  // namespace
}  // namespace crosscheck
