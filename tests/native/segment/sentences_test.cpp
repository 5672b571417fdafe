// Tests of SplitSentences and SplitParagraphs: the English golden rules (pySBD /
// pragmatic_segmenter, tests/fixtures/golden-rules-en.json), news cases, multilingual text, and
// the invariants every split must keep.
#include <gtest/gtest.h>
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <chrono>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/segment.h"
#include "source_files.h"

namespace lectern {
namespace {

// ---------------------------------------------------------------------------------------------
// Helpers.

// The text of each span.
std::vector<std::string> Texts(std::string_view text, const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const Span& s : spans) out.emplace_back(text.substr(s.start, s.end - s.start));
  return out;
}

// The sentences of `text`, as strings.
std::vector<std::string> Sentences(std::string_view text) {
  return Texts(text, SplitSentences(text));
}

// Collapses runs of whitespace to one space and trims.
std::string NormaliseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// The code point at byte `i` (negative when the bytes there are not valid UTF-8) and its length.
UChar32 CodePointAt(std::string_view text, std::size_t i, std::size_t* length) {
  const int32_t size = static_cast<int32_t>(std::min<std::size_t>(text.size() - i, 4));
  int32_t n = 0;
  UChar32 c;
  U8_NEXT(text.data() + i, n, size, c);
  *length = static_cast<std::size_t>(n);
  return c;
}

// Whether byte `i` starts a code point (or is the end of the text).
bool IsCodePointStart(std::string_view text, std::size_t i) {
  return i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
}

// Whether [begin, end) holds a blank line: a newline, only whitespace, and another newline.
bool HasBlankLine(std::string_view text, std::size_t begin, std::size_t end) {
  bool after_newline = false;
  for (std::size_t i = begin; i < end;) {
    std::size_t n = 1;
    const UChar32 c = CodePointAt(text, i, &n);
    if (c == '\n') {
      if (after_newline) return true;
      after_newline = true;
    } else if (c < 0 || !u_isUWhiteSpace(c)) {
      after_newline = false;
    }
    i += std::max<std::size_t>(n, 1);
  }
  return false;
}

// Checks what every split must keep: spans sorted and non-overlapping, starting and ending on
// code point boundaries (for valid UTF-8) and on non-whitespace, never holding a blank line, and
// every non-whitespace character of the text inside exactly one span.
::testing::AssertionResult KeepsInvariants(std::string_view text, const std::vector<Span>& spans,
                                           bool valid_utf8 = true) {
  std::size_t covered_to = 0;
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const Span& s = spans[k];
    if (!(s.start < s.end && s.end <= text.size())) {
      return ::testing::AssertionFailure()
             << "span " << k << " [" << s.start << "," << s.end << ") is empty or out of range";
    }
    if (s.start < covered_to) return ::testing::AssertionFailure() << "span " << k << " overlaps";
    if (valid_utf8 && (!IsCodePointStart(text, s.start) || !IsCodePointStart(text, s.end))) {
      return ::testing::AssertionFailure() << "span " << k << " cuts a code point";
    }
    std::size_t n = 0;
    const UChar32 first = CodePointAt(text, s.start, &n);
    if (first >= 0 && u_isUWhiteSpace(first)) {
      return ::testing::AssertionFailure() << "span " << k << " starts with whitespace";
    }
    int32_t last_index = static_cast<int32_t>(s.end - s.start);
    UChar32 last;
    U8_PREV(text.data() + s.start, 0, last_index, last);  // negative for ill-formed bytes
    if (last >= 0 && u_isUWhiteSpace(last)) {
      return ::testing::AssertionFailure() << "span " << k << " ends with whitespace";
    }
    if (HasBlankLine(text, s.start, s.end)) {
      return ::testing::AssertionFailure() << "span " << k << " crosses a blank line";
    }
    // Between spans there may be whitespace only.
    for (std::size_t i = covered_to; i < s.start;) {
      const UChar32 c = CodePointAt(text, i, &n);
      if (c < 0 || !u_isUWhiteSpace(c)) {
        return ::testing::AssertionFailure() << "byte " << i << " is outside every span";
      }
      i += n;
    }
    covered_to = s.end;
  }
  for (std::size_t i = covered_to; i < text.size();) {
    std::size_t n = 1;
    const UChar32 c = CodePointAt(text, i, &n);
    if (c < 0 || !u_isUWhiteSpace(c)) {
      return ::testing::AssertionFailure() << "byte " << i << " after the last span is not covered";
    }
    i += std::max<std::size_t>(n, 1);
  }
  return ::testing::AssertionSuccess();
}

// Checks the invariants of both splits, and that each sentence lies within one paragraph.
::testing::AssertionResult SplitsKeepInvariants(std::string_view text, bool valid_utf8 = true) {
  const std::vector<Span> sentences = SplitSentences(text);
  const std::vector<Span> paragraphs = SplitParagraphs(text);
  auto r = KeepsInvariants(text, sentences, valid_utf8);
  if (!r) return r << " (sentences)";
  r = KeepsInvariants(text, paragraphs, valid_utf8);
  if (!r) return r << " (paragraphs)";
  std::size_t p = 0;
  for (const Span& s : sentences) {
    while (p < paragraphs.size() && paragraphs[p].end < s.end) ++p;
    if (p == paragraphs.size() || s.start < paragraphs[p].start) {
      return ::testing::AssertionFailure()
             << "sentence [" << s.start << "," << s.end << ") is not inside one paragraph";
    }
  }
  return ::testing::AssertionSuccess();
}

// ---------------------------------------------------------------------------------------------
// Golden rules.

struct GoldenCase {
  std::string name, text;
  std::vector<std::string> expected;
};

// Golden rules this segmenter deliberately does not pass, with the reason. A case listed here is
// skipped (and reported); a case that passes while listed fails, so that the list stays true.
const std::map<std::string, std::string>& KnownFailures() {
  static const std::map<std::string, std::string> known = {};
  return known;
}

// The cases of tests/fixtures/golden-rules-en.json (one bogus case if it cannot be read, which
// then fails).
std::vector<GoldenCase> LoadGoldenRules() {
  std::vector<GoldenCase> cases;
  const std::string bytes = testing::ReadSource("tests/fixtures/golden-rules-en.json");
  const nlohmann::json data = nlohmann::json::parse(bytes, nullptr, /*allow_exceptions=*/false);
  if (data.is_discarded() || !data.contains("cases")) {
    return {{"fixture_missing", "", {"tests/fixtures/golden-rules-en.json could not be read"}}};
  }
  for (const auto& c : data["cases"]) {
    cases.push_back({c["name"].get<std::string>(), c["text"].get<std::string>(),
                     c["expected"].get<std::vector<std::string>>()});
  }
  return cases;
}

class GoldenRule : public ::testing::TestWithParam<GoldenCase> {};

TEST_P(GoldenRule, SplitsAsExpected) {
  const GoldenCase& c = GetParam();
  std::vector<std::string> got, want;
  for (const std::string& s : Sentences(c.text)) got.push_back(NormaliseSpace(s));
  for (const std::string& s : c.expected) want.push_back(NormaliseSpace(s));
  EXPECT_TRUE(SplitsKeepInvariants(c.text));
  const auto known = KnownFailures().find(c.name);
  if (known != KnownFailures().end()) {
    EXPECT_NE(got, want) << c.name << " passes now: remove it from KnownFailures()";
    GTEST_SKIP() << "known failure: " << known->second;
  }
  EXPECT_EQ(got, want) << c.text;
}

INSTANTIATE_TEST_SUITE_P(English, GoldenRule, ::testing::ValuesIn(LoadGoldenRules()),
                         [](const ::testing::TestParamInfo<GoldenCase>& info) {
                           return info.param.name;
                         });

TEST(GoldenRules, FixtureHasAll48Cases) { EXPECT_EQ(LoadGoldenRules().size(), 48u); }

// ---------------------------------------------------------------------------------------------
// News.

struct Example {
  const char* text;
  std::vector<std::string> expected;
};

// Checks each example's sentences and invariants.
void ExpectSentences(const std::vector<Example>& examples) {
  for (const Example& e : examples) {
    EXPECT_EQ(Sentences(e.text), e.expected) << e.text;
    EXPECT_TRUE(SplitsKeepInvariants(e.text)) << e.text;
  }
}

TEST(SplitSentences, Datelines) {
  ExpectSentences({
      {"ST. PETERSBURG, Sept. 10 (Xinhua) -- China is willing to talk. Wang said so.",
       {"ST. PETERSBURG, Sept. 10 (Xinhua) -- China is willing to talk.", "Wang said so."}},
      {"WASHINGTON, Jan. 5 (Reuters) - Prices rose. They fell on Feb. 2.",
       {"WASHINGTON, Jan. 5 (Reuters) - Prices rose.", "They fell on Feb. 2."}},
      {"SPRINGFIELD, Ill. (AP) — The governor spoke. He left.",
       {"SPRINGFIELD, Ill. (AP) — The governor spoke.", "He left."}},
  });
}

TEST(SplitSentences, TitlesAndInitials) {
  ExpectSentences({
      {"Gen. David Petraeus met Sen. John McCain and Gov. Jerry Brown. They talked.",
       {"Gen. David Petraeus met Sen. John McCain and Gov. Jerry Brown.", "They talked."}},
      {"Dr. Smith and Mrs. Jones saw Prof. Lee. Rep. Ann Kuster agreed.",
       {"Dr. Smith and Mrs. Jones saw Prof. Lee.", "Rep. Ann Kuster agreed."}},
      {"J. Edgar Hoover ran the FBI. George W. Bush was president.",
       {"J. Edgar Hoover ran the FBI.", "George W. Bush was president."}},
      {"The case is Roe v. Wade. It was decided in 1973.",
       {"The case is Roe v. Wade.", "It was decided in 1973."}},
      {"He ran for Plan B. The plan failed.", {"He ran for Plan B.", "The plan failed."}},
  });
}

TEST(SplitSentences, CountriesAndCompanies) {
  ExpectSentences({
      {"U.S. officials met U.K. diplomats in Washington, D.C. on Monday.",
       {"U.S. officials met U.K. diplomats in Washington, D.C. on Monday."}},
      {"The talks were held in the U.S. The U.K. did not attend.",
       {"The talks were held in the U.S.", "The U.K. did not attend."}},
      {"Shares of Apple Inc. rose. Microsoft Corp. President Brad Smith spoke.",
       {"Shares of Apple Inc. rose.", "Microsoft Corp. President Brad Smith spoke."}},
      {"NATO. Russia objected. The FBI. It said no.",
       {"NATO.", "Russia objected.", "The FBI.", "It said no."}},
      // Headlines in title case capitalise the words that would otherwise open a sentence.
      {"Bush Says U.S. Will Act on Iraq", {"Bush Says U.S. Will Act on Iraq"}},
      {"Apple Inc. To Buy Beats for $3 Billion", {"Apple Inc. To Buy Beats for $3 Billion"}},
  });
}

TEST(SplitSentences, NumbersAndTimes) {
  ExpectSentences({
      {"The rate rose 3.5 percent to $1.25 billion. It was No. 5 on the list.",
       {"The rate rose 3.5 percent to $1.25 billion.", "It was No. 5 on the list."}},
      {"The meeting starts at 10 a.m. Tuesday. It ends at 5 p.m. The talks resume later.",
       {"The meeting starts at 10 a.m. Tuesday.", "It ends at 5 p.m.", "The talks resume later."}},
      {"At 5 a.m. Mr. Smith left. He came back at 6 p.m. Mr. Jones stayed.",
       {"At 5 a.m. Mr. Smith left.", "He came back at 6 p.m.", "Mr. Jones stayed."}},
      {"See p. 55 and pp. 60-62. Call ext. 37625 now.",
       {"See p. 55 and pp. 60-62.", "Call ext. 37625 now."}},
  });
}

TEST(SplitSentences, Quotations) {
  ExpectSentences({
      {"He said \"Stop.\" Then he left.", {"He said \"Stop.\"", "Then he left."}},
      {"\"Stop!\" he shouted. \"Why?\" she asked.",
       {"\"Stop!\" he shouted.", "\"Why?\" she asked."}},
      {"“We will win,” he said. “We must.” The crowd cheered.",
       {"“We will win,” he said.", "“We must.”", "The crowd cheered."}},
      {"He left. (He was tired.) Then he slept.",
       {"He left.", "(He was tired.)", "Then he slept."}},
      {"It was late... The end came. Then: what now? Nothing!",
       {"It was late...", "The end came.", "Then: what now?", "Nothing!"}},
      {"He paused… The crowd waited… and then cheered.",
       {"He paused…", "The crowd waited… and then cheered."}},
  });
}

TEST(SplitSentences, UrlsAndEmail) {
  ExpectSentences({
      {"See http://example.com/a?b=1&c=2. Write to jane.doe@example.org. Thanks!",
       {"See http://example.com/a?b=1&c=2.", "Write to jane.doe@example.org.", "Thanks!"}},
      {"Visit www.example.co.uk today. It is new.",
       {"Visit www.example.co.uk today.", "It is new."}},
  });
}

TEST(SplitSentences, Lists) {
  ExpectSentences({
      {"1) Buy milk 2) Buy bread 3) Go home", {"1) Buy milk", "2) Buy bread", "3) Go home"}},
      {"Steps:\n1. Open the box.\n2. Take the phone out.",
       {"Steps:", "1. Open the box.", "2. Take the phone out."}},
      {"- First point\n- Second point", {"- First point", "- Second point"}},
      {"The winners were: 1. Smith, 2. Jones, 3. Brown. He won in 2. The end.",
       {"The winners were: 1. Smith, 2. Jones, 3. Brown.", "He won in 2.", "The end."}},
  });
}

TEST(SplitSentences, HardWrappedLinesJoin) {
  // Reuters copy wraps lines at 70 columns and indents paragraphs.
  const std::string text =
      "Showers continued throughout the week in\nthe Bahia cocoa zone, Mr.\nSmith said.\n"
      "    The dry period means the temporao will be late.";
  EXPECT_EQ(Sentences(text),
            (std::vector<std::string>{
                "Showers continued throughout the week in\nthe Bahia cocoa zone, Mr.\nSmith said.",
                "The dry period means the temporao will be late."}));
}

TEST(SplitSentences, UniformIndentationIsNotAParagraph) {
  const std::string text = "    Quoted text wraps\n    over lines. It goes on\n    and on.";
  EXPECT_EQ(Sentences(text), (std::vector<std::string>{"Quoted text wraps\n    over lines.",
                                                       "It goes on\n    and on."}));
}

TEST(SplitSentences, NeverCrossesBlankLines) {
  const std::string text = "A title without a period\n\nMr.\n \t\nSmith said so\r\n\r\nEnd";
  EXPECT_EQ(Sentences(text),
            (std::vector<std::string>{"A title without a period", "Mr.", "Smith said so", "End"}));
  EXPECT_TRUE(SplitsKeepInvariants(text));
}

// ---------------------------------------------------------------------------------------------
// Multilingual text and offsets.

TEST(SplitSentences, Multilingual) {
  ExpectSentences({
      {"Привет. Как дела? Всё хорошо!", {"Привет.", "Как дела?", "Всё хорошо!"}},
      {"你好。我是学生！你呢？", {"你好。", "我是学生！", "你呢？"}},
      {"今日は晴れです。明日は雨です。", {"今日は晴れです。", "明日は雨です。"}},
      {"هل أنت بخير؟ نعم، شكرا.", {"هل أنت بخير؟", "نعم، شكرا."}},
      {"यह एक वाक्य है। यह दूसरा है।", {"यह एक वाक्य है।", "यह दूसरा है।"}},
      {"Great news 😀. Next 𝒜 sentence 👍🏽! Done.",
       {"Great news 😀.", "Next 𝒜 sentence 👍🏽!", "Done."}},
      {"Müller sagte: „Das geht.“ Dann ging er.", {"Müller sagte: „Das geht.“", "Dann ging er."}},
  });
}

TEST(SplitSentences, OffsetsAreBytesOnCodePointBoundaries) {
  const std::string text = " Emoji 😀. Ünïcödé. 𝒜𝒝. Ж!";
  const std::vector<Span> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 4u);
  EXPECT_EQ(spans[0], (Span{1, 12}));   // " Emoji " is 7 bytes, the emoji 4, the period 1
  EXPECT_EQ(spans[1], (Span{13, 25}));  // Ü, ï, ö, é take 2 bytes each
  EXPECT_EQ(text.substr(spans[2].start, spans[2].end - spans[2].start), "𝒜𝒝.");
  EXPECT_EQ(spans[3], (Span{text.size() - 3, text.size()}));  // Ж is 2 bytes
  EXPECT_TRUE(SplitsKeepInvariants(text));
}

TEST(SplitSentences, UnicodeWhitespaceIsTrimmed) {
  const std::string text = "\u3000\u00A0First one.\u2003Second one.\u00A0\n";
  EXPECT_EQ(Sentences(text), (std::vector<std::string>{"First one.", "Second one."}));
  EXPECT_TRUE(SplitsKeepInvariants(text));
}

TEST(SplitSentences, InvalidUtf8DoesNotCrash) {
  const std::string text = "Bad \xFF\xFE bytes. More \xC3 here. \xE2\x82 End.";
  EXPECT_TRUE(SplitsKeepInvariants(text, /*valid_utf8=*/false));
  EXPECT_GE(SplitSentences(text).size(), 2u);
}

// ---------------------------------------------------------------------------------------------
// Edge cases, size and the seeds.

TEST(SplitSentences, EmptyAndWhitespaceOnly) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences(" \n\t\r\n  \u00A0\u3000 ").empty());
  EXPECT_TRUE(SplitParagraphs("").empty());
  EXPECT_TRUE(SplitParagraphs("\n\n \n").empty());
  EXPECT_EQ(Sentences("x"), std::vector<std::string>{"x"});
  EXPECT_EQ(Sentences("."), std::vector<std::string>{"."});
  EXPECT_EQ(Sentences("  ...  "), std::vector<std::string>{"..."});
}

TEST(SplitParagraphs, SplitsAtBlankLines) {
  const std::string text = "  First line\nsecond line.  \n\n\nSecond para.\n \t \nThird\r\n\r\n";
  EXPECT_EQ(Texts(text, SplitParagraphs(text)),
            (std::vector<std::string>{"First line\nsecond line.", "Second para.", "Third"}));
  EXPECT_TRUE(SplitsKeepInvariants(text));
}

TEST(SplitParagraphs, UnicodeWhitespaceLineIsBlank) {
  const std::string text = "One\n\u00A0\u3000\nTwo";
  EXPECT_EQ(Texts(text, SplitParagraphs(text)), (std::vector<std::string>{"One", "Two"}));
}

// Seconds that SplitSentences takes on `text`.
double SecondsToSplit(const std::string& text, std::size_t* count) {
  const auto t0 = std::chrono::steady_clock::now();
  *count = SplitSentences(text).size();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// Repeats `unit` up to about `bytes` bytes.
std::string Repeat(std::string_view unit, std::size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

constexpr std::string_view kNewsUnit =
    "Mr. Smith met Gen. Jones in the U.S. on Sept. 10. They talked. ";

TEST(SplitSentences, OneMegabyteIsLinear) {
  // Ordinary text, and inputs built to defeat the look-ahead rules: one endless paragraph of list
  // markers, of periods, of abbreviations, and one without any whitespace. Even under sanitizers
  // these take well under the budget unless something is quadratic.
  const std::vector<std::pair<std::string, std::string>> inputs = {
      {"news", Repeat(kNewsUnit, 1 << 20)},
      {"markers", Repeat("1) x ", 1 << 20)},
      {"restarting lists", Repeat("1. Go. ", 1 << 20)},
      {"times", Repeat("At 5 p.m. The ", 1 << 20)},
      {"letters", Repeat("a. b. ", 1 << 20)},
      {"periods", Repeat(". ", 1 << 20)},
      {"abbreviations", Repeat("U.S. Inc. p.m. ", 1 << 20)},
      {"no spaces", Repeat("word.", 1 << 20)},
      {"paragraphs", Repeat("Short one.\n\n", 1 << 20)},
  };
  for (const auto& [name, text] : inputs) {
    std::size_t count = 0;
    const double seconds = SecondsToSplit(text, &count);
    EXPECT_LT(seconds, 10.0) << name;
    EXPECT_GT(count, 0u) << name;
    EXPECT_TRUE(SplitsKeepInvariants(text)) << name;
  }
  // The news unit holds two sentences.
  EXPECT_EQ(SplitSentences(inputs[0].second).size(),
            inputs[0].second.size() / kNewsUnit.size() * 2);
}

TEST(SplitSentences, SeedArticlesKeepInvariants) {
  for (const char* name :
       {"000_c1e1a87b767bdb0e.txt", "001_cac242e89444e96e.txt", "002_c9edad714b5359fe.txt",
        "003_9de8cc9d8582abb9.txt", "004_572afbd63a801590.txt"}) {
    const std::string text = testing::ReadSource(std::string("shared/seeds/") + name);
    ASSERT_FALSE(text.empty()) << name;
    EXPECT_TRUE(SplitsKeepInvariants(text)) << name;
    EXPECT_GT(SplitSentences(text).size(), 5u) << name;
  }
}

TEST(SplitSentences, ArbitraryBytesKeepInvariants) {
  // A deterministic pseudo-random mix of the characters the rules look at.
  const std::vector<std::string> pieces = {
      ".", ". ", "!",  "?",   " ",      "\n",  "\n\n", "\n    ", "\"", "”",
      ")", "(",  "Mr", "U.S", "a",      "The", "1",    "2",      ")",  ".)",
      "•", "…",  "。", "😀",   "\u00A0", "p.m", "x",    "\t",     "'",  "I"};
  std::uint32_t state = 12345;
  for (int round = 0; round < 500; ++round) {
    std::string text;
    for (int k = 0; k < 60; ++k) {
      state = state * 1664525u + 1013904223u;
      text += pieces[(state >> 8) % pieces.size()];
    }
    ASSERT_TRUE(SplitsKeepInvariants(text)) << "input: " << text;
  }
}

TEST(SplitSentences, RandomBytesKeepInvariants) {
  // Any bytes at all, including NUL and broken UTF-8: no crash, and the invariants that do not
  // depend on valid UTF-8.
  std::uint32_t state = 987654321;
  for (int round = 0; round < 500; ++round) {
    std::string text;
    for (int k = 0; k < 120; ++k) {
      state = state * 1664525u + 1013904223u;
      const unsigned byte = (state >> 24) & 0xFF;
      // Mostly the bytes the rules care about, so that they are exercised.
      static const char kFavourites[] = ". !?\n\n  aZ1)\"\xE2\x80\xA6\xC2\xA0";
      text += (state & 1) ? static_cast<char>(byte)
                          : kFavourites[(state >> 8) % (sizeof(kFavourites) - 1)];
    }
    ASSERT_TRUE(SplitsKeepInvariants(text, /*valid_utf8=*/false)) << "round " << round;
  }
}

TEST(SplitSentences, ACreditAfterASentenceBelongsToIt) {
  const std::string text =
      "Wang urged restraint on Saturday. (AFP)\n\n(Reuters) - Markets fell. Then they rose.";
  const std::vector<Span> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(text.substr(spans[0].start, spans[0].end - spans[0].start),
            "Wang urged restraint on Saturday. (AFP)");
  EXPECT_EQ(text.substr(spans[1].start, spans[1].end - spans[1].start),
            "(Reuters) - Markets fell.");
}

}  // namespace
}  // namespace lectern
