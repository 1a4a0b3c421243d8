// Tests of SentenceSplitter: sentence bounds, the abbreviation merge rule, paragraphs, tokens.
#include <gtest/gtest.h>
#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "analyse/taggers.h"

namespace crosscheck {
namespace {

// A document whose paragraphs are separated by one blank line, as the clean stage writes them.
Document MakeDoc(const std::vector<std::string>& paragraphs) {
  Document doc;
  for (const std::string& p : paragraphs) {
    if (!doc.main_text.empty()) doc.main_text += "\n\n";
    uint32_t begin = doc.main_text.size();
    doc.main_text += p;
    doc.paragraphs.push_back(Span{begin, static_cast<uint32_t>(doc.main_text.size())});
  }
  return doc;
}

std::vector<std::string> Split(const std::vector<std::string>& paragraphs) {
  auto splitter = SentenceSplitter::Create(Options());
  EXPECT_TRUE(splitter.ok()) << splitter.status().ToString();
  Document doc = MakeDoc(paragraphs);
  (*splitter)->Run(doc);
  std::vector<std::string> out;
  for (const auto& s : doc.sentences) out.emplace_back(doc.Text(s.span));
  return out;
}

TEST(SentenceSplitterTest, SplitsAtFinalPunctuation) {
  EXPECT_EQ(Split({"The bridge was closed. Traffic backed up for miles! Was anyone hurt?"}),
            (std::vector<std::string>{"The bridge was closed.", "Traffic backed up for miles!",
                                      "Was anyone hurt?"}));
}

TEST(SentenceSplitterTest, KeepsTitlesAndDottedAcronymsInside) {
  EXPECT_EQ(Split({"Col. Ana Ruiz met Sen. Park in the U.N. building at 9 a.m. Tuesday. "
                   "She left early."}),
            (std::vector<std::string>{
                "Col. Ana Ruiz met Sen. Park in the U.N. building at 9 a.m. Tuesday.",
                "She left early."}));
  EXPECT_EQ(Split({"The convoy used Route No. 7 near the E.U. Mission office."}).size(), 1u);
  EXPECT_EQ(Split({"Brig. Gen. Tomas Varga spoke."}).size(), 1u);
}

TEST(SentenceSplitterTest, ASentenceMayOpenWithANumber) {
  EXPECT_EQ(Split({"Gunmen executed four herders near the well. 4 fatalities."}),
            (std::vector<std::string>{"Gunmen executed four herders near the well.", "4 fatalities."}));
  // An abbreviation before a number keeps the sentence whole.
  EXPECT_EQ(Split({"The convoy used Route No. 7 near the border."}).size(), 1u);
}

TEST(SentenceSplitterTest, AnAcronymCanEndASentence) {
  EXPECT_EQ(Split({"The ship sailed for the U.K. The crew stayed behind."}),
            (std::vector<std::string>{"The ship sailed for the U.K.", "The crew stayed behind."}));
}

TEST(SentenceSplitterTest, KeepsAMiddleInitial) {
  EXPECT_EQ(Split({"Harry S. Truman signed it. Nobody objected."}),
            (std::vector<std::string>{"Harry S. Truman signed it.", "Nobody objected."}));
}

TEST(SentenceSplitterTest, NoSentenceCrossesAParagraphAndHeadlinesStandAlone) {
  EXPECT_EQ(Split({"Floods cut off mountain villages", "Rain fell for six days. Roads washed out"}),
            (std::vector<std::string>{"Floods cut off mountain villages", "Rain fell for six days.",
                                      "Roads washed out"}));
}

TEST(SentenceSplitterTest, TextWithoutQuotesOrCommasStillSplits) {
  EXPECT_EQ(
      Split({"the mayor said We will rebuild the market He did not say when. Work starts "
             "soon"}),
      (std::vector<std::string>{"the mayor said We will rebuild the market He did not say when.",
                                "Work starts soon"}));
}

TEST(SentenceSplitterTest, JoinsAWrappedLineButNotANewLineOfItsOwn) {
  EXPECT_EQ(Split({"Crews worked through\nthe night to clear it.\nPower returned at dawn."}),
            (std::vector<std::string>{"Crews worked through\nthe night to clear it.",
                                      "Power returned at dawn."}));
}

TEST(SentenceSplitterTest, TokensAreWordsAndNumbersWithOffsets) {
  auto splitter = SentenceSplitter::Create(Options());
  ASSERT_TRUE(splitter.ok());
  Document doc = MakeDoc({"“Some 6,000 left,” he said – at 8:30pm."});
  (*splitter)->Run(doc);
  std::vector<std::string> tokens;
  for (Span s : doc.tokens) tokens.emplace_back(doc.Text(s));
  EXPECT_EQ(tokens,
            (std::vector<std::string>{"Some", "6,000", "left", "he", "said", "at", "8", "30pm"}));
  ASSERT_EQ(doc.sentences.size(), 1u);
  EXPECT_EQ(doc.sentences[0].paragraph, 0u);
}

// ICU's word tokens of `text`: the reference for the splitter's own fast path.
std::vector<std::string> IcuWords(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(ut, status);
  std::vector<std::string> out;
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    if (it->getRuleStatus() >= UBRK_WORD_NONE_LIMIT) out.push_back(text.substr(begin, end - begin));
  }
  utext_close(ut);
  return out;
}

TEST(SentenceSplitterTest, TokensOfMixedScriptsMatchIcu) {
  auto splitter = SentenceSplitter::Create(Options());
  ASSERT_TRUE(splitter.ok());
  static const char* const kPieces[] = {"ab", "Z",  "7",    ".", ",",   "'", " ",
                                        " ",  "\n", "é",    "ş", "قتل", "٣", "\u2019",
                                        "-",  "_",  "日本", ":", "%"};
  std::mt19937 rng(11);
  std::uniform_int_distribution<int> piece(0, std::size(kPieces) - 1);
  std::uniform_int_distribution<int> length(0, 400);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += kPieces[piece(rng)];
    Document doc = MakeDoc({text});
    (*splitter)->Run(doc);
    std::vector<std::string> tokens;
    for (Span s : doc.tokens) tokens.emplace_back(doc.Text(s));
    std::vector<std::string> expected = IcuWords(text);
    size_t differ = 0;
    while (differ < tokens.size() && differ < expected.size() &&
           tokens[differ] == expected[differ]) {
      ++differ;
    }
    ASSERT_EQ(tokens, expected) << "first difference at token " << differ << ": "
                                << (differ < tokens.size() ? tokens[differ] : "(none)") << " vs "
                                << (differ < expected.size() ? expected[differ] : "(none)");
  }
}

// ICU's sentence breaks of `text`, trimmed: the reference for the one-sentence shortcut.
std::vector<std::string> IcuSentences(const std::string& text) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createSentenceInstance(icu::Locale("en@ss=standard"), status));
  UText* ut = utext_openUTF8(nullptr, text.data(), static_cast<int64_t>(text.size()), &status);
  it->setText(ut, status);
  std::vector<std::string> out;
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    std::string piece = text.substr(begin, end - begin);
    while (!piece.empty() && piece.back() == ' ') piece.pop_back();
    while (!piece.empty() && piece.front() == ' ') piece.erase(0, 1);
    if (!piece.empty()) out.push_back(piece);
  }
  utext_close(ut);
  return out;
}

TEST(SentenceSplitterTest, OneSentenceShortcutAgreesWithIcu) {
  auto splitter = SentenceSplitter::Create(Options());
  ASSERT_TRUE(splitter.ok());
  static const char* const kPieces[] = {"Ab", "cd", "7", " ", " ", ",",  ";", ":",
                                        "-",  "\"", "'", "(", ")", "Ef", "x", "."};
  std::mt19937 rng(5);
  std::uniform_int_distribution<int> piece(0, std::size(kPieces) - 2);  // no dot inside
  std::uniform_int_distribution<int> length(1, 40);
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    for (int n = length(rng); n > 0; --n) text += kPieces[piece(rng)];
    static const char* const kEnds[] = {"", ".", "!", "?\"", ".)", "...", " "};
    text += kEnds[round % std::size(kEnds)];
    Document doc = MakeDoc({text});
    (*splitter)->Run(doc);
    std::vector<std::string> sentences;
    for (const auto& s : doc.sentences) sentences.emplace_back(doc.Text(s.span));
    ASSERT_EQ(sentences, IcuSentences(text)) << "[" << text << "]";
  }
}

TEST(SentenceSplitterTest, UntrustedInputDoesNotCrash) {
  auto splitter = SentenceSplitter::Create(Options());
  ASSERT_TRUE(splitter.ok());
  Document doc;
  doc.main_text = "abc. def";
  doc.paragraphs = {Span{5, 2}, Span{0, 400}, Span{3, 8}};
  (*splitter)->Run(doc);
  Document empty;
  (*splitter)->Run(empty);
  EXPECT_TRUE(empty.sentences.empty());
  Document no_paragraphs;
  no_paragraphs.main_text = "One. Two.";
  (*splitter)->Run(no_paragraphs);
  EXPECT_EQ(no_paragraphs.sentences.size(), 2u);
}

}  // namespace
}  // namespace crosscheck
