#include "clean/cleaner.h"

#include <gtest/gtest.h>

namespace crosscheck {
TEST(CleanerTest, Creates) { EXPECT_TRUE(Cleaner::Create(Options()).ok()); }
}  // namespace crosscheck
