// Linker: the link stage — one event from many reports.
//
// Input: every stored document (without its body), claim and per-document event. Output: the
// events of events.jsonl, and the records whose linking changed them (claims and document events
// given an event id, documents whose date was repaired from their event or whose lead now points
// at a linked event). Runs after all documents are processed, on records only.
//
// Scale: blocking sorts integer keys (interned place, event type, day) and sweeps each block once,
// so linking is O(n log n) in the number of document events and never compares all pairs; the
// records are moved, not copied, into the output. Linking a subset that holds whole blocks (every
// document event filed under the same BlockKey) gives those blocks the same events as linking
// everything, which is what incremental runs rely on.
//
// Thread-safe: Link is const and keeps no state between calls.
#ifndef CROSSCHECK_LINK_LINKER_H_
#define CROSSCHECK_LINK_LINKER_H_

#include <vector>

#include "crosscheck/records.h"

namespace crosscheck {

struct LinkOptions {
  // Two reports of one event may date it this many days apart (a report of Saturday's shelling
  // published on Monday).
  int max_day_gap = 2;
  // An event spans at most this many days from its first report's date: daily reports from one
  // town over weeks are a campaign of separate events, not one event grown by chaining.
  int max_event_days = 7;
  // Two counts of the same kind, place and time contradict each other when one source's lowest
  // figure is at least this many times another's highest, and at least `contradiction_min_gap`
  // above it ("at least 40 killed" against "12 killed"; not 105 against 217).
  int contradiction_ratio = 3;
  int contradiction_min_gap = 10;
};

struct LinkInput {
  std::vector<DocumentRecord> documents;
  std::vector<ClaimRecord> claims;
  std::vector<DocEventRecord> doc_events;
};

struct LinkOutput {
  std::vector<EventRecord> events;  // sorted by date, then event_id
  std::vector<ClaimRecord> changed_claims;
  std::vector<DocEventRecord> changed_doc_events;
  std::vector<DocumentRecord> changed_documents;
};

class Linker {
 public:
  explicit Linker(LinkOptions options = {}) : options_(options) {}
  LinkOutput Link(LinkInput input) const;

 private:
  LinkOptions options_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_LINK_LINKER_H_
