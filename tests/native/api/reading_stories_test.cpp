// Tests of the JSON adapter (lectern/api.h) for reading and stories: articles in each offset unit,
// readFile's options and problems, sentence boundaries for the page, story clusters and the
// StoryClusterer the page drives, and the error answer. (The diff's JSON: text_diff_json_test.cpp;
// annotations: annotations_test.cpp.)
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lectern/api.h"
#include "lectern/dedup.h"
#include "lectern/reading.h"

namespace lectern {
namespace {

using json = nlohmann::json;

TEST(ArticleToJson, OffsetsInEachUnit) {
  // U+1D538 (4 bytes, 2 UTF-16 units, 1 code point) before the second sentence.
  const Article a = ArticleFromPlainText("\U0001D538 is here. Then \u00E9t\u00E9 came.", "x");
  ASSERT_EQ(a.sentences.size(), 2u);
  const json cp = json::parse(ArticleToJson(a, OffsetUnit::kCodePoint));
  const json u16 = json::parse(ArticleToJson(a, OffsetUnit::kUtf16));
  EXPECT_EQ(cp["offsetUnit"], "codepoint");
  EXPECT_EQ(cp["sentences"][1]["start"], 11);
  EXPECT_EQ(u16["sentences"][1]["start"], 12);
  EXPECT_EQ(cp["sentences"][1]["end"], 25);
  EXPECT_EQ(u16["sentences"][1]["end"], 26);
  EXPECT_EQ(cp["sentences"][1]["text"], "Then \u00E9t\u00E9 came.");
  EXPECT_EQ(cp["paragraphs"][0]["end"], 25);
}

TEST(StoryClustersToJson, FiguresIdsAndInvalidUtf8) {
  StoryClusters r;
  r.clusters = {{0, 2}};
  r.pairs = {{0, 2, 0.35759897, 0.71794871, 280}};
  r.kept_pairs = 1;
  r.candidates = 4;
  const json j = json::parse(StoryClustersToJson(r, {"first", "second"}));
  EXPECT_EQ(j["clusters"], json::parse(R"([{"members": ["first", "2"]}])"));
  EXPECT_EQ(j["pairs"], json::parse(R"([{"a": "first", "b": "2", "jaccard": 0.358,
                                         "containment": 0.718}])"));
  EXPECT_EQ(j["candidates"], 4);
  EXPECT_EQ(j["keptPairs"], 1);
  const json empty = json::parse(StoryClustersToJson({}, {}));
  EXPECT_TRUE(empty["clusters"].empty() && empty["pairs"].empty());
  // An id that is not UTF-8 still gives valid JSON.
  EXPECT_NO_THROW(json::parse(StoryClustersToJson(r, {"bad\xff"})));
}

TEST(Version, IsPackageJsonsVersion) {
  const std::string version = Version();
  EXPECT_FALSE(version.empty());
  EXPECT_EQ(version.find_first_not_of("0123456789."), std::string::npos) << version;
}

TEST(ErrorJson, AnyMessageGivesValidJson) {
  EXPECT_EQ(ErrorJson("bad options"), R"({"error":"bad options"})");
  const json j = json::parse(ErrorJson("bad \xff byte"));
  EXPECT_EQ(j["error"], "bad \xEF\xBF\xBD byte");
}

TEST(ReadFileJson, OptionsUnitsAndFirstLine) {
  const std::string text = "\U0001D538 is here. Then it came.";
  const json u16 = json::parse(ReadFileJson(text, "a.txt", ""));
  ASSERT_EQ(u16["articles"].size(), 1u);
  EXPECT_EQ(u16["articles"][0]["offsetUnit"], "utf16");
  EXPECT_EQ(u16["articles"][0]["sentences"][1]["start"], 12);
  const json cp = json::parse(ReadFileJson(text, "a.txt", R"({"offsetUnit": "codepoint"})"));
  EXPECT_EQ(cp["articles"][0]["sentences"][1]["start"], 11);
  EXPECT_EQ(cp["articles"][0]["original"], text);
  const json plain =
      json::parse(ReadFileJson("Title\n\nBody text here.", "a.txt", R"({"plain": true})"));
  EXPECT_EQ(plain["articles"][0]["title"], "");
  // Lines of a collection read in chunks are counted from firstLine.
  const json lines = json::parse(
      ReadFileJson("{\"text\": \"ok\"}\nnot json\n", "c.jsonl", R"({"firstLine": 41})"));
  ASSERT_EQ(lines["problems"].size(), 1u);
  EXPECT_EQ(lines["problems"][0]["where"], "line 42");
}

TEST(ReadFileJson, BadOptionsAreOneProblem) {
  for (const char* options : {"{", R"({"offsetUnit": "bytes"})", R"({"plain": "yes"})"}) {
    const json j = json::parse(ReadFileJson("Some text.", "a.txt", options));
    EXPECT_TRUE(j["articles"].empty()) << options;
    ASSERT_EQ(j["problems"].size(), 1u) << options;
    EXPECT_EQ(j["problems"][0]["file"], "a.txt");
    EXPECT_EQ(j["problems"][0]["message"].get<std::string>().rfind("could not be read: ", 0), 0u);
  }
}

TEST(SentenceBoundariesUtf16, PairsOfUtf16Offsets) {
  EXPECT_EQ(SentenceBoundariesUtf16("\U0001D538 is here. Then it came."),
            (std::vector<std::uint32_t>{0, 11, 12, 25}));
  EXPECT_TRUE(SentenceBoundariesUtf16("").empty());
}

TEST(StoryClusterer, ClustersByKeyWithTheDefaultListLimit) {
  const std::string story =
      "The central bank raised interest rates by a quarter point on Tuesday, citing inflation "
      "that has stayed above its target for two years, and said further increases were likely.";
  StoryClusterer clusterer("");
  EXPECT_EQ(clusterer.Add("first", story), 0);
  EXPECT_EQ(clusterer.Add("other", "A completely different text about football and weather."), 1);
  EXPECT_EQ(clusterer.Add("copy", story + " Markets fell."), 2);
  EXPECT_GT(clusterer.MemoryBytes(), 0);
  const json j = json::parse(clusterer.Cluster());
  EXPECT_EQ(j["clusters"], json::parse(R"([{"members": ["first", "copy"]}])"));
  ASSERT_EQ(j["pairs"].size(), 1u);
  EXPECT_EQ(j["pairs"][0]["a"], "first");
  EXPECT_EQ(json::parse(clusterer.ClusterExact())["clusters"], j["clusters"]);
  EXPECT_EQ(StoryClusterer::DefaultMaxPairs(3), 10000u);
  EXPECT_EQ(StoryClusterer::DefaultMaxPairs(1000), 20000u);
}

TEST(StoryClusterer, MaxPairsLimitsTheList) {
  const std::string story =
      "Officials said the bridge would reopen next week after repairs to "
      "its main span, which was damaged by a barge in the spring floods.";
  StoryClusterer clusterer(R"({"maxPairs": 0})");
  clusterer.Add("a", story);
  clusterer.Add("b", story);
  const json j = json::parse(clusterer.Cluster());
  EXPECT_EQ(j["clusters"].size(), 1u);
  EXPECT_TRUE(j["pairs"].empty());
  EXPECT_EQ(j["keptPairs"], 1);
}

TEST(StoryClusterer, BadOptionsAreAnsweredByCluster) {
  for (const char* options : {"{", R"({"maxPairs": -1})", R"({"maxPairs": 1.5})",
                              R"({"maxPairs": "10"})", R"({"minJaccard": 0})"}) {
    StoryClusterer clusterer(options);
    EXPECT_EQ(clusterer.Add("a", "Some text."), -1) << options;
    EXPECT_EQ(clusterer.MemoryBytes(), 0) << options;
    const json j = json::parse(clusterer.Cluster());
    ASSERT_TRUE(j.contains("error")) << options;
    EXPECT_EQ(j["error"].get<std::string>().rfind("bad options: ", 0), 0u) << options;
    EXPECT_TRUE(json::parse(clusterer.ClusterExact()).contains("error"));
  }
}

TEST(DiffTextsJson, OptionsAndErrors) {
  const std::string a = "\U0001D538 rose. Prices fell.", b = "\U0001D538 rose. Prices rose.";
  const json u16 = json::parse(DiffTextsJson(a, b, ""));
  EXPECT_EQ(u16["offsetUnit"], "utf16");
  EXPECT_EQ(u16["a"]["sentences"][1]["start"], 9);
  const json cp = json::parse(DiffTextsJson(a, b, R"({"offsetUnit": "codepoint"})"));
  EXPECT_EQ(cp["a"]["sentences"][1]["start"], 8);
  EXPECT_EQ(json::parse(DiffTextsJson(a, b, "{"))["error"].get<std::string>().empty(), false);
  EXPECT_TRUE(json::parse(DiffTextsJson(a, b, R"({"offsetUnit": "bytes"})")).contains("error"));
}

}  // namespace
}  // namespace lectern
