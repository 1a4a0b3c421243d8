// LexiconMatcher: a marisa-trie of a lexicon's phrases, probed at word starts; matches are
// word-bounded and case-checked.
#include "analyse/lexicon_matcher.h"

#include <marisa.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace crosscheck {

struct LexiconMatcher::Trie {
  marisa::Trie trie;
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

bool IsLetterOrDigitAt(std::string_view text, size_t offset) {
  if (offset >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[offset]);
  if (c < 0x80) return std::isalnum(c) != 0;
  int32_t i = static_cast<int32_t>(offset);
  UChar32 cp;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), cp);
  return cp >= 0 && u_isalnum(cp);
}

// Upper-case letters of the phrase must be upper case in the text (the trie holds lower case).
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

}  // namespace

bool IsWordStart(std::string_view text, size_t offset) { return !IsLetterOrDigitBefore(text, offset); }
bool IsWordEnd(std::string_view text, size_t offset) { return !IsLetterOrDigitAt(text, offset); }

LexiconMatcher::~LexiconMatcher() = default;

Result<std::unique_ptr<LexiconMatcher>> LexiconMatcher::Create(const std::vector<std::string>& phrases) {
  std::unique_ptr<LexiconMatcher> matcher(new LexiconMatcher());
  matcher->phrases_ = phrases;
  matcher->trie_ = std::make_unique<Trie>();
  std::vector<std::string> lowered;
  lowered.reserve(phrases.size());
  marisa::Keyset keyset;
  for (const std::string& phrase : phrases) {
    if (phrase.empty()) return Status::InvalidArgument("empty lexicon phrase");
    std::string key(phrase);
    std::transform(key.begin(), key.end(), key.begin(), LowerAscii);
    uint16_t first = StartKey(key, 0);
    matcher->starts_upper_[first] = true;
    if (!(phrase[0] >= 'A' && phrase[0] <= 'Z')) matcher->starts_lower_[first] = true;
    matcher->longest_ = std::max(matcher->longest_, key.size());
    lowered.push_back(std::move(key));
  }
  // marisa reports failures by throwing; none leaves this function.
  try {
    for (const std::string& key : lowered) keyset.push_back(key.data(), key.size());
    matcher->trie_->trie.build(keyset, MARISA_DEFAULT_NUM_TRIES | MARISA_BINARY_TAIL);
  } catch (const std::exception& e) {
    return Status::Internal(std::string("could not build the lexicon trie: ") + e.what());
  }
  matcher->key_phrases_.resize(matcher->trie_->trie.num_keys());
  marisa::Agent agent;
  for (size_t i = 0; i < lowered.size(); ++i) {
    agent.set_query(lowered[i].data(), lowered[i].size());
    if (!matcher->trie_->trie.lookup(agent)) return Status::Internal("lexicon trie lost a phrase");
    matcher->key_phrases_[agent.key().id()].push_back(static_cast<uint32_t>(i));
  }
  return matcher;
}

std::vector<LexiconMatcher::Match> LexiconMatcher::FindAll(std::string_view text) const {
  std::vector<Match> matches;
  if (phrases_.empty() || text.empty() || text.size() > UINT32_MAX) return matches;
  std::string lowered(text);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(), LowerAscii);
  marisa::Agent agent;
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
    agent.set_query(lowered.data() + i, std::min(longest_, lowered.size() - i));
    while (trie_->trie.common_prefix_search(agent)) {
      size_t end = i + agent.key().length();
      if (!IsWordEnd(text, end)) continue;
      for (uint32_t phrase : key_phrases_[agent.key().id()]) {
        if (!CaseAgrees(phrases_[phrase], text.substr(i, end - i))) continue;
        matches.push_back({phrase, static_cast<uint32_t>(i), static_cast<uint32_t>(end)});
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
