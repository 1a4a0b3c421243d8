#include "util/parallel_for.h"

#include <algorithm>
#include <thread>
#include <vector>

namespace crosscheck {

Status ParallelFor(size_t n, const std::function<Status(size_t begin, size_t end)>& body, int threads,
                   size_t min_share) {
  if (n == 0) return Status::Ok();
  size_t wanted = threads > 0 ? size_t(threads) : std::max<size_t>(1, std::thread::hardware_concurrency());
  size_t shares = std::clamp<size_t>(n / std::max<size_t>(1, min_share), 1, wanted);
  if (shares == 1) return body(0, n);
  std::vector<Status> results(shares, Status::Ok());
  std::vector<std::thread> helpers;
  helpers.reserve(shares - 1);
  auto range = [&](size_t k) { return std::make_pair(n * k / shares, n * (k + 1) / shares); };
  for (size_t k = 1; k < shares; ++k) {
    helpers.emplace_back([&, k] {
      auto [begin, end] = range(k);
      results[k] = body(begin, end);
    });
  }
  results[0] = body(range(0).first, range(0).second);
  for (std::thread& t : helpers) t.join();
  for (Status& s : results) {
    if (!s.ok()) return s;
  }
  return Status::Ok();
}

}  // namespace crosscheck
