#include "org_chains.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tokenize.h"

namespace lectern::entities {
namespace {

// The text of the single ORG mention after extension, given the tokens it starts with.
std::string Extended(const std::string& text, std::size_t first, std::size_t last,
                     const std::string& type = "ORG") {
  const std::vector<Span> tokens = Tokenize(text);
  std::vector<Mention> ms = {{first, last, type, ""}};
  ExtendOrganisations(text, tokens, &ms);
  return text.substr(tokens[ms[0].first].start,
                     tokens[ms[0].last - 1].end - tokens[ms[0].first].start);
}

TEST(ExtendOrganisations, TakesInTheHeadNounBeforeOf) {
  // director of the Office of the Central Commission for Foreign Affairs
  const std::string t = "director of the Office of the Central Commission for Foreign Affairs";
  EXPECT_EQ(Extended(t, 6, 11), "Office of the Central Commission for Foreign Affairs");
  const std::string u = "a member of the Political Bureau of the Communist Party";
  EXPECT_EQ(Extended(u, 8, 10), "Political Bureau of the Communist Party");
}

TEST(ExtendOrganisations, LeavesOtherNamesAlone) {
  const std::string t = "the Chairman of the Federal Reserve Board said";
  EXPECT_EQ(Extended(t, 4, 7), "Federal Reserve Board");  // "Chairman" is no organisation
  EXPECT_EQ(Extended("the Bank of England", 3, 4, "LOC"), "England");  // only ORG grows
  EXPECT_EQ(Extended("Office of Fair Trading", 2, 4), "Office of Fair Trading");
}

}  // namespace
}  // namespace lectern::entities
