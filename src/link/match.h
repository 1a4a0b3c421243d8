// Match scoring: whether a document event is a report of an event other reports already make up.
// Internal to the link stage.
//
// Blocking (linker.cc) offers a document event only the events of its own town whose date window
// still admits it; this file says which of them, if any, it joins. The evidence of one report
// and of an event so far is the same `Evidence`: event types, actors, the places below the town,
// the incident death toll and a bottom-k MinHash sketch of the distinctive words of the sentences
// that report it. `MatchScore` adds one weighted term per kind of evidence (LinkOptions); missing
// evidence adds nothing, evidence that differs subtracts, and incompatible event types (a
// shelling and a protest, a battle and a political decision) never match.
//
// Thread-safe: the functions keep no state; `EvidenceBuilder` is one per thread.
#ifndef CROSSCHECK_LINK_MATCH_H_
#define CROSSCHECK_LINK_MATCH_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "crosscheck/records.h"
#include "link/linker.h"

namespace crosscheck {

// What scoring compares. Small sorted vectors of interned ids: an event's evidence is the union
// of its members'.
struct Evidence {
  std::vector<std::pair<uint32_t, uint32_t>> types;  // (event type, sub-event type)
  std::vector<uint32_t> actors;                      // actor keys (ActorKey)
  std::vector<uint32_t> quarters;                    // places below the town (neighbourhoods)
  PlacePrecision coarsest = PlacePrecision::kUnknown;  // of the members naming no quarter
  bool names_town = false;                           // a member names the town itself or wider
  int64_t killed_low = -1, killed_high = -1;         // incident totals stated; -1: none
  std::vector<uint64_t> words;                       // sorted, at most kMaxWords smallest hashes

  static constexpr size_t kMaxWords = 48;
  // Adds another report's (or event's) evidence to this one.
  void Merge(const Evidence& other);
};

// Builds the evidence of document events; interns the strings it compares.
class EvidenceBuilder {
 public:
  // `claims` are the claims of this document event (its counts and their sentences).
  Evidence Of(const DocEventRecord& e, const std::vector<const ClaimRecord*>& claims);
  // 0: a type that matches only itself; otherwise the family of compatible ACLED types.
  int TypeFamily(uint32_t type) const { return type < families_.size() ? families_[type] : 0; }
  // Whether two sets of actor keys name a side in common: the same key, or a state's forces
  // named with and without whose they are.
  bool SameSide(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) const;

 private:
  uint32_t Id(std::unordered_map<std::string, uint32_t>& table, const std::string& key);
  uint32_t ActorId(const std::string& actor);
  std::unordered_map<std::string, uint32_t> types_, actors_, places_;
  std::vector<int> families_;
  std::vector<uint8_t> actor_kinds_;  // by actor id: 0 other, 1 a state's forces, 2 a named state's
};

// The actor a name stands for when comparing reports: lower-cased; a state's forces by whose they
// are ("Syrian army", "Syrian government" -> "<state> syrian"), or, when the name does not say
// ("government forces", "the regime", "security forces"), kGenericState, which meets any state's.
inline constexpr std::string_view kGenericState = "<state>";
std::string ActorKey(std::string_view actor);

// The distinctive words of a sentence: lower-cased words of four or more letters that are not
// function words or the vocabulary every conflict report shares ("killed", "forces", weekdays).
std::vector<std::string> DistinctiveWords(std::string_view sentence);

// The score of `item` (one report) joining `event`; `same_days` when the report's date lies
// within the event's days so far. Returns -infinity when they can never match.
double MatchScore(const Evidence& item, const Evidence& event, bool same_days, const EvidenceBuilder& builder,
                  const LinkOptions& options);

}  // namespace crosscheck

#endif  // CROSSCHECK_LINK_MATCH_H_
