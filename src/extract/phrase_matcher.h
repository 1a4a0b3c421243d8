// PhraseMatcher: finds lexicon phrases (sequences of words) in text, case-insensitively, on word
// boundaries, longest match first. Internal to the extract stage, whose lexicons are small
// (hundreds of phrases); the analyse stage's large gazetteer uses Hyperscan instead.
//
// Lookup is a hash of each phrase's first word, so scanning costs one probe per word of text.
#ifndef CROSSCHECK_EXTRACT_PHRASE_MATCHER_H_
#define CROSSCHECK_EXTRACT_PHRASE_MATCHER_H_

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "crosscheck/document.h"

namespace crosscheck {

// Word spans of text[begin, end): letters, digits, and apostrophes or hyphens inside a word.
// Typographic quotes and dashes (U+2018..U+201D, U+2013, U+2014) are not word characters.
std::vector<Span> WordSpans(std::string_view text, uint32_t begin, uint32_t end);

class PhraseMatcher {
 public:
  struct Match {
    Span span;
    int value;  // what Add was given
  };

  // `phrase`: words separated by spaces; matched whatever the case of the text. Phrases of
  // several lexicons share one matcher, each in its own `channel` (0, 1, ...), so a text is
  // scanned once for all of them.
  void Add(std::string_view phrase, int value, int channel = 0);
  bool empty() const { return by_first_word_.empty(); }
  int channels() const { return channels_; }

  // Per channel, the non-overlapping matches in `words` (spans into `text`), left to right,
  // longest first. (*out) gets channels() vectors.
  void FindAll(std::string_view text, const std::vector<Span>& words,
               std::vector<std::vector<Match>>* out) const;

  // The matches of channel 0.
  std::vector<Match> Find(std::string_view text, const std::vector<Span>& words) const;

 private:
  struct Entry {
    std::vector<std::string> words;  // lower case
    int value;
    int channel;
  };
  int channels_ = 1;
  // Looked up by string_view, so a scan hashes each word without copying it.
  struct WordHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  std::unordered_map<std::string, std::vector<Entry>, WordHash, std::equal_to<>> by_first_word_;
  // Bit min(length, 31) of entry c: some phrase starts with a word of that length and first byte
  // c. Most words of a text start no phrase, and this tells so without hashing them.
  std::array<uint32_t, 256> first_words_ = {};
  bool MayStartPhrase(std::string_view word) const {
    return !word.empty() &&
           (first_words_[static_cast<unsigned char>(word[0])] >> std::min<size_t>(word.size(), 31) & 1u);
  }
};

}  // namespace crosscheck

#endif  // CROSSCHECK_EXTRACT_PHRASE_MATCHER_H_
