// The rules that decide where a sentence ends: which places may end one (candidates: ICU's
// boundaries, and periods, lines, bullets, list items and ellipses ICU passed over) and whether
// each does. Internal to lectern_segment; sentences.cpp runs them over ICU's boundaries.
#ifndef LECTERN_SEGMENT_SENTENCE_RULES_H_
#define LECTERN_SEGMENT_SENTENCE_RULES_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace lectern::sentence {

// Where a sentence ends and the next one starts when a boundary is taken.
struct Cut {
  std::size_t end;
  std::size_t next;
};

// One place where a sentence may end.
struct Candidate {
  enum Kind : std::uint8_t {
    kIcu,       // ICU's sentence break
    kPeriod,    // a period and a capital that ICU passed over (its abbreviation filter)
    kLine,      // a line that starts with a bullet, a list marker or an indent
    kBullet,    // a bullet after whitespace, within a line
    kListItem,  // the next item of a list whose first item started the sentence
    kEllipsis,  // "…" before a capital, which ICU does not take for a terminator; like "..."
  };
  std::size_t pos;  // where the next sentence would start
  Kind kind;
};

// The sentence being built, within its paragraph.
struct Context {
  std::string_view text;
  std::size_t s;      // where the current sentence starts
  std::size_t limit;  // end of the paragraph
};

// Decides a candidate: true when the current sentence ends there, with `cut` saying where.
bool Decide(const Context& c, const Candidate& cand, Cut* cut);

// Collects, in order, the candidates in the paragraph [begin, limit) that ICU does not propose.
void CollectCandidates(std::string_view t, std::size_t begin, std::size_t limit,
                       std::vector<Candidate>* out);

}  // namespace lectern::sentence

#endif  // LECTERN_SEGMENT_SENTENCE_RULES_H_
