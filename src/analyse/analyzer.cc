#include "analyse/analyzer.h"

#include <algorithm>

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

Status Analyzer::Run(Document& doc) const {
  doc.reference_date = doc.published.date ? doc.published.date : resources_->options.default_date;
  resources_->sentences->Run(doc);
  resources_->numbers->Run(doc);
  resources_->times->Run(doc);
  resources_->places->Run(doc);
  resources_->actors->Run(doc);
  // Later stages look mentions up by binary search: keep every list in text order.
  SortBySpan(doc.numbers);
  SortBySpan(doc.times);
  SortBySpan(doc.places);
  SortBySpan(doc.actors);
  return Status::Ok();
}

}  // namespace crosscheck
