// The clean stage: front end (HTML or scraped text) -> block classifier -> main_text with its
// offset map, then metadata (title, outlet versus site, byline, language, dates) and the body's
// SimHash.
#include "clean/cleaner.h"

#include <cld2/public/compact_lang_det.h>

#include <algorithm>
#include <cctype>

#include "clean/block_classifier.h"
#include "clean/dates.h"
#include "clean/html_blocks.h"
#include "clean/lexicon.h"
#include "clean/near_duplicate.h"
#include "clean/text_blocks.h"
#include "util/utf8.h"

namespace crosscheck {

struct Cleaner::Lexicon {
  std::unique_ptr<CleanLexicon> words;
};

namespace {

constexpr size_t kPreviewChars = 80;
// A page date this many years after the newest year the body mentions is a re-post date.
constexpr int kRepostYearGap = 2;
// Blocks before the body and at its start that may hold the dateline.
constexpr int kDatelineBefore = 15, kDatelineInside = 4;

// "Example News" and "www.example-news.com" compare equal: lower case, letters and digits only,
// without "www" and the top-level domain.
std::string OutletKey(std::string_view name) {
  std::string lower = LowerText(name);
  if (lower.starts_with("www.")) lower.erase(0, 4);
  for (const char* tld : {".com", ".org", ".net", ".co.uk", ".info", ".fr", ".de", ".es"}) {
    size_t at = lower.find(tld);
    if (at != std::string::npos && at > 0) lower.resize(at);
  }
  std::string key;
  for (unsigned char c : lower) {
    if (std::isalnum(c) || c >= 0x80) key.push_back(char(c));
  }
  return key;
}

// The host of a URL without "www.": "https://www.example.com/a" -> "example.com".
std::string HostOf(std::string_view url) {
  size_t scheme = url.find("://");
  if (scheme == std::string_view::npos) return "";
  std::string_view rest = url.substr(scheme + 3);
  rest = rest.substr(0, rest.find_first_of("/?#:"));
  if (rest.starts_with("www.")) rest.remove_prefix(4);
  return std::string(rest);
}

// A domain written in a line of furniture ("Copyright 2020 - www.example.org"), or "".
// The holder a copyright line names: "Copyright © 2019-2025 The Frontline Digest. All Rights
// Reserved." gives "The Frontline Digest". Empty when the line is no copyright line.
std::string CopyrightHolder(std::string_view line) {
  std::string lower(line);
  for (char& c : lower) c = char(std::tolower(static_cast<unsigned char>(c)));
  size_t at = lower.find("copyright");
  size_t symbol = line.find("\u00A9");
  if (at == std::string::npos && symbol == std::string_view::npos) return "";
  size_t start = std::min(at == std::string::npos ? line.size() : at + 9,
                          symbol == std::string_view::npos ? line.size() : symbol + 2);
  if (at != std::string::npos && symbol != std::string_view::npos) start = std::max(at + 9, symbol + 2);
  // Skip the symbol, years and separators before the name.
  while (start < line.size() && (std::isdigit(static_cast<unsigned char>(line[start])) ||
                                 std::string_view(" -\u2013,()").find(line[start]) != std::string_view::npos ||
                                 line.substr(start).starts_with("\u00A9") || line.substr(start).starts_with("\u2013"))) {
    start += line.substr(start).starts_with("\u00A9") ? 2 : line.substr(start).starts_with("\u2013") ? 3 : 1;
  }
  size_t end = line.find_first_of(".|", start);
  std::string_view holder = line.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
  while (!holder.empty() && holder.back() == ' ') holder.remove_suffix(1);
  if (holder.size() < 3 || holder.size() > 60) return "";
  return std::string(holder);
}

std::string DomainIn(std::string_view line) {
  std::string_view rest = line;
  while (!rest.empty()) {
    size_t dot = rest.find('.');
    if (dot == std::string_view::npos || dot == 0) return "";
    size_t begin = dot;
    while (begin > 0 && (std::isalnum(static_cast<unsigned char>(rest[begin - 1])) ||
                         rest[begin - 1] == '-' || rest[begin - 1] == '.')) {
      --begin;
    }
    size_t end = dot + 1;
    while (end < rest.size() &&
           (std::isalnum(static_cast<unsigned char>(rest[end])) || rest[end] == '-' || rest[end] == '.')) {
      ++end;
    }
    std::string_view candidate = rest.substr(begin, end - begin);
    while (candidate.ends_with(".")) candidate.remove_suffix(1);
    size_t last_dot = candidate.rfind('.');
    if (last_dot != std::string_view::npos && last_dot > 0 && candidate.size() - last_dot - 1 >= 2 &&
        std::all_of(candidate.begin() + last_dot + 1, candidate.end(),
                    [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      if (candidate.starts_with("www.")) candidate.remove_prefix(4);
      return std::string(candidate);
    }
    rest.remove_prefix(end);
  }
  return "";
}

// A <title> often ends with the site's name: "Story - Example News". Keeps the longest part.
std::string StripSiteSuffix(std::string_view title) {
  static const std::string_view kSeparators[] = {" | ", " - ", " – ", " — ", " :: ", " · "};
  std::string_view best = title;
  for (std::string_view sep : kSeparators) {
    size_t at = title.rfind(sep);
    if (at != std::string_view::npos && at > 0) {
      std::string_view head = title.substr(0, at);
      if (head.size() >= title.size() / 2 && head.size() < best.size()) best = head;
    }
  }
  return std::string(best);
}

std::optional<Date> ParseAnyDate(std::string_view text, const CleanLexicon& lexicon) {
  if (text.empty()) return std::nullopt;
  if (auto d = Date::Parse(text)) return d;
  std::vector<Date> dates = FindDates(text.substr(0, 200), lexicon);
  if (!dates.empty()) return dates.front();
  return std::nullopt;
}

std::string DetectLanguage(std::string_view text) {
  if (text.size() < 20) return "";
  bool reliable = false;
  int length = int(std::min<size_t>(text.size(), 20000));
  // Never cut a character in half: CLD2 wants valid UTF-8.
  while (length > 0 && size_t(length) < text.size() &&
         (static_cast<unsigned char>(text[length]) & 0xC0) == 0x80) {
    --length;
  }
  CLD2::Language lang = CLD2::DetectLanguage(text.data(), length, true, &reliable);
  if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE) return "";
  std::string code = CLD2::LanguageCode(lang);
  size_t dash = code.find('-');
  if (dash != std::string::npos) code.resize(dash);
  return code;
}

// Appends one removed entry per run of dropped blocks that share a reason.
void NoteRemoved(const PageBlock& block, const std::string& reason, bool continues_run,
                 std::vector<RemovedBlock>* removed) {
  if (continues_run && !removed->empty() && removed->back().reason == reason) return;
  removed->push_back(RemovedBlock{std::string(Utf8Prefix(block.text, kPreviewChars)), reason});
}

// True when `s` opens with a space or a mark that joins a dateline to the text around it
// ("2016 - Troops", "2016: Troops", "Headline | 3 May 2016"); sets *width to its bytes.
bool JoiningMark(std::string_view s, size_t* width) {
  for (std::string_view mark :
       {" ", "-", "|", ":", ",", ";", "\u2013", "\u2014", "\u00A0", "\u2022", "(", ")"}) {
    if (s.starts_with(mark)) {
      *width = mark.size();
      return true;
    }
  }
  return false;
}

// The part [begin, end) of a block, without the marks that joined it to a dateline, with its
// offset pieces.
PageBlock SliceBlock(const PageBlock& block, size_t begin, size_t end) {
  std::string_view text = block.text;
  size_t width = 0;
  while (begin < end && JoiningMark(text.substr(begin, end - begin), &width)) begin += width;
  while (end > begin) {
    size_t back = end - 1;
    while (back > begin && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    if (!JoiningMark(text.substr(back, end - back), &width) || back + width != end) break;
    end = back;
  }
  PageBlock out;
  out.kind = block.kind;
  out.heading_level = block.heading_level;
  out.in_body_markup = block.in_body_markup;
  out.text = std::string(text.substr(begin, end - begin));
  for (const OffsetPiece& piece : block.pieces) {
    size_t from = std::max<size_t>(piece.main_begin, begin);
    size_t to = std::min<size_t>(piece.main_begin + piece.length, end);
    if (from >= to) continue;
    out.pieces.push_back(OffsetPiece{uint32_t(from - begin),
                                     uint32_t(piece.text_begin + (from - piece.main_begin)),
                                     uint32_t(to - from)});
  }
  return out;
}

// The page's dateline found in its text: a line of its own, or words at the head of a paragraph
// (then `block` and the bytes [begin, end) say where, to cut it out of the body).
struct TextDateline {
  Dateline line;
  int block = -1;
  bool inside = false;
  size_t begin = 0, end = 0;
};

}  // namespace

Cleaner::Cleaner(std::unique_ptr<Lexicon> lexicon) : lexicon_(std::move(lexicon)) {}
Cleaner::~Cleaner() = default;

Result<std::unique_ptr<Cleaner>> Cleaner::Create(const Options& options) {
  Result<std::unique_ptr<CleanLexicon>> words = CleanLexicon::Load(options);
  if (!words.ok()) return words.status();
  auto lexicon = std::make_unique<Lexicon>();
  lexicon->words = std::move(words.value());
  return std::unique_ptr<Cleaner>(new Cleaner(std::move(lexicon)));
}

Status Cleaner::Run(Document& doc) const {
  const CleanLexicon& lex = *lexicon_->words;
  if (doc.text.size() > UINT32_MAX / 2) return Status::InvalidArgument("document too large");

  std::vector<PageBlock> blocks;
  HtmlMetadata meta;
  if (doc.format == InputFormat::kHtml) {
    HtmlPage page = ParseHtmlPage(doc.text, lex);
    blocks = std::move(page.blocks);
    meta = std::move(page.metadata);
  } else {
    blocks = SplitTextBlocks(doc.text);
  }

  std::string title_hint = doc.given_title;
  if (title_hint.empty()) title_hint = meta.headline;
  if (title_hint.empty() && !meta.title.empty()) title_hint = StripSiteSuffix(meta.title);
  // A scraper often writes the page's <title> first: a first line of a few words stands in for
  // it when looking for the headline, but is never taken as the title itself.
  bool hint_is_guess = false;
  if (title_hint.empty() && doc.format == InputFormat::kText && !blocks.empty() &&
      blocks.front().text.size() < 300 && SplitWords(blocks.front().text).size() >= 3) {
    title_hint = StripSiteSuffix(blocks.front().text);
    hint_is_guess = true;
  }
  Classification cls = ClassifyBlocks(blocks, title_hint, true, lex, hint_is_guess ? 0 : -1);

  // ---- The dateline in the text, looked for near the start of the body.
  std::optional<TextDateline> dateline;
  {
    int anchor = cls.body_begin < 0 ? 0 : cls.body_begin;
    int begin = std::max(0, anchor - kDatelineBefore);
    int end = std::min<int>(blocks.size(), anchor + kDatelineInside);
    std::optional<TextDateline> first, first_modified;
    for (int i = begin; i < end; ++i) {
      if (blocks[i].in_quote) continue;  // a quoted post's date is not the page's
      TextDateline found;
      found.block = i;
      if (std::optional<Dateline> line = ReadDateline(blocks[i].text, lex)) {
        found.line = *line;
      } else if (!cls.decisions[i].keep && i != cls.title_block) {
        continue;
      } else if (std::optional<InlineDateline> in =
                     ReadInlineDateline(blocks[i].text, title_hint, lex)) {
        found.line = in->dateline;
        found.inside = true;
        found.begin = in->begin;
        found.end = in->end;
        // A headline keeps what precedes a dateline inside it.
        if (i == cls.title_block && found.begin > 0) continue;
      } else {
        continue;
      }
      if (found.line.modified) {
        if (!first_modified) first_modified = found;
      } else if (!first || (found.line.cued && !first->line.cued)) {
        first = found;
      }
    }
    dateline = first ? first : first_modified;
  }
  // The dateline's words leave the paragraph they opened: the story starts after them.
  std::vector<RemovedBlock> title_removed;
  if (dateline && dateline->inside && dateline->block == cls.title_block) {
    PageBlock& b = blocks[dateline->block];
    NoteRemoved(SliceBlock(b, dateline->begin, dateline->end), "dateline", false, &title_removed);
    b = SliceBlock(b, dateline->end, b.text.size());
  }

  // ---- main_text: the headline, then the kept blocks, one blank line between paragraphs.
  doc.main_text.clear();
  doc.offset_map.clear();
  doc.paragraphs.clear();
  doc.removed = std::move(title_removed);
  doc.title_end = 0;
  auto append_block = [&](const PageBlock& block) {
    if (!doc.main_text.empty()) doc.main_text += "\n\n";
    uint32_t at = uint32_t(doc.main_text.size());
    doc.main_text += block.text;
    for (const OffsetPiece& piece : block.pieces) {
      doc.offset_map.push_back(OffsetPiece{at + piece.main_begin, piece.text_begin, piece.length});
    }
    doc.paragraphs.push_back(Span{at, uint32_t(doc.main_text.size())});
  };
  std::string title;
  if (cls.title_block >= 0) {
    title = blocks[cls.title_block].text;
    append_block(blocks[cls.title_block]);
  } else if (!title_hint.empty() && !hint_is_guess) {
    title = CollapseSpace(title_hint);
    PageBlock synthesized;
    synthesized.text = title;
    append_block(synthesized);
  }
  doc.title_end = uint32_t(doc.main_text.size());
  size_t body_start = doc.main_text.size();
  bool previous_dropped = false;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const BlockDecision& d = cls.decisions[i];
    if (int(i) == cls.title_block) {
      previous_dropped = false;
      continue;
    }
    if (d.keep && dateline && dateline->inside && dateline->block == int(i)) {
      const PageBlock& b = blocks[i];
      PageBlock before = SliceBlock(b, 0, dateline->begin);
      if (!before.text.empty()) append_block(before);
      NoteRemoved(SliceBlock(b, dateline->begin, dateline->end), "dateline", false, &doc.removed);
      PageBlock after = SliceBlock(b, dateline->end, b.text.size());
      if (!after.text.empty()) append_block(after);
      previous_dropped = false;
    } else if (d.keep) {
      append_block(blocks[i]);
      previous_dropped = false;
    } else {
      NoteRemoved(blocks[i], d.reason, previous_dropped, &doc.removed);
      previous_dropped = true;
    }
  }
  std::string_view body = std::string_view(doc.main_text).substr(std::min(body_start, doc.main_text.size()));

  // ---- Title, url, byline, outlet and site.
  doc.title = !doc.given_title.empty() ? doc.given_title : title;
  doc.url = !doc.given_url.empty() ? doc.given_url : meta.url;
  std::string credited_outlet, byline, furniture_domain, furniture_holder;
  for (size_t i = 0; i < blocks.size(); ++i) {
    const BlockDecision& d = cls.decisions[i];
    // Credits belong to the article: a byline at its top or bottom, a source at its end.
    bool near_body = cls.body_begin >= 0 && int(i) >= cls.body_begin - 3 &&
                     int(i) <= cls.body_end + 3;
    bool at_end = cls.body_end >= 0 && int(i) >= cls.body_end - 3 && int(i) <= cls.body_end + 3;
    if (at_end && d.credit == CreditKind::kSource && !d.credit_name.empty()) {
      credited_outlet = d.credit_name;
    }
    if (near_body && d.credit == CreditKind::kByline && byline.empty()) byline = d.credit_name;
    if (!d.keep && (d.reason == "footer") && furniture_domain.empty()) {
      furniture_domain = DomainIn(blocks[i].text);
    }
    if (!d.keep && furniture_holder.empty()) furniture_holder = CopyrightHolder(blocks[i].text);
  }
  doc.byline = !byline.empty() ? byline : meta.author;
  std::string site = meta.site_name;
  if (site.empty()) site = HostOf(doc.url);
  if (site.empty()) site = furniture_domain;
  if (site.empty()) site = furniture_holder;  // the page's own name, from its copyright line
  std::string outlet = doc.given_outlet;
  if (outlet.empty()) outlet = credited_outlet;
  if (outlet.empty()) outlet = meta.publisher;
  if (outlet.empty()) outlet = site;
  doc.outlet = outlet;
  doc.site = (!site.empty() && OutletKey(site) != OutletKey(outlet)) ? site : "";
  // The page credits another publisher: it is a copy, and its own date is the copy's.
  bool copied = !credited_outlet.empty() && !site.empty() &&
                OutletKey(credited_outlet) != OutletKey(site) &&
                OutletKey(site).find(OutletKey(credited_outlet)) == std::string::npos &&
                OutletKey(credited_outlet).find(OutletKey(site)) == std::string::npos;

  // ---- Language.
  std::string language = doc.given_language;
  if (language.empty()) language = DetectLanguage(body);
  if (language.empty() && meta.language.size() >= 2) language = LowerText(meta.language.substr(0, 2));
  doc.language = language.empty() ? "en" : language;

  // ---- Dates.
  doc.published = PublishedDate{};
  doc.page_date.reset();
  std::optional<Date> candidate;
  DateBasis basis = DateBasis::kNone;
  double confidence = 0;
  if (doc.given_published) {
    doc.published = PublishedDate{doc.given_published, DateBasis::kMetadata, 0.9};
  } else {
    if (auto d = ParseAnyDate(meta.published, lex)) {
      candidate = d, basis = DateBasis::kMetadata, confidence = 0.9;
    } else if (auto t = ParseAnyDate(meta.time_element, lex)) {
      candidate = t, basis = DateBasis::kMetadata, confidence = 0.8;
    }
    if (!candidate && dateline) {
      candidate = dateline->line.date;
      basis = DateBasis::kDateline;
      confidence = dateline->line.cued ? 0.75 : 0.6;
      if (dateline->line.modified) confidence -= 0.1;
    }
    if (!candidate) {
      if (auto m = ParseAnyDate(meta.modified, lex)) {
        candidate = m, basis = DateBasis::kMetadata, confidence = 0.4;
      }
    }
    if (candidate) {
      std::vector<int> years = YearsMentioned(body);
      int newest = years.empty() ? 0 : *std::max_element(years.begin(), years.end());
      // Only a date written in the text can be a copy's: a site's own metadata dates its page.
      // A date that opens the story's own paragraph was written with the story, which may well
      // name only years long past ("the war that began in 2011"); a re-post's stamp stands apart.
      bool stamp = basis == DateBasis::kDateline && !dateline->inside;
      bool after_every_year = stamp && newest > 0 && candidate->year - newest >= kRepostYearGap;
      if (copied || after_every_year) {
        doc.page_date = candidate;
        doc.published = PublishedDate{std::nullopt, DateBasis::kNone, 0.1};
      } else {
        doc.published = PublishedDate{candidate, basis, confidence};
      }
    } else {
      doc.published = PublishedDate{std::nullopt, DateBasis::kNone, 0.0};
    }
  }

  doc.body_fingerprint = SimHash(body);
  return Status::Ok();
}

}  // namespace crosscheck
