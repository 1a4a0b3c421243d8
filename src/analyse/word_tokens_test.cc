// Tests of TokenizeSimpleText, checked against ICU's word breaks.
#include "analyse/word_tokens.h"

#include "analyse/token_stream.h"

#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

namespace crosscheck {
namespace {

// The reference: ICU's word breaks, words and numbers only.
std::vector<Span> IcuTokens(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(ut, status);
  std::vector<Span> out;
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) {
      out.push_back(Span{static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    }
  }
  utext_close(ut);
  return out;
}

std::vector<std::string> Texts(const std::string& text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (Span s : spans) out.push_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(WordTokensTest, JoinsLikeTheUnicodeRules) {
  std::string text = "The U.S. sent 6,000 troops; they’re in 3.5km zones: don't ‘go’ 8:30pm.";
  std::vector<Span> tokens;
  ASSERT_EQ(TokenizeSimpleText(text, 0, &tokens), text.size());
  EXPECT_EQ(Texts(text, tokens),
            (std::vector<std::string>{"The", "U.S", "sent", "6,000", "troops", "they’re", "in",
                                      "3.5km", "zones", "don't", "go", "8", "30pm"}));
}

TEST(LowerSameLengthTest, LowersEveryLetterAndKeepsByteOffsets) {
  // Long enough for the eight-bytes-at-a-time path, with the edges of 'A'..'Z' around it.
  EXPECT_EQ(LowerSameLength("@AZ[`az{ KILLED Near ÉCOLE and ΔΕΛΤΑ, İ stays"),
            "@az[`az{ killed near école and δελτα, İ stays");
  EXPECT_EQ(LowerSameLength(""), "");
}

TEST(WordTokensTest, StopsAtTheChunkOfAnotherScript) {
  std::vector<Span> tokens = {Span{0, 1}};
  EXPECT_EQ(TokenizeSimpleText("café au lait", 10, &tokens), 0u);
  EXPECT_EQ(tokens.size(), 1u);
  EXPECT_EQ(TokenizeSimpleText("a big snake_case x", 10, &tokens), 6u);
  ASSERT_EQ(tokens.size(), 3u);
  EXPECT_EQ(tokens[2], (Span{12, 15}));  // "big", shifted by the offset
}

TEST(WordTokensTest, AgreesWithIcuOnRandomText) {
  static const char* const kPieces[] = {
      "a",      "Z",      "q",      "5",      "0",      ".",  ",", ";", "'", " ",      ":", "-",
      "\u2019", "\u2018", "\u201c", "\u201d", "\u2014", "\n", "%", "$", "(", "\u00a0", "!", "/"};
  std::mt19937 rng(42);
  std::uniform_int_distribution<int> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(0, 30);
  for (int round = 0; round < 5000; ++round) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += kPieces[piece(rng)];
    std::vector<Span> fast;
    ASSERT_EQ(TokenizeSimpleText(text, 0, &fast), text.size()) << text;
    ASSERT_EQ(Texts(text, fast), Texts(text, IcuTokens(text))) << "text: [" << text << "]";
  }
}

}  // namespace
}  // namespace crosscheck
