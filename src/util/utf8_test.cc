#include "util/utf8.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(Utf8Test, CountsCodePoints) {
  EXPECT_EQ(CodePointCount("abc"), 3u);
  EXPECT_EQ(CodePointCount("‘Hi’ ش"), 6u);
}

TEST(Utf8Test, MapsByteOffsetsToCodePoints) {
  std::string s = "‘a’ b €c";
  CodePointIndex index(s);
  EXPECT_EQ(index.ToCodePoints(0), 0);
  EXPECT_EQ(index.ToCodePoints(3), 1);   // after ‘
  EXPECT_EQ(index.ToCodePoints(s.find('b')), 4);
  EXPECT_EQ(index.ToCodePoints(s.find('c')), 7);
  EXPECT_EQ(index.ToCodePoints(s.size()), 8);
}

TEST(Utf8Test, PrefixNeverCutsACharacter) {
  EXPECT_EQ(Utf8Prefix("é€x", 2), "é€");
  EXPECT_EQ(Utf8Prefix("ab", 5), "ab");
}

TEST(Utf8Test, FoldsAccentsCaseAndQuotes) {
  EXPECT_EQ(FoldForMatch("  Bāb  ‘Amr’ — Édleb "), "bab 'amr' - edleb");
}

TEST(AsciiLowerTest, LowersAsciiLettersOnlyAtAnyLengthAndOffset) {
  // Every byte value, at every offset within the eight-byte blocks and in the tail after them.
  for (size_t pad = 0; pad < 8; ++pad) {
    std::string s(pad, 'Q');
    for (int c = 0; c < 256; ++c) s.push_back(char(c));
    std::string want = s;
    for (char& c : want) {
      if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    }
    AsciiLowerInPlace(&s);
    EXPECT_EQ(s, want) << "pad " << pad;
  }
  std::string mixed = "Kyiv\u2019s ÉLAN, AL-BAB";
  AsciiLowerInPlace(&mixed);
  EXPECT_EQ(mixed, "kyiv\u2019s Élan, al-bab");
  EXPECT_EQ(AsciiLower("Kyiv\u2019s ÉLAN"), "kyiv\u2019s Élan");
}

}  // namespace
}  // namespace crosscheck
