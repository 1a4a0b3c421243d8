#include "crosscheck/date.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(DateTest, ParsesDatesAndDateTimes) {
  EXPECT_EQ(Date::Parse("2012-02-06"), (Date{2012, 2, 6}));
  EXPECT_EQ(Date::Parse("2012-02-06T15:55:00Z"), (Date{2012, 2, 6}));
  EXPECT_FALSE(Date::Parse("2012-02-30").has_value());
  EXPECT_FALSE(Date::Parse("06/02/2012").has_value());
  EXPECT_FALSE(Date::Parse("2012-02-06junk").has_value());
}

TEST(DateTest, ArithmeticAndWeekdays) {
  Date d{2012, 2, 4};
  EXPECT_EQ(d.Weekday(), 5);  // a Saturday
  EXPECT_EQ(d.AddDays(-1), (Date{2012, 2, 3}));
  EXPECT_EQ((Date{2012, 3, 1}).AddDays(-1), (Date{2012, 2, 29}));
  EXPECT_EQ((Date{2012, 1, 31}).AddMonths(1), (Date{2012, 2, 29}));
  EXPECT_EQ(Date::FromDays(0), (Date{1970, 1, 1}));
  EXPECT_EQ(d.ToString(), "2012-02-04");
  EXPECT_LT((Date{2011, 9, 8}), d);
}

}  // namespace
}  // namespace crosscheck
