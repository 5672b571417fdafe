// What the command-line commands share: reading input files, usage errors, and errors that
// escape a command.
#ifndef LECTERN_CLI_FILES_H_
#define LECTERN_CLI_FILES_H_

#include <string>
#include <vector>

namespace lectern::cli {

/// Reads a whole file, or standard input for "-". On failure returns false and says why in `error`
/// ("is a directory", or the system's message such as "No such file or directory").
bool Slurp(const std::string& path, std::string& out, std::string& error);

/// Prints "lectern: ERROR" and then `usage` on standard error; returns 2, the usage-error status.
int UsageError(const std::string& error, const char* usage);

/// Runs `command` on `args`; an exception escaping it is said in one line on standard error and
/// gives status 1.
int RunCommand(int (*command)(const std::vector<std::string>&),
               const std::vector<std::string>& args);

}  // namespace lectern::cli

#endif  // LECTERN_CLI_FILES_H_
