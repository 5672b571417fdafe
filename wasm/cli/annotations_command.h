// `lectern annotations …`: check, merge, anchor, export and report W3C annotation files.
#ifndef LECTERN_CLI_ANNOTATIONS_COMMAND_H_
#define LECTERN_CLI_ANNOTATIONS_COMMAND_H_

#include <string>
#include <vector>

namespace lectern::cli {

/// Runs `lectern annotations ARGS...` (`args` are what follows "annotations") and returns the exit
/// status: 0 when every input was read, 1 when some could not be (each problem one line on
/// standard error), 2 for usage errors.
int AnnotationsCommand(const std::vector<std::string>& args);

/// The usage text of the annotations command.
extern const char* const kAnnotationsUsage;

}  // namespace lectern::cli

#endif  // LECTERN_CLI_ANNOTATIONS_COMMAND_H_
