// Lexicon of the clean stage: cue words of page furniture, credit lines, time-ago words, month
// names and dateline cues, read from data/boilerplate/*.tsv and data/dates/*.tsv. Internal.
//
// Also the small text helpers every part of the stage shares: lower-casing, word splitting and
// phrase matching on whole words. Immutable after Load; safe to share between threads.
#ifndef CROSSCHECK_CLEAN_LEXICON_H_
#define CROSSCHECK_CLEAN_LEXICON_H_

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "crosscheck/options.h"
#include "crosscheck/status.h"

namespace crosscheck {

// Lower case of UTF-8 text, code point by code point (ICU's simple case mapping); typographic
// apostrophes become "'".
std::string LowerText(std::string_view s);

// The words of `s`: maximal runs of letters, digits, apostrophes inside a word, and combining
// marks. Views into `s`.
std::vector<std::string_view> SplitWords(std::string_view s);

// `s` with runs of white space (including no-break spaces) made one space, trimmed.
std::string CollapseSpace(std::string_view s);

// kTail: a sentence opening with the phrase makes a short block at the end of the body a
// promotion or a credit ("Sign up for our newsletter.", "Follow us on ...").
enum class CueMatch { kSection, kLine, kPrefix, kTail };

struct FurnitureCue {
  std::vector<std::string> words;  // the phrase, lower-cased and split into words
  bool ends_with_colon = false;    // a prefix cue written with ':' needs the colon
  CueMatch match = CueMatch::kLine;
  std::string reason;
};

struct CleanLexicon {
  std::vector<FurnitureCue> cues;
  // Credit phrases: "Source:" (with its colon), "By", and the agency words after an outlet.
  std::vector<FurnitureCue> source_cues, byline_cues;
  std::vector<std::vector<std::string>> agency_words;
  std::unordered_set<std::string> ago_words_single;            // "ago", "vor", "hace"
  std::vector<std::vector<std::string>> ago_phrases;           // "il y a"
  std::unordered_set<std::string> time_units, one_words;
  // class/id word -> reason ("body" for the article body).
  std::unordered_map<std::string, std::string> html_names;
  // month name (lower case, may hold a space) -> 1..12
  std::unordered_map<std::string, int> months;
  size_t longest_month_words = 1;
  // weekday name (lower case, may hold a space: "segunda feira") -> 1..7
  std::unordered_map<std::string, int> weekdays;
  size_t longest_weekday_words = 1;
  std::unordered_set<std::string> date_connectors;  // "de" in "8 de mayo de 2019"
  std::unordered_set<std::string> stopwords;       // function words, not evidence of a topic
  struct DatelineCue {
    std::vector<std::string> words;
    bool modified = false;
  };
  std::vector<DatelineCue> dateline_cues;

  static Result<std::unique_ptr<CleanLexicon>> Load(const Options& options);

  // Cues by their first word, so a line is matched against the few cues that can fit it.
  std::unordered_map<std::string, std::vector<const FurnitureCue*>> cues_by_first_word;
  std::vector<const FurnitureCue*> tail_cues;  // kTail cues, which MatchCue leaves out

  // The tail cue that opens one of the sentences of `text`, or nullptr.
  const FurnitureCue* MatchTailCue(std::string_view text) const;

  // The furniture cue that `line_words` (lower-cased words of one line) match, or nullptr.
  // `line_lower` is the whole lower-cased line, for the colon of prefix cues.
  const FurnitureCue* MatchCue(const std::vector<std::string_view>& line_words,
                               std::string_view line_lower) const;
};

// True when `words` begins with `phrase` (word by word).
bool StartsWithWords(const std::vector<std::string_view>& words,
                     const std::vector<std::string>& phrase, size_t at = 0);
// The index where `phrase` occurs in `words`, or -1.
int FindWords(const std::vector<std::string_view>& words, const std::vector<std::string>& phrase);

}  // namespace crosscheck

#endif  // CROSSCHECK_CLEAN_LEXICON_H_
