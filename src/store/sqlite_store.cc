#include "store/sqlite_store.h"

#include <sqlite3.h>

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "link/block_key.h"
#include "store/record_json.h"
#include "util/parallel_for.h"

namespace crosscheck {
namespace {

constexpr const char* kSchema = R"sql(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA temp_store = MEMORY;
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT);
INSERT OR IGNORE INTO meta VALUES ('schema_version', '1');
CREATE TABLE IF NOT EXISTS documents (
  seq INTEGER PRIMARY KEY,
  doc_id TEXT NOT NULL UNIQUE,
  path TEXT NOT NULL,
  record_id TEXT,
  url TEXT,
  outlet TEXT,
  site TEXT,
  title TEXT,
  language TEXT,
  published_date TEXT,
  published_basis TEXT,
  published_confidence REAL,
  page_date TEXT,
  near_duplicate_of TEXT,
  lead_event_id TEXT,
  json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS claims (
  seq INTEGER PRIMARY KEY,
  claim_id TEXT NOT NULL UNIQUE,
  doc_id TEXT NOT NULL,
  kind TEXT NOT NULL,
  count_min INTEGER,
  count_max INTEGER,
  scope TEXT NOT NULL,
  polarity TEXT NOT NULL,
  source_name TEXT,
  source_type TEXT,
  place_name TEXT,
  country_code TEXT,
  time_start TEXT,
  event_id TEXT,
  json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS claims_by_doc ON claims(doc_id);
CREATE INDEX IF NOT EXISTS claims_by_event ON claims(event_id);
CREATE TABLE IF NOT EXISTS doc_events (
  doc_id TEXT NOT NULL,
  idx INTEGER NOT NULL,
  event_type TEXT,
  date_start TEXT,
  country_code TEXT,
  place_name TEXT,
  event_id TEXT,
  json TEXT NOT NULL,
  PRIMARY KEY (doc_id, idx));
CREATE TABLE IF NOT EXISTS events (
  seq INTEGER PRIMARY KEY,
  event_id TEXT NOT NULL UNIQUE,
  event_type TEXT,
  sub_event_type TEXT,
  date_start TEXT,
  date_end TEXT,
  place_name TEXT,
  admin1 TEXT,
  country_code TEXT,
  fatalities_low INTEGER,
  fatalities_best INTEGER,
  fatalities_high INTEGER,
  json TEXT NOT NULL);
)sql";

// Columns added after the first schema: a db made before them gets them on open. `block_key` is
// the linker's place key (link/block_key.h), so incremental runs can load whole blocks.
constexpr const char* kAddedColumns[][2] = {
    {"doc_events", "block_key"},
    {"events", "block_key"},
};
// Incremental runs find the events near a new report's date in its block, and their members.
constexpr const char* kAddedIndexes = R"sql(
CREATE INDEX IF NOT EXISTS doc_events_by_block ON doc_events(block_key);
CREATE INDEX IF NOT EXISTS doc_events_by_event ON doc_events(event_id);
DROP INDEX IF EXISTS events_by_block;
CREATE INDEX IF NOT EXISTS events_by_block_date ON events(block_key, date_start);
)sql";

// A prepared statement that finalizes itself; binds are 1-based as in SQLite.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  ~Stmt() { sqlite3_finalize(stmt_); }
  bool ok() const { return rc_ == SQLITE_OK; }
  Stmt& Text(int i, std::string_view s) {
    sqlite3_bind_text(stmt_, i, s.data(), int(s.size()), SQLITE_TRANSIENT);
    return *this;
  }
  // Empty strings are stored as NULL, as the contract writes null where nothing is known.
  Stmt& TextOrNull(int i, std::string_view s) {
    if (s.empty()) {
      sqlite3_bind_null(stmt_, i);
    } else {
      Text(i, s);
    }
    return *this;
  }
  Stmt& Int(int i, int64_t v) {
    sqlite3_bind_int64(stmt_, i, v);
    return *this;
  }
  Stmt& OptInt(int i, const std::optional<int64_t>& v) {
    if (v) {
      sqlite3_bind_int64(stmt_, i, *v);
    } else {
      sqlite3_bind_null(stmt_, i);
    }
    return *this;
  }
  Stmt& Real(int i, double v) {
    sqlite3_bind_double(stmt_, i, v);
    return *this;
  }
  Stmt& Date(int i, const std::optional<crosscheck::Date>& d) {
    return TextOrNull(i, d ? d->ToString() : std::string());
  }
  int Step() { return sqlite3_step(stmt_); }
  void Reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  std::string_view Column(int i) {
    const unsigned char* p = sqlite3_column_text(stmt_, i);
    return p ? std::string_view(reinterpret_cast<const char*>(p), size_t(sqlite3_column_bytes(stmt_, i)))
             : std::string_view();
  }
  int64_t ColumnInt(int i) { return sqlite3_column_int64(stmt_, i); }

 private:
  sqlite3_stmt* stmt_ = nullptr;
  int rc_;
};

Status SqlError(sqlite3* db, std::string_view what) {
  return Status::IOError(std::string(what) + ": " + sqlite3_errmsg(db));
}

// A query's rows as (rowid, JSON), once sorted by rowid: storage order, without SQLite sorting the
// JSON text itself.
using JsonRows = std::vector<std::pair<int64_t, std::string>>;

// Appends the (rowid, JSON) rows of a query that selects those two columns.
Status AppendRows(sqlite3* db, Stmt& query, std::string_view what, JsonRows* rows) {
  if (!query.ok()) return SqlError(db, what);
  int rc;
  while ((rc = query.Step()) == SQLITE_ROW) rows->emplace_back(query.ColumnInt(0), std::string(query.Column(1)));
  if (rc != SQLITE_DONE) return SqlError(db, what);
  return Status::Ok();
}

// Storage order, each row once (the look-ups of a selection may find a row twice).
void SortByRow(JsonRows* rows) {
  std::sort(rows->begin(), rows->end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  rows->erase(std::unique(rows->begin(), rows->end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
              rows->end());
}

int64_t Find(const std::unordered_map<std::string, int64_t>& rows, const std::string& key) {
  auto it = rows.find(key);
  return it == rows.end() ? -1 : it->second;
}

// The records with their rowids (-1: unknown), by rowid; unknown ones first, in their order.
template <typename Record, typename RowOf>
std::vector<std::pair<int64_t, const Record*>> InRowOrder(const std::vector<Record>& records, RowOf row_of) {
  std::vector<std::pair<int64_t, const Record*>> out;
  out.reserve(records.size());
  for (const Record& r : records) out.emplace_back(row_of(r), &r);
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return out;
}

// Parsing records, not reading them, is most of a large load; it runs on every core.
template <typename Record>
Status ParseRows(const JsonRows& rows, std::vector<Record>* out) {
  out->resize(rows.size());
  return ParallelFor(rows.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) CROSSCHECK_RETURN_IF_ERROR(FromJson(rows[i].second, &(*out)[i]));
    return Status::Ok();
  });
}

// The JSON of each record, made on every core: serialising is most of writing a large link back.
template <typename Item, typename RecordOf>
std::vector<std::string> JsonOf(const std::vector<Item>& items, RecordOf record_of) {
  std::vector<std::string> json(items.size());
  (void)ParallelFor(items.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) json[i] = ToJson(record_of(items[i]));
    return Status::Ok();
  });
  return json;
}

}  // namespace

Result<std::unique_ptr<SqliteStore>> SqliteStore::Open(const std::string& path) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    Status s = Status::IOError("cannot open database " + path + ": " +
                               (db ? sqlite3_errmsg(db) : "out of memory"));
    sqlite3_close(db);
    return s;
  }
  sqlite3_busy_timeout(db, 5000);
  std::unique_ptr<SqliteStore> store(new SqliteStore(db));
  // A large store is read and rewritten a batch of blocks at a time: a page cache of a few
  // hundred MB keeps a batch's pages in memory instead of re-reading and re-writing them.
  Status s = store->Exec("PRAGMA cache_size = -262144");
  if (s.ok()) s = store->Exec(kSchema);
  if (s.ok()) s = store->AddMissingColumns();
  if (s.ok()) s = store->Exec(kAddedIndexes);
  if (!s.ok()) return s.WithContext(path);
  return store;
}

SqliteStore::~SqliteStore() { sqlite3_close(db_); }

Status SqliteStore::AddMissingColumns() {
  for (const auto& [table, column] : kAddedColumns) {
    std::string info = std::string("SELECT 1 FROM pragma_table_info('") + table + "') WHERE name = ?";
    Stmt q(db_, info.c_str());
    if (!q.ok()) return SqlError(db_, "schema");
    q.Text(1, column);
    if (q.Step() == SQLITE_ROW) continue;
    std::string alter = std::string("ALTER TABLE ") + table + " ADD COLUMN " + column + " TEXT";
    CROSSCHECK_RETURN_IF_ERROR(Exec(alter.c_str()));
  }
  return Status::Ok();
}

Status SqliteStore::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    Status s = Status::IOError(err ? err : "sqlite error");
    sqlite3_free(err);
    return s;
  }
  return Status::Ok();
}

Status SqliteStore::Begin() { return Exec("BEGIN"); }
Status SqliteStore::Commit() { return Exec("COMMIT"); }
Status SqliteStore::Rollback() { return Exec("ROLLBACK"); }

Result<bool> SqliteStore::HasDocument(const std::string& doc_id) {
  Stmt q(db_, "SELECT 1 FROM documents WHERE doc_id = ?");
  if (!q.ok()) return SqlError(db_, "HasDocument");
  q.Text(1, doc_id);
  return q.Step() == SQLITE_ROW;
}

namespace {
// The documents row's columns of a record and its JSON: ?1 doc_id, ?2..?15 the rest (as
// PutDocumentRow).
void BindDocument(Stmt& put, const DocumentRecord& d, std::string_view json) {
  put.Text(1, d.doc_id).Text(2, d.path).TextOrNull(3, d.record_id).TextOrNull(4, d.url);
  put.TextOrNull(5, d.outlet).TextOrNull(6, d.site).TextOrNull(7, d.title).Text(8, d.language);
  put.Date(9, d.published.date).TextOrNull(10, DateBasisName(d.published.basis));
  put.Real(11, d.published.confidence).Date(12, d.page_date).TextOrNull(13, d.near_duplicate_of);
  put.TextOrNull(14, d.lead ? d.lead->event_id : std::string()).Text(15, json);
}
constexpr const char* kUpdateDocument =
    "UPDATE documents SET path=?2, record_id=?3, url=?4, outlet=?5, site=?6, title=?7, language=?8, "
    "published_date=?9, published_basis=?10, published_confidence=?11, page_date=?12, "
    "near_duplicate_of=?13, lead_event_id=?14, json=?15 ";
}  // namespace

Status SqliteStore::PutDocumentRow(const DocumentRecord& d, bool replace) {
  std::string update = std::string(kUpdateDocument) + "WHERE doc_id=?1";
  Stmt put(db_, replace ? update.c_str()
                        : "INSERT INTO documents (doc_id, path, record_id, url, outlet, site, title, "
                          "language, published_date, published_basis, published_confidence, "
                          "page_date, near_duplicate_of, lead_event_id, json) VALUES "
                          "(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15)");
  if (!put.ok()) return SqlError(db_, "documents");
  BindDocument(put, d, ToJson(d));
  if (put.Step() != SQLITE_DONE) return SqlError(db_, "storing document " + d.doc_id);
  return Status::Ok();
}

Result<bool> SqliteStore::AddDocument(const DocumentRecords& records) {
  auto has = HasDocument(records.document.doc_id);
  if (!has.ok()) return has.status();
  if (*has) return false;
  CROSSCHECK_RETURN_IF_ERROR(PutDocumentRow(records.document, /*replace=*/false));

  CROSSCHECK_RETURN_IF_ERROR(PutClaimsAndEvents(records));
  return true;
}

Status SqliteStore::PutClaimsAndEvents(const DocumentRecords& records) {
  Stmt claim(db_, "INSERT INTO claims (claim_id, doc_id, kind, count_min, count_max, scope, polarity, "
                  "source_name, source_type, place_name, country_code, time_start, event_id, json) "
                  "VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)");
  if (!claim.ok()) return SqlError(db_, "claims");
  for (const ClaimRecord& c : records.claims) {
    claim.Text(1, c.claim_id).Text(2, c.doc_id).Text(3, ClaimKindName(c.kind));
    claim.OptInt(4, c.count ? c.count->value.min : std::nullopt);
    claim.OptInt(5, c.count ? c.count->value.max : std::nullopt);
    claim.Text(6, ScopeName(c.scope)).Text(7, PolarityName(c.polarity));
    claim.TextOrNull(8, c.source_name).Text(9, ActorTypeName(c.source_type));
    claim.TextOrNull(10, c.location ? c.location->place.name : std::string());
    claim.TextOrNull(11, c.location ? c.location->place.country_code : std::string());
    claim.Date(12, c.time_start).TextOrNull(13, c.event_id).Text(14, ToJson(c));
    if (claim.Step() != SQLITE_DONE) return SqlError(db_, "storing claim " + c.claim_id);
    claim.Reset();
  }

  Stmt event(db_, "INSERT INTO doc_events (doc_id, idx, event_type, date_start, country_code, "
                  "place_name, event_id, json, block_key) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)");
  if (!event.ok()) return SqlError(db_, "doc_events");
  for (const DocEventRecord& e : records.events) {
    event.Text(1, e.doc_id).Int(2, e.index).Text(3, e.event_type).Date(4, e.date_start);
    event.TextOrNull(5, e.location ? e.location->place.country_code : std::string());
    event.TextOrNull(6, e.location ? e.location->place.name : std::string());
    event.TextOrNull(7, e.event_id).Text(8, ToJson(e)).Text(9, BlockKey(e.location));
    if (event.Step() != SQLITE_DONE) return SqlError(db_, "storing events of " + e.doc_id);
    event.Reset();
  }
  return Status::Ok();
}

Status SqliteStore::ReplaceDocument(const DocumentRecords& records) {
  const std::string& id = records.document.doc_id;
  Stmt drop_claims(db_, "DELETE FROM claims WHERE doc_id = ?");
  Stmt drop_events(db_, "DELETE FROM doc_events WHERE doc_id = ?");
  if (!drop_claims.ok() || !drop_events.ok()) return SqlError(db_, "replacing " + id);
  drop_claims.Text(1, id);
  drop_events.Text(1, id);
  if (drop_claims.Step() != SQLITE_DONE || drop_events.Step() != SQLITE_DONE) {
    return SqlError(db_, "replacing " + id);
  }
  CROSSCHECK_RETURN_IF_ERROR(PutDocumentRow(records.document, /*replace=*/true));
  return PutClaimsAndEvents(records);
}

Result<DocumentRecord> SqliteStore::GetDocument(const std::string& doc_id) {
  Stmt q(db_, "SELECT json FROM documents WHERE doc_id = ?");
  if (!q.ok()) return SqlError(db_, "GetDocument");
  q.Text(1, doc_id);
  if (q.Step() != SQLITE_ROW) return Status::NotFound("no document " + doc_id);
  DocumentRecord d;
  CROSSCHECK_RETURN_IF_ERROR(FromJson(q.Column(0), &d));
  return d;
}

Result<int64_t> SqliteStore::Count(std::string_view table) {
  // Table names cannot be bound as parameters; only the known names are accepted.
  const char* sql = table == "documents" ? "SELECT count(*) FROM documents"
                    : table == "claims"  ? "SELECT count(*) FROM claims"
                    : table == "events"  ? "SELECT count(*) FROM events"
                    : table == "doc_events" ? "SELECT count(*) FROM doc_events"
                                            : nullptr;
  if (!sql) return Status::InvalidArgument("no table " + std::string(table));
  Stmt q(db_, sql);
  if (!q.ok() || q.Step() != SQLITE_ROW) return SqlError(db_, "count");
  return q.ColumnInt(0);
}

namespace {
const char* JsonQuery(std::string_view table) {
  if (table == "documents") return "SELECT json FROM documents ORDER BY seq";
  if (table == "claims") return "SELECT json FROM claims ORDER BY seq";
  if (table == "doc_events") return "SELECT json FROM doc_events ORDER BY rowid";
  if (table == "events") return "SELECT json FROM events ORDER BY date_start IS NULL, date_start, event_id";
  return nullptr;
}
}  // namespace

Status SqliteStore::ForEachJson(std::string_view table,
                                const std::function<Status(std::string_view)>& fn, int64_t limit) {
  const char* sql = JsonQuery(table);
  if (!sql) return Status::InvalidArgument("no table " + std::string(table));
  Stmt q(db_, (std::string(sql) + " LIMIT ?1").c_str());
  if (!q.ok()) return SqlError(db_, "reading " + std::string(table));
  q.Int(1, limit);  // a negative limit is none
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) CROSSCHECK_RETURN_IF_ERROR(fn(q.Column(0)));
  if (rc != SQLITE_DONE) return SqlError(db_, "reading " + std::string(table));
  return Status::Ok();
}

namespace {
template <typename Record>
Status LoadAll(SqliteStore* store, std::string_view table, std::vector<Record>* out) {
  out->clear();
  return store->ForEachJson(table, [&](std::string_view json) {
    Record r;
    CROSSCHECK_RETURN_IF_ERROR(FromJson(json, &r));
    out->push_back(std::move(r));
    return Status::Ok();
  });
}
}  // namespace

Status SqliteStore::LoadDocuments(std::vector<DocumentRecord>* out) {
  Status s = LoadAll(this, "documents", out);
  // The linker never needs the body; dropping it keeps a large store's documents small.
  for (DocumentRecord& d : *out) std::string().swap(d.main_text);
  return s;
}
Status SqliteStore::LoadClaims(std::vector<ClaimRecord>* out) { return LoadAll(this, "claims", out); }
Status SqliteStore::LoadDocEvents(std::vector<DocEventRecord>* out) {
  return LoadAll(this, "doc_events", out);
}
Status SqliteStore::LoadEvents(std::vector<EventRecord>* out) { return LoadAll(this, "events", out); }

Status SqliteStore::ReplaceEvents(const std::vector<EventRecord>& events,
                                  const std::vector<ClaimRecord>& changed_claims,
                                  const std::vector<DocEventRecord>& changed_doc_events,
                                  const std::vector<DocumentRecord>& changed_documents) {
  CROSSCHECK_RETURN_IF_ERROR(Exec("DELETE FROM events"));
  return PutEvents(loaded_, events, changed_claims, changed_doc_events, changed_documents);
}

// Keys go into a temporary table, so a query takes any number of them without a long IN list.
Status SqliteStore::FillKeys(const char* table, const std::vector<std::string>& keys) {
  std::string create = std::string("CREATE TEMP TABLE IF NOT EXISTS ") + table + " (k TEXT PRIMARY KEY)";
  std::string clear = std::string("DELETE FROM ") + table;
  CROSSCHECK_RETURN_IF_ERROR(Exec(create.c_str()));
  CROSSCHECK_RETURN_IF_ERROR(Exec(clear.c_str()));
  std::string insert = std::string("INSERT OR IGNORE INTO ") + table + " VALUES (?)";
  Stmt put(db_, insert.c_str());
  if (!put.ok()) return SqlError(db_, "keys");
  for (const std::string& k : keys) {
    put.Text(1, k);
    if (put.Step() != SQLITE_DONE) return SqlError(db_, "keys");
    put.Reset();
  }
  return Status::Ok();
}

Status SqliteStore::BlockSizes(const std::vector<std::string>* doc_ids,
                               std::vector<std::pair<std::string, int64_t>>* out) {
  out->clear();
  const char* sql = "SELECT block_key, count(*) FROM doc_events GROUP BY block_key ORDER BY block_key";
  if (doc_ids) {
    CROSSCHECK_RETURN_IF_ERROR(FillKeys("link_docs", *doc_ids));
    sql = "SELECT block_key, count(*) FROM doc_events WHERE block_key IN "
          "(SELECT DISTINCT block_key FROM doc_events WHERE doc_id IN (SELECT k FROM link_docs)) "
          "GROUP BY block_key ORDER BY block_key";
  }
  Stmt q(db_, sql);
  if (!q.ok()) return SqlError(db_, "blocks");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out->emplace_back(std::string(q.Column(0)), q.ColumnInt(1));
  if (rc != SQLITE_DONE) return SqlError(db_, "blocks");
  return Status::Ok();
}

Result<bool> SqliteStore::EventsHaveBlocks() {
  Stmt q(db_, "SELECT (SELECT count(*) FROM events) > 0 AND NOT EXISTS "
              "(SELECT 1 FROM events WHERE block_key IS NULL) AND NOT EXISTS "
              "(SELECT 1 FROM doc_events WHERE block_key IS NULL) AND NOT EXISTS "
              "(SELECT 1 FROM meta WHERE key = 'full_link_unfinished')");
  if (!q.ok() || q.Step() != SQLITE_ROW) return SqlError(db_, "events");
  return q.ColumnInt(0) != 0;
}

Status SqliteStore::LoadBlocks(const std::vector<std::string>& keys, const std::vector<std::string>& placeless_docs,
                               std::vector<DocumentRecord>* documents, std::vector<ClaimRecord>* claims,
                               std::vector<DocEventRecord>* doc_events) {
  documents->clear();
  claims->clear();
  doc_events->clear();
  CROSSCHECK_RETURN_IF_ERROR(FillKeys("link_keys", keys));
  CROSSCHECK_RETURN_IF_ERROR(FillKeys("link_docs", placeless_docs));
  // A report with no place is never merged: only the given documents' ones are linked again.
  ForgetRows();
  Stmt events(db_, "SELECT rowid, json FROM doc_events WHERE block_key IN (SELECT k FROM link_keys) "
                   "OR ((block_key = '' OR block_key IS NULL) AND doc_id IN (SELECT k FROM link_docs))");
  JsonRows rows;
  CROSSCHECK_RETURN_IF_ERROR(AppendRows(db_, events, "doc_events", &rows));
  CROSSCHECK_RETURN_IF_ERROR(ParseDocEvents(std::move(rows), doc_events));
  return LoadRecordsOf(*doc_events, documents, claims);
}

Status SqliteStore::LoadSelection(const LinkSelection& selection, std::vector<DocumentRecord>* documents,
                                  std::vector<ClaimRecord>* claims, std::vector<DocEventRecord>* doc_events) {
  documents->clear();
  claims->clear();
  doc_events->clear();
  // Three indexed look-ups, merged by rowid: a row that several of them find comes once, in
  // storage order.
  JsonRows rows;
  auto collect = [&](const char* keys_table, const std::vector<std::string>& keys, const char* sql) -> Status {
    if (keys.empty()) return Status::Ok();
    CROSSCHECK_RETURN_IF_ERROR(FillKeys(keys_table, keys));
    Stmt q(db_, sql);
    return AppendRows(db_, q, "doc_events", &rows);
  };
  CROSSCHECK_RETURN_IF_ERROR(collect("link_keys", selection.blocks,
                                     "SELECT rowid, json FROM doc_events WHERE block_key != '' AND "
                                     "block_key IN (SELECT k FROM link_keys)"));
  CROSSCHECK_RETURN_IF_ERROR(collect("link_events", selection.events,
                                     "SELECT rowid, json FROM doc_events WHERE event_id IN (SELECT k FROM link_events)"));
  CROSSCHECK_RETURN_IF_ERROR(collect("link_docs", selection.documents,
                                     "SELECT rowid, json FROM doc_events WHERE doc_id IN (SELECT k FROM link_docs)"));
  ForgetRows();
  CROSSCHECK_RETURN_IF_ERROR(ParseDocEvents(std::move(rows), doc_events));
  return LoadRecordsOf(*doc_events, documents, claims);
}

// The document events of `rows`, in storage order, their rowids remembered for the write.
Status SqliteStore::ParseDocEvents(JsonRows rows, std::vector<DocEventRecord>* doc_events) {
  SortByRow(&rows);
  CROSSCHECK_RETURN_IF_ERROR(ParseRows(rows, doc_events));
  loaded_.doc_events.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    const DocEventRecord& e = (*doc_events)[i];
    loaded_.doc_events.emplace(DocEventKey(e.doc_id, e.index), rows[i].first);
  }
  return Status::Ok();
}

// The documents and claims of `doc_events`: only the claims of those events, as a document's
// other events may lie in blocks not loaded.
Status SqliteStore::LoadRecordsOf(const std::vector<DocEventRecord>& doc_events, std::vector<DocumentRecord>* documents,
                                  std::vector<ClaimRecord>* claims) {
  std::vector<std::string> docs;
  std::unordered_set<std::string> wanted;  // DocEventKey of each loaded document event
  wanted.reserve(doc_events.size());
  for (const DocEventRecord& e : doc_events) {
    if (wanted.insert(DocEventKey(e.doc_id, e.index)).second && (docs.empty() || docs.back() != e.doc_id)) {
      docs.push_back(e.doc_id);
    }
  }
  std::sort(docs.begin(), docs.end());
  docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
  CROSSCHECK_RETURN_IF_ERROR(FillKeys("link_docs", docs));
  JsonRows rows;
  Stmt doc(db_, "SELECT seq, json FROM documents WHERE doc_id IN (SELECT k FROM link_docs)");
  CROSSCHECK_RETURN_IF_ERROR(AppendRows(db_, doc, "documents", &rows));
  SortByRow(&rows);
  CROSSCHECK_RETURN_IF_ERROR(ParseRows(rows, documents));
  loaded_.documents.reserve(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    DocumentRecord& d = (*documents)[i];
    std::string().swap(d.main_text);  // the linker never needs the body
    loaded_.documents.emplace(d.doc_id, rows[i].first);
  }
  rows.clear();
  Stmt claim(db_, "SELECT seq, json FROM claims WHERE doc_id IN (SELECT k FROM link_docs)");
  CROSSCHECK_RETURN_IF_ERROR(AppendRows(db_, claim, "claims", &rows));
  SortByRow(&rows);
  std::vector<ClaimRecord> parsed;
  CROSSCHECK_RETURN_IF_ERROR(ParseRows(rows, &parsed));
  claims->reserve(parsed.size());
  loaded_.claims.reserve(parsed.size());
  for (size_t i = 0; i < parsed.size(); ++i) {
    ClaimRecord& c = parsed[i];
    if (c.doc_event >= 0 && wanted.count(DocEventKey(c.doc_id, c.doc_event))) {
      loaded_.claims.emplace(c.claim_id, rows[i].first);
      claims->push_back(std::move(c));
    }
  }
  return Status::Ok();
}

Status SqliteStore::ReplaceSelectedEvents(const LinkSelection& selection, const std::vector<EventRecord>& events,
                                          const std::vector<ClaimRecord>& changed_claims,
                                          const std::vector<DocEventRecord>& changed_doc_events,
                                          const std::vector<DocumentRecord>& changed_documents) {
  CROSSCHECK_RETURN_IF_ERROR(FillKeys("link_keys", selection.blocks));
  CROSSCHECK_RETURN_IF_ERROR(
      Exec("DELETE FROM events WHERE block_key != '' AND block_key IN (SELECT k FROM link_keys)"));
  CROSSCHECK_RETURN_IF_ERROR(FillKeys("link_events", selection.events));
  CROSSCHECK_RETURN_IF_ERROR(Exec("DELETE FROM events WHERE event_id IN (SELECT k FROM link_events)"));
  return PutEvents(loaded_, events, changed_claims, changed_doc_events, changed_documents);
}

Status SqliteStore::DocEventPlaces(const std::vector<std::string>& doc_ids, std::vector<DocEventPlace>* out) {
  out->clear();
  CROSSCHECK_RETURN_IF_ERROR(FillKeys("link_docs", doc_ids));
  Stmt q(db_, "SELECT doc_id, block_key, date_start, event_id FROM doc_events "
              "WHERE doc_id IN (SELECT k FROM link_docs) ORDER BY rowid");
  if (!q.ok()) return SqlError(db_, "doc_events");
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) {
    out->push_back(DocEventPlace{std::string(q.Column(0)), std::string(q.Column(1)), std::string(q.Column(2)),
                                 std::string(q.Column(3))});
  }
  if (rc != SQLITE_DONE) return SqlError(db_, "doc_events");
  return Status::Ok();
}

Status SqliteStore::EventsStarting(const std::string& key, const std::string& first, const std::string& last,
                                   std::vector<std::string>* out) {
  Stmt q(db_, "SELECT event_id FROM events WHERE block_key = ?1 AND date_start BETWEEN ?2 AND ?3");
  if (!q.ok()) return SqlError(db_, "events");
  q.Text(1, key).Text(2, first).Text(3, last);
  int rc;
  while ((rc = q.Step()) == SQLITE_ROW) out->emplace_back(q.Column(0));
  if (rc != SQLITE_DONE) return SqlError(db_, "events");
  return Status::Ok();
}

Status SqliteStore::ReplaceEventsOfBlocks(const std::vector<std::string>& keys,
                                          const std::vector<EventRecord>& events,
                                          const std::vector<ClaimRecord>& changed_claims,
                                          const std::vector<DocEventRecord>& changed_doc_events,
                                          const std::vector<DocumentRecord>& changed_documents) {
  CROSSCHECK_RETURN_IF_ERROR(FillKeys("link_keys", keys));
  CROSSCHECK_RETURN_IF_ERROR(
      Exec("DELETE FROM events WHERE block_key != '' AND block_key IN (SELECT k FROM link_keys)"));
  return PutEvents(loaded_, events, changed_claims, changed_doc_events, changed_documents);
}

Status SqliteStore::PutEvents(const LoadedRows& rows, const std::vector<EventRecord>& events,
                              const std::vector<ClaimRecord>& changed_claims,
                              const std::vector<DocEventRecord>& changed_doc_events,
                              const std::vector<DocumentRecord>& changed_documents) {
  // OR REPLACE: a report with no place keeps its event id when it is linked again.
  Stmt put(db_, "INSERT OR REPLACE INTO events (event_id, event_type, sub_event_type, date_start, date_end, "
                "place_name, admin1, country_code, fatalities_low, fatalities_best, fatalities_high, "
                "json, block_key) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13)");
  if (!put.ok()) return SqlError(db_, "events");
  std::vector<std::string> json = JsonOf(events, [](const EventRecord& e) -> const EventRecord& { return e; });
  for (size_t i = 0; i < events.size(); ++i) {
    const EventRecord& e = events[i];
    put.Text(1, e.event_id).Text(2, e.event_type).Text(3, e.sub_event_type);
    put.Date(4, e.date_start).Date(5, e.date_end);
    put.TextOrNull(6, e.location ? e.location->place.name : std::string());
    put.TextOrNull(7, e.location ? e.location->place.admin1 : std::string());
    put.TextOrNull(8, e.location ? e.location->place.country_code : std::string());
    put.OptInt(9, e.fatalities ? std::optional<int64_t>(e.fatalities->low) : std::nullopt);
    put.OptInt(10, e.fatalities ? std::optional<int64_t>(e.fatalities->best) : std::nullopt);
    put.OptInt(11, e.fatalities ? std::optional<int64_t>(e.fatalities->high) : std::nullopt);
    put.Text(12, json[i]).Text(13, BlockKey(e.location));
    if (put.Step() != SQLITE_DONE) return SqlError(db_, "storing event " + e.event_id);
    put.Reset();
  }
  // Changed rows are written in storage order (rowids remembered by the load), so a batch's
  // updates walk each table once rather than seeking every row through its key's index; a row
  // the load did not see (LoadClaims and the like) is found by its key.
  Stmt claim_by_row(db_, "UPDATE claims SET event_id = ?2, time_start = ?3, json = ?4 WHERE seq = ?5");
  Stmt claim_by_id(db_, "UPDATE claims SET event_id = ?2, time_start = ?3, json = ?4 WHERE claim_id = ?1");
  if (!claim_by_row.ok() || !claim_by_id.ok()) return SqlError(db_, "claims");
  auto claims = InRowOrder(changed_claims, [&](const ClaimRecord& c) { return Find(rows.claims, c.claim_id); });
  json = JsonOf(claims, [](const auto& row_claim) -> const ClaimRecord& { return *row_claim.second; });
  for (size_t i = 0; i < claims.size(); ++i) {
    auto [row, c] = claims[i];
    Stmt& claim = row >= 0 ? claim_by_row : claim_by_id;
    claim.Text(1, c->claim_id).TextOrNull(2, c->event_id).Date(3, c->time_start).Text(4, json[i]);
    if (row >= 0) claim.Int(5, row);
    if (claim.Step() != SQLITE_DONE) return SqlError(db_, "updating claim " + c->claim_id);
    claim.Reset();
  }
  Stmt event_by_row(db_, "UPDATE doc_events SET event_id = ?3, date_start = ?4, json = ?5 WHERE rowid = ?6");
  Stmt event_by_key(db_, "UPDATE doc_events SET event_id = ?3, date_start = ?4, json = ?5 "
                         "WHERE doc_id = ?1 AND idx = ?2");
  if (!event_by_row.ok() || !event_by_key.ok()) return SqlError(db_, "doc_events");
  auto doc_events = InRowOrder(changed_doc_events, [&](const DocEventRecord& e) {
    return Find(rows.doc_events, DocEventKey(e.doc_id, e.index));
  });
  json = JsonOf(doc_events, [](const auto& row_event) -> const DocEventRecord& { return *row_event.second; });
  for (size_t i = 0; i < doc_events.size(); ++i) {
    auto [row, e] = doc_events[i];
    Stmt& doc_event = row >= 0 ? event_by_row : event_by_key;
    doc_event.Text(1, e->doc_id).Int(2, e->index).TextOrNull(3, e->event_id).Date(4, e->date_start);
    doc_event.Text(5, json[i]);
    if (row >= 0) doc_event.Int(6, row);
    if (doc_event.Step() != SQLITE_DONE) return SqlError(db_, "updating events of " + e->doc_id);
    doc_event.Reset();
  }
  // Documents come from the load without their body: the stored one is spliced back in.
  Stmt body_by_row(db_, "SELECT json FROM documents WHERE seq = ?1");
  Stmt body_by_id(db_, "SELECT json FROM documents WHERE doc_id = ?2");
  std::string update = kUpdateDocument;
  Stmt doc_by_row(db_, (update + "WHERE seq = ?16").c_str());
  Stmt doc_by_id(db_, (update + "WHERE doc_id = ?1").c_str());
  if (!body_by_row.ok() || !body_by_id.ok() || !doc_by_row.ok() || !doc_by_id.ok()) {
    return SqlError(db_, "documents");
  }
  auto documents = InRowOrder(changed_documents, [&](const DocumentRecord& d) { return Find(rows.documents, d.doc_id); });
  std::vector<std::string> stored(documents.size());  // the stored JSON of each one without its body
  for (size_t i = 0; i < documents.size(); ++i) {
    auto [row, d] = documents[i];
    if (!d->main_text.empty()) continue;
    Stmt& body = row >= 0 ? body_by_row : body_by_id;
    body.Int(1, row).Text(2, d->doc_id);
    if (body.Step() == SQLITE_ROW) stored[i] = body.Column(0);
    body.Reset();
  }
  json.assign(documents.size(), std::string());
  CROSSCHECK_RETURN_IF_ERROR(ParallelFor(documents.size(), [&](size_t begin, size_t end) {
    for (size_t i = begin; i < end; ++i) {
      const DocumentRecord& d = *documents[i].second;
      if (stored[i].empty()) {
        json[i] = ToJson(d);
        continue;
      }
      DocumentRecord full;
      CROSSCHECK_RETURN_IF_ERROR(FromJson(stored[i], &full));
      std::string body = std::move(full.main_text);
      full = d;
      full.main_text = std::move(body);
      json[i] = ToJson(full);
      std::string().swap(stored[i]);
    }
    return Status::Ok();
  }));
  for (size_t i = 0; i < documents.size(); ++i) {
    auto [row, d] = documents[i];
    Stmt& put = row >= 0 ? doc_by_row : doc_by_id;
    BindDocument(put, *d, json[i]);
    if (row >= 0) put.Int(16, row);
    if (put.Step() != SQLITE_DONE) return SqlError(db_, "storing document " + d->doc_id);
    put.Reset();
  }
  return Status::Ok();
}

void SqliteStore::ForgetRows() { loaded_ = LoadedRows(); }

SqliteStore::LoadedRows SqliteStore::TakeLoadedRows() { return std::exchange(loaded_, LoadedRows()); }

std::string SqliteStore::DocEventKey(const std::string& doc_id, int index) {
  return doc_id + '\t' + std::to_string(index);
}

// A full link: every event is dropped and made again, a batch of blocks at a time, each batch
// in its own transaction so the write-ahead log holds one batch's pages, not the store's. The
// indexes on link results are dropped while rows are rewritten and built once at the end (a
// sort instead of a million scattered index updates). Until EndFullLink, the meta row
// `full_link_unfinished` says the events are incomplete: EventsHaveBlocks is false, so an
// interrupted full link is done again whole, and Open builds any missing index again.
Status SqliteStore::BeginFullLink() {
  CROSSCHECK_RETURN_IF_ERROR(Exec("INSERT OR REPLACE INTO meta VALUES ('full_link_unfinished', '1')"));
  CROSSCHECK_RETURN_IF_ERROR(Exec("DROP INDEX IF EXISTS claims_by_event"));
  CROSSCHECK_RETURN_IF_ERROR(Exec("DROP INDEX IF EXISTS doc_events_by_event"));
  CROSSCHECK_RETURN_IF_ERROR(Exec("DROP INDEX IF EXISTS events_by_block_date"));
  return Exec("DELETE FROM events");
}

Status SqliteStore::AddLinkedEvents(const LoadedRows& rows, const std::vector<EventRecord>& events,
                                    const std::vector<ClaimRecord>& changed_claims,
                                    const std::vector<DocEventRecord>& changed_doc_events,
                                    const std::vector<DocumentRecord>& changed_documents) {
  return PutEvents(rows, events, changed_claims, changed_doc_events, changed_documents);
}

Status SqliteStore::EndFullLink() {
  ForgetRows();
  CROSSCHECK_RETURN_IF_ERROR(Exec("CREATE INDEX IF NOT EXISTS claims_by_event ON claims(event_id)"));
  CROSSCHECK_RETURN_IF_ERROR(Exec(kAddedIndexes));
  return Exec("DELETE FROM meta WHERE key = 'full_link_unfinished'");
}

}  // namespace crosscheck
