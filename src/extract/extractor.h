// Extractor: the extract stage — claims (counts and denials with source, scope, place and time)
// and the events of one report.
//
// Reads the analysis (sentences, numbers, times, places, actors); writes claims, events and
// lead_event. Trigger words, victim nouns, reporting and denial verbs and scope phrases come from
// data/extract/*.tsv.
//
// Thread-safety: immutable after Create; Run may be called from many threads at once.
#ifndef CROSSCHECK_EXTRACT_EXTRACTOR_H_
#define CROSSCHECK_EXTRACT_EXTRACTOR_H_

#include <memory>

#include "crosscheck/document.h"
#include "crosscheck/options.h"
#include "crosscheck/status.h"

namespace crosscheck {

class Extractor {
 public:
  static Result<std::unique_ptr<Extractor>> Create(const Options& options);
  ~Extractor();

  Status Run(Document& doc) const;

  struct Lexicon;  // internal

 private:
  explicit Extractor(std::unique_ptr<Lexicon> lexicon);
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_EXTRACT_EXTRACTOR_H_
