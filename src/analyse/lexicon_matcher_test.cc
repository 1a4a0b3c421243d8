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

TEST(LexiconMatcherTest, WordStartsAreWhereMatchesMayBegin) {
  using Starts = std::vector<uint32_t>;
  EXPECT_EQ(LexiconMatcher::WordStarts("al-Bab, 2021 (Homs)"), (Starts{0, 3, 8, 14}));
  // Inside a word that runs on in a non-ASCII letter no word starts; after a no-break space or
  // at a typographic quote one does.
  EXPECT_EQ(LexiconMatcher::WordStarts("Q\u0101rat\u00a0x \u201cY"), (Starts{0, 8, 10, 13}));
  EXPECT_TRUE(LexiconMatcher::WordStarts(" .,").empty());
  // FindAll over the starts given finds what it finds alone.
  auto matcher = LexiconMatcher::Create({"Bab", "Homs"});
  ASSERT_TRUE(matcher.ok());
  std::string_view text = "al-Bab and Homs";
  std::vector<LexiconMatcher::Match> alone = (*matcher)->FindAll(text);
  std::vector<LexiconMatcher::Match> given = (*matcher)->FindAll(text, LexiconMatcher::WordStarts(text));
  ASSERT_EQ(alone.size(), 2u);
  ASSERT_EQ(given.size(), 2u);
  EXPECT_EQ(given[0].begin, alone[0].begin);
  EXPECT_EQ(given[1].begin, alone[1].begin);
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

TEST(LexiconMatcherTest, MultiWordNamesAndTheLongestAtOneStart) {
  // One search of the trie from "Deir" finds "Deir", "Deir ez" and "Deir ez Zor" alike.
  std::vector<Found> found = MatchAll({"Deir", "Deir ez Zor", "Deir ez", "Free Syrian Army", "Syrian"},
                                      "Deir ez Zor fell to the Free Syrian Army; Deir ez-Zor did not.");
  std::vector<Found> want = {{"Deir ez Zor", "Deir ez Zor"}, {"Deir ez", "Deir ez"},     {"Deir", "Deir"},
                             {"Free Syrian Army", "Free Syrian Army"}, {"Syrian", "Syrian"},
                             {"Deir ez", "Deir ez"},       {"Deir", "Deir"}};
  EXPECT_EQ(found, want);
  // A name that runs on into a longer word is not found; nor is a name cut inside a word.
  EXPECT_TRUE(MatchAll({"Deir ez Zor"}, "Deir ez Zoran").empty());
  EXPECT_TRUE(MatchAll({"Idlib"}, "Idlibi").empty());
}

TEST(LexiconMatcherTest, AccentedPhrasesAlsoMatchTheirFoldedSpelling) {
  std::vector<Found> found = MatchAll({"Q\u0101mishl\u012b", "\u0141\u00f3d\u017a"},
                                      "From Qamishli and Q\u0101mishl\u012b to Lodz and \u0141\u00f3d\u017a.");
  std::vector<Found> want = {{"Q\u0101mishl\u012b", "Qamishli"},
                             {"Q\u0101mishl\u012b", "Q\u0101mishl\u012b"},
                             {"\u0141\u00f3d\u017a", "Lodz"},
                             {"\u0141\u00f3d\u017a", "\u0141\u00f3d\u017a"}};
  EXPECT_EQ(found, want);
  // Capitals still count: the folded spelling keeps the phrase's case.
  EXPECT_TRUE(MatchAll({"Q\u0101mishl\u012b"}, "qamishli").empty());
  // A phrase spelt without accents is that spelling's only match: no second, accented reading.
  auto matcher = LexiconMatcher::Create({"Z\u00fcrich", "Zurich"});
  ASSERT_TRUE(matcher.ok());
  std::vector<LexiconMatcher::Match> zurich = (*matcher)->FindAll("Zurich and Z\u00fcrich");
  ASSERT_EQ(zurich.size(), 2u);
  EXPECT_EQ(zurich[0].phrase, 1u);
  EXPECT_EQ(zurich[1].phrase, 0u);
}

TEST(LexiconMatcherTest, ManyPhrasesAndLowerCaseWords) {
  // Enough phrases that the prefix filter and the trie both matter; lower-case words of the
  // text reach only phrases that may start in lower case.
  std::vector<std::string> phrases;
  for (int i = 0; i < 5000; ++i) phrases.push_back("Town" + std::to_string(i));
  phrases.push_back("said");
  phrases.push_back("Said");
  phrases.push_back("al-Bab");
  std::vector<Found> found = MatchAll(phrases, "Town42 said al-Bab and Said saw town7 and Town4999x.");
  std::vector<Found> want = {{"Town42", "Town42"}, {"said", "said"}, {"al-Bab", "al-Bab"},
                             {"said", "Said"},     {"Said", "Said"}};
  EXPECT_EQ(found, want);
}

}  // namespace
}  // namespace crosscheck
