#include "crosscheck/tools.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(ToolsTest, CleanOutputIdDropsExtensionsOrUsesRecordId) {
  Document d;
  d.path = "/data/html/abc123.html.gz";
  EXPECT_EQ(CleanOutputId(d), "abc123");
  d.path = "/data/pages.jsonl#4";
  d.record_id = "page/4?x";
  EXPECT_EQ(CleanOutputId(d), "page_4_x");
  d.record_id = "";
  EXPECT_EQ(CleanOutputId(d), "pages_4");
}

}  // namespace
}  // namespace crosscheck
