// SHA-256 (FIPS 180-4 vectors) and the article content hash, checked against values the page's
// identity.js computes for the same inputs.
#include <gtest/gtest.h>

#include <string>

#include "annotations_test_util.h"
#include "annotations_util.h"
#include "lectern/annotations.h"
#include "sha256.h"

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
  // sha256(normaliseForIdentity(s)) as web/src/identity.js computes it (node, tests/web).
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

TEST(ContentHash, SeedArticlesMatchThePageKeys) {
  // The page's article keys (first 16 digits) and full hashes of the seed articles' bodies.
  const std::pair<const char*, const char*> seeds[] = {
      {"000_c1e1a87b767bdb0e.txt",
       "40743e442a7504fd1217e24fd51ac79c5ca505b4228cd6ab0673a0b5a1d911b9"},
      {"001_cac242e89444e96e.txt",
       "2c4153f70d7c93f83e9746135851bf29dd03f83919f552de026f76f7a8005f69"},
      {"002_c9edad714b5359fe.txt",
       "79d287a71bc0f96778408176f8d492a09c84f37e69d49f5016ffa31e833e9e64"},
      {"003_9de8cc9d8582abb9.txt",
       "f57c3820dab9c3fa418b3100b81e4f9315f77e2c7ad50a263b25decf3a5d93bf"},
      {"004_572afbd63a801590.txt",
       "4f92ee623ff63c9c69de824f0ecedab58c861b5607dfbc610d048bdefc1c3f62"},
  };
  for (const auto& [name, hash] : seeds) {
    const ReadResult r = ReadFile(testing::ReadSource(std::string("shared/seeds/") + name), name);
    ASSERT_EQ(r.articles.size(), 1u) << name;
    EXPECT_EQ(ContentHash(r.articles[0].body), hash) << name;
  }
}

TEST(AnnotationUtil, TimesNormaliseToUtc) {
  EXPECT_EQ(ParseUtcTime("2024-09-13T12:30:00+02:00")->text, "2024-09-13T10:30:00Z");
  EXPECT_EQ(ParseUtcTime("2024-01-01T00:30:00.1234+0100")->text, "2023-12-31T23:30:00.123Z");
  EXPECT_EQ(ParseUtcTime("2024-02-29t23:59z")->text, "2024-02-29T23:59:00Z");
  bool date_only = false;
  EXPECT_EQ(ParseUtcTime("2024-09-13", &date_only)->text, "2024-09-13T00:00:00Z");
  EXPECT_TRUE(date_only);
  EXPECT_LT(ParseUtcTime("2024-09-13T10:00:00Z")->millis,
            ParseUtcTime("2024-09-13T10:00:00.500Z")->millis);
  for (const char* bad :
       {"yesterday", "2024-02-30T00:00:00Z", "2024-09-13T10:00:00", "2024-9-13",
        "2024-09-13T25:00:00Z", "2024-09-13T10:00:00+2", "", "2024-09-13T10:00Zx"}) {
    EXPECT_FALSE(ParseUtcTime(bad)) << bad;
  }
}

TEST(AnnotationUtil, IrisColoursAndIds) {
  EXPECT_EQ(*ToUri("https://example.org/a b?q=\"x\"#f#g"),
            "https://example.org/a%20b?q=%22x%22#f%23g");
  EXPECT_EQ(*ToUri("https://example.org/caf\xC3\xA9"), "https://example.org/caf%C3%A9");
  EXPECT_EQ(*ToUri("urn:uuid:123"), "urn:uuid:123");
  EXPECT_EQ(*ToUri("https://e.org/100%25"), "https://e.org/100%25");
  EXPECT_EQ(*ToUri("https://e.org/100%"), "https://e.org/100%25");
  EXPECT_FALSE(ToUri("example.org/a"));
  EXPECT_FALSE(ToUri("not an iri"));
  EXPECT_FALSE(ToUri("1http://x"));
  EXPECT_EQ(*NormaliseColor("#FC0"), "#ffcc00");
  EXPECT_EQ(*NormaliseColor("#A1b2C3"), "#a1b2c3");
  for (const char* bad : {"red", "#12345", "#ggg", "#fff;background:url(x)", ""}) {
    EXPECT_FALSE(NormaliseColor(bad)) << bad;
  }
  const std::string id = NameBasedUrnUuid("x");
  EXPECT_EQ(id, NameBasedUrnUuid("x"));
  EXPECT_NE(id, NameBasedUrnUuid("y"));
  ASSERT_EQ(id.size(), 45u);
  EXPECT_EQ(id[23], '8');                                          // version 8
  EXPECT_NE(std::string("89ab").find(id[28]), std::string::npos);  // RFC 9562 variant
}

TEST(AnnotationUtil, OffsetConversions) {
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
