// Preparing a text and a selector for re-anchoring: decoded to code points and normalised for
// matching (case folded, typographic quotes and dashes unified, whitespace runs collapsed to one
// space, invisible characters dropped) with a map back to the original code points.
#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

#include "lectern/text.h"
#include "steps.h"

namespace lectern::anchoring {
namespace {

// Tuning (calibrated with bench/anchor_eval; the rest is in anchor.cpp and candidates.cpp).
constexpr std::size_t kContextSearch = 32;  // context characters searched with short quotes
constexpr std::size_t kContextScore = 64;   // context characters compared when scoring

// One code point folded for matching: case, and the typographic variants that copies of a story
// swap freely (curly and straight quotes, dashes). Always one code point, so offsets map 1:1.
char32_t Fold(char32_t c) {
  switch (c) {
    case 0x2018:
    case 0x2019:
    case 0x201A:
    case 0x201B:
    case 0x2032:
    case 0x02BC:
      return U'\'';
    case 0x201C:
    case 0x201D:
    case 0x201E:
    case 0x201F:
    case 0x2033:
    case 0x00AB:
    case 0x00BB:
      return U'"';
    case 0x2010:
    case 0x2011:
    case 0x2012:
    case 0x2013:
    case 0x2014:
    case 0x2015:
    case 0x2212:
    case 0xFE58:
    case 0xFE63:
    case 0xFF0D:
      return U'-';
    default:
      return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  }
}

// The normalised form of `raw` with its map back to raw code points.
struct Normalised {
  std::u32string chars;
  std::vector<std::uint32_t> from, to;
};

Normalised Normalise(std::u32string_view raw) {
  Normalised n;
  n.chars.reserve(raw.size());
  n.from.reserve(raw.size());
  n.to.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    const char32_t c = raw[i];
    const auto at = static_cast<std::uint32_t>(i);
    if (IsSpace(c)) {
      if (!n.chars.empty() && n.chars.back() == U' ') {
        n.to.back() = at + 1;  // the run grows
        continue;
      }
      n.chars.push_back(U' ');
    } else if (IsInvisible(c)) {
      if (!n.chars.empty() && n.chars.back() == U' ') n.to.back() = at + 1;
      continue;
    } else {
      n.chars.push_back(Fold(c));
    }
    n.from.push_back(at);
    n.to.push_back(at + 1);
  }
  return n;
}

}  // namespace

std::u32string Decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  const auto* s = reinterpret_cast<const std::uint8_t*>(text.data());
  const auto length = static_cast<std::int32_t>(std::min<std::size_t>(text.size(), INT32_MAX));
  std::int32_t i = 0;
  while (i < length) {
    UChar32 c;
    U8_NEXT(s, i, length, c);
    out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
  }
  return out;
}

bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

bool IsInvisible(char32_t c) {
  return c == 0x00AD || c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF;
}

bool IsMark(char32_t c) {
  const int8_t type = u_charType(static_cast<UChar32>(c));
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK || type == U_COMBINING_SPACING_MARK;
}

std::shared_ptr<const AnchorText::Data> Prepare(std::string_view text,
                                                const AnchorTextOptions& options) {
  auto data = std::make_shared<AnchorText::Data>();
  data->raw = Decode(text);
  Normalised n = Normalise(data->raw);
  data->norm = std::move(n.chars);
  data->from = std::move(n.from);
  data->to = std::move(n.to);
  const std::size_t size = data->raw.size();
  data->norm_of.assign(size + 1, UINT32_MAX);
  data->norm_of[size] = static_cast<std::uint32_t>(data->norm.size());
  for (std::size_t k = 0; k < data->norm.size(); ++k) {
    for (std::uint32_t r = data->from[k]; r < data->to[k]; ++r) {
      data->norm_of[r] = static_cast<std::uint32_t>(k);
    }
  }
  for (std::size_t r = size; r-- > 0;) {
    if (data->norm_of[r] == UINT32_MAX) data->norm_of[r] = data->norm_of[r + 1];
  }
  if (data->norm.size() >= options.index_from) data->index.emplace(data->norm);
  return data;
}

std::vector<std::u32string> Numbers(std::u32string_view s) {
  std::vector<std::u32string> out;
  auto digit = [](char32_t c) { return u_isdigit(static_cast<UChar32>(c)) != 0; };
  for (std::size_t i = 0; i < s.size();) {
    if (!digit(s[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < s.size() && (digit(s[i]) || ((s[i] == U'.' || s[i] == U',' || s[i] == U'/' ||
                                             s[i] == U':' || s[i] == U'-') &&
                                            i + 1 < s.size() && digit(s[i + 1])))) {
      ++i;
    }
    out.emplace_back(s.substr(start, i - start));
  }
  std::sort(out.begin(), out.end());
  return out;
}

int NumberErrors(const std::vector<std::u32string>& quote,
                 const std::vector<std::u32string>& candidate) {
  int extra = 0;
  std::size_t i = 0, j = 0;
  while (i < quote.size() || j < candidate.size()) {
    if (j == candidate.size() || (i < quote.size() && quote[i] < candidate[j])) {
      extra += 3 + static_cast<int>(quote[i++].size());
    } else if (i == quote.size() || candidate[j] < quote[i]) {
      extra += 3 + static_cast<int>(candidate[j++].size());
    } else {
      ++i;
      ++j;
    }
  }
  return extra;
}

Query MakeQuery(const QuoteSelector& selector) {
  Query q;
  q.raw_exact = Decode(selector.exact);
  const std::u32string raw_prefix = Decode(selector.prefix);
  const std::u32string raw_suffix = Decode(selector.suffix);
  q.has_context = !raw_prefix.empty() || !raw_suffix.empty();
  q.given_before = raw_prefix.size();
  q.given_after = raw_suffix.size();
  // Blanks, not only whitespace: an invisible character inside a leading run of whitespace
  // normalises into that run, and a quote's start counted past whitespace alone fell inside it
  // (fuzz finding 7).
  while (q.lead_space < q.raw_exact.size() && IsBlank(q.raw_exact[q.lead_space])) ++q.lead_space;
  while (q.trail_space < q.raw_exact.size() - q.lead_space &&
         IsBlank(q.raw_exact[q.raw_exact.size() - 1 - q.trail_space])) {
    ++q.trail_space;
  }
  const std::u32string all = raw_prefix + q.raw_exact + raw_suffix;
  const Normalised n = Normalise(all);
  const std::size_t quote_from = raw_prefix.size(),
                    quote_to = raw_prefix.size() + q.raw_exact.size();
  std::size_t begin = n.chars.size(), end = 0;
  for (std::size_t k = 0; k < n.chars.size(); ++k) {
    if (n.chars[k] == U' ' || n.from[k] < quote_from || n.to[k] > quote_to) continue;
    begin = std::min(begin, k);
    end = k + 1;
  }
  if (begin >= end) return q;  // nothing but whitespace: q.quote stays empty
  q.quote = n.chars.substr(begin, end - begin);
  q.numbers = Numbers(q.quote);
  const std::size_t before_from = begin > kContextScore ? begin - kContextScore : 0;
  q.before.assign(n.chars.rbegin() + static_cast<std::ptrdiff_t>(n.chars.size() - begin),
                  n.chars.rbegin() + static_cast<std::ptrdiff_t>(n.chars.size() - before_from));
  q.after = n.chars.substr(end, kContextScore);
  const std::size_t search_from = begin > kContextSearch ? begin - kContextSearch : 0;
  q.prefix_search = n.chars.substr(search_from, begin - search_from);
  q.suffix_search = n.chars.substr(end, kContextSearch);
  return q;
}

}  // namespace lectern::anchoring
