#include "files.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <system_error>

#include "lectern/reading.h"

namespace lectern::cli {

const InputLimit kArticleInput = {2 * kMaxArticleBytes, "article files",
                                  "split it, or use a .jsonl collection"};
const InputLimit kCollectionInput = {std::size_t{1} << 30, "collections",
                                     "split it into several .jsonl files"};
const InputLimit kAnnotationInput = {std::size_t{1} << 30, "annotation files",
                                     "split it with `lectern annotations export --article` or "
                                     "`--tag`"};

namespace {

// Set once a failed write has been said on standard error, so that it is said only once.
bool output_error_reported = false;

std::string OutputError(int error) {
  return std::string("cannot write the output: ") +
         (error != 0 ? std::strerror(error) : "write error");
}

std::string Megabytes(std::size_t bytes) { return std::to_string(bytes >> 20) + " MB"; }

}  // namespace

bool IsCollectionName(const std::string& path) {
  const std::size_t dot = path.find_last_of('.');
  if (dot == std::string::npos || path.find('/', dot) != std::string::npos) return false;
  std::string ext = path.substr(dot + 1);
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == "json" || ext == "jsonl" || ext == "ndjson";
}

const InputLimit& InputLimitFor(const std::string& path) {
  return IsCollectionName(path) ? kCollectionInput : kArticleInput;
}

bool Slurp(const std::string& path, std::string& out, std::string& error) {
  return Slurp(path, out, error, InputLimitFor(path));
}

bool Slurp(const std::string& path, std::string& out, std::string& error, const InputLimit& limit) {
  out.clear();
  std::FILE* in = stdin;
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> owned(nullptr, &std::fclose);
  if (path != "-") {
    std::error_code ec;
    // fopen opens a directory without complaint on Linux and then fails to read it.
    if (std::filesystem::is_directory(path, ec)) {
      error = "is a directory";
      return false;
    }
    owned.reset(std::fopen(path.c_str(), "rb"));
    if (!owned) {
      error = std::strerror(errno);
      return false;
    }
    in = owned.get();
  }
  // Read in blocks, one byte past the limit at most, so that an endless input ends here.
  char block[1 << 16];
  while (out.size() <= limit.bytes) {
    const std::size_t want = std::min(sizeof block, limit.bytes + 1 - out.size());
    const std::size_t got = std::fread(block, 1, want, in);
    out.append(block, got);
    if (got < want) break;
  }
  if (std::ferror(in)) {
    error = std::string("read error: ") + std::strerror(errno);
    return false;
  }
  if (out.size() > limit.bytes) {
    error = "more than " + Megabytes(limit.bytes) + ": Lectern reads " + limit.what + " up to " +
            Megabytes(limit.bytes) + " (" + limit.advice + ")";
    std::string().swap(out);
    return false;
  }
  return true;
}

void CheckOutput() {
  if (!std::ferror(stdout)) return;
  const int error = errno;
  output_error_reported = true;
  throw std::runtime_error(OutputError(error));
}

void Write(const std::string& text) {
  std::fwrite(text.data(), 1, text.size(), stdout);
  CheckOutput();
}

int FinishOutput(int status) {
  errno = 0;
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout);
  const int error = errno;
  // Closing is where a file system may report a write it could not make (NFS, quotas).
  const bool close_failed = std::fclose(stdout) != 0;
  if (!failed && !close_failed) return status;
  if (!output_error_reported) {
    std::fprintf(stderr, "lectern: %s\n", OutputError(failed ? error : errno).c_str());
    output_error_reported = true;
  }
  return 1;
}

int UsageError(const std::string& error, const char* usage) {
  std::fprintf(stderr, "lectern: %s\n%s", error.c_str(), usage);
  return 2;
}

int RunCommand(int (*command)(const std::vector<std::string>&),
               const std::vector<std::string>& args) {
  try {
    return command(args);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "lectern: %s\n", e.what());
    return 1;
  }
}

}  // namespace lectern::cli
