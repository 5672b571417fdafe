// CleanArticle, pass 2: paragraphs. Lines are joined into paragraphs (hard-wrapped text is
// unwrapped), then wire-feed prefixes, "(end)" markers, editor and credit lines and photo captions
// go (see clean.cpp).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "clean_meta.h"
#include "clean_passes.h"
#include "clean_text.h"

namespace lectern::clean_internal {
namespace {

/// Labels of editor and source lines: "(Web editor: Zhang Kaiwei)", "Source: Xinhua".
constexpr std::string_view kEditorLabels[] = {
    "web editor",   "chief editor", "executive editor", "responsible editor",
    "editor",       "editors",      "edited by",        "source",
    "sources",      "photo",        "photos",           "photographer",
    "graphics",     "translator",   "translated by",    "compiled by",
    "proofread by", "proofreader",  "producer",
};

/// Openings of attribution credits: "(With information from EFE)", "(Reporting by ...)".
constexpr std::string_view kCreditOpenings[] = {
    "with information from",
    "with information of",
    "with info from",
    "with inputs from",
    "with input from",
    "with agency inputs",
    "with files from",
    "with reporting by",
    "with reporting from",
    "additional reporting by",
    "additional reporting from",
    "reporting by",
    "writing by",
    "editing by",
    "compiled by",
    "written by",
};

/// Markers that open a wire feed's prefix: "(MENAFN- Kuwait News Agency (KUNA))".
constexpr std::string_view kFeedMarkers[] = {
    "MENAFN",       "PRNewswire",   "GLOBE NEWSWIRE", "BUSINESS WIRE", "ACCESSWIRE",
    "EINPresswire", "JCN Newswire", "ACN Newswire",   "Newsfile Corp",
};

/// Appends a line to a paragraph being unwrapped.
void AppendLine(std::string* paragraph, std::string_view line) {
  if (paragraph->empty()) {
    *paragraph = line;
    return;
  }
  // A word hyphenated across lines ("pro-" + "Russian") keeps its hyphen and loses the break.
  const std::size_t n = paragraph->size();
  if (n >= 2 && paragraph->back() == '-' && IsAsciiAlpha((*paragraph)[n - 2]) &&
      IsAsciiAlpha(line.front())) {
    *paragraph += line;
    return;
  }
  *paragraph += ' ';
  *paragraph += line;
}

/// Turns a run of consecutive kept lines into paragraphs.
void AppendRun(const std::vector<std::string_view>& run, bool title_given,
               std::vector<std::string>* paragraphs) {
  // Hard-wrapped text has lines 40-120 characters wide. Wider lines are paragraphs of their own
  // (one paragraph per line); a block of narrower lines is a list of labels or headings.
  constexpr std::size_t kMinWrapWidth = 40;
  constexpr std::size_t kMaxWrapWidth = 120;
  std::vector<std::size_t> widths(run.size());
  std::size_t width = 0;
  for (std::size_t k = 0; k < run.size(); ++k) {
    widths[k] = CodePoints(run[k]);
    width = std::max(width, widths[k]);
  }
  const bool wrapped = run.size() > 1 && width >= kMinWrapWidth && width <= kMaxWrapWidth;
  std::string paragraph;
  for (std::size_t k = 0; k < run.size(); ++k) {
    AppendLine(&paragraph, run[k]);
    // In wrapped text a line well short of the width ends its paragraph when it is the last line
    // of one (it ends a sentence) or a headline above the text. A short first line that does not
    // end a sentence is otherwise the rest of a line whose start was cut (a wire dateline).
    const bool short_line = widths[k] * 10 < width * 6;
    const bool heading = k == 0 && !title_given;
    const bool ends =
        k + 1 == run.size() || !wrapped ||
        (short_line && !StartsLowercase(run[k + 1]) && (EndsWithTerminal(run[k]) || heading));
    if (ends) {
      paragraphs->push_back(std::move(paragraph));
      paragraph.clear();
    }
  }
}

/// Removes a wire feed's prefix from the start of a paragraph ("(MENAFN- Kuwait News Agency
/// (KUNA)) BEIJING, ..."); the feed names the source.
void StripFeedPrefix(std::string* paragraph, Hints* hints) {
  constexpr std::size_t kMaxPrefix = 200;
  if (paragraph->empty() || paragraph->front() != '(') return;
  const std::size_t close = MatchingClose(*paragraph, 0, kMaxPrefix);
  if (close == std::string::npos) return;
  const std::string_view inner = std::string_view(*paragraph).substr(1, close - 1);
  for (std::string_view marker : kFeedMarkers) {
    if (!StartsWithWords(inner, marker)) continue;
    const std::string_view rest = TrimSpace(StripChars(inner.substr(marker.size()), " -:"));
    std::string source = FindOutlet(rest);
    if (source.empty()) source = std::string(rest.empty() ? marker : rest);
    hints->AddSource(std::move(source), kSourceFeed);
    *paragraph = std::string(TrimSpace(std::string_view(*paragraph).substr(close + 1)));
    return;
  }
}

/// True for the initials wire editors sign with after "(end)" ("ibm.as").
bool IsEditorTag(std::string_view token) {
  constexpr std::size_t kMaxTag = 12;
  return token.size() <= kMaxTag && std::any_of(token.begin(), token.end(), IsAsciiLower) &&
         std::all_of(token.begin(), token.end(),
                     [](char c) { return IsAsciiLower(c) || c == '.'; });
}

/// Removes a final end marker ("... he noted. (end)", "... (end) ibm.as").
void StripEndMarker(std::string* paragraph) {
  constexpr std::size_t kTail = 64;  // the marker and its tags are near the end
  constexpr std::size_t kMaxTags = 2;
  const std::size_t offset = paragraph->size() > kTail ? paragraph->size() - kTail : 0;
  const std::vector<Token> tokens = Tokenize(std::string_view(*paragraph).substr(offset));
  for (std::size_t back = 0; back <= kMaxTags && back < tokens.size(); ++back) {
    const Token& token = tokens[tokens.size() - 1 - back];
    const std::size_t pos = offset + token.pos;
    if (InList(token.text, kEndMarkers)) {
      if (pos > 0 && (*paragraph)[pos - 1] != ' ') return;  // part of a longer token
      *paragraph = std::string(TrimSpace(std::string_view(*paragraph).substr(0, pos)));
      return;
    }
    if (!IsEditorTag(token.text)) return;
  }
}

/// True when `text` opens an attribution credit ("With information from EFE", "With AFP inputs").
bool IsCreditOpening(std::string_view text) {
  constexpr std::size_t kMaxInputsWords = 6;
  if (StartsWithAny(text, kCreditOpenings)) return true;
  return StartsWithWords(text, "with") && WordCount(text) <= kMaxInputsWords &&
         (EndsWithIgnoreCase(text, " inputs") || EndsWithIgnoreCase(text, " input"));
}

/// Removes a parenthesized credit after a paragraph's last sentence ("... he said. (With
/// information from EFE)"); the credit may name the source.
void StripTrailingCredit(std::string* paragraph, Hints* hints) {
  constexpr std::size_t kMaxCredit = 300;
  if (paragraph->empty() || paragraph->back() != ')') return;
  std::size_t open = std::string::npos;
  int depth = 0;
  for (std::size_t i = paragraph->size(); i-- > 0 && paragraph->size() - i <= kMaxCredit;) {
    const char c = (*paragraph)[i];
    if (c == ')') ++depth;
    if (c == '(' && --depth == 0) {
      open = i;
      break;
    }
  }
  if (open == std::string::npos || open == 0) return;
  const std::string_view text(*paragraph);
  const std::string_view inner = TrimSpace(text.substr(open + 1, text.size() - open - 2));
  const std::string_view before = TrimSpace(text.substr(0, open));
  if (!IsCreditOpening(inner) || !EndsWithTerminal(before)) return;
  hints->AddSource(FindOutlet(inner), kSourceAttribution);
  *paragraph = std::string(before);
}

/// True for a paragraph that is only an attribution credit: "(With information from EFE)",
/// "(Reporting by A; Editing by B)", "(Agencies)".
bool IsCreditParagraph(std::string_view paragraph, Hints* hints) {
  constexpr std::size_t kMaxBareWords = 12;
  std::string_view inner;
  bool credit = false;
  if (Unwrap(paragraph, &inner)) {
    credit = IsCreditOpening(inner) || EqualsIgnoreCase(inner, "agencies");
  } else {
    inner = paragraph;
    credit = IsCreditOpening(paragraph) && WordCount(paragraph) <= kMaxBareWords;
  }
  if (credit) hints->AddSource(FindOutlet(inner), kSourceAttribution);
  return credit;
}

/// True for an editor or source line: "(Web editor: Zhang Kaiwei, Zhong Wenxing)", "Source:
/// Xinhua", "Edited by Li Yan". "Source: a senior official said ..." is a sentence and stays.
bool IsEditorLine(std::string_view paragraph, Hints* hints) {
  constexpr std::size_t kMaxWords = 16;
  constexpr std::size_t kMaxValueWords = 8;
  if (WordCount(paragraph) > kMaxWords) return false;
  std::string_view line = paragraph;
  const bool wrapped = Unwrap(paragraph, &line);
  if (line.empty() || line.back() == '?') return false;
  for (std::string_view label : kEditorLabels) {
    if (!StartsWithWords(line, label)) continue;
    std::string_view value = TrimSpace(line.substr(label.size()));
    if (EndsWithIgnoreCase(label, " by")) {
      if (value.empty()) continue;
    } else if (StartsWithIgnoreCase(value, ":")) {
      value = TrimSpace(value.substr(1));
    } else if (StartsWithIgnoreCase(value, "\xEF\xBC\x9A")) {  // fullwidth colon
      value = TrimSpace(value.substr(3));
    } else {
      continue;
    }
    if (WordCount(value) > kMaxValueWords || (!wrapped && EndsWithTerminal(value))) return false;
    if (StartsWithWords(label, "source")) hints->AddSource(FindOutlet(value), kSourceCredit);
    return true;
  }
  return false;
}

/// True for a token that may be part of a photo credit: capitalized, a connector, or punctuation.
bool IsCreditToken(std::string_view token, bool last) {
  std::string_view core = StripChars(token, "([{\"')]},;:");
  if (last) core = StripChars(core, ".");
  return core.empty() || IsCreditConnector(core) || IsAsciiUpper(core.front()) ||
         IsNonAscii(core.front());
}

/// True for an initial ("J.", "Photo/J.") that does not end a sentence.
bool IsInitialToken(std::string_view token) {
  const std::size_t slash = token.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? token : token.substr(slash + 1);
  return last.size() == 2 && IsAsciiUpper(last[0]) && last[1] == '.';
}

/// True for a photo caption: a short paragraph whose last "sentence" is a photo credit
/// ("... September 16, 2022. Sputnik/Sergey Bobylev/Pool via REUTERS/File"), or a bare credit.
bool IsCaption(std::string_view paragraph) {
  constexpr std::size_t kMaxCaptionWords = 80;
  constexpr std::size_t kMaxCreditTokens = 20;
  constexpr std::size_t kMaxBareCreditWords = 6;
  if (WordCount(paragraph) > kMaxCaptionWords) return false;
  const std::vector<Token> tokens = Tokenize(paragraph);
  // Walk back over the capitalized tail to where the last real sentence ends.
  std::size_t k = tokens.size();
  while (k > 0 && tokens.size() - k < kMaxCreditTokens) {
    const std::string_view t = tokens[k - 1].text;
    const bool last = k == tokens.size();
    if (!last && EndsWithTerminal(t) && !IsInitialToken(t)) break;
    if (!IsCreditToken(t, last)) break;
    --k;
  }
  if (k == tokens.size()) return false;
  if (k > 0 ? !EndsWithTerminal(tokens[k - 1].text) : tokens.size() > kMaxBareCreditWords) {
    return false;
  }
  return IsPhotoCredit(paragraph.substr(tokens[k].pos));
}

}  // namespace

std::vector<std::string> JoinLines(const std::vector<std::string>& lines,
                                   const std::vector<LineKind>& kinds, bool title_given) {
  std::vector<std::string> paragraphs;
  std::vector<std::string_view> run;
  for (std::size_t i = 0; i <= lines.size(); ++i) {
    if (i < lines.size() && kinds[i] == LineKind::kText) {
      run.push_back(lines[i]);
    } else if (!run.empty()) {
      AppendRun(run, title_given, &paragraphs);
      run.clear();
    }
  }
  return paragraphs;
}

void CleanParagraphs(std::vector<std::string>* paragraphs, Hints* hints) {
  // A feed prefix opens the story, which may come after a headline and a credit line.
  constexpr std::size_t kFeedPrefixParagraphs = 3;
  for (std::size_t i = 0; i < paragraphs->size() && i < kFeedPrefixParagraphs; ++i) {
    StripFeedPrefix(&(*paragraphs)[i], hints);
  }
  std::vector<std::string> kept;
  for (std::string& paragraph : *paragraphs) {
    StripEndMarker(&paragraph);
    StripTrailingCredit(&paragraph, hints);
    if (paragraph.empty() || IsEditorLine(paragraph, hints) ||
        IsCreditParagraph(paragraph, hints) || IsCaption(paragraph)) {
      continue;
    }
    kept.push_back(std::move(paragraph));
  }
  *paragraphs = std::move(kept);
}

}  // namespace lectern::clean_internal
