// Speed of the clean stage, file to main text: the goal is 300 pages a second on one core.
//
// BM_CleanSyntheticPage runs on a page built here (menu, story, teasers, footer) so the benchmark
// works anywhere. BM_CleanCorpus runs over every *.html.gz file of $CROSSCHECK_BENCH_HTML_DIR
// (e.g. ../shared/data/zyte-articles/html) and reports pages per second; it is skipped when the
// variable is unset.
#include <benchmark/benchmark.h>
#include <zlib.h>

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include "clean/cleaner.h"

namespace crosscheck {
namespace {

std::string Gunzip(const std::string& path) {
  std::string out;
  gzFile file = gzopen(path.c_str(), "rb");
  if (!file) return out;
  char buffer[1 << 16];
  int n;
  while ((n = gzread(file, buffer, sizeof buffer)) > 0) out.append(buffer, n);
  gzclose(file);
  return out;
}

std::string SyntheticPage() {
  std::string page =
      "<html><head><title>Harbour wall repaired | Coast Gazette</title>"
      "<script>var analytics = {pages: [1, 2, 3]};</script><style>p{margin:0}</style></head><body>"
      "<nav><ul>";
  for (int i = 0; i < 60; ++i) page += "<li><a href=\"/s" + std::to_string(i) + "\">Section " + std::to_string(i) + "</a></li>";
  page += "</ul></nav><article><h1>Harbour wall repaired</h1>";
  for (int i = 0; i < 25; ++i) {
    page += "<p>Workers finished repairing the harbour wall on the " + std::to_string(i + 1) +
            "th day of the job, the council said, and boats will be able to moor along the "
            "eastern quay again from next week after months of closures.</p>";
  }
  page += "</article><aside><h3>Most read</h3><ul>";
  for (int i = 0; i < 20; ++i) page += "<li><a href=\"/t\">Teaser headline number " + std::to_string(i) + "</a></li>";
  page += "</ul></aside><footer>Copyright Coast Gazette. All rights reserved.</footer></body></html>";
  return page;
}

void BM_CleanSyntheticPage(benchmark::State& state) {
  auto cleaner = Cleaner::Create(Options());
  if (!cleaner.ok()) {
    state.SkipWithError(cleaner.status().ToString().c_str());
    return;
  }
  std::string page = SyntheticPage();
  for (auto _ : state) {
    Document doc;
    doc.format = InputFormat::kHtml;
    doc.text = page;
    benchmark::DoNotOptimize((*cleaner)->Run(doc));
    benchmark::DoNotOptimize(doc.main_text.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(page.size()));
}
BENCHMARK(BM_CleanSyntheticPage);

// A scraped story flattened into one paragraph, its dateline after the headline: the inline
// dateline reader runs on it.
void BM_CleanFlattenedStory(benchmark::State& state) {
  auto cleaner = Cleaner::Create(Options());
  if (!cleaner.ok()) {
    state.SkipWithError(cleaner.status().ToString().c_str());
    return;
  }
  std::string text = "Harbour wall repaired after storm Coast Wire Thursday 8 Jun 2017 14:05 ";
  for (int i = 0; i < 20; ++i) {
    text += "Workers finished repairing the harbour wall on day " + std::to_string(i + 1) +
            " of the job, the council said. ";
  }
  for (auto _ : state) {
    Document doc;
    doc.format = InputFormat::kText;
    doc.text = text;
    doc.given_title = "Harbour wall repaired after storm";
    benchmark::DoNotOptimize((*cleaner)->Run(doc));
    benchmark::DoNotOptimize(doc.main_text.data());
  }
  state.SetItemsProcessed(int64_t(state.iterations()));
}
BENCHMARK(BM_CleanFlattenedStory);

void BM_CleanCorpus(benchmark::State& state) {
  const char* dir = std::getenv("CROSSCHECK_BENCH_HTML_DIR");
  if (!dir) {
    state.SkipWithError("set CROSSCHECK_BENCH_HTML_DIR to a folder of .html.gz pages");
    return;
  }
  std::vector<std::string> pages;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().string().ends_with(".html.gz")) pages.push_back(Gunzip(entry.path().string()));
  }
  auto cleaner = Cleaner::Create(Options());
  if (!cleaner.ok() || pages.empty()) {
    state.SkipWithError("no cleaner or no pages");
    return;
  }
  int64_t bytes = 0;
  for (auto _ : state) {
    for (const std::string& page : pages) {
      // The page is copied in as the pipeline does: reading the file is part of "file to text".
      Document doc;
      doc.format = InputFormat::kHtml;
      doc.text = page;
      benchmark::DoNotOptimize((*cleaner)->Run(doc));
      bytes += int64_t(page.size());
    }
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(pages.size()));  // pages/s
  state.SetBytesProcessed(bytes);
}
BENCHMARK(BM_CleanCorpus)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();
