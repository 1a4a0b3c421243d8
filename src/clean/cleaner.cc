// STUB: replaced by the real cleaner. Keeps all text as one body.
#include "clean/cleaner.h"

namespace crosscheck {

struct Cleaner::Lexicon {};

Cleaner::Cleaner(std::unique_ptr<Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
Cleaner::~Cleaner() = default;

Result<std::unique_ptr<Cleaner>> Cleaner::Create(const Options& options) {
  return std::unique_ptr<Cleaner>(new Cleaner(std::make_unique<Lexicon>()));
}

Status Cleaner::Run(Document& doc) const {
  doc.main_text = doc.text;
  doc.offset_map = {OffsetPiece{0, 0, uint32_t(doc.text.size())}};
  doc.paragraphs = {Span{0, uint32_t(doc.main_text.size())}};
  if (doc.given_published) {
    doc.published = PublishedDate{doc.given_published, DateBasis::kMetadata, 0.9};
  }
  doc.title = doc.given_title;
  doc.url = doc.given_url;
  doc.outlet = doc.given_outlet;
  if (!doc.given_language.empty()) doc.language = doc.given_language;
  return Status::Ok();
}

}  // namespace crosscheck
