// The JSON functions the page calls through WebAssembly: offsets in UTF-16 units, errors as
// {"error"}, and never an exception.
#include "lectern/annotations.h"

#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "lectern/api.h"
#include "lectern/hash.h"
#include "test_util.h"

namespace lectern {
namespace {

using nlohmann::json;
using testing::Fixture;

// "Say 😀 hello, world." — 😀 is one code point and two UTF-16 units.
const std::string kBody = "Say \xF0\x9F\x98\x80 hello, world.";

TEST(AnnotationsJsonApi, DescribeRangeTakesUtf16OrCodePoints) {
  // JavaScript: body.indexOf("hello") is 7 (UTF-16), the code point offset 6.
  json r = json::parse(DescribeRangeJson(kBody, 7, 12, "utf16"));
  EXPECT_EQ(r["selector"][0]["exact"], "hello");
  EXPECT_EQ(r["selector"][0]["prefix"], "Say \xF0\x9F\x98\x80 ");
  EXPECT_EQ(r["selector"][1], json({{"type", "TextPositionSelector"}, {"start", 6}, {"end", 11}}));
  EXPECT_EQ(r["start"], 7);
  EXPECT_EQ(r["end"], 12);
  r = json::parse(DescribeRangeJson(kBody, 6, 11, "codepoint"));
  EXPECT_EQ(r["selector"][0]["exact"], "hello");
  EXPECT_EQ(json::parse(DescribeRangeJson(kBody, 3, 3, ""))["error"],
            "the range is empty: nothing to annotate");
  EXPECT_TRUE(json::parse(DescribeRangeJson(kBody, 0, 3, "bytes")).contains("error"));
  EXPECT_TRUE(json::parse(DescribeRangeJson(kBody, NAN, -5, "")).contains("error"));
  EXPECT_EQ(json::parse(DescribeRangeJson(kBody, 0, 1e30, ""))["end"], 20);  // clamped
}

TEST(AnnotationsJsonApi, CreateMakesAValidW3CAnnotation) {
  const json request = {{"body", kBody},
                        {"url", "https://news.example/a"},
                        {"title", "A <title>"},
                        {"start", 4},
                        {"end", 12},
                        {"tags", json::array({"plain", {{"name", "coloured"}, {"color", "#ABC"}}})},
                        {"note", "**Markdown** note"},
                        {"noteFormat", "text/markdown"},
                        {"creator", {{"id", "mailto:ada@example.org"}, {"name", "Ada"}}},
                        {"id", "3f1c9a52-8a8e-4c1e-9a7b-0d6c2f1e5b10"},
                        {"created", "2024-09-13T10:00:00.250Z"},
                        {"modified", "2024-09-13T12:00:00+02:00"}};
  const json r = json::parse(CreateAnnotationJson(request.dump()));
  ASSERT_TRUE(r.contains("annotation")) << r.dump();
  const json& a = r["annotation"];
  EXPECT_EQ(a["id"], "urn:uuid:3f1c9a52-8a8e-4c1e-9a7b-0d6c2f1e5b10");
  EXPECT_EQ(a["target"]["selector"][0]["exact"], "\xF0\x9F\x98\x80 hello");  // UTF-16 4..12
  EXPECT_EQ(a["target"]["selector"][1]["start"], 4);
  EXPECT_EQ(a["target"]["selector"][1]["end"], 11);  // code points
  EXPECT_EQ(a["target"]["source"]["id"], "https://news.example/a");
  EXPECT_EQ(a["target"]["source"]["schema:sha256"], ContentHash(kBody));
  EXPECT_EQ(a["body"][1]["schema:color"], "#aabbcc");
  EXPECT_EQ(a["body"][2]["format"], "text/markdown");
  EXPECT_EQ(a["created"], "2024-09-13T10:00:00.250Z");
  EXPECT_EQ(a["modified"], "2024-09-13T10:00:00Z");
  // What it makes, the parser takes back without a word.
  const AnnotationParseResult back = ParseAnnotations(a.dump());
  EXPECT_TRUE(back.errors.empty());
  EXPECT_TRUE(back.warnings.empty());
  ASSERT_EQ(back.annotations.size(), 1u);
  EXPECT_EQ(back.annotations[0].tags.size(), 2u);
}

TEST(AnnotationsJsonApi, CreateRefusesBadRequests) {
  auto error = [](const json& request) {
    return json::parse(CreateAnnotationJson(request.dump())).value("error", "");
  };
  const json ok = {{"body", kBody}, {"start", 0}, {"end", 3}};
  EXPECT_EQ(error(ok), "");
  EXPECT_EQ(
      json::parse(CreateAnnotationJson(ok.dump()))["annotation"]["id"].get<std::string>().rfind(
          "urn:uuid:", 0),
      0u);
  json bad = ok;
  bad["end"] = 0;
  EXPECT_EQ(error(bad), "the range is empty: nothing to annotate");
  bad = ok;
  bad["tags"] = json::array({{{"name", "x"}, {"color", "red"}}});
  EXPECT_EQ(error(bad), "tag colour 'red' is not #rrggbb");
  // Half a character in a tag (JSON.stringify writes a lone surrogate as "\ud800"): a sentence
  // for a person, not the parser's message.
  std::string lone = ok.dump();
  lone.insert(lone.size() - 1, ",\"tags\":[\"ok \\ud800\"]");
  EXPECT_EQ(json::parse(CreateAnnotationJson(lone))["error"],
            "A tag or the note holds half of a character (a broken emoji or symbol, as a cut or "
            "pasted text may leave): remove it and try again.");
  EXPECT_EQ(json::parse(CreateAnnotationJson("{\"body\": "))["error"],
            "The annotation request is not valid JSON (near byte 10).");
  bad = ok;
  bad["noteFormat"] = "text/html";
  EXPECT_EQ(error(bad), "noteFormat must be text/plain or text/markdown");
  bad = ok;
  bad["id"] = "not an id";
  EXPECT_EQ(error(bad), "id is not an IRI or a UUID");
  bad = ok;
  bad.erase("start");
  EXPECT_EQ(error(bad), "start is missing or not a number");
  bad = ok;
  bad["created"] = "today";
  EXPECT_EQ(error(bad), "created is not an ISO 8601 date-time");
  EXPECT_NE(json::parse(CreateAnnotationJson("{oops"))["error"], "");
  EXPECT_EQ(json::parse(CreateAnnotationJson("[]"))["error"], "the request is not a JSON object");
}

TEST(AnnotationsJsonApi, CheckListsErrorsWithPaths) {
  const json r = json::parse(CheckAnnotationsJson(Fixture("some-broken.json")));
  EXPECT_EQ(r["container"], "AnnotationCollection");
  EXPECT_EQ(r["annotations"].size(), 1u);
  ASSERT_EQ(r["errors"].size(), 9u);
  EXPECT_EQ(r["errors"][0], json({{"path", "first.items[1].target.selector[0].exact"},
                                  {"message", "missing: no quote"}}));
}

TEST(AnnotationsJsonApi, ImportMergesAndSaysWhatToWrite) {
  // The page's store: Alice's annotations as an array of W3C objects.
  const json mine = json::parse(Fixture("alice.json"))["first"]["items"];
  const json r = json::parse(ImportAnnotationsJson(mine.dump(), Fixture("bob.json")));
  EXPECT_EQ(r["container"], "AnnotationCollection");
  EXPECT_EQ(r["imported"], 1);
  EXPECT_EQ(r["duplicates"], 1);
  EXPECT_EQ(r["conflicts"], 1);
  EXPECT_EQ(r["merged"].size(), 5u);
  EXPECT_EQ(r["changed"], json({"urn:uuid:6c1b0f5e-1111-4a8e-9d0b-000000000003",
                                "urn:uuid:9f2e7c44-2222-4b1d-8e6a-000000000001"}));
  EXPECT_EQ(r["ids"]["duplicates"], json({"urn:uuid:6c1b0f5e-1111-4a8e-9d0b-000000000001"}));
  EXPECT_EQ(r["authors"].size(), 2u);
  EXPECT_EQ(r["tags"][3], json({{"name", "language"}, {"color", "#2e7d32"}}));
  EXPECT_EQ(r["errors"], json::array());
  // The conflict carries both versions.
  for (const json& a : r["merged"]) {
    if (a["id"] == "urn:uuid:6c1b0f5e-1111-4a8e-9d0b-000000000003") {
      EXPECT_EQ(a["lectern:conflicts"].size(), 1u);
      EXPECT_EQ(a["@context"][1], json({{"lectern", "urn:lectern:"}}));
    }
  }
}

TEST(AnnotationsJsonApi, ImportOfABadFileLosesNothing) {
  const json mine = json::parse(Fixture("alice.json"))["first"]["items"];
  for (const char* bad : {"not-json.json", "not-annotations.json"}) {
    const json r = json::parse(ImportAnnotationsJson(mine.dump(), Fixture(bad)));
    EXPECT_EQ(r["merged"].size(), 4u) << bad;
    EXPECT_EQ(r["changed"], json::array()) << bad;
    EXPECT_EQ(r["imported"], 0) << bad;
    ASSERT_EQ(r["errors"].size(), 1u) << bad;
    EXPECT_EQ(r["errors"][0]["path"], "") << bad;
  }
  const json partly = json::parse(ImportAnnotationsJson("", Fixture("some-broken.json")));
  EXPECT_EQ(partly["imported"], 1);
  EXPECT_EQ(partly["errors"].size(), 9u);
  EXPECT_EQ(partly["changed"].size(), 1u);
}

TEST(AnnotationsJsonApi, ExportFormats) {
  const std::string alice = Fixture("alice.json");
  json r = json::parse(ExportAnnotationsJson(alice, ""));
  EXPECT_EQ(r["count"], 4);
  EXPECT_EQ(r["mediaType"], "application/ld+json; profile=\"http://www.w3.org/ns/anno.jsonld\"");
  EXPECT_EQ(json::parse(r["text"].get<std::string>())["type"], "AnnotationCollection");
  r = json::parse(ExportAnnotationsJson(alice, R"({"format": "markdown", "tag": "politics"})"));
  EXPECT_EQ(r["count"], 1);
  EXPECT_EQ(r["text"].get<std::string>().rfind("# Lectern annotations tagged", 0), 0u);
  r = json::parse(ExportAnnotationsJson(alice, R"({"format": "html"})"));
  EXPECT_EQ(r["mediaType"], "text/html; charset=utf-8");
  EXPECT_TRUE(json::parse(ExportAnnotationsJson(alice, R"({"format": "pdf"})")).contains("error"));
  EXPECT_TRUE(json::parse(ExportAnnotationsJson("{", "")).contains("error"));
  EXPECT_EQ(json::parse(ExportAnnotationsJson("[]", ""))["count"], 0);
}

TEST(AnnotationsJsonApi, AnchorAnswersInUtf16ForThePage) {
  const Article article = testing::FixtureArticle("article.txt");
  const json articles =
      json::array({{{"id", 7}, {"body", article.body}, {"title", article.title}}});
  const json r = json::parse(AnchorAnnotationsJson(Fixture("alice.json"), articles.dump(), ""));
  ASSERT_EQ(r["results"].size(), 4u) << r.dump();
  EXPECT_EQ(r["offsetUnit"], "utf16");
  const json& fish = r["results"][1];  // "grilled sardines 🐟"
  EXPECT_EQ(fish["status"], "anchored");
  EXPECT_EQ(fish["article"], "7");
  EXPECT_EQ(fish["match"], "hash");
  // In UTF-16 units, 🐟 counts two.
  EXPECT_EQ(fish["end"].get<int>() - fish["start"].get<int>(), 19);
  const json cp = json::parse(AnchorAnnotationsJson(Fixture("alice.json"), articles.dump(),
                                                    R"({"offsetUnit": "codepoint"})"));
  EXPECT_EQ(cp["results"][1]["end"].get<int>() - cp["results"][1]["start"].get<int>(), 18);
  const json orphans = json::parse(AnchorAnnotationsJson(Fixture("alice.json"), "[]", ""));
  EXPECT_EQ(orphans["results"][0]["status"], "orphan");
  EXPECT_TRUE(orphans["results"][0]["start"].is_null());
  EXPECT_TRUE(
      json::parse(AnchorAnnotationsJson(Fixture("alice.json"), "{oops", "")).contains("error"));
  EXPECT_TRUE(json::parse(AnchorAnnotationsJson("nope", "[]", "")).contains("error"));
}

}  // namespace
}  // namespace lectern
