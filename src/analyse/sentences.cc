// STUB: replaced by the real SentenceSplitter.
#include "analyse/taggers.h"

namespace crosscheck {
namespace {
class StubSentenceSplitter final : public SentenceSplitter {
 public:
  void Run(Document& doc) const override {}
};
}  // namespace

Result<std::unique_ptr<SentenceSplitter>> SentenceSplitter::Create(const Options& options) {
  return std::unique_ptr<SentenceSplitter>(new StubSentenceSplitter());
}

}  // namespace crosscheck
