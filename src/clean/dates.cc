// Reading dates out of datelines: tokens are matched against the month names of the lexicon in
// the three orders pages use (day month year, month day year, ISO year-month-day).
#include "clean/dates.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <string>

namespace crosscheck {

namespace {

// The value of a token of digits (any script's decimal digits) with an optional ordinal suffix
// ("5th", "1er", "2."), or -1.
int TokenNumber(std::string_view token, int* digits_out = nullptr) {
  int32_t i = 0;
  const int32_t n = int32_t(token.size());
  int value = 0;
  int digits = 0;
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(token.data(), i, n, c);
    int d = c >= 0 ? u_charDigitValue(c) : -1;
    if (d < 0) {
      std::string_view suffix = token.substr(at);
      if (digits == 0 || suffix.size() > 3) return -1;
      static const char* kOrdinal[] = {"st", "nd", "rd", "th", "er", "e", "o", "a", "\xC2\xBA"};
      bool ok = false;
      for (const char* s : kOrdinal) ok = ok || suffix == s;
      if (!ok) return -1;
      break;
    }
    if (++digits > 4) return -1;
    value = value * 10 + d;
  }
  if (digits_out) *digits_out = digits;
  return digits ? value : -1;
}

int MonthAt(const std::vector<std::string_view>& words, size_t at, const CleanLexicon& lexicon,
            size_t* used) {
  std::string key;
  for (size_t len = 1; len <= lexicon.longest_month_words && at + len <= words.size(); ++len) {
    if (len > 1) key += ' ';
    key.append(words[at + len - 1]);
    auto it = lexicon.months.find(key);
    if (it != lexicon.months.end()) {
      *used = len;
      return it->second;
    }
  }
  return 0;
}

bool IsYear(int value, int digits) { return digits == 4 && value >= 1900 && value <= 2099; }

std::optional<Date> MakeDate(int year, int month, int day) {
  Date d{year, month, day};
  if (!d.valid()) return std::nullopt;
  return d;
}

// Dates in the word sequence, with the index of the word each starts at and the number of words
// it spans.
struct WordDate {
  Date date;
  size_t first, count;
};

std::vector<WordDate> ScanWords(const std::vector<std::string_view>& words,
                                const CleanLexicon& lexicon) {
  std::vector<WordDate> found;
  for (size_t i = 0; i < words.size(); ++i) {
    int digits = 0;
    int number = TokenNumber(words[i], &digits);
    size_t used = 0;
    // Year-month-day: "2012 02 06" as the words of "2012-02-06" or "2012/02/06".
    if (IsYear(number, digits) && i + 2 < words.size()) {
      int dm = 0, dd = 0;
      int month = TokenNumber(words[i + 1], &dm);
      int day = TokenNumber(words[i + 2], &dd);
      if (dm <= 2 && dd <= 2 && month > 0 && day > 0) {
        if (auto d = MakeDate(number, month, day)) {
          found.push_back({*d, i, 3});
          i += 2;
          continue;
        }
      }
    }
    // Day month year: "06 Feb 2012", "8 septembre 2011", "5. April 2017".
    if (number >= 1 && number <= 31 && digits <= 2 && i + 2 < words.size()) {
      size_t m = i + 1;
      if (lexicon.date_connectors.count(std::string(words[m])) && m + 1 < words.size()) ++m;
      int month = MonthAt(words, m, lexicon, &used);
      if (month) {
        size_t y = m + used;
        if (y < words.size() && lexicon.date_connectors.count(std::string(words[y]))) ++y;
        int ydigits = 0;
        int year = y < words.size() ? TokenNumber(words[y], &ydigits) : -1;
        if (IsYear(year, ydigits)) {
          if (auto d = MakeDate(year, month, number)) {
            found.push_back({*d, i, y - i + 1});
            i = y;
            continue;
          }
        }
      }
    }
    // Month day year: "May 2, 2025", "February 6 2012".
    int month = MonthAt(words, i, lexicon, &used);
    if (month && i + used + 1 < words.size()) {
      int ddigits = 0, ydigits = 0;
      int day = TokenNumber(words[i + used], &ddigits);
      int year = TokenNumber(words[i + used + 1], &ydigits);
      if (day >= 1 && day <= 31 && ddigits <= 2 && IsYear(year, ydigits)) {
        if (auto d = MakeDate(year, month, day)) {
          found.push_back({*d, i, used + 2});
          i += used + 1;
          continue;
        }
      }
    }
  }
  return found;
}

}  // namespace

std::vector<Date> FindDates(std::string_view text, const CleanLexicon& lexicon) {
  std::string lower = LowerText(text);
  std::vector<std::string_view> words = SplitWords(lower);
  std::vector<Date> dates;
  for (const WordDate& d : ScanWords(words, lexicon)) dates.push_back(d.date);
  return dates;
}

std::optional<Dateline> ReadDateline(std::string_view line, const CleanLexicon& lexicon) {
  if (line.size() > 200) return std::nullopt;
  std::string lower = LowerText(line);
  std::vector<std::string_view> words = SplitWords(lower);
  if (words.empty() || words.size() > 16) return std::nullopt;
  std::vector<WordDate> dates = ScanWords(words, lexicon);
  if (dates.empty()) return std::nullopt;
  Dateline out;
  out.date = dates.front().date;
  // A cue anywhere before the date: "Article • Publié sur Example le 8 septembre 2011".
  for (size_t at = 0; at < dates.front().first; ++at) {
    for (const CleanLexicon::DatelineCue& cue : lexicon.dateline_cues) {
      if (StartsWithWords(words, cue.words, at)) {
        out.cued = true;
        out.modified = out.modified || cue.modified;
      }
    }
  }
  // Besides the date and its cue a dateline carries little: a weekday, a time, a place or a
  // name. A sentence that mentions a date has many more words.
  size_t other = words.size() - dates.front().count;
  if (!out.cued && other > 9) return std::nullopt;
  // A sentence ends with a full stop; a dateline or a comment's stamp ("... said:") does not.
  size_t last = line.find_last_not_of(" \t");
  if (!out.cued && last != std::string_view::npos &&
      (line[last] == '.' || line[last] == '!' || line[last] == '?')) {
    return std::nullopt;
  }
  return out;
}

std::vector<int> YearsMentioned(std::string_view text) {
  std::vector<int> years;
  for (size_t i = 0; i + 4 <= text.size(); ++i) {
    if ((text[i] != '1' && text[i] != '2') || (i > 0 && isdigit(static_cast<unsigned char>(text[i - 1])))) {
      continue;
    }
    bool four = true;
    for (size_t k = 1; k < 4; ++k) four = four && isdigit(static_cast<unsigned char>(text[i + k]));
    if (!four || (i + 4 < text.size() && isdigit(static_cast<unsigned char>(text[i + 4])))) continue;
    int year = std::stoi(std::string(text.substr(i, 4)));
    if (year >= 1900 && year <= 2099) years.push_back(year);
    i += 3;
  }
  return years;
}

}  // namespace crosscheck
