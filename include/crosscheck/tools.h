// The per-document commands of the CLI as library calls: clean, annotate and claims read their
// inputs one record at a time and hand each processed Document to a callback.
#ifndef CROSSCHECK_TOOLS_H_
#define CROSSCHECK_TOOLS_H_

#include <functional>
#include <string>
#include <vector>

#include "crosscheck/document.h"
#include "crosscheck/engine.h"
#include "crosscheck/run.h"

namespace crosscheck {

enum class StopAfter { kClean, kAnalyse, kExtract };

struct ForEachSummary {
  size_t documents = 0;
  std::vector<Skipped> skipped;
};

// Reads every record of `inputs`, runs the stages up to `stop`, and calls fn on each document in
// input order. A record that fails is reported through on_skip and the rest go on.
ForEachSummary ForEachDocument(const Engine& engine, const std::vector<std::string>& inputs,
                               StopAfter stop, const std::function<void(const Document&)>& fn,
                               const SkipFn& on_skip = {});

// The analysis of a document as the one JSON line of `crosscheck annotate` (docs/output.md).
std::string AnnotationJson(const Document& doc);

// The claims of one processed document, as claims.jsonl lines (event_id null: not linked).
std::string ClaimsJsonl(const Document& doc);

// main_text without its headline (the first paragraph, when the page had one).
std::string_view BodyText(const Document& doc);

// The id `crosscheck clean --out` names a page's file by: the JSONL or WARC record id, else the
// file name without its extensions ("abc.html.gz" -> "abc"). Unsafe characters become '_'.
std::string CleanOutputId(const Document& doc);

}  // namespace crosscheck

#endif  // CROSSCHECK_TOOLS_H_
