#include <gtest/gtest.h>

#include "analyse/taggers.h"

namespace crosscheck {
TEST(SentenceSplitterTest, Creates) { EXPECT_TRUE(SentenceSplitter::Create(Options()).ok()); }
}  // namespace crosscheck
