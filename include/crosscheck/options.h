// Options: every setting of the crosscheck library, with its default and its effect.
#ifndef CROSSCHECK_OPTIONS_H_
#define CROSSCHECK_OPTIONS_H_

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "crosscheck/date.h"

namespace crosscheck {

struct Options {
  // Folder of the built-in data files (lexicons, gazetteer). Empty: $CROSSCHECK_DATA_DIR when set,
  // else the data/ folder of the source tree this build was configured from.
  std::string data_dir;

  // The user's own lexicon folders (--lexicon). Their files are read after the built-in file of
  // the same name and add to it; a bad line is an error naming file and line.
  std::vector<std::string> lexicon_dirs;

  // Worker threads of `run`. 0 means one per hardware thread.
  int threads = 1;

  // Records larger than this many bytes are skipped with an error, so one 50 MB line of junk
  // cannot stall a run or blow up memory.
  size_t max_record_bytes = 16u << 20;

  // Documents waiting between the reader and the workers. Bounds a run's memory whatever the size
  // of the corpus.
  size_t queue_capacity = 64;

  // The date of documents that carry none (`annotate --date`). Relative times ("on Saturday")
  // resolve against it.
  std::optional<Date> default_date;
};

}  // namespace crosscheck

#endif  // CROSSCHECK_OPTIONS_H_
