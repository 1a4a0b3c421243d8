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

namespace crosscheck {
namespace {

// The dateline and what remains of the paragraph after it, or "none".
std::string Inline(std::string_view paragraph, std::string_view title = "") {
  auto d = ReadInlineDateline(paragraph, title, TestLexicon());
  if (!d) return "none";
  return d->dateline.date.ToString() + (d->dateline.cued ? " cued" : "") +
         (d->dateline.modified ? " modified" : "") + " [" +
         std::string(paragraph.substr(d->begin, d->end - d->begin)) + "]";
}

TEST(InlineDatelineTest, DateOpeningAParagraphInManyForms) {
  EXPECT_EQ(Inline("Mon 14 Mar 2011 Floods cut the coastal road for a week."),
            "2011-03-14 [Mon 14 Mar 2011]");
  EXPECT_EQ(Inline("Saturday, March 3, 2018 Farmers reopened the grain market."),
            "2018-03-03 [Saturday, March 3, 2018]");
  EXPECT_EQ(Inline("9 November 2019 Voters queued from dawn outside the hall."),
            "2019-11-09 [9 November 2019]");
  EXPECT_EQ(Inline("Published on October 30 2012 Volunteers rebuilt the bridge."),
            "2012-10-30 cued [Published on October 30 2012]");
  EXPECT_EQ(Inline("Posted on June 1 2014 by Maria Lindqvist Harvest figures fell again."),
            "2014-06-01 cued [Posted on June 1 2014 by Maria Lindqvist]");
  EXPECT_EQ(Inline("Date of publication 4 May 2020 Ferries stopped at noon."),
            "2020-05-04 cued [Date of publication 4 May 2020]");
  EXPECT_EQ(Inline("Updated at Nov 052013 Rail workers walked out."),
            "2013-11-05 cued modified [Updated at Nov 052013]");
  EXPECT_EQ(Inline("Thursday 8 June 2017 14:05 Election turnout rose."),
            "2017-06-08 [Thursday 8 June 2017 14:05]");
  EXPECT_EQ(Inline("03.02.2015(updated 0930 03.02.2015) Snow closed the pass."),
            "2015-02-03 [03.02.2015(updated 0930 03.02.2015)]");
  EXPECT_EQ(Inline("25-12-2013 note: Shops closed early."), "2013-12-25 [25-12-2013]");
}

TEST(InlineDatelineTest, OtherLanguages) {
  EXPECT_EQ(Inline("Freitag, 3. Mai 2019 Die Fähre fuhr nicht."),
            "2019-05-03 [Freitag, 3. Mai 2019]");
  EXPECT_EQ(Inline("Publié le 12 juin 2016 Les pêcheurs sont rentrés."),
            "2016-06-12 cued [Publié le 12 juin 2016]");
  EXPECT_EQ(Inline("martes 7 de abril de 2015 La cosecha fue buena."),
            "2015-04-07 [martes 7 de abril de 2015]");
}

TEST(InlineDatelineTest, AfterTheHeadlineWhenMarked) {
  EXPECT_EQ(
      Inline("Storm floods harbour town Wire Service Tuesday 2 Feb 2016 Waves broke the wall."),
      "2016-02-02 [Tuesday 2 Feb 2016]");
  EXPECT_EQ(Inline("Storm floods harbour town 2 Feb 2016 Waves broke the wall.",
                   "Storm floods harbour town"),
            "2016-02-02 [2 Feb 2016]");
}

TEST(InlineDatelineTest, DatesInsideSentencesAreNotDatelines) {
  EXPECT_EQ(Inline("9 November 2019 was the coldest day of the year."), "none");
  EXPECT_EQ(Inline("The mayor spoke to the crowd on Tuesday 2 Feb 2016 Waves were high."), "none");
  EXPECT_EQ(Inline("Storm floods harbour town 2 Feb 2016 Waves broke the wall."), "none");
  EXPECT_EQ(Inline("04/05/2016 Talks resumed."), "none");  // day and month could be either
}

}  // namespace
}  // namespace crosscheck
