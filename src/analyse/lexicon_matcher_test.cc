#include "analyse/lexicon_matcher.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

struct Found {
  std::string phrase;
  std::string text;
  bool operator==(const Found&) const = default;
};

std::vector<Found> MatchAll(const std::vector<std::string>& phrases, std::string_view text) {
  auto matcher = LexiconMatcher::Create(phrases);
  EXPECT_TRUE(matcher.ok());
  std::vector<Found> out;
  if (!matcher.ok()) return out;
  for (const LexiconMatcher::Match& m : (*matcher)->FindAll(text)) {
    out.push_back({phrases[m.phrase], std::string(text.substr(m.begin, m.end - m.begin))});
  }
  return out;
}

TEST(LexiconMatcherTest, WholeWordsLongestFirstAndOverlapsKept) {
  std::vector<Found> found = MatchAll({"Port", "Port Vella", "Vella Bay", "Oskar"},
                                 "Boats left Port Vella Bay for Portland and Oskarsberg.");
  std::vector<Found> want = {{"Port Vella", "Port Vella"}, {"Port", "Port"}, {"Vella Bay", "Vella Bay"}};
  EXPECT_EQ(found, want);
}

TEST(LexiconMatcherTest, CapitalsOfThePhraseMustBeCapitalsInTheText) {
  EXPECT_EQ(MatchAll({"WFP"}, "the wfp and the WFP").size(), 1u);
  EXPECT_EQ(MatchAll({"Brindle"}, "brindle cats near BRINDLE").size(), 1u);
  std::vector<Found> found = MatchAll({"rescue crews"}, "Rescue Crews and rescue crews");
  EXPECT_EQ(found.size(), 2u);
}

TEST(LexiconMatcherTest, PunctuationInsidePhrasesAndUnicodeBoundaries) {
  std::vector<Found> found = MatchAll({"el-Qurna", "N.Z.", "Q\u0101rat"},
                                 "From el-Qurna to N.Z. via Q\u0101rat\u00a0today, not Q\u0101rata.");
  std::vector<Found> want = {{"el-Qurna", "el-Qurna"}, {"N.Z.", "N.Z."}, {"Q\u0101rat", "Q\u0101rat"}};
  EXPECT_EQ(found, want);
  // A phrase is not found inside a word that runs on in a non-ASCII letter.
  EXPECT_TRUE(MatchAll({"Zell"}, "Zell\u00e9 fell").empty());
}

TEST(LexiconMatcherTest, DuplicatePhrasesEachKeepTheirIndex) {
  auto matcher = LexiconMatcher::Create({"Marlow", "marlow", "Marlow"});
  ASSERT_TRUE(matcher.ok());
  std::vector<LexiconMatcher::Match> found = (*matcher)->FindAll("to Marlow");
  ASSERT_EQ(found.size(), 3u);
  EXPECT_EQ(found[0].phrase, 0u);
  EXPECT_EQ(found[2].phrase, 2u);
  EXPECT_FALSE(LexiconMatcher::Create({"ok", ""}).ok());
}

}  // namespace
}  // namespace crosscheck
