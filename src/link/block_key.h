// BlockKey: the place key the linker blocks on. Internal, header-only so that the store can file
// each document event under its key (a column) without depending on the link stage.
//
// The key is the country code and the folded town name; a neighbourhood is filed under its town
// ("Khaldiyeh" under Homs), so reports naming a district and reports naming the town meet. A
// report with no place has the empty key and is never merged.
#ifndef CROSSCHECK_LINK_BLOCK_KEY_H_
#define CROSSCHECK_LINK_BLOCK_KEY_H_

#include <optional>
#include <string>

#include "crosscheck/records.h"
#include "util/utf8.h"

namespace crosscheck {

// The unfolded town a place belongs to: its parent for a neighbourhood, else its own name.
inline const std::string& BlockTown(const Place& place) {
  return place.precision == PlacePrecision::kNeighbourhood && !place.parent.empty() ? place.parent
                                                                                    : place.name;
}

inline std::string BlockKey(const std::optional<PlaceRecord>& p) {
  if (!p) return "";
  return p->place.country_code + "|" + FoldForMatch(BlockTown(p->place));
}

}  // namespace crosscheck

#endif  // CROSSCHECK_LINK_BLOCK_KEY_H_
