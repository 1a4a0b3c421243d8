// Word tokens of plain Latin-script text without ICU, for speed. Internal.
//
// ICU's word BreakIterator is the reference and handles every script, but it costs more than all
// the number and time tagging together. Most English news paragraphs use only ASCII plus a few
// typographic marks, and for those the Unicode word rules (UAX #29 as ICU implements them) reduce
// to a handful of cases: letters and digits join; '.', '\'', U+2018 and U+2019 join two letters or
// two digits; ',' and ';' join two digits. TokenizeSimpleText applies exactly those and refuses
// any other character, so the caller falls back to ICU for that stretch; word_tokens_test.cc
// checks that both agree on random text.
#ifndef CROSSCHECK_ANALYSE_WORD_TOKENS_H_
#define CROSSCHECK_ANALYSE_WORD_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "crosscheck/document.h"

namespace crosscheck {

// Appends to *tokens the spans (shifted by `offset`) of the words and numbers of `text`, and
// returns text.size(). At a character outside the simple set it stops instead and returns where
// the blank-delimited chunk holding it starts, with the tokens before that chunk appended: no word
// crosses an ASCII blank, so the caller can give the rest to ICU and resume after it.
size_t TokenizeSimpleText(std::string_view text, uint32_t offset, std::vector<Span>* tokens);

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_WORD_TOKENS_H_
