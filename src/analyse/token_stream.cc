// TokenStream and the text helpers the number and time taggers share.
#include "analyse/token_stream.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <cstring>
#include <memory>

namespace crosscheck {

std::string LowerSameLength(std::string_view text) {
  std::string out(text);
  size_t i = 0;
  const size_t n = out.size();
  while (i < n) {
    // Eight ASCII bytes at a time: add 0x20 to each byte in 'A'..'Z'.
    if (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, out.data() + i, 8);
      if ((word & 0x8080808080808080ull) == 0) {
        uint64_t at_least_a = word + 0x3f3f3f3f3f3f3f3full;  // high bit set where byte >= 'A'
        uint64_t above_z = word + 0x2525252525252525ull;     // high bit set where byte > 'Z'
        uint64_t upper = at_least_a & ~above_z & 0x8080808080808080ull;
        word |= upper >> 2;
        std::memcpy(out.data() + i, &word, 8);
        i += 8;
        continue;
      }
    }
    unsigned char c = static_cast<unsigned char>(out[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') out[i] = static_cast<char>(c + 32);
      ++i;
      continue;
    }
    size_t start = i;
    UChar32 cp;
    U8_NEXT(out.data(), i, n, cp);
    if (cp < 0) continue;  // ingest guarantees valid UTF-8; skip defensively
    UChar32 lower = u_tolower(cp);
    if (lower == cp || U8_LENGTH(lower) != static_cast<int>(i - start)) continue;
    size_t at = start;
    [[maybe_unused]] UBool error = false;
    U8_APPEND(reinterpret_cast<uint8_t*>(out.data()), at, i, lower, error);
  }
  return out;
}

std::vector<std::string> WordsOf(std::string_view phrase) {
  std::vector<std::string> words;
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> it(
      icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
  UText* text =
      utext_openUTF8(nullptr, phrase.data(), static_cast<int64_t>(phrase.size()), &status);
  if (U_FAILURE(status)) {
    utext_close(text);
    return words;
  }
  it->setText(text, status);
  int32_t begin = it->first();
  for (int32_t end = it->next(); end != icu::BreakIterator::DONE; begin = end, end = it->next()) {
    if (it->getRuleStatus() < UBRK_WORD_NONE_LIMIT) continue;
    words.push_back(LowerSameLength(phrase.substr(begin, end - begin)));
  }
  utext_close(text);
  return words;
}

namespace {
// The value of the decimal digit at t[at] (any script) and its byte length, or -1.
int DigitAt(std::string_view t, size_t at, size_t* length) {
  unsigned char c = static_cast<unsigned char>(t[at]);
  if (c < 0x80) {
    *length = 1;
    return (c >= '0' && c <= '9') ? c - '0' : -1;
  }
  size_t i = at;
  UChar32 cp;
  U8_NEXT(t.data(), i, t.size(), cp);
  if (cp < 0 || u_charType(cp) != U_DECIMAL_DIGIT_NUMBER) return -1;
  *length = i - at;
  return u_charDigitValue(cp);
}
}  // namespace

std::optional<DigitRun> ParseDigitRun(std::string_view t, bool decimal_comma) {
  const char group = decimal_comma ? '.' : ',';
  const char point = decimal_comma ? ',' : '.';
  DigitRun run;
  double fraction_scale = 0;  // 0 while reading the integer part
  size_t i = 0;
  size_t len = 0;
  while (i < t.size()) {
    int d = DigitAt(t, i, &len);
    if (d >= 0) {
      if (fraction_scale > 0) {
        run.value += d * fraction_scale;
        fraction_scale /= 10;
      } else {
        run.value = run.value * 10 + d;
      }
      ++run.digits;
      i += len;
      continue;
    }
    if (run.digits == 0 || fraction_scale > 0 || i + 1 >= t.size()) break;
    if (t[i] == group) {
      // A group separator is followed by exactly three digits.
      size_t j = i + 1;
      int count = 0;
      while (j < t.size() && count < 4 && DigitAt(t, j, &len) >= 0) {
        j += len;
        ++count;
      }
      if (count != 3) break;
      run.has_group_separator = true;
      ++i;
      continue;
    }
    if (t[i] == point && DigitAt(t, i + 1, &len) >= 0) {
      run.has_fraction = true;
      fraction_scale = 0.1;
      ++i;
      continue;
    }
    break;
  }
  if (run.digits == 0) return std::nullopt;
  run.length = i;
  return run;
}

TokenStream::TokenStream(const Document& doc)
    : doc_(doc), lowered_(LowerSameLength(doc.main_text)) {
  const auto& tokens = doc.tokens;
  lower_hashes_.reserve(tokens.size());
  for (size_t i = 0; i < tokens.size(); ++i) lower_hashes_.push_back(StringViewHash()(Lower(i)));
  if (doc.sentences.empty()) {
    sentences_.emplace_back(0, tokens.size());
    return;
  }
  size_t t = 0;
  for (const auto& sentence : doc.sentences) {
    while (t < tokens.size() && tokens[t].begin < sentence.span.begin) ++t;
    size_t first = t;
    while (t < tokens.size() && tokens[t].end <= sentence.span.end) ++t;
    sentences_.emplace_back(first, t);
  }
}

bool TokenStream::JoinsPhrase(size_t i) const {
  std::string_view gap = GapBefore(i);
  if (gap.size() == 1) return gap[0] == ' ' || gap[0] == '-' || gap[0] == '\t' || gap[0] == '\n';  // most gaps
  if (gap.empty()) return false;
  int dashes = 0;
  size_t k = 0;
  while (k < gap.size()) {
    char c = gap[k];
    if (c == ' ' || c == '\t' || c == '\n') {
      ++k;
    } else if (c == '-') {
      ++dashes;
      ++k;
    } else if (gap.compare(k, 2, "\u00a0") == 0) {
      k += 2;
    } else if (gap.compare(k, 3, "\u2010") == 0 || gap.compare(k, 3, "\u2011") == 0 ||
               gap.compare(k, 3, "\u2013") == 0) {
      ++dashes;
      k += 3;
    } else {
      return false;
    }
  }
  return dashes <= 1;
}

bool TokenStream::Capitalized(size_t i) const {
  std::string_view text = Text(i);
  if (text.empty()) return false;
  size_t k = 0;
  UChar32 cp;
  U8_NEXT(text.data(), k, text.size(), cp);
  return cp >= 0 && u_isupper(cp);
}

}  // namespace crosscheck
