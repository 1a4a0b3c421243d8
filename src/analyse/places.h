// PlaceTagger internals that tests reach. Internal.
#ifndef CROSSCHECK_ANALYSE_PLACES_H_
#define CROSSCHECK_ANALYSE_PLACES_H_

#include <memory>
#include <string>

#include "analyse/taggers.h"

namespace crosscheck {

// PlaceTagger::Create with the generated gazetteer read from `gazetteer_path` instead of
// DataDir(options)/generated/gazetteer.tsv (tests use a small checked-in one).
Result<std::unique_ptr<PlaceTagger>> CreatePlaceTagger(const Options& options,
                                                       const std::string& gazetteer_path);

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_PLACES_H_
