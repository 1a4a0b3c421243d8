#include "analyse/gazetteer.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "util/test_options.h"

namespace crosscheck {
namespace {

const std::string kSource = CROSSCHECK_SOURCE_DIR;
const std::string kTestGazetteer = kSource + "/src/analyse/testdata/gazetteer.tsv";

// What the matcher finds in `text` (the longest match at each start only): the text matched and
// the names of the entries it may be, as "text=name|name".
std::vector<std::string> Named(const Gazetteer& gazetteer, std::string_view text) {
  std::vector<std::string> out;
  uint32_t last_end = 0;
  for (const LexiconMatcher::Match& m : gazetteer.matcher().FindAll(text)) {
    if (m.begin < last_end || gazetteer.EntriesOf(m.phrase).empty()) continue;
    std::string found = std::string(text.substr(m.begin, m.end - m.begin)) + "=";
    for (int32_t e : gazetteer.EntriesOf(m.phrase)) {
      found += (found.back() == '=' ? "" : "|") + gazetteer.entry(e).name;
    }
    out.push_back(found);
    last_end = m.end;
  }
  return out;
}

TEST(GazetteerTest, MatcherFindsNamesAliasesAndMultiWordRegions) {
  auto gazetteer = Gazetteer::Load(TestOptions(), kTestGazetteer);
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
  const Gazetteer& g = **gazetteer;
  // "Homs Governorate" is one multi-word name, longer than the town "Homs" at the same start.
  EXPECT_EQ(Named(g, "Shelling in Homs Governorate and in Homs."),
            (std::vector<std::string>{"Homs Governorate=Homs Governorate", "Homs=Homs Governorate|Homs"}));
  // Names are whole words, and a lower-case word is not a capitalised name.
  EXPECT_TRUE(Named(g, "Homsi homs").empty());
  EXPECT_FALSE(g.Find("HOMS").empty());
  EXPECT_TRUE(g.Find("Homsi").empty());
}

TEST(GazetteerTest, UserLexiconAddsAccentedMultiWordPlaces) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("gazetteer_lexicon_" + std::to_string(::getpid()));
  fs::create_directories(dir / "places");
  std::ofstream(dir / "places" / "places.tsv")
      << "Tall \u1e24am\u012bs\tTel Hamis\tvillage\tHoms Governorate\tSY\t36.73\t41.32\n";
  Options options = TestOptions();
  options.lexicon_dirs.push_back(dir.string());
  auto gazetteer = Gazetteer::Load(options, kTestGazetteer);
  ASSERT_TRUE(gazetteer.ok()) << gazetteer.status().ToString();
  const Gazetteer& g = **gazetteer;
  // As written, without its accents (folded by the matcher) and by its alias.
  EXPECT_EQ(Named(g, "Clashes near Tall \u1e24am\u012bs, Tall Hamis and Tel Hamis."),
            (std::vector<std::string>{"Tall \u1e24am\u012bs=Tall \u1e24am\u012bs",
                                      "Tall Hamis=Tall \u1e24am\u012bs", "Tel Hamis=Tall \u1e24am\u012bs"}));
  // Without the user's folder the name is unknown.
  auto plain = Gazetteer::Load(TestOptions(), kTestGazetteer);
  ASSERT_TRUE(plain.ok());
  EXPECT_TRUE(Named(**plain, "Clashes near Tall Hamis.").empty());
  fs::remove_all(dir);
}

}  // namespace
}  // namespace crosscheck
