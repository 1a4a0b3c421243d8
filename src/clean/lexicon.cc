// Loading the clean stage's lexicons, and the shared text helpers.
#include "clean/lexicon.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "util/data_files.h"

namespace crosscheck {

namespace {

void AppendCodePoint(UChar32 c, std::string* out) {
  char buf[4];
  int32_t n = 0;
  UBool error = false;
  U8_APPEND(buf, n, 4, c, error);
  if (!error) out->append(buf, n);
}

bool IsWordChar(UChar32 c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return u_isalnum(c) || u_getCombiningClass(c) != 0 || u_charType(c) == U_NON_SPACING_MARK;
}

bool IsApostrophe(UChar32 c) { return c == '\'' || c == 0x2019; }

std::vector<std::string> LowerWords(std::string_view phrase) {
  std::string lower = LowerText(phrase);
  std::vector<std::string> out;
  for (std::string_view w : SplitWords(lower)) out.emplace_back(w);
  return out;
}

Status RequireFields(const TsvLine& line, size_t n) {
  if (line.fields.size() < n) {
    return line.Error("expected " + std::to_string(n) + " tab-separated fields");
  }
  return Status::Ok();
}

}  // namespace

std::string LowerText(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  int32_t i = 0;
  const int32_t n = int32_t(s.size());
  while (i < n) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      out.push_back(b >= 'A' && b <= 'Z' ? char(b - 'A' + 'a') : char(b));
      ++i;
      continue;
    }
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c < 0) continue;  // invalid bytes: ingest promises none, drop them if any slip through
    if (c == 0x2019 || c == 0x2018) {
      out.push_back('\'');
      continue;
    }
    AppendCodePoint(u_tolower(c), &out);
  }
  return out;
}

std::vector<std::string_view> SplitWords(std::string_view s) {
  std::vector<std::string_view> words;
  int32_t i = 0;
  const int32_t n = int32_t(s.size());
  int32_t start = -1;
  int32_t last_end = 0;  // end of the last word character
  while (i < n) {
    int32_t at = i;
    UChar32 c;
    U8_NEXT(s.data(), i, n, c);
    if (c >= 0 && IsWordChar(c)) {
      if (start < 0) start = at;
      last_end = i;
    } else if (start >= 0 && IsApostrophe(c) && i < n) {
      // An apostrophe stays inside a word only when a letter follows ("don't", "l'armée").
      int32_t peek = i;
      UChar32 next;
      U8_NEXT(s.data(), peek, n, next);
      if (next >= 0 && IsWordChar(next)) continue;
      words.push_back(s.substr(start, last_end - start));
      start = -1;
    } else if (start >= 0) {
      words.push_back(s.substr(start, last_end - start));
      start = -1;
    }
  }
  if (start >= 0) words.push_back(s.substr(start, last_end - start));
  return words;
}

std::string CollapseSpace(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    size_t width = 1;
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
      space = true;  // U+00A0 no-break space
      width = 2;
    } else if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) <= 0x8A ||
                static_cast<unsigned char>(s[i + 2]) == 0xAF)) {
      space = true;  // U+2000..U+200A, U+202F
      width = 3;
    }
    if (space) {
      pending_space = !out.empty();
    } else {
      if (pending_space) out.push_back(' ');
      pending_space = false;
      out.append(s.substr(i, width));
    }
    i += width;
  }
  return out;
}

bool StartsWithWords(const std::vector<std::string_view>& words,
                     const std::vector<std::string>& phrase, size_t at) {
  if (phrase.empty() || at + phrase.size() > words.size()) return false;
  for (size_t k = 0; k < phrase.size(); ++k) {
    if (words[at + k] != phrase[k]) return false;
  }
  return true;
}

int FindWords(const std::vector<std::string_view>& words, const std::vector<std::string>& phrase) {
  if (phrase.empty() || phrase.size() > words.size()) return -1;
  for (size_t at = 0; at + phrase.size() <= words.size(); ++at) {
    if (StartsWithWords(words, phrase, at)) return int(at);
  }
  return -1;
}

const FurnitureCue* CleanLexicon::MatchCue(const std::vector<std::string_view>& line_words,
                                           std::string_view line_lower) const {
  if (line_words.empty()) return nullptr;
  // A section heading may follow a count: "12 Comments".
  const size_t section_at =
      std::all_of(line_words[0].begin(), line_words[0].end(), [](char c) { return c >= '0' && c <= '9'; })
          ? 1
          : 0;
  const FurnitureCue* best = nullptr;
  std::string key;
  for (size_t start = 0; start < line_words.size(); ++start) {
    key.assign(line_words[start]);
    auto found = cues_by_first_word.find(key);
    if (found == cues_by_first_word.end()) continue;
    for (const FurnitureCue* cue : found->second) {
      if (!StartsWithWords(line_words, cue->words, start)) continue;
      bool fits = false;
      switch (cue->match) {
        case CueMatch::kSection:
          // The phrase itself, perhaps followed by a few words ("More from Europe").
          fits = start == section_at && line_words.size() <= start + cue->words.size() + 3;
          break;
        case CueMatch::kLine:
          fits = line_words.size() <= std::max<size_t>(9, cue->words.size() * 3);
          break;
        case CueMatch::kPrefix:
          fits = start == 0;
          if (fits && cue->ends_with_colon) {
            // The words must be followed by the colon: "Read more: ..." but not "Read more of".
            size_t colon = line_lower.find(':');
            fits = colon != std::string_view::npos &&
                   SplitWords(line_lower.substr(0, colon)).size() == cue->words.size();
          }
          break;
        case CueMatch::kTail:  // never indexed by first word
          break;
      }
      // A section heading outranks a cue inside a line; a longer phrase outranks a shorter one.
      if (fits && (!best || (cue->match == CueMatch::kSection && best->match != CueMatch::kSection) ||
                   (cue->match == best->match && cue->words.size() > best->words.size()))) {
        best = cue;
      }
    }
  }
  return best;
}

const FurnitureCue* CleanLexicon::MatchTailCue(std::string_view text) const {
  if (tail_cues.empty()) return nullptr;
  std::string lower = LowerText(text);
  std::vector<std::string_view> words = SplitWords(lower);
  for (size_t i = 0; i < words.size(); ++i) {
    // A sentence starts at the text's start or after . ! ? (brackets and quotes between).
    size_t at = size_t(words[i].data() - lower.data());
    while (at > 0 && std::string_view(" \t([\"'").find(lower[at - 1]) != std::string_view::npos) --at;
    if (at > 0 && std::string_view(".!?").find(lower[at - 1]) == std::string_view::npos) continue;
    for (const FurnitureCue* cue : tail_cues) {
      if (StartsWithWords(words, cue->words, i)) return cue;
    }
  }
  return nullptr;
}

Result<std::unique_ptr<CleanLexicon>> CleanLexicon::Load(const Options& options) {
  auto lex = std::make_unique<CleanLexicon>();
  Status s = ReadTsvFiles(options, "boilerplate/cues.tsv", true, [&](const TsvLine& line) {
    CROSSCHECK_RETURN_IF_ERROR(RequireFields(line, 4));
    FurnitureCue cue;
    std::string_view match = line.fields[1];
    if (match == "section") {
      cue.match = CueMatch::kSection;
    } else if (match == "line") {
      cue.match = CueMatch::kLine;
    } else if (match == "prefix") {
      cue.match = CueMatch::kPrefix;
    } else if (match == "tail") {
      cue.match = CueMatch::kTail;
    } else {
      return line.Error("match must be section, line, prefix or tail");
    }
    cue.reason = std::string(line.fields[2]);
    cue.words = LowerWords(line.fields[3]);
    cue.ends_with_colon = line.fields[3].find(':') != std::string_view::npos;
    if (cue.words.empty()) return line.Error("empty phrase");
    lex->cues.push_back(std::move(cue));
    return Status::Ok();
  });
  CROSSCHECK_RETURN_IF_ERROR(s);
  for (const FurnitureCue& cue : lex->cues) {
    if (cue.match == CueMatch::kTail) {
      lex->tail_cues.push_back(&cue);
    } else {
      lex->cues_by_first_word[cue.words[0]].push_back(&cue);
    }
  }
  s = ReadTsvFiles(options, "boilerplate/credits.tsv", true, [&](const TsvLine& line) {
    CROSSCHECK_RETURN_IF_ERROR(RequireFields(line, 3));
    std::vector<std::string> words = LowerWords(line.fields[2]);
    if (words.empty()) return line.Error("empty phrase");
    FurnitureCue cue;
    cue.words = words;
    cue.ends_with_colon = line.fields[2].find(':') != std::string_view::npos;
    if (line.fields[1] == "source") {
      lex->source_cues.push_back(std::move(cue));
    } else if (line.fields[1] == "byline") {
      lex->byline_cues.push_back(std::move(cue));
    } else if (line.fields[1] == "agencies") {
      lex->agency_words.push_back(std::move(words));
    } else {
      return line.Error("kind must be source, byline or agencies");
    }
    return Status::Ok();
  });
  CROSSCHECK_RETURN_IF_ERROR(s);
  s = ReadTsvFiles(options, "boilerplate/time_ago.tsv", true, [&](const TsvLine& line) {
    CROSSCHECK_RETURN_IF_ERROR(RequireFields(line, 3));
    std::vector<std::string> words = LowerWords(line.fields[2]);
    if (words.empty()) return line.Error("empty word");
    if (line.fields[1] == "ago") {
      if (words.size() == 1) {
        lex->ago_words_single.insert(words[0]);
      } else {
        lex->ago_phrases.push_back(std::move(words));
      }
    } else if (line.fields[1] == "unit") {
      lex->time_units.insert(words[0]);
    } else if (line.fields[1] == "one") {
      lex->one_words.insert(words[0]);
    } else {
      return line.Error("kind must be ago, unit or one");
    }
    return Status::Ok();
  });
  CROSSCHECK_RETURN_IF_ERROR(s);
  s = ReadTsvFiles(options, "boilerplate/html_names.tsv", true, [&](const TsvLine& line) {
    CROSSCHECK_RETURN_IF_ERROR(RequireFields(line, 2));
    lex->html_names[LowerText(line.fields[0])] = std::string(line.fields[1]);
    return Status::Ok();
  });
  CROSSCHECK_RETURN_IF_ERROR(s);
  s = ReadTsvFiles(options, "dates/months.tsv", true, [&](const TsvLine& line) {
    CROSSCHECK_RETURN_IF_ERROR(RequireFields(line, 3));
    int month = std::atoi(std::string(line.fields[1]).c_str());
    if (month < 0 || month > 12) return line.Error("month must be 0..12");
    std::vector<std::string> words = LowerWords(line.fields[2]);
    if (words.empty()) return line.Error("empty month name");
    if (month == 0) {
      lex->date_connectors.insert(words[0]);
      return Status::Ok();
    }
    std::string key;
    for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
    lex->months[key] = month;
    lex->longest_month_words = std::max(lex->longest_month_words, words.size());
    return Status::Ok();
  });
  CROSSCHECK_RETURN_IF_ERROR(s);
  s = ReadTsvFiles(options, "dates/weekdays.tsv", true, [&](const TsvLine& line) {
    CROSSCHECK_RETURN_IF_ERROR(RequireFields(line, 3));
    int day = std::atoi(std::string(line.fields[1]).c_str());
    if (day < 1 || day > 7) return line.Error("weekday must be 1..7");
    std::vector<std::string> words = LowerWords(line.fields[2]);
    if (words.empty()) return line.Error("empty weekday name");
    std::string key;
    for (const std::string& w : words) key += (key.empty() ? "" : " ") + w;
    lex->weekdays[key] = day;
    lex->longest_weekday_words = std::max(lex->longest_weekday_words, words.size());
    return Status::Ok();
  });
  CROSSCHECK_RETURN_IF_ERROR(s);
  s = ReadTsvFiles(options, "boilerplate/stopwords.tsv", true, [&](const TsvLine& line) {
    CROSSCHECK_RETURN_IF_ERROR(RequireFields(line, 2));
    for (const std::string& w : LowerWords(line.fields[1])) lex->stopwords.insert(w);
    return Status::Ok();
  });
  CROSSCHECK_RETURN_IF_ERROR(s);
  s = ReadTsvFiles(options, "dates/dateline_cues.tsv", true, [&](const TsvLine& line) {
    CROSSCHECK_RETURN_IF_ERROR(RequireFields(line, 3));
    DatelineCue cue;
    cue.words = LowerWords(line.fields[2]);
    if (cue.words.empty()) return line.Error("empty phrase");
    if (line.fields[1] == "modified") {
      cue.modified = true;
    } else if (line.fields[1] != "published") {
      return line.Error("kind must be published or modified");
    }
    lex->dateline_cues.push_back(std::move(cue));
    return Status::Ok();
  });
  CROSSCHECK_RETURN_IF_ERROR(s);
  return lex;
}

}  // namespace crosscheck
