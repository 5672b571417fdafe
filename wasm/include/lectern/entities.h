// Lectern entities (lectern_entities): people, organisations, places and dates in an article.
//
// PER/ORG/LOC come from an averaged-perceptron tagger (BIO tags, first-order Viterbi) whose model
// is compiled into the library (wasm/src/entities/model/, made by build-scripts/train-entities);
// DATE comes from rules and carries an ISO value resolved against the article's date. A one-word
// name the lexicons know only as an organisation ("Xinhua") is ORG. Mentions are linked within the
// article: a name keeps one type, "Putin" after "Vladimir Putin" is the same entity. Offsets are
// UTF-8 bytes of the text given. Cost: linear in the text (each token looks at a fixed window), so
// a 200,000-word article takes well under a second. Never throws for any input (invalid UTF-8
// included); only std::bad_alloc may escape.
#ifndef LECTERN_ENTITIES_H_
#define LECTERN_ENTITIES_H_

#include <map>
#include <set>
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

// --- The collection's entity index ---------------------------------------------------------------

/// One article as the index sees it: its id, outlet, date and FindEntities' mentions.
struct EntityArticle {
  std::string id;      ///< the article's id in the collection
  std::string source;  ///< its outlet, "" when unknown
  std::string date;    ///< ISO "YYYY-MM-DD", "" when unknown
  std::vector<EntityMention> mentions;
};

/// Moves the mentions of `entity` in `articles` to the new entity id `as`.
struct EntitySplit {
  std::string entity;
  std::vector<std::string> articles;
  std::string as;
};

/// Mentions written `text` (compared in ASCII lower case) belong to `entity`.
struct EntityAlias {
  std::string text;
  std::string entity;
};

/// The user's corrections, applied to every mention in this order: alias, split, merge.
struct EntityEdits {
  std::vector<std::vector<std::string>> merge;  ///< each group becomes its first id (transitively)
  std::vector<EntitySplit> split;
  std::vector<EntityAlias> alias;
};

/// The user's edits, ready to apply to mentions one by one.
class EntityEditor {
 public:
  explicit EntityEditor(const EntityEdits& edits);
  /// The id `mention` of article `article_id` has after the edits: alias (by the text as written),
  /// then split (by article), then merge (transitively). "" when the mention has none. Cost: the
  /// number of splits plus a few map lookups.
  std::string Resolve(const std::string& article_id, const EntityMention& mention) const;

 private:
  std::map<std::string, std::string> aliases_;  // ASCII lower-case text -> id
  std::vector<EntitySplit> splits_;
  std::map<std::string, std::string> merged_;  // id -> the id it was merged into (a forest)
};

/// One entity of a collection.
struct IndexedEntity {
  std::string entity;                 ///< the id (after edits)
  std::string name;                   ///< longest form written, then most frequent, then smallest
  std::string type;                   ///< most frequent mention type (ties: alphabetical)
  std::vector<std::string> articles;  ///< ids, in the order the articles were given, once each
  std::size_t mentions = 0;
  std::vector<std::string> outlets;  ///< sorted, once each, unknown ("") left out
  std::string first, last;           ///< earliest and latest article date, "" when none known
  /// Ids joined to this one by the index itself (a lone surname, "PER:putin", and the one full
  /// name in the collection ending with it, "PER:vladimir putin"), sorted; mentions with these ids
  /// (after the edits) are this entity's.
  std::vector<std::string> linked;
};

/// The surname links BuildEntityIndex makes among entity ids (after the edits): each one-word
/// person id whose word ends exactly one many-word person id maps to that id. Cost: O(N log N).
std::map<std::string, std::string> LinkSurnames(const std::set<std::string>& ids);

/// The entity index of a collection: mentions keyed by entity id across articles, after `edits`
/// and LinkSurnames ("Putin" in one article is "Vladimir Putin" of another when no other full name
/// in the collection ends with "Putin"; a split in the edits keeps a mention apart);
/// sorted by mentions (descending) then name then id. Mentions without an id and edits with empty
/// ids are ignored. Cost: O(M log E) for M mentions of E entities. Never throws (bad_alloc aside).
std::vector<IndexedEntity> BuildEntityIndex(const std::vector<EntityArticle>& articles,
                                            const EntityEdits& edits = {});

}  // namespace lectern

#endif  // LECTERN_ENTITIES_H_
