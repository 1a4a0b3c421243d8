// LexiconMatcher: every occurrence of many literal phrases in a text, in one pass. Internal.
//
// Built once from a list of phrases (place names, actor names) with Hyperscan in literal mode
// (hs_compile_lit_multi), caseless for ASCII letters. FindAll reports only matches that start and
// end on word boundaries, and only where every upper-case letter of the phrase is upper case in the
// text too: "UN" matches "UN" but not "un", "Homs" matches "Homs" and "HOMS" but not "homs", while
// a lower-case phrase ("state media") matches any case.
//
// Thread-safety: immutable after Create; FindAll may run on many threads at once (each call
// borrows a Hyperscan scratch from a small pool).
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

  // REQUIRES: no phrase is empty. Duplicate phrases are allowed (each keeps its index).
  // `cache_path`, when not empty, names a file where the compiled database is kept between runs:
  // it is read when it was compiled from the same phrases, and (re)written otherwise if possible.
  static Result<std::unique_ptr<LexiconMatcher>> Create(const std::vector<std::string>& phrases,
                                                        const std::string& cache_path = "");
  ~LexiconMatcher();

  // Matches sorted by begin, longer first at the same begin. Overlapping matches are all kept.
  std::vector<Match> FindAll(std::string_view text) const;

  size_t size() const { return phrases_.size(); }

 private:
  struct Database;
  LexiconMatcher() = default;
  std::vector<std::string> phrases_;
  std::unique_ptr<Database> db_;
};

// True when byte `offset` of `text` is a word boundary on its `side` (the character before it for
// a start, the character at it for an end is not a letter or digit). Non-ASCII letters count as
// letters; typographic quotes, dashes and spaces do not.
bool IsWordStart(std::string_view text, size_t offset);
bool IsWordEnd(std::string_view text, size_t offset);

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_LEXICON_MATCHER_H_
