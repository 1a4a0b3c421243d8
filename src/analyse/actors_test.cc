#include <gtest/gtest.h>

#include "analyse/taggers.h"

namespace crosscheck {
TEST(ActorTaggerTest, Creates) { EXPECT_TRUE(ActorTagger::Create(Options()).ok()); }
}  // namespace crosscheck
