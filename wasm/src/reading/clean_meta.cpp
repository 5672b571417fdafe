// Metadata recognizers for CleanArticle. See clean_meta.h.
#include "clean_meta.h"

#include <algorithm>
#include <cstdio>

#include "lectern/dates.h"

namespace lectern {
namespace clean_internal {
namespace {

/// A name or alias of a news outlet and the name CleanArticle reports for it.
struct Outlet {
  std::string_view alias;
  std::string_view name;
  bool exact_case;  ///< abbreviations: "AP" must not match "ap" or "Ap"
};

// Longer aliases come first where one contains another, so that the earliest match is also the
// most specific one (FindOutlet prefers the longest alias at the same position anyway).
constexpr Outlet kOutlets[] = {
    {"Xinhua News Agency", "Xinhua", false},
    {"Xinhuanet", "Xinhua", false},
    {"Xinhua", "Xinhua", false},
    {"China Daily", "China Daily", false},
    {"chinadaily.com.cn", "China Daily", false},
    {"CDIC", "China Daily", true},
    {"Kuwait News Agency", "KUNA", false},
    {"KUNA", "KUNA", true},
    {"Thomson Reuters", "Reuters", false},
    {"Reuters", "Reuters", false},
    {"Associated Press", "AP", false},
    {"AP", "AP", true},
    {"Agence France-Presse", "AFP", false},
    {"Agence France Presse", "AFP", false},
    {"AFP", "AFP", true},
    {"Agencia EFE", "EFE", false},
    {"EFE", "EFE", true},
    {"ITAR-TASS", "TASS", false},
    {"TASS", "TASS", true},
    {"Sputnik", "Sputnik", false},
    {"RIA Novosti", "RIA Novosti", false},
    {"BBC", "BBC", true},
    {"CNN", "CNN", true},
    {"CGTN", "CGTN", true},
    {"Global Times", "Global Times", false},
    {"People's Daily", "People's Daily", false},
    {"People\xE2\x80\x99s Daily", "People's Daily", false},
    {"China News Service", "China News Service", false},
    {"Al Jazeera", "Al Jazeera", false},
    {"Prensa Latina", "Prensa Latina", false},
    {"Anadolu Agency", "Anadolu", false},
    {"Anadolu", "Anadolu", false},
    {"Kyodo News", "Kyodo", false},
    {"Kyodo", "Kyodo", false},
    {"Yonhap", "Yonhap", false},
    {"Interfax", "Interfax", false},
    {"Deutsche Presse-Agentur", "dpa", false},
    {"dpa", "dpa", true},
    {"ANSA", "ANSA", true},
    {"Press Trust of India", "PTI", false},
    {"PTI", "PTI", true},
    {"IANS", "IANS", true},
    {"UPI", "UPI", true},
    {"Bloomberg", "Bloomberg", false},
    {"Bernama", "Bernama", false},
    {"Emirates News Agency", "WAM", false},
    {"WAM", "WAM", true},
    {"Saudi Press Agency", "SPA", false},
    {"Qatar News Agency", "QNA", false},
    {"QNA", "QNA", true},
    {"IRNA", "IRNA", true},
};

/// Words that name a photo or news agency inside a photo credit ("Pool via REUTERS").
constexpr std::string_view kAgencyWords[] = {
    "reuters", "afp",    "ap",   "xinhua", "epa",     "efe",     "epa-efe",  "pool",
    "sputnik", "tass",   "kuna", "ria",    "novosti", "cns",     "anadolu",  "bloomberg",
    "kyodo",   "yonhap", "dpa",  "ansa",   "upi",     "handout", "agencies",
};

/// Names that only ever appear in photo credits: their presence alone makes a credit a photo's.
constexpr std::string_view kPhotoOnlyWords[] = {
    "getty", "shutterstock", "vcg",    "imaginechina", "zuma",   "nurphoto", "sipa",
    "cfp",   "photo",        "photos", "image",        "images", "courtesy", "credit",
};

/// Small words that may join the capitalized words of a photo credit.
constexpr std::string_view kCreditConnectors[] = {
    "via", "by", "for", "and", "de", "del", "da", "van", "von", "der", "le", "la", "y", "of", "&",
};

/// Labels that may accompany the date of a credit/date line; `strong` ones say it is one.
struct DateLabel {
  std::string_view word;
  bool strong;
};

constexpr DateLabel kDateLabels[] = {
    {"updated", true},  {"update", true},   {"published", true}, {"posted", true},
    {"modified", true}, {"released", true}, {"created", true},   {"last", true},
    {"date", false},    {"time", false},    {"by", false},       {"on", false},
    {"at", false},      {"in", false},      {"source", false},   {"and", false},
    {"from", false},    {"edited", false},  {"local", false},    {"hrs", false},
};

/// Words that may follow a clock time.
constexpr std::string_view kTimeSuffixes[] = {
    "am",  "pm",  "a.m", "p.m", "gmt",  "utc", "bjt", "est", "edt", "et",  "pt",
    "pst", "pdt", "cst", "cet", "cest", "msk", "bst", "ist", "jst", "kst", "ast",
};

template <std::size_t N>
bool InListIgnoreCase(std::string_view word, const std::string_view (&list)[N]) {
  return std::any_of(std::begin(list), std::end(list),
                     [&](std::string_view w) { return EqualsIgnoreCase(word, w); });
}

/// Parses `s` as `min_len`..`max_len` ASCII digits.
bool ParseDigits(std::string_view s, std::size_t min_len, std::size_t max_len, int* value) {
  if (s.size() < min_len || s.size() > max_len) return false;
  int v = 0;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *value = v;
  return true;
}

/// Day of month in "10", "10,", "1st"; 0 when not one.
int ParseDay(std::string_view token) {
  token = StripChars(token, ".,");
  for (std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (token.size() > 2 && EndsWithIgnoreCase(token, suffix)) {
      token.remove_suffix(2);
      break;
    }
  }
  int day = 0;
  return ParseDigits(token, 1, 2, &day) && day >= 1 && day <= 31 ? day : 0;
}

/// Year in "2024", "2024," or "2024."; 0 when not one.
int ParseYear(std::string_view token) {
  int year = 0;
  return ParseDigits(StripChars(token, ".,;)"), 4, 4, &year) ? year : 0;
}

/// Finds the earliest (then longest) whole-word outlet alias in `text`; `outlet` gets its entry.
/// False when none.
bool FindOutletAlias(std::string_view text, const Outlet** outlet) {
  std::size_t best_pos = std::string_view::npos;
  std::size_t best_len = 0;
  for (const Outlet& o : kOutlets) {
    for (std::size_t from = 0; from < text.size();) {
      const std::size_t pos =
          o.exact_case ? text.find(o.alias, from) : FindIgnoreCase(text, o.alias, from);
      if (pos == std::string_view::npos || pos > best_pos) break;
      if (IsWholeWordAt(text, pos, o.alias.size())) {
        if (pos < best_pos || o.alias.size() > best_len) {
          best_pos = pos;
          best_len = o.alias.size();
          *outlet = &o;
        }
        break;
      }
      from = pos + 1;
    }
  }
  return best_pos != std::string_view::npos;
}

/// True when `word` is capitalized: an ASCII capital or a non-ASCII letter first.
bool IsCapitalized(std::string_view word) {
  return !word.empty() && (IsAsciiUpper(word[0]) || IsNonAscii(word[0]));
}

/// True when `word` looks like a web domain ("chinadaily.com.cn").
bool IsDomain(std::string_view word) {
  const std::size_t dot = word.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || dot + 2 > word.size()) return false;
  return std::all_of(word.begin(), word.end(),
                     [](char c) { return IsAsciiAlnum(c) || c == '.' || c == '-'; }) &&
         std::all_of(word.begin() + dot + 1, word.end(), IsAsciiAlpha);
}

/// The case of a word that may be part of a dateline's place name.
enum class PlaceCase { kNone, kUpper, kTitle };

PlaceCase PlaceWordCase(std::string_view word) {
  bool upper = false;
  bool lower = false;
  for (char c : word) {
    if (IsAsciiUpper(c)) {
      upper = true;
    } else if (IsAsciiLower(c)) {
      lower = true;
    } else if (!IsNonAscii(c) && c != '.' && c != '\'' && c != '-') {
      return PlaceCase::kNone;
    }
  }
  if (!upper) return PlaceCase::kNone;
  if (!lower) return PlaceCase::kUpper;
  return IsAsciiUpper(word[0]) ? PlaceCase::kTitle : PlaceCase::kNone;
}

/// Parses a place name of up to `max_words` words starting at tokens[*i]; stops after a word that
/// ends with a comma (reported in `comma`) or before a dash or "(". Returns the number of words.
std::size_t ParsePlace(const std::vector<Token>& tokens, std::size_t max_words, std::size_t* i,
                       bool* all_caps, std::size_t* letters, bool* comma) {
  std::size_t words = 0;
  *comma = false;
  while (*i < tokens.size() && words < max_words) {
    std::string_view t = tokens[*i].text;
    if (IsDashToken(t) || t.front() == '(') break;
    if (t.back() == ',') {
      *comma = true;
      t.remove_suffix(1);
    }
    const PlaceCase pc = PlaceWordCase(t);
    if (pc == PlaceCase::kNone) return 0;
    *all_caps = *all_caps && pc == PlaceCase::kUpper;
    *letters += static_cast<std::size_t>(std::count_if(t.begin(), t.end(), IsAsciiAlpha));
    ++words;
    ++*i;
    if (*comma) break;
  }
  return words;
}

/// Parses "Sept. 10", "Sept 13", "Sept. 10, 2024" at tokens[*i] into `dateline`.
bool ParseDatelineDate(const std::vector<Token>& tokens, std::size_t* i, Dateline* dateline) {
  if (*i + 1 >= tokens.size()) return false;
  const int month = CapitalizedMonth(tokens[*i].text);
  const int day = month ? ParseDay(tokens[*i + 1].text) : 0;
  if (day == 0) return false;
  dateline->month = month;
  dateline->day = day;
  *i += 2;
  if (tokens[*i - 1].text.back() == ',' && *i < tokens.size()) {
    if (const int year = ParseYear(tokens[*i].text)) {
      dateline->year = year;
      ++*i;
    }
  }
  return true;
}

}  // namespace

int CapitalizedMonth(std::string_view word) {
  word = StripChars(word, ".,");
  if (word.empty() || !IsAsciiUpper(word[0])) return 0;
  return MonthFromName(word);
}

std::string ParseIsoDate(std::string_view s) {
  if (s.size() < 10) return {};
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return {};
  const char sep = s[4];
  if ((sep != '-' && sep != '/' && sep != '.') || s[7] != sep) return {};
  int year = 0;
  int month = 0;
  int day = 0;
  if (!ParseDigits(s.substr(0, 4), 4, 4, &year) || !ParseDigits(s.substr(5, 2), 2, 2, &month) ||
      !ParseDigits(s.substr(8, 2), 2, 2, &day)) {
    return {};
  }
  return IsoDate(year, month, day);
}

bool IsTimeToken(std::string_view token) {
  token = StripChars(token, ",.;()");
  for (std::string_view suffix : {"am", "pm"}) {
    if (EndsWithIgnoreCase(token, suffix)) token.remove_suffix(2);
  }
  const std::size_t colon = token.find(':');
  if (colon == std::string_view::npos) return false;
  int hour = 0;
  int minute = 0;
  std::string_view rest = token.substr(colon + 1);
  if (rest.size() == 5 && rest[2] == ':') rest = rest.substr(0, 2);  // seconds
  return ParseDigits(token.substr(0, colon), 1, 2, &hour) && hour <= 24 &&
         ParseDigits(rest, 2, 2, &minute) && minute <= 59;
}

bool FindDate(const std::vector<Token>& tokens, TokenDate* date) {
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const std::string_view t = StripChars(tokens[i].text, ",.;:()[]|");
    if (std::string iso = ParseIsoDate(t); !iso.empty()) {
      *date = {std::move(iso), i, i};
      return true;
    }
    if (i + 2 >= tokens.size()) continue;
    const int year = ParseYear(tokens[i + 2].text);
    if (year == 0) continue;
    int month = CapitalizedMonth(tokens[i].text);
    int day = month ? ParseDay(tokens[i + 1].text) : 0;
    if (day == 0) {  // "11 September 2024"
      day = ParseDay(tokens[i].text);
      month = day ? CapitalizedMonth(tokens[i + 1].text) : 0;
    }
    if (month == 0 || day == 0) continue;
    if (std::string iso = IsoDate(year, month, day); !iso.empty()) {
      *date = {std::move(iso), i, i + 2};
      return true;
    }
  }
  return false;
}

std::string FindOutlet(std::string_view text) {
  const Outlet* outlet = nullptr;
  return FindOutletAlias(text, &outlet) ? std::string(outlet->name) : std::string();
}

std::string OutletNamed(std::string_view text) {
  text = TrimSpace(text);
  for (const Outlet& o : kOutlets) {
    if (o.exact_case ? text == o.alias : EqualsIgnoreCase(text, o.alias)) {
      return std::string(o.name);
    }
  }
  return {};
}

std::string OutletFromFileName(std::string_view file_name) {
  const std::size_t slash = file_name.find_last_of("/\\");
  if (slash != std::string_view::npos) file_name.remove_prefix(slash + 1);
  std::size_t best_pos = std::string_view::npos;
  std::string best;
  for (const Outlet& o : kOutlets) {
    // File names drop spaces and apostrophes ("chinadaily", "peoplesdaily") and ignore case.
    std::string compact;
    for (char c : o.alias) {
      if (IsAsciiAlnum(c) || c == '.') compact += AsciiLower(c);
    }
    if (compact.size() < 2) continue;
    for (const std::string& alias : {std::string(o.alias), compact}) {
      for (std::size_t from = 0; from < file_name.size();) {
        const std::size_t pos = FindIgnoreCase(file_name, alias, from);
        if (pos == std::string_view::npos || pos >= best_pos) break;
        if (IsWholeWordAt(file_name, pos, alias.size())) {
          best_pos = pos;
          best = std::string(o.name);
          break;
        }
        from = pos + 1;
      }
    }
  }
  return best;
}

int YearFromFileName(std::string_view file_name) {
  for (std::size_t i = 0; i + 4 <= file_name.size(); ++i) {
    int year = 0;
    const bool alone = (i == 0 || !IsAsciiDigit(file_name[i - 1])) &&
                       (i + 4 == file_name.size() || !IsAsciiDigit(file_name[i + 4]));
    if (alone && ParseDigits(file_name.substr(i, 4), 4, 4, &year) && year >= 1900 && year <= 2099) {
      return year;
    }
  }
  return 0;
}

CreditStrength ParseCreditLine(std::string_view line, CreditLine* credit) {
  // Credit lines are short; a longer line or one that goes on after a comma is running text.
  constexpr std::size_t kMaxChars = 150;
  constexpr std::size_t kMaxTokens = 20;
  constexpr int kMaxNames = 5;
  // Every date has a digit: most lines of running text are ruled out without tokenising them.
  if (line.empty() || line.back() == ',' || CodePoints(line) > kMaxChars ||
      line.find_first_of("0123456789") == std::string_view::npos) {
    return CreditStrength::kNone;
  }
  const std::vector<Token> tokens = Tokenize(line);
  TokenDate date;
  if (tokens.size() > kMaxTokens || !FindDate(tokens, &date)) return CreditStrength::kNone;
  bool timed = false;
  bool barred = false;
  bool labelled = false;
  int names = 0;
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (i >= date.first && i <= date.last) continue;
    const std::string_view t = tokens[i].text;
    if (IsTimeToken(t)) {
      timed = true;
      continue;
    }
    if (t.find('|') != std::string_view::npos) barred = true;
    const std::string_view core = StripChars(t, "|()[]{},;:.\"'/-");
    if (core.empty() || IsDashToken(core) || core == "\xC2\xB7" || core == "\xE2\x80\xA2") continue;
    const auto label =
        std::find_if(std::begin(kDateLabels), std::end(kDateLabels),
                     [&](const DateLabel& l) { return EqualsIgnoreCase(core, l.word); });
    if (label != std::end(kDateLabels)) {
      labelled = labelled || label->strong;
      continue;
    }
    if (InListIgnoreCase(core, kTimeSuffixes)) continue;
    // Anything else must be a name (outlet, author, place) or a web domain, never a common word.
    if (!IsCapitalized(core) && !IsDomain(core)) return CreditStrength::kNone;
    if (++names > kMaxNames) return CreditStrength::kNone;
  }
  credit->iso = date.iso;
  credit->outlet = FindOutlet(line);
  return labelled || timed || barred ? CreditStrength::kStrong : CreditStrength::kWeak;
}

bool ParseDateline(std::string_view paragraph, Dateline* dateline) {
  // A dateline is short: looking at the first 240 bytes bounds the work on huge paragraphs.
  constexpr std::size_t kMaxBytes = 240;
  constexpr std::size_t kMaxAgencyTokens = 5;
  const std::vector<Token> tokens = Tokenize(paragraph.substr(0, kMaxBytes));
  std::size_t i = 0;
  bool all_caps = true;
  std::size_t letters = 0;
  bool comma = false;
  if (ParsePlace(tokens, 4, &i, &all_caps, &letters, &comma) == 0) return false;
  // An all-caps city ("ST. PETERSBURG") is a dateline by itself; a title-case one needs a date or
  // an agency, or every sentence starting "Putin - ..." would have one.
  bool strong = all_caps && letters >= 3;
  Dateline found;
  if (comma && !ParseDatelineDate(tokens, &i, &found)) {
    bool region_caps = true;  // a region ("Ukraine") may be title case after an all-caps city
    bool region_comma = false;
    if (ParsePlace(tokens, 3, &i, &region_caps, &letters, &region_comma) == 0) return false;
    if (region_comma && !ParseDatelineDate(tokens, &i, &found)) return false;
  }
  if (found.month != 0) strong = true;
  if (i < tokens.size() && tokens[i].text.front() == '(') {
    std::size_t j = i;
    while (j < tokens.size() && j - i < kMaxAgencyTokens && tokens[j].text.back() != ')') ++j;
    if (j >= tokens.size() || tokens[j].text.back() != ')') return false;
    const std::size_t start = tokens[i].pos + 1;
    const std::size_t end = tokens[j].pos + tokens[j].text.size() - 1;
    const std::string_view agency =
        TrimSpace(paragraph.substr(start, end > start ? end - start : 0));
    found.agency = FindOutlet(agency);
    if (found.agency.empty() && IsCapitalized(agency) && WordCount(agency) <= 3) {
      found.agency = std::string(agency);
    }
    strong = true;
    i = j + 1;
  }
  if (!strong || i + 1 >= tokens.size() || !IsDashToken(tokens[i].text)) return false;
  found.length = tokens[i].pos + tokens[i].text.size();
  *dateline = std::move(found);
  return true;
}

bool IsCreditConnector(std::string_view word) { return InListIgnoreCase(word, kCreditConnectors); }

bool IsPhotoCredit(std::string_view credit) {
  constexpr std::size_t kMaxWords = 15;
  constexpr std::size_t kMaxNameWords = 4;  // a photographer's name, "File", "Pool"
  if (WordCount(credit) > kMaxWords) return false;
  // Split into slash-separated parts ("Sputnik/Sergey Bobylev/Pool via REUTERS/File"). A credit
  // is a photo's when it names a photo-only word, or when it names an agency next to something
  // that is not an agency (a photographer, "File"); "(AFP/Xinhua)" only cites news sources.
  bool agency = false;
  bool other = false;
  bool slash = false;
  std::size_t part_start = 0;
  for (std::size_t i = 0; i <= credit.size(); ++i) {
    if (i < credit.size() && credit[i] != '/') continue;
    slash = slash || i < credit.size();
    std::size_t part_other = 0;
    for (const Token& token : Tokenize(credit.substr(part_start, i - part_start))) {
      const std::string_view word = StripChars(token.text, "()[]{}.,:;\"'");
      if (word.empty()) continue;
      if (InListIgnoreCase(word, kPhotoOnlyWords)) return true;
      if (InListIgnoreCase(word, kAgencyWords)) {
        agency = true;
      } else if (!InListIgnoreCase(word, kCreditConnectors)) {
        ++part_other;
      }
    }
    // "Reuters/Ipsos poll shows ..." goes on like a sentence; a credit names a person or "File".
    if (part_other > kMaxNameWords) return false;
    other = other || part_other > 0;
    part_start = i + 1;
  }
  return slash && agency && other;
}

}  // namespace clean_internal
}  // namespace lectern
