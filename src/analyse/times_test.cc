#include <gtest/gtest.h>

#include "analyse/taggers.h"

namespace crosscheck {
TEST(TimeTaggerTest, Creates) { EXPECT_TRUE(TimeTagger::Create(Options()).ok()); }
}  // namespace crosscheck
