// Tests of SimpleSentenceBreaks: wherever it decides, it breaks where ICU's filtered sentence
// iterator ("en@ss=standard") does.
#include "analyse/sentence_breaks.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <random>
#include <string>
#include <vector>

namespace crosscheck {
namespace {

std::vector<uint32_t> IcuBreaks(std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  static std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  UText utext = UTEXT_INITIALIZER;
  utext_openUTF8(&utext, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(&utext, status);
  EXPECT_TRUE(U_SUCCESS(status));
  std::vector<uint32_t> breaks;
  it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; end = it->next()) {
    breaks.push_back(static_cast<uint32_t>(end));
  }
  utext_close(&utext);
  return breaks;
}

class SimpleSentenceBreaksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    breaks_ = SimpleSentenceBreaks::Create();
    ASSERT_NE(breaks_, nullptr);
  }
  // The breaks, or {} when the fast path refuses the text.
  std::vector<uint32_t> Find(std::string_view text) {
    std::vector<uint32_t> out;
    if (!breaks_->Find(text, &out)) return {};
    return out;
  }
  std::unique_ptr<SimpleSentenceBreaks> breaks_;
};

TEST_F(SimpleSentenceBreaksTest, AgreesWithIcuOnNewsText) {
  for (std::string_view text : {
           "Three people were killed. The army said on Tuesday it had retaken the town.",
           "\"We will not leave,\" he said. \"Never.\" The shelling went on (until dawn.) Then silence.",
           "Was anyone hurt? Nobody knows! Mr. Smith met Dr. Jones in the U.S. Army base at 9 a.m. on Monday.",
           "The death toll rose to 3.5 percent. 3 fatalities. were executed. 3 fatalities.",
           "He arrived at 5 p.m. and left. The U.N. said so, etc., and more... Really?! Yes.",
           "See pp. 4-5 and Gen. Ali vs. the rest; the apps. Then exec. Smith left. Ph.D. Students came.",
       }) {
    std::vector<uint32_t> fast;
    if (breaks_->Find(text, &fast)) EXPECT_EQ(fast, IcuBreaks(text)) << text;
  }
  // Plain prose with names after a full stop is decided without ICU.
  EXPECT_EQ(Find("Three people were killed. The army said so."), (std::vector<uint32_t>{26, 43}));
  EXPECT_EQ(Find("She met Mr. Smith. He left."), (std::vector<uint32_t>{19, 27}));
}

TEST_F(SimpleSentenceBreaksTest, RefusesWhatItCannotDecide) {
  EXPECT_TRUE(Find("Line one.\nLine two.").empty());            // a line end
  EXPECT_TRUE(Find("Caf\xc3\xa9 opened. It closed.").empty());  // not ASCII
  EXPECT_TRUE(Find("Troops of the U. S. Army came.").empty());  // "U." needs the text after it
}

// Random text over the characters and abbreviations that matter to the rules: wherever the fast
// path decides, ICU agrees.
TEST_F(SimpleSentenceBreaksTest, AgreesWithIcuOnRandomText) {
  const std::vector<std::string> pieces = {
      "a", "b", "the", "A", "B", "The", "1", "42", " ", " ", " ", "  ", "\t", ".", ".", "!", "?", "\"",
      "'", "(", ")", "[", "]", ",", "-", ":", ";", "/", "&", "Mr", "Dr", "U.S", "vs", "pp", "exec",
      "a.m", "p.m", "Ph.D", "S.p.A", "Gen", "Sen", "No", "U", "e.g", "etc", "Mrs", "Jan", "apps"};
  std::mt19937 rng(5);
  std::uniform_int_distribution<size_t> pick(0, pieces.size() - 1), count(1, 30);
  int decided = 0;
  for (int round = 0; round < 100000; ++round) {
    std::string text;
    for (size_t k = count(rng); k > 0; --k) text += pieces[pick(rng)];
    std::vector<uint32_t> fast;
    if (!breaks_->Find(text, &fast)) continue;
    ++decided;
    ASSERT_EQ(fast, IcuBreaks(text)) << "[" << text << "]";
  }
  EXPECT_GT(decided, 50000);  // most of such text needs no ICU
}

}  // namespace
}  // namespace crosscheck
