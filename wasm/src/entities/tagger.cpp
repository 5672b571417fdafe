#include "tagger.h"

#include "viterbi.h"

namespace lectern::entities {

std::vector<int> TagSentence(const Model& model, std::string_view text,
                             const std::vector<Span>& tokens, std::size_t first, std::size_t last,
                             bool* all_caps) {
  std::vector<std::string> words;
  for (std::size_t i = first; i < last; ++i) {
    words.emplace_back(text.substr(tokens[i].start, tokens[i].end - tokens[i].start));
  }
  const SentenceView s = MakeSentenceView(
      std::move(words), [&](std::string_view, std::uint32_t hash) { return model.Lookup(hash); });
  *all_caps = s.all_caps;
  std::vector<std::array<float, kTagCount>> emissions(s.words.size());
  std::vector<std::uint32_t> features;
  for (std::size_t i = 0; i < s.words.size(); ++i) {
    features.clear();
    ExtractFeatures(s, i, &features);
    emissions[i].fill(0);
    model.Score(features, &emissions[i]);
  }
  return Viterbi(emissions, model.Transitions());
}

void MentionsFromTags(const std::vector<int>& tags, std::size_t offset, std::vector<Mention>* out) {
  for (std::size_t i = 0; i < tags.size();) {
    if (tags[i] == 0) {
      ++i;
      continue;
    }
    const int begin = tags[i] % 2 == 1 ? tags[i] : tags[i] - 1;  // I-X without B-X starts one too
    std::size_t j = i + 1;
    while (j < tags.size() && tags[j] == begin + 1) ++j;
    out->push_back({offset + i, offset + j, TagType(begin), ""});
    i = j;
  }
}

}  // namespace lectern::entities
