// LinkStore: the link stage over a store, whole (in batches of whole blocks) or incrementally (the
// events near the new reports' dates in their blocks).
#include "engine/link_store.h"

#include <algorithm>
#include <future>
#include <map>
#include <optional>
#include <set>

namespace crosscheck {
namespace {


double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Adds the seconds of its scope to `total`.
class PhaseTimer {
 public:
  explicit PhaseTimer(double* total) : total_(total), start_(std::chrono::steady_clock::now()) {}
  ~PhaseTimer() { *total_ += SecondsSince(start_); }

 private:
  double* total_;
  std::chrono::steady_clock::time_point start_;
};

LinkOutput LinkBatch(const Linker& linker, LinkInput input, std::vector<std::string>* repaired,
                     LinkStoreStats* stats) {
  stats->doc_events += input.doc_events.size();
  ++stats->batches;
  PhaseTimer timer(&stats->link_seconds);
  LinkOutput linked = linker.Link(std::move(input));
  stats->events += linked.events.size();
  for (const DocumentRecord& d : linked.changed_documents) {
    if (d.published.basis == DateBasis::kCluster) repaired->push_back(d.doc_id);
  }
  return linked;
}

// Runs `body` in a transaction of its own.
template <typename Body>
Status InTransaction(SqliteStore& store, Body body) {
  CROSSCHECK_RETURN_IF_ERROR(store.Begin());
  Status s = body();
  if (!s.ok()) {
    (void)store.Rollback();
    return s;
  }
  return store.Commit();
}

// A batch being linked on a thread of its own, with the rowids its load saw.
struct Linking {
  SqliteStore::LoadedRows rows;
  std::future<LinkOutput> linked;
};

// Every block, a batch of whole blocks at a time (the linker gives a block the same events
// whichever other blocks it is linked with), each batch written in a transaction of its own: the
// write-ahead log then holds one batch's pages, not the whole store's (SqliteStore::BeginFullLink
// says how an interrupted full link is redone). A batch is linked on a second thread while the
// store thread loads the next one: batches write disjoint rows (a document's lead event, which
// alone changes the document, lies in one block), so the result is the same as one at a time.
Status LinkAll(SqliteStore& store, const Linker& linker, int64_t batch_size, std::vector<std::string>* repaired,
               LinkStoreStats* stats) {
  std::vector<std::pair<std::string, int64_t>> blocks;
  CROSSCHECK_RETURN_IF_ERROR(store.BlockSizes(nullptr, &blocks));
  CROSSCHECK_RETURN_IF_ERROR(InTransaction(store, [&] { return store.BeginFullLink(); }));
  // The linker's stats and `repaired` are the linking thread's until its batch is written.
  auto write = [&](Linking& batch) {
    LinkOutput linked = batch.linked.get();
    PhaseTimer timer(&stats->write_seconds);
    return InTransaction(store, [&] {
      return store.AddLinkedEvents(batch.rows, linked.events, linked.changed_claims, linked.changed_doc_events,
                                   linked.changed_documents);
    });
  };
  std::optional<Linking> linking;
  size_t next = 0;
  do {
    std::vector<std::string> keys;
    int64_t size = 0;
    while (next < blocks.size() && (keys.empty() || size + blocks[next].second <= batch_size)) {
      size += blocks[next].second;
      keys.push_back(blocks[next++].first);
    }
    LinkInput input;
    {
      PhaseTimer timer(&stats->load_seconds);
      CROSSCHECK_RETURN_IF_ERROR(store.LoadBlocks(keys, {}, &input.documents, &input.claims, &input.doc_events));
    }
    if (linking) CROSSCHECK_RETURN_IF_ERROR(write(*linking));
    linking.emplace();
    linking->rows = store.TakeLoadedRows();
    linking->linked = std::async(std::launch::async, [&linker, repaired, stats, input = std::move(input)]() mutable {
      return LinkBatch(linker, std::move(input), repaired, stats);
    });
  } while (next < blocks.size());
  CROSSCHECK_RETURN_IF_ERROR(write(*linking));
  PhaseTimer timer(&stats->finish_seconds);
  return InTransaction(store, [&] { return store.EndFullLink(); });
}

// What the touched documents can change, linked in one go.
Status LinkAround(SqliteStore& store, const Linker& linker, const LinkOptions& options,
                  const std::vector<std::string>& touched, const std::vector<std::string>& extra_keys,
                  std::vector<std::string>* repaired, LinkStoreStats* stats) {
  SqliteStore::LinkSelection selection;
  selection.documents = touched;
  std::vector<SqliteStore::DocEventPlace> places;
  CROSSCHECK_RETURN_IF_ERROR(store.DocEventPlaces(touched, &places));
  std::set<std::string> whole;
  for (const std::string& k : extra_keys) {
    if (!k.empty()) whole.insert(k);
  }
  std::map<std::string, std::vector<int64_t>> days;  // block -> the new reports' days
  std::set<std::string> events;
  for (const SqliteStore::DocEventPlace& p : places) {
    if (!p.event_id.empty()) events.insert(p.event_id);
    if (p.block_key.empty()) continue;  // no place: never merged, its own event is redone
    std::optional<Date> date = p.date.empty() ? std::nullopt : Date::Parse(p.date);
    if (!date) {
      whole.insert(p.block_key);  // an undated report may join any event of its block
    } else {
      days[p.block_key].push_back(date->ToDays());
    }
  }
  // A report of day d may join an event that started up to max_event_days before it, and change
  // which event the reports of the days after it join: the events starting within `reach` of d
  // are linked again, each with all its members.
  const int64_t reach = int64_t(options.max_event_days) + options.max_day_gap;
  for (auto& [key, ds] : days) {
    if (whole.count(key)) continue;
    std::sort(ds.begin(), ds.end());
    std::vector<std::string> found;
    for (size_t i = 0; i < ds.size();) {
      int64_t lo = ds[i] - reach, hi = ds[i] + reach;
      while (++i < ds.size() && ds[i] - reach <= hi + 1) hi = ds[i] + reach;
      CROSSCHECK_RETURN_IF_ERROR(
          store.EventsStarting(key, Date::FromDays(lo).ToString(), Date::FromDays(hi).ToString(), &found));
    }
    events.insert(found.begin(), found.end());
  }
  selection.blocks.assign(whole.begin(), whole.end());
  selection.events.assign(events.begin(), events.end());
  LinkInput input;
  {
    PhaseTimer timer(&stats->load_seconds);
    CROSSCHECK_RETURN_IF_ERROR(store.LoadSelection(selection, &input.documents, &input.claims, &input.doc_events));
  }
  LinkOutput linked = LinkBatch(linker, std::move(input), repaired, stats);
  PhaseTimer timer(&stats->write_seconds);
  return store.ReplaceSelectedEvents(selection, linked.events, linked.changed_claims, linked.changed_doc_events,
                                     linked.changed_documents);
}

}  // namespace

Status LinkStore(SqliteStore& store, const LinkOptions& options, const std::vector<std::string>* touched,
                 const std::vector<std::string>& extra_keys, std::vector<std::string>* repaired,
                 LinkStoreStats* stats) {
  LinkStoreStats ignored;
  if (!stats) stats = &ignored;
  bool incremental = false;
  if (touched) {
    auto blocked = store.EventsHaveBlocks();
    if (!blocked.ok()) return blocked.status();
    incremental = *blocked;
  }
  stats->incremental = incremental;
  if (incremental && touched->empty() && extra_keys.empty()) return Status::Ok();
  Linker linker(options);
  if (!incremental) return LinkAll(store, linker, options.full_link_batch, repaired, stats);
  return InTransaction(store, [&] { return LinkAround(store, linker, options, *touched, extra_keys, repaired, stats); });
}

}  // namespace crosscheck
