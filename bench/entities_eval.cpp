// Entity accuracy: exact span and type, per type and micro P/R/F1.
//   entities_eval [--split dev|test] [--errors]
//     ../shared/data/dev/entities-ewt.json (PER/ORG/LOC; web text) and
//     tests/fixtures/entities/seeds-gold.json (news, + DATE); --errors lists EWT's misses ("-") and
//     false mentions ("+") with their text. Also counts the gold spans our tokens cannot produce
//     (a boundary inside a token): no tagger over these tokens can find those.
// Run from the project folder. Without ../shared the EWT part says "skipped:".
#include <cstdio>
#include <fstream>
#include <iterator>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "lectern/entities.h"
#include "lectern/reading.h"
#include "lectern/text.h"
#include "tokenize.h"

namespace {

using Key = std::tuple<std::size_t, std::size_t, std::string>;  // start, end (code points), type

struct Counts {
  std::map<std::string, std::array<int, 3>> by_type;  // tp, predicted, gold
  int value_right = 0, value_gold = 0;
  void Add(const std::set<Key>& gold, const std::set<Key>& pred) {
    for (const Key& k : pred) {
      ++by_type[std::get<2>(k)][1];
      if (gold.count(k)) ++by_type[std::get<2>(k)][0];
    }
    for (const Key& k : gold) ++by_type[std::get<2>(k)][2];
  }
  void Print(const char* title) const {
    std::printf("%s\n  type   P      R      F1     (gold)\n", title);
    std::array<int, 3> all{};
    const auto line = [](const std::string& name, const std::array<int, 3>& c) {
      const double p = c[1] ? 1.0 * c[0] / c[1] : 0, r = c[2] ? 1.0 * c[0] / c[2] : 0;
      std::printf("  %-5s  %.3f  %.3f  %.3f  (%d)\n", name.c_str(), p, r,
                  p + r > 0 ? 2 * p * r / (p + r) : 0.0, c[2]);
    };
    for (const auto& [type, c] : by_type) {
      line(type, c);
      for (int i = 0; i < 3; ++i) all[i] += c[i];
    }
    line("micro", all);
    if (value_gold) std::printf("  DATE values right: %d of %d\n", value_right, value_gold);
  }
};

std::string Slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Predicted mentions as code-point keys, restricted to `types`.
std::set<Key> Predict(const std::string& text, const std::string& date,
                      const std::set<std::string>& types,
                      std::map<Key, std::string>* values = nullptr) {
  lectern::EntityOptions o;
  o.date = date;
  const std::vector<lectern::EntityMention> ms = lectern::FindEntities(text, o);
  std::vector<std::size_t> bytes;
  for (const auto& m : ms) {
    bytes.push_back(m.span.start);
    bytes.push_back(m.span.end);
  }
  const std::vector<std::size_t> cp =
      lectern::ConvertOffsets(text, bytes, lectern::OffsetUnit::kCodePoint);
  std::set<Key> out;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (!types.count(ms[i].type)) continue;
    const Key k{cp[2 * i], cp[2 * i + 1], ms[i].type};
    out.insert(k);
    if (values) (*values)[k] = ms[i].value;
  }
  return out;
}

// Whether the code-point span [start, end) of `text` begins and ends on token boundaries.
bool Reachable(const std::string& text, const std::vector<lectern::Span>& tokens, std::size_t start,
               std::size_t end) {
  const std::size_t a = lectern::CodePointToByte(text, start),
                    b = lectern::CodePointToByte(text, end);
  bool starts = false, ends = false;
  for (const lectern::Span& t : tokens) {
    starts = starts || t.start == a;
    ends = ends || t.end == b;
  }
  return starts && ends;
}

std::string Show(const std::string& text, const Key& k) {
  const std::size_t a = lectern::CodePointToByte(text, std::get<0>(k));
  const std::size_t b = lectern::CodePointToByte(text, std::get<1>(k));
  return std::get<2>(k) + " " + text.substr(a, b - a);
}

int Ewt(const std::string& split, bool errors) {
  const std::string raw = Slurp("../shared/data/dev/entities-ewt.json");
  if (raw.empty()) {
    std::printf("skipped: ../shared/data/dev/entities-ewt.json is absent\n");
    return 0;
  }
  const nlohmann::json j = nlohmann::json::parse(raw);
  Counts counts;
  int docs = 0, unreachable = 0;
  for (const auto& d : j["documents"]) {
    if (d["split"] != split) continue;
    ++docs;
    const std::string text = d["text"].get<std::string>();
    const std::vector<lectern::Span> tokens = lectern::entities::Tokenize(text);
    std::set<Key> gold;
    for (const auto& e : d["entities"]) {
      const Key k{e["start"].get<std::size_t>(), e["end"].get<std::size_t>(),
                  e["type"].get<std::string>()};
      gold.insert(k);
      if (!Reachable(text, tokens, std::get<0>(k), std::get<1>(k))) {
        ++unreachable;
        if (errors) std::printf("  unreachable: %s\n", Show(text, k).c_str());
      }
    }
    const std::set<Key> pred = Predict(text, "", {"PER", "ORG", "LOC"});
    counts.Add(gold, pred);
    if (!errors) continue;
    for (const Key& k : gold) {
      if (!pred.count(k)) std::printf("  - %s\n", Show(text, k).c_str());
    }
    for (const Key& k : pred) {
      if (!gold.count(k)) std::printf("  + %s\n", Show(text, k).c_str());
    }
  }
  counts.Print(("EWT " + split + " (" + std::to_string(docs) + " documents)").c_str());
  std::printf("  gold spans our tokens cannot produce: %d\n", unreachable);
  return 0;
}

int Seeds(bool errors) {
  const std::string raw = Slurp("tests/fixtures/entities/seeds-gold.json");
  if (raw.empty()) {
    std::printf("skipped: tests/fixtures/entities/seeds-gold.json (run from the project folder)\n");
    return 1;
  }
  Counts counts;
  const nlohmann::json j = nlohmann::json::parse(raw);
  for (const auto& d : j["documents"]) {
    const std::string file = d["file"].get<std::string>();
    const lectern::ReadResult r = lectern::ReadFile(Slurp(file), file, lectern::ReadOptions());
    if (r.articles.size() != 1) return 1;
    const lectern::Article& a = r.articles[0];
    std::set<Key> gold;
    std::map<Key, std::string> gold_values, values;
    for (const auto& e : d["entities"]) {
      const Key k{e["start"].get<std::size_t>(), e["end"].get<std::size_t>(),
                  e["type"].get<std::string>()};
      gold.insert(k);
      if (e.contains("value")) gold_values[k] = e["value"].get<std::string>();
    }
    const std::set<Key> pred = Predict(a.body, a.date, {"PER", "ORG", "LOC", "DATE"}, &values);
    counts.Add(gold, pred);
    if (errors) {
      for (const Key& k : gold) {
        if (!pred.count(k)) std::printf("  seed - %s\n", Show(a.body, k).c_str());
      }
      for (const Key& k : pred) {
        if (!gold.count(k)) std::printf("  seed + %s\n", Show(a.body, k).c_str());
      }
    }
    for (const auto& [k, v] : gold_values) {
      ++counts.value_gold;
      if (values.count(k) && values[k] == v) ++counts.value_right;
    }
  }
  counts.Print("Seeds (hand-checked news gold)");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  std::string split = "dev";
  bool errors = false;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--split" && i + 1 < argc) split = argv[++i];
    if (a == "--errors") errors = true;
  }
  try {
    const int seeds = Seeds(errors);
    return Ewt(split, errors) | seeds;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "entities_eval: %s\n", e.what());
    return 1;
  }
}
