// Anchoring at scale: time and peak memory of AnchorAnnotations (what `lectern annotations anchor`
// and the page run) on deterministic synthetic data, beside the old way (every article scanned
// whole for every annotation) where that finishes in reasonable time.
//
//   build/bin/bench_anchor [--only collection|long] [--count N (10000)] [seeds folder
//   (shared/seeds)]
//
// The text: sentences of 8-30 words, three in four drawn from the seed articles' words, the rest
// names from a long, skewed tail (a fixed generator, so every run sees the same data). Articles of
// ~3,000 characters; each story has one to three versions (sentences dropped, shuffled, words
// replaced). Annotations: spans of 5-40 words of versions that are not in the library (so every one
// is looked for in the whole library), or of the long article before an edit (typos and a paragraph
// inserted at the top, so no position holds). Each case runs in its own process: the peak memory
// printed is that case's.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <limits>
#include <string>
#include <vector>

#include "lectern/anchoring.h"
#include "lectern/annotations.h"
#include "lectern/reading.h"

namespace {

using lectern::AnchorAnnotations;
using lectern::Annotation;
using lectern::Article;

// A small deterministic generator (the standard distributions differ between libraries).
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state_;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::size_t Below(std::size_t n) { return static_cast<std::size_t>(Next() % n); }

 private:
  std::uint64_t state_;
};

// The words of the seed articles, repeats kept: drawing from it follows their frequencies.
std::vector<std::string> SeedWords(const std::string& folder) {
  std::vector<std::string> words;
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(folder))
    files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  for (const auto& file : files) {
    std::ifstream in(file);
    std::string word;
    while (in >> word) {
      word.erase(std::remove_if(word.begin(), word.end(),
                                [](char c) { return c == '.' || c == ',' || c == '"'; }),
                 word.end());
      if (!word.empty()) words.push_back(word);
    }
  }
  return words;
}

class Generator {
 public:
  Generator(std::vector<std::string> words, std::uint64_t seed)
      : words_(std::move(words)), rng_(seed) {}
  // A word: mostly one of the seeds', else a name from a long tail (news has many rare words:
  // names, places, figures), drawn with a skew so that some are frequent.
  std::string Word() {
    if (rng_.Below(4) != 0) return words_[rng_.Below(words_.size())];
    static const char* const kSyllables[] = {"ka", "ro",  "mi", "tan", "el", "vo",  "shi", "ur",
                                             "be", "lin", "do", "za",  "pe", "gor", "an",  "ti"};
    std::size_t k = rng_.Below(1 + rng_.Below(200000));  // skewed towards small numbers
    std::string word;
    for (int i = 0; i < 4 || k > 0; ++i, k /= 16) word += kSyllables[k % 16];
    word[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(word[0])));
    return word;
  }
  std::string Sentence() {
    std::string s;
    const std::size_t n = 8 + rng_.Below(23);
    for (std::size_t i = 0; i < n; ++i) {
      if (i) s += ' ';
      s += Word();
    }
    if (!s.empty()) s[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(s[0])));
    return s + ". ";
  }
  // Paragraphs of sentences until `chars`.
  std::vector<std::string> Sentences(std::size_t chars) {
    std::vector<std::string> out;
    for (std::size_t total = 0; total < chars;) {
      out.push_back(Sentence());
      total += out.back().size();
    }
    return out;
  }
  // Another version: some sentences dropped, neighbours swapped, words replaced.
  std::vector<std::string> Version(const std::vector<std::string>& sentences) {
    std::vector<std::string> out;
    for (const std::string& s : sentences) {
      if (rng_.Below(10) == 0) continue;
      std::string t = s;
      if (rng_.Below(4) == 0) {
        const std::size_t at = t.find(' ', rng_.Below(t.size()));
        if (at != std::string::npos) t.insert(at, " " + words_[rng_.Below(words_.size())]);
      }
      out.push_back(std::move(t));
      if (out.size() > 1 && rng_.Below(8) == 0) std::swap(out[out.size() - 1], out[out.size() - 2]);
    }
    return out;
  }
  // 1% of letters replaced.
  std::string Typos(std::string text) {
    for (char& c : text) {
      if (std::isalpha(static_cast<unsigned char>(c)) && rng_.Below(100) == 0) {
        c = static_cast<char>('a' + rng_.Below(26));
      }
    }
    return text;
  }
  Rng& rng() { return rng_; }

 private:
  std::vector<std::string> words_;
  Rng rng_;
};

std::string Join(const std::vector<std::string>& sentences) {
  std::string body;
  for (std::size_t i = 0; i < sentences.size(); ++i) {
    body += sentences[i];
    if (i % 5 == 4) body += "\n\n";
  }
  return body;
}

// The byte offsets where the words of `body` start (the text is ASCII: code points too).
std::vector<std::size_t> WordStarts(const std::string& body) {
  std::vector<std::size_t> starts;
  for (std::size_t i = 0; i < body.size(); ++i) {
    if (body[i] != ' ' && body[i] != '\n' &&
        (i == 0 || body[i - 1] == ' ' || body[i - 1] == '\n')) {
      starts.push_back(i);
    }
  }
  return starts;
}

// An annotation on a span of 5-40 words of `body`, made without an article link (no hash, URL or
// title), so that it is looked for everywhere.
Annotation AnnotationOn(const std::string& body, const std::vector<std::size_t>& starts, Rng* rng,
                        std::size_t n) {
  const std::size_t words = 5 + rng->Below(36);
  const std::size_t first = rng->Below(starts.size() - std::min(starts.size() - 1, words));
  const std::size_t last = std::min(starts.size() - 1, first + words);
  std::size_t end = starts[last];
  while (end > starts[first] && (body[end - 1] == ' ' || body[end - 1] == '\n')) --end;
  // Described on the span and its surroundings only: the selector is the same, at a fraction of
  // the cost on a long body.
  const std::size_t from = starts[first] > 64 ? starts[first] - 64 : 0;
  const std::size_t to = std::min(body.size(), end + 64);
  lectern::QuoteSelector s =
      lectern::DescribeRange(body.substr(from, to - from), starts[first] - from, end - from);
  Annotation a;
  a.id = "a" + std::to_string(n);
  a.target.exact = s.exact;
  a.target.prefix = s.prefix;
  a.target.suffix = s.suffix;
  a.target.has_position = true;
  a.target.start = s.start + from;
  a.target.end = s.end + from;
  return a;
}

// The library: `stories` stories of one to three versions each, the first version of every
// `kept_every`-th story held back (annotations are made on it).
struct Library {
  std::vector<Article> articles;
  std::vector<std::string> held_back;  // bodies annotated, not in the library
};

Library MakeLibrary(Generator* gen, std::size_t articles) {
  Library lib;
  while (lib.articles.size() < articles) {
    const std::vector<std::string> story = gen->Sentences(3000);
    const std::size_t versions = 1 + gen->rng().Below(3);
    lib.held_back.push_back(Join(story));
    for (std::size_t v = 0; v < versions && lib.articles.size() < articles; ++v) {
      Article a;
      a.id = "article-" + std::to_string(lib.articles.size());
      a.body = Join(gen->Version(story));
      lib.articles.push_back(std::move(a));
    }
  }
  return lib;
}

// The old search stage: every annotation anchored into every article, each scanned whole.
std::size_t OldScan(const std::vector<Annotation>& annotations,
                    const std::vector<Article>& articles) {
  lectern::AnchorTextOptions whole;
  whole.index_from = std::numeric_limits<std::size_t>::max();
  std::vector<lectern::AnchorText> texts;
  for (const Article& a : articles) texts.emplace_back(a.body, whole);
  std::size_t anchored = 0;
  for (const Annotation& a : annotations) {
    lectern::QuoteSelector s;
    s.exact = a.target.exact;
    s.prefix = a.target.prefix;
    s.suffix = a.target.suffix;
    s.has_position = a.target.has_position;
    s.start = a.target.start;
    s.end = a.target.end;
    bool found = false;
    for (const auto& t : texts) found = lectern::Anchor(t, s).anchored || found;
    anchored += found ? 1 : 0;
  }
  return anchored;
}

std::size_t NewWay(const std::vector<Annotation>& annotations,
                   const std::vector<Article>& articles) {
  std::size_t anchored = 0;
  for (const auto& r : AnchorAnnotations(annotations, articles)) anchored += r.anchored ? 1 : 0;
  return anchored;
}

// Runs `job` in a child process; prints its label, seconds, outcome and peak memory.
void Measure(const char* label, const std::function<std::size_t()>& setup_and_run) {
  std::fflush(stdout);
  const pid_t child = fork();
  if (child == 0) {
    const std::size_t anchored = setup_and_run();
    std::printf(" | %zu", anchored);
    std::fflush(stdout);
    _exit(0);
  }
  int status = 0;
  rusage usage{};
  wait4(child, &status, 0, &usage);
  std::printf(" | %.0f MB | %s\n", static_cast<double>(usage.ru_maxrss) / 1024.0, label);
}

// Runs `f`; prints the wall-clock seconds and the CPU seconds of this process (the machine may be
// shared: the CPU figure is the one to compare).
void Timed(const std::function<void()>& f) {
  const auto t0 = std::chrono::steady_clock::now();
  const std::clock_t c0 = std::clock();
  f();
  const double cpu = static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  std::printf(" | %.2f | %.2f", wall, cpu);
}

}  // namespace

int main(int argc, char** argv) {
  std::string folder = "shared/seeds", only;
  std::size_t count = 10000;  // annotations in the large cases
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--only" && i + 1 < argc) {
      only = argv[++i];
    } else if (arg == "--count" && i + 1 < argc) {
      count = std::strtoul(argv[++i], nullptr, 10);
    } else {
      folder = arg;
    }
  }
  const std::vector<std::string> words = SeedWords(folder);
  if (words.empty()) {
    std::fprintf(stderr, "no words in %s\n", folder.c_str());
    return 1;
  }
  std::printf(
      "| case | way | annotations | articles | seconds | CPU seconds | anchored | peak | note "
      "|\n");
  std::printf("|---|---|---:|---:|---:|---:|---:|---:|---|\n");

  // Annotations of held-back versions, looked for in a library of `articles`.
  auto collection = [&](const char* way, std::size_t count, std::size_t articles, bool old,
                        const char* label) {
    std::printf("| collection | %s | %zu | %zu", way, count, articles);
    Measure(label, [&] {
      Generator gen(words, 20240913);
      const Library lib = MakeLibrary(&gen, articles);
      std::vector<Annotation> annotations;
      for (std::size_t i = 0; i < count; ++i) {
        const std::string& body = lib.held_back[gen.rng().Below(lib.held_back.size())];
        annotations.push_back(AnnotationOn(body, WordStarts(body), &gen.rng(), i));
      }
      std::size_t anchored = 0;
      Timed([&] {
        anchored = old ? OldScan(annotations, lib.articles) : NewWay(annotations, lib.articles);
      });
      return anchored;
    });
  };
  if (only.empty() || only == "collection") {
    collection("index", count, 12000, false, "");
    collection("index", 100, 12000, false, "100 orphans");
    collection("index", 100, 1200, false, "(new way, same data as the next row)");
    collection("old scan", 100, 1200, true, "a tenth of the library: the old way grows with it");
  }

  // Annotations of one 1.7 MB article, anchored into its edited copy.
  auto long_article = [&](const char* way, std::size_t count, bool old, const char* label) {
    std::printf("| 1.7 MB article | %s | %zu | 1", way, count);
    Measure(label, [&] {
      Generator gen(words, 7);
      const std::string body = Join(gen.Sentences(1700000));
      std::vector<Annotation> annotations;
      const std::vector<std::size_t> starts = WordStarts(body);
      for (std::size_t i = 0; i < count; ++i) {
        annotations.push_back(AnnotationOn(body, starts, &gen.rng(), i));
      }
      Article edited;
      edited.id = "long";
      edited.body = "An editor's note was added at the top.\n\n" + gen.Typos(body);
      std::size_t anchored = 0;
      Timed(
          [&] { anchored = old ? OldScan(annotations, {edited}) : NewWay(annotations, {edited}); });
      return anchored;
    });
  };
  if (!only.empty() && only != "long") return 0;
  long_article("index", count, false, "");
  long_article("index", 100, false, "(same data as the next row)");
  long_article("old scan", 100, true, "100 of the 10,000: the old way grows with both");
  return 0;
}
