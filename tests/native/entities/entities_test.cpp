// FindEntities end to end: a seed article, linking, and the inputs that must not flood.
#include "lectern/entities.h"

#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "lectern/reading.h"
#include "source_files.h"

namespace lectern {
namespace {

Article Seed(const std::string& name) {
  const std::string bytes = testing::ReadSource("shared/seeds/" + name);
  const ReadResult r = ReadFile(bytes, name, ReadOptions());
  EXPECT_EQ(r.articles.size(), 1u);
  return r.articles.empty() ? Article() : r.articles[0];
}

std::vector<EntityMention> Find(const Article& a) {
  EntityOptions o;
  o.date = a.date;
  return FindEntities(a.body, o);
}

const EntityMention* Mention(const std::vector<EntityMention>& ms, const std::string& text,
                             std::size_t nth = 0) {
  for (const EntityMention& m : ms) {
    if (m.text == text && nth-- == 0) return &m;
  }
  return nullptr;
}

TEST(FindEntities, Seed000PeoplePlacesAndDates) {
  const Article a = Seed("000_c1e1a87b767bdb0e.txt");
  ASSERT_EQ(a.date, "2024-09-13");
  const std::vector<EntityMention> ms = Find(a);
  const EntityMention* wang_yi = Mention(ms, "Wang Yi");
  ASSERT_NE(wang_yi, nullptr);
  EXPECT_EQ(wang_yi->type, "PER");
  const EntityMention* wang = Mention(ms, "Wang");  // "Putin asked Wang to convey ..."
  ASSERT_NE(wang, nullptr);
  EXPECT_EQ(wang->type, "PER");
  EXPECT_EQ(wang->entity, wang_yi->entity);
  EXPECT_EQ(wang->entity, "PER:wang yi");
  const EntityMention* putin = Mention(ms, "Putin");
  ASSERT_NE(putin, nullptr);
  EXPECT_EQ(putin->type, "PER");
  EXPECT_EQ(putin->entity, "PER:vladimir putin");
  const EntityMention* thursday = Mention(ms, "Thursday");
  ASSERT_NE(thursday, nullptr);
  EXPECT_EQ(thursday->type, "DATE");
  EXPECT_EQ(thursday->value, "2024-09-12");
  const EntityMention* next_month = Mention(ms, "next month");
  ASSERT_NE(next_month, nullptr);
  EXPECT_EQ(next_month->value, "2024-10");
  const EntityMention* kazan = Mention(ms, "Kazan");  // "the BRICS leaders' summit in Kazan"
  ASSERT_NE(kazan, nullptr);
  EXPECT_EQ(kazan->type, "LOC");
  const EntityMention* china = Mention(ms, "China");
  ASSERT_NE(china, nullptr);
  EXPECT_EQ(china->type, "LOC");
  // Spans are the text they claim, in order, without overlaps.
  std::size_t end = 0;
  for (const EntityMention& m : ms) {
    EXPECT_GE(m.span.start, end);
    EXPECT_EQ(a.body.substr(m.span.start, m.span.end - m.span.start), m.text);
    end = m.span.end;
  }
}

// GeoNames has a town called Xinhua: the organisation lexicon comes first (a user saw the agency
// tagged LOC): in a dateline and as a sentence's subject.
TEST(FindEntities, NewsAgenciesAreOrganisations) {
  for (const std::string text :
       {"BEIJING, Sept. 13 (Xinhua) -- Chinese President Xi Jinping met Vladimir Putin.",
        "Xinhua reports that the talks went well."}) {
    const std::vector<EntityMention> ms = FindEntities(text, {});
    const EntityMention* xinhua = Mention(ms, "Xinhua");
    ASSERT_NE(xinhua, nullptr) << text;
    EXPECT_EQ(xinhua->type, "ORG") << text;
  }
}

TEST(FindEntities, NameKeepsOneTypeAndLinksToItsLongestForm) {
  const std::string text =
      "Angela Merkel met Emmanuel Macron in Paris on Monday. Later Merkel flew to Berlin, and "
      "Macron stayed in Paris.";
  const std::vector<EntityMention> ms = FindEntities(text, {});
  const EntityMention* merkel = Mention(ms, "Merkel");
  ASSERT_NE(merkel, nullptr);
  EXPECT_EQ(merkel->entity, "PER:angela merkel");
  const EntityMention* paris1 = Mention(ms, "Paris", 0);
  const EntityMention* paris2 = Mention(ms, "Paris", 1);
  ASSERT_NE(paris1, nullptr);
  ASSERT_NE(paris2, nullptr);
  EXPECT_EQ(paris1->type, paris2->type);
  EXPECT_EQ(paris1->entity, paris2->entity);
}

TEST(FindEntities, InventsNothingInOtherScriptsOrLowerCase) {
  EXPECT_TRUE(FindEntities("Президент России Владимир Путин в четверг встретился с Ван И в "
                           "Санкт-Петербурге.")
                  .empty());
  EXPECT_TRUE(FindEntities("俄罗斯总统普京周四在圣彼得堡会见了王毅。").empty());
  EXPECT_TRUE(FindEntities("التقى الرئيس الروسي فلاديمير بوتين وانغ يي في سانت بطرسبرغ.").empty());
  std::string lower;
  for (int i = 0; i < 200; ++i) lower += "the minister said the talks in the city went well. ";
  EXPECT_TRUE(FindEntities(lower).empty());
}

TEST(FindEntities, AllCapsHeadlinesDoNotFlood) {
  const std::string text =
      "RUSSIA TO WORK WITH CHINA FOR A FAIR ORDER, SAYS OFFICIAL AT BIG SUMMIT MEETING TODAY\n\n"
      "Russia will work with China, President Vladimir Putin said.";
  const std::vector<EntityMention> ms = FindEntities(text, {});
  std::size_t in_headline = 0;
  for (const EntityMention& m : ms) {
    if (m.span.end <= text.find('\n') && m.type != "DATE") ++in_headline;
  }
  EXPECT_LE(in_headline, 2u);  // at most RUSSIA and CHINA, which the text confirms
  for (const EntityMention& m : ms) {
    if (m.span.end <= text.find('\n') && m.type != "DATE") EXPECT_EQ(m.type, "LOC") << m.text;
  }
}

TEST(FindEntities, HugeArticleIsLinearAndDeterministic) {
  const Article a = Seed("000_c1e1a87b767bdb0e.txt");
  std::string big;
  while (big.size() < 1'300'000) big += a.body + "\n\n";  // about 200,000 words
  const auto t0 = std::chrono::steady_clock::now();
  const std::vector<EntityMention> ms = FindEntities(big, {});
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_GT(ms.size(), 1000u);
  EXPECT_LT(seconds, 30.0);  // generous for sanitizer builds; about 1 s in Release
  const std::vector<EntityMention> again = FindEntities(a.body, {});
  const std::vector<EntityMention> once = FindEntities(a.body, {});
  ASSERT_EQ(again.size(), once.size());
  for (std::size_t i = 0; i < once.size(); ++i) {
    EXPECT_EQ(again[i].span, once[i].span);
    EXPECT_EQ(again[i].entity, once[i].entity);
  }
}

TEST(FindEntities, SurvivesInvalidUtf8AndEmptyText) {
  EXPECT_TRUE(FindEntities("", {}).empty());
  const std::vector<EntityMention> ms = FindEntities("Wang \xff\xfe Yi met \xc3 Putin.", {});
  for (const EntityMention& m : ms) EXPECT_LE(m.span.end, 27u);
  EXPECT_FALSE(EntityModelDescription().empty());
}

}  // namespace
}  // namespace lectern
