// RunPipeline: the whole job of `crosscheck run` — read inputs, process documents on a pool of
// threads, store them, link events across documents, and write the contract's files.
//
// Documents stream from the reader through a bounded queue, so memory does not grow with the
// corpus; results are stored in input order whatever the thread count, so a run's output is the
// same for 1 or N threads. Every output file is written under a temporary name and renamed when
// complete: a killed run leaves the previous files, never half-written ones.
#ifndef CROSSCHECK_RUN_H_
#define CROSSCHECK_RUN_H_

#include <cstddef>
#include <functional>
#include <string>
#include <vector>

#include "crosscheck/engine.h"
#include "crosscheck/status.h"

namespace crosscheck {

struct RunOptions {
  std::vector<std::string> inputs;  // files and folders (searched recursively)
  std::string out_dir;              // documents.jsonl, claims.jsonl, events.jsonl, events.csv,
                                    // report.html, and crosscheck.db unless db_path is set
  std::string db_path;              // empty: <out_dir>/crosscheck.db
  // False: store and link only, and write none of the JSONL, CSV and HTML files. Exporting reads
  // the whole store (a minute or more at a million documents), so bulk incremental ingestion
  // (`--db`) skips it until the last run.
  bool export_files = true;
};

// One input record that could not be used, and why.
struct Skipped {
  std::string where;  // "path" or "path#N"
  std::string why;
};

struct Progress {
  size_t documents = 0;  // processed so far
  size_t skipped = 0;
  double seconds = 0;
  bool done = false;
};

struct RunSummary {
  size_t documents = 0;   // new documents stored
  size_t duplicates = 0;  // records whose exact bytes were already stored
  size_t claims = 0;
  size_t events = 0;
  std::vector<Skipped> skipped;
  double seconds = 0;
  // A short fixed-width table of the events found (the first rows by date), for a terminal.
  std::string event_table;
};

// Called from the thread that stores results, about ten times a second and once at the end.
using ProgressFn = std::function<void(const Progress&)>;
// Called once per skipped record, as it happens (the CLI prints it as one line on stderr).
using SkipFn = std::function<void(const Skipped&)>;

Result<RunSummary> RunPipeline(const Engine& engine, const RunOptions& options,
                               const ProgressFn& on_progress = {}, const SkipFn& on_skip = {});

}  // namespace crosscheck

#endif  // CROSSCHECK_RUN_H_
