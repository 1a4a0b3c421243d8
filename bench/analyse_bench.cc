// Throughput of the analyse stage's first taggers (sentences and tokens, numbers, times) on
// generated English news-like text. Reports bytes/second; run with --benchmark_filter to pick one.
//
// The text is made here from a few templates filled with varied numbers, dates and names, so the
// benchmark needs no data set and measures the same input everywhere.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "analyse/taggers.h"

namespace crosscheck {
namespace {

// About `bytes` of paragraphs separated by blank lines, as the clean stage writes them. In the
// templates '#' stands for a number and '@' for a day.
Document MakeNewsLikeDocument(size_t bytes) {
  static const char* const kTemplates[] = {
      "Officials in the northern province said # people were killed and at least # injured "
      "when shells hit a market on @.",
      "More than # families fled the valley after fighting resumed, the U.N. refugee agency "
      "said on @, adding that dozens of homes had been destroyed.",
      "A #-year-old teacher was among the dead, according to Gen. Ortega, who spoke at #:30pm.",
      "Between # and # fighters were captured about #km north of the border since @.",
      "The group said it had recorded # deaths in January 2011, up from # in December.",
      "Witnesses described hundreds of people gathering outside the hospital early on @.",
      "Nearly # percent of the town's water supply was cut, engineers said # days ago.",
      "Police arrested one man and two women; no one else was held, a spokesman told reporters.",
  };
  static const char* const kDays[] = {"Monday",       "Tuesday night", "Saturday",  "February 3",
                                      "3 March 2012", "yesterday",     "last week", "Sunday"};
  std::mt19937 rng(7);
  auto n = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
  Document doc;
  doc.language = "en";
  doc.reference_date = Date{2012, 3, 10};
  while (doc.main_text.size() < bytes) {
    uint32_t begin = doc.main_text.size();
    int sentences = n(1, 4);
    for (int s = 0; s < sentences; ++s) {
      if (s > 0) doc.main_text += ' ';
      for (const char* c = kTemplates[n(0, 7)]; *c != '\0'; ++c) {
        if (*c == '#') {
          doc.main_text += std::to_string(n(2, 59));
        } else if (*c == '@') {
          doc.main_text += kDays[n(0, 7)];
        } else {
          doc.main_text += *c;
        }
      }
    }
    doc.paragraphs.push_back(Span{begin, static_cast<uint32_t>(doc.main_text.size())});
    doc.main_text += "\n\n";
  }
  return doc;
}

const Document& Input() {
  static const Document doc = MakeNewsLikeDocument(4u << 20);
  return doc;
}

void BM_Sentences(benchmark::State& state) {
  auto splitter = SentenceSplitter::Create(Options());
  if (!splitter.ok()) return state.SkipWithError(splitter.status().ToString().c_str());
  Document doc = Input();
  for (auto _ : state) {
    (*splitter)->Run(doc);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(doc.main_text.size()));
}
BENCHMARK(BM_Sentences)->Unit(benchmark::kMillisecond);

void BM_Numbers(benchmark::State& state) {
  auto splitter = SentenceSplitter::Create(Options());
  auto numbers = NumberTagger::Create(Options());
  if (!splitter.ok() || !numbers.ok()) return state.SkipWithError("cannot load the lexicons");
  Document doc = Input();
  (*splitter)->Run(doc);
  for (auto _ : state) {
    (*numbers)->Run(doc);
    benchmark::DoNotOptimize(doc.numbers.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(doc.main_text.size()));
}
BENCHMARK(BM_Numbers)->Unit(benchmark::kMillisecond);

void BM_Times(benchmark::State& state) {
  auto splitter = SentenceSplitter::Create(Options());
  auto numbers = NumberTagger::Create(Options());
  auto times = TimeTagger::Create(Options());
  if (!splitter.ok() || !numbers.ok() || !times.ok()) {
    return state.SkipWithError("cannot load the lexicons");
  }
  Document doc = Input();
  (*splitter)->Run(doc);
  (*numbers)->Run(doc);
  for (auto _ : state) {
    (*times)->Run(doc);
    benchmark::DoNotOptimize(doc.times.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(doc.main_text.size()));
}
BENCHMARK(BM_Times)->Unit(benchmark::kMillisecond);

// The three in pipeline order, as the analyser runs them.
void BM_SentencesNumbersTimes(benchmark::State& state) {
  auto splitter = SentenceSplitter::Create(Options());
  auto numbers = NumberTagger::Create(Options());
  auto times = TimeTagger::Create(Options());
  if (!splitter.ok() || !numbers.ok() || !times.ok()) {
    return state.SkipWithError("cannot load the lexicons");
  }
  Document doc = Input();
  for (auto _ : state) {
    (*splitter)->Run(doc);
    (*numbers)->Run(doc);
    (*times)->Run(doc);
    benchmark::DoNotOptimize(doc.times.data());
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(doc.main_text.size()));
}
BENCHMARK(BM_SentencesNumbersTimes)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();
