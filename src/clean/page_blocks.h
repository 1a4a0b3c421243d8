// PageBlock: one block of a page (a paragraph, heading, list item, line of scraped text) as the
// two front ends (html_blocks.h, text_blocks.h) hand it to the block classifier. Internal.
#ifndef CROSSCHECK_CLEAN_PAGE_BLOCKS_H_
#define CROSSCHECK_CLEAN_PAGE_BLOCKS_H_

#include <string>
#include <vector>

#include "crosscheck/document.h"

namespace crosscheck {

enum class BlockKind { kParagraph, kHeading, kListItem, kQuote, kPreformatted, kCaption, kCell };

struct PageBlock {
  std::string text;                 // white space collapsed, entities decoded
  // Where the text came from in Document::text; main_begin counts from the start of `text`.
  std::vector<OffsetPiece> pieces;
  BlockKind kind = BlockKind::kParagraph;
  int heading_level = 0;            // 1..6 for kHeading
  // HTML only: the share of the text inside links, and what the markup says about the block.
  double link_density = 0.0;
  double leading_link_share = 0.0;  // the share of the text in a link that opens the block
  std::string markup_furniture;     // a reason from a furniture element or class ("" if none)
  bool in_body_markup = false;      // inside <article>, itemprop=articleBody, a body class
  bool in_quote = false;            // inside <blockquote>: a quoted passage or an embedded post
  // Text only: a blank line separates this block from the one before.
  bool blank_before = false;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CLEAN_PAGE_BLOCKS_H_
