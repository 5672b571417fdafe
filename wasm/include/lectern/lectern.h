// Lectern core: reads news articles, cleans them and splits them into paragraphs and sentences.
//
// This is the one public header of the core library. It depends only on the C++17 standard library;
// ICU and nlohmann/json stay behind it. All text is UTF-8 and every Span is a half-open range of
// byte offsets into the string it describes; conversion to UTF-16 code units (JavaScript) or
// Unicode code points (W3C Web Annotation) happens only when an article is written out as JSON.
#ifndef LECTERN_LECTERN_H_
#define LECTERN_LECTERN_H_

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace lectern {

/// A half-open range [start, end) of byte offsets into a UTF-8 string.
struct Span {
  std::size_t start = 0;
  std::size_t end = 0;
  bool operator==(const Span& o) const { return start == o.start && end == o.end; }
};

/// The unit in which offsets are written out.
enum class OffsetUnit {
  kCodePoint,  ///< Unicode code points: what the W3C Web Annotation model requires (the default).
  kUtf16,      ///< UTF-16 code units: what JavaScript string indices count.
  kUtf8,       ///< bytes of UTF-8.
};

/// Converts ascending byte offsets into UTF-8 `text` to `unit` in one pass. The offsets must be
/// sorted and lie on code point boundaries; the result has the same length and order.
std::vector<std::size_t> ConvertOffsets(std::string_view text,
                                        const std::vector<std::size_t>& byte_offsets,
                                        OffsetUnit unit);

/// Parses "codepoint", "utf16" or "utf8"; throws std::invalid_argument on anything else.
OffsetUnit ParseOffsetUnit(std::string_view name);
/// The name ParseOffsetUnit accepts for `unit`.
const char* OffsetUnitName(OffsetUnit unit);

/// A news article: metadata, the cleaned body text, and its paragraphs and sentences.
struct Article {
  std::string id;        ///< the record's id in a collection, else the file name
  std::string title;     ///< headline, empty when none was found
  std::string date;      ///< ISO 8601 (YYYY-MM-DD) when known, else empty
  std::string source;    ///< the outlet ("Xinhua", "KUNA", "China Daily"), empty when unknown
  std::string dateline;  ///< e.g. "ST. PETERSBURG, Sept. 10 (Xinhua) --", empty when none
  std::string url;       ///< where the article came from, when the input says so
  std::string body;      ///< cleaned text; paragraphs are separated by "\n\n"
  std::string original;  ///< the article's text as read, before any cleaning
  std::vector<Span> paragraphs;  ///< into `body`
  std::vector<Span> sentences;   ///< into `body`; never cross a paragraph boundary
  std::size_t word_count = 0;    ///< words in `body`, counted by CountWords
};

/// How input is read.
struct ReadOptions {
  /// Treat every input as body text as it is: no metadata, no boilerplate removal, no HTML.
  bool plain = false;
  /// Number of lines that precede these bytes in the file (for JSONL read in chunks), so that
  /// error messages give the right line numbers.
  std::size_t first_line = 1;
};

/// A problem with one input (or one record of a collection), said in one line for a user.
struct InputProblem {
  std::string file;     ///< the file name as given
  std::string where;    ///< "line 7" or "record 3" within a collection; empty for the whole file
  std::string message;  ///< what is wrong, e.g. "not valid UTF-8 (byte 0xff at offset 12)"
  /// "FILE: WHERE: MESSAGE" (WHERE omitted when empty).
  std::string ToString() const;
};

/// What reading one file produced: the articles that could be read and the problems with the rest.
struct ReadResult {
  std::vector<Article> articles;
  std::vector<InputProblem> problems;
};

/// The largest article body (in bytes) Lectern reads; larger inputs are refused with a message.
constexpr std::size_t kMaxArticleBytes = 8u << 20;

/// Reads the bytes of one file. The format follows the extension of `file_name`: .json and .jsonl
/// are collections of {id?, title?, date?, source?, url?, text | html}; .html and .htm are web
/// pages (their text only: nothing in them is run); anything else is text, where a first line
/// beginning with " date YYYY-MM-DD" (the seed format) gives the date. Never throws for bad input:
/// empty, binary, non-UTF-8, oversized or malformed files come back as problems, and the readable
/// records of a partly broken collection still come back as articles.
ReadResult ReadFile(std::string_view bytes, std::string_view file_name,
                    const ReadOptions& options = {});

/// Builds an article from body text as it is (no cleaning): paragraphs and sentences only.
Article ArticleFromPlainText(std::string_view text, std::string_view id);

/// Splits text into sentences (ICU's rules with English abbreviation suppressions, plus the rules
/// news needs: "Sept. 10", "U.S.", initials, numbered lists, quotations, ellipses, decimals, URLs).
/// Spans exclude surrounding whitespace and never cross a blank line.
std::vector<Span> SplitSentences(std::string_view text);

/// Counts the words in text with ICU's word break rules: letters, numbers, kana and ideographs
/// count, spaces and punctuation do not; Chinese and Japanese are split with ICU's dictionary.
std::size_t CountWords(std::string_view text);

/// Splits text into paragraphs at blank lines; spans exclude surrounding whitespace.
std::vector<Span> SplitParagraphs(std::string_view text);

/// The article as JSON: {id, title, date, source, dateline, url, body, paragraphs: [{start, end}],
/// sentences: [{start, end, text}], wordCount, offsetUnit}, plus "original" when `with_original` is
/// set.
std::string ArticleToJson(const Article& article, OffsetUnit unit, bool with_original = true);

/// A whole ReadResult as JSON: {articles: [...], problems: [{file, where, message}]}.
std::string ReadResultToJson(const ReadResult& result, OffsetUnit unit);

}  // namespace lectern

#endif  // LECTERN_LECTERN_H_
