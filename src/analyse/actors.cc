// ActorTagger: organisations, forces, media and role nouns from the actor lexicons, found in one
// pass of a LexiconMatcher.
//
// Names (actors.tsv) win over role nouns (roles.tsv) where they overlap. A name's span takes in
// the descriptive words before it (prefixes.tsv, any "X-based", a demonym), a bracketed acronym
// and a suffix after it ("news agency"). A demonym before a role noun joins it ("the Syrian
// army"); when the demonym's country is not the document's, a government or military role is a
// foreign_government. A context alias ("the Observatory") counts only after its actor has been
// named in full. Places inside an organisation's name ("Aleppo Media Center") are dropped from
// Document::places: they are part of the name.
#include <algorithm>
#include <unordered_map>

#include "analyse/lexicon_matcher.h"
#include "analyse/taggers.h"
#include "util/data_files.h"
#include "util/utf8.h"

namespace crosscheck {

namespace {

struct Actor {
  std::string name;
  ActorType type;
  std::string country_code;  // where it fights or works; empty when in many countries
};

// What one lexicon phrase stands for.
struct PhraseTarget {
  enum Kind : uint8_t { kName, kContextName, kRole, kDemonym } kind;
  int32_t index;        // into actors_ or roles_; unused for demonyms
  std::string country;  // demonyms only
};

struct Role {
  std::string name;
  ActorType type;
};

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class ActorTaggerImpl final : public ActorTagger {
 public:
  void Run(Document& doc, std::span<const uint32_t> word_starts) const override;

  Status Load(const Options& options);

 private:
  uint32_t AddPhrase(std::string_view phrase, PhraseTarget target);
  // Extends [begin, end) over the descriptive words before it.
  uint32_t ExtendBack(std::string_view text, uint32_t begin, bool allow_demonym,
                      const std::vector<std::pair<uint32_t, uint32_t>>& demonyms) const;
  uint32_t ExtendForward(std::string_view text, uint32_t end) const;

  std::vector<Actor> actors_;
  std::vector<Role> roles_;
  std::vector<std::string> phrases_;
  std::vector<std::vector<PhraseTarget>> targets_;
  std::unordered_map<std::string, uint32_t> phrase_index_;
  std::unordered_map<std::string, bool> prefixes_;  // AsciiLower
  std::vector<std::string> suffixes_;               // AsciiLower
  std::unique_ptr<LexiconMatcher> matcher_;
};

uint32_t ActorTaggerImpl::AddPhrase(std::string_view phrase, PhraseTarget target) {
  auto [it, inserted] = phrase_index_.try_emplace(std::string(phrase), static_cast<uint32_t>(phrases_.size()));
  if (inserted) {
    phrases_.emplace_back(phrase);
    targets_.emplace_back();
  }
  targets_[it->second].push_back(std::move(target));
  return it->second;
}

Status ActorTaggerImpl::Load(const Options& options) {
  auto parse_type = [](const TsvLine& line, std::string_view name, ActorType* type) -> Status {
    std::optional<ActorType> parsed = ParseActorType(name);
    if (!parsed || *parsed == ActorType::kUnattributed) {
      return line.Error("unknown actor type '" + std::string(name) + "'");
    }
    *type = *parsed;
    return Status::Ok();
  };
  auto for_each_alias = [](std::string_view list, auto fn) {
    while (!list.empty()) {
      size_t bar = list.find('|');
      std::string_view alias = list.substr(0, bar);
      if (!alias.empty()) fn(alias);
      if (bar == std::string_view::npos) break;
      list.remove_prefix(bar + 1);
    }
  };

  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "actors/actors.tsv", true, [&](const TsvLine& line) -> Status {
    if (line.fields.size() < 2 || line.fields[0].empty()) {
      return line.Error("expected: name, type, aliases, context_aliases");
    }
    Actor actor{std::string(line.fields[0]), ActorType::kUnattributed, ""};
    CROSSCHECK_RETURN_IF_ERROR(parse_type(line, line.fields[1], &actor.type));
    if (line.fields.size() > 4 && !line.fields[4].empty()) {
      std::string_view cc = line.fields[4];
      if (cc.size() != 2 || !std::all_of(cc.begin(), cc.end(), [](char c) { return c >= 'A' && c <= 'Z'; })) {
        return line.Error("country must be an ISO 3166-1 alpha-2 code such as SY");
      }
      actor.country_code = std::string(cc);
    }
    int32_t index = static_cast<int32_t>(actors_.size());
    actors_.push_back(actor);
    AddPhrase(actor.name, {PhraseTarget::kName, index, ""});
    if (line.fields.size() > 2) {
      for_each_alias(line.fields[2], [&](std::string_view a) { AddPhrase(a, {PhraseTarget::kName, index, ""}); });
    }
    if (line.fields.size() > 3) {
      for_each_alias(line.fields[3],
                     [&](std::string_view a) { AddPhrase(a, {PhraseTarget::kContextName, index, ""}); });
    }
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "actors/roles.tsv", true, [&](const TsvLine& line) -> Status {
    if (line.fields.size() < 2 || line.fields[0].empty()) return line.Error("expected: phrase, type, name");
    Role role{line.fields.size() > 2 && !line.fields[2].empty() ? std::string(line.fields[2])
                                                                  : std::string(line.fields[0]),
              ActorType::kUnattributed};
    CROSSCHECK_RETURN_IF_ERROR(parse_type(line, line.fields[1], &role.type));
    roles_.push_back(role);
    AddPhrase(line.fields[0], {PhraseTarget::kRole, static_cast<int32_t>(roles_.size() - 1), ""});
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "places/demonyms.tsv", false, [&](const TsvLine& line) -> Status {
    if (line.fields.size() < 2 || line.fields[0].empty() || line.fields[1].size() != 2) {
      return line.Error("expected 2 fields: demonym, country_code");
    }
    AddPhrase(line.fields[0], {PhraseTarget::kDemonym, -1, std::string(line.fields[1])});
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "actors/prefixes.tsv", true, [&](const TsvLine& line) -> Status {
    if (line.fields.empty() || line.fields[0].empty()) return line.Error("empty prefix");
    prefixes_[AsciiLower(line.fields[0])] = true;
    return Status::Ok();
  }));
  CROSSCHECK_RETURN_IF_ERROR(ReadTsvFiles(options, "actors/suffixes.tsv", true, [&](const TsvLine& line) -> Status {
    if (line.fields.empty() || line.fields[0].empty()) return line.Error("empty suffix");
    suffixes_.push_back(AsciiLower(line.fields[0]));
    return Status::Ok();
  }));
  // Longer suffixes first: "news agency" before "agency".
  std::sort(suffixes_.begin(), suffixes_.end(),
            [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
  auto made = LexiconMatcher::Create(phrases_);
  if (!made.ok()) return made.status();
  matcher_ = std::move(made).value();
  return Status::Ok();
}

uint32_t ActorTaggerImpl::ExtendBack(std::string_view text, uint32_t begin, bool allow_demonym,
                                     const std::vector<std::pair<uint32_t, uint32_t>>& demonyms) const {
  for (int steps = 0; steps < 4; ++steps) {
    // The word before `begin`, separated by exactly one space.
    if (begin < 2 || text[begin - 1] != ' ') break;
    uint32_t word_end = begin - 1;
    uint32_t word_begin = word_end;
    while (word_begin > 0 && !IsSpace(text[word_begin - 1]) && text[word_begin - 1] != '(' &&
           text[word_begin - 1] != '"' && text[word_begin - 1] != ',') {
      --word_begin;
    }
    if (word_begin == word_end) break;
    std::string word = AsciiLower(text.substr(word_begin, word_end - word_begin));
    bool demonym = allow_demonym && std::binary_search(demonyms.begin(), demonyms.end(),
                                                       std::make_pair(word_begin, word_end));
    if (!(prefixes_.count(word) || word.ends_with("-based") || demonym)) break;
    // "a UN resolution": an indefinite article before a name belongs to the noun after it.
    if (allow_demonym && (word == "a" || word == "an")) break;
    begin = word_begin;
    if (word == "the" || word == "a" || word == "an") break;  // articles open the phrase
  }
  return begin;
}

uint32_t ActorTaggerImpl::ExtendForward(std::string_view text, uint32_t end) const {
  // " (SOHR)": a bracketed acronym.
  if (end + 3 < text.size() && text[end] == ' ' && text[end + 1] == '(') {
    size_t close = text.find(')', end + 2);
    if (close != std::string_view::npos && close - (end + 2) <= 10 && close > end + 2) {
      std::string_view inner = text.substr(end + 2, close - (end + 2));
      if (std::all_of(inner.begin(), inner.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '-'; })) {
        return static_cast<uint32_t>(close + 1);
      }
    }
  }
  if (end < text.size() && text[end] == ' ') {
    for (const std::string& suffix : suffixes_) {
      if (end + 1 + suffix.size() > text.size()) continue;
      std::string_view candidate = text.substr(end + 1, suffix.size());
      if (!std::equal(candidate.begin(), candidate.end(), suffix.begin(), [](char a, char b) {
            return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
          })) {
        continue;
      }
      if (!IsWordEnd(text, end + 1 + suffix.size())) continue;
      return static_cast<uint32_t>(end + 1 + suffix.size());
    }
  }
  return end;
}

void ActorTaggerImpl::Run(Document& doc, std::span<const uint32_t> word_starts) const {
  doc.actors.clear();
  std::string_view text = doc.main_text;
  if (text.empty() || text.size() > UINT32_MAX / 2) return;

  // The document's own country: the one its places name most.
  std::unordered_map<std::string, int> country_mentions;
  for (const PlaceMention& p : doc.places) {
    if (!p.place.country_code.empty()) country_mentions[p.place.country_code]++;
  }
  std::string home;
  int most = 0;
  for (const auto& [cc, n] : country_mentions) {
    if (n > most || (n == most && cc < home)) {
      most = n;
      home = cc;
    }
  }

  std::vector<LexiconMatcher::Match> matches = matcher_->FindAll(text, word_starts);
  std::vector<std::pair<uint32_t, uint32_t>> demonym_spans;
  // End offset of a demonym -> (index into demonym_spans, country).
  std::unordered_map<uint32_t, std::pair<size_t, std::string>> demonym_ending;
  for (const LexiconMatcher::Match& m : matches) {
    for (const PhraseTarget& t : targets_[m.phrase]) {
      if (t.kind == PhraseTarget::kDemonym) {
        demonym_ending[m.end] = {demonym_spans.size(), t.country};
        demonym_spans.push_back({m.begin, m.end});
      }
    }
  }

  std::vector<std::pair<uint32_t, uint32_t>> sorted_demonyms = demonym_spans;
  std::sort(sorted_demonyms.begin(), sorted_demonyms.end());

  // Names first, longest where they overlap; then roles in the gaps.
  std::vector<ActorMention> names;
  std::vector<bool> named(actors_.size(), false);
  std::vector<Span> name_cores;
  uint32_t last_end = 0;
  for (const LexiconMatcher::Match& m : matches) {
    if (m.begin < last_end) continue;
    const PhraseTarget* target = nullptr;
    for (const PhraseTarget& t : targets_[m.phrase]) {
      if (t.kind == PhraseTarget::kName || (t.kind == PhraseTarget::kContextName && named[t.index])) {
        target = &t;
        break;
      }
    }
    if (target == nullptr) continue;
    const Actor& actor = actors_[target->index];
    ActorMention mention;
    mention.country_code = actor.country_code;
    mention.span = {ExtendBack(text, m.begin, true, sorted_demonyms), ExtendForward(text, m.end)};
    if (!names.empty() && mention.span.begin < names.back().span.end) mention.span.begin = m.begin;
    mention.name = actor.name;
    mention.type = actor.type;
    named[target->index] = true;
    name_cores.push_back({m.begin, m.end});
    last_end = mention.span.end;
    names.push_back(std::move(mention));
  }

  std::vector<ActorMention> roles;
  size_t next_name = 0;
  last_end = 0;
  for (const LexiconMatcher::Match& m : matches) {
    if (m.begin < last_end) continue;
    while (next_name < names.size() && names[next_name].span.end <= m.begin) ++next_name;
    if (next_name < names.size() && names[next_name].span.Overlaps({m.begin, m.end})) continue;
    const PhraseTarget* target = nullptr;
    for (const PhraseTarget& t : targets_[m.phrase]) {
      if (t.kind == PhraseTarget::kRole) target = &t;
    }
    if (target == nullptr) continue;
    // A prefix word that heads a name ("opposition" in "the opposition Free Syrian Army") is
    // part of that name's span, not a role of its own.
    if (next_name < names.size() && names[next_name].span.begin >= m.end &&
        names[next_name].span.begin <= m.end + 1 && prefixes_.count(AsciiLower(phrases_[m.phrase]))) {
      continue;
    }
    const Role& role = roles_[target->index];
    ActorMention mention;
    mention.name = role.name;
    mention.type = role.type;
    uint32_t begin = m.begin;
    // "Syrian army", "the Tunisian foreign minister".
    auto demonym = m.begin > 0 ? demonym_ending.find(m.begin - 1) : demonym_ending.end();
    if (demonym != demonym_ending.end() && text[m.begin - 1] == ' ') {
      auto [first, last] = demonym_spans[demonym->second.first];
      const std::string& country = demonym->second.second;
      begin = first;
      mention.name = std::string(text.substr(first, last - first)) + " " + role.name;
      bool official = role.type == ActorType::kGovernment || role.type == ActorType::kMilitary ||
                      role.type == ActorType::kStateMedia;
      if (official && !home.empty() && country != home) mention.type = ActorType::kForeignGovernment;
    }
    mention.span = {ExtendBack(text, begin, false, demonym_spans), m.end};
    if (!roles.empty() && mention.span.begin < roles.back().span.end) mention.span.begin = begin;
    if (next_name > 0 && mention.span.begin < names[next_name - 1].span.end) mention.span.begin = begin;
    last_end = m.end;
    roles.push_back(std::move(mention));
  }

  doc.actors.reserve(names.size() + roles.size());
  std::merge(names.begin(), names.end(), roles.begin(), roles.end(), std::back_inserter(doc.actors),
             [](const ActorMention& a, const ActorMention& b) { return a.span.begin < b.span.begin; });

  // A place inside an organisation's own name is part of the name.
  // name_cores are in text order and do not overlap: the last one starting at or before a place
  // is the only one that can hold it.
  std::erase_if(doc.places, [&](const PlaceMention& p) {
    auto after = std::upper_bound(name_cores.begin(), name_cores.end(), p.span.begin,
                                  [](uint32_t offset, Span core) { return offset < core.begin; });
    return after != name_cores.begin() && std::prev(after)->Contains(p.span);
  });
}

}  // namespace

Result<std::unique_ptr<ActorTagger>> ActorTagger::Create(const Options& options) {
  auto tagger = std::make_unique<ActorTaggerImpl>();
  CROSSCHECK_RETURN_IF_ERROR(tagger->Load(options));
  return std::unique_ptr<ActorTagger>(std::move(tagger));
}

}  // namespace crosscheck
