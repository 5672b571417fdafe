#include "html_text.h"

#include <gtest/gtest.h>

namespace lectern {
namespace {

TEST(ExtractHtmlText, KeepsTextDropsCodeAndMarkup) {
  const HtmlText page = ExtractHtmlText(
      "<!DOCTYPE html><html><head><title>Site | Story</title>"
      "<script>alert('x')</script><style>p{color:red}</style></head>"
      "<body onload=\"steal()\"><nav>Home | World</nav>"
      "<h1>Big &amp; bold</h1><p>First   paragraph,<br>same one.</p>"
      "<p onclick=\"evil()\">Second &#8220;quoted&#8221; &mdash; end.</p>"
      "<footer>Copyright</footer></body></html>");
  EXPECT_EQ(page.title, "Big & bold");
  EXPECT_EQ(page.text,
            "Big & bold\n\nFirst paragraph,\nsame one.\n\n"
            "Second \u201Cquoted\u201D \u2014 end.");
  EXPECT_EQ(page.text.find("alert"), std::string::npos);
  EXPECT_EQ(page.text.find("steal"), std::string::npos);
}

TEST(ExtractHtmlText, ReadsMetadata) {
  const HtmlText page = ExtractHtmlText(
      "<html><head><meta property=\"og:title\" content=\"Putin &amp; Wang meet\">"
      "<meta property=\"og:site_name\" content=\"China Daily\">"
      "<meta property=\"article:published_time\" content=\"2024-09-13T13:57:00+08:00\">"
      "<link rel=\"canonical\" href=\"https://example.org/a.html\"></head>"
      "<body><p>Text.</p></body></html>");
  EXPECT_EQ(page.title, "Putin & Wang meet");
  EXPECT_EQ(page.source, "China Daily");
  EXPECT_EQ(page.date, "2024-09-13T13:57:00+08:00");
  EXPECT_EQ(page.url, "https://example.org/a.html");
}

TEST(ExtractHtmlText, PrefersTheArticleElement) {
  const std::string body(400, 'x');
  const HtmlText page = ExtractHtmlText("<div>Menu Menu Menu</div><article><p>" + body +
                                        "</p></article><div>Related stories</div>");
  EXPECT_EQ(page.text, body);
}

TEST(ExtractHtmlText, SurvivesBrokenMarkup) {
  EXPECT_EQ(ExtractHtmlText("a < b and <p unclosed").text, "a < b and");
  EXPECT_EQ(ExtractHtmlText("<script>never closed").text, "");
  EXPECT_EQ(ExtractHtmlText("<!-- comment").text, "");
  EXPECT_EQ(ExtractHtmlText("").text, "");
  EXPECT_EQ(ExtractHtmlText("<p title='x>y'>z</p>").text, "z");
}

TEST(DecodeEntities, DecodesNamedAndNumeric) {
  EXPECT_EQ(DecodeEntities("&lt;a&gt; &amp;amp; &#65;&#x42; &unknown; &#xD800; & x"),
            "<a> &amp; AB &unknown; \uFFFD & x");
  EXPECT_EQ(DecodeEntities("&#128512;"), "\U0001F600");
}

}  // namespace
}  // namespace lectern
