#include "clean/near_duplicate.h"

#include <gtest/gtest.h>

#include <bit>

namespace crosscheck {
namespace {

const char kStory[] =
    "Heavy rain flooded the lower streets of Marrow Bay on Tuesday night, and the harbour master "
    "said three fishing boats broke their moorings before dawn. Volunteers filled sandbags at the "
    "school gym while the council opened the old chapel as a shelter for families from the quay. "
    "By noon the water had fallen by half a metre, but the coast road stayed closed because a "
    "section of the sea wall had slid onto it. Engineers will inspect the wall on Thursday, the "
    "mayor said, adding that the town had not seen a tide like it since the winter storms of her "
    "childhood. Shops on the high street reopened in the afternoon.";

TEST(NearDuplicateTest, EmptyOrTinyTextHasNoFingerprint) {
  EXPECT_EQ(SimHash(""), 0u);
  EXPECT_EQ(SimHash("two words"), 0u);
  EXPECT_NE(SimHash("three words here"), 0u);
}

TEST(NearDuplicateTest, CaseAndPunctuationDoNotMatter) {
  std::string shouted = kStory;
  for (char& c : shouted) c = char(toupper(static_cast<unsigned char>(c)));
  EXPECT_EQ(SimHash(kStory), SimHash(shouted));
}

TEST(NearDuplicateTest, OneEditedWordMovesFewBits) {
  std::string edited = kStory;
  edited.replace(edited.find("three"), 5, "four");
  int distance = std::popcount(SimHash(kStory) ^ SimHash(edited));
  EXPECT_LE(distance, 6);
  std::string other =
      "The regional orchestra announced a spring season of seven concerts, opening with a "
      "programme of folk songs arranged for strings and closing with a choral symphony.";
  EXPECT_GT(std::popcount(SimHash(kStory) ^ SimHash(other)), 12);
}

TEST(NearDuplicateTest, IndexReturnsTheEarliestCloseBody) {
  DuplicateIndex index(3);
  uint64_t a = 0xF0F0F0F0F0F0F0F0ull;
  EXPECT_EQ(index.FindOrAdd("first", a), "");
  EXPECT_EQ(index.FindOrAdd("second", a ^ 0x5), "first");     // 2 bits apart
  EXPECT_EQ(index.FindOrAdd("third", a ^ 0x7), "first");      // earliest wins
  EXPECT_EQ(index.FindOrAdd("far", ~a), "");                  // 64 bits apart
  EXPECT_EQ(index.FindOrAdd("none", 0), "");                  // no fingerprint, never matched
  EXPECT_EQ(index.FindOrAdd("none-again", 0), "");
  EXPECT_EQ(index.FindOrAdd("copy", SimHash(kStory)), "");
  EXPECT_EQ(index.FindOrAdd("repost", SimHash(kStory)), "copy");
}

}  // namespace
}  // namespace crosscheck
