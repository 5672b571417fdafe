#include "files.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <system_error>

namespace lectern::cli {

bool Slurp(const std::string& path, std::string& out, std::string& error) {
  if (path == "-") {
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    out = ss.str();
    return true;
  }
  std::error_code ec;
  // An ifstream opens a directory without complaint on Linux and then reads nothing.
  if (std::filesystem::is_directory(path, ec)) {
    error = "is a directory";
    return false;
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    error = std::strerror(errno);
    return false;
  }
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) error = "read error";
  return !in.bad();
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
