// RunPipeline: reader -> bounded queue -> worker threads -> in-order writer -> link -> export.
#include "crosscheck/run.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "clean/near_duplicate.h"
#include "engine/link_store.h"
#include "ingest/reader.h"
#include "link/linker.h"
#include "report/exports.h"
#include "store/sqlite_store.h"

namespace crosscheck {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct Job {
  uint64_t seq;
  Document doc;
};

struct Done {
  Document doc;
  Status status;
};

// The queues between the reader, the workers and the writer. Both are bounded by `capacity`
// documents in flight, so memory does not depend on the corpus size.
class WorkQueues {
 public:
  explicit WorkQueues(size_t capacity) : capacity_(capacity) {}

  // Reader side: blocks while `capacity` documents are in flight.
  void Push(Job job) {
    std::unique_lock lock(mu_);
    room_.wait(lock, [&] { return job.seq - next_to_write_ < capacity_; });
    jobs_.push_back(std::move(job));
    work_.notify_one();
  }
  void CloseInput(uint64_t total) {
    std::lock_guard lock(mu_);
    closed_ = true;
    total_ = total;
    work_.notify_all();
    done_cv_.notify_all();
  }
  // Worker side: false when there is no more work.
  bool Pop(Job* job) {
    std::unique_lock lock(mu_);
    work_.wait(lock, [&] { return !jobs_.empty() || closed_; });
    if (jobs_.empty()) return false;
    *job = std::move(jobs_.front());
    jobs_.pop_front();
    return true;
  }
  void Finish(uint64_t seq, Done done) {
    std::lock_guard lock(mu_);
    finished_.emplace(seq, std::move(done));
    done_cv_.notify_all();
  }
  // Writer side: the next document in input order, or false when all were written. Wakes at
  // least every `tick` so the caller can report progress.
  enum class Next { kDocument, kTimeout, kEnd };
  Next PopInOrder(Done* out, std::chrono::milliseconds tick) {
    std::unique_lock lock(mu_);
    bool ready = done_cv_.wait_for(lock, tick, [&] {
      return finished_.count(next_to_write_) || (closed_ && next_to_write_ == total_);
    });
    if (!ready) return Next::kTimeout;
    auto it = finished_.find(next_to_write_);
    if (it == finished_.end()) return Next::kEnd;
    *out = std::move(it->second);
    finished_.erase(it);
    ++next_to_write_;
    room_.notify_all();
    return Next::kDocument;
  }

 private:
  std::mutex mu_;
  std::condition_variable work_, room_, done_cv_;
  std::deque<Job> jobs_;
  std::map<uint64_t, Done> finished_;
  size_t capacity_;
  uint64_t next_to_write_ = 0;
  uint64_t total_ = 0;
  bool closed_ = false;
};

}  // namespace

Result<RunSummary> RunPipeline(const Engine& engine, const RunOptions& options,
                               const ProgressFn& on_progress, const SkipFn& on_skip) {
  const Options& opts = engine.options();
  auto start = Clock::now();
  RunSummary summary;
  std::mutex skip_mu;
  auto skip = [&](const Skipped& s) {
    std::lock_guard lock(skip_mu);
    summary.skipped.push_back(s);
    if (on_skip) on_skip(s);
  };

  std::error_code ec;
  fs::create_directories(options.out_dir, ec);
  if (!fs::is_directory(options.out_dir)) {
    return Status::IOError("cannot create output folder " + options.out_dir);
  }

  // A run's own db is built under a temporary name and renamed at the end, like every output; a
  // db named with --db is the user's store, which the run adds to in transactions.
  bool own_db = options.db_path.empty();
  std::string db_path = own_db ? (fs::path(options.out_dir) / "crosscheck.db").string() : options.db_path;
  std::string open_path = own_db ? db_path + ".tmp-" + std::to_string(::getpid()) : db_path;
  if (own_db) fs::remove(open_path, ec);
  auto store_or = SqliteStore::Open(open_path);
  if (!store_or.ok()) return store_or.status();
  std::unique_ptr<SqliteStore> store = std::move(store_or).value();

  int threads = opts.threads > 0 ? opts.threads : int(std::max(1u, std::thread::hardware_concurrency()));
  WorkQueues queues(std::max<size_t>(opts.queue_capacity, size_t(threads) * 2));

  std::thread reader_thread([&] {
    DocumentReader reader(options.inputs, opts, skip);
    uint64_t seq = 0;
    Document doc;
    while (reader.Next(&doc)) {
      queues.Push(Job{seq++, std::move(doc)});
      doc = Document();
    }
    queues.CloseInput(seq);
  });
  std::vector<std::thread> workers;
  for (int i = 0; i < threads; ++i) {
    workers.emplace_back([&] {
      Job job;
      while (queues.Pop(&job)) {
        Status s = engine.Process(job.doc);
        // The raw bytes are not needed past this point; drop them before the document waits
        // for its turn to be written.
        std::string().swap(job.doc.raw);
        std::string().swap(job.doc.text);
        queues.Finish(job.seq, Done{std::move(job.doc), s});
      }
    });
  }

  Status write_status = store->Begin();
  DuplicateIndex duplicates;
  std::vector<std::string> added_docs;  // what this run added: the blocks to link again
  auto last_progress = Clock::now();
  size_t in_transaction = 0;
  auto seconds = [&] { return std::chrono::duration<double>(Clock::now() - start).count(); };
  while (true) {
    Done done;
    auto next = queues.PopInOrder(&done, std::chrono::milliseconds(100));
    if (next == WorkQueues::Next::kEnd) break;
    if (next == WorkQueues::Next::kDocument && write_status.ok()) {
      Document& doc = done.doc;
      if (!done.status.ok()) {
        skip(Skipped{doc.path, done.status.ToString()});
      } else {
        doc.near_duplicate_of = duplicates.FindOrAdd(doc.doc_id, doc.body_fingerprint);
        auto added = store->AddDocument(MakeRecords(doc));
        if (!added.ok()) {
          write_status = added.status();
        } else if (*added) {
          ++summary.documents;
          added_docs.push_back(doc.doc_id);
        } else {
          ++summary.duplicates;
        }
        if (++in_transaction >= 500) {
          write_status = store->Commit();
          if (write_status.ok()) write_status = store->Begin();
          in_transaction = 0;
        }
      }
    }
    if (on_progress && Clock::now() - last_progress > std::chrono::milliseconds(100)) {
      last_progress = Clock::now();
      on_progress(Progress{summary.documents, summary.skipped.size(), seconds(), false});
    }
  }
  reader_thread.join();
  for (auto& w : workers) w.join();
  if (write_status.ok()) write_status = store->Commit();
  if (!write_status.ok()) return write_status;

  // Link every stored document's events. A report whose date was repaired from its event is
  // analysed again against that date ("on Saturday" now means a day), and linking runs again.
  std::vector<std::string> repaired;
  CROSSCHECK_RETURN_IF_ERROR(LinkStore(*store, LinkOptions(), &added_docs, {}, &repaired));
  std::vector<std::string>().swap(added_docs);
  if (!repaired.empty()) {
    // The blocks the repaired reports sit in now, before re-analysis may move them elsewhere.
    std::vector<std::pair<std::string, int64_t>> left;
    CROSSCHECK_RETURN_IF_ERROR(store->BlockSizes(&repaired, &left));
    std::vector<std::string> left_keys;
    for (auto& [key, n] : left) left_keys.push_back(std::move(key));
    CROSSCHECK_RETURN_IF_ERROR(store->Begin());
    for (const std::string& id : repaired) {
      auto stored = store->GetDocument(id);
      if (!stored.ok()) return stored.status();
      Document doc = DocumentFromRecord(*stored);
      if (!engine.Analyse(doc).ok() || !engine.Extract(doc).ok()) continue;
      DocumentRecords records = MakeRecords(doc);
      CROSSCHECK_RETURN_IF_ERROR(store->ReplaceDocument(records));
    }
    CROSSCHECK_RETURN_IF_ERROR(store->Commit());
    std::vector<std::string> again;
    CROSSCHECK_RETURN_IF_ERROR(LinkStore(*store, LinkOptions(), &repaired, left_keys, &again));
  }

  if (options.export_files) CROSSCHECK_RETURN_IF_ERROR(ExportAll(*store, options.out_dir, opts));
  auto table = EventTable(*store, 15);
  if (table.ok()) summary.event_table = *table;
  auto claims = store->Count("claims");
  auto events = store->Count("events");
  summary.claims = claims.ok() ? size_t(*claims) : 0;
  summary.events = events.ok() ? size_t(*events) : 0;
  store.reset();  // closes the db (and checkpoints its WAL) before it is renamed
  if (own_db) {
    fs::remove(open_path + "-wal", ec);
    fs::remove(open_path + "-shm", ec);
    fs::rename(open_path, db_path, ec);
    if (ec) return Status::IOError("cannot rename " + open_path + " to " + db_path + ": " + ec.message());
  }
  summary.seconds = seconds();
  if (on_progress) on_progress(Progress{summary.documents, summary.skipped.size(), summary.seconds, true});
  return summary;
}

}  // namespace crosscheck
