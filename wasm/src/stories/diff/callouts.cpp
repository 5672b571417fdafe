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

// Items pair only within a category: in order, for capitalised words, numbers, weekdays, months,
// other names; for mentions, people, organisations, places, dates, numbers.
enum Category : int { kNumberWords, kWeekdays, kMonths, kOtherNames, kWordCategories };
enum MentionCategory : int {
  kPeople,
  kOrganisations,
  kPlaces,
  kDates,
  kNumbers,
  kMentionCategories
};

struct Item {
  int category = 0;
  const char* kind = "name";  // NotableChange::kind
  const char* type = "";      // NotableChange::type
  std::string text;
  // What makes two items the same thing (mentions: the id or date value, else the folded text);
  // "" for capitalised words and numbers, which compare by text.
  std::string key;
  std::size_t words_before = 0, words_after = 0;  // within its side of the change run
  std::size_t start = 0, end = 0;                 // bytes of the version
  // A mention the run does not touch, standing where the other side's touched mention reaches
  // into the unchanged text: compared when paired, never reported alone.
  bool context = false;
};

bool HasDigit(std::string_view word) {
  return std::any_of(word.begin(), word.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool StartsUpper(std::string_view word) {
  std::size_t len = 0;
  const std::int32_t cp = DecodeAt(word, 0, len);
  return cp >= 0 && (u_isupper(cp) || u_istitle(cp));
}

// Spans are ascending and non-overlapping, so their ends ascend too: the first that ends after
// `pos` is found by binary search.
template <typename T, typename SpanOf>
auto FirstEndingAfter(const std::vector<T>& list, std::size_t pos, SpanOf span_of) {
  return std::partition_point(list.begin(), list.end(),
                              [&](const T& x) { return span_of(x).end <= pos; });
}

bool OverlapsAny(const std::vector<Span>* spans, std::size_t lo, std::size_t hi) {
  if (spans == nullptr) return false;
  const auto it = FirstEndingAfter(*spans, lo, [](const Span& s) { return s; });
  return it != spans->end() && it->start < hi;
}

// The numbers and names of one side of a change run found from capitalised words. `before` is
// the text of that side just before the run, to tell whether the run begins a sentence; `at` is
// where the run starts in the version.
std::vector<Item> ItemsOf(std::string_view text, std::string_view before, std::size_t at,
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
  auto item = [&](int category, const char* kind, std::string_view word, std::size_t index,
                  std::size_t after, const Token& t) {
    Item i;
    i.category = category;
    i.kind = kind;
    i.text = std::string(word);
    i.words_before = index;
    i.words_after = after;
    i.start = at + t.start;
    i.end = at + t.end;
    return i;
  };
  for (std::size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    const std::string_view word = text.substr(t.start, t.end - t.start);
    if (t.kind != TokenKind::kWord) {
      if (t.kind == TokenKind::kMark) {
        if (word == "." || word == "!" || word == "?") sentence_start = true;
        // "St. Petersburg": a short capitalised word and its period stay in the name.
        const bool abbreviation =
            word == "." && joinable && !items.empty() && items.back().category != kNumberWords &&
            items.back().text.size() <= 3 && items.back().text.find(' ') == std::string::npos;
        if (abbreviation) {
          items.back().text += '.';
          items.back().end = at + t.end;
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
      items.push_back(item(kNumberWords, "number", word, index, after, t));
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
    const int category = cls == NameClass::kWeekday ? kWeekdays
                         : cls == NameClass::kMonth ? kMonths
                                                    : kOtherNames;
    if (joinable && category == kOtherNames && !items.empty() &&
        items.back().category == kOtherNames) {
      items.back().text += ' ';
      items.back().text += word;
      items.back().words_after = after;
      items.back().end = at + t.end;
    } else {
      items.push_back(item(category, "name", word, index, after, t));
    }
    joinable = category == kOtherNames;
  }
  return items;
}

int CategoryOf(NotableType type) {
  switch (type) {
    case NotableType::kPerson:
      return kPeople;
    case NotableType::kOrganisation:
      return kOrganisations;
    case NotableType::kPlace:
      return kPlaces;
    case NotableType::kDate:
      return kDates;
  }
  return kPeople;
}

// What makes a mention the same thing as another: its date value or id, else its folded text.
std::string KeyOf(const NotableSpan& m, std::string_view text) {
  if (m.type == NotableType::kDate && !m.value.empty()) return "value:" + m.value;
  if (m.type != NotableType::kDate && !m.id.empty()) return "id:" + m.id;
  return "text:" + FoldWord(text.substr(m.span.start, m.span.end - m.span.start));
}

bool IsWordByte(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') || ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

Item MentionItem(const NotableSpan& m, std::string_view text) {
  Item i;
  i.category = CategoryOf(m.type);
  i.kind = m.type == NotableType::kDate ? "date" : "name";
  i.type = NotableTypeName(m.type);
  i.text = std::string(text.substr(m.span.start, m.span.end - m.span.start));
  i.key = KeyOf(m, text);
  i.start = m.span.start;
  i.end = m.span.end;
  return i;
}

// The items of one side of a change run found from mentions: the mentions whose letters or
// digits the run [lo, hi) of the version touches, and the numbers of the run outside dates.
std::vector<Item> MentionItemsOf(const CalloutSide& side, std::size_t lo, std::size_t hi) {
  std::vector<Item> items;
  const std::vector<NotableSpan>& mentions = *side.mentions;
  auto place = [&](Item& i) {
    i.words_before = i.start > lo ? i.start - lo : 0;
    i.words_after = hi > i.end ? hi - i.end : 0;
  };
  for (auto it = FirstEndingAfter(mentions, lo, [](const NotableSpan& m) { return m.span; });
       it != mentions.end() && it->span.start < hi; ++it) {
    const std::size_t from = std::max(it->span.start, lo), to = std::min(it->span.end, hi);
    const std::string_view touched = side.text.substr(from, to - from);
    if (std::none_of(touched.begin(), touched.end(), IsWordByte)) continue;
    if (OverlapsAny(side.quiet, it->span.start, it->span.end)) continue;
    Item i = MentionItem(*it, side.text);
    place(i);
    items.push_back(std::move(i));
  }
  const std::string_view run = side.text.substr(lo, hi - lo);
  for (const Token& t : Tokenize(run)) {
    const std::string_view word = run.substr(t.start, t.end - t.start);
    if (t.kind != TokenKind::kWord || !HasDigit(word)) continue;
    const std::size_t start = lo + t.start, end = lo + t.end;
    if (OverlapsAny(side.quiet, start, end)) continue;
    const auto date =
        FirstEndingAfter(mentions, start, [](const NotableSpan& m) { return m.span; });
    if (date != mentions.end() && date->span.start < end && date->type == NotableType::kDate) {
      continue;
    }
    Item i;
    i.category = kNumbers;
    i.kind = "number";
    i.text = std::string(word);
    i.start = start;
    i.end = end;
    place(i);
    items.push_back(std::move(i));
  }
  return items;
}

// A touched mention of one side that reaches beyond its run [lo, hi) into unchanged text
// ("Political Bureau of ..." with only "Political " deleted) stands there on the other side too,
// where that side's run [other_lo, other_hi) is: the other side's mentions in that unchanged text
// join its items as context, so "Political Bureau of ..." pairs with "Bureau of ..." rather than
// being dropped.
void AddContext(const std::vector<Item>& touched, std::size_t lo, std::size_t hi,
                const CalloutSide& other, std::size_t other_lo, std::size_t other_hi,
                std::vector<Item>& other_items) {
  const std::vector<NotableSpan>& mentions = *other.mentions;
  auto add_in = [&](std::size_t from, std::size_t to) {
    for (auto it = FirstEndingAfter(mentions, from, [](const NotableSpan& m) { return m.span; });
         it != mentions.end() && it->span.start < to; ++it) {
      if (it->span.start < other_hi && it->span.end > other_lo) continue;  // touched: listed
      if (OverlapsAny(other.quiet, it->span.start, it->span.end)) continue;
      const bool listed = std::any_of(other_items.begin(), other_items.end(), [&](const Item& i) {
        return i.start == it->span.start && i.end == it->span.end;
      });
      if (listed) continue;
      Item i = MentionItem(*it, other.text);
      i.context = true;
      i.words_before = i.end <= other_lo ? 0 : i.start - other_lo;
      i.words_after = i.start >= other_hi ? 0 : other_hi - i.end;
      other_items.push_back(std::move(i));
    }
  };
  for (const Item& t : touched) {
    if (t.category == kNumbers || t.context) continue;
    if (t.start < lo) add_in(other_lo - std::min(other_lo, lo - t.start), other_lo);
    if (t.end > hi) add_in(other_hi, std::min(other.text.size(), other_hi + (t.end - hi)));
  }
}

// The words of a person's key ("id:PER:vladimir putin" -> vladimir, putin), else none.
std::vector<std::string_view> PersonWords(std::string_view key) {
  std::vector<std::string_view> words;
  constexpr std::string_view kPerson = "id:PER:";
  if (key.substr(0, kPerson.size()) != kPerson) return words;
  std::string_view name = key.substr(kPerson.size());
  while (!name.empty()) {
    const std::size_t space = name.find(' ');
    if (space != 0) words.push_back(name.substr(0, space));
    if (space == std::string_view::npos) break;
    name.remove_prefix(space + 1);
  }
  return words;
}

// The keys a group's side lists for a mention: its own and, for a person, "part:" each word of a
// longer name and "alone:" a one-word name, so "Putin" and "Vladimir Putin" find each other.
void AddKeys(const std::string& key, std::vector<std::string>& keys) {
  keys.push_back(key);
  const std::vector<std::string_view> words = PersonWords(key);
  if (words.size() == 1) keys.push_back("alone:" + std::string(words[0]));
  if (words.size() > 1) {
    for (std::string_view w : words) keys.push_back("part:" + std::string(w));
  }
}

// The keys that say the other side names the same thing as `i`: its own, and for a one-word person
// a longer name holding it, for a longer name a one-word person among its words.
std::vector<std::string> KinKeys(const Item& i) {
  std::vector<std::string> keys = {i.key};
  const std::vector<std::string_view> words = PersonWords(i.key);
  if (words.size() == 1) keys.push_back("part:" + std::string(words[0]));
  if (words.size() > 1) {
    for (std::string_view w : words) keys.push_back("alone:" + std::string(w));
  }
  return keys;
}

// Whether two paired items name different things ("Putin" and "Vladimir Putin" do not).
bool Differs(const Item& x, const Item& y) {
  if (x.key.empty() || y.key.empty()) return x.text != y.text;
  if (x.key == y.key) return false;
  const std::vector<std::string_view> wx = PersonWords(x.key), wy = PersonWords(y.key);
  if (wx.size() == 1 && !wy.empty()) return std::find(wy.begin(), wy.end(), wx[0]) == wy.end();
  if (wy.size() == 1 && !wx.empty()) return std::find(wx.begin(), wx.end(), wy[0]) == wx.end();
  return true;
}

// How unlikely it is that x became y: replacements keep their place relative to one end of the
// run ("Putin thanks China" -> "He also thanked Beijing": China and Beijing both end it).
std::size_t Distance(const Item& x, const Item& y) {
  auto diff = [](std::size_t p, std::size_t q) { return p > q ? p - q : q - p; };
  return std::min(diff(x.words_before, y.words_before), diff(x.words_after, y.words_after));
}

// The keys of the mentions in [lo, hi) of a version: the things that side of a group names.
std::vector<std::string> KeysIn(const CalloutSide& side, std::size_t lo, std::size_t hi) {
  std::vector<std::string> keys;
  const std::vector<NotableSpan>& mentions = *side.mentions;
  for (auto it = FirstEndingAfter(mentions, lo, [](const NotableSpan& m) { return m.span; });
       it != mentions.end() && it->span.start < hi; ++it) {
    AddKeys(KeyOf(*it, side.text), keys);
  }
  std::sort(keys.begin(), keys.end());
  return keys;
}

// Whether the other side of the group still names an item (null: never). What is left over after
// pairing is dropped or added only when not; a pair of two still named items is a reordering
// ("Putin thanked Wang Yi" -> "Wang Yi was thanked by Putin"), but "China and Russia" ->
// "Beijing and Moscow" is a change even when "China-Russia" follows in both.
struct Remaining {
  const std::vector<std::string>* other_keys = nullptr;
  bool StillNamed(const Item& i) const {
    if (other_keys == nullptr || i.key.empty()) return false;
    for (const std::string& k : KinKeys(i)) {
      if (std::binary_search(other_keys->begin(), other_keys->end(), k)) return true;
    }
    return false;
  }
};

// Pairs A's and B's items of one category: in order, every item of the shorter list with one of
// the longer, choosing the pairs that keep their place best (the earliest on ties).
void Pair(const std::vector<Item>& a, const std::vector<Item>& b, int category,
          const Remaining& a_left, const Remaining& b_left, std::vector<NotableChange>& out) {
  std::vector<const Item*> xs, ys;
  for (const Item& i : a) {
    if (i.category == category) xs.push_back(&i);
  }
  for (const Item& i : b) {
    if (i.category == category) ys.push_back(&i);
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
  auto emit = [&](const Item* x, const Item* y) {
    if (swapped) std::swap(x, y);
    if (x != nullptr && y != nullptr) {
      // A context item stands where the other side's name was edited in place ("Vladimir Putin"
      // cut to "Vladimir"): not a shortened reference nor a reordering, so any other name counts.
      const bool in_place = x->context || y->context;
      const bool changed =
          in_place ? x->key != y->key
                   : Differs(*x, *y) && !(a_left.StillNamed(*x) && b_left.StillNamed(*y));
      if (changed) {
        out.push_back({x->kind, x->type, x->text, y->text});
      }
    } else if (x != nullptr) {
      if (!x->context && !a_left.StillNamed(*x)) out.push_back({x->kind, x->type, x->text, ""});
    } else if (y != nullptr && !y->context && !b_left.StillNamed(*y)) {
      out.push_back({y->kind, y->type, "", y->text});
    }
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
  items.erase(
      std::remove_if(items.begin(), items.end(),
                     [&](const Item& i) { return i.category != kNumberWords && known(i.text); }),
      items.end());
}

void DropQuiet(std::vector<Item>& items, const std::vector<Span>* quiet) {
  items.erase(std::remove_if(items.begin(), items.end(),
                             [&](const Item& i) { return OverlapsAny(quiet, i.start, i.end); }),
              items.end());
}

}  // namespace

std::vector<NotableChange> FindNotableChanges(const std::vector<WordEdit>& words,
                                              const CalloutSide& a, const CalloutSide& b,
                                              const SeenLowercase& seen_lowercase) {
  const bool mentions = a.mentions != nullptr && b.mentions != nullptr;
  std::vector<std::string> a_keys, b_keys;
  if (mentions) {
    std::size_t a_len = 0, b_len = 0;
    for (const WordEdit& w : words) {
      if (w.op != WordOp::kInsert) a_len += w.text.size();
      if (w.op != WordOp::kDelete) b_len += w.text.size();
    }
    a_keys = KeysIn(a, a.start, a.start + a_len);
    b_keys = KeysIn(b, b.start, b.start + b_len);
  }
  // A's leftovers are dropped unless B's side of the group names them, and the other way round.
  const Remaining a_left{mentions ? &b_keys : nullptr}, b_left{mentions ? &a_keys : nullptr};
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
    const std::size_t a_at = a.start + a_so_far.size(), b_at = b.start + b_so_far.size();
    if (mentions) {
      const std::size_t a_end = a_at + deleted.size(), b_end = b_at + inserted.size();
      std::vector<Item> ia = MentionItemsOf(a, a_at, a_end);
      std::vector<Item> ib = MentionItemsOf(b, b_at, b_end);
      const std::vector<Item> touched_a = ia;
      AddContext(ib, b_at, b_end, a, a_at, a_end, ia);
      AddContext(touched_a, a_at, a_end, b, b_at, b_end, ib);
      // Pairing keeps reading order within a category.
      auto by_start = [](const Item& x, const Item& y) { return x.start < y.start; };
      std::stable_sort(ia.begin(), ia.end(), by_start);
      std::stable_sort(ib.begin(), ib.end(), by_start);
      for (int c = 0; c < kMentionCategories; ++c) Pair(ia, ib, c, a_left, b_left, out);
    } else {
      std::vector<Item> ia = ItemsOf(deleted, a_so_far, a_at, seen_lowercase);
      std::vector<Item> ib = ItemsOf(inserted, b_so_far, b_at, seen_lowercase);
      DropCaseChanges(ia, inserted);
      DropCaseChanges(ib, deleted);
      DropQuiet(ia, a.quiet);
      DropQuiet(ib, b.quiet);
      for (int c = 0; c < kWordCategories; ++c) Pair(ia, ib, c, a_left, b_left, out);
    }
    a_so_far += deleted;
    b_so_far += inserted;
  }
  return out;
}

}  // namespace lectern::diff
