// Tests of the diff's callouts from the caller's mentions (lectern/diff.h,
// CalloutSource::kMentions): a dropped person, a changed place, a changed date value, a dateline
// edit left out, numbers still called out, and mentions that break the contract refused. The
// mentions are written here by hand, so these tests do not depend on the entity tagger
// (tests/native/api covers the two together).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "diff_checks.h"
#include "lectern/diff.h"

namespace lectern {
namespace {

// The mention of `written` (its first occurrence at or after `from`) in `text`.
NotableSpan Mention(std::string_view text, std::string_view written, NotableType type,
                    std::string id, std::string value = "", std::size_t from = 0) {
  const std::size_t at = text.find(written, from);
  EXPECT_NE(at, std::string_view::npos) << written;
  return {{at, at + written.size()}, type, std::move(id), std::move(value)};
}

DiffOptions FromMentions(std::vector<NotableSpan> a, std::vector<NotableSpan> b) {
  DiffOptions o;
  o.callouts = CalloutSource::kMentions;
  o.a_mentions = std::move(a);
  o.b_mentions = std::move(b);
  return o;
}

bool HasTyped(const DiffGroup& g, const std::string& kind, const std::string& type,
              const std::string& a, const std::string& b) {
  for (const NotableChange& c : g.changes) {
    if (c.kind == kind && c.type == type && c.a == a && c.b == b) return true;
  }
  return false;
}

TEST(DiffCalloutsTest, DroppedPersonIsCalledOutWithItsType) {
  const std::string a = "Russian President Vladimir Putin voiced willingness to work with China.";
  const std::string b = "Russian President Vladimir voiced willingness to work with China.";
  const TextDiff d = DiffTexts(
      a, b,
      FromMentions({Mention(a, "Vladimir Putin", NotableType::kPerson, "PER:vladimir putin"),
                    Mention(a, "China", NotableType::kPlace, "LOC:china")},
                   {Mention(b, "China", NotableType::kPlace, "LOC:china")}));
  ExpectWellFormed(a, b, d);
  const DiffGroup& g = OnlyGroup(d);
  ASSERT_EQ(g.changes.size(), 1u);
  EXPECT_TRUE(HasTyped(g, "name", "PER", "Vladimir Putin", ""));
}

TEST(DiffCalloutsTest, ChangedPlaceIsAPlaceForAPlace) {
  const std::string a = "Talks were held in Geneva with Wang Yi.";
  const std::string b = "Talks were held in Vienna with Wang Yi.";
  const TextDiff d =
      DiffTexts(a, b,
                FromMentions({Mention(a, "Geneva", NotableType::kPlace, "LOC:geneva"),
                              Mention(a, "Wang Yi", NotableType::kPerson, "PER:wang yi")},
                             {Mention(b, "Vienna", NotableType::kPlace, "LOC:vienna"),
                              Mention(b, "Wang Yi", NotableType::kPerson, "PER:wang yi")}));
  const DiffGroup& g = OnlyGroup(d);
  ASSERT_EQ(g.changes.size(), 1u);
  EXPECT_TRUE(HasTyped(g, "name", "LOC", "Geneva", "Vienna"));
}

TEST(DiffCalloutsTest, PlaceReplacedByAnOrganisationIsADropAndAnAdd) {
  const std::string a = "The statement came from Geneva on Monday.";
  const std::string b = "The statement came from Reuters on Monday.";
  const TextDiff d =
      DiffTexts(a, b,
                FromMentions({Mention(a, "Geneva", NotableType::kPlace, "LOC:geneva")},
                             {Mention(b, "Reuters", NotableType::kOrganisation, "ORG:reuters")}));
  const DiffGroup& g = OnlyGroup(d);
  ASSERT_EQ(g.changes.size(), 2u);
  EXPECT_TRUE(HasTyped(g, "name", "ORG", "", "Reuters"));
  EXPECT_TRUE(HasTyped(g, "name", "LOC", "Geneva", ""));
}

TEST(DiffCalloutsTest, DatesCompareByValue) {
  const std::string a = "Putin spoke on Thursday in St. Petersburg.";
  const std::string b = "Putin spoke on Friday in St. Petersburg.";
  const std::string c = "Putin spoke on Sept. 12 in St. Petersburg.";
  auto date = [](std::string_view text, std::string_view written, std::string value) {
    return Mention(text, written, NotableType::kDate, "", std::move(value));
  };
  const TextDiff changed = DiffTexts(
      a, b, FromMentions({date(a, "Thursday", "2024-09-12")}, {date(b, "Friday", "2024-09-13")}));
  ASSERT_EQ(OnlyGroup(changed).changes.size(), 1u);
  EXPECT_TRUE(HasTyped(OnlyGroup(changed), "date", "DATE", "Thursday", "Friday"));
  // Thursday, September 12: the same date written another way is no change, and its day is no
  // number of its own.
  const TextDiff same = DiffTexts(
      a, c, FromMentions({date(a, "Thursday", "2024-09-12")}, {date(c, "Sept. 12", "2024-09-12")}));
  EXPECT_FALSE(OnlyGroup(same).words.empty());
  EXPECT_TRUE(OnlyGroup(same).changes.empty());
  // Without values, dates compare by their text.
  const TextDiff unresolved =
      DiffTexts(a, b, FromMentions({date(a, "Thursday", "")}, {date(b, "Friday", "")}));
  EXPECT_TRUE(HasTyped(OnlyGroup(unresolved), "date", "DATE", "Thursday", "Friday"));
}

TEST(DiffCalloutsTest, DatelineEditIsNotAChange) {
  const std::string a = "ST. PETERSBURG - Putin met Wang Yi on Thursday.";
  const std::string b = "BEIJING, Sept 13 (KUNA) -- Putin met Wang Yi on Thursday.";
  const std::vector<NotableSpan> ma = {
      Mention(a, "ST. PETERSBURG", NotableType::kPlace, "LOC:st. petersburg"),
      Mention(a, "Putin", NotableType::kPerson, "PER:putin"),
      Mention(a, "Wang Yi", NotableType::kPerson, "PER:wang yi"),
      Mention(a, "Thursday", NotableType::kDate, "", "2024-09-12")};
  const std::vector<NotableSpan> mb = {
      Mention(b, "BEIJING", NotableType::kPlace, "LOC:beijing"),
      Mention(b, "Sept 13", NotableType::kDate, "", "2024-09-13"),
      Mention(b, "KUNA", NotableType::kOrganisation, "ORG:kuna"),
      Mention(b, "Putin", NotableType::kPerson, "PER:putin"),
      Mention(b, "Wang Yi", NotableType::kPerson, "PER:wang yi"),
      Mention(b, "Thursday", NotableType::kDate, "", "2024-09-12")};
  // Without the datelines marked quiet, their place, date and agency are changes...
  const TextDiff loud = DiffTexts(a, b, FromMentions(ma, mb));
  EXPECT_TRUE(HasTyped(OnlyGroup(loud), "name", "LOC", "ST. PETERSBURG", "BEIJING"));
  EXPECT_TRUE(HasTyped(OnlyGroup(loud), "name", "ORG", "", "KUNA"));
  // ...with them, nothing is.
  DiffOptions quiet = FromMentions(ma, mb);
  quiet.a_quiet = {{0, a.find(" Putin")}};
  quiet.b_quiet = {{0, b.find(" Putin")}};
  const TextDiff d = DiffTexts(a, b, quiet);
  EXPECT_FALSE(OnlyGroup(d).words.empty());
  EXPECT_TRUE(OnlyGroup(d).changes.empty());
  // Quiet stretches silence capitalised words and numbers as well.
  DiffOptions words;
  words.a_quiet = quiet.a_quiet;
  words.b_quiet = quiet.b_quiet;
  EXPECT_FALSE(OnlyGroup(DiffTexts(a, b)).changes.empty());
  EXPECT_TRUE(OnlyGroup(DiffTexts(a, b, words)).changes.empty());
}

TEST(DiffCalloutsTest, NumbersAreStillCalledOutButNotInsideDates) {
  const std::string a = "Oil rose 3.5 pct on Sept 12 in London.";
  const std::string b = "Oil rose 4.0 pct on Sept 13 in London.";
  const TextDiff d =
      DiffTexts(a, b,
                FromMentions({Mention(a, "Sept 12", NotableType::kDate, "", "2024-09-12"),
                              Mention(a, "London", NotableType::kPlace, "LOC:london")},
                             {Mention(b, "Sept 13", NotableType::kDate, "", "2024-09-13"),
                              Mention(b, "London", NotableType::kPlace, "LOC:london")}));
  const DiffGroup& g = OnlyGroup(d);
  ASSERT_EQ(g.changes.size(), 2u);
  EXPECT_TRUE(HasTyped(g, "number", "", "3.5", "4.0"));
  EXPECT_TRUE(HasTyped(g, "date", "DATE", "Sept 12", "Sept 13"));
}

TEST(DiffCalloutsTest, SameEntityWrittenOtherwiseOrMovedIsNoChange) {
  const std::string a = "Putin thanked Wang Yi for the talks in Beijing.";
  const std::string b = "Wang Yi was thanked by Vladimir Putin for the talks in Beijing.";
  const TextDiff d = DiffTexts(
      a, b,
      FromMentions({Mention(a, "Putin", NotableType::kPerson, "PER:vladimir putin"),
                    Mention(a, "Wang Yi", NotableType::kPerson, "PER:wang yi"),
                    Mention(a, "Beijing", NotableType::kPlace, "LOC:beijing")},
                   {Mention(b, "Wang Yi", NotableType::kPerson, "PER:wang yi"),
                    Mention(b, "Vladimir Putin", NotableType::kPerson, "PER:vladimir putin"),
                    Mention(b, "Beijing", NotableType::kPlace, "LOC:beijing")}));
  EXPECT_FALSE(OnlyGroup(d).words.empty());
  EXPECT_TRUE(OnlyGroup(d).changes.empty());
  // Capitalised words see "Vladimir" and the moved names as changes.
  EXPECT_FALSE(OnlyGroup(DiffTexts(a, b)).changes.empty());
}

TEST(DiffCalloutsTest, MentionCutShortIsChangedNotDropped) {
  const std::string a = "He met a member of the Political Bureau of the Party in Moscow.";
  const std::string b = "He met a member of the Bureau of the Party in Moscow.";
  const TextDiff d = DiffTexts(
      a, b,
      FromMentions({Mention(a, "Political Bureau of the Party", NotableType::kOrganisation,
                            "ORG:political bureau of the party")},
                   {Mention(b, "Bureau of the Party", NotableType::kOrganisation,
                            "ORG:bureau of the party")}));
  const DiffGroup& g = OnlyGroup(d);
  ASSERT_EQ(g.changes.size(), 1u);
  EXPECT_TRUE(HasTyped(g, "name", "ORG", "Political Bureau of the Party", "Bureau of the Party"));
}

TEST(DiffCalloutsTest, CapitalisedWordsHaveNoType) {
  const TextDiff d = DiffTexts("Talks were held in Geneva.", "Talks were held in Vienna.");
  EXPECT_TRUE(HasTyped(OnlyGroup(d), "name", "", "Geneva", "Vienna"));
  // Mentions given for the capitalised-word source are ignored.
  DiffOptions ignored;
  ignored.a_mentions = {{{0, 5}, NotableType::kPerson, "PER:talks", ""}};
  EXPECT_TRUE(HasTyped(
      OnlyGroup(DiffTexts("Talks were held in Geneva.", "Talks were held in Vienna.", ignored)),
      "name", "", "Geneva", "Vienna"));
}

TEST(DiffCalloutsTest, MentionsAndQuietStretchesOutOfContractAreRefused) {
  const std::string a = "Putin met Wang Yi.", b = "Putin met Wang.";
  DiffOptions overlapping = FromMentions(
      {{{0, 9}, NotableType::kPerson, "", ""}, {{6, 12}, NotableType::kPerson, "", ""}}, {});
  EXPECT_THROW(DiffTexts(a, b, overlapping), std::invalid_argument);
  DiffOptions outside = FromMentions({}, {{{10, 99}, NotableType::kPerson, "", ""}});
  EXPECT_THROW(DiffTexts(a, b, outside), std::invalid_argument);
  DiffOptions quiet;
  quiet.b_quiet = {{5, 3}};
  EXPECT_THROW(DiffTexts(a, b, quiet), std::invalid_argument);
  EXPECT_NO_THROW(DiffTexts(a, b, FromMentions({}, {})));
}

}  // namespace
}  // namespace lectern
