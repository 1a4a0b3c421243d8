// crosscheck: the command line. It parses arguments and calls the library; a bad Status becomes
// one line on stderr and an exit code: 0 when documents were processed, 2 when none could be,
// 1 on a usage error.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "crosscheck/engine.h"
#include "crosscheck/run.h"
#include "crosscheck/tools.h"

namespace {

constexpr int kExitOk = 0;
constexpr int kExitUsage = 1;
constexpr int kExitNoDocuments = 2;

void PrintSkip(const crosscheck::Skipped& s) {
  std::fprintf(stderr, "crosscheck: skipped %s: %s\n", s.where.c_str(), s.why.c_str());
}

// A progress line on stderr: a moving bar on a terminal, a plain line now and then otherwise.
class ProgressLine {
 public:
  ProgressLine() : tty_(::isatty(STDERR_FILENO)) {}
  void operator()(const crosscheck::Progress& p) {
    double rate = p.seconds > 0 ? p.documents / p.seconds : 0;
    if (tty_) {
      static const char* kBar = "==========";
      int pos = int(p.seconds * 4) % 10;
      std::fprintf(stderr, "\r[%.*s>%*s] %zu documents, %.1f docs/s, %zu skipped ", pos, kBar, 9 - pos, "",
                   p.documents, rate, p.skipped);
      if (p.done) std::fputs("\r\033[K", stderr);
    } else if (!p.done && p.seconds - last_ >= 10) {
      last_ = p.seconds;
      std::fprintf(stderr, "crosscheck: %zu documents, %.1f docs/s, %zu skipped\n", p.documents, rate, p.skipped);
    }
  }

 private:
  bool tty_;
  double last_ = 0;
};

crosscheck::Result<std::unique_ptr<crosscheck::Engine>> MakeEngine(const crosscheck::Options& options) {
  auto engine = crosscheck::Engine::Create(options);
  if (!engine.ok()) std::fprintf(stderr, "crosscheck: %s\n", engine.status().ToString().c_str());
  return engine;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"crosscheck: news reports of political violence in, cross-checked event records out"};
  app.set_version_flag("--version", std::string("crosscheck ") + CROSSCHECK_VERSION);
  app.require_subcommand(1);

  crosscheck::Options options;
  std::string date_text;
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--lexicon", options.lexicon_dirs, "a folder of your own lexicon files, added to the built-in ones");
    cmd->add_option("--data", options.data_dir, "the built-in data folder (default: $CROSSCHECK_DATA_DIR or the source tree's data/)");
  };

  std::vector<std::string> inputs;
  crosscheck::RunOptions run_options;
  bool quiet = false;
  auto* run = app.add_subcommand("run", "the whole pipeline: ingest, clean, analyse, extract, link, store, report");
  run->add_option("INPUT", inputs, "files and folders (.txt .html .jsonl .warc, optionally .gz)")->required();
  run->add_option("--out", run_options.out_dir, "folder for documents.jsonl, claims.jsonl, events.jsonl, events.csv, report.html, crosscheck.db")->required();
  run->add_option("--db", run_options.db_path, "an existing database to add to (default: a new DIR/crosscheck.db)");
  run->add_option("--threads", options.threads, "worker threads (0: one per core)")->check(CLI::Range(0, 256));
  bool no_export = false;
  run->add_flag("--no-export", no_export, "store and link only: write no JSONL, CSV or HTML (for adding many batches to a large --db; export with the last run)");
  run->add_flag("--quiet", quiet, "no progress line or event table");
  add_common(run);

  std::string clean_out;
  auto* clean = app.add_subcommand("clean", "print each page's main text (or write DIR/<id>.txt with --out)");
  clean->add_option("INPUT", inputs, "files and folders")->required();
  clean->add_option("--out", clean_out, "write one <id>.txt per page into this folder");
  add_common(clean);

  auto* annotate = app.add_subcommand("annotate", "print the analysis (sentences, numbers, times, places, actors) as JSON Lines");
  annotate->add_option("INPUT", inputs, "files and folders")->required();
  annotate->add_option("--date", date_text, "YYYY-MM-DD: the date of documents that carry none");
  add_common(annotate);

  auto* claims = app.add_subcommand("claims", "print each document's claims as JSON Lines (no linking)");
  claims->add_option("INPUT", inputs, "files and folders")->required();
  claims->add_option("--date", date_text, "YYYY-MM-DD: the date of documents that carry none");
  add_common(claims);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }
  if (!date_text.empty()) {
    options.default_date = crosscheck::Date::Parse(date_text);
    if (!options.default_date) {
      std::fprintf(stderr, "crosscheck: --date %s is not a date (YYYY-MM-DD)\n", date_text.c_str());
      return kExitUsage;
    }
  }
  auto engine = MakeEngine(options);
  if (!engine.ok()) return kExitUsage;

  if (run->parsed()) {
    run_options.inputs = inputs;
    run_options.export_files = !no_export;
    ProgressLine progress;
    crosscheck::ProgressFn on_progress;
    if (!quiet) on_progress = std::ref(progress);
    auto summary = crosscheck::RunPipeline(**engine, run_options, on_progress, PrintSkip);
    if (!summary.ok()) {
      std::fprintf(stderr, "crosscheck: %s\n", summary.status().ToString().c_str());
      return kExitNoDocuments;
    }
    if (!quiet && summary->documents > 0) std::fputs(summary->event_table.c_str(), stdout);
    std::fprintf(stderr, "crosscheck: %zu documents, %zu claims, %zu events in %.1f s; %zu skipped%s -> %s\n",
                 summary->documents, summary->claims, summary->events, summary->seconds,
                 summary->skipped.size(), summary->duplicates ? (", " + std::to_string(summary->duplicates) + " already stored").c_str() : "",
                 run_options.out_dir.c_str());
    for (const auto& s : summary->skipped) std::fprintf(stderr, "  skipped %s: %s\n", s.where.c_str(), s.why.c_str());
    return summary->documents + summary->duplicates > 0 ? kExitOk : kExitNoDocuments;
  }

  crosscheck::StopAfter stop = clean->parsed()      ? crosscheck::StopAfter::kClean
                               : annotate->parsed() ? crosscheck::StopAfter::kAnalyse
                                                    : crosscheck::StopAfter::kExtract;
  if (!clean_out.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(clean_out, ec);
  }
  auto summary = crosscheck::ForEachDocument(**engine, inputs, stop, [&](const crosscheck::Document& doc) {
    if (clean->parsed() && !clean_out.empty()) {
      // The files hold the article body, as extraction benchmarks score it; the headline is the
      // document's title.
      std::ofstream(std::filesystem::path(clean_out) / (crosscheck::CleanOutputId(doc) + ".txt"))
          << crosscheck::BodyText(doc) << '\n';
    } else if (clean->parsed()) {
      std::cout << doc.main_text << "\n\n";
    } else if (annotate->parsed()) {
      std::cout << crosscheck::AnnotationJson(doc) << '\n';
    } else {
      std::cout << crosscheck::ClaimsJsonl(doc);
    }
  }, PrintSkip);
  std::cout.flush();
  if (summary.documents == 0) {
    std::fprintf(stderr, "crosscheck: no documents could be read\n");
    return kExitNoDocuments;
  }
  return kExitOk;
}
