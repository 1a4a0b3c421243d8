#include "clean/near_duplicate.h"

#include <gtest/gtest.h>

namespace crosscheck {
TEST(NearDuplicateTest, EmptyTextHasNoFingerprint) { EXPECT_EQ(SimHash(""), 0u); }
}  // namespace crosscheck
