// LexiconMatcher: a hash table of a lexicon's lower-cased phrases, probed from word starts at
// word boundaries; matches are word-bounded and case-checked.
#include "analyse/lexicon_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <unordered_map>

namespace crosscheck {

namespace {

bool IsLetterOrDigitBefore(std::string_view text, size_t offset) {
  if (offset == 0) return false;
  unsigned char c = static_cast<unsigned char>(text[offset - 1]);
  if (c < 0x80) return std::isalnum(c) != 0;
  int32_t i = static_cast<int32_t>(offset);
  UChar32 cp;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, cp);
  return cp >= 0 && u_isalnum(cp);
}

bool IsLetterOrDigitAt(std::string_view text, size_t offset) {
  if (offset >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[offset]);
  if (c < 0x80) return std::isalnum(c) != 0;
  int32_t i = static_cast<int32_t>(offset);
  UChar32 cp;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), cp);
  return cp >= 0 && u_isalnum(cp);
}

// Upper-case letters of the phrase must be upper case in the text (the keys are lower case).
bool CaseAgrees(std::string_view phrase, std::string_view found) {
  for (size_t i = 0; i < phrase.size() && i < found.size(); ++i) {
    if (phrase[i] >= 'A' && phrase[i] <= 'Z' && !(found[i] >= 'A' && found[i] <= 'Z')) return false;
  }
  return true;
}

bool IsAsciiWordByte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The first two bytes at `i` as one number (a one-byte word pads with 0).
uint16_t StartKey(std::string_view s, size_t i) {
  auto a = static_cast<unsigned char>(s[i]);
  auto b = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0;
  return static_cast<uint16_t>(a << 8 | b);
}

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// A word boundary at byte j of `s` (the end of the string, or a character that is not a letter
// or digit). The same bytes give the same answer in a key and in the text, since lower-casing
// ASCII keeps letters letters and leaves other bytes alone.
bool BoundaryAt(std::string_view s, size_t j) {
  if (j >= s.size()) return true;
  auto c = static_cast<unsigned char>(s[j]);
  if (c < 0x80) return !IsAsciiWordByte(c);
  if ((c & 0xC0) == 0x80) return false;  // inside a character
  return !IsLetterOrDigitAt(s, j);
}

// FNV-1a, one byte at a time so that a scan hashes every prefix on its way.
constexpr uint64_t kHashStart = 1469598103934665603ull;
inline uint64_t HashByte(uint64_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; }
// The hash spread over the table and the filter: FNV's low bits alone are weak.
inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

}  // namespace

bool IsWordStart(std::string_view text, size_t offset) { return !IsLetterOrDigitBefore(text, offset); }
bool IsWordEnd(std::string_view text, size_t offset) { return !IsLetterOrDigitAt(text, offset); }

LexiconMatcher::~LexiconMatcher() = default;

int32_t LexiconMatcher::FindKey(uint64_t hash, std::string_view lowered) const {
  size_t mask = slots_.size() - 1;
  for (size_t s = Mix(hash) & mask;; s = (s + 1) & mask) {
    int32_t k = slots_[s];
    if (k < 0) return -1;
    if (key_hashes_[k] == hash && keys_[k] == lowered) return k;
  }
}

bool LexiconMatcher::MayBePrefix(uint64_t hash) const {
  constexpr uint64_t kMask = (uint64_t{1} << kPrefixBits) - 1;
  uint64_t m = Mix(hash);
  uint64_t a = m & kMask, b = (m >> 32) & kMask;
  return (prefixes_[a / 64] >> (a % 64) & 1) && (prefixes_[b / 64] >> (b % 64) & 1);
}

Result<std::unique_ptr<LexiconMatcher>> LexiconMatcher::Create(const std::vector<std::string>& phrases) {
  constexpr uint64_t kMask = (uint64_t{1} << kPrefixBits) - 1;
  std::unique_ptr<LexiconMatcher> matcher(new LexiconMatcher());
  matcher->phrases_ = phrases;
  std::unordered_map<std::string, int32_t> key_index;
  key_index.reserve(phrases.size());
  for (size_t p = 0; p < phrases.size(); ++p) {
    const std::string& phrase = phrases[p];
    if (phrase.empty()) return Status::InvalidArgument("empty lexicon phrase");
    std::string key(phrase);
    std::transform(key.begin(), key.end(), key.begin(), LowerAscii);
    uint16_t first = StartKey(key, 0);
    matcher->starts_upper_[first] = true;
    if (!(phrase[0] >= 'A' && phrase[0] <= 'Z')) matcher->starts_lower_[first] = true;
    matcher->longest_ = std::max(matcher->longest_, key.size());
    auto [it, inserted] = key_index.try_emplace(key, static_cast<int32_t>(matcher->keys_.size()));
    if (inserted) {
      uint64_t h = kHashStart;
      for (size_t j = 0; j < key.size(); ++j) {
        h = HashByte(h, key[j]);
        if (BoundaryAt(key, j + 1)) {
          uint64_t m = Mix(h);
          for (uint64_t bit : {m & kMask, (m >> 32) & kMask}) matcher->prefixes_[bit / 64] |= uint64_t{1} << (bit % 64);
        }
      }
      matcher->keys_.push_back(std::move(key));
      matcher->key_hashes_.push_back(h);
      matcher->key_phrases_.emplace_back();
    }
    matcher->key_phrases_[it->second].push_back(static_cast<uint32_t>(p));
  }
  size_t slots = 16;
  while (slots < 2 * matcher->keys_.size()) slots *= 2;
  matcher->slots_.assign(slots, -1);
  for (size_t k = 0; k < matcher->keys_.size(); ++k) {
    size_t s = Mix(matcher->key_hashes_[k]) & (slots - 1);
    while (matcher->slots_[s] >= 0) s = (s + 1) & (slots - 1);
    matcher->slots_[s] = static_cast<int32_t>(k);
  }
  return matcher;
}

std::vector<LexiconMatcher::Match> LexiconMatcher::FindAll(std::string_view text) const {
  std::vector<Match> matches;
  if (phrases_.empty() || text.empty() || text.size() > UINT32_MAX) return matches;
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), LowerAscii);
  std::string_view low(lowered);
  for (size_t i = 0; i < text.size(); ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (!(c >= 0x80 || IsAsciiWordByte(c))) continue;
    if (i > 0) {
      auto before = static_cast<unsigned char>(text[i - 1]);
      if (IsAsciiWordByte(before)) continue;
      // After a non-ASCII character (a letter, or a no-break space), ask Unicode.
      if (before >= 0x80 && ((c & 0xC0) == 0x80 || !IsWordStart(text, i))) continue;
    }
    uint16_t first = StartKey(lowered, i);
    bool upper = c >= 'A' && c <= 'Z';
    if (!(upper ? starts_upper_[first] : starts_lower_[first])) {
      // A one-letter phrase ("A") is keyed with a 0 second byte.
      if (i + 1 < text.size() && IsAsciiWordByte(static_cast<unsigned char>(text[i + 1]))) continue;
      uint16_t single = static_cast<uint16_t>(first & 0xff00);
      if (!(upper ? starts_upper_[single] : starts_lower_[single])) continue;
    }
    uint64_t h = kHashStart;
    size_t limit = std::min(text.size(), i + longest_);
    for (size_t j = i; j < limit; ++j) {
      h = HashByte(h, low[j]);
      if (!BoundaryAt(text, j + 1)) continue;
      if (!MayBePrefix(h)) break;
      int32_t key = FindKey(h, low.substr(i, j + 1 - i));
      if (key < 0) continue;
      for (uint32_t phrase : key_phrases_[key]) {
        if (!CaseAgrees(phrases_[phrase], text.substr(i, j + 1 - i))) continue;
        matches.push_back({phrase, static_cast<uint32_t>(i), static_cast<uint32_t>(j + 1)});
      }
    }
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.phrase < b.phrase;
  });
  return matches;
}

}  // namespace crosscheck
