// SHA-256 (FIPS 180-4 vectors) and the article content hash, pinned: stored records and exported
// annotations (urn:sha256:) carry it, so it must never change.
#include "lectern/hash.h"

#include <gtest/gtest.h>

#include <string>

namespace lectern {
namespace {

TEST(Sha256, StandardVectors) {
  EXPECT_EQ(Sha256Hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(
      Sha256Hex("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqk"
                "lmnopqrlmnopqrsmnopqrstnopqrstu"),
      "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
  EXPECT_EQ(Sha256Hex(std::string(1000000, 'a')),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
  EXPECT_EQ(Sha256Hex("\xC3\xA9\xF0\x9F\x98\x80\xE4\xB8\xAD"),  // é😀中
            "fec0e4d258099829d5bffb1aaf8cc362a5f79a762115b6daf5cda91cea5dc6c8");
}

TEST(Sha256, PaddingBoundaries) {
  // Lengths around the 55/56-byte boundary where the length no longer fits the last block.
  const std::pair<std::size_t, const char*> cases[] = {
      {55, "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"},
      {56, "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"},
      {63, "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6fff2da457ddc2f34"},
      {64, "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"},
      {65, "635361c48bb9eab14198e76ea8ab7f1a41685d6ad62aa9146d301d4f17eb0ae0"},
      {119, "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4af952f7ea6584dcfb"},
      {120, "2f3d335432c70b580af0e8e1b3674a7c020d683aa5f73aaaedfdc55af904c21c"},
  };
  for (const auto& [n, hex] : cases) EXPECT_EQ(Sha256Hex(std::string(n, 'a')), hex) << n;
}

TEST(Sha256, IncrementalEqualsOneShot) {
  std::string message;
  for (int i = 0; i < 1000; ++i) message.push_back(static_cast<char>(i * 7 + 3));
  for (std::size_t chunk : {1u, 3u, 63u, 64u, 65u, 200u}) {
    Sha256 h;
    for (std::size_t i = 0; i < message.size(); i += chunk) h.Update(message.substr(i, chunk));
    const auto incremental = h.Digest();
    EXPECT_EQ(incremental, Sha256Digest(message)) << chunk;
  }
}

TEST(ContentHash, NormalisesLikeThePage) {
  EXPECT_EQ(NormaliseForIdentity("  A  b\n\nc "), "A b c");
  // NFC: é precomposed and decomposed are the same text.
  EXPECT_EQ(NormaliseForIdentity("Cafe\xCC\x81"), "Caf\xC3\xA9");
  // JavaScript's \s includes NBSP, BOM, U+2028 and the ideographic space, but not U+0085 or U+180E.
  EXPECT_EQ(NormaliseForIdentity("\xC2\xA0\xEF\xBB\xBF"
                                 "a\xE2\x80\xA8"
                                 "b\xC2\x85"
                                 "c\xE1\xA0\x8E d\xE3\x80\x80"),
            "a b\xC2\x85"
            "c\xE1\xA0\x8E d");
  EXPECT_EQ(NormaliseForIdentity(""), "");
  EXPECT_EQ(NormaliseForIdentity(" \t\n"), "");
}

TEST(ContentHash, MatchesThePagesValues) {
  // Values computed by the page's former JavaScript implementation (sha256 of the normalised text).
  EXPECT_EQ(ContentHash("A  b\n\nc "),
            "aa53ac41ece2fc36ca7ac9301b22616b873633d5bb4af7f92e9cb9b0b4b0c241");
  EXPECT_EQ(ContentHash("Caf\xC3\xA9"),
            "73473dcc12b763085904a5279d048c4d5b3b008c46f1f32443b99de04aa83a14");
  EXPECT_EQ(ContentHash("Cafe\xCC\x81"), ContentHash("Caf\xC3\xA9"));
  EXPECT_EQ(ContentHash("x"), "2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881");
  EXPECT_EQ(ContentHash("\xC2\xA0\xEF\xBB\xBF"
                        "a\xE2\x80\xA8"
                        "b\xC2\x85"
                        "c\xE1\xA0\x8E d\xE3\x80\x80"),
            "3f4df626f400383367c31fe006d6ae8e24ed587684b06431fb90f0b5a07d8ebe");
  EXPECT_NE(ContentHash("A b c"), ContentHash("A b d"));
}

}  // namespace
}  // namespace lectern
