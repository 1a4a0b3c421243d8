// StringViewHash and HashedView: the string hash of the analyse lexicons. Internal.
#ifndef CROSSCHECK_ANALYSE_STRING_HASH_H_
#define CROSSCHECK_ANALYSE_STRING_HASH_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace crosscheck {

struct HashedView;

// Lets an unordered_map<std::string, V> be searched with a std::string_view key.
// Lexicon keys are short words: eight bytes are mixed at a time, one multiply each, which is
// faster than std::hash's and than hashing byte by byte. Every bit of the result is mixed (the
// WordFilter of phrase_lexicon.h takes two slices of it).
struct StringViewHash {
  using is_transparent = void;
  size_t operator()(std::string_view s) const {
    uint64_t h = 0x9e3779b97f4a7c15ull ^ s.size();
    const char* p = s.data();
    size_t n = s.size();
    for (; n >= 8; p += 8, n -= 8) {
      uint64_t w;
      std::memcpy(&w, p, 8);
      h = (h ^ w) * 0xff51afd7ed558ccdull;
      h ^= h >> 32;
    }
    // The last 0-7 bytes: two overlapping 4-byte reads, or three single bytes (the length is
    // in h already, so the overlap loses nothing).
    uint64_t w = 0;
    if (n >= 4) {
      uint32_t a, b;
      std::memcpy(&a, p, 4);
      std::memcpy(&b, p + n - 4, 4);
      w = uint64_t{a} << 32 | b;
    } else if (n > 0) {
      auto byte = [p](size_t k) { return uint64_t{static_cast<unsigned char>(p[k])}; };
      w = byte(0) << 16 | byte(n / 2) << 8 | byte(n - 1);
    }
    h = (h ^ w) * 0xc4ceb9fe1a85ec53ull;
    h ^= h >> 29;
    h *= 0xff51afd7ed558ccdull;
    return static_cast<size_t>(h ^ (h >> 32));
  }
  // A key whose hash is known already (HashedView below) is not hashed again.
  size_t operator()(const HashedView& key) const;
};

// A string_view with its StringViewHash: a Bloom filter test and the table lookup after it can
// share one hash.
struct HashedView {
  std::string_view text;
  size_t hash;
  explicit HashedView(std::string_view s) : text(s), hash(StringViewHash()(s)) {}
  // `hash` must be StringViewHash()(s), computed earlier (TokenStream keeps one per token).
  HashedView(std::string_view s, size_t hash) : text(s), hash(hash) {}
  bool operator==(std::string_view other) const { return text == other; }
};
inline size_t StringViewHash::operator()(const HashedView& key) const { return key.hash; }

}  // namespace crosscheck

#endif  // CROSSCHECK_ANALYSE_STRING_HASH_H_
