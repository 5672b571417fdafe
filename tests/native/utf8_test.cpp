#include "utf8.h"

#include <gtest/gtest.h>

namespace lectern {
namespace {

TEST(FindInvalidUtf8, AcceptsValidText) {
  EXPECT_EQ(FindInvalidUtf8(""), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("plain ASCII"), std::string_view::npos);
  EXPECT_EQ(FindInvalidUtf8("Пу́тин 习近平 مرحبا 😀 𝔸"), std::string_view::npos);
}

TEST(FindInvalidUtf8, FindsTheFirstBadByte) {
  EXPECT_EQ(FindInvalidUtf8("ab\xFF"), 2u);
  EXPECT_EQ(FindInvalidUtf8("caf\xE9 au lait"), 3u);   // Latin-1 é
  EXPECT_EQ(FindInvalidUtf8("x\xC0\xAF"), 1u);         // overlong '/'
  EXPECT_EQ(FindInvalidUtf8("\xED\xA0\x80"), 0u);      // UTF-16 surrogate
  EXPECT_EQ(FindInvalidUtf8("\xF4\x90\x80\x80"), 0u);  // above U+10FFFF
  EXPECT_EQ(FindInvalidUtf8("ok \xE2\x82"), 3u);       // truncated at the end
}

TEST(ConvertOffsets, CountsCodePointsAndUtf16Units) {
  // "a😀é": 'a' 1 byte, 😀 4 bytes (2 UTF-16 units), 'é' 2 bytes.
  const std::string text = "a\xF0\x9F\x98\x80\xC3\xA9";
  const std::vector<std::size_t> bytes = {0, 1, 5, 7};
  EXPECT_EQ(ConvertOffsets(text, bytes, OffsetUnit::kCodePoint),
            (std::vector<std::size_t>{0, 1, 2, 3}));
  EXPECT_EQ(ConvertOffsets(text, bytes, OffsetUnit::kUtf16),
            (std::vector<std::size_t>{0, 1, 3, 4}));
  EXPECT_EQ(ConvertOffsets(text, bytes, OffsetUnit::kUtf8), bytes);
}

TEST(ConvertOffsets, RejectsDescendingOffsets) {
  EXPECT_THROW(ConvertOffsets("abc", {2, 1}, OffsetUnit::kUtf16), std::logic_error);
  EXPECT_THROW(ConvertOffsets("abc", {4}, OffsetUnit::kUtf16), std::logic_error);
}

TEST(OffsetUnit, NamesRoundTrip) {
  for (OffsetUnit u : {OffsetUnit::kCodePoint, OffsetUnit::kUtf16, OffsetUnit::kUtf8}) {
    EXPECT_EQ(ParseOffsetUnit(OffsetUnitName(u)), u);
  }
  EXPECT_THROW(ParseOffsetUnit("bytes"), std::invalid_argument);
}

}  // namespace
}  // namespace lectern
