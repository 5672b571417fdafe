#include <gtest/gtest.h>
#include <unicode/utf8.h>

#include <random>
#include <string>

#include "lectern/text.h"

namespace lectern {
namespace {

// Decodes every character of `text`, as code points (kInvalidUtf8 for a bad byte) and lengths.
std::vector<std::pair<std::int32_t, std::size_t>> DecodeAll(std::string_view text) {
  std::vector<std::pair<std::int32_t, std::size_t>> out;
  for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
    const std::int32_t cp = DecodeUtf8(text, i, &length);
    out.emplace_back(cp, length);
  }
  return out;
}

using Decoded = std::vector<std::pair<std::int32_t, std::size_t>>;

TEST(DecodeUtf8, DecodesEachLength) {
  EXPECT_EQ(DecodeAll("a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"),
            (Decoded{{'a', 1}, {0xE9, 2}, {0x20AC, 3}, {0x1F600, 4}}));
  EXPECT_EQ(DecodeAll(std::string("\0", 1)), (Decoded{{0, 1}}));
  // The edges of each length and of the code space.
  EXPECT_EQ(
      DecodeAll("\x7F\xC2\x80\xDF\xBF\xE0\xA0\x80\xED\x9F\xBF\xEE\x80\x80\xF4\x8F\xBF\xBF"),
      (Decoded{
          {0x7F, 1}, {0x80, 2}, {0x7FF, 2}, {0x800, 3}, {0xD7FF, 3}, {0xE000, 3}, {0x10FFFF, 4}}));
}

TEST(DecodeUtf8, AnInvalidByteIsOneUnitOfItsOwn) {
  const std::size_t one = 1;
  const std::pair<std::int32_t, std::size_t> bad{kInvalidUtf8, one};
  EXPECT_EQ(DecodeAll("\x80"), (Decoded{bad}));                    // a lone continuation byte
  EXPECT_EQ(DecodeAll("\xC0\xAF"), (Decoded{bad, bad}));           // overlong '/'
  EXPECT_EQ(DecodeAll("\xE0\x80\x80"), (Decoded{bad, bad, bad}));  // overlong NUL
  EXPECT_EQ(DecodeAll("\xED\xA0\x80"), (Decoded{bad, bad, bad}));  // UTF-16 surrogate
  EXPECT_EQ(DecodeAll("\xF4\x90\x80\x80"), (Decoded{bad, bad, bad, bad}));  // above U+10FFFF
  EXPECT_EQ(DecodeAll("\xF5\xFF"), (Decoded{bad, bad}));
  // A truncated sequence: its lead byte is bad and the next character is read as it is.
  EXPECT_EQ(DecodeAll("\xE2\x82x"), (Decoded{bad, bad, {'x', 1}}));
  EXPECT_EQ(DecodeAll("\xE2\x82"), (Decoded{bad, bad}));  // at the very end
  EXPECT_EQ(DecodeAll("\xC3\xC3\xA9"), (Decoded{bad, {0xE9, 2}}));
  // Decoding never reads past the view, even when the bytes behind it would complete a sequence.
  const std::string whole = "\xE2\x82\xAC";
  std::size_t length = 0;
  EXPECT_EQ(DecodeUtf8(std::string_view(whole).substr(0, 2), 0, &length), kInvalidUtf8);
  EXPECT_EQ(length, 1u);
}

// On random bytes, the decoder agrees with ICU's U8_NEXT about which sequences are well formed and
// what they decode to, and its steps cover the text exactly.
TEST(DecodeUtf8, AgreesWithIcuOnRandomBytes) {
  std::mt19937 rng(17);
  const unsigned char pieces[] = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0,
                                  0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF};
  for (int round = 0; round < 2000; ++round) {
    std::string text(1 + rng() % 24, '\0');
    for (char& c : text) c = static_cast<char>(pieces[rng() % sizeof(pieces)]);
    std::size_t covered = 0;
    for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
      const std::int32_t cp = DecodeUtf8(text, i, &length);
      std::int32_t next = static_cast<std::int32_t>(i);
      UChar32 icu = 0;
      U8_NEXT(text.data(), next, static_cast<std::int32_t>(text.size()), icu);
      if (icu < 0) {
        EXPECT_EQ(cp, kInvalidUtf8) << "at " << i;
        EXPECT_EQ(length, 1u);
      } else {
        EXPECT_EQ(cp, icu) << "at " << i;
        EXPECT_EQ(length, static_cast<std::size_t>(next) - i);
      }
      covered += length;
    }
    EXPECT_EQ(covered, text.size());
    // FindInvalidUtf8 reports the first byte the decoder rejects.
    std::size_t first_bad = std::string_view::npos;
    for (std::size_t i = 0, length = 0; i < text.size(); i += length) {
      if (DecodeUtf8(text, i, &length) == kInvalidUtf8) {
        first_bad = i;
        break;
      }
    }
    EXPECT_EQ(FindInvalidUtf8(text), first_bad);
  }
}

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

TEST(CodePoints, OffsetConversions) {
  const std::string text = "a\xF0\x9D\x94\xB8 b\xC3\xA9";  // a𝔸 bé
  EXPECT_EQ(CodePointCount(text), 5u);
  EXPECT_EQ(Utf16Count(text), 6u);
  EXPECT_EQ(CodePointToByte(text, 2), 5u);
  EXPECT_EQ(Utf16ToCodePoint(text, 3), 2u);
  EXPECT_EQ(Utf16ToCodePoint(text, 2), 1u);  // inside the surrogate pair: its start
  EXPECT_EQ(Utf16ToCodePoint(text, 99), 5u);
}

}  // namespace
}  // namespace lectern
