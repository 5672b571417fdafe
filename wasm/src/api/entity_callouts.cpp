// EntityCalloutOptions (lectern/api.h): the diff's callouts from the texts' entities. The diff
// library knows nothing of entities; this is where the two meet.
#include <string>
#include <string_view>
#include <vector>

#include "lectern/api.h"
#include "lectern/diff.h"
#include "lectern/entities.h"
#include "lectern/reading.h"

namespace lectern {
namespace {

bool TypeOf(const std::string& entity_type, NotableType* type) {
  if (entity_type == "PER") {
    *type = NotableType::kPerson;
  } else if (entity_type == "ORG") {
    *type = NotableType::kOrganisation;
  } else if (entity_type == "LOC") {
    *type = NotableType::kPlace;
  } else if (entity_type == "DATE") {
    *type = NotableType::kDate;
  } else {
    return false;
  }
  return true;
}

// The mentions of text[range] outside the text's opening dateline (`dateline` bytes), with
// offsets into the whole text.
std::vector<NotableSpan> MentionsIn(std::string_view text, Span range, std::size_t dateline,
                                    const std::string& date) {
  EntityOptions options;
  options.date = date;
  std::vector<NotableSpan> out;
  for (EntityMention& m :
       FindEntities(text.substr(range.start, range.end - range.start), options)) {
    NotableType type;
    m.span.start += range.start;
    m.span.end += range.start;
    if (m.span.start < dateline || !TypeOf(m.type, &type)) continue;
    out.push_back({m.span, type, std::move(m.entity), std::move(m.value)});
  }
  return out;
}

}  // namespace

DiffOptions EntityCalloutOptions(std::string_view a, std::string_view b, const std::string& date_a,
                                 const std::string& date_b) {
  DiffOptions options;
  options.callouts = CalloutSource::kMentions;
  const std::size_t dateline_a = DatelineLength(a), dateline_b = DatelineLength(b);
  if (dateline_a > 0) options.a_quiet.push_back({0, dateline_a});
  if (dateline_b > 0) options.b_quiet.push_back({0, dateline_b});
  options.find_mentions = [=](bool b_side, Span range) {
    return b_side ? MentionsIn(b, range, dateline_b, date_b)
                  : MentionsIn(a, range, dateline_a, date_a);
  };
  return options;
}

}  // namespace lectern
