// Merging a colleague's annotations: duplicates recognised by id, conflicts kept side by side,
// authors collected, and the same result whichever side comes first.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "lectern/annotations.h"
#include "test_util.h"

namespace lectern {
namespace {

using nlohmann::json;
using testing::FixtureAnnotations;

const std::string kA1 = "urn:uuid:6c1b0f5e-1111-4a8e-9d0b-000000000001";
const std::string kA3 = "urn:uuid:6c1b0f5e-1111-4a8e-9d0b-000000000003";
const std::string kB1 = "urn:uuid:9f2e7c44-2222-4b1d-8e6a-000000000001";

std::vector<std::string> Json(const std::vector<Annotation>& annotations) {
  std::vector<std::string> out;
  for (const Annotation& a : annotations) out.push_back(AnnotationToJson(a));
  return out;
}

const Annotation& ById(const std::vector<Annotation>& list, const std::string& id) {
  for (const Annotation& a : list) {
    if (a.id == id) return a;
  }
  throw std::out_of_range(id);
}

TEST(MergeAnnotations, RecognisesDuplicatesAndKeepsConflicts) {
  const std::vector<Annotation> alice = FixtureAnnotations("alice.json");
  const std::vector<Annotation> bob = FixtureAnnotations("bob.json");
  const AnnotationMergeResult m = MergeAnnotations(alice, bob);
  EXPECT_EQ(m.annotations.size(), 5u);  // Alice's four and Bob's new one; no duplicates
  EXPECT_EQ(m.added, std::vector<std::string>{kB1});
  EXPECT_EQ(m.duplicates, std::vector<std::string>{kA1});
  EXPECT_EQ(m.conflicts, std::vector<std::string>{kA3});
  EXPECT_EQ(m.authors, (std::vector<AnnotationAgent>{{"mailto:alice@example.org", "Alice"},
                                                     {"mailto:bob@example.org", "Bob"}}));
  // The conflict: Bob's version is newer and leads; Alice's is kept beside it with her name.
  const Annotation& a3 = ById(m.annotations, kA3);
  EXPECT_EQ(a3.creator.name, "Bob");
  EXPECT_EQ(a3.note, "Strong words. Who said it: the opposition leader?");
  ASSERT_EQ(a3.conflicts.size(), 1u);
  EXPECT_EQ(a3.conflicts[0].creator.name, "Alice");
  EXPECT_EQ(a3.conflicts[0].note, "Strong words.");
  EXPECT_EQ(a3.conflicts[0].id, kA3);
  // Sorted by article, then reading order.
  std::size_t last = 0;
  for (const Annotation& a : m.annotations) {
    EXPECT_GE(a.target.start, last);
    last = a.target.start;
  }
}

TEST(MergeAnnotations, IsDeterministicAndSymmetric) {
  const std::vector<Annotation> alice = FixtureAnnotations("alice.json");
  const std::vector<Annotation> bob = FixtureAnnotations("bob.json");
  const AnnotationMergeResult ab = MergeAnnotations(alice, bob);
  const AnnotationMergeResult ba = MergeAnnotations(bob, alice);
  EXPECT_EQ(Json(ab.annotations), Json(ba.annotations));
  EXPECT_EQ(ExportAnnotationCollection(ab.annotations), ExportAnnotationCollection(ba.annotations));
  EXPECT_EQ(Json(MergeAnnotations(alice, bob).annotations), Json(ab.annotations));
}

TEST(MergeAnnotations, MergingAgainChangesNothing) {
  const std::vector<Annotation> bob = FixtureAnnotations("bob.json");
  const AnnotationMergeResult first = MergeAnnotations(FixtureAnnotations("alice.json"), bob);
  const AnnotationMergeResult again = MergeAnnotations(first.annotations, bob);
  EXPECT_EQ(Json(again.annotations), Json(first.annotations));
  EXPECT_TRUE(again.added.empty());
  EXPECT_TRUE(again.conflicts.empty());
  EXPECT_EQ(again.duplicates.size(), bob.size());
  // And through a file: conflicts survive export and import.
  const AnnotationParseResult file =
      ParseAnnotations(ExportAnnotationCollection(first.annotations));
  EXPECT_TRUE(file.errors.empty());
  EXPECT_EQ(Json(file.annotations), Json(first.annotations));
  EXPECT_EQ(ById(file.annotations, kA3).conflicts.size(), 1u);
}

TEST(MergeAnnotations, ThirdVersionJoinsTheConflict) {
  const AnnotationMergeResult first =
      MergeAnnotations(FixtureAnnotations("alice.json"), FixtureAnnotations("bob.json"));
  Annotation carol = ById(first.annotations, kA3);
  carol.conflicts.clear();
  carol.creator = {"mailto:carol@example.org", "Carol"};
  carol.note = "Carol's take";
  carol.modified = "2024-09-16T00:00:00Z";
  const AnnotationMergeResult m = MergeAnnotations(first.annotations, {carol});
  EXPECT_EQ(m.conflicts, std::vector<std::string>{kA3});
  const Annotation& a3 = ById(m.annotations, kA3);
  EXPECT_EQ(a3.creator.name, "Carol");
  ASSERT_EQ(a3.conflicts.size(), 2u);
  EXPECT_EQ(a3.conflicts[0].creator.name, "Bob");  // newest first
  EXPECT_EQ(a3.conflicts[1].creator.name, "Alice");
  EXPECT_EQ(m.authors.size(), 3u);
}

TEST(MergeAnnotations, EqualTimesAreBrokenByContent) {
  Annotation x = FixtureAnnotations("alice.json")[0];
  Annotation y = x;
  y.note = "another note, same time";
  const AnnotationMergeResult xy = MergeAnnotations({x}, {y});
  const AnnotationMergeResult yx = MergeAnnotations({y}, {x});
  ASSERT_EQ(xy.annotations.size(), 1u);
  EXPECT_EQ(Json(xy.annotations), Json(yx.annotations));
  EXPECT_EQ(xy.annotations[0].conflicts.size(), 1u);
}

TEST(MergeAnnotations, EmptySides) {
  const std::vector<Annotation> alice = FixtureAnnotations("alice.json");
  EXPECT_EQ(MergeAnnotations(alice, {}).annotations.size(), 4u);
  const AnnotationMergeResult m = MergeAnnotations({}, alice);
  EXPECT_EQ(m.added.size(), 4u);
  EXPECT_TRUE(MergeAnnotations({}, {}).annotations.empty());
}

}  // namespace
}  // namespace lectern
