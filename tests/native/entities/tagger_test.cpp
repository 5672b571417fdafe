// Viterbi on toy scores and the compiled-in model's header.
#include <gtest/gtest.h>

#include <array>
#include <cstring>
#include <vector>

#include "model.h"
#include "tag_features.h"
#include "viterbi.h"

namespace lectern::entities {
namespace {

using Row = std::array<float, kTagCount>;

TEST(EntityViterbi, FollowsEmissionsAndTransitions) {
  // Token 0 prefers B-PER, token 1 prefers I-PER a little, token 2 O.
  std::vector<Row> em = {{0, 5, 0, 0, 0, 0, 0}, {1, 0, 2, 0, 0, 0, 0}, {3, 0, 0, 0, 0, 0, 1}};
  const auto none = [](int, int) { return 0.0f; };
  EXPECT_EQ(Viterbi(em, none), (std::vector<int>{1, 2, 0}));
  // A transition penalty on B-PER → I-PER outweighs token 1's preference.
  const auto costly = [](int p, int t) { return p == 1 && t == 2 ? -5.0f : 0.0f; };
  EXPECT_EQ(Viterbi(em, costly), (std::vector<int>{1, 0, 0}));
}

TEST(EntityViterbi, NeverStartsInsideAnEntity) {
  std::vector<Row> em = {{0, 0, 9, 0, 0, 0, 0}, {0, 0, 0, 0, 9, 0, 0}};
  const std::vector<int> tags = Viterbi(em, [](int, int) { return 0.0f; });
  EXPECT_NE(tags[0], 2);  // I-PER cannot open a sentence
  EXPECT_TRUE(Allowed(tags[0], tags[1]));
  EXPECT_TRUE(Viterbi({}, [](int, int) { return 0.0f; }).empty());
}

TEST(EntityModel, BuiltinLoadsAndNamesItsRecipe) {
  const Model& m = Model::Builtin();
  ASSERT_FALSE(m.empty());
  EXPECT_NE(m.description().find("averaged perceptron"), std::string::npos);
  EXPECT_NE(m.description().find("data "), std::string::npos);
  EXPECT_NE(m.description().find("trained "), std::string::npos);
  EXPECT_NE(m.Flags("london") & kPlace, 0);
  EXPECT_NE(m.Flags("table") & kDictionary, 0);
  // A news agency, not the GeoNames town of the same name.
  EXPECT_EQ(m.Flags("xinhua") & (kOrganisation | kPlace), kOrganisation);
}

TEST(EntityModel, WrittenModelRoundTripsAndBadHeadersAreRefused) {
  std::vector<float> w(std::size_t{kTagCount} << 8, 0.0f);
  w[3 * kTagCount + 1] = 2.0f;
  const std::vector<float> trans((kTagCount + 1) * kTagCount, 0.5f);
  const std::vector<unsigned char> bytes =
      WriteModel("toy", 8, w, trans, {{Fnv1a("x"), {8, 17}}, {Fnv1a("z"), {64, 0}}});
  Model m;
  std::string error;
  ASSERT_TRUE(m.Parse(bytes.data(), bytes.size(), &error)) << error;
  EXPECT_EQ(m.description(), "toy");
  EXPECT_EQ(m.Flags("x"), 8);
  EXPECT_EQ(m.Flags("y"), 0);
  EXPECT_EQ(m.Lookup("x").cluster, 17);
  EXPECT_EQ(m.Lookup("z").flags, 64);
  EXPECT_EQ(m.Lookup("z").cluster, 0);
  EXPECT_EQ(m.Lookup("y").cluster, 0);
  EXPECT_FLOAT_EQ(m.Transition(-1, 0), 0.5f);
  Row scores{};
  m.Score({3}, &scores);
  EXPECT_NEAR(scores[1], 2.0f, 0.02f);
  EXPECT_FALSE(m.Parse(bytes.data(), bytes.size() - 1, &error));  // truncated
  std::vector<unsigned char> bad = bytes;
  bad[0] = 'X';
  EXPECT_FALSE(m.Parse(bad.data(), bad.size(), &error));
  bad = bytes;
  bad[4] = 1;  // version 1 had 4-byte hashes and no clusters
  EXPECT_FALSE(m.Parse(bad.data(), bad.size(), &error));
}

}  // namespace
}  // namespace lectern::entities
