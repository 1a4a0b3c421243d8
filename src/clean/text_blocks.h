// Front end for text that a scraper already flattened: one block per non-empty line. Internal.
#ifndef CROSSCHECK_CLEAN_TEXT_BLOCKS_H_
#define CROSSCHECK_CLEAN_TEXT_BLOCKS_H_

#include <string_view>
#include <vector>

#include "clean/page_blocks.h"

namespace crosscheck {

// Lines of `text`, trimmed, runs of white space made one space; each block's one offset piece points back into `text`.
std::vector<PageBlock> SplitTextBlocks(std::string_view text);

}  // namespace crosscheck

#endif  // CROSSCHECK_CLEAN_TEXT_BLOCKS_H_
