// The commands of `lectern`, one file each; main.cpp only dispatches to them. Each takes the
// arguments that follow its name and returns the exit status: 0 when every input was read, 1 when
// some could not be (each problem one line on standard error), 2 for usage errors.
#ifndef LECTERN_CLI_COMMANDS_H_
#define LECTERN_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace lectern::cli {

/// The usage text of `lectern` as a whole (and of `lectern segment`).
extern const char* const kUsage;

/// `lectern segment …`: the articles in files, with their metadata and sentences.
int SegmentCommand(const std::vector<std::string>& args);
/// `lectern annotations …`: check, merge, anchor, export and report W3C annotation files.
int AnnotationsCommand(const std::vector<std::string>& args);
/// `lectern dedup …`: clusters of near-duplicate stories.
int DedupCommand(const std::vector<std::string>& args);
/// `lectern diff …`: how one version of a story became another.
int DiffCommand(const std::vector<std::string>& args);
/// `lectern entities …`: people, organisations, places and dates in each article.
int EntitiesCommand(const std::vector<std::string>& args);

}  // namespace lectern::cli

#endif  // LECTERN_CLI_COMMANDS_H_
