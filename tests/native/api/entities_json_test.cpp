// Tests of EntitiesJson (lectern/api.h): offsets in each unit, the date option, errors as {error},
// invalid UTF-8 still giving JSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "lectern/api.h"

namespace lectern {
namespace {

using json = nlohmann::json;

TEST(EntitiesJson, OffsetsInEachUnitAndDateValues) {
  // U+1F600 is 1 code point, 2 UTF-16 units, 4 bytes.
  const std::string text = "\xF0\x9F\x98\x80 Angela Merkel visited Paris on Thursday.";
  const json cp =
      json::parse(EntitiesJson(text, R"({"offsetUnit":"codepoint","date":"2024-09-13"})"));
  const json u16 = json::parse(EntitiesJson(text, R"({"date":"2024-09-13"})"));
  const json u8 = json::parse(EntitiesJson(text, R"({"offsetUnit":"utf8"})"));
  ASSERT_TRUE(cp.is_array());
  ASSERT_FALSE(cp.empty());
  ASSERT_EQ(cp.size(), u16.size());
  ASSERT_EQ(cp.size(), u8.size());
  for (std::size_t i = 0; i < cp.size(); ++i) {
    EXPECT_EQ(u16[i]["start"].get<int>(), cp[i]["start"].get<int>() + 1);
    EXPECT_EQ(u8[i]["start"].get<int>(), cp[i]["start"].get<int>() + 3);
    const std::string written = cp[i]["text"];
    EXPECT_EQ(text.substr(u8[i]["start"].get<std::size_t>(),
                          u8[i]["end"].get<std::size_t>() - u8[i]["start"].get<std::size_t>()),
              written);
  }
  bool thursday = false;
  for (const json& m : cp) {
    if (m["text"] == "Thursday") {
      thursday = true;
      EXPECT_EQ(m["type"], "DATE");
      EXPECT_EQ(m["value"], "2024-09-12");
    } else {
      EXPECT_FALSE(m.contains("value"));
    }
  }
  EXPECT_TRUE(thursday);
}

TEST(EntitiesJson, BadOptionsAndBadBytes) {
  EXPECT_TRUE(json::parse(EntitiesJson("Paris", "{bad")).contains("error"));
  EXPECT_TRUE(json::parse(EntitiesJson("Paris", R"({"offsetUnit":"words"})")).contains("error"));
  EXPECT_TRUE(json::parse(EntitiesJson("", "")).empty());
  const json j = json::parse(EntitiesJson("Angela Merkel \xff visited Paris.", ""));
  EXPECT_TRUE(j.is_array());
}

}  // namespace
}  // namespace lectern
