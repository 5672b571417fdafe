// lectern/lectern.h, the umbrella, holds every public header of the core and compiles on its own.
#include <gtest/gtest.h>

#include "lectern/lectern.h"

namespace lectern {
namespace {

TEST(Umbrella, DeclaresEveryLibrary) {
  EXPECT_STREQ(OffsetUnitName(OffsetUnit::kUtf16), "utf16");                 // text
  EXPECT_EQ(SplitParagraphs("a\n\nb").size(), 2u);                           // segment
  EXPECT_EQ(ArticleFromPlainText("A sentence.", "x").sentences.size(), 1u);  // reading
  EXPECT_EQ(StoryIndex().size(), 0u);                                        // dedup
  EXPECT_TRUE(DiffTexts("", "").groups.empty());                             // diff
  EXPECT_FALSE(Anchor("", QuoteSelector{}).anchored);                        // anchoring
  EXPECT_TRUE(ParseAnnotations("[]").annotations.empty());                   // annotations
  EXPECT_STRNE(Version(), "");                                               // api
}

}  // namespace
}  // namespace lectern
