// Reading input files for the command line, shared by the commands.
#ifndef LECTERN_CLI_CLI_FILES_H_
#define LECTERN_CLI_CLI_FILES_H_

#include <string>

namespace lectern::cli {

/// Reads a whole file, or standard input for "-". On failure returns false and says why in `error`
/// ("is a directory", or the system's message such as "No such file or directory").
bool Slurp(const std::string& path, std::string& out, std::string& error);

}  // namespace lectern::cli

#endif  // LECTERN_CLI_CLI_FILES_H_
