// Ingest speed: DocumentReader over a generated JSONL corpus (plain and gzip), in MB/s of input.
//
// The corpus is written once to a temp folder: article-like records with metadata, a few
// non-ASCII characters and escapes, so UTF-8 validation, JSON unescaping and decoding all run.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ingest/reader.h"

namespace crosscheck {
namespace {

constexpr int kRecords = 20000;

std::string CorpusRecord(int i) {
  std::string body;
  for (int sentence = 0; sentence < 12; ++sentence) {
    body += "Officials in district " + std::to_string((i * 31 + sentence) % 977) +
            " said on Monday that " + std::to_string((i + sentence) % 50) +
            " people had been moved to shelters \\u2014 a \\\"precaution\\\" after the river "
            "rose above its banks near the caf\xC3\xA9 quarter. ";
    if (sentence % 4 == 3) body += "\\n\\n";
  }
  return "{\"id\": \"bench-" + std::to_string(i) + "\", \"url\": \"https://news.example/" +
         std::to_string(i) + "\", \"title\": \"Shelters opened in district " +
         std::to_string(i % 977) + "\", \"published\": \"2021-03-" + std::to_string(10 + i % 18) +
         "\", \"text\": \"" + body + "\"}\n";
}

struct Corpus {
  std::string plain_path;
  std::string gzip_path;
  size_t bytes = 0;
  Corpus() {
    auto folder = std::filesystem::temp_directory_path() / "crosscheck_ingest_bench";
    std::filesystem::create_directories(folder);
    plain_path = (folder / "corpus.jsonl").string();
    gzip_path = (folder / "corpus.jsonl.gz").string();
    std::ofstream plain(plain_path, std::ios::binary);
    gzFile gz = gzopen(gzip_path.c_str(), "wb6");
    for (int i = 0; i < kRecords; ++i) {
      std::string record = CorpusRecord(i);
      plain << record;
      gzwrite(gz, record.data(), static_cast<unsigned>(record.size()));
      bytes += record.size();
    }
    gzclose(gz);
  }
};

const Corpus& TheCorpus() {
  static const Corpus corpus;
  return corpus;
}

void ReadCorpus(benchmark::State& state, const std::string& path) {
  const Corpus& corpus = TheCorpus();
  for (auto _ : state) {
    DocumentReader reader({path}, Options(), [](const Skipped&) {});
    Document doc;
    size_t documents = 0;
    while (reader.Next(&doc)) ++documents;
    if (documents != kRecords) state.SkipWithError("not every record was read");
    benchmark::DoNotOptimize(documents);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.bytes));
  state.counters["records/s"] = benchmark::Counter(
      static_cast<double>(state.iterations() * kRecords), benchmark::Counter::kIsRate);
}

void BM_ReadJsonl(benchmark::State& state) { ReadCorpus(state, TheCorpus().plain_path); }
void BM_ReadJsonlGzip(benchmark::State& state) { ReadCorpus(state, TheCorpus().gzip_path); }

BENCHMARK(BM_ReadJsonl)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ReadJsonlGzip)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();
