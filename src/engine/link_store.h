// LinkStore: runs the link stage over what a SqliteStore holds and writes the events back.
// Internal to the engine; `RunPipeline` calls it after storing a run's documents, and the link
// benchmark (bench/link_bench.cc) times it on a store of a million.
//
// A full link (no `touched`, or a store whose events lack block keys) links every block, a batch
// of whole blocks at a time, and rebuilds the events table. An incremental link re-links only
// what the `touched` documents can change: for each of their dated reports, the stored events of
// its block that start within max_event_days + max_day_gap of its date (each with all its
// members); for an undated report, or a block in `extra_keys`, the whole block. Every other event
// keeps its id and record; no touched document and no extra key changes nothing.
//
// Not thread-safe: the store is one thread's.
#ifndef CROSSCHECK_ENGINE_LINK_STORE_H_
#define CROSSCHECK_ENGINE_LINK_STORE_H_

#include <chrono>
#include <string>
#include <vector>

#include "crosscheck/status.h"
#include "link/linker.h"
#include "store/sqlite_store.h"

namespace crosscheck {

struct LinkStoreStats {
  size_t doc_events = 0;  // document events linked
  size_t events = 0;      // events written
  size_t batches = 0;
  bool incremental = false;
  // Wall seconds spent reading records, linking them, writing the results, and (a full link)
  // building the indexes at the end: where a slow link spends its time. A full link links a batch
  // while it loads the next, so its phases add up to more than its wall time.
  double load_seconds = 0, link_seconds = 0, write_seconds = 0, finish_seconds = 0;
};

// Links the store: an incremental link in one transaction, a full link in one per batch (an
// interrupted one leaves the store marked for a full link again, see SqliteStore::BeginFullLink). The ids of documents whose date was repaired from their
// event are appended to `repaired`; `stats`, when given, says how much was linked.
Status LinkStore(SqliteStore& store, const LinkOptions& options, const std::vector<std::string>* touched,
                 const std::vector<std::string>& extra_keys, std::vector<std::string>* repaired,
                 LinkStoreStats* stats = nullptr);

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_LINK_STORE_H_
