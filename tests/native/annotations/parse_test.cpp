// Reading and validating W3C annotation files: what is kept, what is refused, and the JSON paths
// that say where.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lectern/annotations.h"
#include "test_util.h"

namespace lectern {
namespace {

using nlohmann::json;
using testing::Fixture;

std::vector<std::string> Lines(const std::vector<AnnotationProblem>& problems) {
  std::vector<std::string> out;
  for (const AnnotationProblem& p : problems) out.push_back(p.ToString());
  return out;
}

// One annotation on "hello world" as a JSON object, for tests to break.
json Minimal() {
  return json::parse(R"({
    "@context": "http://www.w3.org/ns/anno.jsonld", "id": "urn:uuid:1", "type": "Annotation",
    "target": {"source": "https://example.org/a",
               "selector": [{"type": "TextQuoteSelector", "exact": "world", "prefix": "hello "},
                            {"type": "TextPositionSelector", "start": 6, "end": 11}]}})");
}

AnnotationParseResult ParseOne(const json& annotation) {
  return ParseAnnotations(annotation.dump());
}

TEST(ParseAnnotations, ReadsACollection) {
  const AnnotationParseResult r = ParseAnnotations(Fixture("alice.json"));
  EXPECT_EQ(r.container, "AnnotationCollection");
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(Lines(r.errors));
  EXPECT_TRUE(r.warnings.empty()) << ::testing::PrintToString(Lines(r.warnings));
  ASSERT_EQ(r.annotations.size(), 4u);
  const Annotation& a = r.annotations[0];
  EXPECT_EQ(a.id, "urn:uuid:6c1b0f5e-1111-4a8e-9d0b-000000000001");
  EXPECT_EQ(a.target.exact, "reopened on Saturday after three years of repairs");
  EXPECT_EQ(a.target.prefix, "ld fish market on the east quay ");  // 32 code points
  EXPECT_TRUE(a.target.has_position);
  EXPECT_EQ(a.target.end - a.target.start, 49u);
  EXPECT_EQ(a.target.content_hash,
            "21f62f9bbc305e68df5ce18555d2a02a9f8bfe7bbee0e71fd7ce0032e6af89fa");
  EXPECT_EQ(a.target.source, "");  // known by its hash only: urn:sha256:…
  EXPECT_EQ(a.target.title, "Harbour city reopens its old fish market after three years");
  ASSERT_EQ(a.tags.size(), 1u);
  EXPECT_EQ(a.tags[0], (AnnotationTag{"events", "#3366ff"}));
  EXPECT_EQ(a.note, "Check the date against the council's press release.");
  EXPECT_EQ(a.note_format, "text/plain");
  EXPECT_EQ(a.creator, (AnnotationAgent{"mailto:alice@example.org", "Alice"}));
  EXPECT_EQ(a.created, "2024-09-14T08:00:00Z");
  EXPECT_EQ(a.modified, "2024-09-14T08:00:00Z");
  EXPECT_EQ(json::parse(a.other_properties_json), json({{"motivation", "highlighting"}}));
  // Markup in tags and notes is data: kept as written.
  EXPECT_EQ(r.annotations[1].tags[0].name, "<script>alert('tag')</script>");
  EXPECT_EQ(r.annotations[1].note_format, "text/markdown");
  // A non-BMP quote: one code point.
  EXPECT_EQ(r.annotations[3].target.exact, "\xF0\x9D\x94\xB8");
  EXPECT_EQ(r.annotations[3].target.end - r.annotations[3].target.start, 1u);
}

TEST(ParseAnnotations, ListsEachBrokenAnnotationWithItsPath) {
  const AnnotationParseResult r = ParseAnnotations(Fixture("some-broken.json"));
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_EQ(r.annotations[0].id, "urn:uuid:5d3c2b1a-3333-4c2d-9f7e-000000000001");
  const std::vector<std::string> expected = {
      "first.items[1].target.selector[0].exact: missing: no quote",
      "first.items[2].target.selector[1]: inverted: start 90 is after end 60",
      "first.items[3].target.selector: no TextQuoteSelector",
      "first.items[4].bodyValue: an annotation may not have both body and bodyValue",
      "first.items[5].created: not an ISO 8601 date-time with a time zone "
      "(e.g. 2024-09-13T10:00:00Z)",
      "first.items[6]: not an annotation but string",
      "first.items[7].id: missing: an annotation needs an IRI",
      "first.items[8].target.selector[1].start: negative: out of range",
      "first.items[9].target: missing",
  };
  EXPECT_EQ(Lines(r.errors), expected);
}

TEST(ParseAnnotations, WholeFileProblemsAreOneErrorWithoutPath) {
  auto only_error = [](std::string_view text) {
    const AnnotationParseResult r = ParseAnnotations(text);
    EXPECT_TRUE(r.annotations.empty());
    EXPECT_EQ(r.container, "");
    EXPECT_EQ(r.errors.size(), 1u);
    return r.errors.empty() ? std::string() : r.errors[0].ToString();
  };
  EXPECT_EQ(only_error(Fixture("not-json.json")).rfind("not JSON: ", 0), 0u);
  EXPECT_EQ(only_error(Fixture("not-annotations.json")),
            "not annotations: expected a W3C Annotation, AnnotationPage or AnnotationCollection "
            "(or an array of annotations), found an object of type 'Feature'");
  EXPECT_EQ(only_error("42").rfind("not annotations", 0), 0u);
  EXPECT_EQ(only_error("\"text\"").rfind("not annotations", 0), 0u);
  EXPECT_EQ(only_error(""), "empty: no annotations");
  EXPECT_EQ(only_error("[1, 2"), only_error("[1, 2"));
  // A number too large for a double is no parse_error but out_of_range (found by
  // tests/fuzz/annotations_parse_fuzzer).
  EXPECT_EQ(only_error("[{\"total\": 1e400}]"), "not JSON: number overflow parsing '1e400'");
  EXPECT_EQ(only_error("{\"a\": \"caf\xE9\"}"),
            "not JSON: not valid UTF-8 (byte 0xe9 at offset 10)");
  EXPECT_EQ(only_error(std::string(100000, '[') + std::string(100000, ']')),
            "nested more than 64 levels deep: not an annotation file");
}

// One lone surrogate escape (half of a UTF-16 pair, which JSON.stringify writes for a broken
// emoji) costs the annotation that holds it, not the file.
TEST(ParseAnnotations, LoneSurrogateCostsOneAnnotation) {
  json broken = Minimal();
  broken["id"] = "urn:uuid:2";
  broken["body"] = {{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", "PLACEHOLDER"}};
  std::string text = json::array({Minimal(), broken}).dump();
  text.replace(text.find("PLACEHOLDER"), 11, "tag \\ud800 and a pair \\ud83d\\ude00");
  const AnnotationParseResult r = ParseAnnotations(text);
  EXPECT_EQ(r.container, "array");
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_EQ(r.annotations[0].id, "urn:uuid:1");
  EXPECT_EQ(Lines(r.errors),
            std::vector<std::string>{
                "[1].body.value: holds half of a character (a lone UTF-16 surrogate escape such "
                "as \\ud800): the annotation is left out"});
  // A lone low half, and a pair's halves apart, too; a whole pair is fine.
  const std::string one = json::array({Minimal()}).dump();
  for (const char* lone : {"\\udc00", "\\udc00\\ud83d", "\\ud83d \\ude00"}) {
    text = one;
    text.replace(text.find("world\""), 6, std::string("world") + lone + "\"");
    EXPECT_TRUE(ParseAnnotations(text).annotations.empty()) << lone;
    EXPECT_EQ(ParseAnnotations(text).errors.at(0).path, "[0].target.selector[0].exact") << lone;
  }
  text = one;
  text.replace(text.find("world\""), 6, "world\\ud83d\\ude00\"");
  ASSERT_EQ(ParseAnnotations(text).annotations.size(), 1u);
  EXPECT_EQ(ParseAnnotations(text).annotations[0].target.exact, "world\xF0\x9F\x98\x80");
}

// Two annotations of one file with the same id are one annotation: the same content is kept once,
// different contents become conflicting versions, as MergeAnnotations does for two files.
TEST(ParseAnnotations, DuplicateIdsInOneFileAreMergedAndReported) {
  json changed = Minimal();
  changed["modified"] = "2024-09-14T10:00:00Z";
  changed["body"] = {{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", "later"}};
  json other = Minimal();
  other["id"] = "urn:uuid:2";
  const AnnotationParseResult r =
      ParseAnnotations(json::array({Minimal(), other, Minimal(), changed}).dump());
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(Lines(r.errors));
  ASSERT_EQ(r.annotations.size(), 2u);
  EXPECT_EQ(r.annotations[0].id, "urn:uuid:1");
  EXPECT_EQ(r.annotations[1].id, "urn:uuid:2");
  ASSERT_EQ(r.annotations[0].tags.size(), 1u);  // the newest version leads
  EXPECT_EQ(r.annotations[0].tags[0].name, "later");
  EXPECT_EQ(r.annotations[0].conflicts.size(), 1u);
  EXPECT_EQ(Lines(r.warnings),
            (std::vector<std::string>{
                "[2].id: the same id as [0]: the same annotation twice, kept once",
                "[3].id: the same id as [0]: kept as one annotation with conflicting versions"}));
}

// What Lectern writes it reads back: no ceiling on the size of an annotation file (the old one was
// 32 MB), only the memory it takes.
TEST(ParseAnnotations, NoSizeCeiling) {
  const std::string huge = "[" + std::string(33u << 20, ' ') + "]";
  const AnnotationParseResult r = ParseAnnotations(huge);
  EXPECT_EQ(r.container, "array");
  EXPECT_TRUE(r.errors.empty()) << ::testing::PrintToString(Lines(r.errors));
}

TEST(ParseAnnotations, ContainersPageArrayAndSingle) {
  json page = {{"@context", "http://www.w3.org/ns/anno.jsonld"},
               {"type", "AnnotationPage"},
               {"items", json::array({Minimal()})}};
  page["items"][0].erase("@context");  // inherited from the page
  AnnotationParseResult r = ParseAnnotations(page.dump());
  EXPECT_EQ(r.container, "AnnotationPage");
  EXPECT_EQ(r.annotations.size(), 1u);
  EXPECT_TRUE(r.errors.empty());

  json second = Minimal();
  second["id"] = "urn:uuid:2";
  r = ParseAnnotations(json::array({Minimal(), second}).dump());
  EXPECT_EQ(r.container, "array");
  EXPECT_EQ(r.annotations.size(), 2u);

  r = ParseOne(Minimal());
  EXPECT_EQ(r.container, "Annotation");
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_EQ(r.annotations[0].target.source, "https://example.org/a");

  json bare = Minimal();
  bare.erase("@context");  // nothing to inherit it from
  r = ParseAnnotations(json::array({bare}).dump());
  EXPECT_EQ(Lines(r.errors),
            std::vector<std::string>{
                "[0].@context: missing (expected http://www.w3.org/ns/anno.jsonld)"});

  json collection = {{"@context", "http://www.w3.org/ns/anno.jsonld"},
                     {"type", "AnnotationCollection"},
                     {"first", "https://example.org/page1"}};
  r = ParseAnnotations(collection.dump());
  EXPECT_EQ(Lines(r.errors),
            std::vector<std::string>{"first: the first page is not in the file, only its IRI"});
}

TEST(ParseAnnotations, MustViolations) {
  auto errors_of = [](const json& a) { return Lines(ParseOne(a).errors); };
  json a = Minimal();
  a["@context"] = "http://example.org/other.jsonld";
  EXPECT_EQ(errors_of(a), std::vector<std::string>{"@context: not the W3C annotation context "
                                                   "http://www.w3.org/ns/anno.jsonld"});
  a = Minimal();
  a["@context"] = json::array({"https://www.w3.org/ns/anno.jsonld", {{"x", "urn:x:"}}});
  EXPECT_TRUE(errors_of(a).empty());  // by https, and in an array: accepted
  a = Minimal();
  a["type"] = "Note";
  EXPECT_EQ(ParseAnnotations(json::array({a}).dump()).errors[0].ToString(),
            "[0].type: not 'Annotation'");
  a = Minimal();
  a["id"] = "not an iri";
  EXPECT_EQ(errors_of(a), std::vector<std::string>{"id: not an IRI"});
  a = Minimal();
  a["modified"] = json::array({"2024-01-01T00:00:00Z", "2024-01-02T00:00:00Z"});
  EXPECT_EQ(errors_of(a).size(), 1u);
  a = Minimal();
  a["rights"] = "all rights reserved";
  EXPECT_EQ(errors_of(a), std::vector<std::string>{"rights: not an IRI or a list of IRIs"});
  a = Minimal();
  a["canonical"] = json::array({"urn:a:1", "urn:a:2"});
  EXPECT_EQ(errors_of(a), std::vector<std::string>{"canonical: not one IRI"});
  a = Minimal();
  a["target"] = json::array({a["target"], a["target"]});
  EXPECT_EQ(errors_of(a),
            std::vector<std::string>{"target: several targets: Lectern annotates one passage"});
  a = Minimal();
  a["target"]["selector"][0]["exact"] = "";
  EXPECT_EQ(errors_of(a), std::vector<std::string>{"target.selector[0].exact: empty: no quote"});
  a = Minimal();
  a["target"]["selector"][1]["end"] = 1e12;
  EXPECT_EQ(errors_of(a).at(0).rfind("target.selector[1].end: out of range", 0), 0u);
  a = Minimal();
  a["target"]["selector"][1]["start"] = 6.5;
  EXPECT_EQ(errors_of(a), std::vector<std::string>{"target.selector[1].start: not a whole number"});
  a = Minimal();
  a["body"] = json::array({{{"type", "Unknown"}}});
  EXPECT_EQ(errors_of(a),
            std::vector<std::string>{"body[0]: not a body the W3C model recognises (no value, id, "
                                     "source or items)"});
}

// Found by annotations_parse_fuzzer: a selector whose type is a number threw out of the parser.
TEST(ParseAnnotations, ASelectorTypeThatIsNotAStringIsNoType) {
  json a = Minimal();
  a["target"]["selector"][1]["type"] = 5;
  AnnotationParseResult r;
  ASSERT_NO_THROW(r = ParseOne(a));
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(Lines(r.warnings),
            std::vector<std::string>{"target.selector[1]: a selector Lectern cannot pass on (no "
                                     "type); dropped"});
  a = Minimal();
  a["target"]["selector"][0]["type"] = json::array({"TextQuoteSelector"});
  ASSERT_NO_THROW(r = ParseOne(a));
  EXPECT_EQ(Lines(r.errors), std::vector<std::string>{"target.selector: no TextQuoteSelector"});
}

TEST(ParseAnnotations, KeepsWhatItDoesNotReadAndRepairsWhatItCan) {
  json a = Minimal();
  a["body"] = json::array(
      {{{"type", "TextualBody"}, {"purpose", "tagging"}, {"value", "x"}, {"schema:color", "red"}},
       {{"type", "TextualBody"}, {"purpose", "replying"}, {"value", "I agree"}},
       "https://example.org/related",
       {{"id", "https://example.org/image.png"}, {"type", "Image"}}});
  a["creator"] = json::array({"Ada", "Bob"});
  a["created"] = "2024-09-13T12:00:00+02:00";
  a["rights"] = "https://creativecommons.org/licenses/by/4.0/";
  a["target"]["selector"].push_back({{"type", "XPathSelector"}, {"value", "/p[1]"}});
  a["target"]["selector"].push_back({{"type", "MadeUpSelector"}});
  const AnnotationParseResult r = ParseOne(a);
  ASSERT_EQ(r.annotations.size(), 1u) << ::testing::PrintToString(Lines(r.errors));
  const Annotation& x = r.annotations[0];
  EXPECT_EQ(x.tags, (std::vector<AnnotationTag>{{"x", ""}}));
  EXPECT_EQ(json::parse(x.other_bodies_json).size(), 3u);  // the reply, the link, the image
  EXPECT_EQ(x.creator.name, "Ada");
  EXPECT_EQ(x.created, "2024-09-13T10:00:00Z");
  EXPECT_EQ(json::parse(x.other_properties_json)["rights"],
            "https://creativecommons.org/licenses/by/4.0/");
  EXPECT_EQ(json::parse(x.target.other_selectors_json).size(), 1u);
  EXPECT_EQ(Lines(r.warnings),
            (std::vector<std::string>{
                "body[0].schema:color: not a colour (#rrggbb); dropped",
                "target.selector[3]: a selector Lectern cannot pass on (unknown type "
                "'MadeUpSelector'); dropped",
                "creator: several creators: only the first is kept"}));
  // And they come back out.
  const json out = json::parse(AnnotationToJson(x));
  EXPECT_EQ(out["body"].size(), 4u);
  EXPECT_EQ(out["target"]["selector"].size(), 3u);
  EXPECT_EQ(out["rights"], "https://creativecommons.org/licenses/by/4.0/");
}

// Found by tests/fuzz/annotations_parse_fuzzer: with a second position kept, dropping the first
// (it disagrees with the quote) made the second the position of the next read, which dropped it.
TEST(ParseAnnotations, ReadsTheSameAnnotationBackAfterDroppingAPosition) {
  json a = Minimal();
  a["target"]["selector"][1]["end"] = 12;
  a["target"]["selector"].push_back({{"type", "TextPositionSelector"}, {"start", 0}, {"end", 2}});
  const AnnotationParseResult r = ParseOne(a);
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_FALSE(r.annotations[0].target.has_position);
  EXPECT_EQ(Lines(r.warnings),
            (std::vector<std::string>{
                "target.selector[2]: a second TextPositionSelector; dropped",
                "target.selector[1]: spans 6 code points but the quote has 5; position dropped"}));
  const std::string written = AnnotationToJson(r.annotations[0]);
  const AnnotationParseResult again = ParseAnnotations(written);
  ASSERT_EQ(again.annotations.size(), 1u);
  EXPECT_TRUE(again.warnings.empty());
  EXPECT_EQ(AnnotationToJson(again.annotations[0]), written);
}

TEST(ParseAnnotations, BodyValueIsANote) {
  json a = Minimal();
  a["bodyValue"] = "A plain note";
  const AnnotationParseResult r = ParseOne(a);
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_EQ(r.annotations[0].note, "A plain note");
  const json out = json::parse(AnnotationToJson(r.annotations[0]));
  EXPECT_FALSE(out.contains("bodyValue"));
  EXPECT_EQ(out["body"][0]["purpose"], "commenting");
}

TEST(ParseAnnotations, PositionsCountCodePoints) {
  // "𝔸 is" : 𝔸 is one code point (two UTF-16 units, four bytes).
  json a = Minimal();
  a["target"]["selector"] =
      json::array({{{"type", "TextQuoteSelector"}, {"exact", "\xF0\x9D\x94\xB8 is"}},
                   {{"type", "TextPositionSelector"}, {"start", 0}, {"end", 4}}});
  AnnotationParseResult r = ParseOne(a);
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_TRUE(r.annotations[0].target.has_position);
  // A position counted in UTF-16 units (5) disagrees with the quote: it is dropped, with a warning.
  a["target"]["selector"][1]["end"] = 5;
  r = ParseOne(a);
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_FALSE(r.annotations[0].target.has_position);
  EXPECT_EQ(Lines(r.warnings),
            std::vector<std::string>{"target.selector[1]: spans 5 code points but the quote has 4; "
                                     "position dropped"});
}

TEST(ParseAnnotations, IrisArePercentEncoded) {
  json a = Minimal();
  a["target"]["source"] = "https://example.org/caf\xC3\xA9 au lait";
  const AnnotationParseResult r = ParseOne(a);
  ASSERT_EQ(r.annotations.size(), 1u);
  EXPECT_EQ(r.annotations[0].target.source, "https://example.org/caf%C3%A9%20au%20lait");
}

TEST(ParseAnnotations, ManyErrorsAreSummedUp) {
  json items = json::array();
  for (int i = 0; i < 1500; ++i) items.push_back(json::object());
  const AnnotationParseResult r = ParseAnnotations(items.dump());
  ASSERT_EQ(r.errors.size(), 1001u);
  EXPECT_EQ(r.errors.back().ToString().rfind("and ", 0), 0u);
}

TEST(ParseAnnotations, NeverThrowsOnTruncatedFiles) {
  const std::string text = Fixture("alice.json");
  for (std::size_t n = 0; n < text.size(); n += 97) {
    EXPECT_NO_THROW(ParseAnnotations(text.substr(0, n))) << n;
  }
}

TEST(ParseAnnotations, MutatedFilesNeverThrowAndWhatIsKeptRoundTrips) {
  const std::string text = Fixture("bob.json");
  std::uint32_t seed = 12345;
  auto next = [&seed] {
    seed = seed * 1664525u + 1013904223u;  // a fixed LCG: the same mutations on every run
    return seed >> 8;
  };
  const std::string alphabet = "{}[]\",:0-e\\ aZ\xC3\xA9";
  for (int round = 0; round < 400; ++round) {
    std::string m = text;
    for (int k = 0; k < 1 + round % 5; ++k) {
      const std::size_t at = next() % m.size();
      switch (next() % 3) {
        case 0:
          m[at] = alphabet[next() % alphabet.size()];
          break;
        case 1:
          m.erase(at, 1 + next() % 20);
          break;
        default:
          m.insert(at, 1 + next() % 3, alphabet[next() % alphabet.size()]);
      }
    }
    AnnotationParseResult r;
    ASSERT_NO_THROW(r = ParseAnnotations(m)) << round;
    for (const Annotation& a : r.annotations) {
      const AnnotationParseResult again = ParseAnnotations(AnnotationToJson(a));
      EXPECT_TRUE(again.errors.empty()) << round << ": " << AnnotationToJson(a);
      ASSERT_EQ(again.annotations.size(), 1u) << round;
      EXPECT_EQ(AnnotationToJson(again.annotations[0]), AnnotationToJson(a)) << round;
    }
  }
}

}  // namespace
}  // namespace lectern
