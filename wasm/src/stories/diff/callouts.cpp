#include "callouts.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>

#include "tokens.h"

namespace lectern::diff {
namespace {

enum class NameClass { kWeekday, kMonth, kOther };

bool OneOf(std::string_view folded, std::initializer_list<std::string_view> list) {
  return std::find(list.begin(), list.end(), folded) != list.end();
}

NameClass ClassOf(std::string_view folded) {
  if (OneOf(folded, {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                     "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"})) {
    return NameClass::kWeekday;
  }
  if (OneOf(folded,
            {"january",   "february", "march",    "april",    "may",  "june", "july", "august",
             "september", "october",  "november", "december", "jan",  "feb",  "mar",  "apr",
             "jun",       "jul",      "aug",      "sep",      "sept", "oct",  "nov",  "dec"})) {
    return NameClass::kMonth;
  }
  return NameClass::kOther;
}

// Capitalised words that begin sentences without being names, for texts too short to show them
// in lower case elsewhere.
bool IsCommonOpener(std::string_view folded) {
  return OneOf(
      folded, {"a",      "an",   "the",     "he",        "she",   "it",    "they", "we",    "i",
               "you",    "this", "that",    "these",     "those", "there", "in",   "on",    "at",
               "for",    "but",  "and",     "or",        "as",    "if",    "when", "while", "after",
               "before", "with", "by",      "from",      "to",    "his",   "her",  "its",   "their",
               "our",    "also", "however", "meanwhile", "some",  "one"});
}

struct Item {
  bool number = false;
  std::string text;
  NameClass cls = NameClass::kOther;
  std::size_t words_before = 0, words_after = 0;  // within its side of the change run
};

bool HasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool StartsUpper(std::string_view word) {
  std::size_t len = 0;
  const std::int32_t cp = DecodeAt(word, 0, len);
  return cp >= 0 && (u_isupper(cp) || u_istitle(cp));
}

// The numbers and names of one side of a change run. `before` is the text of that side just
// before the run, to tell whether the run begins a sentence.
std::vector<Item> ItemsOf(std::string_view text, std::string_view before,
                          const SeenLowercase& seen_lowercase) {
  std::vector<Item> items;
  const std::vector<Token> tokens = Tokenize(text);
  // Whether the next word starts a sentence: nothing before it, or a sentence end.
  auto ends_sentence = [](std::string_view s) {
    const std::size_t last = s.find_last_not_of(" \t\r\n\"'\xe2\x80\x9d)");
    return last == std::string_view::npos || s[last] == '.' || s[last] == '!' || s[last] == '?';
  };
  bool sentence_start = ends_sentence(before);
  bool joinable = false;  // the previous token sequence allows the next name to join the last
  std::size_t word_index = 0, total_words = 0;
  for (const Token& t : tokens) total_words += t.kind == TokenKind::kWord;
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    const std::string_view word = text.substr(t.start, t.end - t.start);
    if (t.kind != TokenKind::kWord) {
      if (t.kind == TokenKind::kMark) {
        if (word == "." || word == "!" || word == "?") sentence_start = true;
        // "St. Petersburg": a short capitalised word and its period stay in the name.
        const bool abbreviation = word == "." && joinable && !items.empty() &&
                                  !items.back().number && items.back().text.size() <= 3 &&
                                  items.back().text.find(' ') == std::string::npos;
        if (abbreviation) {
          items.back().text += '.';
          sentence_start = false;
        } else {
          joinable = false;
        }
      } else if (word != " ") {
        joinable = false;
      }
      continue;
    }
    const bool at_start = sentence_start;
    sentence_start = false;
    const std::size_t index = word_index++;
    const std::size_t after = total_words - index - 1;
    if (HasDigit(word)) {
      items.push_back({true, std::string(word), NameClass::kOther, index, after});
      joinable = false;
      continue;
    }
    if (!StartsUpper(word)) {
      joinable = false;
      continue;
    }
    const std::string folded = FoldWord(word);
    if (at_start && (IsCommonOpener(folded) || seen_lowercase(folded))) {
      joinable = false;
      continue;
    }
    const NameClass cls = ClassOf(folded);
    if (joinable && cls == NameClass::kOther && !items.empty() && !items.back().number &&
        items.back().cls == NameClass::kOther) {
      items.back().text += ' ';
      items.back().text += word;
      items.back().words_after = after;
    } else {
      items.push_back({false, std::string(word), cls, index, after});
    }
    joinable = cls == NameClass::kOther;
  }
  return items;
}

// How unlikely it is that x became y: replacements keep their place relative to one end of the
// run ("Putin thanks China" -> "He also thanked Beijing": China and Beijing both end it).
std::size_t Distance(const Item& x, const Item& y) {
  auto diff = [](std::size_t p, std::size_t q) { return p > q ? p - q : q - p; };
  return std::min(diff(x.words_before, y.words_before), diff(x.words_after, y.words_after));
}

// Pairs A's and B's items of one kind and class: in order, every item of the shorter list with
// one of the longer, choosing the pairs that keep their place best (the earliest on ties).
void Pair(const std::vector<Item>& a, const std::vector<Item>& b, bool number, NameClass cls,
          std::vector<NotableChange>& out) {
  std::vector<const Item*> xs, ys;
  for (const Item& i : a) {
    if (i.number == number && (number || i.cls == cls)) xs.push_back(&i);
  }
  for (const Item& i : b) {
    if (i.number == number && (number || i.cls == cls)) ys.push_back(&i);
  }
  const bool swapped = xs.size() > ys.size();
  if (swapped) std::swap(xs, ys);
  const std::size_t n = xs.size(), m = ys.size();
  // partner[k]: the item of ys paired with xs[k]. Long lists (a whole block replaced) pair in
  // order rather than pay for the quadratic search.
  std::vector<std::size_t> partner(n);
  for (std::size_t k = 0; k < n; ++k) partner[k] = k;
  if (n > 0 && n < m && static_cast<std::uint64_t>(n) * m <= 4096) {
    // cost[i][j]: least cost of pairing xs[0, i) within ys[0, j).
    const std::size_t kInf = static_cast<std::size_t>(-1) / 2;
    std::vector<std::size_t> cost((n + 1) * (m + 1), kInf);
    for (std::size_t j = 0; j <= m; ++j) cost[j] = 0;
    for (std::size_t i = 1; i <= n; ++i) {
      for (std::size_t j = i; j <= m; ++j) {
        cost[i * (m + 1) + j] =
            std::min(cost[i * (m + 1) + j - 1],
                     cost[(i - 1) * (m + 1) + j - 1] + Distance(*xs[i - 1], *ys[j - 1]));
      }
    }
    // Walk back, preferring to pair early: skip ys[j - 1] only when pairing it costs more.
    std::size_t j = m;
    for (std::size_t i = n; i > 0; --i) {
      while (j > i && cost[i * (m + 1) + j] == cost[i * (m + 1) + j - 1]) --j;
      partner[i - 1] = j - 1;
      --j;
    }
  }
  std::vector<char> paired(m, 0);
  for (std::size_t k = 0; k < n; ++k) paired[partner[k]] = 1;
  const char* kind = number ? "number" : "name";
  auto emit = [&](const Item* x, const Item* y) {
    if (swapped) std::swap(x, y);
    const std::string sa = x ? x->text : "", sb = y ? y->text : "";
    if (sa != sb) out.push_back({kind, sa, sb});
  };
  std::size_t k = 0;
  for (std::size_t j = 0; j < m; ++j) {
    if (paired[j]) {
      emit(xs[k++], ys[j]);
    } else {
      emit(nullptr, ys[j]);
    }
  }
}

// Drops the names whose words all stand on the other side in another case ("colombia's" became
// "Colombia's"): a change of case is not a change of name.
void DropCaseChanges(std::vector<Item>& items, std::string_view other_side) {
  std::vector<std::string> others;
  for (const Token& t : Tokenize(other_side)) {
    if (t.kind == TokenKind::kWord) {
      others.push_back(FoldWord(other_side.substr(t.start, t.end - t.start)));
    }
  }
  std::sort(others.begin(), others.end());
  auto known = [&](const std::string& text) {
    for (const Token& t : Tokenize(text)) {
      if (t.kind != TokenKind::kWord) continue;
      const std::string folded = FoldWord(std::string_view(text).substr(t.start, t.end - t.start));
      if (!std::binary_search(others.begin(), others.end(), folded)) return false;
    }
    return true;
  };
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const Item& i) { return !i.number && known(i.text); }),
              items.end());
}

}  // namespace

std::vector<NotableChange> FindNotableChanges(const std::vector<WordEdit>& words,
                                              const SeenLowercase& seen_lowercase) {
  std::vector<NotableChange> out;
  std::string a_so_far, b_so_far;
  for (std::size_t k = 0; k < words.size();) {
    if (words[k].op == WordOp::kEqual) {
      a_so_far += words[k].text;
      b_so_far += words[k].text;
      ++k;
      continue;
    }
    std::string deleted, inserted;
    for (; k < words.size() && words[k].op != WordOp::kEqual; ++k) {
      (words[k].op == WordOp::kDelete ? deleted : inserted) += words[k].text;
    }
    std::vector<Item> a = ItemsOf(deleted, a_so_far, seen_lowercase);
    std::vector<Item> b = ItemsOf(inserted, b_so_far, seen_lowercase);
    DropCaseChanges(a, inserted);
    DropCaseChanges(b, deleted);
    Pair(a, b, true, NameClass::kOther, out);
    for (const NameClass cls : {NameClass::kWeekday, NameClass::kMonth, NameClass::kOther}) {
      Pair(a, b, false, cls, out);
    }
    a_so_far += deleted;
    b_so_far += inserted;
  }
  return out;
}

}  // namespace lectern::diff
