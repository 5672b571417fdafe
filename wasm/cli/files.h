// What the command-line commands share: reading input files (with a limit), writing the output
// (every write checked), usage errors, and errors that escape a command.
#ifndef LECTERN_CLI_FILES_H_
#define LECTERN_CLI_FILES_H_

#include <cstddef>
#include <string>
#include <vector>

namespace lectern::cli {

/// The most `lectern` reads from one input, and what to tell a user who has more. Devices and
/// pipes (/dev/zero, an endless `yes |`) end at the limit instead of filling the memory.
struct InputLimit {
  std::size_t bytes;
  const char* what;    ///< "article files": what the limit is for, in the message
  const char* advice;  ///< "split it, or use a .jsonl collection"
};

/// One article (.txt, .html, standard input): twice the largest article Lectern reads, so that
/// a UTF-16 file of an 8 MB article still reaches the reader, which says why it is refused.
extern const InputLimit kArticleInput;
/// A .json/.jsonl collection, read into memory whole.
extern const InputLimit kCollectionInput;
/// An annotation file: parsed into memory whole, about ten times its size; beyond this a laptop
/// runs out of memory.
extern const InputLimit kAnnotationInput;

/// True for the names ReadFile reads as collections (.json, .jsonl, .ndjson, in any case).
bool IsCollectionName(const std::string& path);

/// kCollectionInput for collections (IsCollectionName), else kArticleInput.
const InputLimit& InputLimitFor(const std::string& path);

/// Reads a whole file, or standard input for "-", up to `limit`. On failure returns false and says
/// why in `error` ("is a directory", the system's message such as "No such file or directory",
/// or "more than 16 MB: …" naming the limit).
bool Slurp(const std::string& path, std::string& out, std::string& error, const InputLimit& limit);
/// The same with InputLimitFor(path).
bool Slurp(const std::string& path, std::string& out, std::string& error);

/// Throws std::runtime_error ("cannot write the output: No space left on device") when a write to
/// standard output has failed. Commands call it as they go, so that a full disk stops the work.
void CheckOutput();

/// Writes `text` to standard output, then CheckOutput().
void Write(const std::string& text);

/// Flushes and closes standard output; when that fails (or an earlier write did) and nobody said
/// so yet, says it in one line on standard error and returns 1; else returns `status`.
int FinishOutput(int status);

/// Prints "lectern: ERROR" and then `usage` on standard error; returns 2, the usage-error status.
int UsageError(const std::string& error, const char* usage);

/// Runs `command` on `args`; an exception escaping it is said in one line on standard error and
/// gives status 1.
int RunCommand(int (*command)(const std::vector<std::string>&),
               const std::vector<std::string>& args);

}  // namespace lectern::cli

#endif  // LECTERN_CLI_FILES_H_
