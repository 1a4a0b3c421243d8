// Linker: the link stage — one event from many reports.
//
// Input: every stored document (without its body), claim and per-document event. Output: the
// events of events.jsonl, and the records whose linking changed them (claims and document events
// given an event id, documents whose date was repaired from their event or whose lead now points
// at a linked event). Runs after all documents are processed, on records only.
#ifndef CROSSCHECK_LINK_LINKER_H_
#define CROSSCHECK_LINK_LINKER_H_

#include <vector>

#include "crosscheck/records.h"

namespace crosscheck {

struct LinkOptions {
  // Two reports of one event may date it this many days apart (a report of Saturday's shelling
  // published on Monday).
  int max_day_gap = 2;
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
