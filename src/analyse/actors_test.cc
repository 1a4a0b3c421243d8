#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "analyse/taggers.h"
#include "util/test_options.h"

namespace crosscheck {
namespace {

class ActorsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto made = ActorTagger::Create(TestOptions());
    ASSERT_TRUE(made.ok()) << made.status().ToString();
    tagger_ = std::move(made).value().release();
  }
  static void TearDownTestSuite() { delete tagger_; }
  static Document Tag(const std::string& text, const std::vector<PlaceMention>& places = {}) {
    Document doc;
    doc.main_text = text;
    doc.places = places;
    tagger_->Run(doc);
    return doc;
  }
  static const ActorMention* Find(const Document& doc, std::string_view written) {
    for (const ActorMention& a : doc.actors) {
      if (doc.Text(a.span) == written) return &a;
    }
    return nullptr;
  }
  static ActorTagger* tagger_;
};
ActorTagger* ActorsTest::tagger_ = nullptr;

TEST_F(ActorsTest, NameWithDescriptivePrefixAndAcronym) {
  Document doc = Tag("The monitors of the Britain-based Syrian Observatory for Human Rights (SOHR) "
                     "counted nine dead; SOHR later raised it, the Observatory said.");
  const ActorMention* a = Find(doc, "the Britain-based Syrian Observatory for Human Rights (SOHR)");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->name, "Syrian Observatory for Human Rights");
  EXPECT_EQ(a->type, ActorType::kNgo);
  ASSERT_NE(Find(doc, "SOHR"), nullptr);
  ASSERT_NE(Find(doc, "the Observatory"), nullptr);
  EXPECT_EQ(Find(doc, "the Observatory")->name, "Syrian Observatory for Human Rights");
}

TEST_F(ActorsTest, NoBreakSpacesAroundANameAreWordBoundaries) {
  Document doc = Tag("Later,\u00a0the\u00a0SOHR said the Syrian Network for Human Rights agreed.");
  ASSERT_NE(Find(doc, "SOHR"), nullptr);
  ASSERT_NE(Find(doc, "the Syrian Network for Human Rights"), nullptr);
}

TEST_F(ActorsTest, ContextAliasNeedsTheFullNameFirst) {
  Document doc = Tag("The Observatory at the hill top reopened for tourists.");
  EXPECT_EQ(Find(doc, "The Observatory"), nullptr);
}

TEST_F(ActorsTest, StateMediaWithSuffix) {
  Document doc = Tag("The official SANA news agency said troops repelled an attack.");
  const ActorMention* a = Find(doc, "The official SANA news agency");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->type, ActorType::kStateMedia);
  EXPECT_EQ(a->name, "Syrian Arab News Agency");
  ASSERT_NE(Find(doc, "troops"), nullptr);
  EXPECT_EQ(Find(doc, "troops")->type, ActorType::kMilitary);
}

TEST_F(ActorsTest, RoleNouns) {
  Document doc = Tag("Activists and residents said state media lied; witnesses and a medic agreed, "
                     "while opposition groups and a monitoring group gave other figures. Rebels "
                     "and militants fought government forces.");
  struct Want {
    const char* text;
    ActorType type;
  } wants[] = {{"Activists", ActorType::kActivist},        {"residents", ActorType::kWitness},
               {"state media", ActorType::kStateMedia},    {"witnesses", ActorType::kWitness},
               {"a medic", ActorType::kMedical},           {"opposition groups", ActorType::kOpposition},
               {"a monitoring group", ActorType::kNgo},    {"Rebels", ActorType::kArmedGroup},
               {"militants", ActorType::kArmedGroup},      {"government forces", ActorType::kMilitary}};
  for (const Want& w : wants) {
    const ActorMention* a = Find(doc, w.text);
    ASSERT_NE(a, nullptr) << w.text;
    EXPECT_EQ(a->type, w.type) << w.text;
  }
}

TEST_F(ActorsTest, DemonymRoleIsForeignOutsideTheDocumentsCountry) {
  PlaceMention syria;
  syria.place.country_code = "SY";
  Document doc = Tag("The Tunisian foreign minister condemned what the Syrian army did.", {syria});
  const ActorMention* foreign = Find(doc, "The Tunisian foreign minister");
  ASSERT_NE(foreign, nullptr);
  EXPECT_EQ(foreign->type, ActorType::kForeignGovernment);
  const ActorMention* army = Find(doc, "the Syrian army");
  ASSERT_NE(army, nullptr);
  EXPECT_EQ(army->type, ActorType::kMilitary);
  EXPECT_EQ(army->name, "Syrian army");
}

TEST_F(ActorsTest, AcronymsMatchOnlyInCapitals) {
  Document doc = Tag("It is said IS fighters held the town; the UN and Amnesty International objected.");
  ASSERT_NE(Find(doc, "IS"), nullptr);
  EXPECT_EQ(Find(doc, "IS")->name, "Islamic State");
  EXPECT_EQ(Find(doc, "is"), nullptr);
  ASSERT_NE(Find(doc, "the UN"), nullptr);
  EXPECT_EQ(Find(doc, "the UN")->type, ActorType::kInternationalOrg);
  ASSERT_NE(Find(doc, "Amnesty International"), nullptr);
  EXPECT_EQ(Find(doc, "Amnesty International")->type, ActorType::kNgo);
}

TEST_F(ActorsTest, ArmedGroupsAcrossConflicts) {
  Document doc = Tag("Al-Shabaab, JNIM, the RSF, the Houthis, HTS and the Taliban each issued claims; "
                     "Reuters and Doctors Without Borders reported them.");
  EXPECT_EQ(Find(doc, "Al-Shabaab")->type, ActorType::kArmedGroup);
  EXPECT_EQ(Find(doc, "JNIM")->type, ActorType::kArmedGroup);
  EXPECT_EQ(Find(doc, "the RSF")->name, "Rapid Support Forces");
  EXPECT_EQ(Find(doc, "the Houthis")->type, ActorType::kArmedGroup);
  EXPECT_EQ(Find(doc, "HTS")->name, "Hayat Tahrir al-Sham");
  ASSERT_NE(Find(doc, "the Taliban"), nullptr);
  EXPECT_EQ(Find(doc, "Reuters")->type, ActorType::kMedia);
  EXPECT_EQ(Find(doc, "Doctors Without Borders")->type, ActorType::kMedical);
}

TEST_F(ActorsTest, PlaceInsideAnOrganisationsNameIsDropped) {
  PlaceMention aleppo;
  aleppo.span = {4, 10};
  aleppo.place.name = "Aleppo";
  Document doc = Tag("The Aleppo Media Center posted a video.", {aleppo});
  ASSERT_NE(Find(doc, "The Aleppo Media Center"), nullptr);
  EXPECT_TRUE(doc.places.empty());
}

TEST_F(ActorsTest, UntrustedInputNeverCrashes) {
  for (std::string text : {std::string(""), std::string(" ("), std::string("SOHR ("), std::string("the"),
                           std::string("\xff\xfe activists"), std::string(3000, ' ')}) {
    Document doc = Tag(text);
    for (const ActorMention& a : doc.actors) EXPECT_LE(a.span.end, text.size());
  }
}

TEST(ActorsLexiconTest, UserLexiconAddsAnActorAndBadLinesNameFileAndLine) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("actors_lexicon_" + std::to_string(::getpid()));
  fs::create_directories(dir / "actors");
  std::ofstream(dir / "actors" / "actors.tsv") << "# mine\nRiver Valley Brigade\tarmed_group\tRVB\n";
  Options options = TestOptions();
  options.lexicon_dirs.push_back(dir.string());
  auto tagger = ActorTagger::Create(options);
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  Document doc;
  doc.main_text = "A commander of the RVB denied it.";
  (*tagger)->Run(doc);
  ASSERT_EQ(doc.actors.size(), 1u);
  EXPECT_EQ(doc.actors[0].name, "River Valley Brigade");
  EXPECT_EQ(doc.actors[0].type, ActorType::kArmedGroup);

  std::ofstream(dir / "actors" / "actors.tsv") << "# mine\n\nRiver Valley Brigade\tbrigade\n";
  auto bad = ActorTagger::Create(options);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("actors.tsv:3:"), std::string::npos) << bad.status().ToString();

  // The fifth field is the one country the actor fights in.
  std::ofstream(dir / "actors" / "actors.tsv") << "River Valley Brigade\tarmed_group\tRVB\t\tCF\n";
  auto with_country = ActorTagger::Create(options);
  ASSERT_TRUE(with_country.ok()) << with_country.status().ToString();
  doc = Document();
  doc.main_text = "The RVB took the bridge.";
  (*with_country)->Run(doc);
  ASSERT_EQ(doc.actors.size(), 1u);
  EXPECT_EQ(doc.actors[0].country_code, "CF");
  std::ofstream(dir / "actors" / "actors.tsv") << "River Valley Brigade\tarmed_group\tRVB\t\tCentral Africa\n";
  auto bad_country = ActorTagger::Create(options);
  ASSERT_FALSE(bad_country.ok());
  EXPECT_NE(bad_country.status().message().find("actors.tsv:1:"), std::string::npos);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck
