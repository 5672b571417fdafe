// `lectern entities …`: per article, its people, organisations, places and dates (see kUsage).
#include "lectern/entities.h"

#include <cstdio>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

#include "commands.h"
#include "files.h"
#include "lectern/api.h"
#include "lectern/reading.h"
#include "lectern/text.h"

namespace lectern::cli {
namespace {

const char* const kEntitiesUsage =
    "usage: lectern entities [--json] [--plain] [--offsets codepoint|utf16|utf8] FILE...\n"
    "  Prints each article's entity mentions: PER, ORG, LOC and DATE (with its ISO value), each\n"
    "  with the entity it is linked to. --json gives per article {id, title, date, entities:\n"
    "  [{start, end, type, text, entity, value?}]} (offsets in code points of the body unless\n"
    "  --offsets says otherwise); --plain reads files as plain text.\n";

struct EntitiesArgs {
  bool json = false;
  ReadOptions read;
  OffsetUnit unit = OffsetUnit::kCodePoint;
  std::vector<std::string> files;
};

std::string Quote(const std::string& s) {
  return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void PrintReadable(const Article& a, const std::vector<EntityMention>& mentions) {
  std::printf("%s\n", a.title.empty() ? "(untitled)" : a.title.c_str());
  std::printf("  date: %s  id: %s  entities: %zu\n", a.date.empty() ? "-" : a.date.c_str(),
              a.id.c_str(), mentions.size());
  for (const EntityMention& m : mentions) {
    std::printf("  %-4s %s  -> %s%s%s\n", m.type.c_str(), m.text.c_str(), m.entity.c_str(),
                m.value.empty() ? "" : "  = ", m.value.c_str());
  }
}

int Entities(const EntitiesArgs& args) {
  int status = 0;
  std::size_t printed = 0;
  if (args.json) std::fputs("[", stdout);
  for (const std::string& path : args.files) {
    std::string bytes, error;
    if (!Slurp(path, bytes, error)) {
      std::fprintf(stderr, "lectern: %s: %s\n", path.c_str(), error.c_str());
      status = 1;
      continue;
    }
    const ReadResult result = ReadFile(bytes, path == "-" ? "stdin" : path, args.read);
    for (const InputProblem& p : result.problems) {
      std::fprintf(stderr, "lectern: %s\n", p.ToString().c_str());
      status = 1;
    }
    for (const Article& a : result.articles) {
      EntityOptions options;
      options.date = a.date;
      const std::vector<EntityMention> mentions = FindEntities(a.body, options);
      if (!args.json) {
        PrintReadable(a, mentions);
        continue;
      }
      std::fputs(printed++ == 0 ? "\n" : ",\n", stdout);
      std::printf("{\"id\":%s,\"title\":%s,\"date\":%s,\"entities\":%s}", Quote(a.id).c_str(),
                  Quote(a.title).c_str(), Quote(a.date).c_str(),
                  EntitiesToJson(a.body, mentions, args.unit).c_str());
    }
  }
  if (args.json) std::fputs(printed == 0 ? "]\n" : "\n]\n", stdout);
  return status;
}

int Run(const std::vector<std::string>& args) {
  EntitiesArgs ent;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      ent.json = true;
    } else if (a == "--plain") {
      ent.read.plain = true;
    } else if (a == "--offsets" && i + 1 < args.size()) {
      try {
        ent.unit = ParseOffsetUnit(args[++i]);
      } catch (const std::invalid_argument& e) {
        return UsageError(e.what(), kEntitiesUsage);
      }
    } else if (a == "-h" || a == "--help") {
      std::fputs(kEntitiesUsage, stdout);
      return 0;
    } else if (a.size() > 1 && a[0] == '-') {
      return UsageError("unknown option '" + a + "'", kEntitiesUsage);
    } else {
      ent.files.push_back(a);
    }
  }
  if (ent.files.empty()) {
    return UsageError("entities needs a FILE (or - for standard input)", kEntitiesUsage);
  }
  return Entities(ent);
}

}  // namespace

int EntitiesCommand(const std::vector<std::string>& args) { return RunCommand(Run, args); }

}  // namespace lectern::cli
