#include "extract/phrase_matcher.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

std::vector<std::string> Words(std::string_view text) {
  std::vector<std::string> out;
  for (Span s : WordSpans(text, 0, uint32_t(text.size()))) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

TEST(WordSpansTest, KeepsApostrophesAndHyphensInsideWords) {
  EXPECT_EQ(Words("Kyiv’s twelve-year-old “witness” said: ok"),
            (std::vector<std::string>{"Kyiv’s", "twelve-year-old", "witness", "said", "ok"}));
  EXPECT_EQ(Words("a — b 'c'"), (std::vector<std::string>{"a", "b", "c"}));
}

TEST(PhraseMatcherTest, FindsLongestPhrasesCaseInsensitively) {
  PhraseMatcher m;
  m.Add("killed", 1);
  m.Add("killed or injured", 2);
  m.Add("death toll", 3);
  std::string text = "Dozens were Killed or injured; the DEATH TOLL rose. Killed.";
  auto words = WordSpans(text, 0, uint32_t(text.size()));
  auto found = m.Find(text, words);
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(text.substr(found[0].span.begin, found[0].span.size()), "Killed or injured");
  EXPECT_EQ(found[0].value, 2);
  EXPECT_EQ(found[1].value, 3);
  EXPECT_EQ(found[2].value, 1);
}

TEST(PhraseMatcherTest, MatchesTheLastPartOfACompound) {
  PhraseMatcher m;
  m.Add("planted mine", 1);
  m.Add("held", 2);
  std::string text = "a rebel-planted mine in a government-held town";
  auto found = m.Find(text, WordSpans(text, 0, uint32_t(text.size())));
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(text.substr(found[0].span.begin, found[0].span.size()), "planted mine");
  EXPECT_EQ(text.substr(found[1].span.begin, found[1].span.size()), "held");
}

TEST(PhraseMatcherTest, MatchesTheTailsOfSeveralCompoundsInASentence) {
  PhraseMatcher m;
  m.Add("held", 1);
  m.Add("pro-government", 2);  // a compound that starts a phrase itself
  m.Add("planted", 3);
  std::string text = "Pro-government fighters took the rebel-held, well-known town of X-held after a Taliban-Planted";
  std::vector<std::string> found;
  for (const auto& match : m.Find(text, WordSpans(text, 0, uint32_t(text.size())))) {
    found.push_back(text.substr(match.span.begin, match.span.size()) + "=" + std::to_string(match.value));
  }
  EXPECT_EQ(found, (std::vector<std::string>{"Pro-government=2", "held=1", "held=1", "Planted=3"}));
}

TEST(WordSpansTest, IntoAVectorReplacesWhatItHeld) {
  std::vector<Span> words = {Span{7, 9}};
  WordSpans("two words", 0, 9, &words);
  EXPECT_EQ(words, (std::vector<Span>{Span{0, 3}, Span{4, 9}}));
}

TEST(PhraseMatcherTest, MatchesWholeWordsOnly) {
  PhraseMatcher m;
  m.Add("die", 1);
  std::string text = "Diesel prices";
  EXPECT_TRUE(m.Find(text, WordSpans(text, 0, uint32_t(text.size()))).empty());
}

}  // namespace
}  // namespace crosscheck
