// LexiconMatcher: Hyperscan literal matching of a lexicon's phrases, word-bounded and case-checked.
#include "analyse/lexicon_matcher.h"

#include <hs/hs.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <mutex>

#include <unistd.h>

namespace crosscheck {

struct LexiconMatcher::Database {
  hs_database_t* db = nullptr;
  hs_scratch_t* prototype = nullptr;  // cloned for each concurrent scan
  mutable std::mutex mu;
  mutable std::vector<hs_scratch_t*> free_scratch;
  ~Database() {
    for (hs_scratch_t* s : free_scratch) hs_free_scratch(s);
    if (prototype) hs_free_scratch(prototype);
    if (db) hs_free_database(db);
  }
};

namespace {

bool IsLetterOrDigitBefore(std::string_view text, size_t offset) {
  if (offset == 0) return false;
  unsigned char c = static_cast<unsigned char>(text[offset - 1]);
  if (c < 0x80) return std::isalnum(c) != 0;
  int32_t i = static_cast<int32_t>(offset);
  UChar32 cp;
  U8_PREV(reinterpret_cast<const uint8_t*>(text.data()), 0, i, cp);
  return cp >= 0 && u_isalnum(cp);
}

bool IsLetterOrDigitAt(std::string_view text, size_t offset) {
  if (offset >= text.size()) return false;
  unsigned char c = static_cast<unsigned char>(text[offset]);
  if (c < 0x80) return std::isalnum(c) != 0;
  int32_t i = static_cast<int32_t>(offset);
  UChar32 cp;
  U8_NEXT(reinterpret_cast<const uint8_t*>(text.data()), i, static_cast<int32_t>(text.size()), cp);
  return cp >= 0 && u_isalnum(cp);
}

// Upper-case letters of the phrase must be upper case in the text (Hyperscan matched caselessly).
bool CaseAgrees(std::string_view phrase, std::string_view found) {
  for (size_t i = 0; i < phrase.size() && i < found.size(); ++i) {
    if (phrase[i] >= 'A' && phrase[i] <= 'Z' && !(found[i] >= 'A' && found[i] <= 'Z')) return false;
  }
  return true;
}

uint64_t Fingerprint(const std::vector<std::string>& phrases) {
  uint64_t h = 1469598103934665603ull;  // FNV-1a
  auto mix = [&h](std::string_view s) {
    for (unsigned char c : s) h = (h ^ c) * 1099511628211ull;
    h = (h ^ 0xff) * 1099511628211ull;
  };
  mix(hs_version());
  for (const std::string& p : phrases) mix(p);
  return h;
}

constexpr char kCacheMagic[8] = {'C', 'C', 'H', 'S', 'D', 'B', '1', '\n'};

hs_database_t* ReadCache(const std::string& path, uint64_t fingerprint) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return nullptr;
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (bytes.size() < 16 || bytes.compare(0, 8, kCacheMagic, 8) != 0) return nullptr;
  uint64_t stored;
  std::copy_n(bytes.data() + 8, 8, reinterpret_cast<char*>(&stored));
  if (stored != fingerprint) return nullptr;
  hs_database_t* db = nullptr;
  if (hs_deserialize_database(bytes.data() + 16, bytes.size() - 16, &db) != HS_SUCCESS) return nullptr;
  return db;
}

void WriteCache(const std::string& path, uint64_t fingerprint, const hs_database_t* db) {
  char* bytes = nullptr;
  size_t length = 0;
  if (hs_serialize_database(db, &bytes, &length) != HS_SUCCESS) return;
  // Written beside and renamed, so a concurrent reader never sees half a file.
  std::string tmp = path + ".tmp." + std::to_string(getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (out) {
      out.write(kCacheMagic, 8);
      out.write(reinterpret_cast<const char*>(&fingerprint), 8);
      out.write(bytes, static_cast<std::streamsize>(length));
    }
    if (!out) {
      free(bytes);
      std::remove(tmp.c_str());
      return;  // a cache we cannot write only costs time
    }
  }
  free(bytes);
  std::rename(tmp.c_str(), path.c_str());
}

}  // namespace

bool IsWordStart(std::string_view text, size_t offset) { return !IsLetterOrDigitBefore(text, offset); }
bool IsWordEnd(std::string_view text, size_t offset) { return !IsLetterOrDigitAt(text, offset); }

LexiconMatcher::~LexiconMatcher() = default;

Result<std::unique_ptr<LexiconMatcher>> LexiconMatcher::Create(
    const std::vector<std::string>& phrases, const std::string& cache_path) {
  std::unique_ptr<LexiconMatcher> matcher(new LexiconMatcher());
  matcher->phrases_ = phrases;
  matcher->db_ = std::make_unique<Database>();
  if (phrases.empty()) return matcher;  // Hyperscan refuses an empty database; nothing to find

  uint64_t fingerprint = Fingerprint(phrases);
  if (!cache_path.empty()) matcher->db_->db = ReadCache(cache_path, fingerprint);
  if (matcher->db_->db == nullptr) {
    std::vector<const char*> expressions;
    std::vector<size_t> lengths;
    std::vector<unsigned> flags(phrases.size(), HS_FLAG_CASELESS);
    std::vector<unsigned> ids(phrases.size());
    for (size_t i = 0; i < phrases.size(); ++i) {
      if (phrases[i].empty()) return Status::InvalidArgument("empty lexicon phrase");
      expressions.push_back(phrases[i].data());
      lengths.push_back(phrases[i].size());
      ids[i] = static_cast<unsigned>(i);
    }
    hs_compile_error_t* error = nullptr;
    if (hs_compile_lit_multi(expressions.data(), flags.data(), ids.data(), lengths.data(),
                             static_cast<unsigned>(phrases.size()), HS_MODE_BLOCK, nullptr,
                             &matcher->db_->db, &error) != HS_SUCCESS) {
      std::string message = error && error->message ? error->message : "unknown error";
      int which = error ? error->expression : -1;
      hs_free_compile_error(error);
      return Status::Internal("Hyperscan could not compile the lexicon (phrase " +
                              std::to_string(which) + "): " + message);
    }
    if (!cache_path.empty()) WriteCache(cache_path, fingerprint, matcher->db_->db);
  }
  if (hs_alloc_scratch(matcher->db_->db, &matcher->db_->prototype) != HS_SUCCESS) {
    return Status::Internal("Hyperscan could not allocate scratch space");
  }
  return matcher;
}

std::vector<LexiconMatcher::Match> LexiconMatcher::FindAll(std::string_view text) const {
  std::vector<Match> matches;
  if (db_->db == nullptr || text.empty() || text.size() > UINT32_MAX) return matches;

  hs_scratch_t* scratch = nullptr;
  {
    std::lock_guard<std::mutex> lock(db_->mu);
    if (!db_->free_scratch.empty()) {
      scratch = db_->free_scratch.back();
      db_->free_scratch.pop_back();
    }
  }
  if (scratch == nullptr && hs_clone_scratch(db_->prototype, &scratch) != HS_SUCCESS) return matches;

  struct Context {
    const LexiconMatcher* self;
    std::string_view text;
    std::vector<Match>* out;
  } context{this, text, &matches};
  auto on_match = [](unsigned int id, unsigned long long /*from*/, unsigned long long to,
                     unsigned int /*flags*/, void* ctx) -> int {
    auto* c = static_cast<Context*>(ctx);
    const std::string& phrase = c->self->phrases_[id];
    size_t end = static_cast<size_t>(to);
    size_t begin = end - phrase.size();
    if (!IsWordStart(c->text, begin) || !IsWordEnd(c->text, end)) return 0;
    if (!CaseAgrees(phrase, c->text.substr(begin, phrase.size()))) return 0;
    c->out->push_back({id, static_cast<uint32_t>(begin), static_cast<uint32_t>(end)});
    return 0;
  };
  hs_scan(db_->db, text.data(), static_cast<unsigned>(text.size()), 0, scratch, on_match, &context);
  {
    std::lock_guard<std::mutex> lock(db_->mu);
    db_->free_scratch.push_back(scratch);
  }
  std::sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    if (a.end != b.end) return a.end > b.end;
    return a.phrase < b.phrase;
  });
  return matches;
}

}  // namespace crosscheck
