// Linker: the link stage — one event from many reports.
//
// Input: every stored document (without its body), claim and per-document event. Output: the
// events of events.jsonl, and the records whose linking changed them (claims and document events
// given an event id, documents whose date was repaired from their event or whose lead now points
// at a linked event). Runs after all documents are processed, on records only.
//
// Scale: blocking sorts integer keys (interned place, day) and sweeps each block once in date
// order, scoring a report only against the events of its block still open on its day
// (link/match.h), so linking is O(n log n) in the number of document events and never compares
// all pairs; the records are moved, not copied, into the output. Linking a subset that holds
// whole blocks (every document event filed under the same BlockKey) gives those blocks the same
// events as linking everything, which is what batched linking relies on. Incremental runs
// (engine/link_store.h) link a time window of a block, whole events at a time: the same events
// but where a report at the window's edge would have chosen an event outside it.
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

  // ---- Match scoring (link/match.h): a report joins the best-scoring event of its town whose
  // date window admits it, when the score reaches `merge_threshold`; otherwise it starts an event.
  // Dates further apart than the window above, and different towns, never meet at all. Each
  // term below is added when its evidence is present; absent evidence adds nothing.
  double merge_threshold = 1.25;
  // Event type: the same ACLED type, plus the same sub-event type; or different types of one
  // family (Battles, Explosions/Remote violence, Violence against civilians; or Protests, Riots),
  // which needs other evidence to merge. Types of different families never merge.
  double same_type = 1.0;
  double same_sub_type = 0.5;
  double related_type = -0.5;
  // Actors: a side named by both (every name of a state's forces is one side), or both name
  // actors and share none.
  double same_actor = 1.0;
  double other_actors = -0.75;
  // Place within the town: the same neighbourhood; the town itself (half of it for a region,
  // nothing for a country); two different neighbourhoods of the town.
  double same_quarter = 1.0;
  double same_town = 0.5;
  double other_quarter = -0.5;
  // Date: the report's day lies within the event's days so far (not only within the window).
  double same_days = 0.5;
  // Death tolls: both state incident totals, and they agree, or lie far apart by the
  // contradiction rule above (a third as many and `contradiction_min_gap` fewer).
  double counts_agree = 0.5;
  double counts_far_apart = -1.0;
  // Distinctive words of the reporting sentences (the lead and the claims'), compared by their
  // overlap: the share of the smaller set found in the other. `words_agree` at half or more
  // (pro rata below); `words_differ` when both have at least `min_words_to_differ` such words
  // and the overlap is under `words_differ_below` (a word or two in common by chance).
  double words_agree = 1.0;
  double words_differ = -0.75;
  double words_differ_below = 0.2;
  int min_words_to_differ = 3;

  // A full link of a store (engine/link_store.h) loads whole blocks until about this many
  // document events at a time; two batches are in memory at once (one linked while the next
  // loads). At the default a full link of a million reports peaks near 2.2 GB.
  int64_t full_link_batch = 100000;
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
