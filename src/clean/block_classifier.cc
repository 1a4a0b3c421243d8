// Block classification: per-block scores, the best-scoring contiguous body, then tidying of its
// edges. The weights are few and general; the tests in block_classifier_test.cc show each signal
// on text written for them.
#include "clean/block_classifier.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

#include "clean/dates.h"

namespace crosscheck {

namespace {

constexpr size_t kMaxCreditWords = 8;
// How many blocks after the headline the anchor bonus reaches.
constexpr size_t kAnchorReach = 25;
// Most fragments (name, id, label lines) that may stand between a story and an author bio.
constexpr int kMaxBioFragments = 4;
// Blocks of the body run above the headline that are cut when they are this few and hold less
// than this share of the words below it.
constexpr int kMaxAboveHeadline = 10;
constexpr double kAboveHeadlineShare = 0.2;
constexpr size_t kMaxAboveWords = 40;
// Promotions and credits at the end of the body: among its last this many blocks, of at most this
// many words each.
constexpr int kMaxTailBlocks = 3;
constexpr size_t kMaxTailWords = 40;
// A standfirst: at most this many blocks of at most this many words, between the headline and a
// byline or dateline at most this many blocks under it.
constexpr size_t kMaxStandfirstBlocks = 2;
constexpr size_t kMaxStandfirstWords = 60;
constexpr int kStandfirstReach = 8;

struct Features {
  std::string lower;
  std::vector<std::string_view> words;  // views into `lower`
  double length = 0;                    // words, or characters / 6 for unspaced scripts
  bool ends_sentence = false;
  bool truncated = false;               // ends in "…" or "...": a teaser cut short
  const FurnitureCue* cue = nullptr;
  bool time_ago = false;
  bool junk = false;                    // one token of mixed letters, digits and symbols
  bool dateline = false;
  CreditKind credit = CreditKind::kNone;
  std::string credit_name;
};

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (unsigned char c : s) n += (c & 0xC0) != 0x80;
  return n;
}

// The last code point of `s` that is not a closing quote, bracket or space.
UChar32 LastMeaningful(std::string_view s, std::string_view* rest) {
  int32_t i = int32_t(s.size());
  while (i > 0) {
    UChar32 c;
    U8_PREV(s.data(), 0, i, c);
    if (c == ' ' || c == '"' || c == '\'' || c == ')' || c == ']' || c == 0x201D || c == 0x2019 ||
        c == 0xBB || c == 0xA0) {
      continue;
    }
    if (rest) *rest = s.substr(0, i);
    return c;
  }
  return 0;
}

bool EndsSentence(std::string_view text) {
  UChar32 c = LastMeaningful(text, nullptr);
  return c == '.' || c == '!' || c == '?' || c == 0x2026 || c == ':' || c == ';' || c == 0x3002 ||
         c == 0xFF01 || c == 0xFF1F || c == 0x061F || c == 0x06D4;
}

bool EndsTruncated(std::string_view text) {
  std::string_view rest;
  UChar32 c = LastMeaningful(text, &rest);
  if (c == 0x2026) return true;
  return c == '.' && rest.ends_with("..");
}

bool IsTimeAgo(const Features& f, const CleanLexicon& lex) {
  if (f.words.size() > 9 || f.words.size() < 2) return false;
  bool ago = false, unit = false, number = false;
  for (std::string_view w : f.words) {
    std::string key(w);
    ago = ago || lex.ago_words_single.count(key);
    unit = unit || lex.time_units.count(key);
    number = number || lex.one_words.count(key) || std::all_of(w.begin(), w.end(), ::isdigit);
  }
  for (const auto& phrase : lex.ago_phrases) ago = ago || FindWords(f.words, phrase) >= 0;
  return ago && unit && number;
}

bool IsJunkToken(std::string_view text) {
  if (text.empty() || text.find(' ') != std::string_view::npos || text.size() < 6) return false;
  bool digit = false, letter = false, mark = false;
  for (unsigned char c : text) {
    if (isdigit(c)) digit = true;
    else if (isalpha(c)) letter = true;
    else if (c == '_' || c == '-' || c == '=' || c == '/' || c == '%') mark = true;
    else if (c >= 0x80) return false;
  }
  // An id, a hash or a URL path: letters mixed with digits or joined by symbols, no spaces.
  return letter && (digit || mark);
}

// Content words: long enough to carry meaning (short ones are mostly function words).
void AddContentWords(const std::vector<std::string_view>& words, const CleanLexicon& lexicon,
                     std::unordered_set<std::string>* out) {
  for (std::string_view w : words) {
    std::string word(w);
    if (CodePoints(w) >= 3 && !lexicon.stopwords.count(word)) out->insert(std::move(word));
  }
}

// How many distinct words of the block are in the vocabulary (which holds content words only).
int Relevance(const Features& f, const std::unordered_set<std::string>& vocabulary) {
  int shared = 0;
  std::unordered_set<std::string_view> seen;
  for (std::string_view w : f.words) {
    if (vocabulary.count(std::string(w)) && seen.insert(w).second) ++shared;
  }
  return shared;
}

// The contiguous run [begin, end) with the highest total score; (-1, -1) when none is positive.
// The fewest words a lone block needs to be a document's body when nothing else is.
constexpr double kMinNoteWords = 8;

std::pair<int, int> BestRun(const std::vector<double>& score) {
  double best = 0, run = 0;
  int best_begin = -1, best_end = -1, run_begin = 0;
  for (size_t i = 0; i < score.size(); ++i) {
    if (run <= 0) {
      run = 0;
      run_begin = int(i);
    }
    run += score[i];
    if (run > best) {
      best = run;
      best_begin = run_begin;
      best_end = int(i) + 1;
    }
  }
  return {best_begin, best_end};
}

bool IsLong(const Features& f) { return f.length >= 10 && (f.ends_sentence || f.length >= 25); }

// Inside the article, a paragraph or list item that opens with a linked sentence ("<a>The mill
// reopened on Monday.</a> Workers ...") is the story citing its source; a teaser's linked headline
// ends without a full stop.
bool OpensWithLinkedSentence(const PageBlock& b) {
  if (!b.in_body_markup) return false;
  size_t end = size_t(std::lround(b.leading_link_share * double(b.text.size())));
  if (end == 0 || end >= b.text.size()) return false;
  std::string_view text = b.text;
  if (text[end] == '.') ++end;  // "<a>The mill reopened</a>. Workers ..."
  std::string_view linked = text.substr(0, end);
  return LastMeaningful(linked, nullptr) == '.' && !EndsTruncated(linked);
}

// The link density of a block without the linked sentence it opens with, if any.
double StoryLinkDensity(const PageBlock& b) {
  return OpensWithLinkedSentence(b) ? std::max(0.0, b.link_density - b.leading_link_share)
                                    : b.link_density;
}

double BaseScore(const PageBlock& b, const Features& f) {
  if (!b.markup_furniture.empty()) return -std::max(8.0, f.length);
  if (f.cue && f.cue->match == CueMatch::kSection) return -20;
  if (f.cue) return -10;
  if (f.time_ago) return -10;
  if (f.junk) return -5;
  if (f.credit != CreditKind::kNone) return -1;
  if (f.dateline) return -1;
  double score;
  const double link_density = StoryLinkDensity(b);
  if (link_density > 0.5) {
    score = -std::max(4.0, f.length * link_density);
  } else if (b.leading_link_share >= 0.15 && b.leading_link_share * f.length >= 4 &&
             !OpensWithLinkedSentence(b)) {
    // A linked headline followed by a snippet: a teaser of another story.
    score = -std::max(3.0, f.length * 0.5);
  } else if (IsLong(f)) {
    score = f.length * (1.0 - 2 * link_density);
  } else if (f.length >= 5 && f.ends_sentence) {
    score = f.length * 0.5;
  } else if (b.in_body_markup && link_density < 0.2) {
    score = 0.3 * f.length;  // a fragment inside the article: a heading, a list or table row
  } else {
    score = -2;  // a fragment: a heading, a menu entry, a caption
  }
  // A snippet cut short with "…" is a teaser — unless it sits in the article's own markup, where
  // it is the last paragraph a paywall lets through.
  if (f.truncated && score > 0 && !b.in_body_markup) score = -std::max(3.0, score * 0.5);
  if (b.in_body_markup && score > 0) score *= 1.5;
  if (b.in_body_markup && score < 0) score *= 0.5;
  return score;
}

std::string FurnitureReason(const PageBlock& b, const Features& f) {
  if (!b.markup_furniture.empty()) return b.markup_furniture;
  if (f.cue) return f.cue->reason;
  if (f.time_ago) return "related";
  if (f.credit != CreditKind::kNone) return "credit";
  if (f.dateline) return "dateline";
  if (StoryLinkDensity(b) > 0.5) return "navigation";
  return "";
}

// A line that names the author or the date of the story: a byline, a dateline, a credit cue
// ("Author:"), or markup of a byline.
bool IsStoryCredit(const PageBlock& b, const Features& f) {
  return f.credit != CreditKind::kNone || f.dateline || (f.cue && f.cue->reason == "credit") ||
         b.markup_furniture == "bio";
}

// The standfirst (dek, summary) under the headline: the one or two blocks between the headline
// and the byline or dateline that introduce the story itself. It sums the story up rather than
// telling it, so it is not part of the body.
void DropStandfirst(const std::vector<PageBlock>& blocks, const std::vector<Features>& features,
                    Classification* out) {
  const int n = int(blocks.size());
  const int title = out->title_block;
  if (title < 0 || out->body_begin < 0) return;
  std::vector<int> standfirst;
  int credit = -1;
  for (int k = title + 1; k < n && k <= title + kStandfirstReach; ++k) {
    if (IsStoryCredit(blocks[k], features[k])) {
      credit = k;
      break;
    }
    if (!out->decisions[k].keep) continue;
    if (features[k].words.size() > kMaxStandfirstWords) return;
    standfirst.push_back(k);
    if (standfirst.size() > kMaxStandfirstBlocks) return;
  }
  if (credit < 0 || standfirst.empty()) return;
  // The story itself follows the credit.
  bool story_follows = false;
  for (int k = credit + 1; k < out->body_end && k <= credit + kStandfirstReach; ++k) {
    story_follows = story_follows || (out->decisions[k].keep && IsLong(features[k]));
  }
  if (!story_follows) return;
  for (int k : standfirst) {
    out->decisions[k].keep = false;
    out->decisions[k].reason = "standfirst";
  }
}

}  // namespace

std::string ReadCredit(std::string_view line, CreditKind kind, const CleanLexicon& lexicon) {
  if (line.size() > 160) return "";
  std::string lower = LowerText(line);
  std::vector<std::string_view> words = SplitWords(lower);
  if (words.empty() || words.size() > kMaxCreditWords + 3) return "";
  std::vector<std::string_view> original = SplitWords(line);
  if (original.size() != words.size()) return "";  // case mapping split a word: do not guess
  size_t skip = 0;
  const auto& cues = kind == CreditKind::kSource ? lexicon.source_cues : lexicon.byline_cues;
  for (const FurnitureCue& cue : cues) {
    if (cue.words.size() <= skip || !StartsWithWords(words, cue.words)) continue;
    if (cue.ends_with_colon) {
      // "Source: X" needs its colon right after the cue word(s).
      const std::string_view& last = original[cue.words.size() - 1];
      size_t after = size_t(last.data() + last.size() - line.data());
      size_t colon = line.find_first_not_of(" \t", after);
      if (colon == std::string_view::npos || line[colon] != ':') continue;
    }
    skip = cue.words.size();
  }
  bool agency_tail = false;
  size_t end = words.size();
  for (const auto& agency : lexicon.agency_words) {
    int at = FindWords(words, agency);
    if (at > 0 && size_t(at) + agency.size() == words.size() && size_t(at) < end) {
      end = at;
      agency_tail = true;
    }
  }
  if (skip == 0 && !(kind == CreditKind::kSource && agency_tail)) return "";
  if (skip >= end) return "";
  if (kind == CreditKind::kByline) {
    // A byline names people: every remaining word capitalised, no sentence.
    if (end - skip > 5 || EndsSentence(line)) return "";
    for (size_t k = skip; k < end; ++k) {
      UChar32 c;
      int32_t i = 0;
      U8_NEXT(original[k].data(), i, int32_t(original[k].size()), c);
      if (!u_isupper(c) && !u_istitle(c) && words[k] != "and" && words[k] != "de" &&
          words[k] != "al" && words[k] != "van" && words[k] != "von") {
        return "";
      }
    }
  }
  // "First published on 19 November": a date, not a publisher.
  if (std::isdigit(static_cast<unsigned char>(words[skip][0])) ||
      lexicon.months.count(std::string(words[skip]))) {
    return "";
  }
  const char* first = original[skip].data();
  const char* last = original[end - 1].data() + original[end - 1].size();
  std::string name(first, last - first);
  // "Example News, News Agencies": the outlet ends at the first comma.
  size_t comma = name.find(',');
  if (comma != std::string::npos) name.resize(comma);
  while (!name.empty() && (name.back() == ' ' || name.back() == '.')) name.pop_back();
  return name;
}

Classification ClassifyBlocks(const std::vector<PageBlock>& blocks, std::string_view title_hint,
                              bool find_title, const CleanLexicon& lexicon, int hint_block) {
  const size_t n = blocks.size();
  Classification out;
  out.decisions.resize(n);
  if (n == 0) return out;

  std::vector<Features> features(n);
  for (size_t i = 0; i < n; ++i) {
    const PageBlock& b = blocks[i];
    Features& f = features[i];
    f.lower = LowerText(b.text);
    f.words = SplitWords(f.lower);
    f.length = std::max<double>(f.words.size(), CodePoints(b.text) / 6.0 > f.words.size() * 2
                                                    ? CodePoints(b.text) / 6.0
                                                    : 0.0);
    f.ends_sentence = EndsSentence(b.text);
    f.truncated = EndsTruncated(b.text);
    if (f.words.size() <= 12) f.cue = lexicon.MatchCue(f.words, f.lower);
    if (f.cue && f.cue->match == CueMatch::kSection && f.ends_sentence && f.words.size() > 4) {
      f.cue = nullptr;  // a sentence that happens to hold the words, not a label
    }
    f.time_ago = IsTimeAgo(f, lexicon);
    f.junk = IsJunkToken(b.text);
    if (f.words.size() <= kMaxCreditWords + 3) {
      f.credit_name = ReadCredit(b.text, CreditKind::kSource, lexicon);
      if (!f.credit_name.empty()) {
        f.credit = CreditKind::kSource;
      } else {
        f.credit_name = ReadCredit(b.text, CreditKind::kByline, lexicon);
        if (!f.credit_name.empty()) f.credit = CreditKind::kByline;
      }
      // A dated line inside a quote signs a quoted post ("— Jane Roe (@jane) 3 May 2020").
      if (f.credit == CreditKind::kNone && f.words.size() <= 16 && !b.in_quote) {
        f.dateline = ReadDateline(b.text, lexicon).has_value();
      }
    }
  }

  // The headline on the page anchors the body: the story starts right under it, so the long
  // blocks that follow it count double against, say, a longer footer.
  std::unordered_set<std::string> hint_words;
  {
    std::string lower_hint = LowerText(title_hint);
    AddContentWords(SplitWords(lower_hint), lexicon, &hint_words);
  }
  int anchor = -1;
  if (!hint_words.empty()) {
    for (size_t i = 0; i < n; ++i) {
      if (int(i) == hint_block) continue;
      if (features[i].words.size() > 40 || !blocks[i].markup_furniture.empty()) continue;
      if (Relevance(features[i], hint_words) < std::max(1.0, 0.6 * double(hint_words.size()))) continue;
      anchor = int(i);
      break;
    }
  }

  // A dated line after a dated line and some text is the stamp of one item in a list of
  // comments or teasers ("Jane on 3 May 2020 at 9:12 said:"): the article has one dateline.
  std::vector<bool> item_stamp(n, false);
  {
    bool dated = false, text_since = false;
    for (size_t i = 0; i < n; ++i) {
      if (int(i) == anchor) dated = text_since = false;  // the story's own dateline follows
      if (features[i].dateline) {
        item_stamp[i] = dated && text_since;
        dated = true;
        text_since = false;
      } else if (IsLong(features[i])) {
        text_since = true;
      }
    }
  }

  std::vector<double> score(n);
  for (size_t i = 0; i < n; ++i) {
    score[i] = item_stamp[i] ? -20 : BaseScore(blocks[i], features[i]);
  }

  if (anchor >= 0) {
    for (int k = anchor + 1; k < int(n) && k <= anchor + int(kAnchorReach); ++k) {
      if (score[k] > 0) score[k] *= 2;
    }
  }

  // Vocabulary of the title and the lead (the first long paragraphs of a first guess at the
  // body), to tell the story's paragraphs from teasers and bios at its edges.
  std::unordered_set<std::string> vocabulary;
  {
    std::string lower_title = LowerText(title_hint);
    AddContentWords(SplitWords(lower_title), lexicon, &vocabulary);
    auto [guess_begin, guess_end] = BestRun(score);
    int lead_paragraphs = 0;
    for (int i = std::max(guess_begin, 0); i < guess_end && lead_paragraphs < 2; ++i) {
      if (IsLong(features[i])) {
        AddContentWords(features[i].words, lexicon, &vocabulary);
        ++lead_paragraphs;
      }
    }
  }

  // Under a furniture section heading, blocks are teasers, comments or tags until the body
  // resumes: two long paragraphs in a row that speak of the story (teaser lists alternate
  // title and snippet, and snippets are about other stories).
  std::vector<std::string> section_reason(n);
  std::string open_section;
  bool section_is_thread = false;
  int stamps_seen = 0;
  for (size_t i = 0; i < n; ++i) {
    const Features& f = features[i];
    if (int(i) == anchor) {  // the headline: whatever came before, the story starts here
      open_section.clear();
      stamps_seen = 0;
      continue;
    }
    // A heading inside furniture markup is already dropped with it and opens nothing.
    // Nor does a link that happens to carry the words ("Don't miss: <a teaser>").
    if (f.cue && f.cue->match == CueMatch::kSection && blocks[i].markup_furniture.empty() &&
        blocks[i].link_density < 0.5) {
      open_section = f.cue->reason;
      section_is_thread = false;
      continue;
    }
    // Time-ago lines stamp teasers and comments the same way.
    if (item_stamp[i] || f.time_ago) {
      if (item_stamp[i] || open_section.empty()) open_section = item_stamp[i] ? "comments" : "related";
      // One dated line may be an update notice, and inside the article's markup dated lines are
      // quoted posts; a thread is several stamps outside it.
      section_is_thread = ++stamps_seen >= 2 && !blocks[i].in_body_markup;
      continue;
    }
    if (open_section.empty()) continue;
    bool story_paragraph = IsLong(f) && !f.truncated && blocks[i].markup_furniture.empty();
    bool resumes =
        story_paragraph &&
        ((f.length >= 25 && Relevance(f, vocabulary) >= 3) ||
         (i + 1 < n && IsLong(features[i + 1]) && !features[i + 1].truncated &&
          Relevance(f, vocabulary) + Relevance(features[i + 1], vocabulary) >= 3));
    // Nothing of the article follows a thread of dated comments.
    if (resumes && !section_is_thread) {
      open_section.clear();
      continue;
    }
    section_reason[i] = open_section;
    score[i] = -std::abs(score[i]) * 0.5 - 2;
  }

  auto [best_begin, best_end] = BestRun(score);

  // A short text where no block scores as a body (a one-line event note, a wire brief) is its
  // own body: its longest block that is no furniture by its cue words.
  if (best_begin < 0) {
    int longest = -1;
    for (size_t i = 0; i < n; ++i) {
      if (features[i].time_ago || features[i].junk ||
          !FurnitureReason(blocks[i], features[i]).empty()) {
        continue;
      }
      if (longest < 0 || features[i].length > features[longest].length) longest = int(i);
    }
    if (longest >= 0 && features[longest].length >= kMinNoteWords) {
      best_begin = longest;
      best_end = longest + 1;
    }
  }

  // The tail after a run of two or more fragments (a name, an id, a label) that shares no word
  // with the title and the lead is an author bio or a teaser, not the story's last paragraph.
  if (best_begin >= 0) {
    int i = best_end - 1;
    while (i > best_begin) {
      int tail_end = i + 1;
      while (i > best_begin && IsLong(features[i])) --i;
      int tail_begin = i + 1;
      int fragments = 0;
      while (i > best_begin && !IsLong(features[i])) {
        ++fragments;
        --i;
      }
      // A name and an id or a label, not a list or a table that belongs to the story.
      if (tail_begin >= tail_end || fragments < 2 || fragments > kMaxBioFragments) break;
      bool related = false;
      for (int k = tail_begin; k < tail_end; ++k) related = related || Relevance(features[k], vocabulary) > 0;
      if (related) break;
      for (int k = i + 1; k < tail_end; ++k) {
        if (out.decisions[k].reason.empty()) out.decisions[k].reason = "bio";
      }
      best_end = i + 1;
    }
  }
  // The body's last few blocks: a short one with a sentence that opens with a tail cue ("Sign up
  // for ...", "Follow us on ...") is a promotion or a credit, and so is whatever follows it.
  if (best_begin >= 0) {
    int cut = best_end;
    const FurnitureCue* cut_cue = nullptr;
    for (int k = best_end - 1; k > best_begin && k >= best_end - kMaxTailBlocks; --k) {
      if (features[k].words.size() > kMaxTailWords) break;
      if (const FurnitureCue* cue = lexicon.MatchTailCue(blocks[k].text)) {
        cut = k;
        cut_cue = cue;
      } else if (IsLong(features[k])) {
        break;
      }
    }
    for (int k = cut; k < best_end; ++k) {
      if (out.decisions[k].reason.empty()) out.decisions[k].reason = k == cut ? cut_cue->reason : "footer";
    }
    best_end = cut;
  }
  // The story starts under its headline: a few short blocks of the run above the headline
  // (a reprint notice, print and text-size buttons) are page furniture inside the article's markup.
  // Only under a title the page states (a guessed one may be any line), and never across a
  // paragraph of the story itself.
  if (hint_block < 0 && best_begin >= 0 && anchor > best_begin && anchor < best_end &&
      anchor - best_begin <= kMaxAboveHeadline) {
    size_t above = 0, below = 0, longest_above = 0;
    for (int i = best_begin; i < best_end; ++i) {
      (i < anchor ? above : below) += features[i].words.size();
      if (i < anchor) longest_above = std::max(longest_above, features[i].words.size());
    }
    if (double(above) < kAboveHeadlineShare * double(below) && longest_above <= kMaxAboveWords) {
      best_begin = anchor;
    }
  }
  out.body_begin = best_begin;
  out.body_end = best_end;

  for (size_t i = 0; i < n; ++i) {
    BlockDecision& d = out.decisions[i];
    const Features& f = features[i];
    d.credit = f.credit;
    d.credit_name = f.credit_name;
    bool inside = int(i) >= best_begin && int(i) < best_end;
    std::string reason = FurnitureReason(blocks[i], f);
    if (inside && reason.empty() && section_reason[i].empty()) {
      d.keep = true;
      d.reason.clear();
      continue;
    }
    if (!d.reason.empty()) continue;  // set above (bio)
    if (!reason.empty()) {
      d.reason = reason;
    } else if (!section_reason[i].empty()) {
      d.reason = section_reason[i];
    } else {
      d.reason = int(i) < best_begin ? "navigation" : "footer";
    }
  }

  // A headline: the block before the body that best matches the given title, or else the
  // title-like line nearest the body that shares words with the lead.
  if (find_title && anchor >= 0 && (best_begin < 0 || anchor <= best_begin)) {
    out.title_block = anchor;
    out.decisions[anchor].keep = false;
    out.decisions[anchor].reason = "title";
  } else if (find_title) {
    int lo = std::max(0, (best_begin < 0 ? int(n) : best_begin) - 40);
    int hi = best_begin < 0 ? int(std::min<size_t>(n, 40)) : std::min(best_begin + 1, int(n));
    double best_title = 0;
    for (int i = lo; i < hi; ++i) {
      const Features& f = features[i];
      if (i == hint_block) continue;
      if (f.words.size() < 2 || f.words.size() > 30 || f.cue || f.time_ago || f.junk ||
          f.dateline || f.credit != CreditKind::kNone || !blocks[i].markup_furniture.empty()) {
        continue;
      }
      if (f.ends_sentence && LastMeaningful(blocks[i].text, nullptr) == '.') continue;
      if (i == best_begin && IsLong(f)) continue;
      double s = Relevance(f, hint_words.empty() ? vocabulary : hint_words);
      if (s <= 0) continue;
      s += 0.01 * (i - lo);  // nearer the body wins a tie
      if (!hint_words.empty()) s = s * 2;
      if (s > best_title) {
        best_title = s;
        out.title_block = i;
      }
    }
    if (out.title_block >= 0) {
      out.decisions[out.title_block].keep = false;
      out.decisions[out.title_block].reason = "title";
    }
  }
  DropStandfirst(blocks, features, &out);
  return out;
}

}  // namespace crosscheck
