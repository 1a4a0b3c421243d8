#include "util/utf8.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cstring>
#include <memory>
#include <mutex>

namespace crosscheck {

size_t CodePointCount(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

CodePointIndex::CodePointIndex(std::string_view s) {
  uint32_t extra = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xC0) {
      multi_starts_.push_back(uint32_t(i));
      extra_before_.push_back(extra);
      extra += c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
    }
  }
  total_extra_ = extra;
}

int64_t CodePointIndex::ToCodePoints(size_t byte_offset) const {
  // The multi-byte characters that start before byte_offset each took extra bytes.
  auto it = std::lower_bound(multi_starts_.begin(), multi_starts_.end(), uint32_t(byte_offset));
  if (it == multi_starts_.end()) return int64_t(byte_offset) - total_extra_;
  return int64_t(byte_offset) - extra_before_[it - multi_starts_.begin()];
}

std::string_view Utf8Prefix(std::string_view s, size_t n) {
  size_t count = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (count == n) return s.substr(0, i);
      ++count;
    }
  }
  return s;
}

namespace {

// Lower-cases the ASCII letters among the eight bytes of `word`. A byte's low seven bits plus a
// constant set its high bit from 'A' on, or from past 'Z' on, and no sum carries into the next
// byte; bytes of 0x80 and up (UTF-8 sequences) are left as they are.
uint64_t AsciiLowerBytes(uint64_t word) {
  constexpr uint64_t kHighBits = 0x8080808080808080ull;
  uint64_t low7 = word & ~kHighBits;
  uint64_t upper = (low7 + 0x3f3f3f3f3f3f3f3full) & ~(low7 + 0x2525252525252525ull) & ~word & kHighBits;
  return word | upper >> 2;  // 0x80 >> 2 is the 0x20 between 'A' and 'a'
}

}  // namespace

void AsciiLowerInPlace(std::string* s) {
  char* p = s->data();
  size_t n = s->size(), i = 0;
  for (; i + 8 <= n; i += 8) {
    uint64_t word;
    std::memcpy(&word, p + i, 8);
    word = AsciiLowerBytes(word);
    std::memcpy(p + i, &word, 8);
  }
  if (i < n) {
    uint64_t word = 0;
    std::memcpy(&word, p + i, n - i);
    word = AsciiLowerBytes(word);
    std::memcpy(p + i, &word, n - i);
  }
}

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  AsciiLowerInPlace(&out);
  return out;
}

namespace {

// Transliterators are not thread-safe; each thread gets its own clone of one prototype.
const icu::Transliterator* FoldPrototype() {
  static std::unique_ptr<icu::Transliterator> proto = [] {
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
        "NFD; [:Nonspacing Mark:] Remove; NFC; Lower", UTRANS_FORWARD, status));
    return U_SUCCESS(status) ? std::move(t) : nullptr;
  }();
  return proto.get();
}

}  // namespace

std::string FoldForMatch(std::string_view s) {
  thread_local std::unique_ptr<icu::Transliterator> folder(
      FoldPrototype() ? FoldPrototype()->clone() : nullptr);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), int32_t(s.size())));
  if (folder) folder->transliterate(u);
  std::string folded;
  u.toUTF8String(folded);
  // Typographic punctuation to ASCII, and runs of white space to one space.
  std::string out;
  out.reserve(folded.size());
  bool space = false;
  for (size_t i = 0; i < folded.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(folded[i]);
    std::string_view rest(folded.data() + i, folded.size() - i);
    char ascii = 0;
    size_t skip = 0;
    if (rest.starts_with("\u2018") || rest.starts_with("\u2019") || rest.starts_with("\u02BC")) {
      ascii = '\'', skip = rest.starts_with("\u02BC") ? 2 : 3;
    } else if (rest.starts_with("\u201C") || rest.starts_with("\u201D")) {
      ascii = '"', skip = 3;
    } else if (rest.starts_with("\u2013") || rest.starts_with("\u2014") || rest.starts_with("\u2010")) {
      ascii = '-', skip = 3;
    } else if (rest.starts_with("\u00A0")) {
      ascii = ' ', skip = 2;
    }
    if (skip) {
      i += skip - 1;
      c = static_cast<unsigned char>(ascii);
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      if (!space && !out.empty()) out += ' ';
      space = true;
      continue;
    }
    space = false;
    out += static_cast<char>(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace crosscheck
