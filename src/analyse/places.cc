// PlaceTagger: finds place names with the gazetteer's one-pass matcher and resolves each to one
// gazetteer entry in the context of its document.
//
// Resolution weighs, for each candidate entry: a prior (population; countries, regions and
// curated places above towns), agreement with the countries the document names ("Syria",
// "Syrian"), the place nouns around the name ("Idlib province", "the village of X", "the X
// neighbourhood of Y", "X, a suburb of Y", "Y's X district", "the Egyptian capital") and, in a
// second round, the places already resolved. Names that are also English words ("Reading") need
// a locative before them; a name beside another capitalised word (a person's name) needs a large
// place; a place noun pattern can name a place the gazetteer lacks, placed by its parent.
#include "analyse/places.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <bitset>
#include <cctype>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "analyse/gazetteer.h"
#include "util/data_files.h"
#include "util/utf8.h"

namespace crosscheck {

namespace {

// ---- Words ----------------------------------------------------------------------------------

struct Word {
  uint32_t begin;
  uint32_t end;       // without a possessive "'s"
  bool possessive;    // "Aleppo's"
  bool capitalized;   // "Homs", "al-Inshaat" (an article joined to a capitalised name)
  bool sentence_start;
};

bool IsNonAsciiUpperAt(std::string_view text, size_t i) {
  int32_t k = static_cast<int32_t>(i);
  UChar32 cp;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), k, static_cast<int32_t>(text.size()), cp);
  return cp >= 0 && u_isupper(cp);
}

// Runs for every word of a document: the ASCII test is inline.
inline bool IsUpperAt(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return IsNonAsciiUpperAt(text, i);
}

bool IsNonAsciiWordCharAt(std::string_view text, size_t i, size_t* length) {
  int32_t k = static_cast<int32_t>(i);
  UChar32 cp;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), k, static_cast<int32_t>(text.size()), cp);
  *length = static_cast<size_t>(k) - i;
  return cp >= 0 && u_isalnum(cp);
}

// Runs for every byte of a document: the ASCII test is inline.
inline bool IsWordCharAt(std::string_view text, size_t i, size_t* length) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *length = 1;
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  return IsNonAsciiWordCharAt(text, i, length);
}

bool IsApostrophe(std::string_view text, size_t i, size_t* length) {
  if (text[i] == '\'') {
    *length = 1;
    return true;
  }
  // Checked at the end of every word: the first byte rules out nearly all.
  if (static_cast<unsigned char>(text[i]) == 0xE2 && text.substr(i, 3) == "\u2019") {
    *length = 3;
    return true;
  }
  return false;
}

// ASCII letters and digits, by byte: SplitWords tests every byte of a document.
constexpr auto kAsciiWordByte = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 128; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return table;
}();

// What a byte is to SplitWords, so that most bytes take one table lookup.
enum class ByteKind : uint8_t {
  kOther,          // ASCII space and punctuation
  kWord,           // ASCII letter or digit
  kOpensSentence,  // '.', '!', '?', '\n', ':', '"': the next word starts a sentence
  kNonAscii,       // part of a multi-byte character: ask Unicode
};
constexpr auto kByteKinds = [] {
  std::array<ByteKind, 256> table{};
  for (int c = 0; c < 256; ++c) {
    if (c >= 0x80) {
      table[c] = ByteKind::kNonAscii;
    } else if (kAsciiWordByte[c]) {
      table[c] = ByteKind::kWord;
    } else if (c == '.' || c == '!' || c == '?' || c == '\n' || c == ':' || c == '"') {
      table[c] = ByteKind::kOpensSentence;
    }
  }
  return table;
}();

// Words: letters and digits, joined by inner hyphens and apostrophes ("al-Inshaat", "Ma'arat").
std::vector<Word> SplitWords(std::string_view text) {
  std::vector<Word> words;
  words.reserve(text.size() / 5 + 8);  // English words and their spaces average about 6 bytes
  const size_t n = text.size();
  auto byte = [text](size_t k) { return static_cast<unsigned char>(text[k]); };
  size_t i = 0;
  bool next_starts_sentence = true;
  while (i < n) {
    size_t len = 1;
    switch (kByteKinds[byte(i)]) {
      case ByteKind::kOther:
        ++i;
        continue;
      case ByteKind::kOpensSentence:
        next_starts_sentence = true;
        ++i;
        continue;
      case ByteKind::kNonAscii:
        if (IsNonAsciiWordCharAt(text, i, &len)) break;
        if (byte(i) == 0xE2 && text.substr(i, 3) == "\u201C") next_starts_sentence = true;
        i += len ? len : 1;
        continue;
      case ByteKind::kWord:
        break;
    }
    Word w{static_cast<uint32_t>(i), 0, false, false, next_starts_sentence};
    next_starts_sentence = false;
    size_t j = i;
    while (j < n) {
      // Most words are ASCII letters only: skip them a byte at a time, with no other test.
      while (j < n && kAsciiWordByte[byte(j)]) ++j;
      if (j >= n) break;
      if (byte(j) >= 0x80 && IsNonAsciiWordCharAt(text, j, &len)) {
        j += len;
        continue;
      }
      size_t joiner = 0;
      if (text[j] == '-') joiner = 1;
      else IsApostrophe(text, j, &joiner);
      if (joiner && j + joiner < n && IsWordCharAt(text, j + joiner, &len)) {
        j += joiner;
        continue;
      }
      break;
    }
    w.end = static_cast<uint32_t>(j);
    std::string_view word = text.substr(i, j - i);
    // Possessive "'s" (and "s'" left alone): "Homs's", "Aleppo’s".
    // Most words do not end in 's': test that first.
    if (word.back() == 's') {
      static constexpr std::string_view kPossessives[] = {"'s", "\u2019s"};
      for (std::string_view suffix : kPossessives) {
        if (word.size() > suffix.size() && word.ends_with(suffix)) {
          w.end -= static_cast<uint32_t>(suffix.size());
          w.possessive = true;
          break;
        }
      }
    }
    w.capitalized = IsUpperAt(text, i);
    if (!w.capitalized) {
      // "al-Inshaat", "el-Shami": a lower-case article joined to a name. Only the first 4 bytes
      // can hold its hyphen: no search of the whole word.
      size_t hyphen = word.substr(0, 4).find('-');
      if (hyphen != std::string_view::npos && i + hyphen + 1 < j) {
        w.capitalized = IsUpperAt(text, i + hyphen + 1);
      }
    }
    words.push_back(w);
    i = j;
  }
  return words;
}

bool IsArticleWord(std::string_view w) {
  if (w.size() < 2 || w.size() > 3) return false;  // most words: no comparisons
  return w == "al" || w == "el" || w == "ad" || w == "ar" || w == "as" || w == "ash" || w == "at" ||
         w == "az" || w == "ez" || w == "ed" || w == "es" || w == "an" || w == "en" || w == "de";
}

// Towns smaller than this are not found by a spelling variant (a stripped article, a changed
// final vowel): too many small towns share a short core name.
constexpr int64_t kVariantMinPopulation = 10000;
// Without a country to go by, a transliteration is trusted only for a region or a large town
// whose letters it nearly shares ("Nassriya" for Nasiriyah).
constexpr int64_t kNoContextFuzzyMinPopulation = 100000;
constexpr double kNoContextMinSimilarity = 0.75;
// A town in a country the document does not name is read as that town only when it is at least
// this large (a capital, a large city: "Istanbul" in a report about Syria).
constexpr int64_t kForeignTownMinPopulation = 100000;
// A line this long with nearly every word capitalised is a headline in title case.
constexpr size_t kMinTitleWords = 4;

// The countries a document is about, by weight: a demonym, a country or a region named. A
// document names few, and they are looked up for every reading of every name: a short list
// searched in order costs less than hashing.
class CountryEvidence {
 public:
  void Add(std::string_view country, double weight) {
    for (auto& [code, w] : weights_) {
      if (code == country) {
        w += weight;
        return;
      }
    }
    weights_.emplace_back(std::string(country), weight);
  }
  bool empty() const { return weights_.empty(); }
  bool Has(std::string_view country) const { return Find(country) != nullptr; }
  double Weight(std::string_view country) const {
    const double* w = Find(country);
    return w ? *w : 0;
  }
  double MaxWeight() const {
    double best = 0;
    for (const auto& [code, w] : weights_) best = std::max(best, w);
    return best;
  }
  // The heaviest country, the first in code order on a tie; "" when none weighs above 0.
  std::string Top() const {
    std::string top;
    double best = 0;
    for (const auto& [code, w] : weights_) {
      if (w > best || (w == best && code < top)) {
        best = w;
        top = code;
      }
    }
    return top;
  }

 private:
  const double* Find(std::string_view country) const {
    for (const auto& [code, w] : weights_) {
      if (code == country) return &w;
    }
    return nullptr;
  }
  std::vector<std::pair<std::string, double>> weights_;
};

// Whether the text also writes `word` all in lower case, as a whole word: then it is a common
// word ("shelling"), capitalised only in a headline or at a sentence start.
bool WrittenInLowerCase(std::string_view text, std::string_view word) {
  std::string lower = AsciiLower(word);
  if (lower == word) return false;
  for (size_t at = text.find(lower); at != std::string_view::npos; at = text.find(lower, at + 1)) {
    bool starts = at == 0 || !std::isalnum(static_cast<unsigned char>(text[at - 1]));
    size_t end = at + lower.size();
    bool ends = end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
    if (starts && ends) return true;
  }
  return false;
}

// Other spellings of a name as transliterations vary them: hyphens as spaces, without the
// leading article, and the final vowel written -a, -ah or -eh. Lower case.
std::vector<std::string> SpellingVariants(std::string_view name) {
  std::string lower = AsciiLower(name);
  std::vector<std::string> bases{lower};
  std::string spaced = lower;
  std::replace(spaced.begin(), spaced.end(), '-', ' ');
  if (spaced != lower) bases.push_back(spaced);
  size_t first_break = spaced.find(' ');
  if (first_break != std::string::npos && IsArticleWord(spaced.substr(0, first_break)) &&
      first_break + 1 < spaced.size()) {
    bases.push_back(spaced.substr(first_break + 1));
  }
  std::vector<std::string> out;
  auto add = [&out, &lower](std::string v) {
    if (v != lower && std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  };
  for (const std::string& b : bases) {
    add(b);
    std::string_view stem(b);
    if (stem.ends_with("eh")) {
      stem.remove_suffix(2);
      add(std::string(stem) + "ah");
      add(std::string(stem) + "a");
    } else if (stem.ends_with("ah")) {
      stem.remove_suffix(2);
      add(std::string(stem) + "a");
      add(std::string(stem) + "eh");
    } else if (stem.ends_with("a")) {
      add(b + "h");
    }
  }
  return out;
}

// ---- Place nouns ----------------------------------------------------------------------------

enum class NounClass : uint8_t { kNeighbourhood, kTown, kAdmin1, kCapital };

struct PlaceNoun {
  NounClass cls;
  bool plural;
};

// Lower-case noun -> its class; looked up by string_view.
using NounMap = std::unordered_map<std::string, PlaceNoun, StringViewHash, std::equal_to<>>;

// ---- Candidates -----------------------------------------------------------------------------

struct Candidate {
  Span span;
  uint32_t w0 = 0, w1 = 0;          // words [w0, w1)
  std::vector<int32_t> entries;     // empty for a place only a pattern names
  bool fuzzy = false;               // found by transliteration skeleton
  bool dropped = false;             // merged into a longer name a pattern found
  bool beside_name = false;         // next to another capitalised word
  bool after_locative = false;      // "in X", "near X"
  bool bare_after_the = false;      // "the X" modifying nothing: "outside the Saray and ..."
  // What the words around it say.
  bool want_admin1 = false, want_town = false, want_neighbourhood = false, want_capital = false;
  std::string want_country;
  int parent = -1;                  // candidate index of the place it lies in
  std::vector<int> children;        // candidates said to lie in this one
  int chosen = -1;                  // entry index after resolution
  double confidence = 0;
};

class PlaceTaggerImpl final : public PlaceTagger {
 public:
  PlaceTaggerImpl(std::unique_ptr<Gazetteer> gazetteer,
                  NounMap nouns,
                  std::unordered_map<std::string, bool> locatives)
      : gaz_(std::move(gazetteer)), nouns_(std::move(nouns)), locatives_(std::move(locatives)) {
    for (const auto& [noun, kind] : nouns_) {
      if (noun.size() <= kMaxNounLength && noun[0] >= 'a' && noun[0] <= 'z') {
        noun_starts_.set(StartIndex(noun[0], noun.size() > 1 ? noun[1] : '\0'));
        noun_lengths_ |= 1u << noun.size();
      }
    }
  }

  void Run(Document& doc, std::span<const uint32_t> word_starts) const override;
  std::optional<Place> CountryPlace(std::string_view country_code) const override {
    int32_t entry = gaz_->CountryEntry(country_code);
    if (entry < 0) return std::nullopt;
    return MakePlace(entry);
  }

 private:
  const PlaceNoun* NounAt(std::string_view text, const Word& w) const {
    // Most words are not place nouns; their length and first two letters tell without hashing.
    size_t length = w.end - w.begin;
    if (length > kMaxNounLength || !(noun_lengths_ & (1u << length)) ||
        !noun_starts_.test(StartIndex(text[w.begin], length > 1 ? text[w.begin + 1] : '\0'))) {
      return nullptr;
    }
    char lower[kMaxNounLength];
    for (size_t k = 0; k < length; ++k) {
      char c = text[w.begin + k];
      lower[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    auto it = nouns_.find(std::string_view(lower, length));
    return it == nouns_.end() ? nullptr : &it->second;
  }
  double Score(const Candidate& c, int32_t entry, const CountryEvidence& evidence,
               const std::string& top_country, const std::vector<Candidate>& all) const;
  Place MakePlace(int32_t entry) const;

  // The first two bytes of a word, ASCII letters folded to lower case, as an index into
  // noun_starts_: 27 * 27 values, where 26 stands for any byte but a letter (or no byte).
  static size_t StartIndex(char first, char second) {
    auto letter = [](char c) {
      auto lower = static_cast<unsigned char>(c | 0x20);
      return lower >= 'a' && lower <= 'z' ? size_t{lower} - 'a' : size_t{26};
    };
    return letter(first) * 27 + letter(second);
  }

  static constexpr size_t kMaxNounLength = 24;  // longer nouns are not read
  std::unique_ptr<Gazetteer> gaz_;
  NounMap nouns_;
  std::bitset<27 * 27> noun_starts_;  // some noun starts with these two bytes (StartIndex)
  uint32_t noun_lengths_ = 0;         // bit n: some noun is n bytes long
  std::unordered_map<std::string, bool> locatives_;
};

std::string_view WordText(std::string_view text, const Word& w) {
  return text.substr(w.begin, w.end - w.begin);
}

// The capitalised run of words ending at word `last` (inclusive), at most 4 words; articles
// may stand inside it ("Deir ez Zor"). Returns the first word, or -1.
int RunEndingAt(std::string_view text, const std::vector<Word>& words, int last) {
  if (last < 0 || !words[last].capitalized) return -1;
  int first = last;
  while (first > 0 && last - first < 3) {
    const Word& prev = words[first - 1];
    std::string_view gap = text.substr(prev.end, words[first].begin - prev.end);
    if (gap != " " && gap != "-") break;
    if (prev.possessive) break;
    if (prev.capitalized && !words[first].sentence_start) {
      first--;
    } else if (IsArticleWord(AsciiLower(WordText(text, prev))) && first - 1 > 0 &&
               words[first - 2].capitalized) {
      first -= 2;
    } else {
      break;
    }
  }
  return first;
}

int RunStartingAt(std::string_view text, const std::vector<Word>& words, int start) {
  if (start < 0 || start >= static_cast<int>(words.size()) || !words[start].capitalized) return -1;
  int last = start;
  while (last + 1 < static_cast<int>(words.size()) && last - start < 3 && !words[last].possessive) {
    const Word& next = words[last + 1];
    std::string_view gap = text.substr(words[last].end, next.begin - words[last].end);
    if (gap != " " && gap != "-") break;
    if (next.capitalized && !next.sentence_start) {
      last++;
    } else if (IsArticleWord(AsciiLower(WordText(text, next))) && last + 2 < static_cast<int>(words.size()) &&
               words[last + 2].capitalized) {
      last += 2;
    } else {
      break;
    }
  }
  return last;
}

// The first letters after any article agree, or both are vowels ("Edleb", "Idlib").
bool SameInitial(std::string_view a, std::string_view b) {
  auto initial = [](std::string_view s) {
    std::string lower = AsciiLower(s);
    for (std::string_view article : {"al-", "el-", "al ", "el ", "ad-", "ar-", "as-", "ash-", "at-", "az-", "an-"}) {
      if (lower.starts_with(article) && lower.size() > article.size()) {
        lower.erase(0, article.size());
        break;
      }
    }
    return lower.empty() ? '\0' : lower[0];
  };
  char x = initial(a), y = initial(b);
  auto vowel = [](char c) { return std::string_view("aeiou").find(c) != std::string_view::npos; };
  return x == y || (vowel(x) && vowel(y));
}

// Letters in common (longest common subsequence of the ASCII letters, without a leading
// article) over the longer word's letters.
double LetterSimilarity(std::string_view a, std::string_view b) {
  auto letters = [](std::string_view s) {
    std::string out;
    for (char c : AsciiLower(s)) {
      if (c >= 'a' && c <= 'z') out.push_back(c);
    }
    for (std::string_view article : {"al", "el"}) {
      if (out.size() > 4 && out.starts_with(article) && AsciiLower(s).starts_with(std::string(article) + "-")) {
        out.erase(0, 2);
      }
    }
    return out;
  };
  std::string x = letters(a), y = letters(b);
  if (x.empty() || y.empty() || x.size() > 64 || y.size() > 64) return 0;
  std::vector<int> row(y.size() + 1, 0), prev(y.size() + 1, 0);
  for (char cx : x) {
    for (size_t j = 1; j <= y.size(); ++j) {
      row[j] = cx == y[j - 1] ? prev[j - 1] + 1 : std::max(prev[j], row[j - 1]);
    }
    std::swap(row, prev);
  }
  return static_cast<double>(prev[y.size()]) / static_cast<double>(std::max(x.size(), y.size()));
}

double PopulationPrior(const GazetteerEntry& e) {
  switch (e.kind) {
    case PlaceKind::kCountry: return 8.5;
    case PlaceKind::kAdmin1: return 4.5;
    case PlaceKind::kNeighbourhood: return e.curated ? 5.5 : 3;
    case PlaceKind::kVillage: return e.curated ? 5 : 3;
    case PlaceKind::kTown: break;
  }
  double prior = std::log10(static_cast<double>(e.population) + 10.0);
  if (e.curated) prior = std::max(prior, 5.5);
  if (e.capital) prior += 1.5;
  if (e.region_seat) prior += 0.5;
  return prior;
}

double PlaceTaggerImpl::Score(const Candidate& c, int32_t index,
                              const CountryEvidence& evidence,
                              const std::string& top_country, const std::vector<Candidate>& all) const {
  const GazetteerEntry& e = gaz_->entry(index);
  double score = PopulationPrior(e);
  if (!top_country.empty() && e.country_code == top_country) {
    score += 3;
  } else if (evidence.Weight(e.country_code) > 0) {
    score += 1.5;
  }
  if (e.common_word) score -= 2;
  if (c.want_admin1) score += e.kind == PlaceKind::kAdmin1 ? 10 : 0;
  if (c.want_neighbourhood && e.kind == PlaceKind::kNeighbourhood) score += 5;
  if (c.want_town && (e.kind == PlaceKind::kTown || e.kind == PlaceKind::kVillage)) score += 2;
  if (c.want_capital && e.capital) score += 6;
  if (!c.want_country.empty()) score += e.country_code == c.want_country ? 8 : -4;
  // A place and the place it is said to lie in are chosen together: each scores for the readings
  // of the other that agree with it ("Cairo, a town in Georgia" is Georgia's Cairo).
  auto contains = [this](int32_t outer, int32_t inner) {
    const GazetteerEntry& o = gaz_->entry(outer);
    const GazetteerEntry& i = gaz_->entry(inner);
    return i.parent == outer || (o.kind == PlaceKind::kAdmin1 && i.admin1 == outer) ||
           (o.kind == PlaceKind::kCountry && i.country_code == o.country_code);
  };
  if (c.parent >= 0) {
    const Candidate& p = all[c.parent];
    if (std::any_of(p.entries.begin(), p.entries.end(), [&](int32_t pe) { return contains(pe, index); })) {
      score += 10;
    }
  }
  for (int child : c.children) {
    const Candidate& k = all[child];
    if (std::any_of(k.entries.begin(), k.entries.end(), [&](int32_t ke) { return contains(index, ke); })) {
      score += 5;
    }
  }
  return score;
}

Place PlaceTaggerImpl::MakePlace(int32_t index) const {
  const GazetteerEntry& e = gaz_->entry(index);
  Place p;
  p.name = e.name;
  if (e.admin1 >= 0) p.admin1 = gaz_->entry(e.admin1).name;
  p.country_code = e.country_code;
  p.country = std::string(gaz_->CountryName(e.country_code));
  if (e.has_coordinates) {
    p.lat = std::round(e.lat * 1e5) / 1e5;
    p.lon = std::round(e.lon * 1e5) / 1e5;
  }
  switch (e.kind) {
    case PlaceKind::kCountry: p.precision = PlacePrecision::kCountry; break;
    case PlaceKind::kAdmin1: p.precision = PlacePrecision::kAdmin1; break;
    case PlaceKind::kTown:
    case PlaceKind::kVillage: p.precision = PlacePrecision::kTown; break;
    case PlaceKind::kNeighbourhood: p.precision = PlacePrecision::kNeighbourhood; break;
  }
  if (e.parent >= 0) p.parent = gaz_->entry(e.parent).name;
  p.geonames_id = e.geonames_id;
  return p;
}

void PlaceTaggerImpl::Run(Document& doc, std::span<const uint32_t> word_starts) const {
  doc.places.clear();
  std::string_view text = doc.main_text;
  if (text.empty() || text.size() > UINT32_MAX / 2) return;
  std::vector<Word> words = SplitWords(text);
  auto word_at = [&words](uint32_t offset) {  // the word starting at or after offset
    return static_cast<int>(std::lower_bound(words.begin(), words.end(), offset,
                                             [](const Word& w, uint32_t o) { return w.begin < o; }) -
                            words.begin());
  };

  // 1. Matches, longest first where they overlap; demonyms become country evidence.
  std::vector<Candidate> cands;
  CountryEvidence evidence;
  struct Demonym {
    int word;
    std::string country;
  };
  std::vector<Demonym> demonyms;
  std::vector<uint8_t> covered(words.size(), 0);
  uint32_t last_end = 0;
  for (const LexiconMatcher::Match& m : gaz_->matcher().FindAll(text, word_starts)) {
    if (m.begin < last_end) continue;
    int w0 = word_at(m.begin);
    if (w0 >= static_cast<int>(words.size()) || words[w0].begin != m.begin) continue;
    int w1 = w0;
    while (w1 < static_cast<int>(words.size()) && words[w1].begin < m.end) ++w1;
    // "Rabat" in "Rabat-e Sangi": a name is whole words, not the head of a hyphenated one.
    if (words[w1 - 1].end != m.end) continue;
    std::string_view found = text.substr(m.begin, m.end - m.begin);
    if (!gaz_->DemonymOf(m.phrase).empty()) {
      demonyms.push_back({w0, std::string(gaz_->DemonymOf(m.phrase))});
      evidence.Add(demonyms.back().country, 1);
      for (int w = w0; w < w1; ++w) covered[w] = 1;
      last_end = m.end;
      continue;
    }
    if (gaz_->IsStopword(found)) continue;
    std::span<const int32_t> entries = gaz_->EntriesOf(m.phrase);
    // "UN", "IS": an acronym in the text is not the town "Un" or "Is".
    bool all_caps = found.size() <= 4 && std::none_of(found.begin(), found.end(), [](char ch) {
                      return ch >= 'a' && ch <= 'z';
                    });
    if (all_caps && std::any_of(gaz_->entry(entries[0]).name.begin(), gaz_->entry(entries[0]).name.end(),
                                [](char ch) { return ch >= 'a' && ch <= 'z'; })) {
      continue;
    }
    Candidate c;
    c.span = {m.begin, m.end};
    c.w0 = static_cast<uint32_t>(w0);
    c.w1 = static_cast<uint32_t>(w1);
    c.entries.assign(entries.begin(), entries.end());
    cands.push_back(std::move(c));
    for (int w = w0; w < w1; ++w) covered[w] = 1;
    last_end = m.end;
  }
  for (const Candidate& c : cands) {
    for (int32_t i : c.entries) {
      const GazetteerEntry& e = gaz_->entry(i);
      if (c.entries.size() == 1 && e.kind == PlaceKind::kCountry) evidence.Add(e.country_code, 2);
    }
  }

  // 1b. Spellings the gazetteer holds in another form: "Deir-ez-Zor" (Deir ez Zor), "Ar-Raqqa"
  // (Ar Raqqah), "Al-Hasakeh" (Al Hasakah). These change only hyphens, a leading article and the
  // final vowel, so they are safe without knowing the document's country.
  // One word at a time: a hyphenated name is one word, and other names the gazetteer lacks are
  // left to the transliteration step.
  for (int w = 0; w < static_cast<int>(words.size()); ++w) {
    if (covered[w] || !words[w].capitalized) continue;
    {
      const int end = w;
      std::string_view run = text.substr(words[w].begin, words[end].end - words[w].begin);
      // Only hyphens and a final -a/-ah/-eh make variants; most capitalised words have neither.
      if (run.size() < 4 || (run.find('-') == std::string_view::npos && run.back() != 'a' && run.back() != 'h')) {
        continue;
      }
      if (gaz_->IsStopword(run)) continue;
      std::vector<int32_t> found;
      for (const std::string& variant : SpellingVariants(run)) {
        for (int32_t i : gaz_->Find(variant)) {
          const GazetteerEntry& e = gaz_->entry(i);
          bool notable = e.kind == PlaceKind::kAdmin1 || e.kind == PlaceKind::kCountry || e.curated ||
                         e.population >= kVariantMinPopulation;
          if (notable && std::find(found.begin(), found.end(), i) == found.end()) found.push_back(i);
        }
      }
      if (found.empty()) continue;
      Candidate c;
      c.span = {words[w].begin, words[end].end};
      c.w0 = static_cast<uint32_t>(w);
      c.w1 = static_cast<uint32_t>(end + 1);
      c.entries = std::move(found);
      covered[w] = 1;
      cands.push_back(std::move(c));
    }
  }
  // A region named without its country still says which country the document is about
  // ("Deir-ez-Zor", "Nimruz"), when every reading of the name lies in one country.
  for (const Candidate& c : cands) {
    if (c.entries.empty()) continue;
    const std::string& cc = gaz_->entry(c.entries[0]).country_code;
    bool one_country = std::all_of(c.entries.begin(), c.entries.end(),
                                   [&](int32_t i) { return gaz_->entry(i).country_code == cc; });
    bool region = std::any_of(c.entries.begin(), c.entries.end(),
                              [&](int32_t i) { return gaz_->entry(i).kind == PlaceKind::kAdmin1; });
    if (one_country && region && !cc.empty()) evidence.Add(cc, 1);
  }

  // 2. Transliteration variants of places in the document's countries: "Khalidiya" for Khaldiyeh.
  // A document that names no country gets only regions and large towns this way.
  {
    const bool knows_country = !evidence.empty();
    for (int w = 0; w < static_cast<int>(words.size()); ++w) {
      if (covered[w] || !words[w].capitalized) continue;
      int last = RunStartingAt(text, words, w);
      for (int end = last; end >= w; --end) {
        bool free = true;
        for (int k = w; k <= end; ++k) free = free && !covered[k];
        if (!free) continue;
        std::string_view run = text.substr(words[w].begin, words[end].end - words[w].begin);
        // Cheap tests first: this runs for every capitalised word no name covers.
        if (run.size() < (knows_country ? 4u : 6u)) continue;
        // Acronyms ("SOHR") are not transliterations.
        if (std::none_of(run.begin(), run.end(), [](char ch) { return ch >= 'a' && ch <= 'z'; })) continue;
        if (gaz_->IsStopword(run)) continue;
        // Without a country, only a name that the words around it call a place: "protested in
        // Nassriya city", not "Region" in a page's menu.
        bool locative_or_noun = knows_country;
        if (!knows_country) {
          std::string prev = w > 0 ? AsciiLower(WordText(text, words[w - 1])) : "";
          locative_or_noun = locatives_.count(prev) > 0 ||
                             (end + 1 < static_cast<int>(words.size()) && NounAt(text, words[end + 1]) != nullptr);
          if (!locative_or_noun) continue;
        }
        std::string key = Skeleton(run);
        std::vector<int32_t> found;
        for (int32_t i : gaz_->EntriesWithSkeleton(key)) {
          const GazetteerEntry& e = gaz_->entry(i);
          if (knows_country) {
            if (!evidence.Has(e.country_code) || !(key.size() >= 4 || e.curated)) continue;
          } else if (!locative_or_noun || key.size() < 3 ||
                     !(e.kind == PlaceKind::kAdmin1 || e.population >= kNoContextFuzzyMinPopulation) ||
                     LetterSimilarity(run, e.name) < kNoContextMinSimilarity) {
            continue;
          }
          // Transliterations differ in vowels, not in the consonant they start with, and share
          // most of their letters ("Square" is not "Sukkari").
          if (!SameInitial(run, e.name) || LetterSimilarity(run, e.name) < 0.65) continue;
          found.push_back(i);
        }
        if (found.empty() || WrittenInLowerCase(text, run)) continue;
        Candidate c;
        c.span = {words[w].begin, words[end].end};
        c.w0 = static_cast<uint32_t>(w);
        c.w1 = static_cast<uint32_t>(end + 1);
        c.entries = std::move(found);
        c.fuzzy = true;
        for (int k = w; k <= end; ++k) covered[k] = 1;
        cands.push_back(std::move(c));
        w = end;
        break;
      }
    }
  }

  // Candidates are only appended from here on, so an index names one for good.
  std::vector<int> word_candidate(words.size(), -1);
  for (size_t i = 0; i < cands.size(); ++i) {
    for (uint32_t w = cands[i].w0; w < cands[i].w1; ++w) word_candidate[w] = static_cast<int>(i);
  }
  auto candidate_at_word = [&](int w) { return w >= 0 && w < static_cast<int>(words.size()) ? word_candidate[w] : -1; };
  std::vector<const std::string*> demonym_at_word(words.size(), nullptr);
  for (const Demonym& d : demonyms) demonym_at_word[d.word] = &d.country;
  // A place only a pattern names ("the Foo neighbourhood of Homs"): words [first, last].
  auto pattern_place = [&](int first, int last) {
    int existing = candidate_at_word(first);
    if (existing >= 0 && static_cast<int>(cands[existing].w0) == first &&
        static_cast<int>(cands[existing].w1) == last + 1) {
      return existing;
    }
    // Names matched inside the longer one ("Maidan" and "Shar" in "Maidan Shar city", "Saraj"
    // in "Nahri Saraj district") give way to it; one reaching outside it wins instead.
    for (int k = first; k <= last; ++k) {
      int inner = word_candidate[k];
      if (inner >= 0 && (static_cast<int>(cands[inner].w0) < first || static_cast<int>(cands[inner].w1) > last + 1)) {
        return existing;
      }
    }
    for (int k = first; k <= last; ++k) {
      if (word_candidate[k] >= 0) cands[word_candidate[k]].dropped = true;
    }
    Candidate c;
    c.span = {words[first].begin, words[last].end};
    c.w0 = static_cast<uint32_t>(first);
    c.w1 = static_cast<uint32_t>(last + 1);
    int index = static_cast<int>(cands.size());
    for (int k = first; k <= last; ++k) {
      covered[k] = 1;
      word_candidate[k] = index;
    }
    cands.push_back(std::move(c));
    return index;
  };
  auto lower_word = [&](int w) {
    return w >= 0 && w < static_cast<int>(words.size()) ? AsciiLower(WordText(text, words[w])) : std::string();
  };
  auto gap_before = [&](int w) {
    return w > 0 ? text.substr(words[w - 1].end, words[w].begin - words[w - 1].end) : std::string_view();
  };

  // 3. Place-noun patterns. Parents are recorded as word positions first (candidates may still be
  // inserted), then turned into candidate indices.
  struct Link {
    int child_word;
    int parent_word;
  };
  std::vector<Link> links;
  auto want = [&](int cand, NounClass cls) {
    Candidate& c = cands[cand];
    if (cls == NounClass::kNeighbourhood) c.want_neighbourhood = true;
    if (cls == NounClass::kTown) c.want_town = true;
    if (cls == NounClass::kAdmin1) c.want_admin1 = true;
    if (cls == NounClass::kCapital) c.want_capital = true;
  };
  // "in (the) Y", "of Y", "near Y" after word `w`: the first word of Y, or -1.
  auto place_after_preposition = [&](int w) {
    std::string p = lower_word(w);
    if (p != "of" && p != "in" && p != "near" && p != "outside") return -1;
    int y = w + 1;
    if (lower_word(y) == "the") ++y;
    return y < static_cast<int>(words.size()) && words[y].capitalized ? y : -1;
  };
  for (int n = 0; n < static_cast<int>(words.size()); ++n) {
    const PlaceNoun* noun = words[n].capitalized ? nullptr : NounAt(text, words[n]);
    if (noun == nullptr) continue;
    // "X <noun>": "the Khaldiyeh neighbourhood", "Idlib province", "the Edleb region".
    if (n > 0 && !noun->plural && gap_before(n) == " " && !words[n - 1].possessive) {
      int first = RunEndingAt(text, words, n - 1);
      if (first >= 0 && !(first == n - 1 && words[first].sentence_start && !covered[first])) {
        // "Syrias Idlib province", "Minister Ali Idlib province": a known name just before the
        // noun is the place, whatever capitalised word precedes it.
        int tail = candidate_at_word(n - 1);
        if (tail >= 0 && !(covered[first] && candidate_at_word(first) >= 0) &&
            static_cast<int>(cands[tail].w1) == n && !cands[tail].entries.empty()) {
          first = static_cast<int>(cands[tail].w0);
        }
        bool is_demonym = false;
        for (int k = first; k < n; ++k) is_demonym = is_demonym || demonym_at_word[k] != nullptr;
        bool known = covered[first] && candidate_at_word(first) >= 0;
        if (!is_demonym && (known || noun->cls == NounClass::kNeighbourhood)) {
          int x = pattern_place(first, n - 1);
          if (x >= 0) {
            want(x, noun->cls);
            int y = place_after_preposition(n + 1);  // "... neighbourhood of Homs"
            if (y >= 0) links.push_back({first, y});
            if (first > 0 && words[first - 1].possessive) {  // "Homs's Khaldiyeh district"
              int py = RunEndingAt(text, words, first - 1);
              if (py >= 0) links.push_back({first, py});
            }
          }
        }
      }
    }
    // "<noun> of X": "the city of Homs", "the village of Al Bara in the Idlib region",
    // "the neighbourhoods of A, B and C".
    if (lower_word(n + 1) == "of" && n + 2 < static_cast<int>(words.size()) && words[n + 2].capitalized) {
      std::string demonym_country;
      for (int k : {n - 2, n - 1}) {
        if (k >= 0 && demonym_at_word[k]) demonym_country = *demonym_at_word[k];
      }
      int x_first = n + 2;
      while (x_first >= 0) {
        int x_last = RunStartingAt(text, words, x_first);
        bool known = covered[x_first] && candidate_at_word(x_first) >= 0;
        if (!known && noun->cls != NounClass::kNeighbourhood && noun->cls != NounClass::kTown) break;
        int x = pattern_place(x_first, x_last);
        if (x < 0) break;
        want(x, noun->cls);
        if (!demonym_country.empty()) cands[x].want_country = demonym_country;
        int after = static_cast<int>(cands[x].w1);
        int y = place_after_preposition(after);
        if (y >= 0) links.push_back({x_first, y});
        if (!noun->plural) break;
        // A list: ", B", ", and C", " and C".
        int next = after;
        if (next >= static_cast<int>(words.size())) break;
        std::string_view gap = gap_before(next);
        if (lower_word(next) == "and" && (gap == " " || gap == ", ")) {
          ++next;
        } else if (gap != ", " && gap != ",") {
          break;
        }
        if (next >= static_cast<int>(words.size()) || !words[next].capitalized) break;
        x_first = next;
      }
    }
    // "X, a <noun> of Y": "Douma, a suburb of Damascus".
    std::string article = lower_word(n - 1);
    if ((article == "a" || article == "an") && n >= 2 && gap_before(n - 1) == ", ") {
      int first = RunEndingAt(text, words, n - 2);
      int y = place_after_preposition(n + 1);
      if (first >= 0 && (covered[first] || noun->cls == NounClass::kNeighbourhood || y >= 0)) {
        int x = pattern_place(first, n - 2);
        if (x >= 0) {
          want(x, noun->cls);
          if (y >= 0) links.push_back({first, y});
        }
      }
    }
    // "X, the <demonym> capital": "Cairo, the Egyptian capital".
    if (noun->cls == NounClass::kCapital && n >= 3 && lower_word(n - 2) == "the" &&
        gap_before(n - 2) == ", ") {
      int x = candidate_at_word(n - 3);
      if (demonym_at_word[n - 1] && x >= 0) {
        cands[x].want_country = *demonym_at_word[n - 1];
        cands[x].want_capital = true;
      }
    }
  }
  // "X, Y" with Y a region or a country: "Almar, Faryab", "Springfield, Illinois".
  for (size_t i = 0; i < cands.size(); ++i) {
    int next = static_cast<int>(cands[i].w1);
    int count = static_cast<int>(words.size());
    // "Almar district, Faryab": a place noun may stand between.
    if (next + 1 < count && !words[next].capitalized && gap_before(next) == " " &&
        gap_before(next + 1) == ", " && NounAt(text, words[next]) != nullptr) {
      ++next;
    }
    if (next >= count || gap_before(next) != ", ") continue;
    int y = candidate_at_word(next);
    if (y < 0 || y == static_cast<int>(i) || static_cast<int>(cands[y].w0) != next) continue;
    bool region = std::any_of(cands[y].entries.begin(), cands[y].entries.end(), [&](int32_t e) {
      return gaz_->entry(e).kind == PlaceKind::kAdmin1 || gaz_->entry(e).kind == PlaceKind::kCountry;
    });
    // "Italy, Canada, Japan" is a list: a name that may be a country lies in no other place.
    bool is_country = std::any_of(cands[i].entries.begin(), cands[i].entries.end(),
                                  [&](int32_t e) { return gaz_->entry(e).kind == PlaceKind::kCountry; });
    if (region && !is_country && cands[i].parent < 0) links.push_back({static_cast<int>(cands[i].w0), next});
  }
  // "the central Syrian city of Homs" is handled above; "the Syrian embassy in Cairo" is not a
  // statement about Cairo's country, so demonyms elsewhere only add evidence.
  for (const Link& link : links) {
    int child = candidate_at_word(link.child_word);
    int parent = candidate_at_word(link.parent_word);
    if (child >= 0 && parent >= 0 && child != parent) {
      cands[child].parent = parent;
      cands[parent].children.push_back(child);
    }
  }

  // A name said to lie in a region or country where the gazetteer has no place of that name
  // ("Ghaziabad district, Kunar" while the only Ghaziabad is in India) is a place the gazetteer
  // lacks, placed by its parent.
  for (Candidate& c : cands) {
    if (c.parent < 0 || c.entries.empty() || c.dropped) continue;
    const Candidate& p = cands[c.parent];
    bool parent_is_region = !p.entries.empty() && std::all_of(p.entries.begin(), p.entries.end(), [&](int32_t e) {
      return gaz_->entry(e).kind == PlaceKind::kAdmin1 || gaz_->entry(e).kind == PlaceKind::kCountry;
    });
    // So is a neighbourhood said to lie in a town ("the al-Meridian neighbourhood in Aleppo")
    // when every place of that name lies outside the town's region.
    if (!parent_is_region && !c.want_neighbourhood) continue;
    bool inside = std::any_of(c.entries.begin(), c.entries.end(), [&](int32_t ce) {
      const GazetteerEntry& child = gaz_->entry(ce);
      return std::any_of(p.entries.begin(), p.entries.end(), [&](int32_t pe) {
        const GazetteerEntry& outer = gaz_->entry(pe);
        switch (outer.kind) {
          case PlaceKind::kAdmin1: return child.admin1 == pe;
          case PlaceKind::kCountry: return child.country_code == outer.country_code;
          default: return child.parent == pe || (outer.admin1 >= 0 && child.admin1 == outer.admin1);
        }
      });
    });
    if (!inside) c.entries.clear();
  }
  // A place noun says a name is a place, not which country it is in: "the villages of X" in a
  // report about Taraba are not a small Italian town named X, but villages the gazetteer lacks.
  if (!evidence.empty()) {
    for (Candidate& c : cands) {
      bool pattern = c.want_town || c.want_neighbourhood || c.parent >= 0;
      if (c.entries.empty() || c.dropped || !pattern || !c.want_country.empty()) continue;
      bool all_foreign_small = std::all_of(c.entries.begin(), c.entries.end(), [&](int32_t i) {
        const GazetteerEntry& e = gaz_->entry(i);
        return e.kind == PlaceKind::kTown && !e.curated && !evidence.Has(e.country_code) &&
               e.population < kForeignTownMinPopulation;
      });
      if (all_foreign_small) c.entries.clear();
    }
  }

  // Headlines in title case ("Bomb In Idleb Kills 30"): a line of at least kMinTitleWords words,
  // nearly all capitalised but for short function words.
  std::vector<uint8_t> in_title_case(words.size(), 0);
  for (size_t first = 0; first < words.size();) {
    size_t end = first + 1;
    while (end < words.size() && !words[end].sentence_start) ++end;
    size_t counted = 0, capitalised = 0;
    for (size_t k = first; k < end; ++k) {
      if (words[k].end - words[k].begin <= 3 && !words[k].capitalized) continue;  // "in", "of", "the"
      ++counted;
      capitalised += words[k].capitalized;
    }
    if (end - first >= kMinTitleWords && capitalised * 10 >= counted * 8) {
      std::fill(in_title_case.begin() + first, in_title_case.begin() + end, 1);
    }
    first = end;
  }

  // 4. Filters that need the words around a name.
  for (Candidate& c : cands) {
    const Word& first = words[c.w0];
    std::string prev = lower_word(static_cast<int>(c.w0) - 1);
    if (lower_word(static_cast<int>(c.w0) - 1) == "the") prev = lower_word(static_cast<int>(c.w0) - 2);
    c.after_locative = locatives_.count(prev) > 0;
    // "the Homs countryside" names Homs; "the Saray and the bank", "the Capitol." name a building
    // or a body: after "the", a name followed by a comma, a full stop or a short function word.
    if (lower_word(static_cast<int>(c.w0) - 1) == "the") {
      // A dash joins ("the Damboa - Maiduguri road"); a comma or full stop ends.
      bool ends_phrase = c.w1 >= words.size() ||
                         gap_before(static_cast<int>(c.w1)).find_first_of(",.;:!?)") != std::string_view::npos;
      bool function_word_next = c.w1 < words.size() && !words[c.w1].capitalized &&
                                words[c.w1].end - words[c.w1].begin <= 3;
      c.bare_after_the = ends_phrase || function_word_next;
    }
    // Two capitalised words side by side ("Quincy Jones") are one name, even when each alone
    // could be a town; a demonym beside a place ("Syrian Homs") is not.
    bool prev_name = c.w0 > 0 && words[c.w0 - 1].capitalized && !first.sentence_start &&
                     !words[c.w0 - 1].sentence_start &&
                     gap_before(static_cast<int>(c.w0)) == " " && !demonym_at_word[c.w0 - 1];
    bool next_name = c.w1 < words.size() && words[c.w1].capitalized && !words[c.w1].sentence_start &&
                     gap_before(static_cast<int>(c.w1)) == " " && !demonym_at_word[c.w1];
    // In a headline written in title case every word is capitalised: a neighbour says nothing.
    c.beside_name = (prev_name || next_name) && !in_title_case[c.w0];
  }

  // 5. Resolve: twice, the second time with the first round's places as evidence and parents.
  CountryEvidence place_evidence = evidence;
  const double top_document_weight = evidence.MaxWeight();
  for (int round = 0; round < 2; ++round) {
    std::string top = place_evidence.Top();
    for (Candidate& c : cands) {
      if (c.entries.empty() || c.dropped) continue;
      bool pattern_backed = c.want_admin1 || c.want_neighbourhood || c.want_town || !c.want_country.empty();
      double best = -1e9, second = -1e9;
      int32_t choice = -1;
      for (int32_t i : c.entries) {
        const GazetteerEntry& e = gaz_->entry(i);
        bool single_word = c.w1 - c.w0 == 1;
        // An English word as a town needs "in X" and a country the document is about.
        // A large town is the likelier reading of a capitalised word inside a sentence ("in
        // Nice", "Reading council"); a small one, or any at a sentence start, needs more.
        if (e.common_word && single_word && !pattern_backed &&
            (words[c.w0].sentence_start ||
             !((e.kind == PlaceKind::kTown && e.population >= 100000) ||
               (c.after_locative && place_evidence.Has(e.country_code))))) {
          continue;
        }
        bool in_document_country = place_evidence.Has(e.country_code) > 0;
        // Beside another capitalised word the name is likely a person's or a body's.
        if (c.beside_name && !pattern_backed && !e.curated &&
            (e.kind == PlaceKind::kAdmin1 ||
             (e.kind == PlaceKind::kTown && e.population < (in_document_country ? 500000 : 1000000)))) {
          continue;
        }
        // A small town needs "in X" or a place noun, abroad even more: "Roy", "Jones" are names too.
        if (e.kind == PlaceKind::kTown && !e.curated && !pattern_backed && !c.after_locative &&
            e.population < (in_document_country ? 20000 : 50000)) {
          continue;
        }
        // "the X" with nothing after it that X could modify is no small town.
        if (e.kind == PlaceKind::kTown && !e.curated && !pattern_backed && single_word && c.bare_after_the &&
            e.population < kForeignTownMinPopulation) {
          continue;
        }
        // A small town abroad needs its country in the document: in a report that names Taraba
        // or Nimruz, "Zambana" and "Khash" are not the Italian or Iranian towns of that name.
        if (e.kind == PlaceKind::kTown && !e.curated && !pattern_backed && !evidence.empty() &&
            !evidence.Has(e.country_code) && e.population < kForeignTownMinPopulation) {
          continue;
        }
        // So does a region, unless a noun says it is one ("Donga province"): "Donga, Taraba" in a
        // report that names Taraba three times is not Benin's Donga.
        if (e.kind == PlaceKind::kAdmin1 && !c.want_admin1 && evidence.Weight(e.country_code) * 2 <
                                                                  top_document_weight) {
          continue;
        }
        // A curated neighbourhood stands for its town's country only in a document about it.
        if (e.kind == PlaceKind::kNeighbourhood && !in_document_country && !pattern_backed) continue;
        // A sentence-initial word that is also a small town is more likely a word or a name.
        if (words[c.w0].sentence_start && single_word && e.kind == PlaceKind::kTown && !e.curated &&
            !pattern_backed && e.population < 100000) {
          continue;
        }
        if (c.fuzzy && e.kind == PlaceKind::kTown && !e.curated && e.population < 50000 &&
            e.country_code != top) {
          continue;
        }
        double s = Score(c, i, place_evidence, top, cands);
        if (s > best) {
          second = best;
          best = s;
          choice = i;
        } else if (s > second) {
          second = s;
        }
      }
      c.chosen = choice;
      c.confidence = choice < 0 ? 0 : best - second;
    }
    if (round == 0) {
      for (const Candidate& c : cands) {
        if (c.chosen < 0) continue;
        const GazetteerEntry& e = gaz_->entry(c.chosen);
        bool one_country = std::all_of(c.entries.begin(), c.entries.end(), [&](int32_t i) {
          return gaz_->entry(i).country_code == e.country_code;
        });
        if (e.kind != PlaceKind::kCountry && (one_country || c.confidence >= 3)) {
          place_evidence.Add(e.country_code, 1);
        }
      }
    }
  }

  // 6. Places only a pattern named take their parent's region and country, or the document's
  // most mentioned town.
  std::unordered_map<int32_t, int> town_mentions;
  for (const Candidate& c : cands) {
    if (c.chosen >= 0 && gaz_->entry(c.chosen).kind == PlaceKind::kTown) town_mentions[c.chosen]++;
  }
  int32_t main_town = -1;
  for (const auto& [town, count] : town_mentions) {
    if (main_town < 0 || count > town_mentions[main_town] ||
        (count == town_mentions[main_town] && town < main_town)) {
      main_town = town;
    }
  }

  // Resolved places first, then the places only patterns named, from their parents (which may
  // themselves be such places: "the X area of Y district, Z").
  std::vector<std::optional<Place>> resolved(cands.size());
  for (size_t i = 0; i < cands.size(); ++i) {
    if (!cands[i].dropped && cands[i].chosen >= 0) resolved[i] = MakePlace(cands[i].chosen);
  }
  for (int pass = 0; pass < 3; ++pass) {
    for (size_t i = 0; i < cands.size(); ++i) {
      const Candidate& c = cands[i];
      if (c.dropped || !c.entries.empty() || resolved[i]) continue;
      std::optional<Place> parent;
      if (c.parent >= 0 && resolved[c.parent]) {
        parent = resolved[c.parent];
      } else if (c.parent < 0 && c.want_neighbourhood && main_town >= 0 && pass == 2) {
        parent = MakePlace(main_town);
      }
      if (!parent) continue;
      Place p = *parent;
      p.name = std::string(text.substr(c.span.begin, c.span.size()));
      p.geonames_id = 0;
      if (c.want_neighbourhood && parent->precision == PlacePrecision::kTown) {
        p.precision = PlacePrecision::kNeighbourhood;
        p.parent = parent->name;
      } else if (parent->precision == PlacePrecision::kTown) {
        p.parent = parent->name;  // a village the gazetteer lacks, placed at its town
      } else {
        p.parent.clear();  // placed at its region: precision stays the region's
      }
      resolved[i] = std::move(p);
    }
  }

  std::vector<int> order(cands.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
  std::sort(order.begin(), order.end(), [&](int a, int b) { return cands[a].span.begin < cands[b].span.begin; });
  for (int index : order) {
    if (cands[index].dropped || !resolved[index]) continue;
    doc.places.push_back({cands[index].span, std::move(*resolved[index])});
  }
}

}  // namespace

Result<std::unique_ptr<PlaceTagger>> CreatePlaceTagger(const Options& options,
                                                       const std::string& gazetteer_path) {
  auto gazetteer = Gazetteer::Load(options, gazetteer_path);
  if (!gazetteer.ok()) return gazetteer.status();
  NounMap nouns;
  Status read = ReadTsvFiles(options, "places/place_nouns.tsv", true, [&](const TsvLine& line) -> Status {
    if (line.fields.size() < 2 || line.fields[0].empty()) {
      return line.Error("expected 2 fields: noun, class (neighbourhood, town, admin1, capital)");
    }
    std::string_view cls = line.fields[1];
    PlaceNoun noun{NounClass::kTown, line.fields.size() > 2 && line.fields[2] == "plural"};
    if (cls == "neighbourhood") {
      noun.cls = NounClass::kNeighbourhood;
    } else if (cls == "town") {
      noun.cls = NounClass::kTown;
    } else if (cls == "admin1") {
      noun.cls = NounClass::kAdmin1;
    } else if (cls == "capital") {
      noun.cls = NounClass::kCapital;
    } else {
      return line.Error("class must be neighbourhood, town, admin1 or capital");
    }
    nouns[AsciiLower(line.fields[0])] = noun;
    return Status::Ok();
  });
  if (!read.ok()) return read;
  std::unordered_map<std::string, bool> locatives;
  read = ReadTsvFiles(options, "places/locatives.tsv", true, [&](const TsvLine& line) -> Status {
    if (line.fields.empty() || line.fields[0].empty()) return line.Error("empty locative");
    locatives[AsciiLower(line.fields[0])] = true;
    return Status::Ok();
  });
  if (!read.ok()) return read;
  return std::unique_ptr<PlaceTagger>(
      new PlaceTaggerImpl(std::move(gazetteer).value(), std::move(nouns), std::move(locatives)));
}

Result<std::unique_ptr<PlaceTagger>> PlaceTagger::Create(const Options& options) {
  return CreatePlaceTagger(options, "");
}

}  // namespace crosscheck
