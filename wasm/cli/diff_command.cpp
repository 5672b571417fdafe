// PLACEHOLDER: replaced by the real command (issue 4).
#include "diff_command.h"

#include <cstdio>

namespace lectern::cli {

const char* const kDiffUsage = "usage: lectern diff (not built yet)\n";

int DiffCommand(const std::vector<std::string>&) {
  std::fputs(kDiffUsage, stderr);
  return 2;
}

}  // namespace lectern::cli
