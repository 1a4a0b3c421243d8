#include "clean/cleaner.h"

#include <gtest/gtest.h>

#include "clean/test_lexicon.h"

namespace crosscheck {
namespace {

std::unique_ptr<Cleaner> MakeCleaner() {
  auto cleaner = Cleaner::Create(TestOptions());
  EXPECT_TRUE(cleaner.ok()) << cleaner.status().ToString();
  return cleaner.ok() ? std::move(cleaner.value()) : nullptr;
}

Document TextDoc(std::string text) {
  Document doc;
  doc.format = InputFormat::kText;
  doc.text = std::move(text);
  return doc;
}

const char kStory[] =
    "Workers at the Pellworth paper mill voted on Monday to end a strike that had halted "
    "production for three weeks, their union said after the ballot closed.\n\n"
    "The workers accepted a pay rise of four percent and a promise that no jobs at the mill would "
    "go before the end of next year, union officials said.\n\n"
    "Managers said the first shift would start on Wednesday morning and that orders held up by "
    "the strike would ship within a fortnight.\n\n";

TEST(CleanerTest, MainTextHasTheHeadlineThenParagraphsAndMapsBack) {
  auto cleaner = MakeCleaner();
  Document doc = TextDoc(std::string("Home\nBusiness\n\nMill workers end strike at Pellworth\n\n") +
                         kStory + "Share this\nCopyright 2020 Valley Press\n");
  ASSERT_TRUE(cleaner->Run(doc).ok());
  EXPECT_EQ(doc.title, "Mill workers end strike at Pellworth");
  ASSERT_EQ(doc.main_text.substr(0, doc.title_end), doc.title);
  EXPECT_EQ(doc.main_text.substr(doc.title_end, 2), "\n\n");
  EXPECT_EQ(doc.paragraphs.size(), 4u);
  for (size_t i = 1; i < doc.paragraphs.size(); ++i) {
    EXPECT_EQ(doc.main_text.substr(doc.paragraphs[i - 1].end, 2), "\n\n");
  }
  EXPECT_EQ(doc.main_text.find("Copyright"), std::string::npos);
  EXPECT_EQ(doc.main_text.find("Share this"), std::string::npos);
  for (const OffsetPiece& p : doc.offset_map) {
    EXPECT_EQ(doc.main_text.substr(p.main_begin, p.length), doc.text.substr(p.text_begin, p.length));
  }
  EXPECT_EQ(doc.TextOffset(doc.paragraphs[1].begin), int64_t(doc.text.find("Workers at")));
  bool saw_footer = false;
  for (const RemovedBlock& r : doc.removed) {
    EXPECT_LE(r.preview.size(), 80u * 4);
    saw_footer = saw_footer || r.reason == "footer";
  }
  EXPECT_TRUE(saw_footer);
  EXPECT_EQ(doc.language, "en");
  EXPECT_NE(doc.body_fingerprint, 0u);
}

TEST(CleanerTest, RemovedPreviewsAreEightyCharacters) {
  auto cleaner = MakeCleaner();
  std::string long_teaser(300, 'x');
  Document doc = TextDoc(std::string("Mill workers end strike\n\n") + kStory + "Related\n" +
                         "Teaser about something else entirely " + long_teaser + "\n");
  ASSERT_TRUE(cleaner->Run(doc).ok());
  ASSERT_FALSE(doc.removed.empty());
  for (const RemovedBlock& r : doc.removed) EXPECT_LE(r.preview.size(), 80u);
}

TEST(CleanerTest, DatelineGivesThePublishedDate) {
  auto cleaner = MakeCleaner();
  Document doc = TextDoc(std::string("Mill workers end strike\nPublié le 14 mars 2016\n\n") + kStory);
  ASSERT_TRUE(cleaner->Run(doc).ok());
  ASSERT_TRUE(doc.published.date);
  EXPECT_EQ(doc.published.date->ToString(), "2016-03-14");
  EXPECT_EQ(doc.published.basis, DateBasis::kDateline);
  EXPECT_FALSE(doc.page_date);
}

TEST(CleanerTest, CopyOfAnotherOutletKeepsItsDateAsPageDate) {
  auto cleaner = MakeCleaner();
  Document doc = TextDoc(std::string("Mill workers end strike\nJune 3, 2024 9:15 PM\n\n") + kStory +
                         "By Ada Moss\nSource: Harbor Times\n\n"
                         "Copyright 2022-2024 - www.coastreader.example All Rights Reserved\n");
  ASSERT_TRUE(cleaner->Run(doc).ok());
  EXPECT_FALSE(doc.published.date);
  EXPECT_LT(doc.published.confidence, 0.5);
  ASSERT_TRUE(doc.page_date);
  EXPECT_EQ(doc.page_date->ToString(), "2024-06-03");
  EXPECT_EQ(doc.outlet, "Harbor Times");
  EXPECT_EQ(doc.site, "coastreader.example");
  EXPECT_EQ(doc.byline, "Ada Moss");
  EXPECT_EQ(doc.main_text.find("Source:"), std::string::npos);
}

TEST(CleanerTest, PageDateYearsAfterEveryYearOfTheStoryIsARepost) {
  auto cleaner = MakeCleaner();
  Document doc = TextDoc(
      "Flood defences finished\n3 May 2023\n\n"
      "The new flood wall along the river at Dunmore was finished in October 2009, a year "
      "after the worst floods the town had seen since records began in 1921.\n\n"
      "Engineers said in 2010 that the wall would hold a flood twice the size of the one that "
      "had swept through the market square and the lower streets.\n");
  ASSERT_TRUE(cleaner->Run(doc).ok());
  EXPECT_FALSE(doc.published.date);
  ASSERT_TRUE(doc.page_date);
  EXPECT_EQ(doc.page_date->ToString(), "2023-05-03");
}

TEST(CleanerTest, GivenMetadataWins) {
  auto cleaner = MakeCleaner();
  Document doc = TextDoc(std::string("Mill workers end strike\n\n") + kStory);
  doc.given_published = Date{2021, 7, 9};
  doc.given_title = "Given title";
  doc.given_outlet = "Given Outlet";
  doc.given_language = "en";
  ASSERT_TRUE(cleaner->Run(doc).ok());
  EXPECT_EQ(doc.published.date->ToString(), "2021-07-09");
  EXPECT_EQ(doc.published.basis, DateBasis::kMetadata);
  EXPECT_EQ(doc.title, "Given title");
  EXPECT_EQ(doc.outlet, "Given Outlet");
}

TEST(CleanerTest, HtmlMetadataDatesOutletAndLanguage) {
  auto cleaner = MakeCleaner();
  Document doc;
  doc.format = InputFormat::kHtml;
  doc.text =
      "<html lang=\"fr\"><head><title>Le bac reprend | Gazette du Lac</title>"
      "<meta property=\"og:site_name\" content=\"Gazette du Lac\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Le bac "
      "reprend\",\"datePublished\":\"2019-11-02\",\"author\":[{\"name\":\"Claire Morel\"}]}</script>"
      "</head><body><nav><a href=\"/\">Accueil</a></nav><article><h1>Le bac reprend</h1>"
      "<p>Le bac du matin a quitté le port à l'heure samedi, pour la première traversée depuis que "
      "la tempête a fermé la ligne mercredi, a indiqué l'exploitant.</p>"
      "<p>Les passagers attendaient depuis l'aube et deux traversées supplémentaires ont été "
      "ajoutées pour le week-end et le lundi férié.</p></article>"
      "<footer>Tous droits réservés</footer></body></html>";
  ASSERT_TRUE(cleaner->Run(doc).ok());
  EXPECT_EQ(doc.title, "Le bac reprend");
  ASSERT_TRUE(doc.published.date);
  EXPECT_EQ(doc.published.date->ToString(), "2019-11-02");
  EXPECT_EQ(doc.published.basis, DateBasis::kMetadata);
  EXPECT_EQ(doc.outlet, "Gazette du Lac");
  EXPECT_EQ(doc.site, "");
  EXPECT_EQ(doc.byline, "Claire Morel");
  EXPECT_EQ(doc.language, "fr");
  EXPECT_EQ(doc.main_text.find("Accueil"), std::string::npos);
  EXPECT_NE(doc.main_text.find("deux traversées"), std::string::npos);
  for (const OffsetPiece& p : doc.offset_map) {
    EXPECT_EQ(doc.main_text.substr(p.main_begin, p.length), doc.text.substr(p.text_begin, p.length));
  }
}

TEST(CleanerTest, NoDateMeansNullWithNoConfidence) {
  auto cleaner = MakeCleaner();
  Document doc = TextDoc(std::string("Mill workers end strike\n\n") + kStory);
  ASSERT_TRUE(cleaner->Run(doc).ok());
  EXPECT_FALSE(doc.published.date);
  EXPECT_EQ(doc.published.basis, DateBasis::kNone);
  EXPECT_FALSE(doc.page_date);
}

TEST(CleanerTest, SameBodyUnderDifferentFurnitureHasTheSameFingerprint) {
  auto cleaner = MakeCleaner();
  Document a = TextDoc(std::string("Home\nNews\n\nMill workers end strike\n\n") + kStory +
                       "Copyright 2020 Valley Press\n");
  Document b = TextDoc(std::string("Menu\n\nMill workers end strike\n\n") + kStory +
                       "Comments\nSign up to post\n");
  ASSERT_TRUE(cleaner->Run(a).ok());
  ASSERT_TRUE(cleaner->Run(b).ok());
  EXPECT_EQ(a.body_fingerprint, b.body_fingerprint);
}

TEST(CleanerTest, EmptyAndBinaryInput) {
  auto cleaner = MakeCleaner();
  Document empty = TextDoc("");
  EXPECT_TRUE(cleaner->Run(empty).ok());
  EXPECT_TRUE(empty.main_text.empty());
  Document junk = TextDoc(std::string("\x01\x02\x03 \n\n\t\t\x7f", 9));
  EXPECT_TRUE(cleaner->Run(junk).ok());
  Document html;
  html.format = InputFormat::kHtml;
  html.text = "<html><body><div><<<<>>>></div>";
  EXPECT_TRUE(cleaner->Run(html).ok());
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST(CleanerNoteTest, AOneLineNoteIsItsOwnBody) {
  auto cleaner = Cleaner::Create(Options());
  ASSERT_TRUE(cleaner.ok());
  Document doc;
  doc.text = "On 9 June 2021, herders clashed with farmers near a well outside Mopti town. [size=no report]";
  doc.raw = doc.text;
  ASSERT_TRUE((*cleaner)->Run(doc).ok());
  EXPECT_NE(doc.main_text.find("herders clashed with farmers"), std::string::npos) << doc.main_text;
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST(CleanerNoteTest, ACopyrightHolderOtherThanTheCreditedSourceMakesARepost) {
  auto cleaner = Cleaner::Create(Options());
  ASSERT_TRUE(cleaner.ok());
  Document doc;
  doc.text =
      "Flooding cuts the valley road\n"
      "Jun 9, 2024 8:02 AM\n\n"
      "Heavy rain on Sunday washed away two bridges on the valley road, leaving the villages above "
      "the dam cut off from the market town for the third time this spring, officials said.\n\n"
      "Engineers said a temporary crossing could be ready by Friday if the river fell, and that "
      "lorries with food and fuel were waiting at the lower checkpoint.\n\n"
      "Source: The Highland Courier\n\n"
      "Copyright \u00A9 2020-2024 Mountain Notes Blog. All Rights Reserved.\n";
  doc.raw = doc.text;
  ASSERT_TRUE((*cleaner)->Run(doc).ok());
  EXPECT_EQ(doc.outlet, "The Highland Courier");
  EXPECT_FALSE(doc.published.date.has_value());
  ASSERT_TRUE(doc.page_date.has_value());
  EXPECT_EQ(doc.page_date->ToString(), "2024-06-09");
}

TEST(CleanerTest, DatelineOpeningTheStoryDatesItAndLeavesTheText) {
  auto cleaner = MakeCleaner();
  // A scraped story in one paragraph: the date opens it, and the story names only an older year.
  Document doc = TextDoc(std::string("Sat 12 Sep 2015 ") + kStory +
                         "The dispute began in 2009 over night shifts.\n");
  doc.given_title = "Mill workers end strike at Pellworth";
  ASSERT_TRUE(cleaner->Run(doc).ok());
  EXPECT_EQ(doc.published.basis, DateBasis::kDateline);
  ASSERT_TRUE(doc.published.date);
  EXPECT_EQ(doc.published.date->ToString(), "2015-09-12");
  EXPECT_FALSE(doc.page_date);
  EXPECT_EQ(doc.main_text.find("Sat 12 Sep"), std::string::npos);
  size_t story = doc.main_text.find("Workers at");
  ASSERT_NE(story, std::string::npos);
  EXPECT_TRUE(story == 0 || doc.main_text.substr(story - 2, 2) == "\n\n") << doc.main_text;
  EXPECT_EQ(doc.TextOffset(uint32_t(story)), int64_t(doc.text.find("Workers at")));
  bool noted = false;
  for (const RemovedBlock& r : doc.removed)
    noted = noted || (r.reason == "dateline" && r.preview == "Sat 12 Sep 2015");
  EXPECT_TRUE(noted);
}

TEST(CleanerTest, DatelineAfterTheHeadlineSplitsTheParagraph) {
  auto cleaner = MakeCleaner();
  Document doc = TextDoc(
      std::string("Mill workers end strike at Pellworth Valley Wire Monday 14 Sep 2015 ") + kStory);
  ASSERT_TRUE(cleaner->Run(doc).ok());
  ASSERT_TRUE(doc.published.date);
  EXPECT_EQ(doc.published.date->ToString(), "2015-09-14");
  EXPECT_EQ(doc.main_text.find("Monday 14 Sep"), std::string::npos);
  EXPECT_NE(doc.main_text.find("Valley Wire\n\nWorkers at the Pellworth"), std::string::npos);
}

// Pages written for the tests below: a news page's furniture around a story whose paragraphs
// the tests vary.
Document HtmlDoc(const std::string& article) {
  Document doc;
  doc.format = InputFormat::kHtml;
  doc.text =
      "<html lang=\"en\"><head><title>Ferry returns to Holm | Island Courier</title>"
      "<meta property=\"og:title\" content=\"Ferry returns to Holm\"></head><body>"
      "<nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav><article>"
      "<h1>Ferry returns to Holm</h1>" + article +
      "</article><footer>Copyright 2021 Island Courier</footer></body></html>";
  return doc;
}

const char kFerryStory[] =
    "<p>The morning ferry to Holm left the harbour on time on Saturday, the first crossing since "
    "gales closed the route on Wednesday, the operator said.</p>"
    "<p>Passengers queued from dawn, and the operator added two extra sailings for the weekend and "
    "the Monday holiday to clear the backlog of cars and freight.</p>"
    "<p>The harbour master said the pier had been checked for damage overnight and that the "
    "timetable would be back to normal by Tuesday if the weather held.</p>";

bool HasRemoved(const Document& doc, std::string_view reason, std::string_view preview_start) {
  for (const RemovedBlock& r : doc.removed) {
    if (r.reason == reason && std::string_view(r.preview).starts_with(preview_start)) return true;
  }
  return false;
}

TEST(CleanerHtmlTest, StandfirstBetweenHeadlineAndBylineIsDropped) {
  auto cleaner = MakeCleaner();
  Document doc = HtmlDoc(std::string("<h2>Islanders can travel again after four days cut off.</h2>"
                                     "<p class=\"author\">By Ruth Ellis</p>") + kFerryStory);
  ASSERT_TRUE(cleaner->Run(doc).ok());
  EXPECT_EQ(doc.main_text.find("cut off"), std::string::npos) << doc.main_text;
  EXPECT_TRUE(HasRemoved(doc, "standfirst", "Islanders can travel"));
  EXPECT_NE(doc.main_text.find("The morning ferry"), std::string::npos);

  // Without a byline under it, the first paragraph is the story's lead.
  Document lead = HtmlDoc(std::string("<p>Islanders can travel again after four days cut off.</p>") +
                          kFerryStory);
  ASSERT_TRUE(cleaner->Run(lead).ok());
  EXPECT_NE(lead.main_text.find("cut off"), std::string::npos) << lead.main_text;
}

TEST(CleanerHtmlTest, QuotedPostsStayWithTheirDatedSignature) {
  auto cleaner = MakeCleaner();
  std::string posts;
  for (const char* who : {"Harbour Watch (@harbourwatch) May 4, 2021",
                          "Holm Community Council (@holmcc) May 4, 2021"}) {
    posts += std::string("<blockquote><p>The first boat out in a week and the harbour is busy "
                         "again this morning.</p>&mdash; ") + who + "</blockquote>"
             "<p>Islanders shared pictures of the queue at the pier as the boat came in to load "
             "the first of the waiting lorries.</p>";
  }
  Document doc = HtmlDoc(kFerryStory + posts);
  ASSERT_TRUE(cleaner->Run(doc).ok());
  EXPECT_NE(doc.main_text.find("(@harbourwatch) May 4, 2021"), std::string::npos) << doc.main_text;
  EXPECT_NE(doc.main_text.find("(@holmcc) May 4, 2021"), std::string::npos) << doc.main_text;
  EXPECT_NE(doc.main_text.rfind("first of the waiting lorries"), doc.main_text.find("first of the waiting lorries"));
  EXPECT_FALSE(doc.published.date);  // a quoted post's date is not the page's
}

TEST(CleanerHtmlTest, ListItemsOpeningWithALinkedSentenceAreTheStory) {
  auto cleaner = MakeCleaner();
  std::string items;
  for (const char* item :
       {"<a href=\"/a\">The council approved a new pier for the island</a>. Work starts in spring "
        "and should take two years, the council said in its statement.",
        "<a href=\"/b\">Fares will rise by five percent in June.</a> The operator blamed the cost "
        "of fuel and said season tickets would not change this year.",
        "<a href=\"/c\">A second boat joins the route next summer</a>. It will carry up to forty "
        "cars and run four times a day in the busy months."}) {
    items += std::string("<li>") + item + "</li>";
  }
  Document doc = HtmlDoc(std::string("<p>Good morning. Here is the island's news this Monday.</p><ul>") +
                         items + "</ul>");
  ASSERT_TRUE(cleaner->Run(doc).ok());
  for (const char* part : {"new pier for the island", "Fares will rise", "second boat joins"}) {
    EXPECT_NE(doc.main_text.find(part), std::string::npos) << part << " in:\n" << doc.main_text;
  }
  // A linked headline without a full stop, then a snippet: a teaser of another story.
  Document teasers = HtmlDoc(std::string(kFerryStory) +
                             "<ul><li><a href=\"/x\">Choir wins the county prize</a> The choir "
                             "sang three songs and the judges gave it the cup for the second time "
                             "in a row.</li></ul>");
  ASSERT_TRUE(cleaner->Run(teasers).ok());
  EXPECT_EQ(teasers.main_text.find("Choir wins"), std::string::npos) << teasers.main_text;
}

TEST(CleanerHtmlTest, PromotionsAndCreditsClosingTheStoryAreDropped) {
  auto cleaner = MakeCleaner();
  Document doc = HtmlDoc(std::string(kFerryStory) +
                         "<p>Jane Roe contributed to this report.</p>"
                         "<p>Like our coverage? Sign up for the morning letter to get the news in "
                         "your inbox.</p><p>Follow us on the usual networks.</p>");
  ASSERT_TRUE(cleaner->Run(doc).ok());
  EXPECT_NE(doc.main_text.find("back to normal by Tuesday"), std::string::npos);
  for (const char* part : {"contributed to this report", "Sign up for", "Follow us"}) {
    EXPECT_EQ(doc.main_text.find(part), std::string::npos) << part << " in:\n" << doc.main_text;
  }
  // The story's own sentence that names the words in its middle stays.
  Document story = HtmlDoc(std::string(kFerryStory) +
                           "<p>Residents who want alerts can sign up for texts at the harbour office.</p>");
  ASSERT_TRUE(cleaner->Run(story).ok());
  EXPECT_NE(story.main_text.find("can sign up for texts"), std::string::npos) << story.main_text;
}

}  // namespace
}  // namespace crosscheck
