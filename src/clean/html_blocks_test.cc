#include "clean/html_blocks.h"

#include <gtest/gtest.h>

#include "clean/test_lexicon.h"

namespace crosscheck {
namespace {

// A page written for this test, with the furniture of a news site around one short story.
const char kHtml[] = R"(<!DOCTYPE html>
<html lang="en-GB"><head>
<title>Ferry service resumes | Island Courier</title>
<meta property="og:title" content="Ferry service resumes after storm">
<meta property="og:site_name" content="Island Courier">
<meta name="author" content="Ruth Ellis">
<link rel="canonical" href="https://www.islandcourier.example/news/ferry-resumes">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"WebSite","name":"Island Courier"},
 {"@type":"NewsArticle","headline":"Ferry service resumes after storm",
  "datePublished":"2019-11-02T08:30:00Z","publisher":{"@type":"Organization","name":"Island Courier Group"}}]}
</script>
<style>.x{color:red}</style>
<script>var tracking = "<p>not text</p>";</script>
</head><body>
<nav class="site-menu"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li></ul></nav>
<div class="cookie-banner">We use cookies to improve your visit.</div>
<div class="page has-sidebar">
<article>
<h1>Ferry service resumes after storm</h1>
<p>The morning ferry to Holm left the harbour on time on Saturday, the first crossing since
gales closed the route on Wednesday, the operator said.</p>
<figure><img src="a.jpg"><figcaption>The ferry leaving the harbour.</figcaption></figure>
<p>Passengers queued from dawn, and the operator added two extra sailings for the weekend &amp;
the Monday holiday.</p>
<!-- an editor's comment -->
<div class="share-bar"><a href="#">Share on Facebook</a></div>
</article>
<aside><h3>Most read</h3><ul><li><a href="/a">Council budget approved</a></li></ul></aside>
<section id="comments"><p>Great news, I was stuck on the island for four days waiting for it!</p></section>
</div>
<div hidden>Hidden promotional text that nobody sees.</div>
<footer><p>Copyright 2019 Island Courier. All rights reserved.</p></footer>
</body></html>)";

std::string Joined(const HtmlPage& page, bool furniture) {
  std::string out;
  for (const PageBlock& b : page.blocks) {
    if (b.markup_furniture.empty() != furniture) out += b.text + "\n";
  }
  return out;
}

TEST(HtmlBlocksTest, MarksFurnitureFromTagsClassesAndRoles) {
  HtmlPage page = ParseHtmlPage(kHtml, TestLexicon());
  std::string body = Joined(page, false);
  EXPECT_NE(body.find("The morning ferry to Holm left the harbour on time"), std::string::npos) << body;
  EXPECT_NE(body.find("weekend & the Monday holiday"), std::string::npos) << body;  // entity decoded
  for (const char* furniture : {"Home", "cookies", "leaving the harbour", "Share on", "Most read",
                                "Great news", "Copyright"}) {
    EXPECT_EQ(body.find(furniture), std::string::npos) << furniture << " in:\n" << body;
  }
  std::string all = body + Joined(page, true);
  EXPECT_EQ(all.find("not text"), std::string::npos);  // script bodies are never text
  EXPECT_EQ(all.find("Hidden promotional"), std::string::npos);
  EXPECT_EQ(all.find("editor's comment"), std::string::npos);
  for (const PageBlock& b : page.blocks) {
    if (b.text.starts_with("Ferry service")) { EXPECT_EQ(b.kind, BlockKind::kHeading); }
    if (b.text.starts_with("The morning ferry")) { EXPECT_TRUE(b.in_body_markup); }
    if (b.text == "Home") { EXPECT_GT(b.link_density, 0.9); }
  }
}

TEST(HtmlBlocksTest, ReadsMetadata) {
  HtmlPage page = ParseHtmlPage(kHtml, TestLexicon());
  const HtmlMetadata& m = page.metadata;
  EXPECT_EQ(m.title, "Ferry service resumes | Island Courier");
  EXPECT_EQ(m.headline, "Ferry service resumes after storm");
  EXPECT_EQ(m.site_name, "Island Courier");
  EXPECT_EQ(m.publisher, "Island Courier Group");
  EXPECT_EQ(m.author, "Ruth Ellis");
  EXPECT_EQ(m.url, "https://www.islandcourier.example/news/ferry-resumes");
  EXPECT_EQ(m.language, "en-GB");
  EXPECT_EQ(m.published, "2019-11-02T08:30:00Z");
}

TEST(HtmlBlocksTest, OffsetPiecesPointAtTheSameTextInTheSource) {
  std::string html = kHtml;
  HtmlPage page = ParseHtmlPage(html, TestLexicon());
  size_t checked = 0;
  for (const PageBlock& b : page.blocks) {
    for (const OffsetPiece& p : b.pieces) {
      ASSERT_LE(p.text_begin + p.length, html.size());
      EXPECT_EQ(b.text.substr(p.main_begin, p.length), html.substr(p.text_begin, p.length));
      ++checked;
    }
  }
  EXPECT_GT(checked, 10u);
  // A paragraph broken over two source lines maps as two pieces, each exact.
  for (const PageBlock& b : page.blocks) {
    if (!b.text.starts_with("The morning ferry")) continue;
    ASSERT_FALSE(b.pieces.empty());
    EXPECT_EQ(html.compare(b.pieces[0].text_begin, 17, "The morning ferry"), 0);
  }
}

TEST(HtmlBlocksTest, DateInTimeElementAndItempropMeta) {
  const char html[] =
      "<html><body><article><time datetime=\"2018-05-04T10:00\">4 May</time>"
      "<p>Text of a story about a village fete that raised money for a new roof.</p>"
      "</article></body></html>";
  HtmlPage page = ParseHtmlPage(html, TestLexicon());
  EXPECT_EQ(page.metadata.time_element, "2018-05-04T10:00");
  const char meta[] =
      "<html><head><meta itemprop=\"datePublished\" content=\"2017-01-09\"></head><body></body></html>";
  EXPECT_EQ(ParseHtmlPage(meta, TestLexicon()).metadata.published, "2017-01-09");
}

TEST(HtmlBlocksTest, MalformedInputNeverCrashes) {
  const char* inputs[] = {
      "", "<", "<<<>>>", "<html><body><p>unclosed <b>bold <i>italic",
      "<script>never closed", "<!-- comment never closed", "<div class=\"a", "\xEF\xBB\xBF<p>bom</p>",
      "<p>a</p></p></div></body></html></html>", "<svg/><p>after a self-closed svg</p>",
      "<script type=\"application/ld+json\">{not json,,}</script><p>still read</p>"};
  for (const char* input : inputs) {
    HtmlPage page = ParseHtmlPage(input, TestLexicon());
    for (const PageBlock& b : page.blocks) EXPECT_FALSE(b.text.empty());
  }
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<div>";
  deep += "deep text";
  HtmlPage page = ParseHtmlPage(deep, TestLexicon());
  (void)page;
  HtmlPage after = ParseHtmlPage(inputs[10], TestLexicon());
  ASSERT_FALSE(after.blocks.empty());
  EXPECT_EQ(after.blocks.back().text, "still read");
}

}  // namespace
}  // namespace crosscheck

namespace crosscheck {
namespace {

TEST(HtmlBlocksTest, LayoutModifierClassesAreNotFurniture) {
  // "with-sidebar" describes the page's layout; "sidebar-box" is a sidebar.
  const char html[] =
      "<html><body><div class=\"layout with-sidebar\"><p>The story paragraph about the lighthouse "
      "keeper who retired after forty years on the rock.</p></div>"
      "<div class=\"sidebar-box\"><p>Weather for the week ahead in the northern isles.</p></div>"
      "</body></html>";
  HtmlPage page = ParseHtmlPage(html, TestLexicon());
  ASSERT_EQ(page.blocks.size(), 2u);
  EXPECT_EQ(page.blocks[0].markup_furniture, "");
  EXPECT_EQ(page.blocks[1].markup_furniture, "related");
}

TEST(HtmlBlocksTest, SmallArticlesOfAStoryListAreTeasers) {
  std::string story;
  for (int i = 0; i < 6; ++i) {
    story += "<p>The lighthouse keeper climbed the hundred and twelve steps every evening for "
             "forty years to light the lamp, whatever the weather over the northern isles.</p>";
  }
  std::string html = "<html><body><article>" + story + "</article>";
  for (const char* teaser : {"Harbour fees rise again", "Choir wins county prize", "Bakery reopens"}) {
    html += std::string("<article><h3>") + teaser + "</h3><p>A short line about it.</p></article>";
  }
  html += "</body></html>";
  HtmlPage page = ParseHtmlPage(html, TestLexicon());
  ASSERT_EQ(page.blocks.size(), 12u);
  EXPECT_TRUE(page.blocks[0].in_body_markup);
  EXPECT_EQ(page.blocks[0].markup_furniture, "");
  EXPECT_EQ(page.blocks[6].markup_furniture, "related");
  EXPECT_EQ(page.blocks[11].markup_furniture, "related");

  // One <article> beside one other is no list: both keep their markup's word.
  std::string pair = "<html><body><article>" + story + "</article><article><p>A short line.</p>"
                     "</article></body></html>";
  HtmlPage two = ParseHtmlPage(pair, TestLexicon());
  ASSERT_EQ(two.blocks.size(), 7u);
  EXPECT_EQ(two.blocks[6].markup_furniture, "");
}

TEST(HtmlBlocksTest, QuotesAndEmbeddedPosts) {
  // "social-media-embed" wraps a post embedded in the story; "photo-embed-caption" is a caption.
  const char html[] =
      "<html><body><div class=\"story-text\"><p>The ferry ran again on Saturday.</p>"
      "<div class=\"social-media-embed\"><blockquote class=\"post\"><p>First boat out in a week, "
      "the harbour is busy again</p>&mdash; Harbour Watch (@harbourwatch) May 4, 2021</blockquote>"
      "</div><div class=\"photo-embed-caption\">The quay at dawn.</div></div></body></html>";
  HtmlPage page = ParseHtmlPage(html, TestLexicon());
  ASSERT_EQ(page.blocks.size(), 4u);
  EXPECT_FALSE(page.blocks[0].in_quote);
  EXPECT_TRUE(page.blocks[1].in_quote);
  EXPECT_EQ(page.blocks[1].markup_furniture, "");
  EXPECT_TRUE(page.blocks[2].in_quote);
  EXPECT_EQ(page.blocks[2].markup_furniture, "");
  EXPECT_EQ(page.blocks[3].markup_furniture, "caption");
}

TEST(HtmlBlocksTest, TableRowsAndLeadingLinks) {
  const char html[] =
      "<html><body><table><tr><td>1</td><td>Ann Lowe</td><td>42 points</td></tr></table>"
      "<p><a href=\"/other\">Council approves the new ferry timetable</a> The vote came after a "
      "long debate about winter crossings.</p></body></html>";
  HtmlPage page = ParseHtmlPage(html, TestLexicon());
  ASSERT_EQ(page.blocks.size(), 2u);
  EXPECT_EQ(page.blocks[0].text, "1 Ann Lowe 42 points");
  EXPECT_GT(page.blocks[1].leading_link_share, 0.3);
  EXPECT_LT(page.blocks[1].leading_link_share, 0.6);
}

}  // namespace
}  // namespace crosscheck
