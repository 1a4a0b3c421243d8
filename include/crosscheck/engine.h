// Engine: the per-document pipeline — clean, analyse, extract — with its lexicons loaded once.
//
//   auto engine = crosscheck::Engine::Create(options);
//   if (!engine.ok()) return engine.status();
//   crosscheck::Document doc = ...;          // from a DocumentReader, or filled by hand
//   Status s = (*engine)->Process(doc);      // annotates doc in place
//
// Thread-safety: Create loads every data file; after that an Engine is immutable and one Engine
// serves any number of threads, each with its own Document.
#ifndef CROSSCHECK_ENGINE_H_
#define CROSSCHECK_ENGINE_H_

#include <memory>

#include "crosscheck/document.h"
#include "crosscheck/options.h"
#include "crosscheck/status.h"

namespace crosscheck {

class Engine {
 public:
  static Result<std::unique_ptr<Engine>> Create(const Options& options);
  ~Engine();
  Engine(const Engine&) = delete;
  Engine& operator=(const Engine&) = delete;

  // Clean, then Analyse, then Extract.
  Status Process(Document& doc) const;

  // Reads text/raw/given_*; writes main_text, metadata, published, removed, paragraphs.
  Status Clean(Document& doc) const;
  // Reads main_text, published; writes sentences, tokens, numbers, times, places, actors.
  Status Analyse(Document& doc) const;
  // Reads the analysis; writes claims, events, lead_event.
  Status Extract(Document& doc) const;

  const Options& options() const;

  struct Stages;  // internal

 private:
  explicit Engine(std::unique_ptr<Stages> stages);
  std::unique_ptr<Stages> stages_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_ENGINE_H_
