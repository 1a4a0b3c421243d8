// Reading dates out of datelines: tokens are matched against the month names of the lexicon in
// the three orders pages use (day month year, month day year, ISO year-month-day).
#include "clean/dates.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdlib>
#include <string>
#include <unordered_map>

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

// A word of a paragraph with where it stands, for cutting the dateline out again.
struct Token {
  size_t begin, end;  // bytes of the paragraph
  std::string lower;
  bool capital = false;  // opens with a capital letter
  bool small = false;    // opens with a lower-case letter (scripts without case are neither)
};

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  for (std::string_view w : SplitWords(text)) {
    Token t{size_t(w.data() - text.data()), size_t(w.data() - text.data()) + w.size(),
            LowerText(w)};
    int32_t i = 0;
    UChar32 c;
    U8_NEXT(w.data(), i, int32_t(w.size()), c);
    t.capital = c >= 0 && u_isupper(c);
    t.small = c >= 0 && u_islower(c);
    tokens.push_back(std::move(t));
  }
  return tokens;
}

bool AllDigits(std::string_view s, size_t min, size_t max) {
  if (s.size() < min || s.size() > max) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int Digits(std::string_view s) { return std::atoi(std::string(s).c_str()); }

// The name of the lexicon's table (months or weekdays) that opens at token `at`: its value, and
// the number of tokens it takes in *used.
int NameAt(const std::vector<Token>& tokens, size_t at,
           const std::unordered_map<std::string, int>& names, size_t longest, size_t* used) {
  std::string key;
  for (size_t len = 1; len <= longest && at + len <= tokens.size(); ++len) {
    if (len > 1) key += ' ';
    key += tokens[at + len - 1].lower;
    auto it = names.find(key);
    if (it != names.end()) {
      *used = len;
      return it->second;
    }
  }
  return 0;
}

// A date that opens at token `at`: sets *end_byte past it and *next to the first token after it.
std::optional<Date> DateAt(std::string_view text, const std::vector<Token>& tokens, size_t at,
                           const CleanLexicon& lexicon, size_t* end_byte, size_t* next) {
  // Digits only: "21.08.2013", "17-08-2013" (day first, as wherever dots or dashes are used),
  // "08/21/2013" only when the order is plain. The year may be glued to what follows in a
  // flattened page ("21.08.2013Get"), so it is read from the bytes.
  if (at + 2 < tokens.size() && AllDigits(tokens[at].lower, 1, 2) &&
      AllDigits(tokens[at + 1].lower, 1, 2)) {
    std::string_view sep1 = text.substr(tokens[at].end, tokens[at + 1].begin - tokens[at].end);
    std::string_view sep2 =
        text.substr(tokens[at + 1].end, tokens[at + 2].begin - tokens[at + 1].end);
    std::string_view year = text.substr(tokens[at + 2].begin, 5);
    bool four = year.size() >= 4 && AllDigits(year.substr(0, 4), 4, 4) &&
                (year.size() == 4 || year[4] < '0' || year[4] > '9');
    if (four && sep1 == sep2 && sep1.size() == 1 &&
        std::string_view("./-").find(sep1[0]) != std::string_view::npos) {
      int a = Digits(tokens[at].lower), b = Digits(tokens[at + 1].lower),
          y = Digits(year.substr(0, 4));
      int day = a, month = b;
      if (sep1 == "/") {
        if (a <= 12 && b <= 12) return std::nullopt;
        if (a <= 12) day = b, month = a;
      }
      if (IsYear(y, 4)) {
        if (auto d = MakeDate(y, month, day)) {
          *end_byte = tokens[at + 2].begin + 4;
          *next = tokens[at + 2].end == *end_byte ? at + 3 : at + 2;
          return d;
        }
      }
    }
  }
  // A month whose day and year lost the comma between them: "Aug 012016".
  size_t used = 0;
  if (int month = NameAt(tokens, at, lexicon.months, lexicon.longest_month_words, &used)) {
    size_t d = at + used;
    if (d < tokens.size() && AllDigits(tokens[d].lower, 5, 6)) {
      std::string_view digits = tokens[d].lower;
      int year = Digits(digits.substr(digits.size() - 4));
      int day = Digits(digits.substr(0, digits.size() - 4));
      if (IsYear(year, 4)) {
        if (auto date = MakeDate(year, month, day)) {
          *end_byte = tokens[d].end;
          *next = d + 1;
          return date;
        }
      }
    }
  }
  // Words: day month year, month day year, year-month-day.
  std::vector<std::string_view> words;
  for (size_t k = at; k < tokens.size() && k < at + 6; ++k) words.push_back(tokens[k].lower);
  std::vector<WordDate> found = ScanWords(words, lexicon);
  if (found.empty() || found.front().first != 0) return std::nullopt;
  *next = at + found.front().count;
  *end_byte = tokens[*next - 1].end;
  return found.front().date;
}

// The time of day after a date ("10:13", "9.05 pm", "102138"): the first token after it.
size_t SkipTime(std::string_view text, const std::vector<Token>& tokens, size_t at) {
  if (at >= tokens.size()) return at;
  if (AllDigits(tokens[at].lower, 6, 6) && Digits(tokens[at].lower.substr(0, 2)) < 24 &&
      Digits(tokens[at].lower.substr(2, 2)) < 60) {
    return at + 1;
  }
  size_t k = at;
  while (k + 1 < tokens.size() && AllDigits(tokens[k].lower, 1, 2) &&
         AllDigits(tokens[k + 1].lower, 2, 2)) {
    std::string_view sep = text.substr(tokens[k].end, tokens[k + 1].begin - tokens[k].end);
    if (sep != ":" && !(sep == "." && k == at) && !(sep == "h" && k == at)) break;
    k += 1;
    if (k > at + 2) break;
  }
  if (k == at) return at;
  ++k;
  if (k < tokens.size() && (tokens[k].lower == "am" || tokens[k].lower == "pm" ||
                            tokens[k].lower == "a" || tokens[k].lower == "p")) {
    ++k;
    if (k < tokens.size() && tokens[k].lower == "m" && tokens[k - 1].lower.size() == 1) ++k;
  }
  return k;
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

std::optional<InlineDateline> ReadInlineDateline(std::string_view paragraph, std::string_view title,
                                                 const CleanLexicon& lexicon) {
  // A dateline stands among a paragraph's first words: a headline and a credit at most.
  constexpr size_t kScanBytes = 600, kScanWords = 40, kNearStart = 3, kBracketBytes = 60;
  std::string_view head = paragraph.substr(0, kScanBytes);
  while (!head.empty() && head.size() < paragraph.size() &&
         (static_cast<unsigned char>(paragraph[head.size()]) & 0xC0) == 0x80) {
    head.remove_suffix(1);
  }
  std::vector<Token> tokens = Tokenize(head);
  std::vector<std::string> title_words;
  const std::string title_lower = LowerText(title);
  for (std::string_view w : SplitWords(title_lower)) title_words.emplace_back(w);
  for (size_t p = 0; p < tokens.size() && p < kScanWords; ++p) {
    size_t q = p;
    Dateline line;
    size_t cue_length = 0;
    for (const CleanLexicon::DatelineCue& cue : lexicon.dateline_cues) {
      if (cue.words.size() <= cue_length || q + cue.words.size() > tokens.size()) continue;
      bool match = true;
      for (size_t k = 0; k < cue.words.size() && match; ++k)
        match = tokens[q + k].lower == cue.words[k];
      if (match) {
        cue_length = cue.words.size();
        line.cued = true;
        line.modified = cue.modified;
      }
    }
    q += cue_length;
    size_t used = 0;
    bool weekday = q < tokens.size() &&
                   NameAt(tokens, q, lexicon.weekdays, lexicon.longest_weekday_words, &used) != 0;
    if (weekday) q += used;
    size_t end_byte = 0, next = 0;
    std::optional<Date> date = DateAt(head, tokens, q, lexicon, &end_byte, &next);
    if (!date) continue;
    line.date = *date;
    const size_t date_next = next;
    next = SkipTime(head, tokens, next);
    if (next > 0 && tokens[next - 1].end > end_byte) end_byte = tokens[next - 1].end;
    // A bracket right after the date belongs to it: "07.10.2017 (updated 15:00 07.10.2017)".
    size_t after = end_byte;
    while (after < head.size() && head[after] == ' ') ++after;
    if (after < head.size() && head[after] == '(') {
      size_t close = head.find(')', after);
      if (close != std::string_view::npos && close - after <= kBracketBytes) {
        end_byte = close + 1;
        while (next < tokens.size() && tokens[next].begin < end_byte) ++next;
      }
    }
    // "Posted on 2 May 2017 by Jane Roe": the author's name belongs to the dateline.
    if (line.cued && next + 2 < tokens.size() && tokens[next + 1].capital &&
        tokens[next + 2].capital) {
      for (const FurnitureCue& by : lexicon.byline_cues) {
        if (by.words.size() == 1 && tokens[next].lower == by.words[0]) {
          end_byte = tokens[next + 2].end;
          next += 3;
          break;
        }
      }
    }
    // The story goes on after it, and not as a sentence of which the date is the subject
    // ("3 May 2017 was the day ...").
    if (next >= tokens.size()) continue;
    // Digits only ("07-07-2015") never open a sentence, whatever follows them.
    bool digits_only = true;
    for (size_t k = q; k < date_next && digits_only; ++k)
      digits_only = AllDigits(tokens[k].lower, 1, 6);
    if (tokens[next].small && !(p == 0 && digits_only)) continue;
    bool marked = (line.cued || weekday) && tokens[p].capital;
    if (p > 0) {
      // Inside a paragraph only after the headline's words: "on Friday 3 May 2017" in a
      // sentence follows a small word.
      bool after_title = title_words.size() >= 3 && p == title_words.size();
      for (size_t k = 0; after_title && k < p; ++k) after_title = tokens[k].lower == title_words[k];
      if (!after_title && !(marked && (p <= kNearStart || !tokens[p - 1].small))) continue;
    }
    return InlineDateline{line, tokens[p].begin, end_byte};
  }
  return std::nullopt;
}

}  // namespace crosscheck
