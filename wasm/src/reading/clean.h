// Cleaning one news article's text: boilerplate removal, whitespace normalization and the metadata
// (title, date, source, dateline) the text itself reveals. Internal to the core.
#ifndef LECTERN_CLEAN_H_
#define LECTERN_CLEAN_H_

#include <string>
#include <string_view>

namespace lectern {

/// What CleanArticle found in an article's text.
struct CleanedArticle {
  std::string title;   // headline, empty when none
  std::string date;    // ISO 8601 YYYY-MM-DD when found, else empty
  std::string source;  // the publishing outlet ("China Daily", "KUNA", "Xinhua", "AFP"), else empty
  std::string
      dateline;  // e.g. "ST. PETERSBURG, Sept. 10 (Xinhua) --", else empty; also stays in body
  std::string
      body;  // cleaned body: paragraphs separated by exactly "\n\n", no leading/trailing space
};

/// Cleans one article given as text (valid UTF-8, "\n" line ends; possibly extracted from HTML, in
/// which case block elements became blank-line-separated paragraphs). `file_name` may hint the
/// source. Never throws on any valid UTF-8 input.
/// `title_given` says the title is already known (a collection record's field), so no line of the
/// text is taken for a headline.
CleanedArticle CleanArticle(std::string_view text, std::string_view file_name = {},
                            bool title_given = false);

}  // namespace lectern

#endif  // LECTERN_CLEAN_H_
