// STUB: replaced by the real NumberTagger.
#include "analyse/taggers.h"

namespace crosscheck {
namespace {
class StubNumberTagger final : public NumberTagger {
 public:
  void Run(Document& doc) const override {}
};
}  // namespace

Result<std::unique_ptr<NumberTagger>> NumberTagger::Create(const Options& options) {
  return std::unique_ptr<NumberTagger>(new StubNumberTagger());
}

}  // namespace crosscheck
