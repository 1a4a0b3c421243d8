// The enum names of document.h, as the output contract spells them, and Document's lookups.
#include <array>
#include <utility>

#include "crosscheck/document.h"

namespace crosscheck {

std::string_view NumberKindName(NumberKind kind) {
  switch (kind) {
    case NumberKind::kCount: return "count";
    case NumberKind::kAge: return "age";
    case NumberKind::kYear: return "year";
    case NumberKind::kDistance: return "distance";
    case NumberKind::kTimeOfDay: return "time_of_day";
    case NumberKind::kPercent: return "percent";
    case NumberKind::kOrdinal: return "ordinal";
    case NumberKind::kOther: return "other";
  }
  return "other";
}

std::string_view TimePrecisionName(TimePrecision precision) {
  switch (precision) {
    case TimePrecision::kDay: return "day";
    case TimePrecision::kWeek: return "week";
    case TimePrecision::kMonth: return "month";
    case TimePrecision::kYear: return "year";
    case TimePrecision::kDecade: return "decade";
  }
  return "day";
}

std::string_view PlacePrecisionName(PlacePrecision precision) {
  switch (precision) {
    case PlacePrecision::kUnknown: return "";
    case PlacePrecision::kNeighbourhood: return "neighbourhood";
    case PlacePrecision::kTown: return "town";
    case PlacePrecision::kAdmin1: return "admin1";
    case PlacePrecision::kCountry: return "country";
  }
  return "";
}

namespace {
constexpr std::array<std::pair<ActorType, std::string_view>, 14> kActorTypes = {{
    {ActorType::kUnattributed, "unattributed"},
    {ActorType::kGovernment, "government"},
    {ActorType::kStateMedia, "state_media"},
    {ActorType::kMilitary, "military"},
    {ActorType::kArmedGroup, "armed_group"},
    {ActorType::kOpposition, "opposition"},
    {ActorType::kActivist, "activist"},
    {ActorType::kNgo, "ngo"},
    {ActorType::kInternationalOrg, "international_org"},
    {ActorType::kForeignGovernment, "foreign_government"},
    {ActorType::kJournalist, "journalist"},
    {ActorType::kWitness, "witness"},
    {ActorType::kMedical, "medical"},
    {ActorType::kMedia, "media"},
}};
}  // namespace

std::string_view ActorTypeName(ActorType type) {
  for (const auto& [t, name] : kActorTypes) {
    if (t == type) return name;
  }
  return "unattributed";
}

std::optional<ActorType> ParseActorType(std::string_view name) {
  for (const auto& [t, n] : kActorTypes) {
    if (n == name) return t;
  }
  return std::nullopt;
}

std::string_view ClaimKindName(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::kKilled: return "killed";
    case ClaimKind::kInjured: return "injured";
    case ClaimKind::kKilledOrInjured: return "killed_or_injured";
    case ClaimKind::kCaptured: return "captured";
    case ClaimKind::kArrested: return "arrested";
    case ClaimKind::kMissing: return "missing";
    case ClaimKind::kDisplaced: return "displaced";
    case ClaimKind::kDestroyed: return "destroyed";
    case ClaimKind::kOther: return "other";
  }
  return "other";
}

std::string_view ScopeName(Scope scope) {
  return scope == Scope::kCumulative ? "cumulative" : "incident";
}

std::string_view PolarityName(Polarity polarity) {
  return polarity == Polarity::kDenied ? "denied" : "asserted";
}

std::string_view DateBasisName(DateBasis basis) {
  switch (basis) {
    case DateBasis::kNone: return "";
    case DateBasis::kMetadata: return "metadata";
    case DateBasis::kDateline: return "dateline";
    case DateBasis::kText: return "text";
    case DateBasis::kCluster: return "cluster";
  }
  return "";
}

int Document::SentenceAt(uint32_t offset) const {
  size_t lo = 0, hi = sentences.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (sentences[mid].span.end <= offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < sentences.size() && sentences[lo].span.begin <= offset) return int(lo);
  return -1;
}

int64_t Document::TextOffset(uint32_t main_offset) const {
  size_t lo = 0, hi = offset_map.size();
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (offset_map[mid].main_begin + offset_map[mid].length <= main_offset) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  if (lo < offset_map.size() && offset_map[lo].main_begin <= main_offset) {
    return int64_t(offset_map[lo].text_begin) + (main_offset - offset_map[lo].main_begin);
  }
  return -1;
}

}  // namespace crosscheck
