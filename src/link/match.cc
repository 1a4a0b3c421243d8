// Match scoring: the evidence of a report or an event, and the score of a report joining an event.
#include "link/match.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <unordered_set>

#include "util/utf8.h"

namespace crosscheck {
namespace {

// Families of ACLED event types whose reports may describe one incident: a shelling one outlet
// calls a battle, a riot another calls a protest.
int FamilyOf(std::string_view type) {
  if (type == "Battles" || type == "Explosions/Remote violence" || type == "Violence against civilians") return 1;
  if (type == "Protests" || type == "Riots") return 2;
  return 0;
}

// Words every report of armed conflict uses, or that carry no content: they say nothing about
// which incident a sentence reports.
const std::unordered_set<std::string_view>& CommonWords() {
  static const std::unordered_set<std::string_view> kWords = {
      // function words
      "about", "above", "after", "again", "against", "along", "also", "among", "amid", "another", "around",
      "because", "been", "before", "behind", "being", "below", "between", "both", "but", "could", "despite",
      "does", "doing", "down", "during", "each", "earlier", "either", "even", "every", "from", "further",
      "have", "having", "here", "into", "itself", "just", "last", "later", "least", "less", "like", "many",
      "more", "most", "much", "must", "near", "nearly", "neither", "next", "none", "only", "other", "others",
      "over", "same", "several", "should", "since", "some", "such", "than", "that", "their", "them", "then",
      "there", "these", "they", "this", "those", "through", "under", "until", "upon", "very", "were", "what",
      "when", "where", "which", "while", "whom", "whose", "will", "with", "within", "without", "would",
      "your", "said", "says", "saying", "told", "according", "added", "reported", "reports", "report",
      "reportedly", "statement", "spokesman", "spokeswoman", "official", "officials", "sources", "source",
      "news", "agency", "media", "week", "weeks", "month", "months", "year", "years", "today", "yesterday",
      "tonight", "morning", "evening", "night", "overnight", "afternoon", "monday", "tuesday", "wednesday",
      "thursday", "friday", "saturday", "sunday", "january", "february", "march", "april", "june", "july",
      "august", "september", "october", "november", "december", "first", "second", "third", "three", "four",
      "five", "seven", "eight", "nine", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands",
      "people", "person", "least", "killed", "killing", "kills", "dead", "death", "deaths", "died", "toll",
      "wounded", "wounding", "injured", "injuring", "injuries", "casualties", "victims", "civilians",
      "civilian", "forces", "force", "troops", "army", "military", "government", "security", "police",
      "soldiers", "fighters", "rebels", "militants", "activists", "witnesses", "residents", "attack",
      "attacks", "attacked", "fighting", "violence", "city", "town", "village", "area", "region",
      "province", "country", "district", "capital", "local", "state", "group", "groups", "including",
      "continued", "began", "left", "took", "came", "made", "make", "well", "still", "already", "however",
  };
  return kWords;
}

uint64_t Fnv1a(std::string_view s) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

// Adds `from` to the sorted set `into`.
template <typename T>
void Union(std::vector<T>& into, const std::vector<T>& from) {
  if (from.empty()) return;
  std::vector<T> merged;
  merged.reserve(into.size() + from.size());
  std::set_union(into.begin(), into.end(), from.begin(), from.end(), std::back_inserter(merged));
  into.swap(merged);
}

template <typename T>
size_t SharedCount(const std::vector<T>& a, const std::vector<T>& b) {
  size_t n = 0;
  for (auto i = a.begin(), j = b.begin(); i != a.end() && j != b.end();) {
    if (*i < *j) {
      ++i;
    } else if (*j < *i) {
      ++j;
    } else {
      ++n, ++i, ++j;
    }
  }
  return n;
}

template <typename T>
void SortUnique(std::vector<T>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

void Evidence::Merge(const Evidence& other) {
  Union(types, other.types);
  Union(actors, other.actors);
  Union(quarters, other.quarters);
  names_town = names_town || other.names_town;
  if (other.coarsest != PlacePrecision::kUnknown &&
      (coarsest == PlacePrecision::kUnknown || int(other.coarsest) > int(coarsest))) {
    coarsest = other.coarsest;
  }
  if (other.killed_low >= 0) {
    killed_low = killed_low < 0 ? other.killed_low : std::min(killed_low, other.killed_low);
    killed_high = std::max(killed_high, other.killed_high);
  }
  Union(words, other.words);
  // Bottom-k: the smallest hashes of the union are a sketch of the union.
  if (words.size() > kMaxWords) words.resize(kMaxWords);
}

std::string ActorKey(std::string_view actor) {
  std::string key = AsciiLower(actor);
  if (key.starts_with("the ")) key.erase(0, 4);
  static const char* kState[] = {"army", "government", "regime", "troops", "military", "security forces",
                                 "police", "soldiers", "armed forces", "air force"};
  static const char* kNotState[] = {"defector", "rebel", "opposition", "free ", "militia", "insurgent",
                                    "pro-", "anti-", "former"};
  for (const char* no : kNotState) {
    if (key.find(no) != std::string::npos) return key;
  }
  size_t at = std::string::npos;
  for (const char* s : kState) at = std::min(at, key.find(s));
  if (at == std::string::npos) return key;
  // The words before the first state word say whose: "Syrian army" -> "<state> syrian".
  std::string whose = key.substr(0, at);
  while (!whose.empty() && whose.back() == ' ') whose.pop_back();
  return whose.empty() ? std::string(kGenericState) : std::string(kGenericState) + " " + whose;
}

std::vector<std::string> DistinctiveWords(std::string_view sentence) {
  std::vector<std::string> out;
  std::string w;
  auto flush = [&] {
    if (w.size() >= 4 && !std::all_of(w.begin(), w.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); }) &&
        !CommonWords().count(w)) {
      out.push_back(w);
    }
    w.clear();
  };
  for (char ch : sentence) {
    if (std::isalnum(static_cast<unsigned char>(ch)) || (ch & 0x80)) {
      w += char(std::tolower(static_cast<unsigned char>(ch)));
    } else {
      flush();
    }
  }
  flush();
  return out;
}

uint32_t EvidenceBuilder::Id(std::unordered_map<std::string, uint32_t>& table, const std::string& key) {
  return table.emplace(key, uint32_t(table.size())).first->second;
}

uint32_t EvidenceBuilder::ActorId(const std::string& actor) {
  std::string key = ActorKey(actor);
  uint32_t id = Id(actors_, key);
  if (id >= actor_kinds_.size()) {
    actor_kinds_.resize(id + 1, 0);
    actor_kinds_[id] = key == kGenericState ? 1 : key.starts_with(kGenericState) ? 2 : 0;
  }
  return id;
}

bool EvidenceBuilder::SameSide(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) const {
  auto kind = [&](uint32_t id) { return id < actor_kinds_.size() ? actor_kinds_[id] : 0; };
  for (uint32_t x : a) {
    for (uint32_t y : b) {
      // One report's "government forces" and another's "Syrian army" are one side.
      if (x == y || (kind(x) == 1 && kind(y) == 2) || (kind(x) == 2 && kind(y) == 1)) return true;
    }
  }
  return false;
}

Evidence EvidenceBuilder::Of(const DocEventRecord& e, const std::vector<const ClaimRecord*>& claims) {
  Evidence ev;
  uint32_t type = Id(types_, e.event_type);
  if (type >= families_.size()) families_.resize(type + 1, 0);
  families_[type] = FamilyOf(e.event_type);
  ev.types.emplace_back(type, Id(types_, "\x1f" + e.sub_event_type));
  for (const std::string* a : {&e.actor1, &e.actor2}) {
    if (!a->empty()) ev.actors.push_back(ActorId(*a));
  }
  SortUnique(ev.actors);

  // The words of the town (and of the place named) are shared by every report of the block.
  std::unordered_set<std::string> place_words;
  if (e.location) {
    const Place& p = e.location->place;
    if (p.precision == PlacePrecision::kNeighbourhood) {
      ev.quarters.push_back(Id(places_, AsciiLower(p.name)));
    } else {
      ev.names_town = true;
      ev.coarsest = p.precision;
    }
    for (const std::string* name : {&p.name, &p.parent, &e.location->text}) {
      for (std::string& w : DistinctiveWords(*name)) place_words.insert(std::move(w));
    }
  }
  std::vector<uint64_t> hashes;
  auto add_words = [&](std::string_view sentence) {
    for (const std::string& w : DistinctiveWords(sentence)) {
      if (!place_words.count(w)) hashes.push_back(Fnv1a(w));
    }
  };
  add_words(e.sentence);
  std::string_view last_sentence;
  for (const ClaimRecord* c : claims) {
    if (c->sentence != last_sentence && c->sentence != e.sentence) add_words(c->sentence);
    last_sentence = c->sentence;
    // The incident death toll the report states.
    if (c->kind == ClaimKind::kKilled && c->count && c->polarity == Polarity::kAsserted &&
        c->scope == Scope::kIncident && c->part_of.empty()) {
      const Quantity& q = c->count->value;
      int64_t lo = q.min.value_or(q.max.value_or(0)), hi = q.max.value_or(q.min.value_or(0));
      if (hi <= 0) continue;
      ev.killed_low = ev.killed_low < 0 ? lo : std::min(ev.killed_low, lo);
      ev.killed_high = std::max(ev.killed_high, hi);
    }
  }
  SortUnique(hashes);
  if (hashes.size() > Evidence::kMaxWords) hashes.resize(Evidence::kMaxWords);
  ev.words = std::move(hashes);
  return ev;
}

double MatchScore(const Evidence& item, const Evidence& event, bool same_days, const EvidenceBuilder& builder,
                  const LinkOptions& o) {
  constexpr double kNever = -std::numeric_limits<double>::infinity();
  // Event type: the best of the event's types the report's type meets.
  double type = kNever;
  for (const auto& [t, sub] : item.types) {
    for (const auto& [et, esub] : event.types) {
      double v = kNever;
      if (t == et) {
        v = o.same_type + (sub == esub ? o.same_sub_type : 0.0);
      } else if (builder.TypeFamily(t) != 0 && builder.TypeFamily(t) == builder.TypeFamily(et)) {
        v = o.related_type;
      }
      type = std::max(type, v);
    }
  }
  if (type == kNever) return kNever;
  double score = type;

  // Actors.
  if (!item.actors.empty() && !event.actors.empty()) {
    score += builder.SameSide(item.actors, event.actors) ? o.same_actor : o.other_actors;
  }

  // Place within the town.
  auto coarse = [&](PlacePrecision p) {
    switch (p) {
      case PlacePrecision::kTown:
      case PlacePrecision::kNeighbourhood:
        return o.same_town;
      case PlacePrecision::kAdmin1:
        return o.same_town / 2;
      default:
        return 0.0;
    }
  };
  if (!item.quarters.empty()) {
    if (SharedCount(item.quarters, event.quarters) > 0) {
      score += o.same_quarter;
    } else if (!event.quarters.empty() && !event.names_town) {
      score += o.other_quarter;
    } else {
      score += coarse(event.coarsest == PlacePrecision::kUnknown ? PlacePrecision::kTown : event.coarsest);
    }
  } else {
    score += coarse(item.coarsest);
  }

  if (same_days) score += o.same_days;

  // Death tolls.
  if (item.killed_low >= 0 && event.killed_low >= 0) {
    auto far = [&](int64_t low_of_one, int64_t high_of_other) {
      return low_of_one >= high_of_other * o.contradiction_ratio &&
             low_of_one - high_of_other >= o.contradiction_min_gap;
    };
    bool apart = far(item.killed_low, event.killed_high) || far(event.killed_low, item.killed_high);
    score += apart ? o.counts_far_apart : o.counts_agree;
  }

  // Distinctive words.
  if (!item.words.empty() && !event.words.empty()) {
    double overlap = double(SharedCount(item.words, event.words)) / double(std::min(item.words.size(), event.words.size()));
    if (overlap < o.words_differ_below && item.words.size() >= size_t(o.min_words_to_differ) &&
        event.words.size() >= size_t(o.min_words_to_differ)) {
      score += o.words_differ;
    } else {
      score += o.words_agree * std::min(1.0, overlap * 2);
    }
  }
  return score;
}

}  // namespace crosscheck
