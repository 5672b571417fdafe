// Reading files of the source tree (shared/seeds, tests/fixtures) from a test: one helper for
// every test program (each gets LECTERN_SOURCE_DIR from tests/native/CMakeLists.txt).
#ifndef LECTERN_TESTS_SOURCE_FILES_H_
#define LECTERN_TESTS_SOURCE_FILES_H_

#include <fstream>
#include <iterator>
#include <string>

namespace lectern::testing {

/// The bytes of a file under the source tree, e.g. "shared/seeds/000_c1e1a87b767bdb0e.txt";
/// empty when it is missing.
inline std::string ReadSource(const std::string& path) {
  std::ifstream in(std::string(LECTERN_SOURCE_DIR) + "/" + path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

}  // namespace lectern::testing

#endif  // LECTERN_TESTS_SOURCE_FILES_H_
