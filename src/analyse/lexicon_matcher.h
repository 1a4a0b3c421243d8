// LexiconMatcher: every occurrence of many literal phrases in a text, in one pass. Internal.
//
// Built once from a list of phrases (place names, actor names), keyed by their ASCII-lower-cased
// forms. FindAll walks the text once: at each word start that some phrase can begin with, it
// hashes the lower-cased text forward byte by byte and, at each word boundary on the way, looks
// the prefix up in a hash table of the phrases; it stops as soon as no phrase has that prefix. It
// reports only matches that end on a word boundary, and only where every upper-case letter of the
// phrase is upper case in the text too: "UN" matches "UN" but not "un", "Homs" matches "Homs" and
// "HOMS" but not "homs", while a lower-case phrase ("state media") matches any case.
//
// (Hyperscan's literal mode was tried first: with the 145,000 names of the gazetteer it scanned
// at 3-15 MB/s here. A marisa-trie probed at word starts came next; its rank/select walk was most
// of the scan, which hashing at word boundaries, with a filter of the phrases' prefixes, avoids.)
//
// Thread-safety: immutable after Create; FindAll may run on many threads at once.
#ifndef CROSSCHECK_ANALYSE_LEXICON_MATCHER_H_
#define CROSSCHECK_ANALYSE_LEXICON_MATCHER_H_

#include <cstdint>
#include <memory>
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
  std::vector<Match> FindAll(std::string_view text) const;

  size_t size() const { return phrases_.size(); }

 private:
  LexiconMatcher() = default;
  // The key whose lower-cased bytes hash to `hash` and equal `lowered`, or -1.
  int32_t FindKey(uint64_t hash, std::string_view lowered) const;
  bool MayBePrefix(uint64_t hash) const;

  std::vector<std::string> phrases_;
  std::vector<std::string> keys_;          // distinct lower-cased phrases
  std::vector<uint64_t> key_hashes_;
  std::vector<int32_t> slots_;             // open addressing: key index, -1 when empty
  // Key -> the phrases with that lower-cased form.
  std::vector<std::vector<uint32_t>> key_phrases_;
  size_t longest_ = 0;
  // Which first two bytes (lower-cased) of a word can start a match: those of any phrase for a
  // word that starts in upper case, those of phrases starting in lower case for one that does
  // not. Most words fail this test and cost no hashing at all.
  std::vector<bool> starts_upper_ = std::vector<bool>(1 << 16);
  std::vector<bool> starts_lower_ = std::vector<bool>(1 << 16);
  // A Bloom filter of every prefix of a key that ends on a word boundary ("al", "al bab"): the
  // scan from a word start stops at the first boundary whose prefix no key has. With the
  // gazetteer's ~200,000 such prefixes in 2^22 bits and two probes, about 1 in 400 absent
  // prefixes passes.
  static constexpr uint32_t kPrefixBits = 22;
  std::vector<uint64_t> prefixes_ = std::vector<uint64_t>((size_t{1} << kPrefixBits) / 64);
};

// True when byte `offset` of `text` is a word boundary on its `side` (the character before it for
// a start, the character at it for an end is not a letter or digit). Non-ASCII letters count as
// letters; typographic quotes, dashes and spaces do not.
bool IsWordStart(std::string_view text, size_t offset);
bool IsWordEnd(std::string_view text, size_t offset);

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_LEXICON_MATCHER_H_
