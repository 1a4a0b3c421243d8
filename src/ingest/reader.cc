// placeholder: the ingest helper writes the real reader
#include "ingest/reader.h"
