#include <gtest/gtest.h>

#include "analyse/taggers.h"

namespace crosscheck {
TEST(PlaceTaggerTest, Creates) { EXPECT_TRUE(PlaceTagger::Create(Options()).ok()); }
}  // namespace crosscheck
