// TimeTagger: dates and relative times, normalised against Document::reference_date.
//
// Works token by token inside each sentence, after the number tagger. At a token it reads
//   [prefix] CORE [part_of_day] [relative year]
// where CORE is one of: a relative phrase ("yesterday", "last week"); an ISO date; a day-first
// date ("3 February 2012", "3. Februar 2012", "3 de febrero de 2012"); a month-first date
// ("February 3, 2012", "Feb. 3", "December 2011", "December"); a weekday; "N units ago"; a year
// the number tagger found ("1982", "the 1990s"). Words come from data/time/<lang>.tsv: month and
// weekday names of every language, the other words of the document's language.
//
// Resolution: a weekday is the most recent such day on or before the reference date (so
// "Thursday" in a Thursday report is that day); a month without a year is the most recent such
// month; a day and month without a year take the year that puts them nearest the reference date,
// with past dates preferred three to one (news reports mostly look back). Without a reference date
// only times that need none are written. Numbers inside a time ("3" in "February 3") stop being
// counts.
#include <algorithm>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "analyse/phrase_lexicon.h"
#include "analyse/taggers.h"
#include "analyse/token_stream.h"
#include "util/data_files.h"

namespace crosscheck {
namespace {

enum class Unit { kDay, kWeek, kMonth, kYear };
enum class PrefixRole { kPlain, kSince, kLast, kNext };

struct TimeWord {
  int value = 0;           // month 1..12, weekday 1..7
  bool ambiguous = false;  // also a common word
  std::string languages;   // month and weekday names: the languages that use them, " en fr "
  Unit unit = Unit::kDay;  // relative, unit
  int from = 0, to = 0;    // relative offsets
  PrefixRole role = PrefixRole::kPlain;
};

// The words of one language that only count in documents of that language.
struct Language {
  PhraseLexicon<TimeWord> relative, prefixes, parts_of_day, units, agos, connectors, day_suffixes;
  PhraseLexicon<TimeWord> articles;  // "a", "an": one, in "a year ago"
  // The first words of every phrase that can open a mention, months and weekdays included;
  // and of those that can open a CORE after a prefix.
  WordFilter openers, core_openers;
};

std::optional<Unit> ParseUnit(std::string_view name) {
  if (name == "day") return Unit::kDay;
  if (name == "week") return Unit::kWeek;
  if (name == "month") return Unit::kMonth;
  if (name == "year") return Unit::kYear;
  return std::nullopt;
}

bool ParseSmallInt(std::string_view s, int* out) {
  bool negative = !s.empty() && s[0] == '-';
  if (negative) s.remove_prefix(1);
  if (s.empty() || s.size() > 4) return false;
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = negative ? -v : v;
  return true;
}

Date MonthStart(int year, int month) { return Date{year, month, 1}; }
Date MonthEnd(int year, int month) { return Date{year, month, Date::DaysInMonth(year, month)}; }
Date WeekStart(Date d) { return d.AddDays(-d.Weekday()); }

// A resolved time before it gets its span.
struct Resolved {
  Date start, end;
  TimePrecision precision = TimePrecision::kDay;
};

Resolved UnitAround(Date ref, Unit unit, int offset) {
  switch (unit) {
    case Unit::kDay: {
      Date d = ref.AddDays(offset);
      return {d, d, TimePrecision::kDay};
    }
    case Unit::kWeek: {
      Date monday = WeekStart(ref).AddDays(7 * offset);
      return {monday, monday.AddDays(6), TimePrecision::kWeek};
    }
    case Unit::kMonth: {
      Date m = Date{ref.year, ref.month, 1}.AddMonths(offset);
      return {m, MonthEnd(m.year, m.month), TimePrecision::kMonth};
    }
    case Unit::kYear:
      return {Date{ref.year + offset, 1, 1}, Date{ref.year + offset, 12, 31}, TimePrecision::kYear};
  }
  return {};
}

// What CORE read: either a resolved time, or a date still missing its year.
struct Core {
  size_t end = 0;         // one past the last token
  uint32_t end_byte = 0;  // end of the span (a possessive "'s" is left out)
  enum Kind { kResolved, kWeekday, kMonth, kMonthDay } kind = kResolved;
  Resolved resolved;
  bool needs_reference = false;
  int month = 0, day = 0, weekday = 0;
};

class LexiconTimeTagger final : public TimeTagger {
 public:
  LexiconTimeTagger(PhraseLexicon<TimeWord> months, PhraseLexicon<TimeWord> weekdays,
                    std::unordered_map<std::string, Language> languages)
      : months_(std::move(months)),
        weekdays_(std::move(weekdays)),
        languages_(std::move(languages)) {}

  void Run(Document& doc, const TokenStream& tokens) const override {
    doc.times.clear();
    auto found = languages_.find(doc.language);
    if (found == languages_.end()) found = languages_.find("en");
    if (found == languages_.end()) return;
    Scan scan{*this, found->second, tokens, doc, " " + doc.language + " "};
    const Language& lang = found->second;
    for (auto [first, last] : tokens.sentence_tokens()) {
      size_t i = first;
      while (i < last) {
        // Only tokens that can open a time are looked at: digits, lexicon words, numbers.
        std::string_view word = tokens.Lower(i);
        bool candidate = (!word.empty() && word[0] >= '0' && word[0] <= '9') ||
                         scan.NumberStartingAt(tokens.span(i).begin) != nullptr ||
                         lang.openers.MayContain(scan.StemKey(i));
        if (!candidate) {
          ++i;
          continue;
        }
        size_t end = scan.MentionAt(i, last);
        i = end > i ? end : i + 1;
      }
    }
    // A number inside a time is part of a date, not a count.
    size_t t = 0;
    for (NumberMention& number : doc.numbers) {
      while (t < doc.times.size() && doc.times[t].span.end <= number.span.begin) ++t;
      if (t < doc.times.size() && doc.times[t].span.Contains(number.span) &&
          number.kind == NumberKind::kCount) {
        number.kind = NumberKind::kOther;
      }
    }
  }

 private:
  struct Scan {
    const LexiconTimeTagger& tagger;
    const Language& lang;
    const TokenStream& tokens;
    Document& doc;
    std::string doc_language;  // " en ", to search TimeWord::languages

    size_t MentionAt(size_t i, size_t limit) {
      const std::optional<Date>& ref = doc.reference_date;
      PrefixRole role = PrefixRole::kPlain;
      bool has_prefix = false;
      size_t core_at = i;
      std::optional<Core> core = RelativeAt(i, limit);
      if (!core) {
        // Up to two prefixes ("in early 2012", "since late on Friday"); the time is tried after
        // both, then after the first only ("earlier" + "this week", not "earlier this" + "week").
        struct Start {
          size_t at;
          PrefixRole role;
        };
        Start starts[2];
        int count = 0;
        if (auto prefix = lang.prefixes.Longest(tokens, i, limit);
            prefix.value && prefix.end < limit && tokens.JoinsPhrase(prefix.end)) {
          Start first{prefix.end, prefix.value->role};
          if (auto more = lang.prefixes.Longest(tokens, first.at, limit);
              more.value && more.end < limit && tokens.JoinsPhrase(more.end)) {
            starts[count++] =
                Start{more.end, first.role == PrefixRole::kPlain ? more.value->role : first.role};
          }
          starts[count++] = first;
        }
        for (int k = 0; k < count && !core; ++k) {
          // "earlier this week", "late last year": a prefix before a relative phrase.
          core = RelativeAt(starts[k].at, limit);
          if (!core) core = CoreAt(starts[k].at, limit, true);
          if (core) {
            has_prefix = true;
            role = starts[k].role;
            core_at = starts[k].at;
          }
        }
        if (!core) core = CoreAt(i, limit, false);
      }
      if (!core) return i;
      size_t end = core->end;
      uint32_t end_byte = core->end_byte;
      // "Friday night", "yesterday morning".
      if (core->kind == Core::kWeekday || core->kind == Core::kMonthDay ||
          (core->kind == Core::kResolved && core->resolved.precision == TimePrecision::kDay)) {
        if (auto part = lang.parts_of_day.Longest(tokens, end, limit, StemKey(end));
            part.value && tokens.JoinsPhrase(end)) {
          end = part.end;
          end_byte = EndByte(end - 1);
        }
      }
      // "in April last year": a relative year fixes the year of a month or day.
      std::optional<int> year;
      if ((core->kind == Core::kMonth || core->kind == Core::kMonthDay) && end < limit && ref &&
          tokens.JoinsPhrase(end)) {
        auto rel = lang.relative.Longest(tokens, end, limit);
        if (rel.value && rel.value->unit == Unit::kYear && rel.value->from == rel.value->to) {
          year = ref->year + rel.value->from;
          end = rel.end;
          end_byte = EndByte(end - 1);
        }
      }
      std::optional<Resolved> resolved = Resolve(*core, role, year);
      if (!resolved) return i + 1;
      TimeMention mention;
      mention.span = Span{tokens.span(has_prefix ? i : core_at).begin, end_byte};
      mention.start = resolved->start;
      mention.end = resolved->end;
      mention.precision = resolved->precision;
      if (role == PrefixRole::kSince) {
        mention.open_range = true;
        if (ref && *ref >= mention.start) mention.end = *ref;
      }
      if (!mention.start.valid() || !mention.end.valid()) return i + 1;
      doc.times.push_back(mention);
      return end;
    }

    std::optional<Resolved> Resolve(const Core& core, PrefixRole role, std::optional<int> year) {
      const std::optional<Date>& ref = doc.reference_date;
      switch (core.kind) {
        case Core::kResolved:
          if (core.needs_reference && !ref) return std::nullopt;
          return core.resolved;
        case Core::kWeekday: {
          if (!ref) return std::nullopt;
          int back = (ref->Weekday() - (core.weekday - 1) + 7) % 7;
          if (role == PrefixRole::kLast && back == 0) back = 7;
          if (role == PrefixRole::kNext) back = back == 0 ? -7 : back - 7;
          Date d = ref->AddDays(-back);
          return Resolved{d, d, TimePrecision::kDay};
        }
        case Core::kMonth: {
          int y;
          if (year) {
            y = *year;
          } else {
            if (!ref) return std::nullopt;
            y = core.month <= ref->month ? ref->year : ref->year - 1;
            if (role == PrefixRole::kLast && core.month == ref->month) --y;
            if (role == PrefixRole::kNext) y = core.month > ref->month ? ref->year : ref->year + 1;
          }
          return Resolved{MonthStart(y, core.month), MonthEnd(y, core.month),
                          TimePrecision::kMonth};
        }
        case Core::kMonthDay: {
          int y;
          if (year) {
            y = *year;
          } else {
            if (!ref) return std::nullopt;
            y = NearestYear(*ref, core.month, core.day);
          }
          Date d{y, core.month, core.day};
          if (!d.valid()) return std::nullopt;
          return Resolved{d, d, TimePrecision::kDay};
        }
      }
      return std::nullopt;
    }

    // The year that puts month/day nearest `ref`, a future date counting three times its distance.
    static int NearestYear(Date ref, int month, int day) {
      int best_year = ref.year;
      int64_t best_cost = -1;
      for (int y = ref.year - 1; y <= ref.year + 1; ++y) {
        Date d{y, month, day};
        if (!d.valid()) continue;
        int64_t delta = d.ToDays() - ref.ToDays();
        int64_t cost = delta > 0 ? 3 * delta : -delta;
        if (best_cost < 0 || cost < best_cost) {
          best_cost = cost;
          best_year = y;
        }
      }
      return best_year;
    }

    std::optional<Core> RelativeAt(size_t i, size_t limit) {
      auto rel = lang.relative.Longest(tokens, i, limit, StemKey(i));
      if (!rel.value || !doc.reference_date) return std::nullopt;
      Date ref = *doc.reference_date;
      Core core;
      core.end = rel.end;
      core.end_byte = EndByte(rel.end - 1);
      Resolved from = UnitAround(ref, rel.value->unit, rel.value->from);
      Resolved to = UnitAround(ref, rel.value->unit, rel.value->to);
      core.resolved = Resolved{from.start, to.end, from.precision};
      return core;
    }

    std::optional<Core> CoreAt(size_t i, size_t limit, bool has_prefix) {
      if (i >= limit) return std::nullopt;
      std::string_view word = tokens.Lower(i);
      bool digits = !word.empty() && word[0] >= '0' && word[0] <= '9';
      if (!digits && !lang.core_openers.MayContain(StemKey(i)) &&
          NumberStartingAt(tokens.span(i).begin) == nullptr) {
        return std::nullopt;
      }
      if (auto core = IsoAt(i, limit)) return core;
      if (auto core = DayFirstAt(i, limit)) return core;
      if (auto core = MonthFirstAt(i, limit, has_prefix)) return core;
      if (auto core = WeekdayAt(i, limit, has_prefix)) return core;
      if (auto core = AgoAt(i, limit)) return core;
      return YearAt(i);
    }

    // "2012-02-03".
    std::optional<Core> IsoAt(size_t i, size_t limit) {
      if (i + 2 >= limit || tokens.GapBefore(i + 1) != "-" || tokens.GapBefore(i + 2) != "-") {
        return std::nullopt;
      }
      int y = PlainNumber(i, 4), m = PlainNumber(i + 1, 2), d = PlainNumber(i + 2, 2);
      Date date{y, m, d};
      if (y < 1000 || !date.valid()) return std::nullopt;
      Core core;
      core.end = i + 3;
      core.end_byte = EndByte(i + 2);
      core.resolved = Resolved{date, date, TimePrecision::kDay};
      return core;
    }

    // "3 February 2012", "3rd of February", "3. Februar 2012", "3 de febrero de 2012".
    std::optional<Core> DayFirstAt(size_t i, size_t limit) {
      int day = DayNumber(i);
      if (day == 0) return std::nullopt;
      size_t k = i + 1;
      if (k < limit && !DayMonthGap(tokens.GapBefore(k))) return std::nullopt;
      if (auto c = lang.connectors.Longest(tokens, k, limit);
          c.value && tokens.JoinsPhrase(c.end)) {
        k = c.end;
      }
      auto month = tagger.months_.Longest(tokens, k, limit, StemKey(k));
      if (!month.value) return std::nullopt;
      if (!DayMonthGap(tokens.GapBefore(k))) return std::nullopt;
      Core core;
      core.kind = Core::kMonthDay;
      core.month = month.value->value;
      core.day = day;
      core.end = month.end;
      core.end_byte = EndByte(month.end - 1);
      AddYear(&core, limit);
      if (core.kind == Core::kMonthDay && !Native(*month.value)) return std::nullopt;
      return core;
    }

    // "February 3, 2012", "Feb. 3", "December 2011", "December".
    std::optional<Core> MonthFirstAt(size_t i, size_t limit, bool has_prefix) {
      auto month = tagger.months_.Longest(tokens, i, limit, StemKey(i));
      if (!month.value) return std::nullopt;
      const TimeWord& word = *month.value;
      Core core;
      core.kind = Core::kMonth;
      core.month = word.value;
      core.end = month.end;
      core.end_byte = EndByte(month.end - 1);
      size_t k = month.end;
      if (k < limit && MonthDayGap(tokens.GapBefore(k))) {
        int day = DayNumber(k);
        bool is_time = k + 1 < limit && tokens.GapBefore(k + 1) == ":";
        if (day > 0 && !is_time) {
          core.kind = Core::kMonthDay;
          core.day = day;
          core.end = k + 1;
          core.end_byte = EndByte(k);
        }
      }
      AddYear(&core, limit);
      bool complete = core.kind == Core::kResolved;
      // "May" and "March" are months with a capital and a day, a year, a prefix, or another time
      // just before them in a list ("in April, May and June").
      if (word.ambiguous &&
          !(tokens.Capitalized(i) && (has_prefix || core.kind != Core::kMonth || FollowsTime(i)))) {
        return std::nullopt;
      }
      if (!Native(word) && !complete) return std::nullopt;
      return core;
    }

    // True when a time mention ends a few bytes before token i: "April, May", "April and May".
    bool FollowsTime(size_t i) const {
      if (doc.times.empty()) return false;
      uint32_t end = doc.times.back().span.end;
      uint32_t begin = tokens.span(i).begin;
      if (end > begin || begin - end > 5) return false;
      std::string_view gap(doc.main_text.data() + end, begin - end);
      return gap.find_first_of(".!?;:\n") == std::string_view::npos;
    }

    // A year after a month or day and month: "February 3, 2012", "December 2011".
    void AddYear(Core* core, size_t limit) {
      size_t k = core->end;
      if (k >= limit) return;
      std::string_view gap = tokens.GapBefore(k);
      if (gap != " " && gap != ", " && gap != "," && gap != ". " && gap != "\u00a0") return;
      if (auto c = lang.connectors.Longest(tokens, k, limit);
          c.value && c.end < limit && tokens.JoinsPhrase(c.end)) {
        k = c.end;
      }
      int year = PlainNumber(k, 4);
      if (year < 1000 || year > 2999) return;
      if (core->kind == Core::kMonthDay) {
        Date d{year, core->month, core->day};
        if (!d.valid()) return;
        core->resolved = Resolved{d, d, TimePrecision::kDay};
      } else {
        core->resolved = Resolved{MonthStart(year, core->month), MonthEnd(year, core->month),
                                  TimePrecision::kMonth};
      }
      core->kind = Core::kResolved;
      core->end = k + 1;
      core->end_byte = EndByte(k);
    }

    std::optional<Core> WeekdayAt(size_t i, size_t limit, bool has_prefix) {
      auto weekday = tagger.weekdays_.Longest(tokens, i, limit, StemKey(i));
      if (!weekday.value) return std::nullopt;
      if (weekday.value->ambiguous && !(has_prefix && tokens.Capitalized(i))) return std::nullopt;
      Core core;
      core.kind = Core::kWeekday;
      core.weekday = weekday.value->value;
      core.end = weekday.end;
      core.end_byte = EndByte(weekday.end - 1);
      // "Friday, February 3": the date says more than the weekday.
      size_t k = weekday.end;
      if (k < limit) {
        std::string_view gap = tokens.GapBefore(k);
        if (gap == ", " || gap == " ") {
          if (auto date = DayFirstAt(k, limit)) return date;
          if (auto date = MonthFirstAt(k, limit, true); date && date->kind != Core::kMonth)
            return date;
        }
      }
      return core;
    }

    // "three days ago", "almost 11 months ago", "a year ago".
    std::optional<Core> AgoAt(size_t i, size_t limit) {
      if (!doc.reference_date) return std::nullopt;
      int64_t count = 0;
      size_t k = i;
      const NumberMention* number = NumberStartingAt(tokens.span(i).begin);
      if (number != nullptr) {
        if (!number->value.min && !number->value.max) return std::nullopt;
        count = number->value.min ? *number->value.min : *number->value.max;
        while (k < limit && tokens.span(k).end < number->span.end) ++k;
        ++k;
      } else if (lang.articles.Single(tokens.LowerKey(i))) {
        count = 1;
        k = i + 1;
      } else {
        return std::nullopt;
      }
      // Beyond a few centuries "N units ago" is no date (and would leave the calendar).
      if (count > 100000 || ref_year_too_small()) return std::nullopt;
      // The number tagger may have taken the unit into its mention ("11 months" as a duration).
      PhraseLexicon<TimeWord>::Match unit;
      for (size_t m = i + 1; m < k && !unit.value; ++m) {
        auto inside = lang.units.Longest(tokens, m, limit);
        if (inside.value && inside.end == k) unit = inside;
      }
      if (!unit.value) {
        if (k >= limit || !tokens.JoinsPhrase(k)) return std::nullopt;
        unit = lang.units.Longest(tokens, k, limit);
      }
      if (!unit.value) return std::nullopt;
      auto ago = lang.agos.Longest(tokens, unit.end, limit);
      if (!ago.value || !tokens.JoinsPhrase(unit.end)) return std::nullopt;
      Core core;
      core.end = ago.end;
      core.end_byte = EndByte(ago.end - 1);
      Date ref = *doc.reference_date;
      Unit u = unit.value->unit;
      int n = static_cast<int>(count);
      int64_t days_back = u == Unit::kDay     ? n
                          : u == Unit::kWeek  ? 7LL * n
                          : u == Unit::kMonth ? 31LL * n
                                              : 366LL * n;
      if (days_back > 366LL * 500) return std::nullopt;
      if (u == Unit::kDay) {
        core.resolved = UnitAround(ref, Unit::kDay, -n);
      } else if (u == Unit::kWeek) {
        core.resolved = UnitAround(ref, Unit::kWeek, -n);
      } else {
        core.resolved = UnitAround(ref, u, -n);
      }
      return core;
    }

    bool ref_year_too_small() const { return doc.reference_date->year < 1000; }

    // A year the number tagger found: "1982", "the 1990s".
    std::optional<Core> YearAt(size_t i) {
      const NumberMention* number = NumberStartingAt(tokens.span(i).begin);
      if (number == nullptr || number->kind != NumberKind::kYear || !number->value.min) {
        return std::nullopt;
      }
      int year = static_cast<int>(*number->value.min);
      int last = static_cast<int>(number->value.max.value_or(year));
      if (last < year || last > 9999) return std::nullopt;
      Core core;
      core.end = i + 1;
      while (core.end < tokens.size() && tokens.span(core.end).end <= number->span.end) ++core.end;
      core.end_byte = number->span.end;
      // "the 1990s" is a decade; "2011-2012" a range of years.
      bool decade = core.end == i + 1 && last == year + 9;
      core.resolved = Resolved{Date{year, 1, 1}, Date{last, 12, 31},
                               decade ? TimePrecision::kDecade : TimePrecision::kYear};
      return core;
    }

    // Numbers are sorted and looked up at or after the token being read: a forward cursor
    // finds them without a search.
    const NumberMention* NumberStartingAt(uint32_t begin) {
      const auto& numbers = doc.numbers;
      if (number_cursor > 0 && number_cursor <= numbers.size() &&
          numbers[number_cursor - 1].span.begin >= begin) {
        number_cursor = 0;  // asked about an earlier token: start again
      }
      while (number_cursor < numbers.size() && numbers[number_cursor].span.begin < begin) {
        ++number_cursor;
      }
      if (number_cursor < numbers.size() && numbers[number_cursor].span.begin == begin) {
        return &numbers[number_cursor];
      }
      return nullptr;
    }
    size_t number_cursor = 0;

    // Month and weekday names of the document's language; others only in complete dates.
    bool Native(const TimeWord& word) const {
      return word.languages.find(doc_language) != std::string::npos;
    }

    // A day of the month: "3", "03", "3rd", "1er", Arabic-Indic digits.
    int DayNumber(size_t i) {
      std::string_view word = tokens.Lower(i);
      auto run = ParseDigitRun(word, false);
      if (!run || run->digits > 2 || run->has_fraction || run->has_group_separator) return 0;
      std::string_view suffix = word.substr(run->length);
      if (!suffix.empty() && !lang.day_suffixes.Single(suffix)) return 0;
      int day = static_cast<int>(run->value);
      return day >= 1 && day <= 31 ? day : 0;
    }

    // A token that is only digits, with at most `max_digits` of them; 0 otherwise.
    int PlainNumber(size_t i, int max_digits) {
      if (i >= tokens.size()) return 0;
      std::string_view word = tokens.Lower(i);
      auto run = ParseDigitRun(word, false);
      if (!run || run->length != word.size() || run->digits > max_digits || run->has_fraction ||
          run->has_group_separator) {
        return 0;
      }
      return static_cast<int>(run->value);
    }

    static bool DayMonthGap(std::string_view gap) {
      return gap == " " || gap == ". " || gap == "\u00a0" || gap == "-";
    }
    static bool MonthDayGap(std::string_view gap) {
      return gap == " " || gap == ". " || gap == "\u00a0";
    }

    // A lower-cased word without a possessive "'s" ("saturday's").
    static std::string_view WithoutPossessive(std::string_view word) {
      if (word.empty() || word.back() != 's') return word;  // most words: no test of the suffixes
      if (word.ends_with("'s")) return word.substr(0, word.size() - 2);
      if (word.ends_with("\u2019s")) return word.substr(0, word.size() - 4);
      return word;
    }
    // The lower-cased token without a possessive "'s" ("Saturday's").
    std::string_view PossessiveStem(size_t i) const {
      if (i >= tokens.size()) return {};
      return WithoutPossessive(tokens.Lower(i));
    }
    // PossessiveStem(i) with its hash, for the lexicons: a possessive is rare, so the token's
    // own hash nearly always serves.
    HashedView StemKey(size_t i) const {
      if (i >= tokens.size()) return HashedView(std::string_view());
      HashedView word = tokens.LowerKey(i);
      std::string_view stem = WithoutPossessive(word.text);
      return stem.size() == word.text.size() ? word : HashedView(stem);
    }
    uint32_t EndByte(size_t i) const {
      return tokens.span(i).begin + static_cast<uint32_t>(PossessiveStem(i).size());
    }
  };

  PhraseLexicon<TimeWord> months_;
  PhraseLexicon<TimeWord> weekdays_;
  std::unordered_map<std::string, Language> languages_;
};

}  // namespace

Result<std::unique_ptr<TimeTagger>> TimeTagger::Create(const Options& options) {
  std::vector<std::string> codes;
  Status read = ReadTsvFiles(options, "time/languages.tsv", true, [&](const TsvLine& line) {
    if (line.fields.size() != 1 || line.fields[0].empty())
      return line.Error("expected: a language code");
    codes.emplace_back(line.fields[0]);
    return Status::Ok();
  });
  if (!read.ok()) return read;
  // Month and weekday names are merged across languages: one entry per name and meaning.
  std::unordered_map<std::string, TimeWord> months, weekdays;
  std::unordered_map<std::string, Language> languages;
  for (const std::string& code : codes) {
    Language& lang = languages[code];
    read = ReadTsvFiles(options, "time/" + code + ".tsv", true, [&](const TsvLine& line) -> Status {
      const auto& f = line.fields;
      if (f.size() < 2) return line.Error("expected: phrase<TAB>class[<TAB>arguments]");
      std::string_view cls = f[1];
      TimeWord word;
      PhraseLexicon<TimeWord>* target = nullptr;
      if (cls == "month" || cls == "weekday") {
        int limit = cls == "month" ? 12 : 7;
        if (f.size() < 3 || f.size() > 4 || !ParseSmallInt(f[2], &word.value) || word.value < 1 ||
            word.value > limit || (f.size() == 4 && f[3] != "ambiguous")) {
          return line.Error("expected: name<TAB>" + std::string(cls) + "<TAB>N[<TAB>ambiguous]");
        }
        word.ambiguous = f.size() == 4;
        auto& merged = cls == "month" ? months : weekdays;
        std::string key = std::string(f[0]) + "\t" + std::string(f[2]);
        auto [it, fresh] = merged.try_emplace(key, word);
        if (fresh) it->second.languages = " ";
        it->second.languages += code + " ";
        it->second.ambiguous = it->second.ambiguous || word.ambiguous;
        return Status::Ok();
      }
      if (cls == "relative") {
        auto unit = f.size() == 5 ? ParseUnit(f[2]) : std::nullopt;
        if (!unit || !ParseSmallInt(f[3], &word.from) || !ParseSmallInt(f[4], &word.to) ||
            word.to < word.from) {
          return line.Error(
              "expected: phrase<TAB>relative<TAB>day|week|month|year<TAB>FROM<TAB>TO");
        }
        word.unit = *unit;
        target = &lang.relative;
      } else if (cls == "prefix") {
        if (f.size() != 3)
          return line.Error("expected: phrase<TAB>prefix<TAB>plain|since|last|next");
        if (f[2] == "plain") {
          word.role = PrefixRole::kPlain;
        } else if (f[2] == "since") {
          word.role = PrefixRole::kSince;
        } else if (f[2] == "last") {
          word.role = PrefixRole::kLast;
        } else if (f[2] == "next") {
          word.role = PrefixRole::kNext;
        } else {
          return line.Error("a prefix role is plain, since, last or next");
        }
        target = &lang.prefixes;
      } else if (cls == "unit") {
        auto unit = f.size() == 3 ? ParseUnit(f[2]) : std::nullopt;
        if (!unit) return line.Error("expected: phrase<TAB>unit<TAB>day|week|month|year");
        word.unit = *unit;
        target = &lang.units;
      } else {
        static const std::pair<std::string_view, PhraseLexicon<TimeWord> Language::*> kPlain[] = {
            {"part_of_day", &Language::parts_of_day},
            {"ago", &Language::agos},
            {"connector", &Language::connectors},
            {"day_suffix", &Language::day_suffixes},
            {"article", &Language::articles}};
        for (const auto& [name, member] : kPlain) {
          if (name == cls) target = &(lang.*member);
        }
        if (target == nullptr) return line.Error("unknown class '" + std::string(cls) + "'");
        if (f.size() != 2) return line.Error("class '" + std::string(cls) + "' takes no argument");
      }
      if (!target->Add(f[0], word)) return line.Error("the phrase has no words");
      return Status::Ok();
    });
    if (!read.ok()) return read;
  }
  PhraseLexicon<TimeWord> month_lexicon, weekday_lexicon;
  for (auto& [key, word] : months) month_lexicon.Add(key.substr(0, key.find('\t')), word);
  for (auto& [key, word] : weekdays) weekday_lexicon.Add(key.substr(0, key.find('\t')), word);
  for (auto& [code, lang] : languages) {
    for (const auto* lexicon :
         {&lang.relative, &lang.prefixes, &lang.articles, &month_lexicon, &weekday_lexicon}) {
      lexicon->CollectFirstWords(&lang.openers);
    }
    for (const auto* lexicon : {&lang.articles, &month_lexicon, &weekday_lexicon}) {
      lexicon->CollectFirstWords(&lang.core_openers);
    }
  }
  return std::unique_ptr<TimeTagger>(new LexiconTimeTagger(
      std::move(month_lexicon), std::move(weekday_lexicon), std::move(languages)));
}

}  // namespace crosscheck
