#include "titles.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tokenize.h"

namespace lectern::entities {
namespace {

// "text:type" of each mention after AddTitledPeople on `text` with the mentions given.
std::vector<std::string> After(const std::string& text, std::vector<Mention> ms) {
  const std::vector<Span> tokens = Tokenize(text);
  AddTitledPeople(text, tokens, &ms);
  std::vector<std::string> out;
  for (const Mention& m : ms) {
    const std::size_t a = tokens[m.first].start;
    out.push_back(text.substr(a, tokens[m.last - 1].end - a) + ":" + m.type);
  }
  return out;
}

using V = std::vector<std::string>;

TEST(AddTitledPeople, NamesAfterTitlesArePeople) {
  EXPECT_EQ(After("wishes to Chinese President Xi Jinping, expecting", {}), V{"Xi Jinping:PER"});
  EXPECT_EQ(After("Mr. Smith met Mrs. Jones", {}), (V{"Smith:PER", "Jones:PER"}));
}

TEST(AddTitledPeople, KeepsTaggedMentionsAndSkipsNonNames) {
  // "Putin" is already tagged: nothing doubles it.
  EXPECT_EQ(After("President Putin said", {{1, 2, "PER", ""}}), V{"Putin:PER"});
  EXPECT_EQ(After("the president said", {}), V{});
  EXPECT_EQ(After("President BRICS", {}), V{});                   // shouted: no name
  EXPECT_EQ(After("President Of The Very Long Title", {}), V{});  // more than three words
}

}  // namespace
}  // namespace lectern::entities
