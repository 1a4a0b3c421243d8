// Near-duplicate detection: SimHash over word shingles (Charikar 2002; Manku et al. 2007).
//
// Syndicated and re-posted copies of one article differ in furniture and a few words; their
// 64-bit SimHash fingerprints then differ in few bits. DuplicateIndex finds, among the bodies
// seen so far, one within `max_distance` bits, with the band trick of Manku et al. (four 16-bit
// tables) so a lookup touches a handful of candidates, not the whole corpus.
#ifndef CROSSCHECK_CLEAN_NEAR_DUPLICATE_H_
#define CROSSCHECK_CLEAN_NEAR_DUPLICATE_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace crosscheck {

// SimHash of the text's lower-cased word 3-shingles; 0 for a text of fewer than 3 words.
uint64_t SimHash(std::string_view text);

class DuplicateIndex {
 public:
  explicit DuplicateIndex(int max_distance = 3) : max_distance_(max_distance) {}

  // Returns the doc_id of an earlier body within max_distance bits of `fingerprint` (the
  // earliest added, if several), or "" — and adds this one. A 0 fingerprint is never matched.
  std::string FindOrAdd(const std::string& doc_id, uint64_t fingerprint);

 private:
  int max_distance_;
  std::vector<std::pair<uint64_t, std::string>> entries_;
  std::unordered_map<uint32_t, std::vector<uint32_t>> bands_[4];  // band value -> entry indices
};

}  // namespace crosscheck

#endif  // CROSSCHECK_CLEAN_NEAR_DUPLICATE_H_
