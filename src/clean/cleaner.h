// Cleaner: the clean stage. Keeps the article body of a page and reads its metadata.
//
// Reads Document::text, format and given_*; writes main_text (the headline as its first paragraph
// when the page has one, main_text[0, title_end); then the body's paragraphs, one blank line
// between paragraphs), offset_map, paragraphs, title/title_end, url, outlet, site, byline,
// language, published, page_date, removed (one entry per run of dropped blocks that share a
// reason), body_fingerprint (SimHash of the body without the headline).
//
// Dates: given_published, else JSON-LD/meta/<time> (basis kMetadata), else a dateline in the text
// (kDateline): a line of its own, or the first words of a paragraph, which are then cut out of
// it. A date is a re-post's and goes to page_date, with published.date null and low confidence,
// when the page credits another outlet than its site ("Source: X" at the body's end)
// or when a dateline on a line of its own is years after every year the body mentions.
//
// HTML goes through libxml2's HTML parser and a scorer of DOM blocks; text that a scraper already
// flattened goes through a line and block classifier. Both drop page furniture (navigation,
// related-article teasers, comments, bios, share bars, newsletter and cookie blocks) using general
// signals and the cue words of data/boilerplate/*.tsv, never site names.
//
// Thread-safety: immutable after Create; Run may be called from many threads at once.
#ifndef CROSSCHECK_CLEAN_CLEANER_H_
#define CROSSCHECK_CLEAN_CLEANER_H_

#include <memory>

#include "crosscheck/document.h"
#include "crosscheck/options.h"
#include "crosscheck/status.h"

namespace crosscheck {

class Cleaner {
 public:
  // Loads the boilerplate cues and month names from the data files.
  static Result<std::unique_ptr<Cleaner>> Create(const Options& options);
  ~Cleaner();

  Status Run(Document& doc) const;

  struct Lexicon;  // internal

 private:
  explicit Cleaner(std::unique_ptr<Lexicon> lexicon);
  std::unique_ptr<Lexicon> lexicon_;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CLEAN_CLEANER_H_
