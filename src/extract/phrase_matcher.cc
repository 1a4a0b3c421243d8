#include "extract/phrase_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>

namespace crosscheck {
namespace {

// A letter or digit at text[i]; *len is set to the character's byte length. Typographic
// quotes, dashes, bullets and other symbols are not word characters.
constexpr std::array<bool, 128> kAsciiWordChar = [] {
  std::array<bool, 128> table{};
  for (int c = 0; c < 128; ++c) table[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  return table;
}();

inline bool WordCharAt(std::string_view text, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return kAsciiWordChar[c];
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

void LowerInto(std::string_view s, std::string* out) {
  out->assign(s);
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
  }
}

}  // namespace

std::vector<Span> WordSpans(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Span> words;
  end = std::min<uint32_t>(end, uint32_t(text.size()));
  words.reserve((end > begin ? end - begin : 0) / 5 + 1);  // about one word in five or six bytes
  std::string_view bounded = text.substr(0, end);
  size_t i = begin, len = 0;
  while (i < end) {
    // Spaces and ASCII punctuation between words, skipped without a call.
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && !kAsciiWordChar[c]) {
      ++i;
      continue;
    }
    if (!WordCharAt(bounded, i, &len)) {
      i += len;
      continue;
    }
    size_t start = i;
    i += len;
    while (i < end) {
      unsigned char d = static_cast<unsigned char>(text[i]);
      if (d < 0x80 && kAsciiWordChar[d]) {
        ++i;
        continue;
      }
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
  return words;
}

void PhraseMatcher::Add(std::string_view phrase, int value, int channel) {
  Entry entry;
  entry.value = value;
  entry.channel = channel;
  channels_ = std::max(channels_, channel + 1);
  for (Span w : WordSpans(phrase, 0, uint32_t(phrase.size()))) {
    std::string lower;
    LowerInto(phrase.substr(w.begin, w.size()), &lower);
    entry.words.push_back(std::move(lower));
  }
  if (entry.words.empty()) return;
  const std::string& first = entry.words[0];
  first_words_[static_cast<unsigned char>(first[0])] |= 1u << std::min<size_t>(first.size(), 31);
  auto& bucket = by_first_word_[first];
  bucket.push_back(std::move(entry));
  // Longest phrases first, so the first match found at a position is the longest.
  std::stable_sort(bucket.begin(), bucket.end(),
                   [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

void PhraseMatcher::FindAll(std::string_view text, const std::vector<Span>& words,
                            std::vector<std::vector<Match>>* out) const {
  // Keep the vectors' storage from the last call: a document's sentences reuse it.
  out->resize(size_t(channels_));
  for (auto& matches : *out) matches.clear();
  // Each word lower-cased once, whatever the number of lexicons, into buffers each thread keeps
  // from call to call (this runs once per sentence).
  thread_local std::string buffer;
  thread_local std::vector<std::pair<uint32_t, uint32_t>> lowered;  // offset, length in buffer
  buffer.clear();
  lowered.clear();
  size_t total = 0;
  for (Span w : words) total += w.size();
  buffer.resize(total);
  size_t at = 0;
  for (Span w : words) {
    const char* from = text.data() + w.begin;
    for (uint32_t k = 0; k < w.size(); ++k) {
      char c = from[k];
      buffer[at + k] = (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    }
    lowered.emplace_back(uint32_t(at), uint32_t(w.size()));
    at += w.size();
  }
  auto word = [&](size_t i) { return std::string_view(buffer).substr(lowered[i].first, lowered[i].second); };
  thread_local std::vector<uint32_t> channel_end;
  thread_local std::vector<bool> matched_here;
  channel_end.assign(size_t(channels_), 0);
  matched_here.assign(size_t(channels_), false);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view key = word(i);
    auto it = MayStartPhrase(key) ? by_first_word_.find(key) : by_first_word_.end();
    // "Taliban-planted", "rebel-held": a compound's last part is a word of its own.
    size_t hyphen = it == by_first_word_.end() ? key.rfind('-') : std::string_view::npos;
    if (it == by_first_word_.end() && hyphen != std::string_view::npos && hyphen + 1 < key.size()) {
      size_t tail_begin = words[i].begin + hyphen + 1;
      std::string_view tail = key.substr(hyphen + 1);
      it = MayStartPhrase(tail) ? by_first_word_.find(tail) : by_first_word_.end();
      if (it == by_first_word_.end()) continue;
      // Match from the tail: the span starts after the hyphen.
      std::fill(matched_here.begin(), matched_here.end(), false);
      for (const Entry& e : it->second) {
        if (matched_here[e.channel] || channel_end[e.channel] > tail_begin) continue;
        if (i + e.words.size() > words.size()) continue;
        bool all = true;
        for (size_t k = 1; k < e.words.size() && all; ++k) all = word(i + k) == e.words[k];
        if (!all) continue;
        Span span{uint32_t(tail_begin), words[i + e.words.size() - 1].end};
        (*out)[e.channel].push_back(Match{span, e.value});
        channel_end[e.channel] = span.end;
        matched_here[e.channel] = true;
      }
      continue;
    }
    if (it == by_first_word_.end()) continue;
    std::fill(matched_here.begin(), matched_here.end(), false);
    for (const Entry& e : it->second) {
      if (matched_here[e.channel] || channel_end[e.channel] > words[i].begin) continue;
      if (i + e.words.size() > words.size()) continue;
      bool all = true;
      for (size_t k = 1; k < e.words.size() && all; ++k) all = word(i + k) == e.words[k];
      if (!all) continue;
      Span span{words[i].begin, words[i + e.words.size() - 1].end};
      (*out)[e.channel].push_back(Match{span, e.value});
      channel_end[e.channel] = span.end;
      matched_here[e.channel] = true;
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
