// PLACEHOLDER: replaced by the real command (issue 4).
#include "dedup_command.h"

#include <cstdio>

namespace lectern::cli {

const char* const kDedupUsage = "usage: lectern dedup (not built yet)\n";

int DedupCommand(const std::vector<std::string>&) {
  std::fputs(kDedupUsage, stderr);
  return 2;
}

}  // namespace lectern::cli
