// Analyzer: the analyse stage — sentences and tokens, numbers, times, places, actors.
//
// Reads Document::main_text, paragraphs, published (and Options::default_date); writes
// sentences, tokens, numbers, times, places, actors and reference_date. Each part is its own
// tagger (sentences.h, numbers.h, times.h, places.h, actors.h) run in that order, so later
// taggers can use earlier annotations (a number inside a date is not a count).
//
// Thread-safety: immutable after Create; Run may be called from many threads at once.
#ifndef CROSSCHECK_ANALYSE_ANALYZER_H_
#define CROSSCHECK_ANALYSE_ANALYZER_H_

#include <memory>

#include "crosscheck/document.h"
#include "crosscheck/options.h"
#include "crosscheck/status.h"

namespace crosscheck {

class Analyzer {
 public:
  // Loads the lexicons (number words, month names, gazetteer, actors) from the data files.
  static Result<std::unique_ptr<Analyzer>> Create(const Options& options);
  ~Analyzer();

  Status Run(Document& doc) const;

  struct Resources;  // internal

 private:
  explicit Analyzer(std::unique_ptr<Resources> resources);
  static void MarkNumbersInTimes(Document& doc);
  void AddActorCountry(Document& doc) const;
  std::unique_ptr<Resources> resources_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_ANALYZER_H_
