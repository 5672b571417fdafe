// Re-anchoring. The text and the selector are decoded to code points and normalised for matching
// (case folded, typographic quotes and dashes unified, whitespace runs collapsed to one space,
// invisible characters dropped) with a map back to the original code points, so a reflowed copy
// matches and offsets stay exact. Then:
//
// 1. Fast path: the position still holds the exact quote, and the context agrees there (or the
//    quote is long) → anchored there, score 1.
// 2. Candidates: places where the quote matches with at most 35% errors (Myers' bit-parallel
//    search over the whole text, or, in a long text, over the windows that its q-gram index
//    proposes); for short quotes also places where prefix+quote, quote+suffix or the three
//    together match with at most 30% errors, so that a short quote changed in its right context is
//    found even among thousands of exact copies.
// 3. Score: quote similarity (above what chance reaches; numbers that differ cost extra),
//    context agreement on each side (counted from the boundary outward, where an error costs
//    three agreeing characters, so unrelated text scores ~0) and closeness to the old position.
//    The quote weighs less when it is short, the context more.
// 4. Decide, preferring an orphan to a guess: the best place must beat every other by a margin
//    (a near tie between copies of the passage may be broken by a clearly nearer position; any
//    other tie is ambiguous); no place elsewhere may match the quote much better (conflict); a
//    short or repeated quote needs agreeing context; context on one side only needs a quote that
//    is nearly the same; and the score must reach the minimum.
//
// Preparing the text and the selector: prepare.cpp; candidates: candidates.cpp.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <utility>
#include <vector>

#include "lectern/anchoring.h"
#include "lectern/text.h"
#include "match.h"
#include "steps.h"

namespace lectern {
namespace {

using anchoring::Candidate;
using anchoring::ContextCandidates;
using anchoring::Decode;
using anchoring::IsBlank;
using anchoring::IsMark;
using anchoring::IsSpace;
using anchoring::MakeQuery;
using anchoring::NumberErrors;
using anchoring::Numbers;
using anchoring::Prepare;
using anchoring::Query;
using anchoring::QuoteCandidates;

// --- Tuning (calibrated with bench/anchor_eval; search: candidates.cpp) -------------------

constexpr std::size_t kShortQuote = 64;  // quotes up to this long also search with context
// Score.
constexpr std::size_t kContextFull = 32;  // context shorter than this earns partial credit
constexpr double kReliableQuote = 64;     // quotes shorter than this weigh less than context
constexpr double kQuoteWeight = 50, kSideWeight = 20, kPositionWeight = 10;
constexpr double kChanceQuote = 0.4;  // quote similarity that chance alone about reaches
// Decision.
constexpr double kMargin = 0.10;        // the best place must beat every other by this much
constexpr double kSameEvidence = 0.1;   // position breaks ties only between places this alike
constexpr double kCopyQuote = 0.95;     // ... and only between near-exact copies of the quote
constexpr double kConflictQuote = 0.9;  // a place elsewhere this similar to the quote ...
constexpr double kConflictGap = 0.1;    // ... and this much more similar than the winner ...
constexpr int kConflictErrors = 3;      // ... by at least this many errors: conflict, orphan
constexpr double kFastAgreement = 0.5;  // "agrees": fast path (each side), near the old place
constexpr double kMinAgreement = 0.75;  // a short or repeated quote: one side agrees this much
constexpr double kNearPosition = 0.8;   // "near the old place": within a fifth of the text
// Context on one side only: the quote must be this alike, from short (up to kOneSidedShort) to
// long quotes (from kOneSidedLong; in between, linearly): a long quote identifies its place by
// itself, a short one could be the neighbour of a deleted sentence.
constexpr double kOneSidedQuote = 0.85, kOneSidedLongQuote = 0.75;
constexpr double kOneSidedShort = 40, kOneSidedLong = 120;
constexpr double kMinQuote = 0.5;  // below this the passage was rewritten

// --- Scoring ---------------------------------------------------------------------------------

// Agreement (0..1) of one side's context with the text beside a candidate. `context` runs from
// the quote outward; `available` is how much text there is on that side; `given` is how many
// characters the selector gave on that side before normalising.
double SideAgreement(std::u32string_view context, std::u32string_view beside, std::size_t available,
                     std::size_t given) {
  // A short context means the quote was near the edge of its text, unless the selector gave it in
  // full and whitespace collapsed it (32 form feeds are one space: at the text's end that space
  // agreed fully, and a copy of the quote there beat the quote's own place; a fuzz finding).
  const bool near_edge = given < kContextFull;
  if (context.empty()) {
    // The selector had nothing on this side (or only whitespace): the quote was at the text's edge
    // and agrees with a candidate at the edge too; whitespace alone agrees with nothing.
    if (!near_edge) return 0;
    return available == 0 || (available == 1 && beside.size() == 1 && beside[0] == U' ') ? 1 : 0;
  }
  // Near the edge, full credit only when the candidate is near the edge too, else the context
  // counts as what it is, a few characters.
  const std::size_t full =
      near_edge ? std::max(context.size(), std::min(kContextFull, available)) : context.size();
  const long agreed = anchor_match::ContextAgreement(context, beside);
  return std::min(1.0, static_cast<double>(agreed) / static_cast<double>(full));
}

struct Weights {
  double quote, side, position;
};

Weights WeightsFor(const Query& query, bool has_position) {
  const double reliable = std::min(1.0, static_cast<double>(query.quote.size()) / kReliableQuote);
  Weights w;
  w.quote = kQuoteWeight * reliable;
  // A short quote says little by itself: its weight goes to the context.
  // Without context the sides weigh as much as ever and agree with nothing: a selector with only a
  // quote has less evidence, not a different scale.
  w.side = kSideWeight + kQuoteWeight * (1 - reliable) / 2;
  w.position = has_position ? kPositionWeight : 0;
  return w;
}

void Score(const AnchorText::Data& t, const Query& query, const QuoteSelector& selector,
           const Weights& w, Candidate* c) {
  const std::u32string_view text = t.norm;
  if (c->distance < 0) {
    c->distance = anchor_match::EditDistance(query.quote, text.substr(c->start, c->end - c->start));
  }
  const double m = static_cast<double>(query.quote.size());
  c->errors =
      c->distance + NumberErrors(query.numbers, Numbers(text.substr(c->start, c->end - c->start)));
  c->quote = std::max(0.0, 1 - c->errors / m);
  if (query.has_context) {
    const std::size_t reach_before = query.before.size() + query.before.size() / 2 + 2;
    const std::size_t from = c->start > reach_before ? c->start - reach_before : 0;
    std::u32string beside(text.substr(from, c->start - from));
    std::reverse(beside.begin(), beside.end());
    c->before = SideAgreement(query.before, beside, c->start, query.given_before);
    const std::size_t reach_after = query.after.size() + query.after.size() / 2 + 2;
    c->after = SideAgreement(query.after, text.substr(c->end, reach_after), text.size() - c->end,
                             query.given_after);
  }
  if (selector.has_position) {
    const double size = std::max<double>(1, static_cast<double>(t.raw.size()));
    const double moved =
        std::fabs(static_cast<double>(t.from[c->start]) - static_cast<double>(selector.start));
    c->position = std::max(0.0, 1 - moved / size);
  }
  // The best window of any text agrees with a quote in about half its characters: only
  // similarity above that is evidence.
  const double quote_evidence = std::max(0.0, (c->quote - kChanceQuote) / (1 - kChanceQuote));
  const double evidence = w.quote * quote_evidence + w.side * (c->before + c->after);
  const double total = w.quote + 2 * w.side;
  c->context_score = total > 0 ? evidence / total : 0;
  c->score = (evidence + w.position * c->position) / (total + w.position);
}

// --- Results ---------------------------------------------------------------------------------

// Whether raw[from, to) holds a paragraph break (a blank line or U+2029).
bool HasParagraphBreak(std::u32string_view raw, std::size_t from, std::size_t to) {
  int lines = 0;
  for (std::size_t i = from; i < to; ++i) {
    const char32_t c = raw[i];
    if (c == 0x2029) return true;
    if (c == U'\n' || c == 0x2028 || c == 0x85 ||
        (c == U'\r' && (i + 1 >= to || raw[i + 1] != U'\n'))) {
      if (++lines >= 2) return true;
    } else if (!IsSpace(c)) {
      lines = 0;
    }
  }
  return false;
}

// A quote without a paragraph break whose match runs a little way into the next or previous
// paragraph (a dropped ", he said." absorbs the next paragraph's first word as cheaply as it is
// deleted) is cut back to its own paragraph. A larger part on the other side is kept: the other
// version split the paragraph.
void TrimAtParagraphs(const AnchorText::Data& t, const Query& query, Candidate* c) {
  if (HasParagraphBreak(query.raw_exact, 0, query.raw_exact.size())) return;
  bool trimmed = true;
  while (trimmed) {
    trimmed = false;
    const std::size_t length = c->end - c->start;
    for (std::size_t k = c->start + 1; k + 1 < c->end; ++k) {
      if (t.norm[k] != U' ' || !HasParagraphBreak(t.raw, t.from[k], t.to[k])) continue;
      if ((k - c->start) * 5 < length) {
        c->start = k + 1;
        trimmed = true;
      } else if ((c->end - k - 1) * 5 < length) {
        c->end = k;
        trimmed = true;
      }
      if (trimmed) break;
    }
  }
}

// Maps the normalised candidate back to raw code points: the quote's own surrounding whitespace
// comes back, and a combining mark is never cut from its base.
AnchorResult ToResult(const AnchorText::Data& t, const Query& query, const Candidate& c) {
  AnchorResult r;
  r.anchored = true;
  std::size_t start = t.from[c.start], end = t.to[c.end - 1];
  // A collapsed run at an edge of the match: keep only what the quote itself had.
  if (t.norm[c.start] == U' ' && query.lead_space == 0) start = t.to[c.start];
  if (t.norm[c.end - 1] == U' ' && query.trail_space == 0) end = t.from[c.end - 1];
  if (start >= end) {
    start = t.from[c.start];
    end = t.to[c.end - 1];
  }
  for (std::size_t i = 0; i < query.lead_space && start > 0 && IsBlank(t.raw[start - 1]); ++i) {
    --start;
  }
  for (std::size_t i = 0; i < query.trail_space && end < t.raw.size() && IsBlank(t.raw[end]); ++i) {
    ++end;
  }
  if (!query.raw_exact.empty() && !IsMark(query.raw_exact.front())) {
    while (start > 0 && start < t.raw.size() && IsMark(t.raw[start])) --start;
  }
  while (end < t.raw.size() && IsMark(t.raw[end])) ++end;
  r.start = start;
  r.end = end;
  r.exact = std::u32string_view(t.raw).substr(start, end - start) == query.raw_exact;
  r.score = c.score;
  r.quote_score = c.quote;
  r.prefix_score = c.before;
  r.suffix_score = c.after;
  return r;
}

AnchorResult Orphan(double score, const char* reason) {
  AnchorResult r;
  r.score = score;
  r.reason = reason;
  return r;
}

// An orphan that reports its best candidate.
AnchorResult Orphan(const Candidate& best, const char* reason) {
  AnchorResult r = Orphan(best.score, reason);
  r.quote_score = best.quote;
  r.prefix_score = best.before;
  r.suffix_score = best.after;
  return r;
}

bool Overlap(const Candidate& a, const Candidate& b) { return a.start < b.end && b.start < a.end; }

AnchorResult AnchorImpl(const AnchorText::Data& t, const QuoteSelector& selector,
                        const AnchorOptions& options) {
  const Query query = MakeQuery(selector);
  if (query.quote.empty()) return Orphan(0, "empty quote");
  const Weights weights = WeightsFor(query, selector.has_position);
  const std::size_t m = query.quote.size();

  // 1. Fast path.
  const bool position_valid =
      selector.has_position && selector.start <= selector.end && selector.end <= t.raw.size();
  Candidate at_position;
  bool have_at_position = false;
  if (position_valid) {
    const std::size_t start =
        t.norm_of[selector.start + std::min(query.lead_space, selector.end - selector.start)];
    const std::size_t raw_end =
        selector.end - std::min(query.trail_space, selector.end - selector.start);
    std::size_t end = t.norm_of[raw_end];
    if (end < t.norm.size() && t.from[end] < raw_end) ++end;
    if (start < end) {
      at_position.start = start;
      at_position.end = end;
      Score(t, query, selector, weights, &at_position);
      have_at_position = true;
      const bool exact = std::u32string_view(t.raw).substr(
                             selector.start, selector.end - selector.start) == query.raw_exact;
      // Another copy of the quote may have moved under the old position: both sides must agree.
      const bool context_agrees = !query.has_context || (at_position.before >= kFastAgreement &&
                                                         at_position.after >= kFastAgreement);
      if (exact && (context_agrees || m >= kShortQuote)) {
        AnchorResult r;
        r.anchored = true;
        r.start = selector.start;
        r.end = selector.end;
        r.score = 1;
        r.exact = true;
        r.reason = "exact at position";
        return r;
      }
    }
  }

  // 2. Candidates.
  std::vector<Candidate> candidates;
  bool overflowed = false;
  QuoteCandidates(t, query, &candidates, &overflowed);
  if (m <= kShortQuote) {
    const std::u32string& p = query.prefix_search;
    const std::u32string& s = query.suffix_search;
    // With both sides, the quote may have changed beyond the quote search's reach. With one side
    // only, the quote must be nearly the same to be accepted (one_sided_quote below), so the
    // quote search has found it unless it had to drop candidates.
    if (!p.empty() && !s.empty()) {
      ContextCandidates(t, p + query.quote + s, p.size(), p.size() + m, &candidates);
    }
    if (overflowed || p.empty() || s.empty()) {
      if (!p.empty()) ContextCandidates(t, p + query.quote, p.size(), p.size() + m, &candidates);
      if (!s.empty()) ContextCandidates(t, query.quote + s, 0, m, &candidates);
    }
  }
  if (have_at_position) candidates.push_back(at_position);
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    return a.start != b.start ? a.start < b.start : a.end < b.end;
  });
  candidates.erase(std::unique(candidates.begin(), candidates.end(),
                               [](const Candidate& a, const Candidate& b) {
                                 return a.start == b.start && a.end == b.end;
                               }),
                   candidates.end());
  if (candidates.empty()) return Orphan(0, "not found");

  // 3. Scores.
  for (Candidate& c : candidates) Score(t, query, selector, weights, &c);
  std::sort(candidates.begin(), candidates.end(), [](const Candidate& a, const Candidate& b) {
    if (a.context_score != b.context_score) return a.context_score > b.context_score;
    if (a.score != b.score) return a.score > b.score;
    return a.start < b.start;
  });
  // One candidate per place: overlapping candidates are the same place, the best one stands.
  std::vector<Candidate> places;
  for (const Candidate& c : candidates) {
    bool seen = false;
    for (const Candidate& p : places) seen = seen || Overlap(c, p);
    if (!seen) places.push_back(c);
  }

  // 4. Decide.
  const Candidate* winner = &places[0];
  std::vector<const Candidate*> tied;
  for (const Candidate& p : places) {
    // Near the best on quote and context, or on all the evidence with the position.
    if (p.context_score >= places[0].context_score - kMargin ||
        p.score >= places[0].score - kMargin) {
      tied.push_back(&p);
    }
  }
  if (tied.size() > 1) {
    // Quote and context do not tell these places apart; the old position may, when one place is
    // clearly nearer than all the others.
    if (!selector.has_position) return Orphan(places[0], "ambiguous");
    auto moved = [&](const Candidate* c) {
      return std::fabs(static_cast<double>(t.from[c->start]) - static_cast<double>(selector.start));
    };
    std::sort(tied.begin(), tied.end(),
              [&](const Candidate* a, const Candidate* b) { return moved(a) < moved(b); });
    if (moved(tied[0]) * 3 >= moved(tied[1])) return Orphan(places[0], "ambiguous");
    // Only between copies of one passage (the same quote and context, as in repeated
    // boilerplate): a near tie between different kinds of evidence is no tie to break.
    for (const Candidate* other : tied) {
      if (std::fabs(other->quote - tied[0]->quote) > kSameEvidence ||
          std::fabs(other->before - tied[0]->before) > kSameEvidence ||
          std::fabs(other->after - tied[0]->after) > kSameEvidence || other->quote < kCopyQuote) {
        return Orphan(places[0], "ambiguous");
      }
    }
    winner = tied[0];
  }
  // The context points here but the quote, much better, somewhere else: do not guess.
  // (A one-letter variant in its context still beats an exact copy elsewhere: one error is no
  // conflict.)
  for (const Candidate& p : places) {
    if (&p != winner && p.quote >= kConflictQuote && p.quote - winner->quote >= kConflictGap &&
        winner->errors - p.errors >= kConflictErrors) {
      return Orphan(*winner, "conflict");
    }
  }
  // A short quote, or one found in several places, proves nothing by itself: the context must
  // agree.
  std::size_t similar = 0;
  for (const Candidate& p : places) {
    if (p.quote >= winner->quote - 0.1) ++similar;
  }
  const bool weak = m < kReliableQuote || similar > 1 || overflowed;
  const double agreement = std::max(winner->before, winner->after);
  const bool near_old_place = selector.has_position && winner->position >= kNearPosition;
  if (weak && query.has_context &&
      !(agreement >= kMinAgreement || (agreement >= kFastAgreement && near_old_place))) {
    return Orphan(*winner, "no context");
  }
  // With context on one side only, the quote itself must identify the place: a neighbour of a
  // deleted sentence inherits its context.
  const double longness = std::clamp(
      (static_cast<double>(m) - kOneSidedShort) / (kOneSidedLong - kOneSidedShort), 0.0, 1.0);
  const double one_sided_quote = kOneSidedQuote - (kOneSidedQuote - kOneSidedLongQuote) * longness;
  if (query.has_context && std::min(winner->before, winner->after) < kFastAgreement &&
      winner->quote < one_sided_quote) {
    return Orphan(*winner, "one-sided");
  }
  if (winner->quote < kMinQuote) return Orphan(*winner, "quote changed");
  if (winner->score < options.min_score) return Orphan(*winner, "below minimum");
  Candidate chosen = *winner;
  TrimAtParagraphs(t, query, &chosen);
  AnchorResult r = ToResult(t, query, chosen);
  r.reason = r.exact ? "exact" : "fuzzy";
  return r;
}

}  // namespace

AnchorText::AnchorText(std::string_view text, const AnchorTextOptions& options)
    : data_(Prepare(text, options)) {}

std::size_t AnchorText::size() const { return data_->raw.size(); }

bool AnchorText::indexed() const { return data_->index.has_value(); }

std::size_t AnchorText::memory() const {
  const Data& d = *data_;
  return d.raw.capacity() * sizeof(char32_t) + d.norm.capacity() * sizeof(char32_t) +
         (d.from.capacity() + d.to.capacity() + d.norm_of.capacity()) * sizeof(std::uint32_t) +
         (d.index ? d.index->memory() : 0);
}

AnchorResult Anchor(const AnchorText& text, const QuoteSelector& selector,
                    const AnchorOptions& options) {
  try {
    return AnchorImpl(text.data(), selector, options);
  } catch (const std::exception&) {
    // Out of memory on a huge input: report an orphan rather than fail the whole import.
    return Orphan(0, "internal error");
  }
}

AnchorResult Anchor(std::string_view text, const QuoteSelector& selector,
                    const AnchorOptions& options) {
  try {
    return Anchor(AnchorText(text), selector, options);
  } catch (const std::exception&) {
    return Orphan(0, "internal error");
  }
}

QuoteSelector DescribeRange(std::string_view text, std::size_t start, std::size_t end,
                            std::size_t context) {
  const std::u32string raw = Decode(text);
  start = std::min(start, raw.size());
  end = std::min(std::max(end, start), raw.size());
  const std::size_t before = start > context ? start - context : 0;
  const std::size_t after = end + std::min(context, raw.size() - end);
  QuoteSelector s;
  for (std::size_t i = before; i < start; ++i) AppendUtf8(raw[i], &s.prefix);
  for (std::size_t i = start; i < end; ++i) AppendUtf8(raw[i], &s.exact);
  for (std::size_t i = end; i < after; ++i) AppendUtf8(raw[i], &s.suffix);
  s.has_position = true;
  s.start = start;
  s.end = end;
  return s;
}

}  // namespace lectern