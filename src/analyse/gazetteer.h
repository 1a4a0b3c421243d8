// Gazetteer: the places the analyse stage can name, and the one-pass matcher over their names.
// Internal.
//
// Loaded once from
//   generated/gazetteer.tsv  countries, first-level regions and GeoNames towns
//                            (scripts/build-gazetteer.sh writes it; see data/README.md)
//   places/places.tsv        the project's own places: neighbourhoods, villages, camps, landmarks
//   places/aliases.tsv       other names of gazetteer places ("Edleb" for Idlib, "Britain")
//   places/demonyms.tsv      "Syrian" -> SY: country evidence, never a place itself
//   places/stopwords.tsv     capitalised words that are never place names on their own
// each read from the built-in data folder and then from every --lexicon folder.
//
// Thread-safety: immutable after Load.
#ifndef CROSSCHECK_ANALYSE_GAZETTEER_H_
#define CROSSCHECK_ANALYSE_GAZETTEER_H_

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "analyse/lexicon_matcher.h"
#include "analyse/phrase_lexicon.h"
#include "crosscheck/options.h"
#include "crosscheck/status.h"

namespace crosscheck {

enum class PlaceKind : uint8_t { kCountry, kAdmin1, kTown, kVillage, kNeighbourhood };

struct GazetteerEntry {
  std::string name;
  PlaceKind kind = PlaceKind::kTown;
  std::string country_code;     // ISO 3166-1 alpha-2
  int32_t admin1 = -1;          // entry index of the first-level region, -1 when unknown
  int32_t parent = -1;          // entry index of the town a neighbourhood lies in
  float lat = 0, lon = 0;
  bool has_coordinates = false;
  int64_t population = 0;
  int64_t geonames_id = 0;
  bool capital = false;         // national capital (GeoNames PPLC)
  bool region_seat = false;     // seat of a first-level region (PPLA)
  bool common_word = false;     // also an English word: "Reading", "Nice", "Of"
  bool curated = false;         // from the project's or the user's lexicon
};

class Gazetteer {
 public:
  // `generated_path`: the generated gazetteer to read instead of DataDir/generated/gazetteer.tsv
  // (tests give a small one); empty for the default.
  static Result<std::unique_ptr<Gazetteer>> Load(const Options& options,
                                                 const std::string& generated_path = "");

  const GazetteerEntry& entry(int32_t index) const { return entries_[index]; }
  size_t size() const { return entries_.size(); }
  const LexiconMatcher& matcher() const { return *matcher_; }

  // What a matched phrase names: gazetteer entries, or (for a demonym) a country code.
  std::span<const int32_t> EntriesOf(uint32_t phrase) const { return phrase_entries_[phrase]; }
  std::string_view DemonymOf(uint32_t phrase) const { return phrase_demonym_[phrase]; }
  bool IsStopword(std::string_view text) const;

  // The country entry of an ISO code, -1 when none.
  int32_t CountryEntry(std::string_view country_code) const;
  std::string_view CountryName(std::string_view country_code) const;

  // Entries whose transliteration skeleton (see Skeleton) is `skeleton`; empty when none.
  std::span<const int32_t> EntriesWithSkeleton(std::string_view skeleton) const;

  // Entries named `name` (exactly or by an alias, ignoring ASCII case); empty when none.
  std::span<const int32_t> Find(std::string_view name) const;

 private:
  Gazetteer() = default;
  Status ReadGenerated(const std::string& path);
  Status ReadLexicons(const Options& options);
  int32_t Add(GazetteerEntry entry, std::string_view aliases);
  void AddName(int32_t entry, std::string_view name);
  Status Finish();

  // Maps keyed by strings that string_views look up without a copy.
  template <typename V>
  using StringMap = std::unordered_map<std::string, V, StringViewHash, std::equal_to<>>;

  std::vector<GazetteerEntry> entries_;
  std::unordered_map<std::string, uint32_t> phrase_index_;  // exact phrase -> phrase id
  std::vector<std::string> phrases_;
  std::vector<std::vector<int32_t>> phrase_entries_;
  std::vector<std::string> phrase_demonym_;
  StringMap<std::vector<int32_t>> by_folded_name_;  // AsciiLower(name)
  StringMap<std::vector<int32_t>> by_skeleton_;
  StringMap<int32_t> countries_;
  std::unordered_map<std::string, int32_t> admin1_by_code_;  // "SY.11"
  std::unordered_set<std::string, StringViewHash, std::equal_to<>> stopwords_;  // AsciiLower
  std::unique_ptr<LexiconMatcher> matcher_;
};

// A key under which transliterations of one Arabic, Persian or Pashto name meet: lower case, no
// article ("al-", "el-", "ad-"...), no vowels, y/w as vowels, q as k, doubled letters single.
// "Khaldiyeh", "Khalidiya", "al-Khalidiyah" -> "khld"; "Bab Amr", "Baba Amr" -> "bbmr".
std::string Skeleton(std::string_view name);

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_GAZETTEER_H_
