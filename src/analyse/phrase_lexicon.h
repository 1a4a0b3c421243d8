// PhraseLexicon: lexicon phrases of one or more words, matched against a TokenStream. Internal.
//
// Phrases are stored by their first word (lower case, as WordsOf splits them); a match needs
// every following word to be the next token with only blanks or one hyphen between them, so
// "scores of", "year-old" and "tens of thousands" all match. The longest phrase wins.
#ifndef CROSSCHECK_ANALYSE_PHRASE_LEXICON_H_
#define CROSSCHECK_ANALYSE_PHRASE_LEXICON_H_

#include <bitset>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyse/string_hash.h"
#include "analyse/token_stream.h"

namespace crosscheck {

// A Bloom filter of words: "no" is certain, "maybe" needs the real lookup. Most tokens of a text
// are in no lexicon, and two bit tests cost less than a hash table probe.
class WordFilter {
 public:
  void insert(std::string_view word) {
    uint64_t h = StringViewHash()(word);
    bits_[h & kMask] = true;
    bits_[(h >> 16) & kMask] = true;
  }
  bool MayContain(std::string_view word) const { return MayContain(HashedView(word)); }
  bool MayContain(const HashedView& word) const {
    uint64_t h = word.hash;
    return bits_[h & kMask] && bits_[(h >> 16) & kMask];
  }

 private:
  static constexpr uint64_t kMask = (1u << 14) - 1;
  std::bitset<kMask + 1> bits_;
};

template <typename V>
class PhraseLexicon {
 public:
  struct Match {
    const V* value = nullptr;  // null when nothing matched
    size_t end = 0;            // one past the last token of the phrase
  };

  // Returns false when the phrase has no words.
  bool Add(std::string_view phrase, V value) {
    std::vector<std::string> words = WordsOf(phrase);
    if (words.empty()) return false;
    std::string first = std::move(words.front());
    words.erase(words.begin());
    first_word_filter_.insert(first);
    auto& entries = by_first_word_[first];
    entries.push_back(Entry{std::move(words), std::move(value)});
    return true;
  }

  // The longest phrase that starts at token `first` and ends at or before token `limit`.
  // `first_word` overrides the lower-cased text of the first token (a possessive stripped).
  Match Longest(const TokenStream& tokens, size_t first, size_t limit,
                const HashedView& first_word) const {
    Match best;
    if (first >= limit || first >= tokens.size()) return best;
    if (!first_word_filter_.MayContain(first_word)) return best;
    auto found = by_first_word_.find(first_word);
    if (found == by_first_word_.end()) return best;
    for (const Entry& entry : found->second) {
      size_t end = first + 1 + entry.rest.size();
      if (end > limit || (best.value != nullptr && end <= best.end)) continue;
      bool same = true;
      for (size_t k = 0; k < entry.rest.size() && same; ++k) {
        size_t t = first + 1 + k;
        // The word first: it tells most entries apart, and costs less than the gap.
        same = tokens.Lower(t) == entry.rest[k] && tokens.JoinsPhrase(t);
      }
      if (same) best = Match{&entry.value, end};
    }
    return best;
  }
  Match Longest(const TokenStream& tokens, size_t first, size_t limit) const {
    if (first >= limit || first >= tokens.size()) return Match{};
    return Longest(tokens, first, limit, tokens.LowerKey(first));
  }

  // The value of the one-word phrase `word` (lower case), or null.
  const V* Single(std::string_view word) const { return Single(HashedView(word)); }
  const V* Single(const HashedView& word) const {
    if (!first_word_filter_.MayContain(word)) return nullptr;
    auto found = by_first_word_.find(word);
    if (found == by_first_word_.end()) return nullptr;
    for (const Entry& entry : found->second) {
      if (entry.rest.empty()) return &entry.value;
    }
    return nullptr;
  }

  bool empty() const { return by_first_word_.empty(); }

  // Adds the first word of every phrase to `out`: a tagger's cheap test of whether any of its
  // phrases can start at a token.
  template <typename Set>
  void CollectFirstWords(Set* out) const {
    for (const auto& [word, entries] : by_first_word_) out->insert(word);
  }

 private:
  struct Entry {
    std::vector<std::string> rest;  // the words after the first
    V value;
  };
  std::unordered_map<std::string, std::vector<Entry>, StringViewHash, std::equal_to<>>
      by_first_word_;
  WordFilter first_word_filter_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_PHRASE_LEXICON_H_
