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

// The mentions of `text` outside its opening dateline, whose bytes are `quiet`.
std::vector<NotableSpan> MentionsOf(std::string_view text, const std::string& date,
                                    std::vector<Span>& quiet) {
  const std::size_t dateline = DatelineLength(text);
  if (dateline > 0) quiet.push_back({0, dateline});
  EntityOptions options;
  options.date = date;
  std::vector<NotableSpan> out;
  for (EntityMention& m : FindEntities(text, options)) {
    NotableType type;
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
  options.a_mentions = MentionsOf(a, date_a, options.a_quiet);
  options.b_mentions = MentionsOf(b, date_b, options.b_quiet);
  return options;
}

}  // namespace lectern
