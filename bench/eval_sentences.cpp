// Measures lectern::SplitSentences.
//
//   eval_sentences SENTENCES_EWT_JSON GOLDEN_RULES_JSON [REUTERS_JSONL]
//
// 1. Boundary precision, recall and F1 on the gold sentences of the English Web Treebank
//    (../shared/data/dev/sentences-ewt.json; UD English-EWT, CC BY-SA 4.0: the file stays outside
//    the repository). A boundary is the end offset of a sentence other than the document's last.
// 2. The number of pySBD/pragmatic_segmenter English golden rules passed
//    (tests/fixtures/golden-rules-en.json), listing the failures.
// 3. With a third argument, throughput in MB/s over the texts of a JSONL collection (e.g.
//    ../shared/data/bench/reuters21578.jsonl).
// A missing data file is reported as skipped; the exit status is 0 unless a file is malformed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/segment.h"

namespace {

using nlohmann::json;

// Reads a whole file; false when it cannot be opened.
bool ReadWholeFile(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out->assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return true;
}

// Collapses runs of whitespace to one space and trims: the golden rules' expected sentences
// sometimes differ from the source text only in spacing.
std::string NormaliseSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Counts of boundaries found, expected and matched.
struct Counts {
  std::size_t predicted = 0, gold = 0, correct = 0;
  void Print(const char* label) const {
    const double p = predicted ? static_cast<double>(correct) / predicted : 0;
    const double r = gold ? static_cast<double>(correct) / gold : 0;
    const double f = p + r > 0 ? 2 * p * r / (p + r) : 0;
    std::printf(
        "%s: precision %.4f  recall %.4f  F1 %.4f  (gold %zu, predicted %zu, correct %zu)\n", label,
        p, r, f, gold, predicted, correct);
  }
};

// The document's text: its "text" field, else its sentences joined by spaces (the README's
// construction, without paragraph breaks).
std::string DocumentText(const json& doc) {
  if (doc.contains("text")) return doc["text"].get<std::string>();
  std::string text;
  for (const auto& s : doc["sentences"]) {
    if (!text.empty()) text += ' ';
    text += s.get<std::string>();
  }
  return text;
}

// Gold sentence end offsets, found by locating each sentence in order; false if one is missing.
bool GoldEnds(const std::string& text, const json& sentences, std::vector<std::size_t>* ends) {
  std::size_t cursor = 0;
  for (const auto& s : sentences) {
    const std::string sentence = s.get<std::string>();
    const std::size_t at = text.find(sentence, cursor);
    if (at == std::string::npos) return false;
    cursor = at + sentence.size();
    ends->push_back(cursor);
  }
  return true;
}

// Whether the text between two sentences contains a blank line (a paragraph boundary, which
// SplitSentences always honours).
bool IsParagraphEnd(const std::string& text, std::size_t end) {
  const std::size_t nl = text.find('\n', end);
  if (nl == std::string::npos) return false;
  const std::size_t next = text.find_first_not_of(" \t\r", nl + 1);
  return next != std::string::npos && text[next] == '\n' &&
         text.find_first_not_of(" \t\r\n", end) > nl;
}

// Part 1: boundary precision/recall/F1 on EWT.
int EvaluateEwt(const std::string& path) {
  std::string bytes;
  if (!ReadWholeFile(path, &bytes)) {
    std::printf("EWT: %s not found, skipped\n", path.c_str());
    return 0;
  }
  const json data = json::parse(bytes);
  Counts all, inner;  // inner: boundaries that are not paragraph ends
  std::size_t documents = 0, unaligned = 0;
  for (const auto& doc : data["documents"]) {
    const std::string text = DocumentText(doc);
    std::vector<std::size_t> gold;
    if (!GoldEnds(text, doc["sentences"], &gold)) {
      ++unaligned;
      continue;
    }
    ++documents;
    const std::vector<lectern::Span> spans = lectern::SplitSentences(text);
    const std::size_t doc_end = gold.empty() ? 0 : gold.back();
    std::set<std::size_t> gold_set(gold.begin(), gold.end()), found;
    gold_set.erase(doc_end);
    for (const auto& span : spans) {
      if (span.end != doc_end) found.insert(span.end);
    }
    for (std::size_t b : gold_set) {
      const bool para = IsParagraphEnd(text, b);
      const bool hit = found.count(b) > 0;
      all.gold++;
      all.correct += hit;
      if (!para) {
        inner.gold++;
        inner.correct += hit;
      }
    }
    for (std::size_t b : found) {
      all.predicted++;
      if (!IsParagraphEnd(text, b)) inner.predicted++;
    }
  }
  std::printf("EWT (%s): %zu documents", path.c_str(), documents);
  if (unaligned) std::printf(", %zu skipped (gold sentences not found in text)", unaligned);
  std::printf("\n");
  all.Print("  all boundaries     ");
  inner.Print("  within paragraphs  ");
  return 0;
}

// Part 2: golden rules.
int EvaluateGoldenRules(const std::string& path) {
  std::string bytes;
  if (!ReadWholeFile(path, &bytes)) {
    std::printf("golden rules: %s not found, skipped\n", path.c_str());
    return 0;
  }
  const json data = json::parse(bytes);
  std::size_t passed = 0, total = 0;
  std::vector<std::string> failed;
  for (const auto& c : data["cases"]) {
    ++total;
    const std::string text = c["text"].get<std::string>();
    std::vector<std::string> got, want;
    for (const auto& span : lectern::SplitSentences(text)) {
      got.push_back(
          NormaliseSpace(std::string_view(text).substr(span.start, span.end - span.start)));
    }
    for (const auto& e : c["expected"]) want.push_back(NormaliseSpace(e.get<std::string>()));
    if (got == want) {
      ++passed;
    } else {
      failed.push_back(c["name"].get<std::string>());
    }
  }
  std::printf("golden rules: %zu/%zu passed\n", passed, total);
  for (const auto& name : failed) std::printf("  failed: %s\n", name.c_str());
  return 0;
}

// Part 3: throughput over the "text" fields of a JSONL file.
int MeasureThroughput(const std::string& path) {
  std::ifstream in(path);
  if (!in) {
    std::printf("throughput: %s not found, skipped\n", path.c_str());
    return 0;
  }
  std::vector<std::string> texts;
  std::size_t bytes = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty()) continue;
    const json record = json::parse(line);
    if (!record.contains("text") || !record["text"].is_string()) continue;
    texts.push_back(record["text"].get<std::string>());
    bytes += texts.back().size();
  }
  std::size_t sentences = lectern::SplitSentences("Warm up. Build the iterator.").size();
  double best = 1e30;
  for (int round = 0; round < 3; ++round) {
    const auto t0 = std::chrono::steady_clock::now();
    sentences = 0;
    for (const auto& t : texts) sentences += lectern::SplitSentences(t).size();
    const double s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    best = std::min(best, s);
  }
  std::printf("throughput: %.1f MB/s (%zu texts, %.1f MB, %zu sentences, best of 3: %.3f s)\n",
              bytes / 1e6 / best, texts.size(), bytes / 1e6, sentences, best);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: %s SENTENCES_EWT_JSON GOLDEN_RULES_JSON [REUTERS_JSONL]\n"
                 "  e.g. %s ../shared/data/dev/sentences-ewt.json "
                 "tests/fixtures/golden-rules-en.json ../shared/data/bench/reuters21578.jsonl\n",
                 argv[0], argv[0]);
    return 2;
  }
  try {
    EvaluateEwt(argv[1]);
    EvaluateGoldenRules(argv[2]);
    if (argc > 3) MeasureThroughput(argv[3]);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 1;
  }
  return 0;
}
