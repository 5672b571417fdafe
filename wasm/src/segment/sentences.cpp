// Sentence and paragraph segmentation (lectern/segment.h: SplitSentences, SplitParagraphs).
//
// Sentences come from ICU's sentence BreakIterator, wrapped by FilteredBreakIteratorBuilder with
// ICU's English abbreviation list, run over the UTF-8 text itself (utext_openUTF8), so every
// position is a byte offset. ICU follows UAX #29, which knows every script's sentence terminators
// but not English news: it breaks after "Gen." and "p.m.", keeps "U.S. How" together, splits
// numbered lists wrongly and ends a sentence at `"Stop!" he said`. The rules below review every
// boundary ICU proposes, and every period followed by a capital that ICU passed over, with small
// tables of abbreviations; they only look a few bytes around each boundary, so the whole pass stays
// linear and allocation-free per sentence.
//
// Terms used below: a boundary is described by `end`, where the sentence before it ends (trailing
// whitespace excluded), and `next`, where the next one starts; `s` is where the current sentence
// began.
#include <unicode/brkiter.h>
#include <unicode/filteredbrk.h>
#include <unicode/locid.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <climits>
#include <cstdint>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/segment.h"
#include "sentence_rules.h"
#include "sentence_text.h"

namespace lectern {
namespace {

using sentence::Candidate;
using sentence::CollectCandidates;
using sentence::Context;
using sentence::Cut;
using sentence::Decide;
using sentence::FindNextListItem;
using sentence::kIcuSuppressionsToDrop;
using sentence::kNone;
using sentence::ParseListMarker;
using sentence::SkipSpace;
using sentence::SkipSpaceBack;

// ---------------------------------------------------------------------------------------------
// ICU.

// Builds the shared sentence iterator: ICU's rules plus its English abbreviation suppressions,
// minus the ones that hurt news (kIcuSuppressionsToDrop).
icu::BreakIterator* BuildPrototype() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale& english = icu::Locale::getEnglish();
  std::unique_ptr<icu::BreakIterator> base(
      icu::BreakIterator::createSentenceInstance(english, status));
  if (U_FAILURE(status) || !base) {
    throw std::runtime_error(std::string("ICU sentence break rules unavailable: ") +
                             u_errorName(status));
  }
  std::unique_ptr<icu::FilteredBreakIteratorBuilder> builder(
      icu::FilteredBreakIteratorBuilder::createInstance(english, status));
  if (U_FAILURE(status) || !builder) return base.release();  // no English data: rules still apply
  for (std::string_view s : kIcuSuppressionsToDrop) {
    builder->unsuppressBreakAfter(
        icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size()))),
        status);
  }
  icu::BreakIterator* filtered = builder->wrapIteratorWithFilter(base.release(), status);
  if (U_FAILURE(status) || filtered == nullptr) {
    delete filtered;
    throw std::runtime_error(std::string("ICU sentence filter failed: ") + u_errorName(status));
  }
  return filtered;
}

// The process-wide iterator, built once (thread-safe static initialisation).
const icu::BreakIterator& Prototype() {
  static const std::unique_ptr<icu::BreakIterator> prototype(BuildPrototype());
  return *prototype;
}

// The largest text handed to ICU at once: paragraphs are grouped into windows of about this size,
// which keeps positions within int32_t and the copy small.
constexpr std::size_t kWindowBytes = 1u << 20;

// Splits text into sentences; one instance per thread holds the cloned iterator and buffers.
class Segmenter {
 public:
  Segmenter() : iter_(Prototype().clone()) {}

  // Appends the sentences of `text` to `out`.
  void Split(std::string_view text, std::vector<Span>* out) {
    const std::vector<Span> paragraphs = SplitParagraphs(text);
    std::size_t p = 0;
    while (p < paragraphs.size()) {
      std::size_t q = p + 1;
      while (q < paragraphs.size() && paragraphs[q].end - paragraphs[p].start <= kWindowBytes) ++q;
      RunIcu(text, paragraphs[p].start, paragraphs[q - 1].end);
      std::size_t next_break = 0;
      for (std::size_t k = p; k < q; ++k) SplitParagraph(text, paragraphs[k], &next_break, out);
      p = q;
    }
  }

 private:
  // Fills icu_breaks_ with ICU's boundaries in [begin, end), as offsets into the text. Line breaks
  // are given to ICU as spaces: within a paragraph they are usually hard wrapping (Reuters copy).
  void RunIcu(std::string_view text, std::size_t begin, std::size_t end) {
    icu_breaks_.clear();
    const std::size_t len = std::min<std::size_t>(end - begin, INT32_MAX);
    buffer_.assign(text.data() + begin, len);
    for (char& ch : buffer_) {
      if (ch == '\n' || ch == '\r') ch = ' ';
    }
    UErrorCode status = U_ZERO_ERROR;
    UText ut = UTEXT_INITIALIZER;
    utext_openUTF8(&ut, buffer_.data(), static_cast<int64_t>(len), &status);
    if (U_SUCCESS(status)) iter_->setText(&ut, status);
    if (U_SUCCESS(status)) {
      for (int32_t b = iter_->next(); b != icu::BreakIterator::DONE; b = iter_->next()) {
        icu_breaks_.push_back(begin + static_cast<std::size_t>(b));
      }
    }
    utext_close(&ut);
  }

  // Appends the sentences of paragraph `para`; `next_break` indexes icu_breaks_ and moves on.
  void SplitParagraph(std::string_view text, Span para, std::size_t* next_break,
                      std::vector<Span>* out) {
    CollectCandidates(text, para.start, para.end, &candidates_);
    Context c{text, para.start, para.end};
    std::size_t list_next = ListItemAfter(c);
    std::size_t& ib = *next_break;
    std::size_t ic = 0;
    while (ib < icu_breaks_.size() && icu_breaks_[ib] <= para.start) ++ib;
    for (;;) {
      // The next candidate in text order, from the three sources.
      const std::size_t icu_pos =
          ib < icu_breaks_.size() && icu_breaks_[ib] < para.end ? icu_breaks_[ib] : kNone;
      const std::size_t own_pos = ic < candidates_.size() ? candidates_[ic].pos : kNone;
      Candidate cand;
      if (list_next != kNone && list_next <= icu_pos && list_next <= own_pos) {
        cand = {list_next, Candidate::kListItem};
        list_next = kNone;
      } else if (own_pos != kNone &&
                 (own_pos < icu_pos ||
                  (own_pos == icu_pos && candidates_[ic].kind != Candidate::kPeriod))) {
        cand = candidates_[ic++];  // forced candidates go first: they break whatever ICU says
      } else if (icu_pos != kNone) {
        cand = {icu_pos, Candidate::kIcu};
        ++ib;
        if (own_pos == icu_pos) ++ic;  // a period where ICU broke: ICU's verdict covers it
      } else {
        break;
      }
      if (cand.pos <= c.s) continue;
      Cut cut{};
      if (!Decide(c, cand, &cut)) continue;
      Emit(text, c.s, cut.end, out);
      c.s = cut.next;
      const std::size_t item = ListItemAfter(c);
      if (item != kNone) list_next = item;
    }
    Emit(text, c.s, para.end, out);
  }

  // Where the next list item starts when the current sentence starts with a list marker.
  static std::size_t ListItemAfter(const Context& c) {
    return FindNextListItem(c.text, ParseListMarker(c.text, c.s, c.limit), c.limit);
  }

  // Appends [begin, end) without surrounding whitespace, unless nothing is left.
  static void Emit(std::string_view text, std::size_t begin, std::size_t end,
                   std::vector<Span>* out) {
    begin = SkipSpace(text, begin, end);
    end = SkipSpaceBack(text, end, begin);
    if (begin < end) out->push_back({begin, end});
  }

  std::unique_ptr<icu::BreakIterator> iter_;
  std::string buffer_;
  std::vector<std::size_t> icu_breaks_;
  std::vector<Candidate> candidates_;
};

}  // namespace

std::vector<Span> SplitParagraphs(std::string_view text) {
  std::vector<Span> out;
  std::size_t para_start = kNone, para_end = 0;
  std::size_t line = 0;
  while (line < text.size()) {
    const void* nl = std::memchr(text.data() + line, '\n', text.size() - line);
    const std::size_t line_end =
        nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - text.data()) : text.size();
    const std::size_t first = SkipSpace(text, line, line_end);
    if (first < line_end) {  // a line with text
      if (para_start == kNone) para_start = first;
      para_end = SkipSpaceBack(text, line_end, first);
    } else if (para_start != kNone) {  // a blank line ends the paragraph
      out.push_back({para_start, para_end});
      para_start = kNone;
    }
    line = line_end + 1;
  }
  if (para_start != kNone) out.push_back({para_start, para_end});
  return out;
}

namespace {

// True for a short parenthetical credit such as "(AFP)" or "(Reuters/Xinhua)": at most three
// words and no sentence punctuation inside.
bool IsCredit(std::string_view s) {
  constexpr std::size_t kMaxChars = 40;
  constexpr int kMaxSpaces = 2;
  if (s.size() < 3 || s.size() > kMaxChars || s.front() != '(' || s.back() != ')') return false;
  const std::string_view inner = s.substr(1, s.size() - 2);
  return inner.find_first_of(".!?()") == std::string_view::npos &&
         std::count(inner.begin(), inner.end(), ' ') <= kMaxSpaces;
}

// A credit that follows a sentence on the same line belongs to it ("... countries. (AFP)"),
// rather than standing as a sentence of its own.
void AttachCredits(std::string_view text, std::vector<Span>* spans) {
  std::size_t kept = 0;
  for (std::size_t i = 0; i < spans->size(); ++i) {
    const Span span = (*spans)[i];
    if (kept > 0) {
      Span& previous = (*spans)[kept - 1];
      const std::string_view gap = text.substr(previous.end, span.start - previous.end);
      if (gap.find('\n') == std::string_view::npos &&
          IsCredit(text.substr(span.start, span.end - span.start))) {
        previous.end = span.end;
        continue;
      }
    }
    (*spans)[kept++] = span;
  }
  spans->resize(kept);
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text) {
  thread_local Segmenter segmenter;
  std::vector<Span> out;
  out.reserve(text.size() / 80 + 1);
  segmenter.Split(text, &out);
  AttachCredits(text, &out);
  return out;
}

}  // namespace lectern
