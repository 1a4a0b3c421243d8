// JsonWriter: a streaming writer of compact JSON into a std::string. Internal.
//
// Written here rather than taken from a library because output is large and streamed: records are
// appended straight into one buffer with no DOM. Strings are escaped per RFC 8259; "</" is written
// as "<\/" so JSON embedded in a <script> block of report.html cannot close it.
//
//   JsonWriter w;
//   w.BeginObject(); w.Key("n"); w.Int(3); w.Key("s"); w.String("a\"b"); w.EndObject();
//   w.str() == R"({"n":3,"s":"a\"b"})"
#ifndef CROSSCHECK_UTIL_JSON_WRITER_H_
#define CROSSCHECK_UTIL_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

class JsonWriter {
 public:
  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view value);
  // An empty string becomes null: the contract writes null where nothing is known.
  void StringOrNull(std::string_view value);
  void Int(int64_t value);
  void OptInt(const std::optional<int64_t>& value);
  void Double(double value);
  void Bool(bool value);
  void Null();
  // Appends already-encoded JSON as one value.
  void Raw(std::string_view json);

  const std::string& str() const { return out_; }
  std::string Take() { return std::move(out_); }
  void Clear();

  // Appends `value` JSON-escaped (without quotes) to *out.
  static void Escape(std::string_view value, std::string* out);

 private:
  void Separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_UTIL_JSON_WRITER_H_
