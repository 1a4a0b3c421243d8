// LexiconMatcher: a marisa-trie of a lexicon's lower-cased phrases, searched from the word starts
// a prefix filter lets through; matches are word-bounded and case-checked.
#include "analyse/lexicon_matcher.h"

#include <marisa.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "util/utf8.h"

namespace crosscheck {

struct LexiconMatcher::Trie {
  marisa::Trie trie;
  // A link from a trie key to one phrase, with the cased form the key was lowered from (the
  // phrase itself or its accent-folded spelling) at patterns[pattern, pattern + size).
  struct Link {
    uint32_t phrase;
    uint32_t pattern;
    uint32_t size;
  };
  std::vector<uint32_t> key_begin;  // key id -> its links: links[key_begin[id] .. key_begin[id + 1])
  std::vector<Link> links;
  std::string patterns;
};

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

// A non-ASCII letter or digit starts at `offset` (the byte there is >= 0x80).
__attribute__((noinline)) bool IsNonAsciiLetterOrDigitAt(std::string_view text, size_t offset) {
  int32_t i = static_cast<int32_t>(offset);
  UChar32 cp;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), cp);
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

// ASCII letters and digits, by byte.
constexpr auto kAsciiWordBytes = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 256; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return table;
}();
inline bool IsAsciiWordByte(unsigned char c) { return kAsciiWordBytes[c]; }

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

// The first two bytes at `i`, lower-cased, as one number (a one-byte word pads with 0).
uint16_t StartKey(std::string_view s, size_t i) {
  auto a = static_cast<unsigned char>(LowerAscii(s[i]));
  auto b = i + 1 < s.size() ? static_cast<unsigned char>(LowerAscii(s[i + 1])) : 0;
  return static_cast<uint16_t>(a << 8 | b);
}

// A word boundary at byte j of `s` (the end of the string, or a character that is not a letter
// or digit). The same bytes give the same answer in a key and in the text, since lower-casing
// ASCII keeps letters letters and leaves other bytes alone.
inline bool BoundaryAt(std::string_view s, size_t j) {
  if (j >= s.size()) return true;
  auto c = static_cast<unsigned char>(s[j]);
  if (c < 0x80) return !IsAsciiWordByte(c);
  if ((c & 0xC0) == 0x80) return false;  // inside a character
  return !IsNonAsciiLetterOrDigitAt(s, j);
}

// FNV-1a, one byte at a time so that a scan hashes every prefix on its way.
constexpr uint64_t kHashStart = 1469598103934665603ull;
inline uint64_t HashByte(uint64_t h, char c) { return (h ^ static_cast<unsigned char>(c)) * 1099511628211ull; }
// The hash spread over the filters: FNV's low bits alone are weak.
inline uint64_t Mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  return h;
}

// `phrase` with the accents of its Latin letters removed, case kept ("Qāmishlī" -> "Qamishli",
// "Đakovo" -> "Dakovo"); empty when that changes nothing or leaves other non-ASCII letters.
std::string FoldAccents(std::string_view phrase) {
  if (std::all_of(phrase.begin(), phrase.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return {};
  }
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  if (U_FAILURE(status)) return {};
  icu::UnicodeString decomposed =
      nfd->normalize(icu::UnicodeString::fromUTF8(icu::StringPiece(phrase.data(), static_cast<int32_t>(phrase.size()))), status);
  if (U_FAILURE(status)) return {};
  std::string out;
  for (int32_t k = 0; k < decomposed.length();) {
    UChar32 c = decomposed.char32At(k);
    k += U16_LENGTH(c);
    if (u_charType(c) == U_NON_SPACING_MARK) continue;
    switch (c) {  // letters with a stroke do not decompose
      case u'Đ': out += 'D'; continue;
      case u'đ': out += 'd'; continue;
      case u'Ł': out += 'L'; continue;
      case u'ł': out += 'l'; continue;
      case u'Ø': out += 'O'; continue;
      case u'ø': out += 'o'; continue;
      case u'ı': out += 'i'; continue;
      case u'ß': out += "ss"; continue;
      case 0x2019: out += '\''; continue;  // ’
      default: break;
    }
    if (c >= 0x80) return {};
    out += static_cast<char>(c);
  }
  return out;
}

}  // namespace

bool IsWordStart(std::string_view text, size_t offset) { return !IsLetterOrDigitBefore(text, offset); }
bool IsWordEnd(std::string_view text, size_t offset) { return !IsLetterOrDigitAt(text, offset); }

LexiconMatcher::LexiconMatcher() : trie_(std::make_unique<Trie>()) {}
LexiconMatcher::~LexiconMatcher() = default;

namespace {
inline uint64_t PrefixBits(uint64_t m) {
  return uint64_t{1} << (m >> 32 & 63) | uint64_t{1} << (m >> 38 & 63) | uint64_t{1} << (m >> 44 & 63);
}
inline uint64_t KeyBits(uint64_t m) { return uint64_t{1} << (m >> 50 & 63) | uint64_t{1} << (m >> 56 & 63); }
// A key that a word starting in lower case can match: one of its phrases does not start with a
// capital ("al-Qaeda", "state media").
inline uint64_t LowerKeyBits(uint64_t m) { return uint64_t{1} << (m >> 20 & 63) | uint64_t{1} << (m >> 26 & 63); }
}  // namespace

inline bool LexiconMatcher::MayBePrefix(uint64_t m) const {
  uint64_t bits = PrefixBits(m);
  return (filter_[m & filter_mask_] & bits) == bits;
}
inline bool LexiconMatcher::MayBeKey(uint64_t m, bool lower) const {
  uint64_t bits = lower ? LowerKeyBits(m) : KeyBits(m);
  return (filter_[m & filter_mask_] & bits) == bits;
}
void LexiconMatcher::InsertPrefix(uint64_t m) { filter_[m & filter_mask_] |= PrefixBits(m); }
void LexiconMatcher::InsertKey(uint64_t m, bool lower) {
  filter_[m & filter_mask_] |= KeyBits(m) | (lower ? LowerKeyBits(m) : 0);
}

Result<std::unique_ptr<LexiconMatcher>> LexiconMatcher::Create(const std::vector<std::string>& phrases) {
  std::unique_ptr<LexiconMatcher> matcher(new LexiconMatcher());
  Trie& t = *matcher->trie_;
  matcher->size_ = phrases.size();
  // Every phrase and every accent-folded spelling goes into the keyset lower-cased; marisa merges
  // equal keys, and build() tells each pushed key its id. links[k] is what pushed key k stands for.
  marisa::Keyset keyset;
  std::vector<Trie::Link> links;
  links.reserve(phrases.size());
  size_t words = 64;
  while (words * 3 < phrases.size() * 2) words *= 2;  // about 1.5 boundary prefixes a phrase
  matcher->filter_.assign(words, 0);
  matcher->filter_mask_ = words - 1;
  std::string key;
  auto add_key = [&](std::string_view cased, uint32_t phrase) {
    Trie::Link link{phrase, static_cast<uint32_t>(t.patterns.size()), static_cast<uint32_t>(cased.size())};
    t.patterns.append(cased);
    key.assign(cased);
    std::transform(key.begin(), key.end(), key.begin(), LowerAscii);
    uint16_t first = StartKey(key, 0);
    matcher->starts_upper_[first] = true;
    if (!(cased[0] >= 'A' && cased[0] <= 'Z')) matcher->starts_lower_[first] = true;
    matcher->longest_ = std::max(matcher->longest_, key.size());
    uint64_t h = kHashStart;
    for (size_t j = 0; j < key.size(); ++j) {
      h = HashByte(h, key[j]);
      if (BoundaryAt(key, j + 1)) matcher->InsertPrefix(Mix(h));
    }
    matcher->InsertKey(Mix(h), !(cased[0] >= 'A' && cased[0] <= 'Z'));
    keyset.push_back(key.data(), key.size());
    links.push_back(link);
  };
  for (size_t p = 0; p < phrases.size(); ++p) {
    if (phrases[p].empty()) return Status::InvalidArgument("empty lexicon phrase");
    add_key(phrases[p], static_cast<uint32_t>(p));
  }
  // A phrase with accents also matches its spelling without them ("Qamishli" for "Qāmishlī"),
  // unless a phrase of its own is spelt so (dropped below).
  const size_t exact = links.size();
  for (size_t p = 0; p < phrases.size(); ++p) {
    std::string folded = FoldAccents(phrases[p]);
    if (!folded.empty()) add_key(folded, static_cast<uint32_t>(p));
  }

  // marisa reports failures by throwing; none leaves this function.
  try {
    // One trie, no recursion into tries of the tails: searched at every candidate word start, it
    // is faster so (measured with callgrind on the example reports) and only a little larger.
    t.trie.build(keyset, static_cast<int>(MARISA_MIN_NUM_TRIES) | static_cast<int>(MARISA_HUGE_CACHE));
    size_t num_keys = t.trie.num_keys();
    std::vector<uint8_t> spelt(num_keys, 0);  // some phrase is spelt as this key
    for (size_t k = 0; k < exact; ++k) spelt[keyset[k].id()] = 1;
    // Links grouped by key id, in the order pushed: exact spellings in phrase order first.
    std::vector<uint32_t> begin(num_keys + 1, 0);
    auto kept = [&](size_t k) { return k < exact || !spelt[keyset[k].id()]; };
    for (size_t k = 0; k < links.size(); ++k) {
      if (kept(k)) ++begin[keyset[k].id() + 1];
    }
    for (size_t id = 0; id < num_keys; ++id) begin[id + 1] += begin[id];
    t.links.resize(begin.back());
    std::vector<uint32_t> next(begin.begin(), begin.end() - 1);
    for (size_t k = 0; k < links.size(); ++k) {
      if (kept(k)) t.links[next[keyset[k].id()]++] = links[k];
    }
    t.key_begin = std::move(begin);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("could not build the lexicon trie: ") + e.what());
  }
  return matcher;
}

std::vector<uint32_t> LexiconMatcher::WordStarts(std::string_view text) {
  std::vector<uint32_t> starts;
  if (text.size() > UINT32_MAX) return starts;
  starts.reserve(text.size() / 5 + 8);  // English words and their spaces average about 6 bytes
  const size_t n = text.size();
  for (size_t i = 0; i < n; ++i) {
    auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && !IsAsciiWordByte(c)) continue;
    if (i > 0) {
      auto before = static_cast<unsigned char>(text[i - 1]);
      if (IsAsciiWordByte(before)) continue;
      // After a non-ASCII character (a letter, or a no-break space), ask Unicode.
      if (before >= 0x80 && ((c & 0xC0) == 0x80 || !IsWordStart(text, i))) continue;
    }
    starts.push_back(static_cast<uint32_t>(i));
    // No word starts in the rest of an ASCII word: the loop goes on after it.
    if (c < 0x80) {
      while (i + 1 < n && IsAsciiWordByte(static_cast<unsigned char>(text[i + 1]))) ++i;
    }
  }
  return starts;
}

std::vector<LexiconMatcher::Match> LexiconMatcher::FindAll(std::string_view text,
                                                           std::span<const uint32_t> word_starts) const {
  std::vector<Match> matches;
  if (size_ == 0 || text.empty() || text.size() > UINT32_MAX) return matches;
  // Kept per thread: FindAll runs once per tagger and document.
  thread_local marisa::Agent agent;
  thread_local std::string query;
  const Trie& t = *trie_;
  const size_t n = text.size();
  for (const uint32_t i : word_starts) {
    auto c = static_cast<unsigned char>(text[i]);
    uint16_t first = StartKey(text, i);
    const bool upper = c >= 'A' && c <= 'Z';
    if (!(upper ? starts_upper_[first] : starts_lower_[first])) {
      // A one-letter phrase ("A") is keyed with a 0 second byte.
      if (i + 1 < n && IsAsciiWordByte(static_cast<unsigned char>(text[i + 1]))) continue;
      uint16_t single = static_cast<uint16_t>(first & 0xff00);
      if (!(upper ? starts_upper_[single] : starts_lower_[single])) continue;
    }
    // How far a key may reach: to the last word boundary whose prefix may be a key, before the
    // first whose prefix is no key's.
    uint64_t h = kHashStart;
    size_t reach = 0;
    size_t limit = std::min(text.size(), i + longest_);
    for (size_t j = i; j < limit;) {
      // A run of ASCII letters and digits holds no boundary: hash it whole (lower-casing a letter
      // or digit is setting bit 5), then test the boundary after it. Any other byte is one step.
      if (IsAsciiWordByte(static_cast<unsigned char>(text[j]))) {
        do {
          h = HashByte(h, static_cast<char>(text[j] | 0x20));
        } while (++j < limit && IsAsciiWordByte(static_cast<unsigned char>(text[j])));
      } else {
        h = HashByte(h, LowerAscii(text[j++]));
      }
      if (!BoundaryAt(text, j)) continue;
      uint64_t m = Mix(h);
      if (!MayBePrefix(m)) break;
      if (MayBeKey(m, !upper)) reach = j;
    }
    if (reach == 0) continue;
    query.assign(text.data() + i, reach - i);
    AsciiLowerInPlace(&query);
    agent.set_query(query.data(), query.size());
    while (t.trie.common_prefix_search(agent)) {
      size_t end = i + agent.key().length();
      if (!BoundaryAt(text, end)) continue;
      std::string_view found = text.substr(i, end - i);
      size_t id = agent.key().id();
      for (uint32_t l = t.key_begin[id]; l < t.key_begin[id + 1]; ++l) {
        const Trie::Link& link = t.links[l];
        if (!CaseAgrees(std::string_view(t.patterns).substr(link.pattern, link.size), found)) continue;
        matches.push_back({link.phrase, i, static_cast<uint32_t>(end)});
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
