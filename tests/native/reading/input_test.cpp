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
  EXPECT_EQ(OnlyProblem(ReadFile("caf\xE9", "latin1.txt")),
            "latin1.txt: is not valid UTF-8 text (byte 0xE9 at offset 3)");
  EXPECT_EQ(OnlyProblem(ReadFile(std::string(kMaxArticleBytes + 1, 'a'), "huge.txt")),
            "huge.txt: the file is 8.0 MB; Lectern reads articles up to 8.0 MB (split it, or use "
            "a .jsonl collection)");
}

TEST(ReadFile, ByteOrderMarkAndWindowsNewlines) {
  const ReadResult r = ReadFile("\xEF\xBB\xBFOne line.\r\n\r\nTwo line.\r\n", "w.txt");
  ASSERT_EQ(r.articles.size(), 1u);
  EXPECT_EQ(r.articles[0].body, "One line.\n\nTwo line.");
}

}  // namespace
}  // namespace lectern
