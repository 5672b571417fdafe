// What the tests of re-anchoring share: files of the source tree, code point offsets, selectors
// made from a needle, and a short article to anchor into.
#ifndef LECTERN_TESTS_ANCHOR_CHECKS_H_
#define LECTERN_TESTS_ANCHOR_CHECKS_H_

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <string>
#include <string_view>

#include "lectern/anchoring.h"
#include "source_files.h"

namespace lectern {

// The number of code points in the first `bytes` bytes of valid UTF-8 `text`.
inline std::size_t CodePoints(std::string_view text, std::size_t bytes = std::string_view::npos) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < std::min(bytes, text.size()); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) ++n;
  }
  return n;
}

// Code points [start, end) of `text`, as UTF-8.
inline std::string Slice(std::string_view text, std::size_t start, std::size_t end) {
  std::size_t cp = 0, from = text.size(), to = text.size();
  for (std::size_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && (static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
    if (cp == start) from = std::min(from, i);
    if (cp == end) to = std::min(to, i);
    ++cp;
  }
  return std::string(text.substr(from, to - from));
}

// The code point offset of the `nth` occurrence of `needle` in `text`; fails the test if absent.
inline std::size_t Find(std::string_view text, std::string_view needle, int nth = 0) {
  std::size_t at = text.find(needle);
  for (int i = 0; i < nth && at != std::string_view::npos; ++i) at = text.find(needle, at + 1);
  EXPECT_NE(at, std::string_view::npos) << "no " << needle;
  return at == std::string_view::npos ? 0 : CodePoints(text, at);
}

// The selector of the `nth` occurrence of `needle` in `text`.
inline QuoteSelector Describe(std::string_view text, std::string_view needle, int nth = 0) {
  const std::size_t start = Find(text, needle, nth);
  return DescribeRange(text, start, start + CodePoints(needle));
}

// Expects `result` to be anchored exactly on the `nth` occurrence of `needle` in `text`.
inline void ExpectAt(const AnchorResult& result, std::string_view text, std::string_view needle,
                     int nth = 0) {
  ASSERT_TRUE(result.anchored) << "orphan (" << result.reason << ", score " << result.score
                               << "), expected at " << needle;
  const std::size_t start = Find(text, needle, nth);
  EXPECT_EQ(result.start, start) << Slice(text, result.start, result.end);
  EXPECT_EQ(result.end, start + CodePoints(needle)) << Slice(text, result.start, result.end);
}

inline constexpr char kArticle[] =
    "The city council met on Tuesday to discuss the new budget. Members argued for hours about "
    "the cost of repairing the old bridge over the river.\n\n"
    "The mayor said the bridge would be closed for three months starting in June. Local shops "
    "fear a drop in trade while the work goes on.\n\n"
    "A final vote on the budget is expected next week, after a public hearing at the town hall. "
    "Residents can send written comments until Friday.";

}  // namespace lectern

#endif  // LECTERN_TESTS_ANCHOR_CHECKS_H_
