// Gazetteer: reads the generated gazetteer and the place lexicons, and builds the name matcher.
#include "analyse/gazetteer.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "util/data_files.h"
#include "util/utf8.h"

namespace crosscheck {

namespace {

// Towns this small join the transliteration index only through the curated lexicons: a skeleton
// is a loose key, and a village's would collide with too many ordinary words.
constexpr int64_t kSkeletonMinPopulation = 10000;

bool ParseDouble(std::string_view s, double* out) {
  if (s.empty()) return false;
  std::string copy(s);
  char* end = nullptr;
  *out = std::strtod(copy.c_str(), &end);
  return end == copy.c_str() + copy.size() && std::isfinite(*out);
}

bool ParseInt(std::string_view s, int64_t* out) {
  if (s.empty()) {
    *out = 0;
    return true;
  }
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

std::string_view Field(const TsvLine& line, size_t i) {
  return i < line.fields.size() ? line.fields[i] : std::string_view();
}

template <typename Fn>
void ForEachAlias(std::string_view aliases, Fn fn) {
  while (!aliases.empty()) {
    size_t bar = aliases.find('|');
    std::string_view alias = aliases.substr(0, bar);
    while (!alias.empty() && alias.front() == ' ') alias.remove_prefix(1);
    while (!alias.empty() && alias.back() == ' ') alias.remove_suffix(1);
    if (!alias.empty()) fn(alias);
    if (bar == std::string_view::npos) break;
    aliases.remove_prefix(bar + 1);
  }
}

bool IsVowelLetter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

bool IsArticle(std::string_view w) {
  static constexpr std::string_view kArticles[] = {"al", "el", "ad", "ar", "as", "ash", "at", "az", "ez",
                                                   "ed", "es", "an", "en", "ul", "il", "adh", "ath", "aj"};
  if (w.size() < 2 || w.size() > 3) return false;  // most words: no comparisons
  for (std::string_view a : kArticles) {
    if (w == a) return true;
  }
  return false;
}

}  // namespace

std::string Skeleton(std::string_view name) {
  // Words of ASCII letters, lower-cased, without the article that transliterations write as
  // "al-", "el-", "ad-" or leave out (an article that ends the name is kept). This runs for many
  // words of every document: the letters stay on the stack.
  char letters[256];
  if (name.size() > sizeof(letters)) name = name.substr(0, sizeof(letters));  // no place name is longer
  size_t count = 0;
  auto lower = [&name](size_t k) {
    char c = name[k];
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  };
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && !(lower(i) >= 'a' && lower(i) <= 'z')) ++i;
    size_t start = i;
    while (i < name.size() && lower(i) >= 'a' && lower(i) <= 'z') letters[count++] = lower(i++);
    if (i == start) break;
    std::string_view word(letters + count - (i - start), i - start);
    if (i < name.size() && IsArticle(word)) count -= word.size();
  }
  std::string key;
  for (size_t k = 0; k < count; ++k) {
    char c = letters[k];
    if (c == 'q') c = 'k';
    // A final "h" after a vowel only marks the vowel: "Khalidiyah", "Hamah".
    if (c == 'h' && k + 1 == count && k > 0 && IsVowelLetter(letters[k - 1])) continue;
    if (IsVowelLetter(c) || c == 'w') continue;
    if (!key.empty() && key.back() == c) continue;
    key.push_back(c);
  }
  return key;
}

int32_t Gazetteer::Add(GazetteerEntry entry, std::string_view aliases) {
  int32_t index = static_cast<int32_t>(entries_.size());
  std::string name = entry.name;
  entries_.push_back(std::move(entry));
  AddName(index, name);
  ForEachAlias(aliases, [&](std::string_view alias) { AddName(index, alias); });
  return index;
}

void Gazetteer::AddName(int32_t entry, std::string_view name) {
  std::string phrase(name);
  auto [it, inserted] = phrase_index_.try_emplace(phrase, static_cast<uint32_t>(phrases_.size()));
  if (inserted) {
    phrases_.push_back(phrase);
    phrase_entries_.emplace_back();
    phrase_demonym_.emplace_back();
  }
  std::vector<int32_t>& targets = phrase_entries_[it->second];
  if (std::find(targets.begin(), targets.end(), entry) == targets.end()) targets.push_back(entry);
  std::vector<int32_t>& named = by_folded_name_[AsciiLower(name)];
  if (std::find(named.begin(), named.end(), entry) == named.end()) named.push_back(entry);

  const GazetteerEntry& e = entries_[entry];
  if (e.curated || e.kind == PlaceKind::kAdmin1 || e.kind == PlaceKind::kCountry ||
      e.population >= kSkeletonMinPopulation) {
    std::string key = Skeleton(name);
    if (key.size() >= 3) {
      std::vector<int32_t>& same = by_skeleton_[key];
      if (std::find(same.begin(), same.end(), entry) == same.end()) same.push_back(entry);
    }
  }
}

Status Gazetteer::ReadGenerated(const std::string& path) {
  return ReadTsv(path, [&](const TsvLine& line) -> Status {
    if (line.fields.size() < 11) return line.Error("expected at least 11 tab-separated fields");
    GazetteerEntry e;
    std::string_view kind = line.fields[0];
    if (kind == "country") {
      e.kind = PlaceKind::kCountry;
    } else if (kind == "admin1") {
      e.kind = PlaceKind::kAdmin1;
    } else if (kind == "town") {
      e.kind = PlaceKind::kTown;
    } else {
      return line.Error("unknown kind '" + std::string(kind) + "'");
    }
    e.name = std::string(line.fields[1]);
    if (e.name.empty()) return line.Error("empty name");
    e.country_code = std::string(line.fields[3]);
    double lat, lon;
    if (ParseDouble(line.fields[6], &lat) && ParseDouble(line.fields[7], &lon)) {
      e.lat = static_cast<float>(lat);
      e.lon = static_cast<float>(lon);
      e.has_coordinates = true;
    }
    if (!ParseInt(line.fields[8], &e.population) || !ParseInt(line.fields[9], &e.geonames_id)) {
      return line.Error("population and geonames_id must be integers");
    }
    std::string_view feature = line.fields[10];
    e.capital = feature == "PPLC";
    e.region_seat = feature == "PPLA" || feature == "PPLC";
    e.common_word = Field(line, 11) == "1";
    std::string region_key = e.country_code + "." + std::string(line.fields[4]);
    if (e.kind == PlaceKind::kTown) {
      auto region = admin1_by_code_.find(region_key);
      if (region != admin1_by_code_.end()) e.admin1 = region->second;
    }
    int32_t index = Add(std::move(e), line.fields[2]);
    if (kind == "country") countries_.emplace(entries_[index].country_code, index);
    if (kind == "admin1") {
      entries_[index].admin1 = index;
      admin1_by_code_.emplace(region_key, index);
    }
    return Status::Ok();
  });
}

namespace {
// Looks `text` up lower-cased (ASCII), without a heap copy for short text.
template <typename Map>
auto FindLowered(const Map& map, std::string_view text) {
  char buffer[64];
  if (text.size() > sizeof(buffer)) return map.find(AsciiLower(text));
  for (size_t k = 0; k < text.size(); ++k) {
    char c = text[k];
    buffer[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return map.find(std::string_view(buffer, text.size()));
}
}  // namespace

std::span<const int32_t> Gazetteer::Find(std::string_view name) const {
  auto it = FindLowered(by_folded_name_, name);
  if (it == by_folded_name_.end()) return {};
  return it->second;
}

Status Gazetteer::ReadLexicons(const Options& options) {
  // The best entry of `kind` named `name` in `country`: the most populous.
  auto find_in = [this](std::string_view name, std::string_view country,
                        std::initializer_list<PlaceKind> kinds) {
    int32_t best = -1;
    for (int32_t i : Find(name)) {
      const GazetteerEntry& e = entries_[i];
      if (e.country_code != country) continue;
      if (std::find(kinds.begin(), kinds.end(), e.kind) == kinds.end()) continue;
      if (best < 0 || e.population > entries_[best].population) best = i;
    }
    return best;
  };

  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "places/places.tsv", false, [&](const TsvLine& line) -> Status {
    if (line.fields.size() < 7) {
      return line.Error("expected 7 fields: name, aliases, kind, parent, country_code, lat, lon");
    }
    GazetteerEntry e;
    e.name = std::string(line.fields[0]);
    e.curated = true;
    std::string_view kind = line.fields[2];
    bool in_town = kind == "neighbourhood" || kind == "camp" || kind == "landmark";
    if (in_town) {
      e.kind = PlaceKind::kNeighbourhood;
    } else if (kind == "village") {
      e.kind = PlaceKind::kVillage;
    } else if (kind == "town") {
      e.kind = PlaceKind::kTown;
    } else {
      return line.Error("kind must be neighbourhood, camp, landmark, village or town, not '" +
                        std::string(kind) + "'");
    }
    if (e.name.empty()) return line.Error("empty name");
    e.country_code = std::string(line.fields[4]);
    if (e.country_code.size() != 2) return line.Error("country_code must be ISO 3166-1 alpha-2");
    double lat, lon;
    if (!ParseDouble(line.fields[5], &lat) || !ParseDouble(line.fields[6], &lon) ||
        std::abs(lat) > 90 || std::abs(lon) > 180) {
      return line.Error("lat and lon must be decimal degrees");
    }
    e.lat = static_cast<float>(lat);
    e.lon = static_cast<float>(lon);
    e.has_coordinates = true;
    std::string_view parent = line.fields[3];
    if (!parent.empty()) {
      // A neighbourhood's region and country are its town's; a village names its region.
      if (in_town) {
        e.parent = find_in(parent, e.country_code, {PlaceKind::kTown});
        if (e.parent >= 0) e.admin1 = entries_[e.parent].admin1;
      } else {
        e.admin1 = find_in(parent, e.country_code, {PlaceKind::kAdmin1});
      }
    }
    Add(std::move(e), line.fields[1]);
    return Status::Ok();
  }));

  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "places/aliases.tsv", false, [&](const TsvLine& line) -> Status {
    if (line.fields.size() < 4) return line.Error("expected 4 fields: alias, name, country_code, kind");
    std::string_view kind = line.fields[3];
    PlaceKind k;
    if (kind == "country") {
      k = PlaceKind::kCountry;
    } else if (kind == "admin1") {
      k = PlaceKind::kAdmin1;
    } else if (kind == "town") {
      k = PlaceKind::kTown;
    } else {
      return line.Error("kind must be country, admin1 or town");
    }
    if (line.fields[0].empty()) return line.Error("empty alias");
    int32_t target = find_in(line.fields[1], line.fields[2], {k});
    // A place the gazetteer in use lacks (a small test gazetteer) leaves its alias unused.
    if (target >= 0) AddName(target, line.fields[0]);
    return Status::Ok();
  }));

  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "places/demonyms.tsv", false, [&](const TsvLine& line) -> Status {
    if (line.fields.size() < 2 || line.fields[0].empty() || line.fields[1].size() != 2) {
      return line.Error("expected 2 fields: demonym, country_code (ISO 3166-1 alpha-2)");
    }
    std::string phrase(line.fields[0]);
    auto [it, inserted] = phrase_index_.try_emplace(phrase, static_cast<uint32_t>(phrases_.size()));
    if (inserted) {
      phrases_.push_back(phrase);
      phrase_entries_.emplace_back();
      phrase_demonym_.emplace_back();
    }
    phrase_demonym_[it->second] = std::string(line.fields[1]);
    return Status::Ok();
  }));

  return ReadTsvFiles(options, "places/stopwords.tsv", false, [&](const TsvLine& line) -> Status {
    if (line.fields.empty() || line.fields[0].empty()) return line.Error("empty stopword");
    stopwords_.insert(AsciiLower(line.fields[0]));
    return Status::Ok();
  });
}

Status Gazetteer::Finish() {
  auto made = LexiconMatcher::Create(phrases_);
  if (!made.ok()) return made.status();
  matcher_ = std::move(made).value();
  return Status::Ok();
}

Result<std::unique_ptr<Gazetteer>> Gazetteer::Load(const Options& options,
                                                   const std::string& generated_path) {
  std::unique_ptr<Gazetteer> g(new Gazetteer());
  // Sized for the generated gazetteer (about 140,000 places and 150,000 names): no rehashing.
  g->entries_.reserve(150000);
  g->phrases_.reserve(160000);
  g->phrase_entries_.reserve(160000);
  g->phrase_demonym_.reserve(160000);
  g->phrase_index_.reserve(160000);
  g->by_folded_name_.reserve(160000);
  g->by_skeleton_.reserve(80000);
  std::string path = generated_path.empty() ? DataDir(options) + "/generated/gazetteer.tsv" : generated_path;
  Status read = g->ReadGenerated(path);
  if (!read.ok()) {
    if (read.code() == Status::Code::kIOError) {
      return Status::NotFound("gazetteer " + path + " is missing: run scripts/build-gazetteer.sh");
    }
    return read;
  }
  CROSSCHECK_RETURN_IF_ERROR(g->ReadLexicons(options));
  CROSSCHECK_RETURN_IF_ERROR(g->Finish());
  return g;
}

bool Gazetteer::IsStopword(std::string_view text) const {
  return FindLowered(stopwords_, text) != stopwords_.end();
}

int32_t Gazetteer::CountryEntry(std::string_view country_code) const {
  auto it = countries_.find(country_code);
  return it == countries_.end() ? -1 : it->second;
}

std::string_view Gazetteer::CountryName(std::string_view country_code) const {
  int32_t i = CountryEntry(country_code);
  return i < 0 ? std::string_view() : std::string_view(entries_[i].name);
}

std::span<const int32_t> Gazetteer::EntriesWithSkeleton(std::string_view skeleton) const {
  auto it = by_skeleton_.find(skeleton);
  if (it == by_skeleton_.end()) return {};
  return it->second;
}

}  // namespace crosscheck
