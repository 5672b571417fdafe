#include "lectern/entities.h"

#include <algorithm>
#include <exception>
#include <new>

#include "date_mentions.h"
#include "lectern/segment.h"
#include "link.h"
#include "model.h"
#include "org_chains.h"
#include "tag_features.h"
#include "tagger.h"
#include "titles.h"
#include "tokenize.h"

namespace lectern {
namespace {

// A mention the tagger may keep: it has a Latin letter (the model learnt from English; other
// scripts, Cyrillic, Chinese, Arabic, get no invented names) and no invalid UTF-8.
bool Plausible(std::string_view text) {
  bool latin = false;
  for (char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')) latin = true;
  }
  return latin && FindInvalidUtf8(text) == std::string_view::npos;
}

// Capital letters and no lower-case ones.
bool Shouted(std::string_view sentence) {
  bool upper = false;
  for (char c : sentence) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') upper = true;
  }
  return upper;
}

std::vector<Span> Sentences(std::string_view text) {
  try {
    return SplitSentences(text);
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception&) {
    return {{0, text.size()}};  // ICU refused: one sentence still gets tagged
  }
}

}  // namespace

std::vector<EntityMention> FindEntities(std::string_view text, const EntityOptions& options) {
  const entities::Model& model = entities::Model::Builtin();
  std::vector<Span> tokens;
  std::vector<bool> caps;
  std::vector<entities::Mention> mentions;
  for (const Span& s : Sentences(text)) {
    const std::size_t first = tokens.size();
    entities::Tokenize(text, s.start, s.end, &tokens);
    if (tokens.size() == first) continue;
    bool all_caps = false;
    const std::vector<int> tags =
        entities::TagSentence(model, text, tokens, first, tokens.size(), &all_caps);
    // Short shouted lines count too: a wire's "REUTER" sign-off is nobody unless the text says so.
    caps.resize(tokens.size(), all_caps || Shouted(text.substr(s.start, s.end - s.start)));
    entities::MentionsFromTags(tags, first, &mentions);
  }
  mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                [&](const entities::Mention& m) {
                                  const std::size_t a = tokens[m.first].start;
                                  return !Plausible(text.substr(a, tokens[m.last - 1].end - a));
                                }),
                 mentions.end());
  // Lexicon precedence: a one-word mention that the lexicons know only as an organisation
  // ("Xinhua", "NATO") is one, whatever type its neighbours suggested.
  for (entities::Mention& m : mentions) {
    if (m.last - m.first != 1) continue;
    const Span& t = tokens[m.first];
    const std::uint8_t f = model.Flags(entities::AsciiLower(text.substr(t.start, t.end - t.start)));
    if ((f & ~entities::kDictionary) == entities::kOrganisation) m.type = "ORG";
  }
  entities::ExtendOrganisations(text, tokens, &mentions);
  entities::AddTitledPeople(text, tokens, &mentions);
  entities::LinkMentions(text, tokens, caps, &mentions);

  std::vector<EntityMention> out;
  const std::vector<entities::DateMention> dates = entities::FindDates(text, tokens, options.date);
  for (const entities::DateMention& d : dates) {
    const std::string written(text.substr(d.span.start, d.span.end - d.span.start));
    out.push_back({d.span, "DATE", written,
                   "DATE:" + (d.value.empty() ? entities::AsciiLower(written) : d.value), d.value});
  }
  // Dates win over a tagger's mention that overlaps them ("Thursday" is no place).
  std::size_t d = 0;
  for (const entities::Mention& m : mentions) {
    const Span span{tokens[m.first].start, tokens[m.last - 1].end};
    while (d < dates.size() && dates[d].span.end <= span.start) ++d;
    if (d < dates.size() && dates[d].span.start < span.end) continue;
    out.push_back(
        {span, m.type, std::string(text.substr(span.start, span.end - span.start)), m.entity, ""});
  }
  std::sort(out.begin(), out.end(), [](const EntityMention& a, const EntityMention& b) {
    return a.span.start < b.span.start;
  });
  // The promise of no overlaps is kept here whatever the rules above missed: callers convert the
  // offsets in one ascending pass.
  std::vector<EntityMention> kept;
  for (EntityMention& m : out) {
    if (kept.empty() || kept.back().span.end <= m.span.start) kept.push_back(std::move(m));
  }
  return kept;
}

std::string EntityModelDescription() { return entities::Model::Builtin().description(); }

}  // namespace lectern
