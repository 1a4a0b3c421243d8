// Date: a civil (proleptic Gregorian) calendar day, the unit of every date crosscheck reports.
//
// A default Date is invalid (year 0); functions that may find no date return std::optional<Date>.
// Arithmetic goes through a day number (days since 1970-01-01) using std::chrono's calendar.
#ifndef CROSSCHECK_DATE_H_
#define CROSSCHECK_DATE_H_

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace crosscheck {

struct Date {
  int year = 0;
  int month = 0;  // 1..12
  int day = 0;    // 1..31

  // True when year/month/day name a real calendar day.
  bool valid() const;
  // Days since 1970-01-01 (negative before). REQUIRES: valid()
  int64_t ToDays() const;
  static Date FromDays(int64_t days);
  // 0 = Monday ... 6 = Sunday. REQUIRES: valid()
  int Weekday() const;
  Date AddDays(int64_t n) const { return FromDays(ToDays() + n); }
  // Same day n months later (clamped to the month's last day).
  Date AddMonths(int n) const;
  static int DaysInMonth(int year, int month);

  // "YYYY-MM-DD".
  std::string ToString() const;
  // Accepts "YYYY-MM-DD" and an ISO 8601 date-time that starts with one ("2012-02-06T15:55Z").
  static std::optional<Date> Parse(std::string_view text);

  auto operator<=>(const Date&) const = default;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_DATE_H_
