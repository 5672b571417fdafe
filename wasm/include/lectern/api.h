// Lectern's JSON adapter (lectern_api): the functions that take and give JSON text, shared by the
// page (through the WebAssembly binding, wasm/binding/) and the command line (wasm/cli/).
//
// Depends on the C++17 standard library and the public headers of the libraries whose results it
// writes (reading, dedup, diff); nlohmann/json stays behind it. Each function costs what the one it
// wraps costs, plus time linear in the JSON it reads and writes. None throws for bad input: each
// one that answers JSON answers {"error": "…"} when its arguments are not what it takes (only
// std::bad_alloc may escape). Offsets in and out are UTF-16 code units (JavaScript string indices)
// unless the options or arguments say otherwise; annotations themselves always store code points.
// Invalid UTF-8 is written as U+FFFD.
#ifndef LECTERN_API_H_
#define LECTERN_API_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "lectern/dedup.h"
#include "lectern/diff.h"
#include "lectern/entities.h"
#include "lectern/reading.h"
#include "lectern/text.h"

namespace lectern {

/// The version of Lectern (package.json's "version", e.g. "0.1.0").
const char* Version();

/// {"error": message} as JSON text. Safe on any message (invalid UTF-8 becomes U+FFFD), so it may
/// run inside catch blocks.
std::string ErrorJson(const std::string& message);

// --- Reading ------------------------------------------------------------------------------------

/// The article as JSON: {id, title, date, source, dateline, url, body, paragraphs: [{start, end}],
/// sentences: [{start, end, text}], wordCount, offsetUnit}, plus "original" when `with_original` is
/// set.
std::string ArticleToJson(const Article& article, OffsetUnit unit, bool with_original = true);

/// A whole ReadResult as JSON: {articles: [...], problems: [{file, where, message}]}.
std::string ReadResultToJson(const ReadResult& result, OffsetUnit unit);

/// ReadFile with options as JSON, {plain?: bool, offsetUnit?: "utf16" (default) | "codepoint" |
/// "utf8", firstLine?: number}: ReadResultToJson in that unit. When the options cannot be read,
/// {articles: [], problems: [{file: file_name, where: "", message: "could not be read: …"}]}.
std::string ReadFileJson(std::string_view bytes, std::string_view file_name,
                         std::string_view options_json);

/// SplitSentences as UTF-16 offsets [start0, end0, start1, end1, ...], for callers that need only
/// sentence boundaries; empty when the text cannot be split.
std::vector<std::uint32_t> SentenceBoundariesUtf16(std::string_view text);

// --- Entities ------------------------------------------------------------------------------------

/// Entity mentions of `text` as a JSON array [{start, end, type, text, entity, value?}], offsets in
/// `unit`; "value" (the ISO date) only on DATE mentions that have one.
std::string EntitiesToJson(std::string_view text, const std::vector<EntityMention>& mentions,
                           OffsetUnit unit);

/// FindEntities with options {date?: "YYYY-MM-DD" (the article's date, for relative dates),
/// offsetUnit?: "utf16" (default) | "codepoint" | "utf8"}: EntitiesToJson, or {error}.
std::string EntitiesJson(std::string_view text, std::string_view options_json);

/// A collection's entity index (BuildEntityIndex) as JSON [{entity, name, type, articles: [id],
/// mentions, outlets: [source], first?, last?, linked?: [id]}]; first/last (ISO dates) only when
/// known, linked only when the index joined surnames to this entity.
std::string EntityIndexToJson(const std::vector<IndexedEntity>& index);

/// EntityEdits from JSON {merge?: [[id, ...]], split?: [{entity, articles: [id], as}], alias?:
/// [{text, entity}]}; "" means no edits. Throws std::invalid_argument saying what is wrong.
EntityEdits ParseEntityEdits(std::string_view edits_json);

/// The page's entity index: articles as JSON [{id, source?, date?: "YYYY-MM-DD", text}] (each
/// text goes through FindEntities with its date) or [{id, source?, date?, entities: [{type, text,
/// entity}]}] (mentions found before, e.g. stored with the article; no text needed), edits as
/// ParseEntityEdits reads them: EntityIndexToJson, or {error} for JSON that cannot be read.
/// Cost: FindEntities over every text given, then O(M log E) for M mentions.
std::string EntityIndexJson(std::string_view articles_json, std::string_view edits_json);

/// The ids each article's mentions have after the edits (EntityEditor::Resolve), as JSON
/// [[id, ...] per article, one per mention in order], for articles and edits as EntityIndexJson
/// reads them; or {error}. Lets the page name a mention by its entry in the index.
std::string ResolveEntitiesJson(std::string_view articles_json, std::string_view edits_json);

// --- Stories: clusters of near-duplicates, and the diff of two versions --------------------------

/// Story clusters as JSON: {"clusters": [{"members": [id, ...]}], "pairs": [{"a": id, "b": id,
/// "jaccard": J, "containment": C}], "candidates": N, "keptPairs": N}, figures rounded to 3
/// decimals; "pairs" is StoryClusters::pairs (so it may list fewer than keptPairs). `ids[i]`
/// names article i; articles past the end of `ids` are named by their index.
std::string StoryClustersToJson(const StoryClusters& result, const std::vector<std::string>& ids);

/// The story index for a page: articles are added one by one (a progress bar moves between calls)
/// and clustered once; the keys given come back in the result. Never throws for bad input: bad
/// options are reported by Cluster().
class StoryClusterer {
 public:
  /// options: {minJaccard?, minContainment?, maxPairs?: the most pairs listed, a whole number >= 0,
  /// by default DefaultMaxPairs of the articles added}.
  explicit StoryClusterer(const std::string& options_json);
  ~StoryClusterer();
  StoryClusterer(const StoryClusterer&) = delete;
  StoryClusterer& operator=(const StoryClusterer&) = delete;

  /// Adds an article; returns its index, or -1 when it could not be added.
  int Add(const std::string& key, const std::string& text);
  /// StoryClustersToJson of StoryIndex::Cluster with the keys as ids, or {error}.
  std::string Cluster() const;
  /// The same from StoryIndex::ClusterExact (for evaluation).
  std::string ClusterExact() const;
  /// Bytes the index holds.
  double MemoryBytes() const;

  /// The page's default list limit: 20 pairs per article added, at least 10,000. Each listed pair
  /// is about 100 bytes of JSON (and more again once parsed in JavaScript), and every clustered
  /// article has its best pair listed first (StoryClusters::pairs), so this keeps the answer near
  /// 2 kB per article while still giving every member of every cluster its figure.
  static std::uint64_t DefaultMaxPairs(std::size_t articles);

 private:
  struct State;
  std::unique_ptr<State> state_;
};

/// The diff as JSON: {offsetUnit, a: {sentences: [{start, end, text}]}, b: {...},
/// groups: [{a, b, kind, similarity, words: [{op, text}], changes: [{kind, type, a, b}],
/// changesOmitted}], summary: {same, changed, merged, split, moved, onlyA, onlyB, wordsEqual,
/// wordsDeleted, wordsInserted, wordsOnlyA, wordsOnlyB, changes: [{group, kind, type, a, b}],
/// changesOmitted}}. A change's kind is "name", "date" or "number" and its type the mention's
/// "PER", "ORG", "LOC" or "DATE" ("" for numbers and for names found from capitalised words);
/// see NotableChange. Offsets count
/// `unit`; word counts are words (not spaces or punctuation). A group lists at most
/// kMaxChangesPerGroup changes and the summary the first kMaxSummaryChanges of the groups' lists;
/// each "changesOmitted" counts the notable changes found but not listed there ("and N more").
/// Invalid UTF-8 is written as U+FFFD.
std::string TextDiffToJson(std::string_view a, std::string_view b, const TextDiff& diff,
                           OffsetUnit unit);

/// DiffOptions whose callouts come from entities (CalloutSource::kMentions): a find_mentions that
/// runs FindEntities on the stretch of `a` or `b` the diff asks for, dates resolved against
/// `date_a` and `date_b` ("YYYY-MM-DD", or "" for none), and each text's opening wire dateline
/// (DatelineLength) quiet, so an agency, place or date edited there is not called out. `a` and
/// `b` must outlive the options (the finder reads them). Cost: FindEntities of the stretches
/// whose sentences changed, when the diff runs (nothing for identical texts).
DiffOptions EntityCalloutOptions(std::string_view a, std::string_view b, const std::string& date_a,
                                 const std::string& date_b);

/// DiffTexts of `a` and `b` as TextDiffToJson, its callouts from entities (EntityCalloutOptions),
/// with options {offsetUnit?: "utf16" (default) | "codepoint" | "utf8", dateA?, dateB?: each
/// text's article date "YYYY-MM-DD" for resolving relative dates ("on Thursday")}, or {error}.
/// Both texts are split into sentences with SplitSentences, so the sentences are those the
/// reader shows.
std::string DiffTextsJson(std::string_view a, std::string_view b, std::string_view options_json);

// --- Annotations ---------------------------------------------------------------------------------

/// {"selector": [TextQuoteSelector, TextPositionSelector (code points)], "start", "end"} for
/// [start, end) of `text` in `offset_unit` ("utf16" or "codepoint"); start and end come back
/// clamped to the text, in the same unit.
std::string DescribeRangeJson(std::string_view text, double start, double end,
                              std::string_view offset_unit);

/// A new annotation from {body, url?, title?, start, end, offsetUnit?, tags?: [{name, color?} or
/// name], note?, noteFormat?: "text/plain"|"text/markdown", creator?: {id?, name?}, id?, created?,
/// modified?}: {"annotation": W3C JSON}. Without an id it gets a name-based urn:uuid (pass
/// crypto.randomUUID() for a random one; a bare UUID gets "urn:uuid:" in front); created and
/// modified default to each other; the page should pass both.
std::string CreateAnnotationJson(std::string_view request_json);

/// Validates an annotation file: {"container", "annotations": [W3C JSON], "errors": [{path,
/// message}], "warnings": [...]}.
std::string CheckAnnotationsJson(std::string_view text);

/// Merges the text of a colleague's file into `existing_json` (the annotations the page has, as a
/// JSON array of W3C objects, or any file ParseAnnotations reads):
/// {"merged": [...], "changed": [ids to write back], "imported", "duplicates", "conflicts"
/// (counts), "ids": {"added", "duplicates", "conflicts"}, "authors": [{id, name}],
/// "tags": [{name, color}] (the incoming file's), "errors", "warnings" (the incoming file's,
/// with paths), "existingErrors"}. When the incoming file cannot be read at all, "merged" is the
/// existing annotations unchanged and "changed" is empty: nothing existing is ever lost.
std::string ImportAnnotationsJson(std::string_view existing_json, std::string_view incoming_text);

/// Exports annotations (a JSON array or any file ParseAnnotations reads) with options
/// {format: "jsonld"|"markdown"|"html", article?, tag?, label?}:
/// {"text", "mediaType", "count", "errors"}.
std::string ExportAnnotationsJson(std::string_view annotations_json, std::string_view options_json);

/// Re-anchors annotations into articles ([{id, body, title?, url?}] or one such object) with
/// options {offsetUnit?, minScore?}: {"results": [{id, status: "anchored"|"orphan", start, end
/// (null for orphans), score, exact, article, match}], "offsetUnit", "errors"}.
std::string AnchorAnnotationsJson(std::string_view annotations_json, std::string_view articles_json,
                                  std::string_view options_json);

}  // namespace lectern

#endif  // LECTERN_API_H_
