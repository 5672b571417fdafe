// CleanArticle: boilerplate removal and metadata for one news article. See clean.h.
//
// The text goes through three passes:
//  1. Lines. The seed header gives the date; whitespace is collapsed; lines that are boilerplate
//     on their own (site furniture, copyright and licence footers, "Updated:" credit lines,
//     navigation crumbs) are dropped, and a dropped line also ends a paragraph.
//  2. Paragraphs. The remaining lines are joined into paragraphs (hard-wrapped text is unwrapped),
//     then wire-feed prefixes, "(end)" markers, editor and credit lines and photo captions go.
//  3. Metadata. The header before the first paragraph of running text gives the title and loses
//     its navigation crumbs; the first body paragraph's dateline, a final "(AFP)" and the file
//     name add hints.
// Every recognizer errs on the side of keeping text: dropping a real sentence is worse than
// keeping a stray line, so a paragraph goes only when all of it looks like boilerplate.
#include "clean.h"

#include <string>
#include <vector>

#include "clean_meta.h"
#include "clean_passes.h"

namespace lectern {

CleanedArticle CleanArticle(std::string_view text, std::string_view file_name, bool title_given) {
  namespace ci = clean_internal;
  constexpr std::string_view kBom = "\xEF\xBB\xBF";
  if (text.substr(0, kBom.size()) == kBom) text.remove_prefix(kBom.size());
  ci::Hints hints;
  text = ci::TakeSeedHeader(text, &hints);
  const std::vector<std::string> lines = ci::SplitLines(text);
  std::vector<std::string> paragraphs =
      ci::JoinLines(lines, ci::ClassifyLines(lines, &hints), title_given);
  ci::CleanParagraphs(&paragraphs, &hints);
  CleanedArticle article;
  if (!title_given) article.title = ci::TakeTitle(&paragraphs, &hints);
  article.dateline = ci::FindDateline(paragraphs, file_name, &hints);
  ci::NoteTrailingAgency(paragraphs, &hints);
  hints.AddSource(ci::OutletFromFileName(file_name), ci::kSourceFileName);
  article.body = ci::JoinParagraphs(paragraphs);
  article.date = std::move(hints.date);
  article.source = std::move(hints.source);
  return article;
}

}  // namespace lectern