// Load time of the gazetteer and actor lexicons, and throughput of the place and actor taggers,
// on generated news-like text (no data set needed). Needs the generated gazetteer
// (scripts/build-gazetteer.sh). Reports bytes/second.
#include <benchmark/benchmark.h>

#include <random>
#include <string>

#include "analyse/gazetteer.h"
#include "analyse/taggers.h"

namespace crosscheck {
namespace {

Options BenchOptions() {
  Options options;
  options.data_dir = std::string(CROSSCHECK_SOURCE_DIR) + "/data";
  return options;
}

// About `bytes` of paragraphs mixing place names (towns, regions, neighbourhoods, ambiguous and
// foreign ones), actors, role nouns and ordinary capitalised words.
std::string MakeText(size_t bytes) {
  static const char* const kSentences[] = {
      "Activists said government forces shelled the Khaldiyeh neighbourhood of Homs on Friday.",
      "The UK-based Syrian Observatory for Human Rights reported clashes near Aleppo and Idlib.",
      "Witnesses in Mosul told Reuters that Islamic State fighters had left the Old City.",
      "A medic in Gaza said the Health Ministry counted dozens of dead in Khan Younis.",
      "The Houthis fired missiles toward Marib province, the Saudi-led coalition said.",
      "Residents of Kharkiv described shelling in Saltivka as Russian forces pushed west.",
      "Officials in Kabul blamed the Taliban for a blast in the Dasht-e Barchi district.",
      "Protesters gathered outside the embassy in Cairo, the Egyptian capital, on Monday.",
      "Reading the statement, the minister thanked Human Rights Watch and the UN.",
      "The RSF seized El Fasher, a town in North Darfur, according to Sudan Doctors Network.",
  };
  std::mt19937 random(7);
  std::string text;
  while (text.size() < bytes) {
    for (int i = 0; i < 4; ++i) {
      text += kSentences[random() % std::size(kSentences)];
      text += ' ';
    }
    text += "\n\n";
  }
  return text;
}

void BM_LoadPlaceTagger(benchmark::State& state) {
  for (auto _ : state) {
    auto tagger = PlaceTagger::Create(BenchOptions());
    if (!tagger.ok()) state.SkipWithError(tagger.status().ToString().c_str());
    benchmark::DoNotOptimize(tagger);
  }
}
BENCHMARK(BM_LoadPlaceTagger)->Unit(benchmark::kMillisecond)->Iterations(3);

void BM_LoadActorTagger(benchmark::State& state) {
  for (auto _ : state) {
    auto tagger = ActorTagger::Create(BenchOptions());
    if (!tagger.ok()) state.SkipWithError(tagger.status().ToString().c_str());
    benchmark::DoNotOptimize(tagger);
  }
}
BENCHMARK(BM_LoadActorTagger)->Unit(benchmark::kMillisecond);

// The gazetteer's name matcher alone: the share of the place tagger spent finding names.
void BM_GazetteerMatcher(benchmark::State& state) {
  auto gazetteer = Gazetteer::Load(BenchOptions());
  if (!gazetteer.ok()) {
    state.SkipWithError(gazetteer.status().ToString().c_str());
    return;
  }
  std::string text = MakeText(6000);
  for (auto _ : state) benchmark::DoNotOptimize((*gazetteer)->matcher().FindAll(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_GazetteerMatcher);

void BM_PlacesAndActors(benchmark::State& state) {
  auto places = PlaceTagger::Create(BenchOptions());
  auto actors = ActorTagger::Create(BenchOptions());
  if (!places.ok() || !actors.ok()) {
    state.SkipWithError("lexicons did not load");
    return;
  }
  Document doc;
  doc.main_text = MakeText(static_cast<size_t>(state.range(0)));
  for (auto _ : state) {
    (*places)->Run(doc);
    if (state.range(1)) (*actors)->Run(doc);
    benchmark::DoNotOptimize(doc.places.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * doc.main_text.size()));
}
// {document bytes, with actors}: a news report is a few kilobytes.
BENCHMARK(BM_PlacesAndActors)->Args({6000, 0})->Args({6000, 1})->Args({200000, 1});

}  // namespace
}  // namespace crosscheck

BENCHMARK_MAIN();
