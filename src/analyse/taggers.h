// The taggers of the analyse stage, run by Analyzer in this order. Internal.
//
// Each tagger is immutable after Create (its lexicons loaded once) and annotates a Document in
// place; Run may be called from many threads at once on distinct Documents.
#ifndef CROSSCHECK_ANALYSE_TAGGERS_H_
#define CROSSCHECK_ANALYSE_TAGGERS_H_

#include <memory>
#include <optional>
#include <span>
#include <string_view>

#include "analyse/lexicon_matcher.h"
#include "analyse/token_stream.h"
#include "crosscheck/document.h"
#include "crosscheck/options.h"
#include "crosscheck/status.h"

namespace crosscheck {

// Sentences (ICU sentence breaks plus an abbreviation merge rule) and word tokens (ICU word
// breaks). Writes Document::sentences and tokens. Reads paragraphs: no sentence crosses one.
class SentenceSplitter {
 public:
  static Result<std::unique_ptr<SentenceSplitter>> Create(const Options& options);
  virtual ~SentenceSplitter() = default;
  virtual void Run(Document& doc) const = 0;
};

// Numbers: digits, number words, vague quantities, ranges; each with its kind (count, age, year,
// distance, time of day, percent, ordinal). Writes Document::numbers.
class NumberTagger {
 public:
  static Result<std::unique_ptr<NumberTagger>> Create(const Options& options);
  virtual ~NumberTagger() = default;
  void Run(Document& doc) const { Run(doc, TokenStream(doc)); }
  // `tokens` must be of `doc`: the Analyzer builds them once for numbers and times.
  virtual void Run(Document& doc, const TokenStream& tokens) const = 0;
};

// Times normalised against Document::reference_date (set by Analyzer before this runs; when it
// is unset, times that need it are left out). Writes Document::times.
class TimeTagger {
 public:
  static Result<std::unique_ptr<TimeTagger>> Create(const Options& options);
  virtual ~TimeTagger() = default;
  void Run(Document& doc) const { Run(doc, TokenStream(doc)); }
  // `tokens` must be of `doc`, as for NumberTagger::Run.
  virtual void Run(Document& doc, const TokenStream& tokens) const = 0;
};

// Places from the gazetteer, resolved in the context of the document. Writes Document::places.
class PlaceTagger {
 public:
  static Result<std::unique_ptr<PlaceTagger>> Create(const Options& options);
  virtual ~PlaceTagger() = default;
  void Run(Document& doc) const { Run(doc, LexiconMatcher::WordStarts(doc.main_text)); }
  // `word_starts`: LexiconMatcher::WordStarts(doc.main_text), which the Analyzer finds once for
  // places and actors.
  virtual void Run(Document& doc, std::span<const uint32_t> word_starts) const = 0;
  // The country of an ISO 3166-1 alpha-2 code as a place, or nullopt for an unknown code.
  virtual std::optional<Place> CountryPlace(std::string_view country_code) const = 0;
};

// Actors and sources from the actor lexicon and role nouns. Writes Document::actors.
class ActorTagger {
 public:
  static Result<std::unique_ptr<ActorTagger>> Create(const Options& options);
  virtual ~ActorTagger() = default;
  void Run(Document& doc) const { Run(doc, LexiconMatcher::WordStarts(doc.main_text)); }
  // `word_starts` as for PlaceTagger::Run.
  virtual void Run(Document& doc, std::span<const uint32_t> word_starts) const = 0;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_TAGGERS_H_
