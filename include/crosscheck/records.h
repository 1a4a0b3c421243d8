// The records of the output contract (docs/output.md): what a run stores in crosscheck.db and
// writes to documents.jsonl, claims.jsonl and events.jsonl.
//
// Records are flat values with their own strings (they outlive the Document they came from);
// `MakeRecords` turns a processed Document into them, the link stage turns claim records into
// event records, and the store and the writers only move records around.
#ifndef CROSSCHECK_RECORDS_H_
#define CROSSCHECK_RECORDS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/date.h"
#include "crosscheck/document.h"

namespace crosscheck {

// A Place plus the words it was written as.
struct PlaceRecord {
  Place place;
  std::string text;
};

struct CountRecord {
  std::string text;
  Quantity value;
};

struct LeadRecord {
  std::string event_id;  // the linked event, empty before linking
  std::string event_type;
  std::string sub_event_type;
  std::optional<Quantity> killed;
  std::optional<Quantity> injured;
  std::optional<PlaceRecord> location;
  std::optional<Date> date;
};

struct DocumentRecord {
  std::string doc_id;
  std::string path;
  std::string record_id;
  std::string url, outlet, site, title, byline;
  std::string language;
  PublishedDate published;
  std::optional<Date> page_date;
  std::string main_text;
  std::vector<RemovedBlock> removed;
  std::string near_duplicate_of;
  uint64_t body_fingerprint = 0;
  std::optional<LeadRecord> lead;
};

struct ClaimRecord {
  std::string claim_id;   // "<doc_id>-c<N>"
  std::string doc_id;
  std::string sentence;
  int64_t char_start = 0;  // code points into main_text
  int64_t char_end = 0;
  ClaimKind kind = ClaimKind::kKilled;
  std::optional<CountRecord> count;
  std::string victims;
  std::string perpetrator;
  std::optional<PlaceRecord> location;
  std::optional<Date> time_start;
  std::optional<Date> time_end;
  std::string time_text;
  Scope scope = Scope::kIncident;
  std::string source_name;
  ActorType source_type = ActorType::kUnattributed;
  std::string source_text;
  Polarity polarity = Polarity::kAsserted;
  bool hedged = false;
  std::string event_id;
  // Not in the contract: the per-document event this claim belongs to (index in its document),
  // and the claim whose whole this one is a part of ("217 killed, 138 of them in X").
  int doc_event = -1;
  std::string part_of;
};

// A document's own event, flattened for linking.
struct DocEventRecord {
  std::string doc_id;
  int index = 0;  // position among the document's events
  std::string event_type, sub_event_type;
  std::optional<PlaceRecord> location;
  std::optional<Date> date_start, date_end;
  std::string actor1, actor2;
  std::string sentence;  // the sentence that reports it, for summaries
  bool is_lead = false;
  std::string event_id;  // set by linking
};

struct Estimate {
  int64_t low = 0, best = 0, high = 0;
  std::string rule;
};

struct EventSourceRecord {
  std::string name;
  ActorType type = ActorType::kUnattributed;
  std::vector<std::string> claim_ids;
};

struct Contradiction {
  std::vector<std::string> claim_ids;
  std::string note;
};

struct EventRecord {
  std::string event_id;
  std::string event_type, sub_event_type;
  std::optional<Date> date_start, date_end;
  std::optional<PlaceRecord> location;
  std::string actor1, actor2;
  std::optional<Estimate> fatalities;
  std::optional<Estimate> injured;
  std::vector<std::string> claims;
  std::vector<std::string> documents;
  std::vector<EventSourceRecord> sources;
  std::vector<Contradiction> contradictions;
  std::string summary;
};

// Everything one processed document contributes to the store.
struct DocumentRecords {
  DocumentRecord document;
  std::vector<ClaimRecord> claims;
  std::vector<DocEventRecord> events;
};

// Flattens a processed Document (clean, analyse and extract have run) into records.
DocumentRecords MakeRecords(const Document& doc);

// A Document ready for analysis again from a stored record: its main text, paragraphs (split at
// blank lines), headline, metadata and published date.
Document DocumentFromRecord(const DocumentRecord& record);

}  // namespace crosscheck

#endif  // CROSSCHECK_RECORDS_H_
