// BuildEntityIndex: the seeds' shared entities (seed 000 from China Daily, 001 from KUNA), the
// user's merge/split/alias edits, no articles.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <utility>
#include <vector>

#include "lectern/entities.h"
#include "lectern/reading.h"
#include "source_files.h"

namespace lectern {
namespace {

EntityArticle Seed(const std::string& name) {
  const ReadResult r = ReadFile(testing::ReadSource("shared/seeds/" + name), name, ReadOptions());
  EXPECT_EQ(r.articles.size(), 1u);
  if (r.articles.empty()) return {};
  const Article& a = r.articles[0];
  EntityOptions options;
  options.date = a.date;
  return {a.id, a.source, a.date, FindEntities(a.body, options)};
}

const std::vector<EntityArticle>& Seeds() {
  static const std::vector<EntityArticle> seeds = {Seed("000_c1e1a87b767bdb0e.txt"),
                                                   Seed("001_cac242e89444e96e.txt")};
  return seeds;
}

const IndexedEntity* Entry(const std::vector<IndexedEntity>& index, const std::string& id) {
  for (const IndexedEntity& e : index) {
    if (e.entity == id) return &e;
  }
  return nullptr;
}

TEST(EntityIndex, SeedsShareChinaAndWangYi) {
  const std::vector<IndexedEntity> index = BuildEntityIndex(Seeds());
  ASSERT_FALSE(index.empty());
  for (const char* id : {"PER:wang yi", "LOC:china"}) {
    const IndexedEntity* e = Entry(index, id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_EQ(e->articles, (std::vector<std::string>{Seeds()[0].id, Seeds()[1].id})) << id;
    EXPECT_EQ(e->outlets, (std::vector<std::string>{"China Daily", "KUNA"})) << id;
    EXPECT_EQ(e->first, "2024-09-13");
    EXPECT_EQ(e->last, "2024-09-13");
    EXPECT_GE(e->mentions, 3u) << id;
  }
  const IndexedEntity* wang = Entry(index, "PER:wang yi");
  EXPECT_EQ(wang->name, "Wang Yi");  // the longest form, though "Wang" is written too
  EXPECT_EQ(wang->type, "PER");
  for (std::size_t i = 1; i < index.size(); ++i) {
    EXPECT_TRUE(index[i - 1].mentions > index[i].mentions ||
                (index[i - 1].mentions == index[i].mentions && index[i - 1].name <= index[i].name));
  }
}

TEST(EntityIndex, SurnameLinksKunasPutin) {
  // KUNA's rewrite drops "Putin" from "Vladimir Putin" ("Russian President Vladimir Friday"), so
  // it writes only "Putin": the index joins it to the one full name ending with it.
  const std::vector<IndexedEntity> index = BuildEntityIndex(Seeds());
  EXPECT_EQ(Entry(index, "PER:putin"), nullptr);
  const IndexedEntity* putin = Entry(index, "PER:vladimir putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->name, "Vladimir Putin");
  EXPECT_EQ(putin->articles, (std::vector<std::string>{Seeds()[0].id, Seeds()[1].id}));
  EXPECT_EQ(putin->outlets, (std::vector<std::string>{"China Daily", "KUNA"}));
  EXPECT_EQ(putin->linked, std::vector<std::string>{"PER:putin"});
  // A split keeps KUNA's "Putin" apart (the user says it is someone else).
  EntityEdits edits;
  edits.split = {{"PER:putin", {Seeds()[1].id}, "PER:putin (kuna)"}};
  const std::vector<IndexedEntity> split = BuildEntityIndex(Seeds(), edits);
  ASSERT_NE(Entry(split, "PER:putin (kuna)"), nullptr);
  EXPECT_EQ(Entry(split, "PER:vladimir putin")->articles, std::vector<std::string>{Seeds()[0].id});
}

TEST(EntityIndex, SurnameLinksOnlyWhenOneFullNameEndsWithIt) {
  const std::map<std::string, std::string> links =
      LinkSurnames({"PER:putin", "PER:vladimir putin", "PER:wang", "PER:wang yi", "PER:yi",
                    "PER:li yi", "PER:xi", "LOC:china", "LOC:south china", "PER:"});
  EXPECT_EQ(links, (std::map<std::string, std::string>{{"PER:putin", "PER:vladimir putin"}}));
}

TEST(EntityIndex, MergeJoinsIds) {
  const std::vector<IndexedEntity> before = BuildEntityIndex(Seeds());
  const IndexedEntity putin = *Entry(before, "PER:vladimir putin");
  const IndexedEntity wang = *Entry(before, "PER:wang yi");
  EntityEdits edits;
  edits.merge = {{"PER:vladimir putin", "PER:wang yi"}};
  const std::vector<IndexedEntity> after = BuildEntityIndex(Seeds(), edits);
  EXPECT_EQ(after.size(), before.size() - 1);
  EXPECT_EQ(Entry(after, "PER:wang yi"), nullptr);
  const IndexedEntity* merged = Entry(after, "PER:vladimir putin");
  ASSERT_NE(merged, nullptr);
  EXPECT_EQ(merged->mentions, putin.mentions + wang.mentions);
  EXPECT_EQ(merged->name, "Vladimir Putin");
}

TEST(EntityIndex, MergeIsTransitive) {
  EntityEdits edits;
  edits.merge = {{"PER:vladimir putin", "PER:wang yi"}, {"PER:wang yi", "LOC:china"}};
  const std::vector<IndexedEntity> after = BuildEntityIndex(Seeds(), edits);
  EXPECT_EQ(Entry(after, "LOC:china"), nullptr);
  EXPECT_EQ(Entry(after, "PER:wang yi"), nullptr);
  EXPECT_NE(Entry(after, "PER:vladimir putin"), nullptr);
}

TEST(EntityIndex, SplitMovesOneArticlesMentions) {
  const IndexedEntity china = *Entry(BuildEntityIndex(Seeds()), "LOC:china");
  EntityEdits edits;
  edits.split = {{"LOC:china", {Seeds()[1].id}, "LOC:china (kuna)"}};
  const std::vector<IndexedEntity> after = BuildEntityIndex(Seeds(), edits);
  const IndexedEntity* kept = Entry(after, "LOC:china");
  const IndexedEntity* moved = Entry(after, "LOC:china (kuna)");
  ASSERT_NE(kept, nullptr);
  ASSERT_NE(moved, nullptr);
  EXPECT_EQ(kept->articles, std::vector<std::string>{Seeds()[0].id});
  EXPECT_EQ(kept->outlets, std::vector<std::string>{"China Daily"});
  EXPECT_EQ(moved->articles, std::vector<std::string>{Seeds()[1].id});
  EXPECT_EQ(moved->outlets, std::vector<std::string>{"KUNA"});
  EXPECT_EQ(kept->mentions + moved->mentions, china.mentions);
}

TEST(EntityIndex, AliasMovesAFormToAnEntity) {
  EntityEdits edits;
  edits.alias = {{"WANG", "PER:wang (someone else)"}};
  const std::vector<IndexedEntity> after = BuildEntityIndex(Seeds(), edits);
  for (const auto& [id, name] :
       {std::pair<std::string, std::string>{"PER:wang (someone else)", "Wang"},
        {"PER:wang yi", "Wang Yi"}}) {
    const IndexedEntity* e = Entry(after, id);
    ASSERT_NE(e, nullptr) << id;
    EXPECT_EQ(e->name + " " + e->type, name + " PER");
  }
}

TEST(EntityIndex, EmptyCollectionAndEmptyIds) {
  EXPECT_TRUE(BuildEntityIndex({}).empty());
  EntityArticle a;
  a.id = "a";
  a.mentions.push_back({{0, 3}, "PER", "Bob", "", ""});
  EntityEdits edits;
  edits.merge = {{}, {"", "PER:x"}};
  edits.split = {{"", {}, ""}};
  edits.alias = {{"", "PER:x"}};
  EXPECT_TRUE(BuildEntityIndex({a}, edits).empty());
}

TEST(EntityIndex, UnknownDatesAndOutletsAreLeftOut) {
  EntityArticle a, b;
  a.id = "a";
  b.id = "b";
  b.source = "Reuters";
  b.date = "2024-01-02";
  a.mentions.push_back({{0, 5}, "LOC", "Paris", "LOC:paris", ""});
  b.mentions = a.mentions;
  const std::vector<IndexedEntity> index = BuildEntityIndex({a, b});
  ASSERT_EQ(index.size(), 1u);
  EXPECT_EQ(index[0].outlets, std::vector<std::string>{"Reuters"});
  EXPECT_EQ(index[0].first, "2024-01-02");
  EXPECT_EQ(index[0].last, "2024-01-02");
  EXPECT_EQ(index[0].articles, (std::vector<std::string>{"a", "b"}));
}

}  // namespace
}  // namespace lectern
