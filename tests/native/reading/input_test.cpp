// ReadFile and the article JSON: formats, the seed articles, and bad input.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <string>

#include "lectern/reading.h"

namespace lectern {
namespace {

using nlohmann::json;

std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(LECTERN_SOURCE_DIR) + "/shared/seeds/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::string Text(const Article& a, const Span& s) {
  return a.body.substr(s.start, s.end - s.start);
}

std::string OnlyProblem(const ReadResult& r) {
  EXPECT_TRUE(r.articles.empty());
  EXPECT_EQ(r.problems.size(), 1u);
  return r.problems.empty() ? "" : r.problems[0].ToString();
}

TEST(ReadFile, SeedChinaDaily) {
  const ReadResult r = ReadFile(ReadSeed("000_c1e1a87b767bdb0e.txt"), "000_c1e1a87b767bdb0e.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Russia to work with China for multipolarity, fair intl order, says Putin");
  EXPECT_EQ(a.date, "2024-09-13");
  EXPECT_EQ(a.body.rfind("ST. PETERSBURG - Russian President Vladimir Putin", 0), 0u);
  EXPECT_EQ(a.body.substr(a.body.size() - 31), "and national security advisors.");
  EXPECT_NE(a.original.find("BACK TO THE TOP"), std::string::npos);
  EXPECT_EQ(a.body.find("BACK TO THE TOP"), std::string::npos);
  EXPECT_EQ(a.paragraphs.size(), 17u);
  EXPECT_EQ(Text(a, a.sentences[0]),
            "ST. PETERSBURG - Russian President Vladimir Putin on Thursday voiced willingness to "
            "work together with China to advance multipolarity and build an international order "
            "based on justice and international law.");
}

TEST(ReadFile, EverySeedReadsCleanly) {
  for (const char* name :
       {"000_c1e1a87b767bdb0e.txt", "001_cac242e89444e96e.txt", "002_c9edad714b5359fe.txt",
        "003_9de8cc9d8582abb9.txt", "004_572afbd63a801590.txt"}) {
    const ReadResult r = ReadFile(ReadSeed(name), name);
    ASSERT_EQ(r.articles.size(), 1u) << name;
    EXPECT_TRUE(r.problems.empty()) << name;
    const Article& a = r.articles[0];
    EXPECT_EQ(a.id, name);
    EXPECT_FALSE(a.date.empty()) << name;
    EXPECT_GT(a.sentences.size(), 5u) << name;
    for (const Span& s : a.sentences) EXPECT_LT(s.start, s.end) << name;
  }
}

TEST(ReadFile, PlainKeepsTheTextAsItIs) {
  const std::string text = " date 2024-09-13 Title line\n\nBACK TO THE TOP\n";
  ReadOptions plain;
  plain.plain = true;
  const ReadResult r = ReadFile(text, "a.txt", plain);
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].body, text);
  EXPECT_EQ(r.articles[0].date, "");
}

TEST(ReadFile, HtmlIsReadAsText) {
  const ReadResult r = ReadFile(
      "<html><head><title>T</title><script>document.write('x')</script></head><body>"
      "<h1>Headline here</h1><p>BEIJING, Sept 13 (KUNA) -- One sentence here. Another one.</p>"
      "<img src=x onerror=alert(1)></body></html>",
      "page.html");
  ASSERT_EQ(r.articles.size(), 1u);
  const Article& a = r.articles[0];
  EXPECT_EQ(a.title, "Headline here");
  EXPECT_EQ(a.body.find("document.write"), std::string::npos);
  EXPECT_EQ(a.body.find("onerror"), std::string::npos);
  EXPECT_NE(a.body.find("One sentence here."), std::string::npos);
}

TEST(ReadFile, JsonlCollectionKeepsGoodRecordsAndNamesBadLines) {
  const std::string jsonl =
      "{\"id\": \"a1\", \"title\": \"First\", \"date\": \"26-FEB-1987 15:01:01.79\", "
      "\"text\": \"Alpha beta. Gamma delta.\"}\n"
      "{not json\n"
      "\n"
      "{\"id\": 7, \"html\": \"<p>From HTML.</p>\"}\n"
      "{\"id\": \"empty\", \"title\": \"No body\"}\n"
      "[1, 2]\n";
  const ReadResult r = ReadFile(jsonl, "c.jsonl");
  ASSERT_EQ(r.articles.size(), 2u);
  EXPECT_EQ(r.articles[0].id, "a1");
  EXPECT_EQ(r.articles[0].title, "First");
  EXPECT_EQ(r.articles[0].date, "1987-02-26");
  EXPECT_EQ(r.articles[0].sentences.size(), 2u);
  EXPECT_EQ(r.articles[1].id, "7");
  EXPECT_EQ(r.articles[1].body, "From HTML.");
  ASSERT_EQ(r.problems.size(), 3u);
  EXPECT_EQ(r.problems[0].ToString(), "c.jsonl: line 2: not valid JSON");
  EXPECT_EQ(r.problems[1].ToString(), "c.jsonl: line 5: no \"text\" or \"html\" (id empty)");
  EXPECT_EQ(r.problems[2].where, "line 6");
}

// Found by read_file_fuzzer: a number nlohmann cannot hold threw out_of_range, and the user saw
// the library's message ("[json.exception.out_of_range.406] ...").
TEST(ReadFile, JsonNumberTooLargeIsAProblemInPlainWords) {
  const ReadResult r = ReadFile("[{\"text\": \"Alpha.\", \"n\": 1e400}]", "big.json");
  EXPECT_TRUE(r.articles.empty());
  EXPECT_EQ(OnlyProblem(r), "big.json: not valid JSON (a number too large to read)");
  const ReadResult l = ReadFile("{\"text\": \"Alpha.\", \"n\": 1e400}\n", "big.jsonl");
  EXPECT_EQ(OnlyProblem(l), "big.jsonl: line 1: not valid JSON");
}

TEST(ReadFile, JsonlChunksCountLinesFromFirstLine) {
  ReadOptions chunk;
  chunk.first_line = 101;
  const ReadResult r = ReadFile("{\"text\": \"ok.\"}\n{oops\n", "big.jsonl", chunk);
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].where, "line 102");
  EXPECT_EQ(r.articles[0].id, "big.jsonl#101");
}

TEST(ReadFile, JsonArrayAndObjectForms) {
  EXPECT_EQ(ReadFile("[{\"text\": \"One.\"}, {\"text\": \"Two.\"}]", "c.json").articles.size(), 2u);
  EXPECT_EQ(ReadFile("{\"articles\": [{\"text\": \"One.\"}]}", "c.json").articles.size(), 1u);
  EXPECT_EQ(ReadFile("{\"title\": \"T\", \"text\": \"One.\"}", "c.json").articles.size(), 1u);
  EXPECT_EQ(OnlyProblem(ReadFile("[1, {\"text\": ", "c.json")),
            "c.json: not valid JSON (error near line 1)");
  EXPECT_EQ(OnlyProblem(ReadFile("42", "c.json")),
            "c.json: expected a list of articles [{\"text\": ...}], found number");
}

TEST(ReadFile, BadInputGivesOneClearProblem) {
  EXPECT_EQ(OnlyProblem(ReadFile("", "empty.txt")), "empty.txt: the file is empty");
  EXPECT_EQ(OnlyProblem(ReadFile(" \n\t\n", "blank.txt")), "blank.txt: the file is empty");
  EXPECT_EQ(OnlyProblem(ReadFile(std::string("%PDF-1.7\n\0\0", 12), "r.pdf")),
            "r.pdf: looks like a PDF document, not text");
  EXPECT_EQ(OnlyProblem(ReadFile(std::string("abc\0def", 7), "x.txt")),
            "x.txt: looks like a binary file, not text");
  // Not UTF-8 and not Western text either (a high byte in most characters): refused, not garbled.
  EXPECT_EQ(OnlyProblem(ReadFile("\x93\xfa\x96\x7b\x8c\xea \x82\xc5\x82\xb7", "sjis.txt")),
            "sjis.txt: is not valid UTF-8 text (byte 0x93 at offset 0), nor Western text in "
            "Windows-1252: save it as UTF-8");
  EXPECT_EQ(OnlyProblem(ReadFile(std::string(kMaxArticleBytes + 1, 'a'), "huge.txt")),
            "huge.txt: the file is 8.0 MB; Lectern reads articles up to 8.0 MB (split it, or use "
            "a .jsonl collection)");
}

// UTF-16 (as Windows' Notepad saves "Unicode"), with its byte-order mark, or without one.
std::string Utf16(std::u16string_view text, bool little_endian, bool mark) {
  std::string out;
  if (mark) out = little_endian ? "\xFF\xFE" : "\xFE\xFF";
  for (const char16_t unit : text) {
    const char lo = static_cast<char>(unit & 0xFF), hi = static_cast<char>(unit >> 8);
    out += little_endian ? lo : hi;
    out += little_endian ? hi : lo;
  }
  return out;
}

TEST(ReadFile, Utf16IsDecoded) {
  const std::u16string text = u"Caf\u00e9 society \U0001F600 returns.\r\n\r\nA second paragraph.";
  for (const bool little : {true, false}) {
    for (const bool mark : {true, false}) {
      const ReadResult r = ReadFile(Utf16(text, little, mark), "u16.txt");
      ASSERT_EQ(r.articles.size(), 1u) << little << mark;
      EXPECT_EQ(r.articles[0].body,
                "Caf\xC3\xA9 society \xF0\x9F\x98\x80 returns.\n\nA second paragraph.");
      EXPECT_EQ(r.articles[0].encoding, little ? "UTF-16LE" : "UTF-16BE");
    }
  }
  // A collection in UTF-16 too, and half a character becomes U+FFFD rather than a refusal.
  const ReadResult c = ReadFile(Utf16(u"[{\"text\": \"One \xD800 two.\"}]", true, true), "c.json");
  ASSERT_EQ(c.articles.size(), 1u);
  EXPECT_EQ(c.articles[0].body, "One \xEF\xBF\xBD two.");
  EXPECT_EQ(OnlyProblem(ReadFile("\xFF\xFE", "bom-only.txt")), "bom-only.txt: the file is empty");
}

TEST(ReadFile, Windows1252IsDecoded) {
  // Curly quotes, a euro sign and Latin-1 letters: what Word on Windows saves as "Text".
  const ReadResult r = ReadFile(
      "The \x93"
      "Caf\xE9\x94 costs \x80 5 \x96 a price the regulars call na\xEFve.",
      "w.txt");
  ASSERT_EQ(r.articles.size(), 1u) << ::testing::PrintToString(r.problems.size());
  EXPECT_EQ(r.articles[0].body,
            "The \xE2\x80\x9C"
            "Caf\xC3\xA9\xE2\x80\x9D costs \xE2\x82\xAC 5 \xE2\x80\x93 a price the "
            "regulars call na\xC3\xAFve.");
  EXPECT_EQ(r.articles[0].encoding, "windows-1252");
  // UTF-8 stays UTF-8, and says nothing.
  EXPECT_EQ(ReadFile("Caf\xC3\xA9.", "u8.txt").articles.at(0).encoding, "");
}

// One rule for NUL wherever it is: it makes the whole file binary, before the first 8 KB or after.
TEST(ReadFile, NulAnywhereMakesTheFileBinary) {
  const std::string text = "A sentence of an article. ";
  for (const std::size_t at :
       {std::size_t{5}, std::size_t{8191}, std::size_t{8192}, std::size_t{100000}}) {
    std::string bytes;
    while (bytes.size() < 120000) bytes += text;
    bytes.insert(at, 1, '\0');
    EXPECT_EQ(OnlyProblem(ReadFile(bytes, "n.txt")), "n.txt: looks like a binary file, not text")
        << at;
    EXPECT_EQ(OnlyProblem(ReadFile("{\"text\": \"ok\"}\n" + bytes, "n.jsonl")),
              "n.jsonl: looks like a binary file, not text")
        << at;
  }
  // A chunk of a collection read in parts follows the same rule.
  ReadOptions chunk;
  chunk.first_line = 10;
  EXPECT_EQ(OnlyProblem(ReadFile(std::string("{\"text\": \"a\0b\"}\n", 16), "c.jsonl", chunk)),
            "c.jsonl: looks like a binary file, not text");
  // Escaped in a record's text, it costs that record.
  const ReadResult r =
      ReadFile("{\"id\": \"x\", \"text\": \"a\\u0000b\"}\n{\"id\": \"y\", \"text\": \"Fine.\"}\n",
               "r.jsonl");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].id, "y");
  ASSERT_EQ(r.problems.size(), 1u);
  EXPECT_EQ(r.problems[0].ToString(),
            "r.jsonl: line 1: the text holds a NUL character (at byte 1) (id x): not text");
}

TEST(ReadFile, ByteOrderMarkAndWindowsNewlines) {
  const ReadResult r = ReadFile("\xEF\xBB\xBFOne line.\r\n\r\nTwo line.\r\n", "w.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].body, "One line.\n\nTwo line.");
}

}  // namespace
}  // namespace lectern
