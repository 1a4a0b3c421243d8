// Test helper: options that read the built-in lexicons from the source tree's data/ folder, for
// the tests of every stage.
#ifndef CROSSCHECK_UTIL_TEST_OPTIONS_H_
#define CROSSCHECK_UTIL_TEST_OPTIONS_H_

#include <string>

#include "crosscheck/options.h"

namespace crosscheck {

inline Options TestOptions() {
  Options options;
  options.data_dir = std::string(CROSSCHECK_SOURCE_DIR) + "/data";
  return options;
}

}  // namespace crosscheck

#endif  // CROSSCHECK_UTIL_TEST_OPTIONS_H_
