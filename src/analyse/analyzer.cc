#include "analyse/analyzer.h"

#include <algorithm>
#include <map>
#include <optional>

#include "analyse/taggers.h"

namespace crosscheck {

struct Analyzer::Resources {
  Options options;
  std::unique_ptr<SentenceSplitter> sentences;
  std::unique_ptr<NumberTagger> numbers;
  std::unique_ptr<TimeTagger> times;
  std::unique_ptr<PlaceTagger> places;
  std::unique_ptr<ActorTagger> actors;
};

Analyzer::Analyzer(std::unique_ptr<Resources> resources) : resources_(std::move(resources)) {}
Analyzer::~Analyzer() = default;

namespace {
template <typename T>
Status Load(const Options& options, std::unique_ptr<T>* out) {
  auto made = T::Create(options);
  if (!made.ok()) return made.status();
  *out = std::move(made).value();
  return Status::Ok();
}
template <typename T>
void SortBySpan(std::vector<T>& mentions) {
  auto before = [](const T& a, const T& b) { return a.span.begin < b.span.begin; };
  if (!std::is_sorted(mentions.begin(), mentions.end(), before)) {
    std::stable_sort(mentions.begin(), mentions.end(), before);
  }
}

}  // namespace

Result<std::unique_ptr<Analyzer>> Analyzer::Create(const Options& options) {
  auto r = std::make_unique<Resources>();
  r->options = options;
  CROSSCHECK_RETURN_IF_ERROR(Load(options, &r->sentences));
  CROSSCHECK_RETURN_IF_ERROR(Load(options, &r->numbers));
  CROSSCHECK_RETURN_IF_ERROR(Load(options, &r->times));
  CROSSCHECK_RETURN_IF_ERROR(Load(options, &r->places));
  CROSSCHECK_RETURN_IF_ERROR(Load(options, &r->actors));
  return std::unique_ptr<Analyzer>(new Analyzer(std::move(r)));
}

// A number inside a time ("Around 9 May 2020", where "May" alone could be a verb) is part of a
// date, never a count.
// Both lists must be in text order.
void Analyzer::MarkNumbersInTimes(Document& doc) {
  auto time = doc.times.begin();
  for (NumberMention& n : doc.numbers) {
    while (time != doc.times.end() && time->span.end <= n.span.begin) ++time;
    if (time == doc.times.end()) break;
    if (n.kind == NumberKind::kCount && time->span.Overlaps(n.span)) n.kind = NumberKind::kOther;
  }
}

// A report that names no place in any country is about the country its actors fight in:
// "pro-Houthi forces shelled a market" is in Yemen. The place is written where the actor is.
void Analyzer::AddActorCountry(Document& doc) const {
  for (const PlaceMention& p : doc.places) {
    if (!p.place.country_code.empty()) return;
  }
  struct Mentions {
    int count = 0;
    const ActorMention* first = nullptr;
  };
  std::map<std::string, Mentions> by_country;
  const ActorMention* first_of_best = nullptr;
  int best = 0;
  for (const ActorMention& a : doc.actors) {
    if (a.country_code.empty()) continue;
    Mentions& m = by_country[a.country_code];
    if (!m.first) m.first = &a;
    if (++m.count > best) {
      best = m.count;
      first_of_best = m.first;
    }
  }
  if (!first_of_best) return;
  if (std::optional<Place> country = resources_->places->CountryPlace(first_of_best->country_code)) {
    doc.places.push_back(PlaceMention{first_of_best->span, std::move(*country)});
  }
}

Status Analyzer::Run(Document& doc) const {
  doc.reference_date = doc.published.date ? doc.published.date : resources_->options.default_date;
  resources_->sentences->Run(doc);
  // Numbers and times read the same tokens: lower-case and hash them once.
  const TokenStream tokens(doc);
  resources_->numbers->Run(doc, tokens);
  resources_->times->Run(doc, tokens);
  // Places and actors match their lexicons at the same word starts: find them once.
  const std::vector<uint32_t> word_starts = LexiconMatcher::WordStarts(doc.main_text);
  resources_->places->Run(doc, word_starts);
  resources_->actors->Run(doc, word_starts);
  AddActorCountry(doc);
  // Later stages look mentions up by binary search: keep every list in text order.
  SortBySpan(doc.numbers);
  SortBySpan(doc.times);
  SortBySpan(doc.places);
  SortBySpan(doc.actors);
  MarkNumbersInTimes(doc);
  return Status::Ok();
}

}  // namespace crosscheck
