// Lectern entities (lectern_entities): people, organisations, places and dates in an article.
//
// PER/ORG/LOC come from an averaged-perceptron tagger (BIO tags, first-order Viterbi) whose model
// is compiled into the library (wasm/src/entities/model/, made by build-scripts/train-entities);
// DATE comes from rules and carries an ISO value resolved against the article's date. Mentions are
// linked within the article: a name keeps one type, "Putin" after "Vladimir Putin" is the same
// entity. Offsets are UTF-8 bytes of the text given. Cost: linear in the text (each token looks at
// a fixed window), so a 200,000-word article takes well under a second. Never throws for any
// input (invalid UTF-8 included); only std::bad_alloc may escape.
#ifndef LECTERN_ENTITIES_H_
#define LECTERN_ENTITIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "lectern/text.h"

namespace lectern {

/// One mention of an entity in a text.
struct EntityMention {
  Span span;           ///< UTF-8 bytes of the text.
  std::string type;    ///< "PER", "ORG", "LOC" or "DATE".
  std::string text;    ///< The mention as written.
  std::string entity;  ///< Entity id within the article: TYPE ":" canonical name in lower case.
  std::string value;   ///< DATE only: "YYYY-MM-DD", "YYYY-MM" or "YYYY" when resolved, else "".
};

struct EntityOptions {
  /// The article's date, "YYYY-MM-DD": relative dates ("on Thursday", "next month") resolve
  /// against it; when empty they get no value.
  std::string date;
};

/// The entity mentions of `text`, in text order, without overlaps.
std::vector<EntityMention> FindEntities(std::string_view text, const EntityOptions& options = {});

/// The compiled-in model's header line (recipe, data, date), for --version style reports.
std::string EntityModelDescription();

}  // namespace lectern

#endif  // LECTERN_ENTITIES_H_
