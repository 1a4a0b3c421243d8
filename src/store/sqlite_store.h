// SqliteStore: crosscheck.db, the store every run writes and every export reads.
//
// Tables (docs/output.md, "crosscheck.db"): `documents`, `claims`, `doc_events` (each document's
// own events, the linker's input) and `events` (linked across documents). Each row keeps the
// record's contract JSON in a `json` column beside key columns that queries and the linker use;
// values are always bound as parameters, never spliced into SQL.
//
// Adding a document whose doc_id is already stored changes nothing, so a run over the same input
// twice, or an incremental run (`run --db EXISTING.db NEW...`), only adds what is new.
//
// Not thread-safe: one thread (the pipeline's writer) owns a store.
#ifndef CROSSCHECK_STORE_SQLITE_STORE_H_
#define CROSSCHECK_STORE_SQLITE_STORE_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "crosscheck/records.h"
#include "crosscheck/status.h"

struct sqlite3;

namespace crosscheck {

class SqliteStore {
 public:
  // Opens (creating if needed) the database at `path` and its schema.
  static Result<std::unique_ptr<SqliteStore>> Open(const std::string& path);
  ~SqliteStore();
  SqliteStore(const SqliteStore&) = delete;
  SqliteStore& operator=(const SqliteStore&) = delete;

  // Batches writes: many AddDocument calls inside one transaction are far faster.
  Status Begin();
  Status Commit();
  Status Rollback();

  // Stores a document with its claims and events. Returns false (and stores nothing) when the
  // doc_id is already in the store.
  Result<bool> AddDocument(const DocumentRecords& records);
  Result<bool> HasDocument(const std::string& doc_id);

  // Replaces a stored document's record, claims and events with a new analysis of it (after its
  // date was repaired from the event it reports).
  Status ReplaceDocument(const DocumentRecords& records);

  // The full record (with its body) of one stored document.
  Result<DocumentRecord> GetDocument(const std::string& doc_id);

  // Row counts of a table ("documents", "claims", "events").
  Result<int64_t> Count(std::string_view table);

  // The linker's input, in storage order. Documents come without main_text.
  Status LoadDocuments(std::vector<DocumentRecord>* out);
  Status LoadClaims(std::vector<ClaimRecord>* out);
  Status LoadDocEvents(std::vector<DocEventRecord>* out);
  Status LoadEvents(std::vector<EventRecord>* out);

  // Replaces every event with `events` and rewrites the claims, document events and documents
  // whose linking changed (event ids, repaired dates, lead event ids).
  Status ReplaceEvents(const std::vector<EventRecord>& events,
                       const std::vector<ClaimRecord>& changed_claims,
                       const std::vector<DocEventRecord>& changed_doc_events,
                       const std::vector<DocumentRecord>& changed_documents);

  // ---- Linking by blocks (link/block_key.h): the linker's input a block at a time, so a large
  // store is linked in parts and an incremental run re-links only the blocks it touched.

  // The block keys with their number of document events: of every block, or (doc_ids given) of
  // the blocks those documents' events fall in. The empty key holds reports with no place.
  Status BlockSizes(const std::vector<std::string>* doc_ids,
                    std::vector<std::pair<std::string, int64_t>>* out);
  // True when events are stored and every event and document event has its block key (a db
  // from before block keys has none, and is linked whole).
  Result<bool> EventsHaveBlocks();
  // What a partial link loads and replaces: whole blocks, the members of stored events, and
  // every event of some documents (the ones a run added). Their union is linked together.
  struct LinkSelection {
    std::vector<std::string> blocks;     // block keys: every document event filed under them
    std::vector<std::string> events;     // event ids: every document event they hold
    std::vector<std::string> documents;  // doc ids: every event of theirs
  };
  // The document events of `selection` (each once, in storage order) with their claims and
  // their documents (without main_text).
  Status LoadSelection(const LinkSelection& selection, std::vector<DocumentRecord>* documents,
                       std::vector<ClaimRecord>* claims, std::vector<DocEventRecord>* doc_events);
  // The document events filed under `keys` (the empty key: every place-less one) and the
  // place-less ones of `placeless_docs`, in storage order, with their claims and their documents
  // (without main_text).
  Status LoadBlocks(const std::vector<std::string>& keys, const std::vector<std::string>& placeless_docs,
                    std::vector<DocumentRecord>* documents, std::vector<ClaimRecord>* claims,
                    std::vector<DocEventRecord>* doc_events);
  // Drops the events of `selection` (those filed under its blocks, and those named) and stores
  // what linking its document events gave, like ReplaceEvents.
  Status ReplaceSelectedEvents(const LinkSelection& selection, const std::vector<EventRecord>& events,
                               const std::vector<ClaimRecord>& changed_claims,
                               const std::vector<DocEventRecord>& changed_doc_events,
                               const std::vector<DocumentRecord>& changed_documents);
  // Like ReplaceEvents, but drops only the events filed under `keys` (events of place-less
  // reports are replaced by id).
  Status ReplaceEventsOfBlocks(const std::vector<std::string>& keys, const std::vector<EventRecord>& events,
                               const std::vector<ClaimRecord>& changed_claims,
                               const std::vector<DocEventRecord>& changed_doc_events,
                               const std::vector<DocumentRecord>& changed_documents);

  // ---- A full link of a large store (engine/link_store.h), in batches: BeginFullLink drops every
  // event and the indexes on link results, and marks the events unfinished (EventsHaveBlocks is
  // false until EndFullLink); each batch's LoadBlocks is followed, after TakeLoadedRows, by
  // AddLinkedEvents with those rows, in a transaction of its own if the caller likes (the next
  // batch may be loaded in between); EndFullLink builds the indexes again and clears the mark.
  // Rows are rewritten in storage order, by the rowids their load saw.

  // The rowids of the records a load returned: claim_id, "doc_id\tindex", doc_id -> rowid.
  struct LoadedRows {
    std::unordered_map<std::string, int64_t> claims, doc_events, documents;
  };
  // What the last LoadBlocks / LoadSelection saw; the store forgets it.
  LoadedRows TakeLoadedRows();
  Status BeginFullLink();
  Status AddLinkedEvents(const LoadedRows& rows, const std::vector<EventRecord>& events,
                         const std::vector<ClaimRecord>& changed_claims,
                         const std::vector<DocEventRecord>& changed_doc_events,
                         const std::vector<DocumentRecord>& changed_documents);
  Status EndFullLink();

  // ---- Linking by time windows: an incremental run links again only the events of a block
  // whose dates lie near its new reports' (index on block key and date).

  // Where the document events of `doc_ids` are filed: block key, date_start (YYYY-MM-DD, empty
  // when undated) and the event they are in (empty before linking).
  struct DocEventPlace {
    std::string doc_id;
    std::string block_key;
    std::string date;
    std::string event_id;
  };
  Status DocEventPlaces(const std::vector<std::string>& doc_ids, std::vector<DocEventPlace>* out);
  // The ids of the events filed under `key` that start between `first` and `last` (YYYY-MM-DD,
  // inclusive), appended to `out`.
  Status EventsStarting(const std::string& key, const std::string& first, const std::string& last,
                        std::vector<std::string>* out);

  // Calls fn with each row's JSON, in storage order (events: by date, then id); with `limit`,
  // with the first `limit` rows only.
  Status ForEachJson(std::string_view table, const std::function<Status(std::string_view)>& fn,
                     int64_t limit = -1);

 private:
  explicit SqliteStore(sqlite3* db) : db_(db) {}
  Status Exec(const char* sql);
  Status AddMissingColumns();
  Status FillKeys(const char* table, const std::vector<std::string>& keys);
  Status ParseDocEvents(std::vector<std::pair<int64_t, std::string>> rows, std::vector<DocEventRecord>* doc_events);
  Status LoadRecordsOf(const std::vector<DocEventRecord>& doc_events, std::vector<DocumentRecord>* documents,
                       std::vector<ClaimRecord>* claims);
  Status PutEvents(const LoadedRows& rows, const std::vector<EventRecord>& events,
                   const std::vector<ClaimRecord>& changed_claims,
                   const std::vector<DocEventRecord>& changed_doc_events,
                   const std::vector<DocumentRecord>& changed_documents);
  Status PutDocumentRow(const DocumentRecord& record, bool replace);
  Status PutClaimsAndEvents(const DocumentRecords& records);
  void ForgetRows();
  static std::string DocEventKey(const std::string& doc_id, int index);
  sqlite3* db_;
  // The rowids of the records the last LoadBlocks / LoadSelection returned, so their changes are
  // written in storage order.
  LoadedRows loaded_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_STORE_SQLITE_STORE_H_
