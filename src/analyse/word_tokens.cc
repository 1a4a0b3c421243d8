// TokenizeSimpleText: the UAX #29 word rules for ASCII and a few typographic marks.
#include "analyse/word_tokens.h"

namespace crosscheck {
namespace {

enum class CharClass : uint8_t {
  kLetter,     // ALetter
  kDigit,      // Numeric
  kMidNumLet,  // '.', U+2018, U+2019: joins letters or digits
  kQuote,      // '\'' (Single_Quote): joins letters or digits
  kMidNum,     // ',', ';': joins digits
  kOther,      // spaces, punctuation, symbols: never part of a word
  kUnknown,    // anything else: the caller must use ICU
};

constexpr CharClass AsciiClass(unsigned char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return CharClass::kLetter;
  if (c >= '0' && c <= '9') return CharClass::kDigit;
  switch (c) {
    case '.':
      return CharClass::kMidNumLet;
    case '\'':
      return CharClass::kQuote;
    case ',':
    case ';':
      return CharClass::kMidNum;
    case '_':  // ExtendNumLet: rare in news, left to ICU
      return CharClass::kUnknown;
    default:
      return c < 0x20 && c != '\n' && c != '\r' && c != '\t' ? CharClass::kUnknown
                                                             : CharClass::kOther;
  }
}

struct AsciiTable {
  CharClass classes[128];
  constexpr AsciiTable() : classes() {
    for (int c = 0; c < 128; ++c) classes[c] = AsciiClass(static_cast<unsigned char>(c));
  }
};
constexpr AsciiTable kAscii;

// The class of the character at text[i] and its byte length.
inline CharClass ClassAt(std::string_view text, size_t i, size_t* length) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  *length = 1;
  if (c < 0x80) return kAscii.classes[c];
  // A few typographic marks of English text; every other non-ASCII character goes to ICU.
  if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
    *length = 2;
    return CharClass::kOther;  // no-break space
  }
  if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80) {
    *length = 3;
    switch (static_cast<unsigned char>(text[i + 2])) {
      case 0x98:  // ‘
      case 0x99:  // ’
        return CharClass::kMidNumLet;
      case 0x93:  // –
      case 0x94:  // —
      case 0x9C:  // “
      case 0x9D:  // ”
      case 0xA6:  // …
        return CharClass::kOther;
      default:
        return CharClass::kUnknown;
    }
  }
  return CharClass::kUnknown;
}

bool IsWordChar(CharClass c) { return c == CharClass::kLetter || c == CharClass::kDigit; }

bool IsAsciiBlank(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Where the blank-delimited chunk holding text[at] starts.
size_t ChunkStart(std::string_view text, size_t at) {
  while (at > 0 && !IsAsciiBlank(text[at - 1])) --at;
  return at;
}

}  // namespace

size_t TokenizeSimpleText(std::string_view text, uint32_t offset, std::vector<Span>* tokens) {
  size_t i = 0;
  size_t length = 0;
  auto refuse = [&](size_t at) {
    size_t chunk = ChunkStart(text, at);
    while (!tokens->empty() && tokens->back().end > offset + chunk) tokens->pop_back();
    return chunk;
  };
  while (i < text.size()) {
    CharClass c = ClassAt(text, i, &length);
    if (c == CharClass::kUnknown) return refuse(i);
    if (!IsWordChar(c)) {
      i += length;
      continue;
    }
    size_t start = i;
    CharClass previous = c;
    i += length;
    while (i < text.size()) {
      // Runs of ASCII letters make up most of a word: step over them without the other tests.
      if (previous == CharClass::kLetter) {
        while (i < text.size() && static_cast<unsigned char>(text[i]) < 0x80 &&
               kAscii.classes[static_cast<unsigned char>(text[i])] == CharClass::kLetter) {
          ++i;
        }
        if (i >= text.size()) break;
      }
      CharClass next = ClassAt(text, i, &length);
      if (IsWordChar(next)) {
        previous = next;
        i += length;
        continue;
      }
      if (next == CharClass::kUnknown) return refuse(i);
      // A middle character joins only between two letters or two digits.
      if (next != CharClass::kMidNumLet && next != CharClass::kQuote &&
          next != CharClass::kMidNum) {
        break;
      }
      size_t mid_length = length;
      if (i + mid_length >= text.size()) break;
      size_t after_length = 0;
      CharClass after = ClassAt(text, i + mid_length, &after_length);
      if (after == CharClass::kUnknown) return refuse(i + mid_length);
      bool letters = previous == CharClass::kLetter && after == CharClass::kLetter &&
                     (next == CharClass::kMidNumLet || next == CharClass::kQuote);
      bool digits = previous == CharClass::kDigit && after == CharClass::kDigit &&
                    (next == CharClass::kMidNumLet || next == CharClass::kQuote ||
                     next == CharClass::kMidNum);
      if (!letters && !digits) break;
      previous = after;
      i += mid_length + after_length;
    }
    tokens->push_back(
        Span{offset + static_cast<uint32_t>(start), offset + static_cast<uint32_t>(i)});
  }
  return text.size();
}

}  // namespace crosscheck
