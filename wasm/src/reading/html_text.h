// Text extraction from HTML. Internal to the core.
#ifndef LECTERN_HTML_TEXT_H_
#define LECTERN_HTML_TEXT_H_

#include <string>
#include <string_view>

namespace lectern {

/// What a web page says, as text. Nothing in the page is run: scripts, styles, event handlers,
/// forms and embedded objects are skipped, and entities are decoded.
struct HtmlText {
  std::string text;    ///< visible text; block elements become paragraphs separated by "\n\n"
  std::string title;   ///< og:title, else <h1>, else <title>
  std::string date;    ///< article:published_time, <time datetime> or a date <meta>, as written
  std::string source;  ///< og:site_name
  std::string url;     ///< canonical link or og:url
};

/// Extracts the text and metadata of an HTML document. When the page has an <article> element,
/// only its text is kept (navigation, sidebars and footers around it are dropped).
HtmlText ExtractHtmlText(std::string_view html);

/// Decodes HTML character references (&amp; &#8217; &#x2014; &nbsp; ...) in `text`.
std::string DecodeEntities(std::string_view text);

}  // namespace lectern

#endif  // LECTERN_HTML_TEXT_H_
