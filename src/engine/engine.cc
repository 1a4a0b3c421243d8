// Engine: loads every stage once, then runs them in order on each document.
#include "crosscheck/engine.h"

#include "analyse/analyzer.h"
#include "clean/cleaner.h"
#include "extract/extractor.h"

namespace crosscheck {

struct Engine::Stages {
  Options options;
  std::unique_ptr<Cleaner> cleaner;
  std::unique_ptr<Analyzer> analyzer;
  std::unique_ptr<Extractor> extractor;
};

Engine::Engine(std::unique_ptr<Stages> stages) : stages_(std::move(stages)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Create(const Options& options) {
  auto stages = std::make_unique<Stages>();
  stages->options = options;
  auto cleaner = Cleaner::Create(options);
  if (!cleaner.ok()) return cleaner.status().WithContext("loading the clean stage");
  stages->cleaner = std::move(cleaner).value();
  auto analyzer = Analyzer::Create(options);
  if (!analyzer.ok()) return analyzer.status().WithContext("loading the analyse stage");
  stages->analyzer = std::move(analyzer).value();
  auto extractor = Extractor::Create(options);
  if (!extractor.ok()) return extractor.status().WithContext("loading the extract stage");
  stages->extractor = std::move(extractor).value();
  return std::unique_ptr<Engine>(new Engine(std::move(stages)));
}

Status Engine::Clean(Document& doc) const { return stages_->cleaner->Run(doc); }
Status Engine::Analyse(Document& doc) const { return stages_->analyzer->Run(doc); }
Status Engine::Extract(Document& doc) const { return stages_->extractor->Run(doc); }

Status Engine::Process(Document& doc) const {
  CROSSCHECK_RETURN_IF_ERROR(Clean(doc));
  CROSSCHECK_RETURN_IF_ERROR(Analyse(doc));
  return Extract(doc);
}

const Options& Engine::options() const { return stages_->options; }

}  // namespace crosscheck
