#include "clean/block_classifier.h"

#include <gtest/gtest.h>

#include "clean/test_lexicon.h"
#include "clean/text_blocks.h"

namespace crosscheck {
namespace {

// A flattened page, written for this test: a menu, the story, an author bio, a "Latest news"
// teaser list with time-ago lines, a comment thread and a footer.
const char kPage[] =
    "Home\nWorld\nSport\nWeather\n\n"
    "Floods close the coast road at Marrow Bay\n\n"
    "Heavy rain flooded the lower streets of Marrow Bay on Tuesday night, and the harbour master "
    "said three fishing boats broke their moorings before dawn.\n\n"
    "Volunteers filled sandbags at the school gym while the council opened the old chapel as a "
    "shelter for families from the quay.\n\n"
    "Sea wall\n\n"
    "By noon the water in Marrow Bay had fallen by half a metre, but the coast road stayed closed "
    "because a section of the sea wall had slid onto it.\n\n"
    "Engineers will inspect the wall of the bay on Thursday, the mayor said, adding that the town had "
    "not seen such flooding since the winter storms of her childhood.\n\n"
    "k7_PqZ93xw\n"
    "Tom Baxter\n"
    "Tom enjoys gardening and long walks with his dog, and he has written about cooking, cars and "
    "travel for many years from his cottage near the hills.\n\n"
    "Latest news\n\n"
    "Orchestra plans a spring season\n"
    "The regional orchestra announced seven concerts, opening with folk songs arranged for strings…\n"
    "3 hours ago\n"
    "Cyclists return to the valley race\n"
    "After a two-year pause the valley race is back, with riders from four countries expected to…\n"
    "2 days ago\n\n"
    "Comments\n"
    "Sign up to post\n"
    "Great photos, I hope everyone on the quay is safe and dry tonight after all of this weather.\n\n"
    "Copyright 2021 Example Coast Media. All rights reserved.\n";

std::string KeptText(const std::vector<PageBlock>& blocks, const Classification& c) {
  std::string out;
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (c.decisions[i].keep) out += blocks[i].text + "\n";
  }
  return out;
}

std::string ReasonOf(const std::vector<PageBlock>& blocks, const Classification& c,
                     std::string_view starts_with) {
  for (size_t i = 0; i < blocks.size(); ++i) {
    if (blocks[i].text.starts_with(starts_with)) return c.decisions[i].reason;
  }
  return "<missing>";
}

TEST(BlockClassifierTest, KeepsTheStoryAndDropsEachKindOfFurniture) {
  std::vector<PageBlock> blocks = SplitTextBlocks(kPage);
  Classification c = ClassifyBlocks(blocks, "", true, TestLexicon());
  std::string kept = KeptText(blocks, c);
  EXPECT_NE(kept.find("three fishing boats"), std::string::npos) << kept;
  EXPECT_NE(kept.find("Sea wall"), std::string::npos) << kept;  // an in-body heading stays
  EXPECT_NE(kept.find("winter storms"), std::string::npos) << kept;
  for (const char* furniture : {"Weather", "k7_PqZ93xw", "gardening", "Orchestra", "3 hours ago",
                                "valley race", "Sign up", "Great photos", "Copyright"}) {
    EXPECT_EQ(kept.find(furniture), std::string::npos) << furniture << " leaked:\n" << kept;
  }
  EXPECT_EQ(ReasonOf(blocks, c, "Home"), "navigation");
  EXPECT_EQ(ReasonOf(blocks, c, "Tom enjoys"), "bio");
  EXPECT_EQ(ReasonOf(blocks, c, "Latest news"), "related");
  EXPECT_EQ(ReasonOf(blocks, c, "3 hours ago"), "related");
  EXPECT_EQ(ReasonOf(blocks, c, "Comments"), "comments");
  EXPECT_EQ(ReasonOf(blocks, c, "Copyright"), "footer");
  ASSERT_GE(c.title_block, 0);
  EXPECT_EQ(blocks[c.title_block].text, "Floods close the coast road at Marrow Bay");
}

TEST(BlockClassifierTest, BodyResumesAfterAShortRelatedBox) {
  const char page[] =
      "Mill workers vote to end the strike at Pellworth\n\n"
      "Workers at the Pellworth paper mill voted on Monday to end a strike that had halted "
      "production for three weeks, their union said after the ballot closed.\n\n"
      "Related\n"
      "Paper prices climb\n"
      "Union leader profile\n\n"
      "The Pellworth mill workers accepted a pay rise of four percent and a promise that no "
      "jobs would go before the end of next year, union officials at the mill said.\n\n"
      "Managers of the Pellworth paper mill said the first shift would start on Wednesday "
      "morning and that orders held up by the strike would ship within a fortnight.\n";
  std::vector<PageBlock> blocks = SplitTextBlocks(page);
  Classification c = ClassifyBlocks(blocks, "", true, TestLexicon());
  std::string kept = KeptText(blocks, c);
  EXPECT_NE(kept.find("four percent"), std::string::npos) << kept;
  EXPECT_NE(kept.find("first shift"), std::string::npos) << kept;
  EXPECT_EQ(kept.find("Paper prices climb"), std::string::npos) << kept;
}

TEST(BlockClassifierTest, CommentStampsEndTheArticle) {
  const char page[] =
      "Library extends its opening hours\n\n"
      "Posted on 3 March 2020\n\n"
      "The central library of Dunmore will open until nine in the evening from next month, "
      "the city's culture office announced, after a survey of students and shift workers.\n\n"
      "The longer hours will cost the city about forty thousand a year, paid from the budget "
      "for cultural events, which will be trimmed by the same amount.\n\n"
      "Anna Reyes on 4 March 2020 at 10:15 am said:\n"
      "This is wonderful news for everyone who works late and still wants to borrow books on "
      "the way home, thank you to whoever pushed for it at the council.\n"
      "Mark T on 5 March 2020 at 8:02 pm said:\n"
      "I hope the reading room stays open as long as the lending desk does, because that is "
      "where most of us actually study in the evenings during exams.\n";
  std::vector<PageBlock> blocks = SplitTextBlocks(page);
  Classification c = ClassifyBlocks(blocks, "", true, TestLexicon());
  std::string kept = KeptText(blocks, c);
  EXPECT_NE(kept.find("forty thousand"), std::string::npos) << kept;
  EXPECT_EQ(kept.find("wonderful news"), std::string::npos) << kept;
  EXPECT_EQ(kept.find("reading room"), std::string::npos) << kept;
}

TEST(BlockClassifierTest, CueWordsInOtherLanguages) {
  const CleanLexicon& lex = TestLexicon();
  auto reason = [&](std::string_view line) -> std::string {
    std::string lower = LowerText(line);
    const FurnitureCue* cue = lex.MatchCue(SplitWords(lower), lower);
    return cue ? cue->reason : "";
  };
  EXPECT_EQ(reason("Articles similaires"), "related");
  EXPECT_EQ(reason("Kommentare (4)"), "comments");
  EXPECT_EQ(reason("Noticias relacionadas"), "related");
  EXPECT_EQ(reason("مقالات ذات صلة"), "related");
  EXPECT_EQ(reason("Tous droits réservés 2020"), "footer");
  EXPECT_EQ(reason("Lesen Sie auch: Neue Brücke eröffnet"), "related");
  EXPECT_EQ(reason("12 Comments"), "comments");
  EXPECT_EQ(reason("The river rose quickly"), "");
}

TEST(BlockClassifierTest, ReadsCreditLines) {
  const CleanLexicon& lex = TestLexicon();
  EXPECT_EQ(ReadCredit("Source: Northern Daily, News Agencies", CreditKind::kSource, lex),
            "Northern Daily");
  EXPECT_EQ(ReadCredit("Harbor Times and agencies", CreditKind::kSource, lex), "Harbor Times");
  EXPECT_EQ(ReadCredit("Quelle: Rheinblatt", CreditKind::kSource, lex), "Rheinblatt");
  EXPECT_EQ(ReadCredit("Source of the trouble was a pipe", CreditKind::kSource, lex), "");
  EXPECT_EQ(ReadCredit("By Maria Lopez", CreditKind::kByline, lex), "Maria Lopez");
  EXPECT_EQ(ReadCredit("Par Jean Dupont", CreditKind::kByline, lex), "Jean Dupont");
  EXPECT_EQ(ReadCredit("By the time we arrived it was dark.", CreditKind::kByline, lex), "");
}

TEST(BlockClassifierTest, EmptyAndDegenerateInput) {
  EXPECT_TRUE(ClassifyBlocks({}, "", true, TestLexicon()).decisions.empty());
  std::vector<PageBlock> blocks = SplitTextBlocks("\n\n   \n\xC2\xA0\n");
  EXPECT_TRUE(blocks.empty());
  blocks = SplitTextBlocks("only one line");
  Classification c = ClassifyBlocks(blocks, "", true, TestLexicon());
  EXPECT_EQ(c.decisions.size(), 1u);
}

TEST(BlockClassifierTest, TheStoryStartsUnderItsHeadlineInsideTheArticleMarkup) {
  // Buttons and a notice above the headline share the story's markup and so its run of blocks.
  std::vector<PageBlock> blocks;
  auto add = [&](std::string text) {
    PageBlock b;
    b.text = std::move(text);
    b.in_body_markup = true;
    blocks.push_back(std::move(b));
  };
  add("Reprints of this page are sold through our licensing desk for your own use only.");
  add("Print page");
  add("Font size");
  add("Orchard growers expect a record apple harvest");
  for (int i = 0; i < 5; ++i) {
    add("Growers across the valley said the mild spring and the late rain had filled the orchards "
        "with fruit, and pickers were hired for two extra weeks to bring the harvest in.");
  }
  Classification c =
      ClassifyBlocks(blocks, "Orchard growers expect a record apple harvest", true, TestLexicon());
  EXPECT_EQ(c.title_block, 3);
  EXPECT_EQ(c.body_begin, 3);
  EXPECT_FALSE(c.decisions[0].keep);
  EXPECT_FALSE(c.decisions[1].keep);
  EXPECT_TRUE(c.decisions[4].keep);

  // A guessed title (a scraped page's first line) may be any line: the run is left whole.
  Classification guessed = ClassifyBlocks(blocks, "Orchard growers expect a record apple harvest",
                                          true, TestLexicon(), 0);
  EXPECT_TRUE(guessed.decisions[1].keep || guessed.body_begin != 3);
}

}  // namespace
}  // namespace crosscheck
