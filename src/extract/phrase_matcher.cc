#include "extract/phrase_matcher.h"

#include <algorithm>

namespace crosscheck {
namespace {

bool IsTypographic(std::string_view text, size_t i) {
  // U+2010..U+2015 (dashes) and U+2018..U+201F (quotes) are E2 80 90..9F.
  return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
         static_cast<unsigned char>(text[i + 1]) == 0x80 &&
         (static_cast<unsigned char>(text[i + 2]) & 0xF0) == 0x90;
}

bool IsWordByte(std::string_view text, size_t i) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return c >= 0x80;
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
  uint32_t i = begin;
  while (i < end) {
    if (!IsWordByte(text, i) || IsTypographic(text, i)) {
      ++i;
      continue;
    }
    uint32_t start = i;
    while (i < end) {
      if (IsTypographic(text, i)) {
        // A typographic apostrophe inside a word ("Syria’s") stays in it.
        bool apostrophe = static_cast<unsigned char>(text[i + 2]) == 0x99 && i + 3 < end &&
                          IsWordByte(text, i + 3) && !IsTypographic(text, i + 3);
        if (!apostrophe) break;
        i += 3;
        continue;
      }
      if (IsWordByte(text, i)) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        i += c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
        continue;
      }
      if ((text[i] == '\'' || text[i] == '-') && i + 1 < end && IsWordByte(text, i + 1) &&
          !IsTypographic(text, i + 1)) {
        ++i;
        continue;
      }
      break;
    }
    words.push_back(Span{start, std::min(i, end)});
  }
  return words;
}

void PhraseMatcher::Add(std::string_view phrase, int value) {
  Entry entry;
  entry.value = value;
  for (Span w : WordSpans(phrase, 0, uint32_t(phrase.size()))) {
    std::string lower;
    LowerInto(phrase.substr(w.begin, w.size()), &lower);
    entry.words.push_back(std::move(lower));
  }
  if (entry.words.empty()) return;
  auto& bucket = by_first_word_[entry.words[0]];
  bucket.push_back(std::move(entry));
  // Longest phrases first, so the first match found at a position is the longest.
  std::stable_sort(bucket.begin(), bucket.end(),
                   [](const Entry& a, const Entry& b) { return a.words.size() > b.words.size(); });
}

std::vector<PhraseMatcher::Match> PhraseMatcher::Find(std::string_view text,
                                                      const std::vector<Span>& words) const {
  std::vector<Match> out;
  std::string lower;
  for (size_t i = 0; i < words.size();) {
    LowerInto(text.substr(words[i].begin, words[i].size()), &lower);
    auto it = by_first_word_.find(lower);
    bool matched = false;
    if (it != by_first_word_.end()) {
      for (const Entry& e : it->second) {
        if (i + e.words.size() > words.size()) continue;
        bool all = true;
        for (size_t k = 1; k < e.words.size() && all; ++k) {
          LowerInto(text.substr(words[i + k].begin, words[i + k].size()), &lower);
          all = lower == e.words[k];
        }
        if (!all) continue;
        out.push_back(Match{Span{words[i].begin, words[i + e.words.size() - 1].end}, e.value});
        i += e.words.size();
        matched = true;
        break;
      }
    }
    if (!matched) ++i;
  }
  return out;
}

}  // namespace crosscheck
