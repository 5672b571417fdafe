// `lectern diff …`: see kDiffUsage.
#ifndef LECTERN_CLI_DIFF_COMMAND_H_
#define LECTERN_CLI_DIFF_COMMAND_H_

#include <string>
#include <vector>

namespace lectern::cli {

/// Runs `lectern diff ARGS...` (`args` are what follows "diff") and returns the exit status:
/// 0 on success, 1 when some input could not be read (each problem one line on standard error),
/// 2 for usage errors.
int DiffCommand(const std::vector<std::string>& args);

/// The usage text of the diff command.
extern const char* const kDiffUsage;

}  // namespace lectern::cli

#endif  // LECTERN_CLI_DIFF_COMMAND_H_
