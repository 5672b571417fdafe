// The cases of anchor_eval: articles read as code points, annotations picked in them, and
// perturbed copies (typos, replaced words, inserted and deleted sentences, shuffled paragraphs,
// reflow, a near copy elsewhere, another version of the story) that map each code point back.
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

#include "anchor_eval.h"
#include "lectern/reading.h"

namespace anchor_eval {
namespace {

bool IsLetter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

bool IsSpace(char32_t c) { return u_isUWhiteSpace(static_cast<UChar32>(c)); }

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

char32_t RandomLetter(Rng* rng, char32_t other) {
  char32_t c;
  do {
    c = U'a' + static_cast<char32_t>(rng->Below(26));
  } while (c == other);
  return c;
}

}  // namespace

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

Doc Identity(std::u32string_view text) {
  Doc d;
  for (std::size_t i = 0; i < text.size(); ++i) d.Push(text[i], static_cast<std::int64_t>(i));
  return d;
}

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

}  // namespace anchor_eval
