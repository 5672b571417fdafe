// ReadFile: from the bytes of one file to articles, or to problems a user can act on.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "clean.h"
#include "encoding.h"
#include "html_text.h"
#include "lectern/dates.h"
#include "lectern/reading.h"
#include "lectern/segment.h"
#include "lectern/text.h"

namespace lectern {
namespace {

using json = nlohmann::json;

enum class Format { kText, kHtml, kJson, kJsonl };

std::string LowerExtension(std::string_view file_name) {
  const std::size_t dot = file_name.rfind('.');
  const std::size_t slash = file_name.find_last_of("/\\");
  if (dot == std::string_view::npos || (slash != std::string_view::npos && dot < slash)) return {};
  std::string ext(file_name.substr(dot + 1));
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

bool StartsWithNoCase(std::string_view text, std::string_view prefix) {
  if (text.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(text[i])) != prefix[i]) return false;
  }
  return true;
}

std::string_view TrimLeft(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  return s;
}

Format DetectFormat(std::string_view file_name, std::string_view text) {
  const std::string ext = LowerExtension(file_name);
  if (ext == "json") return Format::kJson;
  if (ext == "jsonl" || ext == "ndjson") return Format::kJsonl;
  if (ext == "html" || ext == "htm" || ext == "xhtml") return Format::kHtml;
  const std::string_view head = TrimLeft(text);
  if (StartsWithNoCase(head, "<!doctype html") || StartsWithNoCase(head, "<html")) {
    return Format::kHtml;
  }
  return Format::kText;
}

// Names well-known binary formats by their first bytes, so the message can say what the file is.
std::string MagicKind(std::string_view bytes) {
  struct Magic {
    std::string_view prefix, kind;
  };
  static constexpr Magic kMagic[] = {
      {"%PDF", "a PDF document"},
      {"\x89PNG", "a PNG image"},
      {"\xFF\xD8\xFF", "a JPEG image"},
      {"GIF8", "a GIF image"},
      {"PK\x03\x04", "a ZIP archive (or a Word/Excel document)"},
      {"\x1F\x8B", "a gzip archive"},
      {"\xD0\xCF\x11\xE0", "an old Microsoft Office document"},
      {"\x7F"
       "ELF",
       "a program"},
      {"MZ", "a Windows program"},
      {std::string_view("\0asm", 4), "a WebAssembly module"}};  // sized: it starts with NUL
  for (const auto& m : kMagic) {
    if (bytes.substr(0, m.prefix.size()) == m.prefix) return std::string(m.kind);
  }
  return {};
}

// Whether decoded text is binary after all. A NUL anywhere is (see ReadFile in reading.h: one
// rule for the whole file, however far into it); other control characters are rare in text, so
// many of them in the first 8 KB are too.
bool LooksBinary(std::string_view text, bool is_whole_file) {
  if (text.find('\0') != std::string_view::npos) return true;
  if (!is_whole_file) return false;  // a collection chunk may start anywhere
  const std::string_view head = text.substr(0, 8192);
  std::size_t control = 0;
  for (unsigned char c : head) {
    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') ++control;
  }
  return control * 10 > head.size();
}

std::string FormatMegabytes(std::size_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / (1 << 20));
  return buf;
}

std::string InvalidUtf8Message(std::string_view bytes, std::size_t bad) {
  char buf[96];
  std::snprintf(buf, sizeof buf, "is not valid UTF-8 text (byte 0x%02X at offset %zu)",
                static_cast<unsigned char>(bytes[bad]), bad);
  return buf;
}

// "\r\n" and lone "\r" become "\n"; a leading byte-order mark goes.
std::string NormalizeNewlines(std::string_view text) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return out;
}

void Segment(Article& article) {
  article.paragraphs = SplitParagraphs(article.body);
  article.sentences = SplitSentences(article.body);
  article.word_count = CountWords(article.body);
}

// Metadata given alongside the text (a collection record's fields, an HTML page's meta tags).
struct Given {
  std::string file, id, title, date, source, url, dateline;
};

// Builds an article from text (already checked) and what was given about it.
Article BuildArticle(std::string_view text, bool is_html, const Given& given,
                     const ReadOptions& options) {
  if (options.plain) {
    Article article = ArticleFromPlainText(text, given.id);
    article.title = given.title;
    article.date = NormalizeDate(given.date);
    article.source = given.source;
    article.url = given.url;
    return article;
  }
  Article article;
  article.id = given.id;
  std::string plain_text;
  Given merged = given;
  if (is_html) {
    HtmlText page = ExtractHtmlText(text);
    plain_text = std::move(page.text);
    if (merged.title.empty()) merged.title = page.title;
    if (merged.date.empty()) merged.date = page.date;
    if (merged.source.empty()) merged.source = page.source;
    if (merged.url.empty()) merged.url = page.url;
  } else {
    plain_text = NormalizeNewlines(text);
  }
  CleanedArticle cleaned = CleanArticle(plain_text, given.file, !merged.title.empty());
  article.original = std::move(plain_text);
  article.body = std::move(cleaned.body);
  article.title = !merged.title.empty() ? merged.title : cleaned.title;
  article.date = NormalizeDate(!merged.date.empty() ? merged.date : cleaned.date);
  article.source = !merged.source.empty() ? merged.source : cleaned.source;
  article.dateline = !merged.dateline.empty() ? merged.dateline : cleaned.dateline;
  article.url = merged.url;
  Segment(article);
  return article;
}

std::string StringField(const json& record, const char* key) {
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  return {};
}

// Reads one record of a collection into `result`; `where` names it in messages.
void ReadRecord(const json& record, const std::string& where, std::string_view file_name,
                std::size_t ordinal, const ReadOptions& options, ReadResult& result) {
  const auto problem = [&](std::string message) {
    result.problems.push_back({std::string(file_name), where, std::move(message)});
  };
  if (!record.is_object()) {
    problem("expected an object {\"text\": ...}, found " + std::string(record.type_name()));
    return;
  }
  Given given;
  given.file = std::string(file_name);
  given.id = StringField(record, "id");
  if (given.id.empty()) given.id = std::string(file_name) + "#" + std::to_string(ordinal);
  given.title = StringField(record, "title");
  given.date = StringField(record, "date");
  given.source = StringField(record, "source");
  given.url = StringField(record, "url");
  given.dateline = StringField(record, "dateline");
  const std::string text = StringField(record, "text");
  const std::string html = text.empty() ? StringField(record, "html") : std::string();
  const std::string& content = text.empty() ? html : text;
  const std::string id_note = record.contains("id") ? " (id " + given.id + ")" : "";
  if (content.empty() || TrimLeft(content).empty()) {
    problem("no \"text\" or \"html\"" + id_note);
    return;
  }
  if (const std::size_t nul = content.find('\0'); nul != std::string::npos) {
    problem("the text holds a NUL character (at byte " + std::to_string(nul) + ")" + id_note +
            ": not text");
    return;
  }
  if (content.size() > kMaxArticleBytes) {
    problem("the text is " + FormatMegabytes(content.size()) + id_note +
            "; Lectern reads articles up to " + FormatMegabytes(kMaxArticleBytes));
    return;
  }
  result.articles.push_back(BuildArticle(content, text.empty(), given, options));
}

void ReadJsonl(std::string_view text, std::string_view file_name, const ReadOptions& options,
               ReadResult& result) {
  std::size_t line_number = options.first_line, ordinal = 0;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    const std::string where = "line " + std::to_string(line_number);
    if (!TrimLeft(line).empty()) {
      ++ordinal;
      json record = json::parse(line, nullptr, /*allow_exceptions=*/false);
      if (record.is_discarded()) {
        result.problems.push_back({std::string(file_name), where, "not valid JSON"});
      } else {
        ReadRecord(record, where, file_name, line_number, options, result);
      }
    }
    pos = end + 1;
    ++line_number;
  }
}

void ReadJson(std::string_view text, std::string_view file_name, const ReadOptions& options,
              ReadResult& result) {
  json doc;
  try {
    doc = json::parse(text);
  } catch (const json::parse_error& e) {
    // nlohmann's message names the byte; say it in the user's terms.
    const std::size_t at = std::min<std::size_t>(e.byte, text.size());
    const std::size_t line = 1 + std::count(text.begin(), text.begin() + at, '\n');
    result.problems.push_back({std::string(file_name), "",
                               "not valid JSON (error near line " + std::to_string(line) + ")"});
    return;
  } catch (const json::exception&) {  // out_of_range: a number such as 1e400
    result.problems.push_back(
        {std::string(file_name), "", "not valid JSON (a number too large to read)"});
    return;
  }
  const json* records = &doc;
  if (doc.is_object() && doc.contains("articles")) records = &doc["articles"];
  if (records->is_object()) {
    ReadRecord(*records, "", file_name, 1, options, result);
    return;
  }
  if (!records->is_array()) {
    result.problems.push_back({std::string(file_name), "",
                               "expected a list of articles [{\"text\": ...}], found " +
                                   std::string(records->type_name())});
    return;
  }
  std::size_t ordinal = 0;
  for (const json& record : *records) {
    ++ordinal;
    ReadRecord(record, "record " + std::to_string(ordinal), file_name, ordinal, options, result);
  }
}

}  // namespace

std::string InputProblem::ToString() const {
  std::string out = file;
  if (!where.empty()) out += ": " + where;
  return out + ": " + message;
}

Article ArticleFromPlainText(std::string_view text, std::string_view id) {
  Article article;
  article.id = std::string(id);
  article.body = std::string(text);
  article.original = article.body;
  Segment(article);
  return article;
}

ReadResult ReadFile(std::string_view file_bytes, std::string_view file_name,
                    const ReadOptions& options) {
  ReadResult result;
  const auto fail = [&](std::string message) {
    result.problems.push_back({std::string(file_name), "", std::move(message)});
    return result;
  };
  // A collection chunk may start mid-file: only whole files are told by their first bytes and
  // decoded; a chunk is UTF-8 already.
  const bool whole_file = options.first_line == 1;
  if (whole_file) {
    if (const std::string kind = MagicKind(file_bytes); !kind.empty()) {
      return fail("looks like " + kind + ", not text");
    }
  }
  DecodedText decoded;
  if (whole_file) decoded = DecodeText(file_bytes);
  const std::string_view bytes = decoded.encoding.empty() ? file_bytes : decoded.text;
  if (TrimLeft(bytes).empty()) return fail(whole_file ? "the file is empty" : "the text is empty");
  if (LooksBinary(bytes, whole_file)) return fail("looks like a binary file, not text");
  if (!decoded.problem.empty()) return fail(decoded.problem);
  if (const std::size_t bad = FindInvalidUtf8(bytes); bad != std::string_view::npos) {
    return fail(InvalidUtf8Message(bytes, bad));
  }
  const Format format = DetectFormat(file_name, bytes);
  const bool collection = format == Format::kJson || format == Format::kJsonl;
  if (!collection && bytes.size() > kMaxArticleBytes) {
    return fail("the file is " + FormatMegabytes(bytes.size()) + "; Lectern reads articles up to " +
                FormatMegabytes(kMaxArticleBytes) + " (split it, or use a .jsonl collection)");
  }
  try {
    switch (format) {
      case Format::kJson:
        ReadJson(bytes, file_name, options, result);
        break;
      case Format::kJsonl:
        ReadJsonl(bytes, file_name, options, result);
        break;
      case Format::kHtml:
      case Format::kText: {
        Given given;
        given.file = given.id = std::string(file_name);
        result.articles.push_back(BuildArticle(bytes, format == Format::kHtml, given, options));
        break;
      }
    }
    for (Article& article : result.articles) article.encoding = decoded.encoding;
  } catch (const std::exception& e) {
    // Input must never crash the reader; anything unexpected is reported against the file.
    return fail(std::string("could not be read: ") + e.what());
  }
  return result;
}

}  // namespace lectern
