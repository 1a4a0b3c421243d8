// The whole analyse stage on small texts: what the taggers decide together.
#include "analyse/analyzer.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "util/test_options.h"

namespace crosscheck {
namespace {

TEST(AnalyzerTest, ANumberInsideADateIsNoCount) {
  auto analyzer = Analyzer::Create(TestOptions());
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  Document doc;
  doc.main_text = "Around 9 May 2021, 4 farmers were shot near the river.";
  doc.published.date = Date{2021, 5, 10};
  ASSERT_TRUE((*analyzer)->Run(doc).ok());
  std::vector<std::string> counts;
  for (const NumberMention& n : doc.numbers) {
    if (n.kind == NumberKind::kCount) counts.emplace_back(doc.Text(n.span));
  }
  EXPECT_EQ(counts, std::vector<std::string>{"4"});
}

TEST(AnalyzerTest, AReportWithoutAPlaceIsPlacedInItsActorsCountry) {
  auto analyzer = Analyzer::Create(TestOptions());
  ASSERT_TRUE(analyzer.ok()) << analyzer.status().ToString();
  Document doc;
  doc.main_text = "Houthi fighters shelled farms near a hamlet, wounding two farmers.";
  ASSERT_TRUE((*analyzer)->Run(doc).ok());
  ASSERT_EQ(doc.places.size(), 1u);
  EXPECT_EQ(doc.places[0].place.country_code, "YE");
  EXPECT_EQ(doc.Text(doc.places[0].span), "Houthi");
  // A report that names a place keeps to it.
  doc = Document();
  doc.main_text = "Houthi fighters shelled farms near Hajjah, wounding two farmers.";
  ASSERT_TRUE((*analyzer)->Run(doc).ok());
  EXPECT_TRUE(std::none_of(doc.places.begin(), doc.places.end(),
                           [&](const PlaceMention& p) { return doc.Text(p.span) == "Houthi"; }));
}

}  // namespace
}  // namespace crosscheck
