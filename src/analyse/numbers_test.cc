#include <gtest/gtest.h>

#include "analyse/taggers.h"

namespace crosscheck {
TEST(NumberTaggerTest, Creates) { EXPECT_TRUE(NumberTagger::Create(Options()).ok()); }
}  // namespace crosscheck
