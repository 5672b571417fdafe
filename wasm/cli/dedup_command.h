// `lectern dedup …`: see kDedupUsage.
#ifndef LECTERN_CLI_DEDUP_COMMAND_H_
#define LECTERN_CLI_DEDUP_COMMAND_H_

#include <string>
#include <vector>

namespace lectern::cli {

/// Runs `lectern dedup ARGS...` (`args` are what follows "dedup") and returns the exit status:
/// 0 on success, 1 when some input could not be read (each problem one line on standard error),
/// 2 for usage errors.
int DedupCommand(const std::vector<std::string>& args);

/// The usage text of the dedup command.
extern const char* const kDedupUsage;

}  // namespace lectern::cli

#endif  // LECTERN_CLI_DEDUP_COMMAND_H_
