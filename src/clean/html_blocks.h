// Front end for HTML pages: libxml2's HTML parser (which recovers from broken markup) turns the
// page into blocks with their markup context, and the head and JSON-LD into metadata. Internal.
#ifndef CROSSCHECK_CLEAN_HTML_BLOCKS_H_
#define CROSSCHECK_CLEAN_HTML_BLOCKS_H_

#include <string>
#include <string_view>
#include <vector>

#include "clean/lexicon.h"
#include "clean/page_blocks.h"

namespace crosscheck {

// What a page says about itself, each field empty when it says nothing.
struct HtmlMetadata {
  std::string title;            // <title>
  std::string headline;         // og:title, twitter:title, JSON-LD headline
  std::string site_name;        // og:site_name, application-name
  std::string publisher;        // JSON-LD publisher.name
  std::string author;           // JSON-LD author.name, meta author
  std::string url;              // canonical link, og:url, JSON-LD url
  std::string language;         // <html lang>, og:locale, content-language
  std::string published;        // JSON-LD datePublished, article:published_time, ... (as written)
  std::string modified;         // JSON-LD dateModified, article:modified_time
  std::string time_element;     // the first <time datetime> inside the body markup
};

struct HtmlPage {
  std::vector<PageBlock> blocks;
  HtmlMetadata metadata;
};

// Parses `html` (valid UTF-8) into blocks whose offset pieces point into `html`. Never fails:
// unparseable input gives no blocks.
HtmlPage ParseHtmlPage(std::string_view html, const CleanLexicon& lexicon);

}  // namespace crosscheck

#endif  // CROSSCHECK_CLEAN_HTML_BLOCKS_H_
