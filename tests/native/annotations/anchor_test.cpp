// Re-anchoring annotations into articles: by hash, then URL, then title, then any article; orphans
// reported, never dropped; offsets in code points with characters outside the BMP.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "lectern/annotations.h"
#include "lectern/hash.h"
#include "lectern/text.h"
#include "test_util.h"

namespace lectern {
namespace {

using testing::CodePointFind;
using testing::FixtureAnnotations;
using testing::FixtureArticle;

std::string Slice(const std::string& text, std::size_t start, std::size_t end) {
  const std::size_t b = CodePointToByte(text, start);
  return text.substr(b, CodePointToByte(text, end) - b);
}

TEST(AnchorAnnotations, SameTextAnchorsExactlyByHash) {
  const std::vector<Annotation> alice = FixtureAnnotations("alice.json");
  const std::vector<Article> articles = {FixtureArticle("article.txt")};
  const std::vector<AnnotationAnchor> r = AnchorAnnotations(alice, articles);
  ASSERT_EQ(r.size(), alice.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    EXPECT_EQ(r[i].id, alice[i].id);
    EXPECT_TRUE(r[i].anchored) << i;
    EXPECT_TRUE(r[i].exact) << i;
    EXPECT_EQ(r[i].match, "hash");
    EXPECT_EQ(r[i].article, "article.txt");
    EXPECT_EQ(r[i].article_index, 0u);
    EXPECT_EQ(r[i].start, alice[i].target.start) << i;
    EXPECT_EQ(Slice(articles[0].body, r[i].start, r[i].end), alice[i].target.exact) << i;
  }
  // 𝔸 and 🐟 are one code point each: the offsets count code points, not bytes or UTF-16 units.
  EXPECT_EQ(r[3].start, CodePointFind(articles[0].body, "\xF0\x9D\x94\xB8"));
  EXPECT_EQ(r[3].end - r[3].start, 1u);
  EXPECT_EQ(r[1].end - r[1].start, 18u);  // "grilled sardines 🐟"
}

TEST(AnchorAnnotations, EditedVersionFoundByTitleWithAnOrphan) {
  const std::vector<Annotation> alice = FixtureAnnotations("alice.json");
  const std::vector<Article> articles = {FixtureArticle("article-v2.txt")};
  const std::vector<AnnotationAnchor> r = AnchorAnnotations(alice, articles);
  ASSERT_EQ(r.size(), 4u);
  const std::string& body = articles[0].body;
  // The typo'd passage ("griled sardines") and the moved ones still anchor, in the right place.
  EXPECT_TRUE(r[1].anchored);
  EXPECT_EQ(r[1].match, "title");
  EXPECT_EQ(Slice(body, r[1].start, r[1].end), "griled sardines \xF0\x9F\x90\x9F");
  EXPECT_TRUE(r[3].anchored);
  EXPECT_EQ(r[3].start, CodePointFind(body, "\xF0\x9D\x94\xB8"));
  // The deleted sentence is an orphan: reported, tied to the article it belongs to.
  EXPECT_FALSE(r[2].anchored);
  EXPECT_EQ(r[2].id, alice[2].id);
  EXPECT_EQ(r[2].article, "article-v2.txt");
  EXPECT_EQ(r[2].match, "title");
  EXPECT_EQ(r[2].start, 0u);
  EXPECT_LT(r[2].score, 0.5);
}

TEST(AnchorAnnotations, PrefersTheSameTextOverAnotherVersion) {
  const std::vector<Annotation> alice = FixtureAnnotations("alice.json");
  const std::vector<Article> articles = {FixtureArticle("article-v2.txt"),
                                         FixtureArticle("article.txt")};
  for (const AnnotationAnchor& a : AnchorAnnotations(alice, articles)) {
    EXPECT_TRUE(a.anchored);
    EXPECT_EQ(a.article, "article.txt");
    EXPECT_EQ(a.article_index, 1u);
  }
}

TEST(AnchorAnnotations, SearchesEveryArticleWhenNothingElseLinksThem) {
  std::vector<Annotation> alice = FixtureAnnotations("alice.json");
  Article copy = FixtureArticle("article.txt");
  copy.id = "renamed";
  copy.title = "";
  copy.body += "\n\nA correction was appended.";  // another hash
  const std::vector<AnnotationAnchor> r = AnchorAnnotations(alice, {copy});
  EXPECT_TRUE(r[0].anchored);
  EXPECT_EQ(r[0].match, "search");
  EXPECT_EQ(r[0].article, "renamed");
}

TEST(AnchorAnnotations, OrphansWithoutArticles) {
  const std::vector<Annotation> alice = FixtureAnnotations("alice.json");
  const std::vector<AnnotationAnchor> none = AnchorAnnotations(alice, {});
  ASSERT_EQ(none.size(), 4u);
  for (const AnnotationAnchor& a : none) {
    EXPECT_FALSE(a.anchored);
    EXPECT_EQ(a.article, "");
    EXPECT_EQ(a.match, "");
    EXPECT_EQ(a.article_index, AnnotationAnchor::kNoArticle);
  }
  Article other = ArticleFromPlainText("Nothing to see here at all, nothing at all.", "other");
  for (const AnnotationAnchor& a : AnchorAnnotations(alice, {other})) EXPECT_FALSE(a.anchored);
}

TEST(AnchorAnnotations, AnchorsByUrl) {
  const std::string body = "Prices rose again in March.\n\nThe bank kept rates on hold.";
  Annotation a;
  a.id = "urn:uuid:1";
  a.target = TargetForRange(body, 29, 57, "https://news.example/rates", "Rates");
  Article article = ArticleFromPlainText(body + " Then it rained.", "x");
  article.url = "https://news.example/rates";
  const std::vector<AnnotationAnchor> r = AnchorAnnotations({a}, {article});
  EXPECT_TRUE(r[0].anchored);
  EXPECT_EQ(r[0].match, "url");
  EXPECT_EQ(r[0].start, 29u);
}

TEST(TargetForRange, DescribesAPassageInCodePoints) {
  const std::string body = "Say \xF0\x9F\x98\x80 hello, world.";  // "Say 😀 hello, world."
  const AnnotationTarget t = TargetForRange(body, 4, 12, "https://e.org/a b", "T");
  EXPECT_EQ(t.exact, "\xF0\x9F\x98\x80 hello,");
  EXPECT_EQ(t.prefix, "Say ");
  EXPECT_EQ(t.suffix, " world.");
  EXPECT_TRUE(t.has_position);
  EXPECT_EQ(t.start, 4u);
  EXPECT_EQ(t.end, 12u);
  EXPECT_EQ(t.content_hash, ContentHash(body));
  EXPECT_EQ(t.source, "https://e.org/a%20b");
  EXPECT_EQ(t.title, "T");
  EXPECT_EQ(TargetForRange(body, 100, 200).exact, "");  // clamped: nothing left
  EXPECT_EQ(TargetForRange(body, 5, 2).exact, "");
  EXPECT_EQ(TargetForRange(body, 0, 3, "not a url").source, "");
}

}  // namespace
}  // namespace lectern
