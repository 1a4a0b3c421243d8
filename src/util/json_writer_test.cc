#include "util/json_writer.h"

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(JsonWriterTest, WritesNestedValues) {
  JsonWriter w;
  w.BeginObject();
  w.Key("n");
  w.Int(3);
  w.Key("a");
  w.BeginArray();
  w.String("x");
  w.Null();
  w.Bool(true);
  w.EndArray();
  w.Key("e");
  w.StringOrNull("");
  w.EndObject();
  EXPECT_EQ(w.str(), R"({"n":3,"a":["x",null,true],"e":null})");
}

TEST(JsonWriterTest, EscapesWhatCouldBreakJsonOrHtml) {
  std::string out;
  JsonWriter::Escape("a\"b\\c\n\x01</script>", &out);
  EXPECT_EQ(out, "a\\\"b\\\\c\\n\\u0001<\\/script>");
  out.clear();
  JsonWriter::Escape("line\u2028sep", &out);
  EXPECT_EQ(out, "line\\u2028sep");
}

}  // namespace
}  // namespace crosscheck
