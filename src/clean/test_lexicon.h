// Test helper: the clean stage's lexicon from the source tree's data/ folder, loaded once.
#ifndef CROSSCHECK_CLEAN_TEST_LEXICON_H_
#define CROSSCHECK_CLEAN_TEST_LEXICON_H_

#include <gtest/gtest.h>

#include "clean/lexicon.h"
#include "util/test_options.h"

namespace crosscheck {

inline const CleanLexicon& TestLexicon() {
  static const CleanLexicon* lexicon = [] {
    auto loaded = CleanLexicon::Load(TestOptions());
    EXPECT_TRUE(loaded.ok()) << loaded.status().ToString();
    return loaded.ok() ? std::move(loaded.value()).release() : new CleanLexicon();
  }();
  return *lexicon;
}

}  // namespace crosscheck

#endif  // CROSSCHECK_CLEAN_TEST_LEXICON_H_
