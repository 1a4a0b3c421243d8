// ParallelFor: one loop split into contiguous shares over a few threads, the caller's among them.
// For CPU-bound work between a store's reads and writes (parsing and serialising records), where
// a thread pool would be more machinery than the job needs.
#ifndef CROSSCHECK_UTIL_PARALLEL_FOR_H_
#define CROSSCHECK_UTIL_PARALLEL_FOR_H_

#include <cstddef>
#include <functional>

#include "crosscheck/status.h"

namespace crosscheck {

// Calls `body(begin, end)` on disjoint ranges covering [0, n), on up to `threads` threads
// (0: the machine's cores); fewer when a share would be under `min_share` items, so small loops
// run on the calling thread alone. Returns the first error any share returned (every share runs
// to its end either way). `body` must be safe to run on several threads at once.
Status ParallelFor(size_t n, const std::function<Status(size_t begin, size_t end)>& body, int threads = 0,
                   size_t min_share = 256);

}  // namespace crosscheck

#endif  // CROSSCHECK_UTIL_PARALLEL_FOR_H_
