// Measures re-anchoring (wasm/src/anchor.h) against Hypothesis's method on the same cases.
//
//   anchor_eval [REUTERS_JSONL] [SEEDS_DIR]
//
// defaults ../shared/data/bench/reuters21578.jsonl and shared/seeds (run from the repository root).
// Without the Reuters file it prints "skipped" and exits 0.
//
// Annotations are random sentence parts of 5-40 words of real articles (Reuters-21578 bodies and
// the seed story). Each article is perturbed; every code point of the perturbed text remembers
// where it came from, so the ground truth is where the annotated span went (or that it was
// destroyed). Perturbations: typos, replaced words, inserted sentences, deleted sentences,
// shuffled paragraphs, whitespace reflow, an exact copy of the passage elsewhere with a
// one-letter change at the right place (Hypothesis's failure), all of them at once, and other
// versions of the same story (the seeds 000 → 001 and 001 → 000, and near-duplicate Reuters
// stories), mapped by greedy string tiling of their words.
//
// Outcomes: right (anchored, overlap / union >= 0.5 with the truth), near (anchored, overlapping
// less), orphaned, wrong (anchored where the passage is not, or anchored although it was
// destroyed). Hypothesis: the position if it still holds the exact quote, else its matchQuote
// (approx-string-match with min(256, length/2) errors, keeping only the fewest-error matches;
// score (50 quote + 20 prefix + 20 suffix + 2 position) / 92; no minimum), on code points.
// A passage whose exact text occurs more than once in its article counts as right at any of its
// surviving copies (no selector can tell identical copies apart); the run says how many did.
// Deterministic: a fixed seed and a splitmix64 generator.
//
// Environment: ANCHOR_EVAL_SEED=N draws other articles, annotations and edits (a held-out check
// of the calibration); ANCHOR_EVAL_VERBOSE=1 prints every wrong anchor; ANCHOR_EVAL_DUMP=FILE
// writes one line per case (scores, outcome); ANCHOR_EVAL_CASES=DIR writes each wrong case as
// JSON for debugging.
#include <unicode/uchar.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

#include "lectern/anchoring.h"
#include "lectern/reading.h"
#include "lectern/text.h"
#include "match.h"

namespace {

using lectern::AnchorResult;
using lectern::QuoteSelector;

// --- Utilities ----------------------------------------------------------------------------------

// splitmix64: the same sequence on every platform (std distributions are not).
struct Rng {
  std::uint64_t state;
  std::uint64_t Next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(Next() % n); }
  bool Chance(double p) { return static_cast<double>(Next() >> 11) * 0x1.0p-53 < p; }
};

bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

std::u32string ToU32(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

std::string ToUtf8(std::u32string_view s) {
  std::string out;
  for (char32_t c : s) lectern::AppendUtf8(c, &out);
  return out;
}

bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

struct Range {
  std::size_t start = 0, end = 0;
};

// An article: its body in code points, and its sentences and paragraphs (code point offsets).
struct Text {
  std::string name;
  std::u32string body;
  std::vector<Range> sentences, paragraphs;
};

std::vector<Range> ToCodePoints(const std::string& body, const std::vector<lectern::Span>& spans) {
  std::vector<std::size_t> bytes;
  for (const lectern::Span& s : spans) {
    bytes.push_back(s.start);
    bytes.push_back(s.end);
  }
  const std::vector<std::size_t> cps =
      lectern::ConvertOffsets(body, bytes, lectern::OffsetUnit::kCodePoint);
  std::vector<Range> out;
  for (std::size_t i = 0; i + 1 < cps.size(); i += 2) out.push_back({cps[i], cps[i + 1]});
  return out;
}

bool ReadText(const std::string& bytes, const std::string& name, Text* out) {
  const lectern::ReadResult r = lectern::ReadFile(bytes, name);
  if (r.articles.empty()) return false;
  const lectern::Article& a = r.articles[0];
  out->name = name;
  out->body = ToU32(a.body);
  out->sentences = ToCodePoints(a.body, a.sentences);
  out->paragraphs = ToCodePoints(a.body, a.paragraphs);
  return !out->sentences.empty();
}

// The words of [from, to): maximal runs of non-space code points.
std::vector<Range> Words(std::u32string_view text, std::size_t from, std::size_t to) {
  std::vector<Range> words;
  for (std::size_t i = from; i < to;) {
    while (i < to && IsSpace(text[i])) ++i;
    const std::size_t start = i;
    while (i < to && !IsSpace(text[i])) ++i;
    if (i > start) words.push_back({start, i});
  }
  return words;
}

// Random sentence parts of 5-40 words.
std::vector<Range> PickSpans(const Text& t, Rng* rng, std::size_t count) {
  std::vector<std::size_t> usable;
  for (std::size_t i = 0; i < t.sentences.size(); ++i) {
    if (Words(t.body, t.sentences[i].start, t.sentences[i].end).size() >= 5) usable.push_back(i);
  }
  std::vector<Range> spans;
  for (std::size_t k = 0; k < count && !usable.empty(); ++k) {
    const Range s = t.sentences[usable[rng->Below(usable.size())]];
    const std::vector<Range> words = Words(t.body, s.start, s.end);
    const std::size_t longest = std::min<std::size_t>(40, words.size());
    const std::size_t length = 5 + rng->Below(longest - 5 + 1);
    const std::size_t first = rng->Below(words.size() - length + 1);
    spans.push_back({words[first].start, words[first + length - 1].end});
  }
  return spans;
}

// --- Perturbations ----------------------------------------------------------------------------

// A perturbed text: each code point knows the original offset it came from (-1: new).
struct Doc {
  std::u32string text;
  std::vector<std::int64_t> orig;
  void Push(char32_t c, std::int64_t from) {
    text.push_back(c);
    orig.push_back(from);
  }
  void PushNew(std::u32string_view s) {
    for (char32_t c : s) Push(c, -1);
  }
};

Doc Identity(std::u32string_view text) {
  Doc d;
  for (std::size_t i = 0; i < text.size(); ++i) d.Push(text[i], static_cast<std::int64_t>(i));
  return d;
}

char32_t RandomLetter(Rng* rng, char32_t other) {
  char32_t c;
  do {
    c = U'a' + static_cast<char32_t>(rng->Below(26));
  } while (c == other);
  return c;
}

// Substitutions, deletions, insertions and transpositions of letters.
Doc Typos(const Doc& d, Rng* rng, double rate) {
  Doc out;
  for (std::size_t i = 0; i < d.text.size(); ++i) {
    const char32_t c = d.text[i];
    if (!IsLetter(c) || !rng->Chance(rate)) {
      out.Push(c, d.orig[i]);
      continue;
    }
    switch (rng->Below(4)) {
      case 0:
        out.Push(RandomLetter(rng, c), -1);
        break;
      case 1:
        break;
      case 2:
        out.Push(c, d.orig[i]);
        out.Push(RandomLetter(rng, c), -1);
        break;
      default:
        if (i + 1 < d.text.size() && IsLetter(d.text[i + 1])) {
          out.Push(d.text[i + 1], d.orig[i + 1]);
          out.Push(c, d.orig[i]);
          ++i;
        } else {
          out.Push(c, d.orig[i]);
        }
    }
  }
  return out;
}

// Whole words replaced by words of other articles.
Doc ReplaceWords(const Doc& d, Rng* rng, double rate, const std::vector<std::u32string>& pool) {
  Doc out;
  for (std::size_t i = 0; i < d.text.size();) {
    if (IsSpace(d.text[i])) {
      out.Push(d.text[i], d.orig[i]);
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < d.text.size() && !IsSpace(d.text[j])) ++j;
    if (rng->Chance(rate)) {
      out.PushNew(pool[rng->Below(pool.size())]);
    } else {
      for (std::size_t k = i; k < j; ++k) out.Push(d.text[k], d.orig[k]);
    }
    i = j;
  }
  return out;
}

// Sentence- and paragraph-level edits of an article: sentences deleted, foreign sentences inserted
// before some, paragraphs in a new order.
struct Plan {
  std::vector<std::size_t> order;                       // paragraph order
  std::set<std::size_t> deleted;                        // sentence indices
  std::map<std::size_t, std::u32string> insert_before;  // sentence index → foreign sentence
};

Plan IdentityPlan(const Text& t) {
  Plan p;
  for (std::size_t i = 0; i < t.paragraphs.size(); ++i) p.order.push_back(i);
  return p;
}

Doc Build(const Text& t, const Plan& plan) {
  Doc out;
  for (std::size_t pi : plan.order) {
    const Range para = t.paragraphs[pi];
    Doc piece;
    std::size_t i = para.start;
    for (std::size_t si = 0; si < t.sentences.size(); ++si) {
      const Range s = t.sentences[si];
      if (s.start < para.start || s.end > para.end) continue;
      for (; i < s.start; ++i) piece.Push(t.body[i], static_cast<std::int64_t>(i));
      // The sentence runs to the next sentence's start (its trailing space).
      std::size_t next = para.end;
      if (si + 1 < t.sentences.size() && t.sentences[si + 1].start < para.end) {
        next = t.sentences[si + 1].start;
      }
      const auto insert = plan.insert_before.find(si);
      if (insert != plan.insert_before.end()) {
        piece.PushNew(insert->second);
        piece.PushNew(U" ");
      }
      if (plan.deleted.count(si)) {
        i = next;
        continue;
      }
      for (; i < next; ++i) piece.Push(t.body[i], static_cast<std::int64_t>(i));
    }
    for (; i < para.end; ++i) piece.Push(t.body[i], static_cast<std::int64_t>(i));
    bool empty = true;
    for (char32_t c : piece.text) empty = empty && IsSpace(c);
    if (empty) continue;
    if (!out.text.empty()) out.PushNew(U"\n\n");
    out.text += piece.text;
    out.orig.insert(out.orig.end(), piece.orig.begin(), piece.orig.end());
  }
  return out;
}

// Hard-wrapped lines, paragraph breaks collapsed to a line break, some double spaces and
// no-break spaces.
Doc Reflow(const Doc& d, Rng* rng) {
  Doc out;
  std::size_t column = 0;
  for (std::size_t i = 0; i < d.text.size(); ++i) {
    const char32_t c = d.text[i];
    if (c == U'\n') {
      while (i + 1 < d.text.size() && d.text[i + 1] == U'\n') ++i;
      out.Push(U'\n', d.orig[i]);
      column = 0;
    } else if (c == U' ') {
      if (column > 60) {
        out.Push(U'\n', d.orig[i]);
        column = 0;
      } else if (rng->Chance(0.05)) {
        out.Push(U' ', d.orig[i]);
        out.Push(U' ', -1);
      } else {
        out.Push(rng->Chance(0.02) ? U'\u00A0' : U' ', d.orig[i]);
        ++column;
      }
    } else {
      out.Push(c, d.orig[i]);
      ++column;
    }
  }
  return out;
}

// Hypothesis's failure case: an exact copy of the passage as a paragraph elsewhere, and one
// letter changed in the passage where it belongs.
Doc CopyElsewhere(const Text& t, Range span, Rng* rng) {
  std::vector<std::size_t> letters;
  for (std::size_t i = span.start; i < span.end; ++i) {
    if (IsLetter(t.body[i])) letters.push_back(i);
  }
  const std::size_t changed = letters.empty() ? span.start : letters[rng->Below(letters.size())];
  // The copy goes before a paragraph other than the passage's own.
  std::vector<std::size_t> places;
  for (const Range& p : t.paragraphs) {
    if (p.end <= span.start || p.start >= span.end) places.push_back(p.start);
  }
  places.push_back(t.body.size());
  const std::size_t place = places[rng->Below(places.size())];
  Doc out;
  for (std::size_t i = 0; i <= t.body.size(); ++i) {
    if (i == place) {
      if (place == t.body.size()) out.PushNew(U"\n\n");
      out.PushNew(std::u32string_view(t.body).substr(span.start, span.end - span.start));
      if (place != t.body.size()) out.PushNew(U"\n\n");
    }
    if (i == t.body.size()) break;
    out.Push(i == changed ? RandomLetter(rng, t.body[i]) : t.body[i],
             i == changed ? -1 : static_cast<std::int64_t>(i));
  }
  return out;
}

// --- Another version of the story: greedy string tiling of words --------------------------------

// Maps the words of `b` to the words of `a` by greedy string tiling (the longest common runs of
// at least three words first, moves allowed), then fills short gaps between tiles that follow each
// other in both texts (a changed figure or word) by interpolation.
Doc MapVersion(std::u32string_view a, std::u32string_view b) {
  const std::vector<Range> wa = Words(a, 0, a.size()), wb = Words(b, 0, b.size());
  std::map<std::u32string_view, int> ids;
  auto id_of = [&](std::u32string_view s) {
    return ids.emplace(s, static_cast<int>(ids.size())).first->second;
  };
  std::vector<int> ia, ib;
  for (const Range& w : wa) ia.push_back(id_of(a.substr(w.start, w.end - w.start)));
  for (const Range& w : wb) ib.push_back(id_of(b.substr(w.start, w.end - w.start)));
  std::unordered_map<int, std::vector<std::size_t>> where_b;
  for (std::size_t j = 0; j < ib.size(); ++j) where_b[ib[j]].push_back(j);
  std::vector<bool> ma(ia.size(), false), mb(ib.size(), false);
  struct Tile {
    std::size_t i, j, k;
  };
  std::vector<Tile> tiles;
  constexpr std::size_t kMinTile = 3;
  while (true) {
    std::size_t best = kMinTile - 1;
    std::vector<Tile> found;
    for (std::size_t i = 0; i < ia.size(); ++i) {
      if (ma[i]) continue;
      for (std::size_t j : where_b[ia[i]]) {
        if (mb[j]) continue;
        std::size_t k = 0;
        while (i + k < ia.size() && j + k < ib.size() && !ma[i + k] && !mb[j + k] &&
               ia[i + k] == ib[j + k]) {
          ++k;
        }
        if (k > best) {
          best = k;
          found.clear();
        }
        if (k == best) found.push_back({i, j, k});
      }
    }
    if (found.empty()) break;
    for (const Tile& t : found) {
      bool free = true;
      for (std::size_t x = 0; x < t.k; ++x) free = free && !ma[t.i + x] && !mb[t.j + x];
      if (!free) continue;
      for (std::size_t x = 0; x < t.k; ++x) ma[t.i + x] = mb[t.j + x] = true;
      tiles.push_back(t);
    }
  }
  Doc out;
  out.text = std::u32string(b);
  out.orig.assign(b.size(), -1);
  auto map_run = [&](std::size_t a_from, std::size_t a_to, std::size_t b_from, std::size_t b_to) {
    // Equal lengths map one to one; otherwise by interpolation.
    const std::size_t la = a_to - a_from, lb = b_to - b_from;
    for (std::size_t x = 0; x < lb; ++x) {
      out.orig[b_from + x] =
          static_cast<std::int64_t>(a_from + (la == lb ? x : (la == 0 ? 0 : x * la / lb)));
    }
  };
  for (const Tile& t : tiles) {
    for (std::size_t x = 0; x < t.k; ++x) {
      map_run(wa[t.i + x].start, wa[t.i + x].end, wb[t.j + x].start, wb[t.j + x].end);
      if (x + 1 < t.k) {
        map_run(wa[t.i + x].end, wa[t.i + x + 1].start, wb[t.j + x].end, wb[t.j + x + 1].start);
      }
    }
  }
  std::sort(tiles.begin(), tiles.end(), [](const Tile& x, const Tile& y) { return x.i < y.i; });
  for (std::size_t n = 0; n + 1 < tiles.size(); ++n) {
    const Tile& p = tiles[n];
    const Tile& q = tiles[n + 1];
    if (q.j < p.j + p.k) continue;
    const std::size_t gap_a = q.i - (p.i + p.k), gap_b = q.j - (p.j + p.k);
    if (gap_a > 3 || gap_b > 3) continue;
    map_run(wa[p.i + p.k - 1].end, wa[q.i].start, wb[p.j + p.k - 1].end, wb[q.j].start);
  }
  return out;
}

// --- Ground truth and outcomes
// --------------------------------------------------------------------

enum class Kind { kSurvives, kPartial, kDestroyed };

// Where an annotated passage went: the places it survives, wholly or partly. A passage whose
// exact text occurs more than once in the original has a place for each copy that survives: no
// selector can tell identical copies apart, so any of them is right.
struct Truth {
  Kind kind = Kind::kDestroyed;
  std::vector<Range> where;
  bool duplicated = false;  // the passage's text occurs more than once in the original
};

// Where [span) of the original went in `d`: survives when at least half its code points are
// there in one compact stretch, destroyed when none is, partial otherwise.
Truth TruthOf(const Doc& d, std::u32string_view original, Range span) {
  const std::u32string_view text = original.substr(span.start, span.end - span.start);
  std::vector<Range> copies;
  for (std::size_t at = original.find(text); at != std::u32string_view::npos;
       at = original.find(text, at + 1)) {
    copies.push_back({at, at + text.size()});
  }
  Truth t;
  t.duplicated = copies.size() > 1;
  for (const Range& copy : copies) {
    std::size_t count = 0, first = 0, last = 0;
    for (std::size_t i = 0; i < d.orig.size(); ++i) {
      const std::int64_t o = d.orig[i];
      if (o < static_cast<std::int64_t>(copy.start) || o >= static_cast<std::int64_t>(copy.end)) {
        continue;
      }
      if (count == 0) first = i;
      last = i;
      ++count;
    }
    if (count == 0) continue;
    const std::size_t length = copy.end - copy.start;
    const bool compact = last + 1 - first <= 2 * length + 10;
    const Kind kind = count * 2 >= length && compact ? Kind::kSurvives : Kind::kPartial;
    t.kind = std::min(t.kind, kind);
    t.where.push_back({first, last + 1});
  }
  return t;
}

enum class Outcome { kRight, kNear, kOrphan, kWrong };

Outcome Judge(const Truth& truth, bool anchored, Range got) {
  if (!anchored) return Outcome::kOrphan;
  Outcome best = Outcome::kWrong;
  for (const Range& where : truth.where) {
    const std::size_t lo = std::max(got.start, where.start);
    const std::size_t hi = std::min(got.end, where.end);
    if (hi <= lo) continue;
    const std::size_t uni = std::max(got.end, where.end) - std::min(got.start, where.start);
    best = std::min(best, (hi - lo) * 2 >= uni ? Outcome::kRight : Outcome::kNear);
  }
  return best;
}

// --- Hypothesis ----------------------------------------------------------------------------------

// approx-string-match's search(): the matches with the fewest errors (at most max_errors), each
// with the smallest start that has that many errors.
struct Match {
  std::size_t start, end;
  int errors;
};

std::vector<Match> ApproxSearch(std::u32string_view text, std::u32string_view pattern,
                                int max_errors) {
  std::vector<Match> matches;
  if (pattern.empty()) return matches;
  int best = max_errors;
  std::vector<std::pair<std::size_t, int>> ends;
  lectern::anchor_match::Search(lectern::anchor_match::PatternMasks(pattern), text, max_errors,
                                false, [&](std::size_t end, int d) {
                                  if (d < best) {
                                    best = d;
                                    ends.clear();
                                  }
                                  if (d == best) ends.emplace_back(end, d);
                                });
  const std::u32string reversed(pattern.rbegin(), pattern.rend());
  const lectern::anchor_match::PatternMasks reversed_masks(reversed);
  for (const auto& [end, errors] : ends) {
    const std::size_t reach = pattern.size() + static_cast<std::size_t>(errors);
    const std::size_t from = end > reach ? end - reach : 0;
    std::u32string window(text.substr(from, end - from));
    std::reverse(window.begin(), window.end());
    int least = errors;
    std::size_t longest = 0;
    lectern::anchor_match::Search(reversed_masks, window, errors, false, [&](std::size_t e, int d) {
      if (d < least) {
        least = d;
        longest = 0;
      }
      if (d == least) longest = std::max(longest, e);
    });
    matches.push_back({end - longest, end, errors});
  }
  return matches;
}

double TextMatchScore(std::u32string_view text, std::u32string_view str) {
  if (str.empty() || text.empty()) return 0;
  const std::vector<Match> m = ApproxSearch(text, str, static_cast<int>(str.size()));
  return m.empty() ? 0 : 1 - static_cast<double>(m[0].errors) / static_cast<double>(str.size());
}

struct Selector32 {
  std::u32string exact, prefix, suffix;
  bool has_position;
  std::size_t start, end;
};

Selector32 ToSelector32(const QuoteSelector& s) {
  return {ToU32(s.exact), ToU32(s.prefix), ToU32(s.suffix), s.has_position, s.start, s.end};
}

AnchorResult HypothesisAnchor(std::u32string_view text, const Selector32& s) {
  AnchorResult r;
  if (s.has_position && s.start <= s.end && s.end <= text.size() &&
      text.substr(s.start, s.end - s.start) == s.exact) {
    r.anchored = r.exact = true;
    r.start = s.start;
    r.end = s.end;
    r.score = 1;
    return r;
  }
  const std::size_t m = s.exact.size();
  if (m == 0) return r;
  const int max_errors = static_cast<int>(std::min<std::size_t>(256, m / 2));
  const std::vector<Match> matches = ApproxSearch(text, s.exact, max_errors);
  double best = -1;
  for (const Match& match : matches) {
    const double quote = 1 - static_cast<double>(match.errors) / static_cast<double>(m);
    double prefix = 1, suffix = 1, position = 1;
    if (!s.prefix.empty()) {
      const std::size_t from = match.start > s.prefix.size() ? match.start - s.prefix.size() : 0;
      prefix = TextMatchScore(s.prefix, text.substr(from, match.start - from));
    }
    if (!s.suffix.empty())
      suffix = TextMatchScore(s.suffix, text.substr(match.end, s.suffix.size()));
    if (s.has_position) {
      position = 1 - std::fabs(static_cast<double>(match.start) - static_cast<double>(s.start)) /
                         static_cast<double>(text.size());
    }
    const double score = (50 * quote + 20 * prefix + 20 * suffix + 2 * position) / 92;
    if (score > best) {
      best = score;
      r.anchored = true;
      r.start = match.start;
      r.end = match.end;
      r.score = score;
      r.exact = match.errors == 0;
    }
  }
  return r;
}

// --- Counting --------------------------------------------------------------------------------

struct Counts {
  std::size_t cases = 0, lost = 0, partial = 0;
  std::size_t outcome[2][4] = {};  // [Lectern, Hypothesis][Outcome]
  std::size_t lost_orphaned[2] = {};
  double seconds[2] = {0, 0};
};

// One case as run: for calibrating the minimum afterwards.
struct Record {
  std::string perturbation;
  Truth truth;
  AnchorResult lectern;  // anchored with min_score 0
};

struct Evaluation {
  std::vector<std::string> order;
  std::map<std::string, Counts> counts;
  std::vector<Record> records;
  double min_score = lectern::AnchorOptions().min_score;

  // Anchors `selector` (made on the original) into `doc` with both methods and counts the outcome
  // against the truth for `span`.
  void Run(const std::string& perturbation, std::u32string_view original,
           const lectern::AnchorText& prepared, const Doc& doc, Range span,
           const QuoteSelector& selector) {
    if (!counts.count(perturbation)) order.push_back(perturbation);
    Counts& c = counts[perturbation];
    const Truth truth = TruthOf(doc, original, span);
    if (truth.duplicated) ++duplicated;
    ++c.cases;
    if (truth.kind == Kind::kDestroyed) ++c.lost;
    if (truth.kind == Kind::kPartial) ++c.partial;
    lectern::AnchorOptions options;
    options.min_score = 0;
    auto t0 = std::chrono::steady_clock::now();
    const AnchorResult ours = lectern::Anchor(prepared, selector, options);
    auto t1 = std::chrono::steady_clock::now();
    const AnchorResult theirs = HypothesisAnchor(doc.text, ToSelector32(selector));
    auto t2 = std::chrono::steady_clock::now();
    c.seconds[0] += std::chrono::duration<double>(t1 - t0).count();
    c.seconds[1] += std::chrono::duration<double>(t2 - t1).count();
    const bool anchored = ours.anchored && ours.score >= min_score;
    ++c.outcome[0][static_cast<int>(Judge(truth, anchored, {ours.start, ours.end}))];
    ++c.outcome[1][static_cast<int>(Judge(truth, theirs.anchored, {theirs.start, theirs.end}))];
    if (truth.kind == Kind::kDestroyed) {
      c.lost_orphaned[0] += anchored ? 0 : 1;
      c.lost_orphaned[1] += theirs.anchored ? 0 : 1;
    }
    records.push_back({perturbation, truth, ours});
    if (dump != nullptr) {
      const Outcome o = Judge(truth, ours.anchored, {ours.start, ours.end});
      std::fprintf(dump, "%s\t%d\t%d\t%zu\t%.4f\t%.4f\t%.4f\t%.4f\t%s\t%s\n", perturbation.c_str(),
                   static_cast<int>(truth.kind), static_cast<int>(o), ToU32(selector.exact).size(),
                   ours.score, ours.quote_score, ours.prefix_score, ours.suffix_score,
                   ours.reason.c_str(), selector.exact.c_str());
    }
    if (anchored && Judge(truth, true, {ours.start, ours.end}) == Outcome::kWrong && verbose) {
      std::printf(
          "WRONG %s score %.3f (%s) q %.2f p %.2f s %.2f\n  quote: %s\n  got:   %s\n",
          perturbation.c_str(), ours.score, ours.reason.c_str(), ours.quote_score,
          ours.prefix_score, ours.suffix_score, selector.exact.c_str(),
          ToUtf8(std::u32string_view(doc.text).substr(ours.start, ours.end - ours.start)).c_str());
      if (const char* dir = std::getenv("ANCHOR_EVAL_CASES")) {
        nlohmann::json j = {{"text", ToUtf8(doc.text)},
                            {"exact", selector.exact},
                            {"prefix", selector.prefix},
                            {"suffix", selector.suffix},
                            {"start", selector.start},
                            {"end", selector.end},
                            {"truth_start", truth.where.empty() ? 0 : truth.where[0].start},
                            {"truth_end", truth.where.empty() ? 0 : truth.where[0].end},
                            {"truth_kind", static_cast<int>(truth.kind)}};
        std::ofstream(std::string(dir) + "/wrong_" + std::to_string(wrong_cases++) + ".json")
            << j.dump(1);
      }
    }
  }
  bool verbose = false;
  std::FILE* dump = nullptr;  // one line per case, for studying the scores
  int wrong_cases = 0;
  std::size_t duplicated = 0;
};

// Whether `sentence` shares a run of four words with `body`: such a sentence is not foreign.
bool SharesWords(std::u32string_view sentence, std::u32string_view body) {
  const std::vector<Range> words = Words(sentence, 0, sentence.size());
  for (std::size_t i = 0; i + 4 <= words.size(); ++i) {
    const std::u32string_view run =
        sentence.substr(words[i].start, words[i + 3].end - words[i].start);
    if (body.find(run) != std::u32string_view::npos) return true;
  }
  return false;
}

// A sentence of another story (Reuters repeats stories: skip any that this one quotes).
const std::u32string& ForeignSentence(const std::vector<std::u32string>& pool, const Text& t,
                                      Rng* rng) {
  for (int tries = 0;; ++tries) {
    const std::u32string& s = pool[rng->Below(pool.size())];
    if (tries >= 100 || !SharesWords(s, t.body)) return s;
  }
}

// Runs every synthetic perturbation on one article.
void EvaluateArticle(const Text& t, Rng* rng, std::size_t spans_per_article,
                     const std::vector<std::u32string>& foreign_sentences,
                     const std::vector<std::u32string>& foreign_words, Evaluation* eval) {
  const std::string body = ToUtf8(t.body);
  const std::vector<Range> spans = PickSpans(t, rng, spans_per_article);
  std::vector<QuoteSelector> selectors;
  for (const Range& s : spans) selectors.push_back(lectern::DescribeRange(body, s.start, s.end));
  auto run_all = [&](const std::string& name, const Doc& doc) {
    const lectern::AnchorText prepared(ToUtf8(doc.text));
    for (std::size_t k = 0; k < spans.size(); ++k)
      eval->Run(name, t.body, prepared, doc, spans[k], selectors[k]);
  };
  const Doc identity = Identity(t.body);
  run_all("unchanged", identity);
  run_all("typos (2% of letters)", Typos(identity, rng, 0.02));
  run_all("words replaced (7%)", ReplaceWords(identity, rng, 0.07, foreign_words));
  {
    Plan plan = IdentityPlan(t);
    for (int n = 0; n < 3; ++n) {
      plan.insert_before[rng->Below(t.sentences.size())] =
          ForeignSentence(foreign_sentences, t, rng);
    }
    run_all("3 sentences inserted", Build(t, plan));
  }
  {
    Plan plan = IdentityPlan(t);
    for (std::size_t s = 0; s < t.sentences.size(); ++s) {
      if (rng->Chance(0.3)) plan.deleted.insert(s);
    }
    run_all("sentences deleted (30%)", Build(t, plan));
  }
  {
    Plan plan = IdentityPlan(t);
    for (std::size_t i = plan.order.size(); i > 1; --i)
      std::swap(plan.order[i - 1], plan.order[rng->Below(i)]);
    run_all("paragraphs shuffled", Build(t, plan));
  }
  run_all("whitespace reflowed", Reflow(identity, rng));
  for (std::size_t k = 0; k < spans.size(); ++k) {
    const Doc doc = CopyElsewhere(t, spans[k], rng);
    const lectern::AnchorText prepared(ToUtf8(doc.text));
    eval->Run("exact copy elsewhere, 1 letter changed here", t.body, prepared, doc, spans[k],
              selectors[k]);
  }
  {
    Plan plan = IdentityPlan(t);
    for (std::size_t s = 0; s < t.sentences.size(); ++s) {
      if (rng->Chance(0.15)) plan.deleted.insert(s);
    }
    for (int n = 0; n < 2; ++n) {
      plan.insert_before[rng->Below(t.sentences.size())] =
          ForeignSentence(foreign_sentences, t, rng);
    }
    for (std::size_t i = plan.order.size(); i > 1; --i)
      std::swap(plan.order[i - 1], plan.order[rng->Below(i)]);
    const Doc doc =
        Reflow(Typos(ReplaceWords(Build(t, plan), rng, 0.03, foreign_words), rng, 0.01), rng);
    run_all("all of the above at once", doc);
  }
}

// Annotates `from` and anchors into `to` (another version of the story).
void EvaluateVersion(const std::string& name, const Text& from, const Text& to, Rng* rng,
                     std::size_t random_spans, bool whole_sentences, Evaluation* eval) {
  const std::string body = ToUtf8(from.body);
  std::vector<Range> spans = PickSpans(from, rng, random_spans);
  if (whole_sentences) spans.insert(spans.end(), from.sentences.begin(), from.sentences.end());
  const Doc doc = MapVersion(from.body, to.body);
  const lectern::AnchorText prepared(ToUtf8(doc.text));
  for (const Range& s : spans) {
    eval->Run(name, from.body, prepared, doc, s, lectern::DescribeRange(body, s.start, s.end));
  }
}

// --- Near-duplicate Reuters stories
// ---------------------------------------------------------------

// Hashes of the word 5-grams of `text` (lower-cased letters and digits), sorted and unique.
std::vector<std::uint64_t> Shingles(std::string_view text) {
  std::vector<std::uint64_t> words;
  std::uint64_t h = 1469598103934665603ULL;
  bool in_word = false;
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (std::isalnum(c)) {
      h = (h ^ static_cast<unsigned char>(std::tolower(c))) * 1099511628211ULL;
      in_word = true;
    } else if (in_word) {
      words.push_back(h);
      h = 1469598103934665603ULL;
      in_word = false;
    }
  }
  if (in_word) words.push_back(h);
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i + 5 <= words.size(); ++i) {
    std::uint64_t s = 0;
    for (std::size_t k = 0; k < 5; ++k) s = s * 0x100000001B3ULL + words[i + k];
    out.push_back(s);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

// Pairs of records whose 5-gram Jaccard similarity is in [0.3, 0.95): rewrites and updates of
// one story, not copies. Each record in at most one pair.
std::vector<std::pair<std::size_t, std::size_t>> NearDuplicates(
    const std::vector<std::string>& texts) {
  std::vector<std::vector<std::uint64_t>> shingles;
  std::vector<std::pair<std::uint64_t, std::uint32_t>> all;
  for (std::size_t d = 0; d < texts.size(); ++d) {
    shingles.push_back(Shingles(texts[d]));
    for (std::uint64_t s : shingles.back()) all.emplace_back(s, static_cast<std::uint32_t>(d));
  }
  std::sort(all.begin(), all.end());
  std::unordered_map<std::uint64_t, std::uint32_t> shared;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].first == all[i].first) ++j;
    if (j - i <= 20) {  // boilerplate shared by many stories says nothing
      for (std::size_t x = i; x < j; ++x) {
        for (std::size_t y = x + 1; y < j; ++y) {
          ++shared[(std::uint64_t{all[x].second} << 32) | all[y].second];
        }
      }
    }
    i = j;
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (const auto& [key, n] : shared) {
    const std::size_t a = key >> 32, b = key & 0xFFFFFFFF;
    const double jaccard =
        static_cast<double>(n) / static_cast<double>(shingles[a].size() + shingles[b].size() - n);
    if (jaccard >= 0.3 && jaccard < 0.95 && shingles[a].size() >= 20) pairs.emplace_back(a, b);
  }
  std::sort(pairs.begin(), pairs.end());
  std::vector<std::pair<std::size_t, std::size_t>> out;
  std::set<std::size_t> used;
  for (const auto& p : pairs) {
    if (used.count(p.first) || used.count(p.second)) continue;
    used.insert(p.first);
    used.insert(p.second);
    out.push_back(p);
  }
  return out;
}

// --- A long text --------------------------------------------------------------------------------

// Time and outcomes on one text of ~200,000 words (Reuters records glued together) with 1% typos
// and a paragraph added at the top: short quotes (5-40 words) and long ones (300-500 words).
void EvaluateLongText(const std::vector<std::string>& texts, Rng* rng) {
  std::u32string big;
  std::size_t words = 0;
  for (std::size_t i = 0; i < texts.size() && words < 200000; ++i) {
    const std::u32string t = ToU32(texts[i]);
    words += Words(t, 0, t.size()).size();
    if (!big.empty()) big += U"\n\n";
    big += t;
  }
  const std::vector<Range> all_words = Words(big, 0, big.size());
  const std::string body = ToUtf8(big);
  Doc doc;
  doc.PushNew(U"An editor's note was added at the top of this very long text.\n\n");
  const Doc typos = Typos(Identity(big), rng, 0.01);
  doc.text += typos.text;
  doc.orig.insert(doc.orig.end(), typos.orig.begin(), typos.orig.end());
  const std::string edited = ToUtf8(doc.text);
  auto t0 = std::chrono::steady_clock::now();
  const lectern::AnchorText prepared(edited);
  auto t1 = std::chrono::steady_clock::now();
  std::printf(
      "\nOne long text: %zu words, %zu code points; preparing it for anchoring: %.0f ms.\n\n",
      all_words.size(), big.size(), std::chrono::duration<double, std::milli>(t1 - t0).count());
  std::printf(
      "| quotes | cases | Lectern right | orphaned | wrong | ms mean | ms max | Hypothesis right | "
      "orphaned | wrong | ms mean | ms max "
      "|\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  for (const auto& [label, lo, hi, count] :
       {std::make_tuple("5-40 words", 5, 40, 40), std::make_tuple("300-500 words", 300, 500, 6)}) {
    std::size_t n[2][4] = {};
    double mean[2] = {0, 0}, worst[2] = {0, 0};
    for (int k = 0; k < count; ++k) {
      const std::size_t length = lo + rng->Below(hi - lo + 1);
      const std::size_t first = rng->Below(all_words.size() - length);
      const Range span{all_words[first].start, all_words[first + length - 1].end};
      const QuoteSelector selector = lectern::DescribeRange(body, span.start, span.end);
      const Truth truth = TruthOf(doc, big, span);
      auto a = std::chrono::steady_clock::now();
      const AnchorResult ours = lectern::Anchor(prepared, selector);
      auto b = std::chrono::steady_clock::now();
      const AnchorResult theirs = HypothesisAnchor(doc.text, ToSelector32(selector));
      auto c = std::chrono::steady_clock::now();
      const double ms[2] = {std::chrono::duration<double, std::milli>(b - a).count(),
                            std::chrono::duration<double, std::milli>(c - b).count()};
      ++n[0][static_cast<int>(Judge(truth, ours.anchored, {ours.start, ours.end}))];
      ++n[1][static_cast<int>(Judge(truth, theirs.anchored, {theirs.start, theirs.end}))];
      for (int m = 0; m < 2; ++m) {
        mean[m] += ms[m] / count;
        worst[m] = std::max(worst[m], ms[m]);
      }
    }
    std::printf(
        "| %s | %d | %zu | %zu | **%zu** | %.1f | %.1f | %zu | %zu | **%zu** | %.1f | %.1f |\n",
        label, count, n[0][0] + n[0][1], n[0][2], n[0][3], mean[0], worst[0], n[1][0] + n[1][1],
        n[1][2], n[1][3], mean[1], worst[1]);
  }
}

// --- Report ----------------------------------------------------------------------------------

void PrintTable(const Evaluation& eval) {
  std::printf(
      "\n| perturbation | cases | lost | Lectern right | near | orphaned | **wrong** | Hypothesis "
      "right | near | orphaned | **wrong** |\n");
  std::printf("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  Counts total;
  for (const std::string& name : eval.order) {
    const Counts& c = eval.counts.at(name);
    std::printf("| %s | %zu | %zu | %zu | %zu | %zu | **%zu** | %zu | %zu | %zu | **%zu** |\n",
                name.c_str(), c.cases, c.lost, c.outcome[0][0], c.outcome[0][1], c.outcome[0][2],
                c.outcome[0][3], c.outcome[1][0], c.outcome[1][1], c.outcome[1][2],
                c.outcome[1][3]);
    total.cases += c.cases;
    total.lost += c.lost;
    for (int m = 0; m < 2; ++m) {
      for (int o = 0; o < 4; ++o) total.outcome[m][o] += c.outcome[m][o];
      total.lost_orphaned[m] += c.lost_orphaned[m];
      total.seconds[m] += c.seconds[m];
    }
  }
  std::printf("| **all** | %zu | %zu | %zu | %zu | %zu | **%zu** | %zu | %zu | %zu | **%zu** |\n",
              total.cases, total.lost, total.outcome[0][0], total.outcome[0][1],
              total.outcome[0][2], total.outcome[0][3], total.outcome[1][0], total.outcome[1][1],
              total.outcome[1][2], total.outcome[1][3]);
  const double surviving = static_cast<double>(total.cases - total.lost);
  const double lost = static_cast<double>(std::max<std::size_t>(1, total.lost));
  std::printf(
      "\nOf the %zu passages that survive (wholly or partly): Lectern anchors %.1f%% right, "
      "Hypothesis %.1f%%. Of the %zu destroyed: Lectern orphans %.1f%%, Hypothesis %.1f%%.\n",
      total.cases - total.lost, 100.0 * total.outcome[0][0] / surviving,
      100.0 * total.outcome[1][0] / surviving, total.lost, 100.0 * total.lost_orphaned[0] / lost,
      100.0 * total.lost_orphaned[1] / lost);
  std::printf("Time per anchor: Lectern %.3f ms, Hypothesis %.3f ms (mean over all cases).\n",
              1000 * total.seconds[0] / total.cases, 1000 * total.seconds[1] / total.cases);
}

// Right and wrong at each candidate minimum score: the calibration.
void PrintCalibration(const Evaluation& eval) {
  std::printf(
      "\nCalibration (all cases, Lectern; wrong includes anchoring destroyed passages):\n\n");
  std::printf(
      "| min_score | right | near | orphaned | wrong | max wrong score "
      "|\n|---:|---:|---:|---:|---:|---:|\n");
  for (double theta = 0.0; theta <= 0.801; theta += 0.05) {
    std::size_t n[4] = {};
    double max_wrong = 0;
    for (const Record& r : eval.records) {
      const bool anchored = r.lectern.anchored && r.lectern.score >= theta;
      const Outcome o = Judge(r.truth, anchored, {r.lectern.start, r.lectern.end});
      ++n[static_cast<int>(o)];
      if (o == Outcome::kWrong) max_wrong = std::max(max_wrong, r.lectern.score);
    }
    std::printf("| %.2f | %zu | %zu | %zu | %zu | %.3f |\n", theta, n[0], n[1], n[2], n[3],
                max_wrong);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const std::string reuters_path = argc > 1 ? argv[1] : "../shared/data/bench/reuters21578.jsonl";
  const std::string seeds_dir = argc > 2 ? argv[2] : "shared/seeds";
  std::string reuters;
  if (!ReadWholeFile(reuters_path, &reuters)) {
    std::printf("skipped: no %s\n", reuters_path.c_str());
    return 0;
  }
  // Another seed draws other articles, annotations and edits: a held-out check of the calibration.
  const char* seed_env = std::getenv("ANCHOR_EVAL_SEED");
  const std::uint64_t seed = seed_env ? std::strtoull(seed_env, nullptr, 10) : 20240913;
  Rng rng{seed};
  Evaluation eval;
  eval.verbose = std::getenv("ANCHOR_EVAL_VERBOSE") != nullptr;
  if (const char* path = std::getenv("ANCHOR_EVAL_DUMP")) eval.dump = std::fopen(path, "w");

  // Records with text; their bodies as Lectern reads them.
  std::vector<std::string> lines, texts;
  for (std::size_t i = 0; i < reuters.size();) {
    std::size_t j = reuters.find('\n', i);
    if (j == std::string::npos) j = reuters.size();
    const std::string line = reuters.substr(i, j - i);
    i = j + 1;
    const nlohmann::json record = nlohmann::json::parse(line, nullptr, false);
    if (!record.is_object() || !record.contains("text") || !record["text"].is_string()) continue;
    lines.push_back(line);
    texts.push_back(record["text"].get<std::string>());
  }
  const std::size_t kArticles = 300, kSpans = 6;
  std::vector<Text> articles;
  for (std::size_t i = seed % 17; i < lines.size() && articles.size() < kArticles; i += 17) {
    Text t;
    if (!ReadText(lines[i], "reuters21578.jsonl", &t)) continue;
    const std::size_t words = Words(t.body, 0, t.body.size()).size();
    if (words >= 120 && words <= 3000 && t.paragraphs.size() >= 3) articles.push_back(std::move(t));
  }
  // Foreign material: sentences and words from articles not in the sample.
  std::vector<std::u32string> foreign_sentences, foreign_words;
  for (std::size_t i = 5; i < lines.size() && foreign_sentences.size() < 2000; i += 101) {
    Text t;
    if (!ReadText(lines[i], "reuters21578.jsonl", &t)) continue;
    for (const Range& s : t.sentences) {
      foreign_sentences.push_back(t.body.substr(s.start, s.end - s.start));
      for (const Range& w : Words(t.body, s.start, s.end)) {
        foreign_words.push_back(t.body.substr(w.start, w.end - w.start));
      }
    }
  }
  std::printf("$");
  for (int i = 0; i < argc; ++i) std::printf(" %s", argv[i]);
  std::printf("\n");
  std::printf(
      "Re-anchoring evaluation: %zu Reuters-21578 articles, %zu annotations each, seed %llu\n",
      articles.size(), kSpans, static_cast<unsigned long long>(seed));
  for (const Text& t : articles) {
    EvaluateArticle(t, &rng, kSpans, foreign_sentences, foreign_words, &eval);
  }

  // The seed story: Xinhua (China Daily) and KUNA's rewrite.
  Text xinhua, kuna;
  std::string a, b;
  if (ReadWholeFile(seeds_dir + "/000_c1e1a87b767bdb0e.txt", &a) &&
      ReadWholeFile(seeds_dir + "/001_cac242e89444e96e.txt", &b) &&
      ReadText(a, "000_c1e1a87b767bdb0e.txt", &xinhua) &&
      ReadText(b, "001_cac242e89444e96e.txt", &kuna)) {
    EvaluateVersion("seed story, Xinhua → KUNA", xinhua, kuna, &rng, 60, true, &eval);
    EvaluateVersion("seed story, KUNA → Xinhua", kuna, xinhua, &rng, 40, true, &eval);
    EvaluateArticle(xinhua, &rng, 20, foreign_sentences, foreign_words, &eval);
  } else {
    std::printf("(seed story skipped: no %s)\n", seeds_dir.c_str());
  }

  // Near-duplicate Reuters stories: each annotated in one and anchored in the other.
  const auto pairs = NearDuplicates(texts);
  std::size_t used = 0;
  for (const auto& [x, y] : pairs) {
    if (used >= 200) break;
    Text tx, ty;
    if (!ReadText(lines[x], "reuters21578.jsonl", &tx) ||
        !ReadText(lines[y], "reuters21578.jsonl", &ty)) {
      continue;
    }
    if (tx.body == ty.body) continue;
    ++used;
    EvaluateVersion("other version (Reuters near-duplicates)", tx, ty, &rng, 4, false, &eval);
    EvaluateVersion("other version (Reuters near-duplicates)", ty, tx, &rng, 4, false, &eval);
  }
  std::printf("%zu near-duplicate pairs (5-gram Jaccard 0.3-0.95), %zu used\n", pairs.size(), used);

  std::printf("\nLectern with min_score %.2f; Hypothesis with no minimum.\n", eval.min_score);
  PrintTable(eval);
  std::printf(
      "%zu cases annotate a passage whose exact text occurs more than once in its article; any "
      "surviving copy counts as right for them.\n",
      eval.duplicated);
  PrintCalibration(eval);
  EvaluateLongText(texts, &rng);
  return 0;
}
