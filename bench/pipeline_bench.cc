// Speed of the per-document pipeline (clean, analyse, extract) and of extraction alone, in MB/s
// of report text, on the example corpus repeated. The goals: analysis >= 30 MB/s on one
// core; extraction adds at most 30% to the analysis time.
//
//   build/bench/pipeline_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "crosscheck/engine.h"

namespace crosscheck {
namespace {

std::vector<Document> Corpus() {
  std::vector<Document> docs;
  std::filesystem::path dir = std::filesystem::path(CROSSCHECK_SOURCE_DIR) / "examples";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream s;
    s << in.rdbuf();
    Document d;
    d.path = entry.path().string();
    d.text = s.str();
    d.raw = d.text;
    docs.push_back(std::move(d));
  }
  return docs;
}

const Engine& SharedEngine() {
  static std::unique_ptr<Engine> engine = [] {
    auto e = Engine::Create(Options());
    if (!e.ok()) std::abort();
    return std::move(e).value();
  }();
  return *engine;
}

void BM_Process(benchmark::State& state) {
  const Engine& engine = SharedEngine();
  std::vector<Document> docs = Corpus();
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      Document copy = d;
      benchmark::DoNotOptimize(engine.Process(copy));
      bytes += int64_t(d.text.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Process)->Unit(benchmark::kMillisecond);

// Analysis alone and extraction alone, on documents already cleaned.
void BM_Analyse(benchmark::State& state) {
  const Engine& engine = SharedEngine();
  std::vector<Document> docs = Corpus();
  for (Document& d : docs) (void)engine.Clean(d);
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      Document copy = d;
      benchmark::DoNotOptimize(engine.Analyse(copy));
      bytes += int64_t(d.main_text.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Analyse)->Unit(benchmark::kMillisecond);

void BM_Extract(benchmark::State& state) {
  const Engine& engine = SharedEngine();
  std::vector<Document> docs = Corpus();
  for (Document& d : docs) {
    (void)engine.Clean(d);
    (void)engine.Analyse(d);
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (Document& d : docs) {
      benchmark::DoNotOptimize(engine.Extract(d));
      bytes += int64_t(d.main_text.size());
    }
  }
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_Extract)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();
