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
    "       lectern entities --index [--edits EDITS.json] [--json] [--plain] FILE...\n"
    "  Prints each article's entity mentions: PER, ORG, LOC and DATE (with its ISO value), each\n"
    "  with the entity it is linked to. --json gives per article {id, title, date, entities:\n"
    "  [{start, end, type, text, entity, value?}]} (offsets in code points of the body unless\n"
    "  --offsets says otherwise); --plain reads files as plain text. --index prints the "
    "collection's\n"
    "  entity index instead (--json: [{entity, name, type, articles, mentions, outlets, first?,\n"
    "  last?}]), after the merge/split/alias edits of --edits ({merge: [[id, ...]], split:\n"
    "  [{entity, articles: [id], as}], alias: [{text, entity}]}).\n";

struct EntitiesArgs {
  bool json = false;
  bool index = false;
  std::string edits;  // the --edits file, "" when none
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

void PrintIndex(const std::vector<IndexedEntity>& index) {
  std::printf("%8s  %-4s  %-32s  %8s  %-23s  %s\n", "mentions", "type", "name", "articles", "dates",
              "outlets");
  for (const IndexedEntity& e : index) {
    std::string outlets;
    for (const std::string& o : e.outlets) outlets += (outlets.empty() ? "" : ", ") + o;
    const std::string dates =
        e.first.empty() ? "-" : e.first + (e.last == e.first ? "" : ".." + e.last);
    std::printf("%8zu  %-4s  %-32s  %8zu  %-23s  %s\n", e.mentions, e.type.c_str(), e.name.c_str(),
                e.articles.size(), dates.c_str(), outlets.empty() ? "-" : outlets.c_str());
  }
}

int Entities(const EntitiesArgs& args) {
  EntityEdits edits;
  if (!args.edits.empty()) {
    std::string bytes, error;
    if (!Slurp(args.edits, bytes, error)) {
      std::fprintf(stderr, "lectern: %s: %s\n", args.edits.c_str(), error.c_str());
      return 1;
    }
    try {
      edits = ParseEntityEdits(bytes);
    } catch (const std::invalid_argument& e) {
      std::fprintf(stderr, "lectern: %s: %s\n", args.edits.c_str(), e.what());
      return 1;
    }
  }
  std::vector<EntityArticle> collection;
  int status = 0;
  std::size_t printed = 0;
  if (args.json && !args.index) std::fputs("[", stdout);
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
      if (args.index) {
        collection.push_back({a.id, a.source, a.date, mentions});
        continue;
      }
      if (!args.json) {
        PrintReadable(a, mentions);
        CheckOutput();
        continue;
      }
      std::fputs(printed++ == 0 ? "\n" : ",\n", stdout);
      std::printf("{\"id\":%s,\"title\":%s,\"date\":%s,\"entities\":%s}", Quote(a.id).c_str(),
                  Quote(a.title).c_str(), Quote(a.date).c_str(),
                  EntitiesToJson(a.body, mentions, args.unit).c_str());
      CheckOutput();
    }
  }
  if (args.index) {
    const std::vector<IndexedEntity> index = BuildEntityIndex(collection, edits);
    if (args.json) {
      std::printf("%s\n", EntityIndexToJson(index).c_str());
    } else {
      PrintIndex(index);
    }
  } else if (args.json) {
    std::fputs(printed == 0 ? "]\n" : "\n]\n", stdout);
  }
  return status;
}

int Run(const std::vector<std::string>& args) {
  EntitiesArgs ent;
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if (a == "--json") {
      ent.json = true;
    } else if (a == "--index") {
      ent.index = true;
    } else if (a == "--edits" && i + 1 < args.size()) {
      ent.edits = args[++i];
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
