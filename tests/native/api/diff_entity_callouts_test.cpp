// Tests of the diff's callouts from entities in the JSON adapter (lectern/api.h:
// EntityCalloutOptions, DiffTextsJson): on the China Daily / KUNA seed pair the first sentence
// drops the person Putin and changes Thursday for Friday, and neither version's dateline is a
// change; each change carries its type; the options' dates and bad options. Also
// DatelineLength (lectern/reading.h), which the adapter uses.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "diff_checks.h"
#include "lectern/api.h"
#include "lectern/diff.h"
#include "lectern/reading.h"

namespace lectern {
namespace {

using json = nlohmann::json;

json DiffJson(const std::string& a, const std::string& b, const json& options) {
  return json::parse(DiffTextsJson(a, b, options.dump()));
}

bool Has(const json& changes, const std::string& kind, const std::string& type,
         const std::string& a, const std::string& b) {
  for (const json& c : changes) {
    if (c["kind"] == kind && c["type"] == type && c["a"] == a && c["b"] == b) return true;
  }
  return false;
}

TEST(DatelineLengthTest, WireDatelinesThroughTheirDash) {
  EXPECT_EQ(DatelineLength("BEIJING, Sept 13 (KUNA) -- Russian President Vladimir Friday voiced"),
            std::string("BEIJING, Sept 13 (KUNA) --").size());
  EXPECT_EQ(DatelineLength("ST. PETERSBURG - Russian President Vladimir Putin on Thursday"),
            std::string("ST. PETERSBURG -").size());
  EXPECT_EQ(DatelineLength("Putin - the president - spoke on Thursday."), 0u);
  EXPECT_EQ(DatelineLength("Russian President Vladimir Putin spoke."), 0u);
  EXPECT_EQ(DatelineLength(""), 0u);
  // Only the first line: a dateline on a later line is not the text's.
  EXPECT_EQ(DatelineLength("Headline\nBEIJING, Sept 13 (KUNA) -- Text."), 0u);
}

// EntityCalloutOptions(a, b) with its finder counted: calls, and bytes read.
struct CountedFinder {
  int calls = 0;
  std::size_t read = 0;
  DiffOptions options;
  CountedFinder(const std::string& a, const std::string& b)
      : options(EntityCalloutOptions(a, b, "", "")) {
    options.find_mentions = [this, find = options.find_mentions](bool side, Span range) {
      ++calls;
      read += range.end - range.start;
      return find(side, range);
    };
  }
};

TEST(EntityCalloutOptionsTest, OnlyTheChangedSentencesAreSearchedForMentions) {
  const std::string text = "Putin met Wang Yi on Thursday. They spoke of trade.";
  const std::string edited = "Putin met Wang Yi on Thursday. They spoke of oil.";
  CountedFinder same(text, text);
  EXPECT_EQ(DiffTexts(text, text, same.options).groups.size(), 2u);
  EXPECT_EQ(same.calls, 0) << "identical texts: no mentions needed";
  CountedFinder one(text, edited);
  EXPECT_EQ(DiffTexts(text, edited, one.options).groups.size(), 2u);
  EXPECT_EQ(one.calls, 2) << "once per side";
  EXPECT_LT(one.read, 2 * std::string("They spoke of trade.").size()) << "the changed sentence";
  // Two changes far apart: two stretches per side; the unchanged text between them is not read.
  std::string filler;
  for (int i = 0; i < 200; ++i) filler += "Sentence number " + std::to_string(i) + " stays. ";
  const std::string long_a = text + " " + filler + text, long_b = edited + " " + filler + edited;
  CountedFinder two(long_a, long_b);
  DiffTexts(long_a, long_b, two.options);
  EXPECT_EQ(two.calls, 4);
  EXPECT_LT(two.read, 4 * std::string("They spoke of trade.").size());
}

TEST(EntityCalloutOptionsTest, DatelinesAreQuietAndTheirMentionsLeftOut) {
  const std::string a = "ST. PETERSBURG - Putin met Wang Yi on Thursday.";
  const std::string b = "BEIJING, Sept 13 (KUNA) -- Putin met Wang Yi on Thursday.";
  const DiffOptions o = EntityCalloutOptions(a, b, "2024-09-13", "2024-09-13");
  EXPECT_EQ(o.callouts, CalloutSource::kMentions);
  ASSERT_EQ(o.a_quiet.size(), 1u);
  EXPECT_EQ(o.a_quiet[0].end, std::string("ST. PETERSBURG -").size());
  ASSERT_EQ(o.b_quiet.size(), 1u);
  EXPECT_EQ(o.b_quiet[0].end, std::string("BEIJING, Sept 13 (KUNA) --").size());
  ASSERT_TRUE(o.find_mentions);
  const std::vector<NotableSpan> in_b = o.find_mentions(true, {0, b.size()});
  EXPECT_FALSE(in_b.empty());
  for (const NotableSpan& m : in_b) EXPECT_GE(m.span.start, o.b_quiet[0].end);
  bool thursday = false;
  for (const NotableSpan& m : o.find_mentions(false, {0, a.size()})) {
    if (m.type == NotableType::kDate) thursday = m.value == "2024-09-12";
  }
  EXPECT_TRUE(thursday) << "Thursday before 2024-09-13 resolves to 2024-09-12";
  // A stretch of the text: offsets into the whole text.
  const std::size_t met = b.find("met");
  std::vector<std::string> after_met;
  for (const NotableSpan& m : o.find_mentions(true, {met, b.size()})) {
    after_met.push_back(b.substr(m.span.start, m.span.end - m.span.start));
  }
  EXPECT_EQ(after_met, (std::vector<std::string>{"Wang Yi", "Thursday"}));
  const json j = DiffJson(a, b, {{"dateA", "2024-09-13"}, {"dateB", "2024-09-13"}});
  ASSERT_FALSE(j.contains("error")) << j.dump();
  EXPECT_TRUE(j["summary"]["changes"].empty()) << j["summary"]["changes"].dump();
}

class SeedCalloutsTest : public SeedDiffTest {
 protected:
  json Json() const {
    return DiffJson(a_.body, b_.body,
                    {{"offsetUnit", "codepoint"}, {"dateA", a_.date}, {"dateB", b_.date}});
  }
};

TEST_F(SeedCalloutsTest, FirstSentenceCutsPutinAndChangesTheDay) {
  const json j = Json();
  ASSERT_FALSE(j.contains("error")) << j.dump();
  const json& first = j["groups"][0];
  ASSERT_EQ(first["a"], json::array({0}));
  // The person's name is cut ("Russian President Vladimir Friday"); Thursday became Friday.
  EXPECT_TRUE(Has(first["changes"], "name", "PER", "Vladimir Putin", "Vladimir")) << first.dump();
  EXPECT_TRUE(Has(first["changes"], "date", "DATE", "Thursday", "Friday")) << first.dump();
  // "ST. PETERSBURG -" became "BEIJING, Sept 13 (KUNA) --": no change is called out there.
  EXPECT_EQ(first["changes"].size(), 2u) << first["changes"].dump();
  for (const json& c : j["summary"]["changes"]) {
    for (const char* dateline : {"ST. PETERSBURG", "BEIJING", "KUNA", "Sept 13", "13"}) {
      EXPECT_NE(c["a"], dateline);
      EXPECT_NE(c["b"], dateline);
    }
  }
}

TEST_F(SeedCalloutsTest, EveryChangeHasAKindAndAType) {
  const json j = Json();
  ASSERT_FALSE(j["summary"]["changes"].empty());
  bool place = false;
  for (const json& c : j["summary"]["changes"]) {
    const std::string kind = c["kind"], type = c["type"];
    if (kind == "name") {
      EXPECT_TRUE(type == "PER" || type == "ORG" || type == "LOC") << c.dump();
    } else if (kind == "date") {
      EXPECT_EQ(type, "DATE");
    } else {
      EXPECT_EQ(kind, "number");
      EXPECT_EQ(type, "");
    }
    place = place || (type == "LOC" && c["a"] == "China" && c["b"] == "Beijing");
  }
  EXPECT_TRUE(place) << "\"Putin thanks China\" -> \"He also thanked Beijing\"";
  for (const json& g : j["groups"]) {
    for (const json& c : g["changes"]) EXPECT_TRUE(c.contains("type"));
  }
}

TEST(DiffTextsJsonTest, DatesOfTheArticlesResolveRelativeDates) {
  const std::string a = "Putin spoke on Thursday in Moscow.";
  const std::string b = "Putin spoke on Sept. 12 in Moscow.";
  // Both are 2024-09-12 when the articles are dated 2024-09-13: no change.
  const json dated = DiffJson(a, b, {{"dateA", "2024-09-13"}, {"dateB", "2024-09-13"}});
  EXPECT_TRUE(dated["summary"]["changes"].empty()) << dated.dump();
  // Undated, "Thursday" has no value and differs from "Sept. 12".
  const json undated = DiffJson(a, b, json::object());
  EXPECT_FALSE(undated["summary"]["changes"].empty()) << undated.dump();
}

TEST(DiffTextsJsonTest, BadOptionsAreErrors) {
  EXPECT_TRUE(json::parse(DiffTextsJson("a", "b", "[1]")).contains("error"));
  EXPECT_TRUE(json::parse(DiffTextsJson("a", "b", R"({"dateA": 7})")).contains("error"));
  EXPECT_TRUE(json::parse(DiffTextsJson("a", "b", "{")).contains("error"));
  EXPECT_FALSE(json::parse(DiffTextsJson("a", "b", "")).contains("error"));
}

}  // namespace
}  // namespace lectern
