// Words and shingles for near-duplicate detection. Words are found by Unicode character class
// rather than ICU's word break rules: a break iterator costs several times more per character, and
// shingles only need the same text to split the same way every time.
#include "shingles.h"

#include <unicode/uchar.h>

#include <algorithm>

#include "lectern/text.h"

namespace lectern::dedup {
namespace {

constexpr std::uint64_t kFnvPrime = 0x100000001b3ULL;

// Marks are word characters too: without them Devanagari, Thai or decomposed accents would fall
// apart into fragments at every vowel sign.
constexpr std::uint32_t kWordCategories = U_GC_L_MASK | U_GC_M_MASK | U_GC_ND_MASK;

// Ideographs and kana are written without spaces; each counts as a word so that Chinese and
// Japanese shingles are character n-grams instead of whole clauses.
bool IsSingleCharWord(std::int32_t cp) {
  if ((cp >= 0x3040 && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) ||
      (cp >= 0xff66 && cp <= 0xff9f)) {
    return true;
  }
  return u_hasBinaryProperty(cp, UCHAR_IDEOGRAPHIC);
}

struct AsciiTable {
  // 0: not a word character; else the lower-cased character.
  unsigned char fold[128] = {};
  constexpr AsciiTable() {
    for (int c = '0'; c <= '9'; ++c) fold[c] = static_cast<unsigned char>(c);
    for (int c = 'a'; c <= 'z'; ++c) fold[c] = static_cast<unsigned char>(c);
    for (int c = 'A'; c <= 'Z'; ++c) fold[c] = static_cast<unsigned char>(c - 'A' + 'a');
  }
};
constexpr AsciiTable kAscii;

}  // namespace

std::size_t HashWords(std::string_view text, std::uint64_t seed, std::vector<std::uint64_t>* out) {
  const std::uint64_t basis = Mix64(seed ^ 0xcbf29ce484222325ULL);
  std::uint64_t h = basis;
  bool in_word = false;
  std::size_t words = 0;
  const auto end_word = [&] {
    if (!in_word) return;
    out->push_back(Mix64(h));
    ++words;
    h = basis;
    in_word = false;
  };
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char b = static_cast<unsigned char>(text[i]);
    if (b < 0x80) {
      ++i;
      if (const unsigned char f = kAscii.fold[b]) {
        h = (h ^ f) * kFnvPrime;
        in_word = true;
      } else {
        end_word();
      }
      continue;
    }
    std::size_t length = 0;
    const std::int32_t cp = DecodeUtf8(text, i, &length);
    i += length;
    if (cp == kInvalidUtf8 || !(U_MASK(u_charType(cp)) & kWordCategories)) {
      end_word();
      continue;
    }
    const std::uint32_t folded = static_cast<std::uint32_t>(u_foldCase(cp, U_FOLD_CASE_DEFAULT));
    if (IsSingleCharWord(cp)) {
      end_word();
      h = (h ^ folded) * kFnvPrime;
      in_word = true;
      end_word();
      continue;
    }
    h = (h ^ folded) * kFnvPrime;
    in_word = true;
  }
  end_word();
  return words;
}

void AppendShingles(std::string_view text, std::size_t n, std::uint64_t seed,
                    std::vector<std::uint64_t>* out) {
  thread_local std::vector<std::uint64_t> words;
  words.clear();
  HashWords(text, seed, &words);
  if (words.empty() || n == 0) return;
  // Word i of a shingle is multiplied by its own odd constant, so the hash depends on word order;
  // the count goes in too, so a short text's single shingle never equals a full one.
  const auto shingle = [&](std::size_t first, std::size_t count) {
    std::uint64_t h = Mix64(seed + count);
    std::uint64_t k = 0x9e3779b97f4a7c15ULL;
    for (std::size_t j = 0; j < count; ++j) {
      h += words[first + j] * k;
      k = k * 0xd6e8feb86659fd93ULL + 2;  // stays odd
    }
    return Mix64(h);
  };
  if (words.size() < n) {
    out->push_back(shingle(0, words.size()));
    return;
  }
  out->reserve(out->size() + words.size() - n + 1);
  for (std::size_t i = 0; i + n <= words.size(); ++i) out->push_back(shingle(i, n));
}

}  // namespace lectern::dedup
