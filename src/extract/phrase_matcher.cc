#include "extract/phrase_matcher.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace crosscheck {
namespace {

// A letter or digit at text[i]; *len is set to the character's byte length. Typographic
// quotes, dashes, bullets and other symbols are not word characters.
bool WordCharAt(std::string_view text, size_t i, size_t* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
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
  std::string_view bounded = text.substr(0, end);
  size_t i = begin, len = 0;
  while (i < end) {
    if (!WordCharAt(bounded, i, &len)) {
      i += len;
      continue;
    }
    size_t start = i;
    i += len;
    while (i < end) {
      if (WordCharAt(bounded, i, &len)) {
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
