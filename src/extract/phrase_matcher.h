// PhraseMatcher: finds lexicon phrases (sequences of words) in text, case-insensitively, on word
// boundaries, longest match first. Internal to the extract stage, whose lexicons are small
// (hundreds of phrases); the analyse stage's large gazetteer uses marisa-trie instead.
//
// Lookup is a hash of each phrase's first word, so scanning costs at most one probe per word of
// text, and most words are turned away before it by their first byte and length, or by a Bloom
// filter of the first words.
#ifndef CROSSCHECK_EXTRACT_PHRASE_MATCHER_H_
#define CROSSCHECK_EXTRACT_PHRASE_MATCHER_H_

#include <algorithm>
#include <array>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyse/phrase_lexicon.h"
#include "analyse/string_hash.h"
#include "crosscheck/document.h"

namespace crosscheck {

// Word spans of text[begin, end): letters, digits, and apostrophes or hyphens inside a word.
// Typographic quotes and dashes (U+2018..U+201D, U+2013, U+2014) are not word characters.
std::vector<Span> WordSpans(std::string_view text, uint32_t begin, uint32_t end);
// The same into *words, replacing what it held: a caller that keeps the vector reuses its storage.
void WordSpans(std::string_view text, uint32_t begin, uint32_t end, std::vector<Span>* words);

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

  // Per channel, the non-overlapping matches in `words` (spans into `text`, in text order, as
  // WordSpans gives them), left to right, longest first. (*out) gets channels() vectors.
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
  // The phrases whose first word is `word` (lower case), longest first; null when none. The
  // tests before the table lookup are inline: they turn most words away.
  const std::vector<Entry>* StartingWith(std::string_view word) const {
    if (!MayStartPhrase(word)) return nullptr;
    HashedView key(word);
    return first_word_filter_.MayContain(key) ? Lookup(key) : nullptr;
  }
  const std::vector<Entry>* Lookup(const HashedView& word) const;

  int channels_ = 1;
  std::unordered_map<std::string, std::vector<Entry>, StringViewHash, std::equal_to<>> by_first_word_;
  WordFilter first_word_filter_;
  // Bit min(length, 31) of entry c: some phrase starts with a word of that length and first byte
  // c. It costs less than hashing, though most words of a text pass it.
  std::array<uint32_t, 256> first_words_ = {};
  bool MayStartPhrase(std::string_view word) const {
    return !word.empty() &&
           (first_words_[static_cast<unsigned char>(word[0])] >> std::min<size_t>(word.size(), 31) & 1u);
  }
};

}  // namespace crosscheck

#endif  // CROSSCHECK_EXTRACT_PHRASE_MATCHER_H_
