// UTF-8 helpers. Internal. Text inside the library is valid UTF-8 (ingest guarantees it).
#ifndef CROSSCHECK_UTIL_UTF8_H_
#define CROSSCHECK_UTIL_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace crosscheck {

// Number of code points in valid UTF-8.
size_t CodePointCount(std::string_view s);

// Maps byte offsets of one string to code-point offsets (the contract counts code points).
// Built once per document in O(n); each lookup is O(log n) on the multi-byte positions.
class CodePointIndex {
 public:
  explicit CodePointIndex(std::string_view s);
  // REQUIRES: byte_offset <= s.size() and on a character boundary.
  int64_t ToCodePoints(size_t byte_offset) const;

 private:
  // Byte offsets where a multi-byte character starts, with the extra bytes before and at them.
  std::vector<uint32_t> multi_starts_;
  std::vector<uint32_t> extra_before_;
  int64_t total_extra_ = 0;
};

// The first `n` code points of s (never cutting a character).
std::string_view Utf8Prefix(std::string_view s, size_t n);

// Lower-cases ASCII letters only; fast for lexicon keys. Other bytes, UTF-8 ones included, stay.
std::string AsciiLower(std::string_view s);
// The same in place, eight bytes at a time: the extract stage runs it over every sentence.
void AsciiLowerInPlace(std::string* s);

// Folds text for matching: lower case, accents removed, typographic quotes and dashes made ASCII,
// runs of space collapsed. Uses ICU transliteration; slower than AsciiLower.
std::string FoldForMatch(std::string_view s);

}  // namespace crosscheck

#endif  // CROSSCHECK_UTIL_UTF8_H_
