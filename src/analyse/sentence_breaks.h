// SimpleSentenceBreaks: ICU's sentence breaks of plain ASCII text without ICU, for speed. Internal.
//
// SentenceSplitter asks ICU's sentence BreakIterator ("en@ss=standard") where each paragraph
// breaks; on English news that costs more than all the word tokens. On ASCII text without line
// ends the Unicode sentence rules (UAX #29 as ICU implements them) reduce to a few cases, all
// decided at a full stop, '!' or '?' and the few characters after it (SB6 to SB11), and the
// "ss=standard" filter reduces to a test of the letters before the break against ICU's own list
// of English abbreviations (read from ICU's data, so both agree). Find applies exactly those and
// refuses any paragraph it cannot decide (another character, or an abbreviation whose test needs
// the text after it, such as "U." of "U.S."); the caller then asks ICU. sentence_breaks_test.cc
// checks that both agree on random text.
//
// Thread-safety: immutable after Create; Find may be called from many threads at once.
#ifndef CROSSCHECK_ANALYSE_SENTENCE_BREAKS_H_
#define CROSSCHECK_ANALYSE_SENTENCE_BREAKS_H_

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analyse/phrase_lexicon.h"

namespace crosscheck {

class SimpleSentenceBreaks {
 public:
  // Reads ICU's sentence-break classes of the ASCII characters and its English abbreviations.
  // Returns null when ICU's data lacks them: then every paragraph goes to ICU.
  static std::unique_ptr<SimpleSentenceBreaks> Create();

  // Sets *breaks to the offsets where ICU's filtered sentence iterator breaks `paragraph`, in
  // order and ending with paragraph.size() (as BreakIterator::next() returns them), and returns
  // true; or returns false, with *breaks unspecified, when the paragraph needs ICU.
  bool Find(std::string_view paragraph, std::vector<uint32_t>* breaks) const;

 private:
  // The UAX #29 sentence-break classes that occur in the text Find accepts.
  enum class Class : uint8_t { kOther, kSp, kLower, kUpper, kNumeric, kATerm, kSTerm, kClose, kSContinue, kRefused };

  SimpleSentenceBreaks() = default;
  Class ClassOf(char c) const { return classes_[static_cast<unsigned char>(c)]; }
  // Whether ICU's abbreviation filter suppresses a break at `at`: 1 yes, 0 no, -1 cannot tell.
  int Suppressed(std::string_view text, size_t at) const;

  std::array<Class, 256> classes_{};
  // ICU's filter keeps the abbreviations reversed in a trie and takes the longest that ends the
  // text before a break: "match" ones ("Dr.", "vs.") suppress it; a "partial" one (the "U." of
  // "U.S.", "Ph." of "Ph.D.") needs the text after it, which Find leaves to ICU.
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> match_, partial_;
  size_t longest_ = 0;
  std::array<bool, 256> in_entries_{};  // the bytes some entry holds
};

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_SENTENCE_BREAKS_H_
