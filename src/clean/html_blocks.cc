// HTML to blocks. Two passes over libxml2's tree: the first sums the text under each element (so
// that a class word like "sidebar" on a wrapper holding most of the page is not taken for
// furniture), the second emits a block for each run of text between block-level tags, with the
// markup context it sits in. Offsets back into the source are found by matching each word of a
// text node forward from a cursor that only moves on, so mapping costs one pass over the source.
#include "clean/html_blocks.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <simdjson.h>

#include <algorithm>
#include <cstring>
#include <unordered_map>

namespace crosscheck {

namespace {

constexpr int kMaxDepth = 200;
// An element holding more than this share of the page's text, or of its prose, is a layout
// wrapper whatever its class says ("page with-sidebar").
constexpr double kWrapperShare = 0.4;
constexpr double kWrapperProseShare = 0.5;
// How far ahead of the cursor a word is looked for before it is taken as decoded (an entity).
constexpr size_t kSearchWindow = 2048;

bool NameIs(const xmlNode* node, const char* name) {
  return node->name && std::strcmp(reinterpret_cast<const char*>(node->name), name) == 0;
}

// The value of an attribute (a view into the tree), or "" when absent.
std::string_view Attr(const xmlNode* node, const char* name) {
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    if (a->name && strcasecmp(reinterpret_cast<const char*>(a->name), name) == 0) {
      if (a->children && a->children->content) {
        return reinterpret_cast<const char*>(a->children->content);
      }
      return "";
    }
  }
  return "";
}

bool HasAttr(const xmlNode* node, const char* name) {
  for (const xmlAttr* a = node->properties; a; a = a->next) {
    if (a->name && strcasecmp(reinterpret_cast<const char*>(a->name), name) == 0) return true;
  }
  return false;
}

enum TagFlags : uint8_t { kSkippedTag = 1, kBlockTag = 2, kMetadataTag = 4 };

// One hash lookup per element instead of a string compare per known tag.
uint8_t TagFlagsOf(const xmlNode* node) {
  static const std::unordered_map<std::string_view, uint8_t> kTags = [] {
    std::unordered_map<std::string_view, uint8_t> tags;
    for (const char* s : {"script", "style", "noscript", "template", "svg", "math", "iframe",
                          "object", "embed", "canvas", "video", "audio", "select", "option",
                          "button", "input", "textarea", "head", "link", "meta", "map", "picture",
                          "source", "img"}) {
      tags[s] |= kSkippedTag;
    }
    for (const char* s : {"address", "article", "aside", "blockquote", "body", "center", "dd",
                          "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption",
                          "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
                          "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section",
                          "summary", "table", "tbody", "tfoot", "thead", "tr", "ul", "br",
                          "caption", "html", "legend"}) {
      tags[s] |= kBlockTag;
    }
    for (const char* s : {"meta", "link", "title", "html", "script", "time"}) tags[s] |= kMetadataTag;
    return tags;
  }();
  if (!node->name) return 0;
  auto it = kTags.find(reinterpret_cast<const char*>(node->name));
  return it == kTags.end() ? 0 : it->second;
}

bool IsSkipped(const xmlNode* node) { return TagFlagsOf(node) & kSkippedTag; }

bool IsBlockElement(const xmlNode* node) { return TagFlagsOf(node) & kBlockTag; }

bool IsHidden(const xmlNode* node) {
  if (HasAttr(node, "hidden")) return true;
  if (Attr(node, "aria-hidden") == "true") return true;
  std::string_view style = Attr(node, "style");
  if (style.empty()) return false;
  std::string compact;
  for (char c : style) {
    if (c != ' ') compact.push_back(char(tolower(static_cast<unsigned char>(c))));
  }
  return compact.find("display:none") != std::string::npos ||
         compact.find("visibility:hidden") != std::string::npos;
}

// Words of a class or id: split at non-letters and at lower-to-upper case changes. A token whose
// first word is a layout modifier ("has-sidebar") is left out, and so are the words before an
// embed word ("social-media-embed").
void ClassWords(std::string_view value, const CleanLexicon& lexicon, std::vector<std::string>* out) {
  size_t pos = 0;
  while (pos < value.size()) {
    size_t end = value.find_first_of(" \t\n", pos);
    if (end == std::string_view::npos) end = value.size();
    std::string_view token = value.substr(pos, end - pos);
    pos = end + 1;
    std::vector<std::string> words;
    std::string word;
    char prev = 0;
    for (char c : token) {
      bool alpha = isalpha(static_cast<unsigned char>(c));
      bool upper = isupper(static_cast<unsigned char>(c));
      if (!alpha || (upper && prev && islower(static_cast<unsigned char>(prev)))) {
        if (!word.empty()) words.push_back(word);
        word.clear();
      }
      if (alpha) word.push_back(char(tolower(static_cast<unsigned char>(c))));
      prev = c;
    }
    if (!word.empty()) words.push_back(word);
    if (words.empty()) continue;
    auto first = lexicon.html_names.find(words.front());
    if (first != lexicon.html_names.end() && first->second == "modifier") continue;
    // "social-media-embed": a post embedded in the story. A compound names its head last, so the
    // words before an embed word say what is embedded; those after it ("embed-caption") still count.
    // (A lone "embed" is looked up, and passed over, like any word.)
    size_t from = 0;
    for (size_t k = 1; k < words.size(); ++k) {
      auto it = lexicon.html_names.find(words[k]);
      if (it != lexicon.html_names.end() && it->second == "embed") from = k + 1;
    }
    for (size_t k = from; k < words.size(); ++k) out->push_back(std::move(words[k]));
  }
}

// Text under an element, in bytes of non-space characters: all of it, and the "prose" (text
// nodes long enough to be sentences), packed into the node's _private slot by SumText.
constexpr size_t kProseNodeBytes = 80;
// Several <article> elements on one page: those with less than this share of the largest one's
// text are teaser cards of other stories.
constexpr size_t kListedArticles = 3;
constexpr double kTeaserArticleShare = 0.25;

struct TextSums {
  size_t all = 0, prose = 0;
};

TextSums Sums(const xmlNode* node) {
  uintptr_t packed = reinterpret_cast<uintptr_t>(node->_private);
  return TextSums{size_t(packed & 0xFFFFFFFFu), size_t(packed >> 32)};
}

// First pass: text sums of every element; `articles` collects the text of every <article>.
TextSums SumText(xmlNode* node, int depth, std::vector<size_t>* articles) {
  TextSums total;
  for (xmlNode* child = node->children; child; child = child->next) {
    if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
      if (!child->content) continue;
      size_t n = 0;
      for (const xmlChar* p = child->content; *p; ++p) n += !isspace(*p);
      total.all += n;
      if (n >= kProseNodeBytes) total.prose += n;
    } else if (child->type == XML_ELEMENT_NODE && depth < kMaxDepth && !IsSkipped(child)) {
      TextSums sub = SumText(child, depth + 1, articles);
      if (NameIs(child, "article")) articles->push_back(sub.all);
      total.all += sub.all;
      total.prose += sub.prose;
    }
  }
  total.all = std::min<size_t>(total.all, 0xFFFFFFFFu);
  total.prose = std::min<size_t>(total.prose, 0xFFFFFFFFu);
  node->_private = reinterpret_cast<void*>((uintptr_t(total.prose) << 32) | uintptr_t(total.all));
  return total;
}

// The page without the bodies of <script> (but JSON-LD), <style>, <svg>, <noscript>, <template>
// and comments, which are most of a modern page's bytes and none of its text. Parsing this copy
// instead of the page halves the parser's work; `segments` maps it back to the page.
class ReducedPage {
 public:
  explicit ReducedPage(std::string_view html) {
    text_.reserve(html.size() / 2);
    size_t copied_from = 0;
    size_t i = 0;
    while ((i = html.find('<', i)) != std::string_view::npos) {
      size_t skip_end = SkipEnd(html, i);
      if (skip_end == 0) {
        ++i;
        continue;
      }
      Copy(html, copied_from, i);
      text_.push_back(' ');  // keeps the words on either side apart
      copied_from = i = skip_end;
    }
    Copy(html, copied_from, html.size());
  }

  const std::string& text() const { return text_; }

  // The page offset of byte `pos` of the reduced copy. REQUIRES: pos is a copied byte.
  size_t ToPage(size_t pos) const {
    while (segment_ + 1 < segments_.size() && segments_[segment_ + 1].first <= pos) ++segment_;
    while (segment_ > 0 && segments_[segment_].first > pos) --segment_;
    if (segments_.empty()) return pos;
    return segments_[segment_].second + (pos - segments_[segment_].first);
  }

 private:
  void Copy(std::string_view html, size_t begin, size_t end) {
    if (end <= begin) return;
    segments_.emplace_back(text_.size(), begin);
    text_.append(html.substr(begin, end - begin));
  }

  static bool TagAt(std::string_view html, size_t i, std::string_view name) {
    if (i + 1 + name.size() >= html.size()) return false;
    for (size_t k = 0; k < name.size(); ++k) {
      if (tolower(static_cast<unsigned char>(html[i + 1 + k])) != name[k]) return false;
    }
    char after = html[i + 1 + name.size()];
    return after == '>' || after == '/' || isspace(static_cast<unsigned char>(after));
  }

  static size_t FindClose(std::string_view html, size_t from, std::string_view name) {
    // "</name" in any case.
    size_t i = from;
    while ((i = html.find("</", i)) != std::string_view::npos) {
      bool match = i + 2 + name.size() <= html.size();
      for (size_t k = 0; match && k < name.size(); ++k) {
        match = tolower(static_cast<unsigned char>(html[i + 2 + k])) == name[k];
      }
      if (match) {
        size_t gt = html.find('>', i);
        return gt == std::string_view::npos ? html.size() : gt + 1;
      }
      i += 2;
    }
    return html.size();
  }

  // The end of the element or comment to skip that starts at html[i] == '<', or 0 to keep it.
  static size_t SkipEnd(std::string_view html, size_t i) {
    if (html.compare(i, 4, "<!--") == 0) {
      size_t end = html.find("-->", i + 4);
      return end == std::string_view::npos ? html.size() : end + 3;
    }
    static const std::string_view kSkipped[] = {"script", "style", "svg", "noscript", "template"};
    for (std::string_view name : kSkipped) {
      if (!TagAt(html, i, name)) continue;
      size_t gt = html.find('>', i);
      if (gt == std::string_view::npos) return 0;
      if (name == "script") {
        // JSON-LD stays: it carries the headline, dates and publisher.
        std::string open(html.substr(i, gt - i));
        for (char& c : open) c = char(tolower(static_cast<unsigned char>(c)));
        if (open.find("ld+json") != std::string::npos) return 0;
      }
      if (html[gt - 1] == '/') return gt + 1;  // <svg ... />
      return FindClose(html, gt + 1, name);
    }
    return 0;
  }

  std::string text_;
  std::vector<std::pair<size_t, size_t>> segments_;  // (reduced offset, page offset) of each run
  mutable size_t segment_ = 0;                       // lookups move forward: start from the last
};

struct Context {
  std::string furniture;
  bool body = false;
  bool quote = false;
  BlockKind kind = BlockKind::kParagraph;
  int heading = 0;
  int link_depth = 0;
};

// JSON-LD: the schema.org objects of a page, searched for the article's own fields.
void ReadLinkedData(simdjson::dom::element el, HtmlMetadata* meta, int depth);

std::string LdString(simdjson::dom::element el, const char* key, bool id_as_name = false) {
  simdjson::dom::element value;
  if (el.at_key(key).get(value)) return "";
  std::string_view s;
  if (!value.get_string().get(s)) return std::string(s);
  if (value.is_array()) {
    for (simdjson::dom::element item : value.get_array()) {
      if (!item.get_string().get(s)) return std::string(s);
      if (item.is_object()) {
        std::string name = LdString(item, "name");
        if (!name.empty()) return name;
      }
    }
  }
  if (value.is_object()) {
    std::string name = LdString(value, "name");
    if (!name.empty()) return name;
    return id_as_name ? LdString(value, "@id") : "";
  }
  return "";
}

bool IsArticleType(simdjson::dom::element el) {
  simdjson::dom::element type;
  if (el.at_key("@type").get(type)) return false;
  auto is_article = [](std::string_view t) {
    return t.find("Article") != std::string_view::npos || t == "BlogPosting" ||
           t == "ReportageNews" || t == "LiveBlogPosting" || t == "Report";
  };
  std::string_view s;
  if (!type.get_string().get(s)) return is_article(s);
  if (type.is_array()) {
    for (simdjson::dom::element t : type.get_array()) {
      if (!t.get_string().get(s) && is_article(s)) return true;
    }
  }
  return false;
}

void ReadLinkedData(simdjson::dom::element el, HtmlMetadata* meta, int depth) {
  if (depth > 8) return;
  if (el.is_array()) {
    for (simdjson::dom::element item : el.get_array()) ReadLinkedData(item, meta, depth + 1);
    return;
  }
  if (!el.is_object()) return;
  simdjson::dom::element graph;
  if (!el.at_key("@graph").get(graph)) ReadLinkedData(graph, meta, depth + 1);
  if (!IsArticleType(el)) return;
  auto set = [](std::string* field, std::string value) {
    if (field->empty() && !value.empty()) *field = std::move(value);
  };
  set(&meta->headline, LdString(el, "headline"));
  set(&meta->published, LdString(el, "datePublished"));
  set(&meta->modified, LdString(el, "dateModified"));
  set(&meta->author, LdString(el, "author"));
  set(&meta->publisher, LdString(el, "publisher"));
  set(&meta->url, LdString(el, "url", true));
}

void ParseLinkedData(std::string_view json, HtmlMetadata* meta) {
  thread_local simdjson::dom::parser parser;
  simdjson::padded_string padded(json);
  simdjson::dom::element root;
  if (parser.parse(padded).get(root)) return;  // invalid JSON-LD is common; it is only a hint
  ReadLinkedData(root, meta, 0);
}

std::string NodeText(const xmlNode* node) {
  std::string out;
  for (const xmlNode* c = node->children; c; c = c->next) {
    if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content) {
      out += reinterpret_cast<const char*>(c->content);
    }
  }
  return CollapseSpace(out);
}

class Walker {
 public:
  Walker(const ReducedPage& reduced, std::string_view page, const CleanLexicon& lexicon,
         TextSums total, const std::vector<size_t>& articles)
      : reduced_(reduced),
        src_(reduced.text()),
        page_text_(page),
        lexicon_(lexicon),
        total_(total) {
    // A page of many <article> elements lists stories: the small ones are teaser cards.
    if (articles.size() >= kListedArticles) {
      largest_article_ = *std::max_element(articles.begin(), articles.end());
    }
    const std::string_view src = src_;
    line_starts_.push_back(0);
    for (size_t i = 0; i < src.size(); ++i) {
      if (src[i] == '\n') line_starts_.push_back(uint32_t(i + 1));
    }
  }

  void Walk(xmlNode* node, const Context& ctx, int depth) {
    for (xmlNode* child = node->children; child; child = child->next) {
      if (child->type == XML_TEXT_NODE || child->type == XML_CDATA_SECTION_NODE) {
        if (child->content) AddText(reinterpret_cast<const char*>(child->content), node, ctx);
      } else if (child->type == XML_ELEMENT_NODE) {
        Element(child, ctx, depth + 1);
      }
    }
  }

  void Finish() { Flush(); }
  HtmlPage& page() { return page_; }

 private:
  void Element(xmlNode* node, const Context& parent, int depth) {
    ReadMetadata(node, parent);
    if (NameIs(node, "head")) {
      // The head holds no text to keep, only metadata.
      for (xmlNode* child = node->children; child; child = child->next) {
        if (child->type == XML_ELEMENT_NODE) ReadMetadata(child, parent);
      }
      return;
    }
    if (IsSkipped(node) || depth > kMaxDepth || IsHidden(node)) return;
    if (NameIs(node, "br") || NameIs(node, "hr")) {
      Flush();
      return;
    }
    Context ctx = parent;
    bool block = IsBlockElement(node);
    if (block) Flush();
    if (NameIs(node, "p")) {
      ctx.kind = BlockKind::kParagraph;
    } else if (node->name && node->name[0] == 'h' && node->name[1] >= '1' && node->name[1] <= '6' &&
               node->name[2] == 0) {
      ctx.kind = BlockKind::kHeading;
      ctx.heading = node->name[1] - '0';
    } else if (NameIs(node, "li") || NameIs(node, "dd") || NameIs(node, "dt")) {
      ctx.kind = BlockKind::kListItem;
    } else if (NameIs(node, "blockquote")) {
      ctx.kind = BlockKind::kQuote;
      ctx.quote = true;
    } else if (NameIs(node, "pre")) {
      ctx.kind = BlockKind::kPreformatted;
    } else if (NameIs(node, "td") || NameIs(node, "th")) {
      // A table row is one block: its cells are separated by a space, not split apart.
      ctx.kind = BlockKind::kCell;
      pending_space_ = !current_.text.empty();
    } else if (NameIs(node, "a")) {
      ++ctx.link_depth;
    }
    if (ctx.furniture.empty()) MarkContext(node, &ctx);
    Walk(node, ctx, depth);
    if (block) Flush();
  }

  // What the tag, role, itemprop, class and id say about an element.
  void MarkContext(const xmlNode* node, Context* ctx) {
    TextSums sums = Sums(node);
    bool wrapper = (total_.all > 0 && sums.all > kWrapperShare * double(total_.all)) ||
                   (total_.prose > 0 && sums.prose > kWrapperProseShare * double(total_.prose));
    std::string furniture;
    if (NameIs(node, "nav") || NameIs(node, "menu")) furniture = "navigation";
    else if (NameIs(node, "footer")) furniture = "footer";
    else if (NameIs(node, "aside")) furniture = "related";
    else if (NameIs(node, "figure") || NameIs(node, "figcaption")) furniture = "caption";
    else if (NameIs(node, "dialog")) furniture = "navigation";
    else if (NameIs(node, "article") && largest_article_ > 0 && !wrapper &&
             double(sums.all) < kTeaserArticleShare * double(largest_article_)) {
      furniture = "related";
    } else if (NameIs(node, "article") || NameIs(node, "main"))
      ctx->body = true;
    std::string_view role = Attr(node, "role");
    if (role == "navigation" || role == "banner" || role == "menu") furniture = "navigation";
    else if (role == "complementary") furniture = "related";
    else if (role == "contentinfo") furniture = "footer";
    else if (role == "main" || role == "article") ctx->body = true;
    std::string_view itemprop = Attr(node, "itemprop");
    if (itemprop == "articleBody" || itemprop == "text") ctx->body = true;
    if (furniture.empty()) {
      std::vector<std::string> words;
      ClassWords(Attr(node, "class"), lexicon_, &words);
      ClassWords(Attr(node, "id"), lexicon_, &words);
      for (const std::string& w : words) {
        auto it = lexicon_.html_names.find(w);
        if (it == lexicon_.html_names.end()) continue;
        if (it->second == "modifier" || it->second == "embed") continue;
        if (it->second == "body") {
          ctx->body = true;
        } else if (furniture.empty()) {
          furniture = it->second;
        }
      }
    }
    if (!furniture.empty() && !wrapper && itemprop != "articleBody") ctx->furniture = furniture;
  }

  void ReadMetadata(const xmlNode* node, const Context& ctx) {
    if (!(TagFlagsOf(node) & kMetadataTag)) return;
    HtmlMetadata& m = page_.metadata;
    auto set = [](std::string* field, const std::string& value) {
      if (field->empty() && !value.empty()) *field = CollapseSpace(value);
    };
    if (NameIs(node, "meta")) {
      std::string key(Attr(node, "property"));
      if (key.empty()) key = Attr(node, "name");
      if (key.empty()) key = Attr(node, "itemprop");
      if (key.empty()) key = Attr(node, "http-equiv");
      std::string content(Attr(node, "content"));
      if (key.empty() || content.empty()) return;
      std::string lower = AsciiLowerCopy(key);
      if (lower == "og:title" || lower == "twitter:title") set(&m.headline, content);
      else if (lower == "og:site_name" || lower == "application-name") set(&m.site_name, content);
      else if (lower == "author" || lower == "article:author" || lower == "byl" ||
               lower == "parsely-author" || lower == "sailthru.author" || lower == "dc.creator") {
        if (content.find("://") == std::string::npos) set(&m.author, content);
      } else if (lower == "article:published_time" || lower == "datepublished" ||
                 lower == "pubdate" || lower == "publishdate" || lower == "publish-date" ||
                 lower == "date" || lower == "dc.date" || lower == "dc.date.issued" ||
                 lower == "dcterms.created" || lower == "sailthru.date" ||
                 lower == "parsely-pub-date" || lower == "og:published_time" ||
                 lower == "article.published" || lower == "originalpublicationdate") {
        set(&m.published, content);
      } else if (lower == "article:modified_time" || lower == "og:updated_time" ||
                 lower == "datemodified" || lower == "lastmod") {
        set(&m.modified, content);
      } else if (lower == "og:url") {
        set(&m.url, content);
      } else if (lower == "og:locale" || lower == "content-language") {
        set(&m.language, content);
      }
    } else if (NameIs(node, "link")) {
      if (AsciiLowerCopy(Attr(node, "rel")) == "canonical") {
        std::string href(Attr(node, "href"));
        if (!href.empty()) m.url = href;
      }
    } else if (NameIs(node, "title")) {
      if (m.title.empty()) m.title = NodeText(node);
    } else if (NameIs(node, "html")) {
      set(&m.language, std::string(Attr(node, "lang")));
    } else if (NameIs(node, "script")) {
      if (AsciiLowerCopy(Attr(node, "type")) == "application/ld+json") {
        std::string json;
        for (const xmlNode* c = node->children; c; c = c->next) {
          if (c->content) json += reinterpret_cast<const char*>(c->content);
        }
        ParseLinkedData(json, &m);
      }
    } else if (NameIs(node, "time")) {
      std::string when(Attr(node, "datetime"));
      if (when.empty() && HasAttr(node, "pubdate")) when = NodeText(node);
      if (ctx.body && ctx.furniture.empty()) set(&m.time_element, when);
    }
  }

  static std::string AsciiLowerCopy(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = char(tolower(static_cast<unsigned char>(c)));
    return out;
  }

  static bool IsSpace(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
  }

  void AddText(const char* text, const xmlNode* parent, const Context& ctx) {
    if (parent && parent->line > 0 && parent->line < 65535 && parent->line <= line_starts_.size()) {
      cursor_ = std::max<size_t>(cursor_, line_starts_[parent->line - 1]);
    }
    std::string_view t(text);
    size_t i = 0;
    while (i < t.size()) {
      // No-break spaces separate words like spaces do.
      bool nbsp = static_cast<unsigned char>(t[i]) == 0xC2 && i + 1 < t.size() &&
                  static_cast<unsigned char>(t[i + 1]) == 0xA0;
      if (IsSpace(static_cast<unsigned char>(t[i])) || nbsp) {
        pending_space_ = !current_.text.empty();
        i += nbsp ? 2 : 1;
        continue;
      }
      size_t end = i;
      while (end < t.size() && !IsSpace(static_cast<unsigned char>(t[end])) &&
             !(static_cast<unsigned char>(t[end]) == 0xC2 && end + 1 < t.size() &&
               static_cast<unsigned char>(t[end + 1]) == 0xA0)) {
        ++end;
      }
      AddWord(t.substr(i, end - i), ctx);
      i = end;
    }
  }

  void AddWord(std::string_view word, const Context& ctx) {
    if (current_.text.empty()) {
      current_ctx_ = ctx;
      link_bytes_ = 0;
      leading_link_bytes_ = 0;
      leading_link_open_ = ctx.link_depth > 0;
    }
    if (pending_space_ && !current_.text.empty()) {
      current_.text.push_back(' ');
      if (ctx.link_depth > 0) ++link_bytes_;
    }
    pending_space_ = false;
    uint32_t main_at = uint32_t(current_.text.size());
    current_.text.append(word);
    if (ctx.link_depth > 0) link_bytes_ += word.size();
    if (ctx.link_depth == 0) leading_link_open_ = false;
    if (leading_link_open_) leading_link_bytes_ = current_.text.size();
    size_t limit = std::min(src_.size(), cursor_ + kSearchWindow + word.size());
    size_t found = src_.substr(0, limit).find(word, cursor_);
    if (found == std::string_view::npos) return;  // decoded from entities: no source piece
    cursor_ = found + word.size();
    found = reduced_.ToPage(found);
    if (!current_.pieces.empty()) {
      OffsetPiece& last = current_.pieces.back();
      // One piece covers "word word" when the page has exactly one space between them.
      if (last.main_begin + last.length + 1 == main_at &&
          last.text_begin + last.length + 1 == found && page_text_[found - 1] == ' ') {
        last.length += uint32_t(word.size()) + 1;
        return;
      }
    }
    current_.pieces.push_back(OffsetPiece{main_at, uint32_t(found), uint32_t(word.size())});
  }

  void Flush() {
    pending_space_ = false;
    if (current_.text.empty()) return;
    current_.kind = current_ctx_.kind;
    current_.heading_level = current_ctx_.heading;
    current_.markup_furniture = current_ctx_.furniture;
    current_.in_body_markup = current_ctx_.body;
    current_.in_quote = current_ctx_.quote;
    current_.link_density = double(link_bytes_) / double(current_.text.size());
    current_.leading_link_share = double(leading_link_bytes_) / double(current_.text.size());
    page_.blocks.push_back(std::move(current_));
    current_ = PageBlock();
    link_bytes_ = 0;
  }

  const ReducedPage& reduced_;
  std::string_view src_;        // the reduced copy that was parsed
  std::string_view page_text_;  // the page, which offset pieces point into
  const CleanLexicon& lexicon_;
  TextSums total_;
  size_t largest_article_ = 0;  // text of the largest <article> on a page that lists several
  std::vector<uint32_t> line_starts_;
  size_t cursor_ = 0;
  HtmlPage page_;
  PageBlock current_;
  Context current_ctx_;
  size_t link_bytes_ = 0;
  size_t leading_link_bytes_ = 0;  // bytes of the link the block opens with
  bool leading_link_open_ = false;
  bool pending_space_ = false;
};

}  // namespace

HtmlPage ParseHtmlPage(std::string_view html, const CleanLexicon& lexicon) {
  if (html.empty() || html.size() > size_t(INT32_MAX)) return HtmlPage();
  // libxml2 must be initialised once before threads parse concurrently.
  static const bool initialised = (xmlInitParser(), true);
  (void)initialised;
  ReducedPage reduced(html);
  const std::string& parsed = reduced.text();
  htmlDocPtr doc = htmlReadMemory(parsed.data(), int(parsed.size()), nullptr, "UTF-8",
                                  HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                                      HTML_PARSE_NONET | HTML_PARSE_COMPACT);
  if (!doc) return HtmlPage();
  xmlNode* root = xmlDocGetRootElement(doc);
  HtmlPage page;
  if (root) {
    // The body's text is what the wrapper share is measured against.
    std::vector<size_t> articles;
    TextSums total = SumText(root, 0, &articles);
    for (xmlNode* c = root->children; c; c = c->next) {
      if (c->type == XML_ELEMENT_NODE && NameIs(c, "body")) total = Sums(c);
    }
    Walker walker(reduced, html, lexicon, total, articles);
    Context top;
    if (NameIs(root, "html")) {
      std::string lang(Attr(root, "lang"));
      if (!lang.empty()) walker.page().metadata.language = CollapseSpace(lang);
    }
    walker.Walk(root, top, 0);
    walker.Finish();
    page = std::move(walker.page());
  }
  xmlFreeDoc(doc);
  return page;
}

}  // namespace crosscheck
