// LexiconMatcher: every occurrence of many literal phrases in a text, in one pass. Internal.
//
// Built once from a list of phrases (place names, actor names) into a marisa-trie of their
// ASCII-lower-cased forms. FindAll walks the text once: at each word start that some phrase can
// begin with, one common-prefix search of the trie yields every phrase starting there. It reports
// only matches that end on a word boundary, and only where every upper-case letter of the phrase
// is upper case in the text too: "UN" matches "UN" but not "un", "Homs" matches "Homs" and "HOMS"
// but not "homs", while a lower-case phrase ("state media") matches any case.
//
// (Hyperscan's literal mode was tried first: with the 145,000 names of the gazetteer it scanned
// at 3-15 MB/s here, where a trie probed only at word starts is several times faster.)
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
  struct Trie;
  LexiconMatcher() = default;
  std::vector<std::string> phrases_;
  std::unique_ptr<Trie> trie_;
  // Trie key id -> the phrases with that lower-cased form.
  std::vector<std::vector<uint32_t>> key_phrases_;
  size_t longest_ = 0;
  // Which first two bytes (lower-cased) of a word can start a match: those of any phrase for a
  // word that starts in upper case, those of phrases starting in lower case for one that does
  // not. Most words fail this test and cost no trie search.
  std::vector<bool> starts_upper_ = std::vector<bool>(1 << 16);
  std::vector<bool> starts_lower_ = std::vector<bool>(1 << 16);
};

// True when byte `offset` of `text` is a word boundary on its `side` (the character before it for
// a start, the character at it for an end is not a letter or digit). Non-ASCII letters count as
// letters; typographic quotes, dashes and spaces do not.
bool IsWordStart(std::string_view text, size_t offset);
bool IsWordEnd(std::string_view text, size_t offset);

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_LEXICON_MATCHER_H_
