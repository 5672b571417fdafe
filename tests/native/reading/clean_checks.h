// What the tests of CleanArticle share: the seed articles and checks of the cleaned body.
#ifndef LECTERN_TESTS_CLEAN_CHECKS_H_
#define LECTERN_TESTS_CLEAN_CHECKS_H_

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

/// Reads shared/seeds/<name> from the source tree.
inline std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(LECTERN_SOURCE_DIR) + "/shared/seeds/" + name, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read seed " << name;
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

/// Splits on "\n\n" (the body's paragraph separator).
inline std::vector<std::string> Paragraphs(const std::string& body) {
  std::vector<std::string> out;
  if (body.empty()) return out;
  std::size_t start = 0;
  for (;;) {
    const std::size_t end = body.find("\n\n", start);
    out.push_back(body.substr(start, end - start));
    if (end == std::string::npos) return out;
    start = end + 2;
  }
}

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

inline bool Contains(std::string_view s, std::string_view part) {
  return s.find(part) != std::string_view::npos;
}

/// The body contract: paragraphs separated by exactly "\n\n", none empty, no stray whitespace.
inline void ExpectWellFormed(const std::string& body) {
  if (body.empty()) return;
  EXPECT_NE(body.front(), ' ');
  EXPECT_NE(body.front(), '\n');
  EXPECT_NE(body.back(), ' ');
  EXPECT_NE(body.back(), '\n');
  EXPECT_FALSE(Contains(body, "\n\n\n")) << body;
  EXPECT_FALSE(Contains(body, "  ")) << body;
  EXPECT_FALSE(Contains(body, "\t")) << body;
  EXPECT_FALSE(Contains(body, " \n")) << body;
  EXPECT_FALSE(Contains(body, "\n ")) << body;
  for (const std::string& p : Paragraphs(body)) {
    EXPECT_FALSE(p.empty());
    EXPECT_FALSE(Contains(p, "\n")) << p;
  }
}

}  // namespace lectern

#endif  // LECTERN_TESTS_CLEAN_CHECKS_H_
