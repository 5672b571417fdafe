// Exports (W3C AnnotationCollection) and readable reports (Markdown, HTML), including text that
// looks like markup staying plain data.
#include <gtest/gtest.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lectern/annotations.h"
#include "test_util.h"

namespace lectern {
namespace {

using nlohmann::json;
using testing::FixtureAnnotations;

const char kHash[] = "21f62f9bbc305e68df5ce18555d2a02a9f8bfe7bbee0e71fd7ce0032e6af89fa";

Annotation Hostile() {
  Annotation a;
  a.id = "urn:uuid:00000000-0000-4000-8000-000000000666";
  a.target.source = "javascript:alert(1)";
  a.target.title = "<script>alert('title')</script>";
  a.target.exact = "</blockquote><script>alert('quote')</script>";
  a.tags = {{"\"><img src=x onerror=alert(1)>", "#ff0000"}};
  a.note = "# Heading\n1. <b>bold</b> & [link](javascript:alert(2))\n- item";
  a.note_format = "text/markdown";
  a.creator.name = "<i>Mallory</i>";
  return a;
}

TEST(ExportAnnotationCollection, IsAW3CCollectionWithItsPage) {
  const std::vector<Annotation> alice = FixtureAnnotations("alice.json");
  const json c = json::parse(ExportAnnotationCollection(alice));
  EXPECT_EQ(c["@context"], "http://www.w3.org/ns/anno.jsonld");
  EXPECT_EQ(c["type"], "AnnotationCollection");
  EXPECT_EQ(c["label"], "Lectern annotations");
  EXPECT_EQ(c["total"], 4);
  EXPECT_EQ(c["id"].get<std::string>().rfind("urn:uuid:", 0), 0u);
  EXPECT_EQ(c["first"]["type"], "AnnotationPage");
  EXPECT_EQ(c["first"]["partOf"], c["id"]);
  EXPECT_EQ(c["first"]["startIndex"], 0);
  ASSERT_EQ(c["first"]["items"].size(), 4u);
  const json& a = c["first"]["items"][0];
  EXPECT_EQ(a["@context"], "http://www.w3.org/ns/anno.jsonld");
  EXPECT_EQ(a["type"], "Annotation");
  EXPECT_EQ(a["target"]["source"]["id"], std::string("urn:sha256:") + kHash);
  EXPECT_EQ(a["target"]["source"]["schema:sha256"], kHash);
  EXPECT_EQ(a["target"]["selector"][0]["type"], "TextQuoteSelector");
  EXPECT_EQ(a["target"]["selector"][1]["type"], "TextPositionSelector");
  EXPECT_EQ(a["body"][0], json({{"type", "TextualBody"},
                                {"purpose", "tagging"},
                                {"value", "events"},
                                {"schema:color", "#3366ff"}}));
  EXPECT_EQ(a["body"][1]["purpose"], "commenting");
  EXPECT_EQ(a["creator"],
            json({{"id", "mailto:alice@example.org"}, {"name", "Alice"}, {"type", "Person"}}));
  // The same annotations give the same file, id included.
  EXPECT_EQ(ExportAnnotationCollection(alice), ExportAnnotationCollection(alice));
}

// Written piece by piece (a 40 MB merge never held whole), the text is still what one JSON dump
// of the collection gives, its id still named by the label and the items' compact JSON.
TEST(ExportAnnotationCollection, StreamsTheSameTextAsOneDump) {
  std::vector<Annotation> all = FixtureAnnotations("alice.json");
  all.push_back(Hostile());
  for (const AnnotationExportOptions& options :
       {AnnotationExportOptions{}, AnnotationExportOptions{"", "no such tag", ""},
        AnnotationExportOptions{kHash, "", ""}}) {
    std::vector<std::string> pieces;
    WriteAnnotationCollection(all, options, [&](std::string_view p) { pieces.emplace_back(p); });
    std::string text;
    std::size_t largest = 0;
    for (const std::string& p : pieces) {
      text += p;
      largest = std::max(largest, p.size());
    }
    const json c = json::parse(text);
    EXPECT_EQ(text, c.dump(2) + "\n");
    EXPECT_EQ(text, ExportAnnotationCollection(all, options));
    EXPECT_EQ(c["id"], NameBasedUrnUuid("lectern:collection\n" + c["label"].get<std::string>() +
                                        "\n" + c["first"]["items"].dump()));
    EXPECT_EQ(c["total"], c["first"]["items"].size());
    if (!c["first"]["items"].empty()) EXPECT_LT(largest * 2, text.size());
  }
}

TEST(ExportAnnotationCollection, RoundTripsThroughParse) {
  std::vector<Annotation> alice = FixtureAnnotations("alice.json");
  alice.push_back(Hostile());
  const AnnotationParseResult again = ParseAnnotations(ExportAnnotationCollection(alice));
  EXPECT_TRUE(again.errors.empty());
  ASSERT_EQ(again.annotations.size(), alice.size());
  for (std::size_t i = 0; i < alice.size(); ++i) {
    EXPECT_EQ(AnnotationToJson(again.annotations[i]), AnnotationToJson(alice[i])) << i;
  }
}

TEST(ExportAnnotationCollection, FiltersByArticleAndTag) {
  std::vector<Annotation> all = FixtureAnnotations("alice.json");
  all.push_back(Hostile());
  auto total = [&](const AnnotationExportOptions& o) {
    return json::parse(ExportAnnotationCollection(all, o))["total"].get<int>();
  };
  EXPECT_EQ(total({}), 5);
  EXPECT_EQ(total({kHash, "", ""}), 4);
  EXPECT_EQ(total({std::string(kHash).substr(0, 16), "", ""}), 4);  // the page's article key
  EXPECT_EQ(total({std::string("urn:sha256:") + kHash, "", ""}), 4);
  EXPECT_EQ(total({"javascript:alert(1)", "", ""}), 1);
  EXPECT_EQ(total({"", "politics", ""}), 1);
  EXPECT_EQ(total({kHash, "nope", ""}), 0);
  const json c = json::parse(ExportAnnotationCollection(all, {kHash, "politics", ""}));
  EXPECT_EQ(c["label"],
            "Lectern annotations on \u201cHarbour city reopens its old fish market after three "
            "years\u201d tagged \u201cpolitics\u201d");
  EXPECT_EQ(json::parse(ExportAnnotationCollection(all, {"", "", "Mine"}))["label"], "Mine");
  EXPECT_EQ(json::parse(ExportAnnotationCollection({}, {}))["total"], 0);
}

TEST(AnnotationReport, MarkdownGroupsByArticleAndEscapes) {
  std::vector<Annotation> all = FixtureAnnotations("alice.json");
  all.push_back(Hostile());
  const std::string md = AnnotationReportMarkdown(all);
  EXPECT_EQ(md.rfind("# Lectern annotations\n\n5 annotations on 2 articles.\n", 0), 0u);
  EXPECT_NE(md.find("## Harbour city reopens its old fish market after three years"),
            std::string::npos);
  EXPECT_NE(md.find("> reopened on Saturday after three years of repairs"), std::string::npos);
  EXPECT_NE(md.find("- Tags: events"), std::string::npos);
  EXPECT_NE(md.find("- by Alice, 2024-09-14T08:00:00Z"), std::string::npos);
  // Markup from annotations is escaped: no raw HTML tag, no Markdown structure of its own.
  EXPECT_EQ(md.find("<script"), std::string::npos);
  EXPECT_EQ(md.find("<img"), std::string::npos);
  EXPECT_EQ(md.find("<b>"), std::string::npos);
  EXPECT_NE(md.find("&lt;script&gt;alert('tag')&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(md.find("- Note: \\# Heading\n  1\\. &lt;b&gt;bold&lt;/b&gt; &amp; \\[link\\]"),
            std::string::npos);
  EXPECT_EQ(md.find("(javascript:"), md.find("(javascript:alert(2))"));  // only inside the note
  EXPECT_EQ(md.find("<javascript:"), std::string::npos);                 // not made a link
  // Articles in title order, reading order within them.
  EXPECT_LT(md.find("&lt;script&gt;alert('title')"), md.find("## Harbour"));
  EXPECT_LT(md.find("> reopened"), md.find("> grilled sardines"));
}

TEST(AnnotationReport, HtmlEscapesEverythingAndForbidsScripts) {
  std::vector<Annotation> all = FixtureAnnotations("alice.json");
  all.push_back(Hostile());
  const std::string html = AnnotationReportHtml(all, {"", "", "<Report & \"co\">"});
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("content=\"default-src 'none'; style-src 'unsafe-inline'\""),
            std::string::npos);
  EXPECT_NE(html.find("<title>&lt;Report &amp; &quot;co&quot;&gt;</title>"), std::string::npos);
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("<img"), std::string::npos);
  EXPECT_EQ(html.find("<b>"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_EQ(html.find("</blockquote><script"), std::string::npos);
  EXPECT_NE(html.find("&lt;/blockquote&gt;&lt;script&gt;alert(&#39;quote&#39;)"),
            std::string::npos);
  EXPECT_EQ(html.find("href=\"javascript"), std::string::npos);
  EXPECT_NE(html.find("<p class=\"source\">javascript:alert(1)</p>"), std::string::npos);
  EXPECT_NE(html.find("<span class=\"tag\" style=\"background:#3366ff;color:#fff\">events</span>"),
            std::string::npos);
  // A colour that is not #rrggbb never reaches a style attribute.
  Annotation bad = Hostile();
  bad.tags = {{"t", "#fff;background:url(https://evil.example/x)"}};
  const std::string bad_html = AnnotationReportHtml({bad});
  EXPECT_EQ(bad_html.find("evil.example"), std::string::npos);
  EXPECT_NE(bad_html.find("<span class=\"tag\">t</span>"), std::string::npos);
}

TEST(AnnotationReport, ShowsConflictingVersions) {
  const AnnotationMergeResult m =
      MergeAnnotations(FixtureAnnotations("alice.json"), FixtureAnnotations("bob.json"));
  const std::string md = AnnotationReportMarkdown(m.annotations);
  EXPECT_NE(md.find("- Conflicting version by Alice, 2024-09-14T08:10:00Z; tags: quote, politics; "
                    "note: Strong words."),
            std::string::npos);
  const std::string html = AnnotationReportHtml(m.annotations);
  EXPECT_NE(html.find("<div class=\"conflict\">"), std::string::npos);
}

}  // namespace
}  // namespace lectern
