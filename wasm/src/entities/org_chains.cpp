#include "org_chains.h"

#include <array>

#include "tag_features.h"

namespace lectern::entities {
namespace {

constexpr std::size_t kLongestHead = 4;  // capitalised words before "of"

bool IsHeadNoun(std::string_view lower) {
  static constexpr std::array<std::string_view, 36> kHeads = {
      "office",       "bureau",     "ministry",    "department",  "university", "bank",
      "institute",    "council",    "committee",   "commission",  "board",      "party",
      "association",  "federation", "union",       "league",      "agency",     "school",
      "college",      "court",      "academy",     "church",      "museum",     "society",
      "foundation",   "centre",     "center",      "corporation", "company",    "organization",
      "organisation", "authority",  "secretariat", "parliament",  "assembly",   "chamber"};
  for (std::string_view h : kHeads) {
    if (lower == h) return true;
  }
  return false;
}

bool Capitalised(std::string_view w) { return !w.empty() && w[0] >= 'A' && w[0] <= 'Z'; }

}  // namespace

void ExtendOrganisations(std::string_view text, const std::vector<Span>& tokens,
                         std::vector<Mention>* mentions) {
  const auto word = [&](std::size_t i) {
    return text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
  };
  std::size_t previous_end = 0;  // no extension may reach into the mention before
  for (Mention& m : *mentions) {
    const std::size_t floor = previous_end;
    previous_end = m.last;
    if (m.type != "ORG" || m.first < floor + 2) continue;
    std::size_t k = m.first;  // tokens [k, m.first) are "of" or "of the"
    if (AsciiLower(word(k - 1)) == "the" && k >= floor + 3) --k;
    if (word(k - 1) != "of") continue;
    --k;
    // The run of capitalised words before "of", its last one a head noun.
    if (k == floor || !IsHeadNoun(AsciiLower(word(k - 1)))) continue;
    std::size_t start = k - 1;
    while (start > floor && k - start < kLongestHead && Capitalised(word(start - 1))) --start;
    while (start < k && !Capitalised(word(start))) ++start;
    if (start == k) continue;
    m.first = start;
  }
}

}  // namespace lectern::entities
