// Tests of EntityIndexJson / ParseEntityEdits (lectern/api.h): the page's entity index and bad
// edits reported, never thrown past the JSON functions.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>

#include "lectern/api.h"

namespace lectern {
namespace {

using json = nlohmann::json;

const char* const kArticles =
    R"([{"id":"a","source":"Reuters","date":"2024-09-13","text":"Angela Merkel visited Paris."},)"
    R"({"id":"b","source":"AP","date":"2024-09-14","text":"Merkel left Paris on Friday."}])";

TEST(EntityIndexJson, IndexesArticles) {
  const json index = json::parse(EntityIndexJson(kArticles, ""));
  ASSERT_TRUE(index.is_array());
  const json* paris = nullptr;
  for (const json& e : index) {
    if (e["entity"] == "LOC:paris") paris = &e;
  }
  ASSERT_NE(paris, nullptr) << index.dump();
  EXPECT_EQ((*paris)["articles"], json::array({"a", "b"}));
  EXPECT_EQ((*paris)["outlets"], json::array({"AP", "Reuters"}));
  EXPECT_EQ((*paris)["first"], "2024-09-13");
  EXPECT_EQ((*paris)["last"], "2024-09-14");
  EXPECT_EQ((*paris)["mentions"], 2);
  EXPECT_EQ(json::parse(EntityIndexJson("[]", "")), json::array());
}

TEST(EntityIndexJson, AppliesEdits) {
  const json index = json::parse(
      EntityIndexJson(kArticles, R"({"alias":[{"text":"paris","entity":"LOC:paris, france"}]})"));
  ASSERT_TRUE(index.is_array());
  bool found = false;
  for (const json& e : index) {
    EXPECT_NE(e["entity"], "LOC:paris");
    if (e["entity"] == "LOC:paris, france") found = true;
  }
  EXPECT_TRUE(found);
}

TEST(EntityIndexJson, BadInputIsAnError) {
  for (const char* edits :
       {"{", "[]", R"({"merge":"x"})", R"({"merge":[[1]]})", R"({"split":[{"entity":3}]})",
        R"({"split":[{"articles":"a"}]})", R"({"alias":[7]})"}) {
    const json out = json::parse(EntityIndexJson(kArticles, edits));
    EXPECT_TRUE(out.is_object() && out.contains("error")) << edits;
    EXPECT_THROW(ParseEntityEdits(edits), std::invalid_argument) << edits;
  }
  for (const char* articles : {"", "{}", "[1]", R"([{"text":5}])"}) {
    const json out = json::parse(EntityIndexJson(articles, ""));
    EXPECT_TRUE(out.is_object() && out.contains("error")) << articles;
  }
}

TEST(ParseEntityEdits, ReadsEachKind) {
  const EntityEdits e =
      ParseEntityEdits(R"({"merge":[["a","b"]],"split":[{"entity":"a","articles":["x"],"as":"c"}],)"
                       R"("alias":[{"text":"A","entity":"a"}]})");
  ASSERT_EQ(e.merge.size(), 1u);
  EXPECT_EQ(e.merge[0], (std::vector<std::string>{"a", "b"}));
  ASSERT_EQ(e.split.size(), 1u);
  EXPECT_EQ(e.split[0].as, "c");
  EXPECT_EQ(e.split[0].articles, std::vector<std::string>{"x"});
  ASSERT_EQ(e.alias.size(), 1u);
  EXPECT_EQ(e.alias[0].text, "A");
  EXPECT_TRUE(ParseEntityEdits("").merge.empty());
  EXPECT_TRUE(ParseEntityEdits("{}").split.empty());
}

TEST(EntityIndexJson, TakesStoredMentionsInsteadOfText) {
  // The page keeps each article's mentions (corrected by the user) and sends them, not the text.
  const char* const stored =
      R"([{"id":"a","source":"AP","entities":[{"type":"PER","text":"Putin","entity":"PER:putin"}]},)"
      R"({"id":"b","entities":[{"type":"PER","text":"Putin","entity":"PER:putin"},)"
      R"({"type":"LOC","text":"Kazan","entity":"LOC:kazan"}]}])";
  const json index = json::parse(EntityIndexJson(stored, ""));
  ASSERT_TRUE(index.is_array()) << index.dump();
  ASSERT_EQ(index.size(), 2u);
  EXPECT_EQ(index[0]["entity"], "PER:putin");
  EXPECT_EQ(index[0]["articles"], json::array({"a", "b"}));
  EXPECT_EQ(index[0]["mentions"], 2);
  EXPECT_EQ(index[1]["entity"], "LOC:kazan");
  const json bad = json::parse(EntityIndexJson(R"([{"id":"a","entities":[{"type":1}]}])", ""));
  EXPECT_TRUE(bad.is_object() && bad.contains("error"));
}

TEST(ResolveEntitiesJson, GivesEachMentionItsIdAfterTheEdits) {
  const char* const stored =
      R"([{"id":"a","entities":[{"type":"PER","text":"Vladimir Putin","entity":"PER:vladimir putin"},)"
      R"({"type":"PER","text":"Putin","entity":"PER:putin"}]},)"
      R"({"id":"b","entities":[{"type":"PER","text":"Putin","entity":"PER:putin"}]}])";
  EXPECT_EQ(json::parse(ResolveEntitiesJson(stored, "")),
            json::parse(R"([["PER:vladimir putin","PER:putin"],["PER:putin"]])"));
  // Merged into the full name everywhere, then split off again in article b only.
  const json ids = json::parse(ResolveEntitiesJson(
      stored, R"({"merge":[["PER:vladimir putin","PER:putin"]],)"
              R"("split":[{"entity":"PER:putin","articles":["b"],"as":"PER:putin/b"}]})"));
  EXPECT_EQ(ids, json::parse(R"([["PER:vladimir putin","PER:vladimir putin"],["PER:putin/b"]])"));
  EXPECT_TRUE(json::parse(ResolveEntitiesJson("{}", "")).contains("error"));
}

}  // namespace
}  // namespace lectern
