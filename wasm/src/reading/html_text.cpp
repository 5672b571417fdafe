#include "html_text.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>
#include <cstdlib>
#include <utility>
#include <vector>

#include "lectern/text.h"

namespace lectern {
namespace {

// The named references that occur in news pages; others are left as written.
constexpr std::array<std::pair<std::string_view, std::uint32_t>, 40> kNamedEntities{{
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},      {"apos", '\''},
    {"nbsp", 0xA0},    {"ndash", 0x2013}, {"mdash", 0x2014}, {"hellip", 0x2026}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"sbquo", 0x201A},  {"bdquo", 0x201E},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"copy", 0xA9},    {"reg", 0xAE},      {"trade", 0x2122},
    {"deg", 0xB0},     {"euro", 0x20AC},  {"pound", 0xA3},   {"yen", 0xA5},      {"cent", 0xA2},
    {"sect", 0xA7},    {"para", 0xB6},    {"middot", 0xB7},  {"bull", 0x2022},   {"times", 0xD7},
    {"divide", 0xF7},  {"frac12", 0xBD},  {"eacute", 0xE9},  {"egrave", 0xE8},   {"aacute", 0xE1},
    {"oacute", 0xF3},  {"uuml", 0xFC},    {"ouml", 0xF6},    {"auml", 0xE4},     {"ccedil", 0xE7},
}};

// Decodes the reference starting at text[i] == '&'; returns the bytes consumed (0 if none).
std::size_t DecodeEntityAt(std::string_view text, std::size_t i, std::string& out) {
  const std::size_t semi = text.find(';', i + 1);
  if (semi == std::string_view::npos || semi - i > 12) return 0;
  const std::string_view name = text.substr(i + 1, semi - i - 1);
  if (name.size() >= 2 && name[0] == '#') {
    const bool hex = name[1] == 'x' || name[1] == 'X';
    const std::string digits(name.substr(hex ? 2 : 1));
    if (digits.empty()) return 0;
    char* end = nullptr;
    const unsigned long cp = std::strtoul(digits.c_str(), &end, hex ? 16 : 10);
    if (*end != '\0') return 0;
    // &#0; is not a character either.
    AppendUtf8(cp == 0 || cp > 0x10FFFF ? 0xFFFD : static_cast<char32_t>(cp), &out);
    return semi - i + 1;
  }
  for (const auto& [entity, cp] : kNamedEntities) {
    if (entity == name) {
      AppendUtf8(cp, &out);
      return semi - i + 1;
    }
  }
  return 0;
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Elements whose content is never shown as article text.
bool IsSkippedElement(std::string_view name) {
  static constexpr std::string_view kSkipped[] = {
      "script", "style",  "noscript", "template", "head",   "nav",    "aside",    "footer",
      "form",   "button", "select",   "svg",      "iframe", "object", "textarea", "math"};
  return std::find(std::begin(kSkipped), std::end(kSkipped), name) != std::end(kSkipped);
}

// Elements that start a new paragraph.
bool IsBlockElement(std::string_view name) {
  static constexpr std::string_view kBlocks[] = {
      "p",     "div",     "h1",      "h2",      "h3",      "h4",     "h5",         "h6",
      "li",    "ul",      "ol",      "dl",      "dt",      "dd",     "blockquote", "pre",
      "table", "tr",      "hr",      "section", "article", "header", "figure",     "figcaption",
      "main",  "address", "details", "summary", "caption", "body"};
  return std::find(std::begin(kBlocks), std::end(kBlocks), name) != std::end(kBlocks);
}

bool IsVoidElement(std::string_view name) {
  static constexpr std::string_view kVoid[] = {"area",  "base",   "br",    "col",  "embed",
                                               "hr",    "img",    "input", "link", "meta",
                                               "param", "source", "track", "wbr"};
  return std::find(std::begin(kVoid), std::end(kVoid), name) != std::end(kVoid);
}

struct Tag {
  std::string name;  // lower case
  bool closing = false;
  bool self_closing = false;
  std::vector<std::pair<std::string, std::string>> attributes;  // names lower case, values decoded

  std::string Attribute(std::string_view key) const {
    for (const auto& [k, v] : attributes) {
      if (k == key) return v;
    }
    return {};
  }
};

// Parses the tag starting at html[i] == '<'. Returns the offset after it, or npos if this '<'
// does not start a tag (it is then text).
std::size_t ParseTag(std::string_view html, std::size_t i, Tag& tag) {
  std::size_t p = i + 1;
  tag = Tag{};
  if (p < html.size() && html[p] == '/') {
    tag.closing = true;
    ++p;
  }
  const std::size_t name_start = p;
  while (p < html.size() &&
         (std::isalnum(static_cast<unsigned char>(html[p])) || html[p] == '-' || html[p] == ':')) {
    ++p;
  }
  if (p == name_start) return std::string_view::npos;
  tag.name = Lower(html.substr(name_start, p - name_start));
  while (p < html.size()) {
    while (p < html.size() && IsSpace(html[p])) ++p;
    if (p >= html.size()) break;
    if (html[p] == '>') return p + 1;
    if (html[p] == '/') {
      tag.self_closing = true;
      ++p;
      continue;
    }
    const std::size_t key_start = p;
    while (p < html.size() && !IsSpace(html[p]) && html[p] != '=' && html[p] != '>' &&
           html[p] != '/') {
      ++p;
    }
    std::string key = Lower(html.substr(key_start, p - key_start));
    if (key.empty()) {  // a stray character such as a quote: skip it
      ++p;
      continue;
    }
    while (p < html.size() && IsSpace(html[p])) ++p;
    std::string value;
    if (p < html.size() && html[p] == '=') {
      ++p;
      while (p < html.size() && IsSpace(html[p])) ++p;
      if (p < html.size() && (html[p] == '"' || html[p] == '\'')) {
        const char quote = html[p];
        const std::size_t end = html.find(quote, p + 1);
        if (end == std::string_view::npos) return html.size();
        value = DecodeEntities(html.substr(p + 1, end - p - 1));
        p = end + 1;
      } else {
        const std::size_t start = p;
        while (p < html.size() && !IsSpace(html[p]) && html[p] != '>') ++p;
        value = DecodeEntities(html.substr(start, p - start));
      }
    }
    tag.attributes.emplace_back(std::move(key), std::move(value));
  }
  return html.size();
}

// Skips a comment, doctype or processing instruction at html[i] == '<'; returns the offset after
// it, or npos if there is none here.
std::size_t SkipMarkupDeclaration(std::string_view html, std::size_t i) {
  if (html.compare(i, 4, "<!--") == 0) {
    const std::size_t end = html.find("-->", i + 4);
    return end == std::string_view::npos ? html.size() : end + 3;
  }
  if (i + 1 < html.size() && (html[i + 1] == '!' || html[i + 1] == '?')) {
    const std::size_t end = html.find('>', i);
    return end == std::string_view::npos ? html.size() : end + 1;
  }
  return std::string_view::npos;
}

// Offset just past the closing tag of raw-text element `name` (script, style...) from `from`.
std::size_t SkipRawText(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t p = html.find("</", from); p != std::string_view::npos;
       p = html.find("</", p + 2)) {
    if (p + 2 + name.size() <= html.size() && Lower(html.substr(p + 2, name.size())) == name) {
      const std::size_t close = html.find('>', p);
      return close == std::string_view::npos ? html.size() : close + 1;
    }
  }
  return html.size();
}

// Collects text with collapsed whitespace, paragraph breaks and line breaks.
class TextSink {
 public:
  void Text(std::string_view raw) {
    const std::string decoded = DecodeEntities(raw);
    for (std::size_t i = 0; i < decoded.size(); ++i) {
      const char c = decoded[i];
      // U+00A0 (no-break space) counts as a space here.
      const bool nbsp = static_cast<unsigned char>(c) == 0xC2 && i + 1 < decoded.size() &&
                        static_cast<unsigned char>(decoded[i + 1]) == 0xA0;
      if (IsSpace(c) || nbsp) {
        if (nbsp) ++i;
        pending_space_ = true;
        continue;
      }
      if (pending_break_ > 0 && !out_.empty()) {
        out_.append(pending_break_, '\n');
      } else if (pending_space_ && !out_.empty() && out_.back() != '\n') {
        out_ += ' ';
      }
      pending_break_ = 0;
      pending_space_ = false;
      out_ += c;
    }
  }
  void Break(int newlines) { pending_break_ = std::max(pending_break_, newlines); }
  std::string Take() { return std::move(out_); }

 private:
  std::string out_;
  int pending_break_ = 0;
  bool pending_space_ = false;
};

// Walks the document once, collecting text and metadata. When `only_article` is set, text is
// collected only inside <article> elements.
HtmlText Walk(std::string_view html, bool only_article, bool& saw_article) {
  HtmlText result;
  TextSink sink;
  std::string h1, title_element;
  int skip_depth = 0, article_depth = 0;
  std::string capture;  // "title" or "h1" while inside one
  std::string captured;
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    const std::size_t text_end = lt == std::string_view::npos ? html.size() : lt;
    if (text_end > i) {
      const std::string_view text = html.substr(i, text_end - i);
      if (!capture.empty()) captured += text;
      if (skip_depth == 0 && (!only_article || article_depth > 0)) sink.Text(text);
    }
    if (lt == std::string_view::npos) break;
    if (const std::size_t after = SkipMarkupDeclaration(html, lt);
        after != std::string_view::npos) {
      i = after;
      continue;
    }
    Tag tag;
    const std::size_t after = ParseTag(html, lt, tag);
    if (after == std::string_view::npos) {  // a bare '<' in text
      if (skip_depth == 0 && (!only_article || article_depth > 0)) sink.Text("<");
      i = lt + 1;
      continue;
    }
    i = after;
    const std::string& name = tag.name;
    if (!tag.closing && (name == "script" || name == "style" || name == "textarea" ||
                         name == "template" || name == "noscript")) {
      if (!tag.self_closing) i = SkipRawText(html, i, name);
      continue;
    }
    if (name == "meta") {
      const std::string key = Lower(tag.Attribute("property").empty() ? tag.Attribute("name")
                                                                      : tag.Attribute("property"));
      const std::string content = tag.Attribute("content");
      if (key == "og:title" && result.title.empty()) result.title = content;
      if (key == "og:site_name") result.source = content;
      if (key == "og:url" && result.url.empty()) result.url = content;
      if ((key == "article:published_time" || key == "date" || key == "pubdate" ||
           key == "publishdate" || key == "dc.date") &&
          result.date.empty()) {
        result.date = content;
      }
      continue;
    }
    if (name == "link" && Lower(tag.Attribute("rel")) == "canonical") {
      result.url = tag.Attribute("href");
      continue;
    }
    if (name == "time" && !tag.closing && result.date.empty()) {
      result.date = tag.Attribute("datetime");
    }
    if ((name == "title" || name == "h1") && !tag.closing) {
      capture = name;
      captured.clear();
    } else if ((name == "title" || name == "h1") && tag.closing && capture == name) {
      std::string& slot = name == "title" ? title_element : h1;
      if (slot.empty()) {
        TextSink s;
        s.Text(captured);
        slot = s.Take();
      }
      capture.clear();
    }
    if (name == "article") {
      saw_article = true;
      article_depth += tag.closing ? (article_depth > 0 ? -1 : 0) : 1;
    }
    // An unclosed <head> must not hide the body.
    if (name == "body" && !tag.closing) skip_depth = 0;
    if (IsSkippedElement(name) && !IsVoidElement(name) && !tag.self_closing) {
      skip_depth += tag.closing ? (skip_depth > 0 ? -1 : 0) : 1;
      continue;
    }
    if (name == "br") {
      sink.Break(1);
    } else if (IsBlockElement(name) || name == "td" || name == "th") {
      sink.Break(name == "td" || name == "th" ? 1 : 2);
    }
  }
  result.text = sink.Take();
  if (result.title.empty()) result.title = !h1.empty() ? h1 : title_element;
  return result;
}

}  // namespace

std::string DecodeEntities(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '&') {
      if (const std::size_t used = DecodeEntityAt(text, i, out); used > 0) {
        i += used - 1;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

HtmlText ExtractHtmlText(std::string_view html) {
  bool saw_article = false;
  HtmlText all = Walk(html, /*only_article=*/false, saw_article);
  if (!saw_article) return all;
  bool unused = false;
  HtmlText article = Walk(html, /*only_article=*/true, unused);
  // A page whose <article> holds little text (a teaser card) keeps the whole page's text.
  if (article.text.size() * 4 < all.text.size()) return all;
  return article;
}

}  // namespace lectern
