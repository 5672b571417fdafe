// Anchors an arbitrary selector in an arbitrary text and checks the contract: a result inside the
// text with scores in [0, 1], the same whether the text is prepared once or not, a minimum score
// honoured, and, for the selector DescribeRange makes of a range of the same text, either that
// very range or an orphan ("better nothing than the wrong place").
//
// Input: byte 0 flags (bit 0: a position is given; bit 1: no minimum score; bit 2: also anchor
// without preparing the text), bytes 1-2 the position's start and byte 3 its length; the rest cut
// at 0xFF bytes into exact, prefix, suffix and text, each cut to kMaxPart bytes: a short quote is
// searched with its context (the nearest 32 characters) by dynamic programming at up to 200 places
// of the text, some milliseconds a run under the sanitizers on repetitive text, and a longer text
// only adds places to the same number.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "fuzz_input.h"
#include "lectern/anchoring.h"

using lectern_fuzz::Check;

namespace {

constexpr std::size_t kMaxPart = 512;

bool Unit(double x) { return x >= 0 && x <= 1; }

void CheckResult(const lectern::AnchorResult& r, const lectern::AnchorText& text,
                 const lectern::AnchorOptions& options) {
  Check(Unit(r.score) && Unit(r.quote_score) && Unit(r.prefix_score) && Unit(r.suffix_score));
  if (!r.anchored) return;
  Check(r.start < r.end && r.end <= text.size());
  Check(r.score >= options.min_score);
}

bool Same(const lectern::AnchorResult& x, const lectern::AnchorResult& y) {
  return x.anchored == y.anchored && x.start == y.start && x.end == y.end && x.score == y.score &&
         x.exact == y.exact && x.reason == y.reason;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  constexpr std::size_t kHeader = 4;
  if (size < kHeader) return 0;
  const std::vector<std::string_view> parts =
      lectern_fuzz::SplitInput(lectern_fuzz::AsText(data + kHeader, size - kHeader), 4, kMaxPart);
  lectern::QuoteSelector selector;
  selector.exact = parts[0];
  if (parts.size() > 2) selector.prefix = parts[1];
  if (parts.size() > 3) selector.suffix = parts[2];
  const std::string_view text = parts.back();
  selector.has_position = (data[0] & 1) != 0;
  selector.start = data[1] | data[2] << 8;
  selector.end = selector.start + data[3];

  lectern::AnchorOptions options;
  if (data[0] & 2) options.min_score = 0;
  const lectern::AnchorText prepared(text);
  const lectern::AnchorResult result = lectern::Anchor(prepared, selector, options);
  CheckResult(result, prepared, options);
  if (data[0] & 4) Check(Same(result, lectern::Anchor(text, selector, options)));

  // The range the selector's position names, described from this text, is found there or nowhere.
  const lectern::QuoteSelector own = lectern::DescribeRange(text, selector.start, selector.end);
  const lectern::AnchorResult found = lectern::Anchor(prepared, own, options);
  CheckResult(found, prepared, options);
  Check(!found.anchored || (found.start == own.start && found.end == own.end));
  return 0;
}
