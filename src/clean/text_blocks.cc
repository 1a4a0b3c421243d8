// Splitting scraped text into line blocks. A line is the unit because scrapers write one element
// of the page per line; blank lines are kept as a signal, not as blocks.
#include "clean/text_blocks.h"

namespace crosscheck {

namespace {

// Length of the white space (ASCII, U+00A0, U+2000..U+200B, U+202F, U+3000, BOM) at `s`, or 0.
size_t SpaceAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(s[i + 2]);
    if (d <= 0x8B || d == 0xAF) return 3;
  }
  if (c == 0xE3 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      static_cast<unsigned char>(s[i + 2]) == 0x80) {
    return 3;
  }
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF) {
    return 3;
  }
  return 0;
}

}  // namespace

std::vector<PageBlock> SplitTextBlocks(std::string_view text) {
  std::vector<PageBlock> blocks;
  size_t pos = 0;
  bool blank_seen = false;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    size_t begin = pos, end = eol;
    while (begin < end) {
      size_t w = SpaceAt(text, begin);
      if (!w) break;
      begin += w;
    }
    // Trim from the right byte-wise: find the last non-space character start.
    size_t trimmed_end = begin;
    for (size_t i = begin; i < end;) {
      size_t w = SpaceAt(text, i);
      if (w) {
        i += w;
      } else {
        ++i;
        while (i < end && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) ++i;
        trimmed_end = i;
      }
    }
    end = trimmed_end;
    if (end > begin) {
      PageBlock block;
      // Runs of white space (no-break spaces included) become one space; a piece of the offset
      // map covers each stretch copied unchanged.
      OffsetPiece piece{0, uint32_t(begin), 0};
      size_t i = begin;
      while (i < end) {
        size_t w = SpaceAt(text, i);
        if (!w) {
          block.text.push_back(text[i]);
          ++piece.length;
          ++i;
          continue;
        }
        size_t run_end = i;
        while (run_end < end && SpaceAt(text, run_end)) run_end += SpaceAt(text, run_end);
        block.text.push_back(' ');
        if (run_end - i == 1 && text[i] == ' ') {
          ++piece.length;
        } else {
          if (piece.length) block.pieces.push_back(piece);
          piece = OffsetPiece{uint32_t(block.text.size()), uint32_t(run_end), 0};
        }
        i = run_end;
      }
      if (piece.length) block.pieces.push_back(piece);
      block.blank_before = blank_seen || blocks.empty();
      blocks.push_back(std::move(block));
      blank_seen = false;
    } else {
      blank_seen = true;
    }
    pos = eol + 1;
  }
  return blocks;
}

}  // namespace crosscheck
