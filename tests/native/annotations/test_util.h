// Helpers shared by the annotation tests: fixture files and the article they annotate.
#ifndef LECTERN_TESTS_ANNOTATIONS_TEST_UTIL_H_
#define LECTERN_TESTS_ANNOTATIONS_TEST_UTIL_H_

#include <fstream>
#include <iterator>
#include <string>

#include "lectern/annotations.h"
#include "lectern/reading.h"
#include "source_files.h"

namespace lectern::testing {

/// A fixture of tests/fixtures/annotations.
inline std::string Fixture(const std::string& name) {
  return ReadSource("tests/fixtures/annotations/" + name);
}

/// A fixture article read as the command line reads it (cleaned, title found).
inline Article FixtureArticle(const std::string& name) {
  ReadResult r = ReadFile(Fixture(name), name);
  return r.articles.empty() ? Article{} : r.articles.front();
}

/// The annotations of a fixture file (which must parse without errors).
inline std::vector<Annotation> FixtureAnnotations(const std::string& name) {
  return ParseAnnotations(Fixture(name)).annotations;
}

/// The code point offset of `needle` in `text`, or npos.
inline std::size_t CodePointFind(const std::string& text, const std::string& needle) {
  const std::size_t byte = text.find(needle);
  if (byte == std::string::npos) return byte;
  std::size_t n = 0;
  for (std::size_t i = 0; i < byte; ++i) n += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
  return n;
}

}  // namespace lectern::testing

#endif  // LECTERN_TESTS_ANNOTATIONS_TEST_UTIL_H_
