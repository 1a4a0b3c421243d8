// STUB: replaced by the real PlaceTagger.
#include "analyse/taggers.h"

namespace crosscheck {
namespace {
class StubPlaceTagger final : public PlaceTagger {
 public:
  void Run(Document& doc) const override {}
};
}  // namespace

Result<std::unique_ptr<PlaceTagger>> PlaceTagger::Create(const Options& options) {
  return std::unique_ptr<PlaceTagger>(new StubPlaceTagger());
}

}  // namespace crosscheck
