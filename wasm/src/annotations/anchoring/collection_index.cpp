// The collection index (lectern/anchoring.h): each text's distinct words, hashed, with the list of
// texts holding each word; a query counts, per text, the selector's uncommon words it holds.
#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <iterator>
#include <string>
#include <unordered_set>

#include "lectern/anchoring.h"
#include "steps.h"

namespace lectern {
namespace {

// A word is common when more than this share of the texts (and more than kCommonFloor) hold it.
constexpr double kCommonShare = 0.02;
constexpr std::size_t kCommonFloor = 16;
// A text is a candidate with this share of the quote's uncommon words, or of those of quote and
// context together (a short quote is found through its context; a long one has many words).
constexpr double kQuoteShare = 0.5, kAllShare = 0.25;
constexpr std::uint32_t kBestShare = 2;
constexpr std::size_t kRarestWords = 3;  // a passage of common words: texts holding its 3 rarest //
                                         // ... and at least 1/kBestShare of the best text's words

// Scripts written without spaces between words: adjacent pairs of their characters are the words.
bool Unspaced(char32_t c) {
  if (c < 0x0E00) return false;  // below Thai: spaced scripts only (and no ICU call per letter)
  if (u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_IDEOGRAPHIC)) return true;
  UErrorCode status = U_ZERO_ERROR;
  const UScriptCode script = uscript_getScript(static_cast<UChar32>(c), &status);
  return script == USCRIPT_HIRAGANA || script == USCRIPT_KATAKANA || script == USCRIPT_THAI ||
         script == USCRIPT_LAO || script == USCRIPT_KHMER || script == USCRIPT_MYANMAR;
}

struct Word {
  std::uint64_t hash;
  std::size_t begin, end;  // code points
  bool whole;              // a word of letters and digits (not a pair): cut if it touches an edge
};

std::uint64_t Mix(std::uint64_t h, char32_t c) { return (h ^ c) * 0x100000001B3ull; }

// The words of `text`, in order (repeats kept).
std::vector<Word> Words(std::u32string_view text) {
  std::vector<Word> words;
  constexpr std::uint64_t kSeed = 0xCBF29CE484222325ull;
  // ASCII without ICU: most letters of most collections, and indexing calls these per letter.
  auto folded = [](char32_t c) {
    if (c < 0x80) return c >= U'A' && c <= U'Z' ? static_cast<char32_t>(c + 32) : c;
    return static_cast<char32_t>(u_foldCase(static_cast<UChar32>(c), U_FOLD_CASE_DEFAULT));
  };
  auto alnum = [](char32_t c) {
    if (c < 0x80) {
      return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z') || (c >= U'0' && c <= U'9');
    }
    return u_isalnum(static_cast<UChar32>(c)) != 0;
  };
  for (std::size_t i = 0; i < text.size();) {
    const char32_t c = text[i];
    if (Unspaced(c)) {
      const bool pair = i + 1 < text.size() && Unspaced(text[i + 1]);
      const bool alone = !pair && (i == 0 || !Unspaced(text[i - 1]));
      if (pair || alone) {
        std::uint64_t h = Mix(kSeed ^ 1, folded(c));
        if (pair) h = Mix(h, folded(text[i + 1]));
        words.push_back({h, i, i + (pair ? 2 : 1), false});
      }
      ++i;
    } else if (alnum(c)) {
      const std::size_t start = i;
      std::uint64_t h = kSeed;
      while (i < text.size() && alnum(text[i]) && !Unspaced(text[i])) {
        h = Mix(h, folded(text[i++]));
      }
      words.push_back({h, start, i, true});
    } else {
      ++i;
    }
  }
  return words;
}

// The candidates of a passage made of common words only: the texts holding all of its
// kRarestWords rarest words (every text holding the passage does); nullopt without any word.
std::optional<std::vector<std::size_t>> CommonWordsCandidates(
    std::vector<const std::vector<std::uint32_t>*> words) {
  if (words.empty()) return std::nullopt;
  std::sort(words.begin(), words.end(),
            [](const auto* a, const auto* b) { return a->size() < b->size(); });
  std::vector<std::uint32_t> holding = *words[0], both;
  for (std::size_t i = 1; i < std::min(words.size(), kRarestWords); ++i) {
    both.clear();
    std::set_intersection(holding.begin(), holding.end(), words[i]->begin(), words[i]->end(),
                          std::back_inserter(both));
    holding.swap(both);
  }
  return std::vector<std::size_t>(holding.begin(), holding.end());
}

}  // namespace

CollectionIndex::CollectionIndex(const std::vector<std::string_view>& texts) : size_(texts.size()) {
  std::vector<std::uint64_t> distinct;
  for (std::size_t t = 0; t < texts.size(); ++t) {
    distinct.clear();
    for (const Word& w : Words(anchoring::Decode(texts[t]))) distinct.push_back(w.hash);
    std::sort(distinct.begin(), distinct.end());
    distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
    for (std::uint64_t h : distinct) postings_[h].push_back(static_cast<std::uint32_t>(t));
  }
}

std::size_t CollectionIndex::memory() const {
  std::size_t bytes = postings_.bucket_count() * sizeof(void*);
  for (const auto& [word, texts] : postings_) {
    bytes += sizeof(word) + sizeof(texts) + 2 * sizeof(void*) + texts.capacity() * 4;
  }
  return bytes;
}

std::optional<std::vector<std::size_t>> CollectionIndex::Candidates(
    const QuoteSelector& selector) const {
  // The words of prefix + exact + suffix together (a word may span a join), each once; those
  // that the edges may have cut from longer words do not count.
  const std::u32string prefix = anchoring::Decode(selector.prefix);
  const std::u32string exact = anchoring::Decode(selector.exact);
  const std::u32string all = prefix + exact + anchoring::Decode(selector.suffix);
  const std::size_t common =
      std::max(kCommonFloor, static_cast<std::size_t>(kCommonShare * static_cast<double>(size_)));
  std::unordered_set<std::uint64_t> seen;
  std::vector<std::uint32_t> quote_hits(size_, 0), all_hits(size_, 0);
  std::size_t quote_words = 0, all_words = 0;
  std::vector<std::uint32_t> touched;  // the texts holding any of the words
  std::vector<const std::vector<std::uint32_t>*> common_words;  // their texts
  for (const Word& w : Words(all)) {
    if (w.whole && (w.begin == 0 || w.end == all.size())) continue;
    if (!seen.insert(w.hash).second) continue;
    const auto it = postings_.find(w.hash);
    const std::size_t holders = it == postings_.end() ? 0 : it->second.size();
    if (holders > common) {
      common_words.push_back(&it->second);
      continue;
    }
    const bool quoted = w.begin >= prefix.size() && w.end <= prefix.size() + exact.size();
    ++all_words;
    if (quoted) ++quote_words;
    if (holders == 0) continue;
    for (std::uint32_t t : it->second) {
      if (all_hits[t]++ == 0) touched.push_back(t);
      if (quoted) ++quote_hits[t];
    }
  }
  if (all_words == 0) return CommonWordsCandidates(common_words);
  const auto share = [](double s, std::size_t n) {
    return std::max<std::size_t>(1,
                                 static_cast<std::size_t>(std::ceil(s * static_cast<double>(n))));
  };
  // Two words at least, when there are two: one rare word alone is often chance.
  const std::size_t need_quote = std::max(std::min<std::size_t>(2, quote_words),
                                          share(kQuoteShare, quote_words)),
                    need_all =
                        std::max(std::min<std::size_t>(2, all_words), share(kAllShare, all_words));
  std::vector<std::size_t> out;
  std::uint32_t best = 0;  // the most words any candidate holds
  for (std::uint32_t t : touched) {
    if ((quote_words > 0 && quote_hits[t] >= need_quote) || all_hits[t] >= need_all) {
      out.push_back(t);
      best = std::max(best, all_hits[t]);
    }
  }
  // A text that holds the passage, even edited, holds most of its words; texts holding less than
  // half of what the best one holds share a few names by chance.
  out.erase(std::remove_if(out.begin(), out.end(),
                           [&](std::size_t t) { return all_hits[t] * kBestShare < best; }),
            out.end());
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace lectern
