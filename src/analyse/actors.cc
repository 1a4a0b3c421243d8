// STUB: replaced by the real ActorTagger.
#include "analyse/taggers.h"

namespace crosscheck {
namespace {
class StubActorTagger final : public ActorTagger {
 public:
  void Run(Document& doc) const override {}
};
}  // namespace

Result<std::unique_ptr<ActorTagger>> ActorTagger::Create(const Options& options) {
  return std::unique_ptr<ActorTagger>(new StubActorTagger());
}

}  // namespace crosscheck
