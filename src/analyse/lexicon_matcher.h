// LexiconMatcher: every occurrence of many literal phrases in a text, in one pass. Internal.
//
// Built once from a list of phrases (place names, actor names) into a marisa-trie of their
// ASCII-lower-cased forms (the trie's key id leads to the phrases of that form). FindAll walks
// the text once: at each word start that some phrase can begin with, one common-prefix search of
// the trie yields every phrase starting there, multi-word names included ("Deir ez Zor",
// "Free Syrian Army"). It reports only matches that end on a word boundary, and only where every
// upper-case letter of the phrase is upper case in the text too: "UN" matches "UN" but not "un",
// "Homs" matches "Homs" and "HOMS" but not "homs", while a lower-case phrase ("state media")
// matches any case. Non-ASCII letters must agree exactly: the callers list folded spellings
// ("Qamishli" beside "Qāmishlī") as phrases of their own.
//
// Most words begin no phrase, and a trie search costs more than the tests that tell so: the
// first two bytes of the word, then a Bloom filter of the phrases' prefixes that end on a word
// boundary ("al", "al bab"), hashed as the scan goes. The trie is searched only where some
// boundary prefix may be a whole phrase, and only as far as the last boundary the filter passes.
//
// (Hyperscan's literal mode was tried first: with the 145,000 names of the gazetteer it scanned
// at 3-15 MB/s here, and its compile took seconds.)
//
// Thread-safety: immutable after Create; FindAll may run on many threads at once.
#ifndef CROSSCHECK_ANALYSE_LEXICON_MATCHER_H_
#define CROSSCHECK_ANALYSE_LEXICON_MATCHER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "crosscheck/status.h"

namespace crosscheck {

class LexiconMatcher {
 public:
  struct Match {
    uint32_t phrase;  // index into the phrases given to Create
    uint32_t begin;   // byte offsets into the scanned text
    uint32_t end;
  };

  // Empty phrases are an error. Duplicate phrases are allowed (each keeps its index).
  static Result<std::unique_ptr<LexiconMatcher>> Create(const std::vector<std::string>& phrases);
  ~LexiconMatcher();

  // Matches sorted by begin, longer first at the same begin. Overlapping matches are all kept.
  std::vector<Match> FindAll(std::string_view text) const { return FindAll(text, WordStarts(text)); }
  // The same, given WordStarts(text): the analyser's place and actor matchers scan one text, and
  // finding its words is a third of a scan's work.
  std::vector<Match> FindAll(std::string_view text, std::span<const uint32_t> word_starts) const;

  // The byte offsets where a match may begin, in order: each word start (see IsWordStart) at an
  // ASCII letter or digit or at a non-ASCII character. Empty for a text of 4 GB or more.
  static std::vector<uint32_t> WordStarts(std::string_view text);

  size_t size() const { return size_; }

 private:
  struct Trie;  // the marisa-trie, kept out of this header
  LexiconMatcher();

  // One blocked Bloom filter over hashes of lower-cased key prefixes that end on a word boundary
  // ("al", "al bab"; whole keys too): a probe reads one 64-bit word, three bits for "some key
  // starts so", two more for "a key is exactly so", two more for "... and a word starting in
  // lower case can match it".
  bool MayBePrefix(uint64_t mixed) const;
  bool MayBeKey(uint64_t mixed, bool lower) const;
  void InsertPrefix(uint64_t mixed);
  void InsertKey(uint64_t mixed, bool lower);

  size_t size_ = 0;
  std::unique_ptr<Trie> trie_;  // the keys and, by key id, the phrases of each
  size_t longest_ = 0;          // bytes of the longest key
  // Which first two bytes (lower-cased) of a word can start a match: those of any phrase for a
  // word that starts in upper case, those of phrases starting in lower case for one that does
  // not. Most words fail this test and cost no hashing at all.
  std::vector<bool> starts_upper_ = std::vector<bool>(1 << 16);
  std::vector<bool> starts_lower_ = std::vector<bool>(1 << 16);
  // Two words for every three phrases: with the gazetteer's ~250,000 prefixes in 2^17 words,
  // about 1 in 1,000 absent prefixes passes.
  std::vector<uint64_t> filter_;
  uint64_t filter_mask_ = 0;
};

// True when byte `offset` of `text` is a word boundary on its `side` (the character before it for
// a start, the character at it for an end is not a letter or digit). Non-ASCII letters count as
// letters; typographic quotes, dashes and spaces do not.
bool IsWordStart(std::string_view text, size_t offset);
bool IsWordEnd(std::string_view text, size_t offset);

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_LEXICON_MATCHER_H_
