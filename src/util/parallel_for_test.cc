#include "util/parallel_for.h"

#include <atomic>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include <gtest/gtest.h>

namespace crosscheck {
namespace {

TEST(ParallelForTest, CoversEveryIndexOnceInDisjointRanges) {
  std::vector<int> hits(10007, 0);
  std::mutex mu;
  std::set<std::thread::id> threads;
  Status s = ParallelFor(
      hits.size(),
      [&](size_t begin, size_t end) {
        for (size_t i = begin; i < end; ++i) ++hits[i];
        std::lock_guard<std::mutex> lock(mu);
        threads.insert(std::this_thread::get_id());
        return Status::Ok();
      },
      /*threads=*/3, /*min_share=*/100);
  ASSERT_TRUE(s.ok());
  for (int h : hits) ASSERT_EQ(h, 1);
  EXPECT_EQ(threads.size(), 3u);
  EXPECT_TRUE(threads.count(std::this_thread::get_id()));  // the caller takes a share
}

TEST(ParallelForTest, SmallLoopsRunOnTheCallingThread) {
  std::thread::id ran_on;
  int calls = 0;
  ASSERT_TRUE(ParallelFor(
                  50,
                  [&](size_t begin, size_t end) {
                    EXPECT_EQ(begin, 0u);
                    EXPECT_EQ(end, 50u);
                    ran_on = std::this_thread::get_id();
                    ++calls;
                    return Status::Ok();
                  },
                  /*threads=*/4, /*min_share=*/100)
                  .ok());
  EXPECT_EQ(calls, 1);
  EXPECT_EQ(ran_on, std::this_thread::get_id());
  EXPECT_TRUE(ParallelFor(0, [](size_t, size_t) { return Status::Corrupt("never called"); }).ok());
}

TEST(ParallelForTest, ReturnsAnErrorOfAnyShareAfterAllHaveRun) {
  std::atomic<size_t> done{0};
  Status s = ParallelFor(
      1000,
      [&](size_t begin, size_t end) {
        done += end - begin;
        return begin == 0 ? Status::Ok() : Status::Corrupt("bad record at " + std::to_string(begin));
      },
      /*threads=*/2, /*min_share=*/10);
  EXPECT_FALSE(s.ok());
  EXPECT_NE(s.ToString().find("bad record at 500"), std::string::npos);
  EXPECT_EQ(done.load(), 1000u);
}

}  // namespace
}  // namespace crosscheck
