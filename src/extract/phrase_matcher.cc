#include "extract/phrase_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

#include "util/utf8.h"

namespace crosscheck {
namespace {

// Per byte: an ASCII letter or digit. The bytes of other characters (0x80 and up) are not;
// WordCharAt decodes those.
constexpr std::array<bool, 256> kAsciiWordByte = [] {
  std::array<bool, 256> table{};
  for (int c = 0; c < 128; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return table;
}();

// A letter or digit at text[i]; *len is set to the character's byte length. Typographic
// quotes, dashes, bullets and other symbols are not word characters.
inline bool WordCharAt(std::string_view text, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return kAsciiWordByte[c];
  }
  int32_t at = int32_t(i);
  UChar32 cp;
  U8_NEXT(text.data(), at, int32_t(text.size()), cp);
  *len = size_t(at) - i;
  return cp >= 0 && (u_isalnum(cp) || u_charType(cp) == U_NON_SPACING_MARK);
}

bool IsApostrophe(std::string_view text, size_t i, size_t* len) {
  if (text[i] == '\'') return *len = 1, true;
  if (text.substr(i, 3) == "\u2019") return *len = 3, true;
  return false;
}

}  // namespace

std::vector<Span> WordSpans(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Span> words;
  WordSpans(text, begin, end, &words);
  return words;
}

void WordSpans(std::string_view text, uint32_t begin, uint32_t end, std::vector<Span>* out) {
  std::vector<Span>& words = *out;
  words.clear();
  end = std::min<uint32_t>(end, uint32_t(text.size()));
  words.reserve((end > begin ? end - begin : 0) / 5 + 1);  // about one word in five or six bytes
  std::string_view bounded = text.substr(0, end);
  size_t i = begin, len = 0;
  while (i < end) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (kAsciiWordByte[c]) {
      len = 1;
    } else if (c < 0x80) {
      // Spaces and ASCII punctuation between words, skipped without a call.
      ++i;
      continue;
    } else if (!WordCharAt(bounded, i, &len)) {
      i += len;
      continue;
    }
    size_t start = i;
    i += len;
    while (i < end) {
      // The run of ASCII letters and digits that makes most of a word, in a loop of its own.
      while (i < end && kAsciiWordByte[static_cast<unsigned char>(text[i])]) ++i;
      if (i == end) break;
      unsigned char d = static_cast<unsigned char>(text[i]);
      if (d >= 0x80 && WordCharAt(bounded, i, &len)) {
        i += len;
        continue;
      }
      // An apostrophe or hyphen joins two word characters: "Kyiv’s", "twelve-year-old".
      size_t joint = 0, next = 0;
      bool joins = (IsApostrophe(bounded, i, &joint) || (text[i] == '-' && (joint = 1))) &&
                   i + joint < end && WordCharAt(bounded, i + joint, &next);
      if (!joins) break;
      i += joint + next;
    }
    words.push_back(Span{uint32_t(start), uint32_t(i)});
  }
}

void PhraseMatcher::Add(std::string_view phrase, int value, int channel) {
  Entry entry;
  entry.value = value;
  entry.channel = channel;
  channels_ = std::max(channels_, channel + 1);
  for (Span w : WordSpans(phrase, 0, uint32_t(phrase.size()))) {
    std::string lower(phrase.substr(w.begin, w.size()));
    AsciiLowerInPlace(&lower);
    entry.words.push_back(std::move(lower));
  }
  if (entry.words.empty()) return;
  const std::string& first = entry.words[0];
  first_word_filter_.insert(first);
  first_words_[static_cast<unsigned char>(first[0])] |= 1u << std::min<size_t>(first.size(), 31);
  auto& bucket = by_first_word_[first];
  bucket.push_back(std::move(entry));
  // Longest phrases first, so the first match found at a position is the longest.
  std::stable_sort(bucket.begin(), bucket.end(),
                   [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

const std::vector<PhraseMatcher::Entry>* PhraseMatcher::Lookup(const HashedView& word) const {
  auto it = by_first_word_.find(word);
  return it == by_first_word_.end() ? nullptr : &it->second;
}

void PhraseMatcher::FindAll(std::string_view text, const std::vector<Span>& words,
                            std::vector<std::vector<Match>>* out) const {
  // Keep the vectors' storage from the last call: a document's sentences reuse it.
  out->resize(size_t(channels_));
  for (auto& matches : *out) matches.clear();
  if (words.empty()) return;
  // The words' stretch of text lower-cased once, whatever the number of lexicons, into a buffer
  // each thread keeps from call to call (this runs once per sentence).
  const uint32_t base = words.front().begin;
  thread_local std::string lowered;
  lowered.assign(text.substr(base, words.back().end - base));
  AsciiLowerInPlace(&lowered);
  auto lower = [&](Span w) { return std::string_view(lowered).substr(w.begin - base, w.size()); };
  // Matches of one channel do not overlap: one may start only where the last one ended.
  thread_local std::vector<uint32_t> channel_end;
  channel_end.assign(size_t(channels_), 0);
  // Few words are compounds: the next hyphen tells which, without searching each word.
  size_t next_hyphen = lowered.find('-');
  const size_t word_count = words.size();
  for (size_t i = 0; i < word_count; ++i) {
    std::string_view word = lower(words[i]);
    uint32_t begin = words[i].begin;
    const std::vector<Entry>* phrases = StartingWith(word);
    if (!phrases) {
      // "Taliban-planted", "rebel-held": a compound's last part is a word of its own; a match
      // from it starts after the hyphen.
      if (next_hyphen < words[i].begin - base) next_hyphen = lowered.find('-', words[i].begin - base);
      if (next_hyphen >= words[i].end - base) continue;
      size_t hyphen = word.rfind('-');
      if (hyphen + 1 >= word.size()) continue;
      phrases = StartingWith(word.substr(hyphen + 1));
      if (!phrases) continue;
      begin += uint32_t(hyphen + 1);
    }
    for (const Entry& e : *phrases) {
      if (channel_end[e.channel] > begin || i + e.words.size() > word_count) continue;
      bool all = true;
      for (size_t k = 1; k < e.words.size() && all; ++k) all = lower(words[i + k]) == e.words[k];
      if (!all) continue;
      Span span{begin, words[i + e.words.size() - 1].end};
      (*out)[e.channel].push_back(Match{span, e.value});
      channel_end[e.channel] = span.end;
    }
  }
}

std::vector<PhraseMatcher::Match> PhraseMatcher::Find(std::string_view text,
                                                      const std::vector<Span>& words) const {
  std::vector<std::vector<Match>> all;
  FindAll(text, words, &all);
  return std::move(all[0]);
}

}  // namespace crosscheck
