// SimHash over lower-cased word 3-shingles, and the banded index that finds fingerprints a few
// bits apart without comparing against every body seen.
#include "clean/near_duplicate.h"

#include <bit>

#include "clean/lexicon.h"

namespace crosscheck {

namespace {

// FNV-1a, then a finalising mix so that nearby shingles spread over all 64 bits.
uint64_t HashShingle(std::string_view a, std::string_view b, std::string_view c) {
  uint64_t h = 1469598103934665603ull;
  auto feed = [&h](std::string_view s) {
    for (unsigned char ch : s) {
      h ^= ch;
      h *= 1099511628211ull;
    }
    h ^= 0x1f;  // word separator
    h *= 1099511628211ull;
  };
  feed(a);
  feed(b);
  feed(c);
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  h ^= h >> 33;
  return h;
}

}  // namespace

uint64_t SimHash(std::string_view text) {
  std::string lower = LowerText(text);
  std::vector<std::string_view> words = SplitWords(lower);
  if (words.size() < 3) return 0;
  int weights[64] = {0};
  for (size_t i = 0; i + 2 < words.size(); ++i) {
    uint64_t h = HashShingle(words[i], words[i + 1], words[i + 2]);
    for (int bit = 0; bit < 64; ++bit) weights[bit] += (h >> bit) & 1 ? 1 : -1;
  }
  uint64_t fingerprint = 0;
  for (int bit = 0; bit < 64; ++bit) {
    if (weights[bit] > 0) fingerprint |= uint64_t(1) << bit;
  }
  // 0 means "no fingerprint"; a real body that hashes to 0 is nudged to 1.
  return fingerprint ? fingerprint : 1;
}

std::string DuplicateIndex::FindOrAdd(const std::string& doc_id, uint64_t fingerprint) {
  if (fingerprint == 0) return "";
  // With at most 3 differing bits, one of the four 16-bit bands is equal (pigeonhole); for a
  // larger max_distance the bands only narrow the search and some matches may be missed.
  uint32_t best = UINT32_MAX;
  for (int band = 0; band < 4; ++band) {
    uint32_t key = uint32_t((fingerprint >> (16 * band)) & 0xFFFF);
    auto it = bands_[band].find(key);
    if (it == bands_[band].end()) continue;
    for (uint32_t index : it->second) {
      if (index >= best) break;  // indices are in insertion order
      if (std::popcount(entries_[index].first ^ fingerprint) <= max_distance_) best = index;
    }
  }
  uint32_t self = uint32_t(entries_.size());
  entries_.emplace_back(fingerprint, doc_id);
  for (int band = 0; band < 4; ++band) {
    bands_[band][uint32_t((fingerprint >> (16 * band)) & 0xFFFF)].push_back(self);
  }
  return best == UINT32_MAX ? "" : entries_[best].second;
}

}  // namespace crosscheck
