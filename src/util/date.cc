#include "crosscheck/date.h"

#include <chrono>
#include <cstdio>

namespace crosscheck {

namespace chr = std::chrono;

bool Date::valid() const {
  if (year < 1 || year > 9999) return false;
  return chr::year_month_day(chr::year(year), chr::month(month), chr::day(day)).ok();
}

int64_t Date::ToDays() const {
  auto ymd = chr::year_month_day(chr::year(year), chr::month(month), chr::day(day));
  return chr::sys_days(ymd).time_since_epoch().count();
}

Date Date::FromDays(int64_t days) {
  chr::year_month_day ymd{chr::sys_days(chr::days(days))};
  return Date{int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day()))};
}

int Date::Weekday() const {
  // C++ weekday: 0 = Sunday. Shift so that Monday is 0.
  unsigned sunday_based = chr::weekday(chr::sys_days(chr::days(ToDays()))).c_encoding();
  return int((sunday_based + 6) % 7);
}

int Date::DaysInMonth(int y, int m) {
  auto last = chr::year_month_day_last(chr::year(y), chr::month_day_last(chr::month(m)));
  return int(unsigned(last.day()));
}

Date Date::AddMonths(int n) const {
  int index = year * 12 + (month - 1) + n;
  Date out{index / 12, index % 12 + 1, day};
  int last = DaysInMonth(out.year, out.month);
  if (out.day > last) out.day = last;
  return out;
}

std::string Date::ToString() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::optional<Date> Date::Parse(std::string_view text) {
  if (text.size() < 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  if (text.size() > 10 && text[10] != 'T' && text[10] != ' ') return std::nullopt;
  auto digits = [&](size_t at, size_t n, int* out) {
    int v = 0;
    for (size_t i = at; i < at + n; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  Date d;
  if (!digits(0, 4, &d.year) || !digits(5, 2, &d.month) || !digits(8, 2, &d.day)) return std::nullopt;
  if (!d.valid()) return std::nullopt;
  return d;
}

}  // namespace crosscheck
