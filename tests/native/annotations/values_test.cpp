// The values of the annotation model (lectern/annotations.h): times, IRIs, colours and ids.
#include <gtest/gtest.h>

#include <string>

#include "lectern/annotations.h"

namespace lectern {
namespace {

TEST(AnnotationUtil, TimesNormaliseToUtc) {
  EXPECT_EQ(ParseUtcTime("2024-09-13T12:30:00+02:00")->text, "2024-09-13T10:30:00Z");
  EXPECT_EQ(ParseUtcTime("2024-01-01T00:30:00.1234+0100")->text, "2023-12-31T23:30:00.123Z");
  EXPECT_EQ(ParseUtcTime("2024-02-29t23:59z")->text, "2024-02-29T23:59:00Z");
  bool date_only = false;
  EXPECT_EQ(ParseUtcTime("2024-09-13", &date_only)->text, "2024-09-13T00:00:00Z");
  EXPECT_TRUE(date_only);
  EXPECT_LT(ParseUtcTime("2024-09-13T10:00:00Z")->millis,
            ParseUtcTime("2024-09-13T10:00:00.500Z")->millis);
  for (const char* bad :
       {"yesterday", "2024-02-30T00:00:00Z", "2024-09-13T10:00:00", "2024-9-13",
        "2024-09-13T25:00:00Z", "2024-09-13T10:00:00+2", "", "2024-09-13T10:00Zx"}) {
    EXPECT_FALSE(ParseUtcTime(bad)) << bad;
  }
}

TEST(AnnotationUtil, IrisColoursAndIds) {
  EXPECT_EQ(*ToUri("https://example.org/a b?q=\"x\"#f#g"),
            "https://example.org/a%20b?q=%22x%22#f%23g");
  EXPECT_EQ(*ToUri("https://example.org/caf\xC3\xA9"), "https://example.org/caf%C3%A9");
  EXPECT_EQ(*ToUri("urn:uuid:123"), "urn:uuid:123");
  EXPECT_EQ(*ToUri("https://e.org/100%25"), "https://e.org/100%25");
  EXPECT_EQ(*ToUri("https://e.org/100%"), "https://e.org/100%25");
  EXPECT_FALSE(ToUri("example.org/a"));
  EXPECT_FALSE(ToUri("not an iri"));
  EXPECT_FALSE(ToUri("1http://x"));
  EXPECT_EQ(*NormaliseColor("#FC0"), "#ffcc00");
  EXPECT_EQ(*NormaliseColor("#A1b2C3"), "#a1b2c3");
  for (const char* bad : {"red", "#12345", "#ggg", "#fff;background:url(x)", ""}) {
    EXPECT_FALSE(NormaliseColor(bad)) << bad;
  }
  const std::string id = NameBasedUrnUuid("x");
  EXPECT_EQ(id, NameBasedUrnUuid("x"));
  EXPECT_NE(id, NameBasedUrnUuid("y"));
  ASSERT_EQ(id.size(), 45u);
  EXPECT_EQ(id[23], '8');                                          // version 8
  EXPECT_NE(std::string("89ab").find(id[28]), std::string::npos);  // RFC 9562 variant
}

}  // namespace
}  // namespace lectern
