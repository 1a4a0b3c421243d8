// Block classifier: decides which blocks of a page are the article body. Internal.
//
// Works the same for blocks of HTML and lines of scraped text. Each block gets a score from
// general signals — its length and shape (sentences or a title-like fragment), link density, cue
// words of page furniture (data/boilerplate/cues.tsv), time-ago lines, the markup around it — and
// the body is the contiguous run of blocks with the highest total score (the "maximum subarray"
// of Finn et al.'s Body Text Extraction). Blocks under a furniture section heading ("Related",
// "Comments") are penalised until the body visibly resumes, and a tail that shares no words with
// the title and the lead (an author bio, a teaser) is cut, as are closing promotions and credits
// (tail cues). The standfirst between the headline and the byline or dateline is not the body.
// Inside the article's markup, a block that opens with a linked sentence is the story citing a
// source, not a teaser; a dated line inside a quote signs a quoted post and is no dateline.
#ifndef CROSSCHECK_CLEAN_BLOCK_CLASSIFIER_H_
#define CROSSCHECK_CLEAN_BLOCK_CLASSIFIER_H_

#include <string>
#include <string_view>
#include <vector>

#include "clean/lexicon.h"
#include "clean/page_blocks.h"

namespace crosscheck {

enum class CreditKind { kNone, kSource, kByline };

struct BlockDecision {
  bool keep = false;
  std::string reason;  // why it was dropped: "navigation", "related", "comments", ...
  CreditKind credit = CreditKind::kNone;
  std::string credit_name;  // the outlet or author a credit line names
};

struct Classification {
  std::vector<BlockDecision> decisions;  // one per block
  int body_begin = -1, body_end = -1;    // the body run [begin, end) of block indices
  int title_block = -1;                  // the block that is the headline, -1 when none found
};

// `title_hint`: a title known from metadata (may be empty); `hint_block`: the block the hint was
// taken from (a scraped page's first line), which is then not the headline, or -1. When
// `find_title` is set, the headline is looked for among the blocks before the body.
Classification ClassifyBlocks(const std::vector<PageBlock>& blocks, std::string_view title_hint,
                              bool find_title, const CleanLexicon& lexicon, int hint_block = -1);

// The name a credit line gives: "Source: Example News, News Agencies" -> "Example News";
// "By Jane Roe" -> "Jane Roe". Empty when the line is not a credit of that kind.
std::string ReadCredit(std::string_view line, CreditKind kind, const CleanLexicon& lexicon);

}  // namespace crosscheck

#endif  // CROSSCHECK_CLEAN_BLOCK_CLASSIFIER_H_
