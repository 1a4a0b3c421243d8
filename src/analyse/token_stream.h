// TokenStream: the word tokens of one Document as the number and time taggers read them. Internal.
//
// Taggers match lexicon phrases against lower-cased token text. Lower-casing the whole main_text
// once, keeping every byte offset (a character whose lower case has another UTF-8 length is left
// as is), lets a token's lower-cased text be a view at the same span: no per-token strings.
//
// Also here: WordsOf, which splits a lexicon phrase into words exactly as the sentence splitter
// tokenises text, and the digit helpers shared by numbers and times (ASCII and other Unicode
// decimal digits, e.g. Arabic-Indic).
#ifndef CROSSCHECK_ANALYSE_TOKEN_STREAM_H_
#define CROSSCHECK_ANALYSE_TOKEN_STREAM_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyse/string_hash.h"
#include "crosscheck/document.h"

namespace crosscheck {

// Lower case with the same byte length as `text`, so offsets carry over unchanged.
std::string LowerSameLength(std::string_view text);

// The word tokens of a lexicon phrase, lower-cased, as the ICU word breaker splits them:
// "a.m." -> {"a.m"}, "year-old" -> {"year", "old"}, "per cent" -> {"per", "cent"}.
std::vector<std::string> WordsOf(std::string_view phrase);

// A parsed run of digits: "6,000" -> 6000, "1.5" -> 1.5, "30km" -> 30 with suffix "km".
struct DigitRun {
  double value = 0;
  int digits = 0;  // decimal digits read
  bool has_group_separator = false;
  bool has_fraction = false;
  size_t length = 0;  // bytes of the numeric part; the rest of the token is the suffix
};
// Parses the digits at the start of `token`. `decimal_comma` swaps the roles of ',' and '.'
// (German, Spanish, French writing). Returns nullopt when the token does not start with a digit.
std::optional<DigitRun> ParseDigitRun(std::string_view token, bool decimal_comma);

class TokenStream {
 public:
  explicit TokenStream(const Document& doc);

  size_t size() const { return doc_.tokens.size(); }
  Span span(size_t i) const { return doc_.tokens[i]; }
  // The token as written and lower-cased.
  std::string_view Text(size_t i) const { return doc_.Text(doc_.tokens[i]); }
  std::string_view Lower(size_t i) const {
    Span s = doc_.tokens[i];
    return std::string_view(lowered_.data() + s.begin, s.size());  // tokens lie inside the text
  }
  // Lower(i) with its hash, for lexicon lookups: the taggers look a token up in several
  // lexicons, and each lookup would hash it again.
  HashedView LowerKey(size_t i) const { return HashedView(Lower(i), lower_hashes_[i]); }
  // The text between token i-1 and token i (empty for i == 0 or i == size()).
  std::string_view GapBefore(size_t i) const {
    if (i == 0 || i >= size()) return {};
    uint32_t from = doc_.tokens[i - 1].end;
    uint32_t to = doc_.tokens[i].begin;
    // Tokens lie inside main_text: no bounds check needed.
    return std::string_view(doc_.main_text.data() + from, to > from ? to - from : 0);
  }
  // True when the gap before token i may sit inside a phrase: blanks only, or one hyphen or dash
  // ("year-old", "twenty-five").
  bool JoinsPhrase(size_t i) const;
  // True when the token starts with an upper-case letter.
  bool Capitalized(size_t i) const;
  // Token ranges [first, last) of each sentence, in order.
  const std::vector<std::pair<size_t, size_t>>& sentence_tokens() const { return sentences_; }

  const Document& doc() const { return doc_; }

 private:
  const Document& doc_;
  std::string lowered_;
  std::vector<size_t> lower_hashes_;  // StringViewHash of Lower(i)
  std::vector<std::pair<size_t, size_t>> sentences_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_TOKEN_STREAM_H_
