// The rules that decide where a sentence ends (see sentence_rules.h).
#include "sentence_rules.h"

#include "sentence_text.h"

namespace lectern::sentence {
namespace {

// ---------------------------------------------------------------------------------------------
// Decisions.

// Decides a boundary after a time of day (`token` is "a.m." and the like): news writes "at 10 a.m.
// Tuesday" and "6 p.m. EST", so only a sentence starter or a title ("Mr.") ends the sentence.
bool DecideTime(const Context& c, std::size_t token, const NextWord& w) {
  if (!w.starter && !w.title) return false;
  return !IsTimePhraseOpening(c.text, c.s, token);
}

// Decides a boundary after periods that form an ellipsis. pragmatic_segmenter's conventions: a
// spaced ". . ." after a space marks an omission inside a sentence; "word. . . . Next" is a
// sentence ending in "word." followed by one opening with ". . ."; "...." and "..." end a sentence
// when a capital follows (ICU's view).
bool DecideEllipsis(const Context& c, const Ellipsis& e, const NextWord& w, bool icu, Cut* cut) {
  if (!e.spaced) return icu;
  if (e.attached && e.dots == 4 && !w.lower) {
    cut->end = e.first + 1;
    cut->next = SkipSpace(c.text, e.first + 1, c.limit);
    return true;
  }
  if (!e.attached && e.dots == 3) return false;
  return icu;
}

// Whether `token` is a number of 1-3 digits and a period right after a colon or a comma: an item
// of a list run into the sentence ("the winners were: 1. Smith, 2. Jones"), not its end.
bool IsInlineListNumber(std::string_view t, std::size_t s, std::size_t start,
                        std::string_view token) {
  if (token.size() < 2 || token.size() > 4) return false;
  for (std::size_t i = 0; i + 1 < token.size(); ++i) {
    if (!IsAsciiDigit(static_cast<unsigned char>(token[i]))) return false;
  }
  const std::size_t before = SkipSpaceBack(t, start, s);
  return before > s && before < start && (t[before - 1] == ':' || t[before - 1] == ',');
}

// Decides a boundary after a period that ends at `term_end`.
bool DecidePeriod(const Context& c, std::size_t term_end, const NextWord& w, bool icu, Cut* cut) {
  const Ellipsis e = ReadEllipsis(c.text, c.s, term_end);
  if (e.dots >= 2) return DecideEllipsis(c, e, w, icu, cut);
  // A lower-case word continues the sentence; ICU already knows ("Jane and co. at the party").
  if (w.lower) return icu;
  const std::size_t start = TokenStart(c.text, c.s, term_end);
  if (start == kNone) return icu || StarterEnds(c.text, c.s, term_end, w);
  const std::string_view token = c.text.substr(start, term_end - start);
  const std::string_view tail = AfterHyphen(token);
  if (InTable(kTitles, token)) return false;
  if (w.digit && InTable(kNumberPrefixes, token)) return false;
  if (InTable(kTimes, token)) return DecideTime(c, start, w);
  if (InTable(kAbbreviations, tail) || IsInitial(token) || IsDottedAbbreviation(token) ||
      IsInlineListNumber(c.text, c.s, start, token)) {
    return StarterEnds(c.text, c.s, start, w);
  }
  // An ordinary word: a sentence starter confirms the end even where ICU's filter suppressed it.
  return icu || StarterEnds(c.text, c.s, start, w);
}

// Whether a ! or ? ending at `term_end` belongs to a quotation or a name rather than ending the
// sentence, when a lower-case word follows: ICU ends a sentence at every ! and ?, but news writes
// `"Stop!" he said` and `"Why?" she asked` (closed by a quote) and "Yahoo! in the accounting
// department" (one ! attached to a capitalised word). Elsewhere a lower-case word after ! or ? is
// a sentence that starts in lower case, as web text often does ("where? just in the water").
bool IsQuotedOrNamed(std::string_view t, std::size_t s, std::size_t term_end, std::size_t end) {
  if (term_end < end) return true;  // closers follow the terminator
  if (t[term_end - 1] != '!' || term_end - s < 3) return false;
  const unsigned char before = At(t, term_end - 2);
  if (!IsAsciiLetter(before)) return false;  // "!!", "?!", " !"
  const std::size_t start = TokenStart(t, s, term_end);
  return start != kNone && IsAsciiUpper(At(t, start));
}

// Decides a boundary that ICU proposed (icu) or that a period suggests (!icu), between a sentence
// ending at `end` and one starting at `next`.
bool DecideTerminator(const Context& c, std::size_t end, std::size_t next, bool icu, Cut* cut) {
  const std::string_view t = c.text;
  std::size_t term_end = end;
  for (int k = 0; k < 4; ++k) {
    const std::size_t n = CloserBefore(t, term_end);
    if (n == 0 || term_end - n <= c.s) break;
    term_end -= n;
  }
  const unsigned char last = At(t, term_end - 1);
  // Without whitespace, an ASCII terminator is inside a token: "a?b=1" in a URL, "Hello!World".
  // CJK terminators (。！？) need no space, so only ASCII is held together.
  if (end == next && term_end == end && last < 0x80 && next < c.limit && At(t, next) < 0x80) {
    return false;
  }
  // A parenthetical closed by the sentence's own terminator belongs to the sentence before it.
  if (IsTrailingParenthetical(t, next, c.limit)) return false;
  const NextWord w = ReadNextWord(t, next, c.limit);
  if (last == '.') return DecidePeriod(c, term_end, w, icu, cut);
  if (last == '!' || last == '?') {
    return icu && !(w.lower && IsQuotedOrNamed(t, c.s, term_end, end));
  }
  return icu;
}

}  // namespace

bool Decide(const Context& c, const Candidate& cand, Cut* cut) {
  const std::size_t end = SkipSpaceBack(c.text, cand.pos, c.s);
  cut->end = end;
  cut->next = cand.pos;
  if (end <= c.s || IsOnlyListMarker(c.text, c.s, end)) return false;
  switch (cand.kind) {
    case Candidate::kIcu:
    case Candidate::kEllipsis:
      return DecideTerminator(c, end, cand.pos, true, cut);
    case Candidate::kPeriod:
      return DecideTerminator(c, end, cand.pos, false, cut);
    case Candidate::kLine:
    case Candidate::kBullet:
    case Candidate::kListItem:
      return true;
  }
  return false;
}

namespace {

// ---------------------------------------------------------------------------------------------
// Finding candidates.

// Width of the indentation of the line starting at `i` (a tab counts 2), and where its text
// starts in `*text_start`.
int Indentation(std::string_view t, std::size_t i, std::size_t limit, std::size_t* text_start) {
  int indent = 0;
  while (i < limit && (t[i] == ' ' || t[i] == '\t')) {
    indent += t[i] == '\t' ? 2 : 1;
    ++i;
  }
  *text_start = i;
  return indent;
}

// Whether the line starting at `i` (just after a newline) opens a new sentence however the line
// before it ended: it is indented more than that line (typewritten paragraphs, as in Reuters
// copy; `prev_indent` is the previous line's indentation), or starts with a bullet, a dash or a
// list's first marker. Returns where that line's text starts, or kNone.
std::size_t LineOpensSentence(std::string_view t, std::size_t i, std::size_t limit,
                              int prev_indent) {
  std::size_t j = i;
  const int indent = Indentation(t, i, limit, &j);
  if (j >= limit || SpaceAt(t, j) > 0) return kNone;
  if (indent >= 2 && indent > prev_indent) return j;
  const char c = t[j];
  if ((c == '-' || c == '*' || c == '+') && j + 1 < limit && SpaceAt(t, j + 1) > 0) return j;
  if (BulletAt(t, j) > 0) return j;
  const ListMarker m = ParseListMarker(t, j, limit);
  return (m.found && m.value == 1) ? j : kNone;
}

// Adds a candidate of `kind` if the terminator ending at `j` is followed by closers, whitespace
// and a capital letter.
void AddCandidateBeforeCapital(std::string_view t, std::size_t j, std::size_t limit,
                               Candidate::Kind kind, std::vector<Candidate>* out) {
  while (j < limit && (t[j] == '"' || t[j] == '\'' || t[j] == ')')) ++j;
  if (j >= limit || SpaceAt(t, j) == 0) return;
  const std::size_t next = SkipSpace(t, j, limit);
  std::size_t k = next;
  while (k < limit && OpenerAt(t, k) > 0) k += OpenerAt(t, k);
  if (k < limit && IsAsciiUpper(At(t, k))) out->push_back({next, kind});
}

}  // namespace

void CollectCandidates(std::string_view t, std::size_t begin, std::size_t limit,
                       std::vector<Candidate>* out) {
  out->clear();
  // The current line's indentation; the paragraph's first line is indented before `begin`.
  std::size_t line_start = begin;
  while (line_start > 0 && (t[line_start - 1] == ' ' || t[line_start - 1] == '\t')) --line_start;
  std::size_t unused;
  int indent = Indentation(t, line_start, begin, &unused);
  for (std::size_t i = begin; i < limit; ++i) {
    const unsigned char c = At(t, i);
    if (c == '.') {
      // A period before a capital, where ICU's filter may have suppressed a sentence end ("U.S.
      // How"); periods inside an ellipsis are left to the ellipsis rules.
      if (i + 1 >= limit || t[i + 1] != '.') {
        AddCandidateBeforeCapital(t, i + 1, limit, Candidate::kPeriod, out);
      }
    } else if (c == 0xE2 && t.compare(i, 3, "\xE2\x80\xA6") == 0) {
      AddCandidateBeforeCapital(t, i + 3, limit, Candidate::kEllipsis, out);
    } else if (c == '\n') {
      const std::size_t j = LineOpensSentence(t, i + 1, limit, indent);
      if (j != kNone) out->push_back({j, Candidate::kLine});
      indent = Indentation(t, i + 1, limit, &unused);
    } else if (c == 0xE2 && i > begin && SpaceBefore(t, i) > 0 && BulletAt(t, i) > 0) {
      out->push_back({i, Candidate::kBullet});
    }
  }
}

}  // namespace lectern::sentence
