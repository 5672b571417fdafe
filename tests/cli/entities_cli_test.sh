#!/usr/bin/env bash
# `lectern entities` on the seeds: JSON per article with offsets that point at the text, DATE
# values from the article's date, linked mentions, the readable listing, offsets units, exit codes
# (0 ok, 1 input problems, 2 usage).
# usage: entities_cli_test.sh LECTERN_BINARY SOURCE_DIR
set -uo pipefail
lectern="$1" src="$2"
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"

cd "$src"
s0=shared/seeds/000_c1e1a87b767bdb0e.txt s1=shared/seeds/001_cac242e89444e96e.txt
run "seeds" 0 entities --json "$s0" "$s1"
lines "seeds: quiet" "$tmp/err" 0
json_check "one record per article" "j.length === 2 && j[0].id === '$s0' && j[0].date === '2024-09-13'"
json_check "fields" "j[0].entities.every(e => ['start','end','type','text','entity'].every(k => k in e))"
json_check "types" "j.every(a => a.entities.every(e => ['PER','ORG','LOC','DATE'].includes(e.type)))"
json_check "Thursday resolved" "j[0].entities.some(e => e.text === 'Thursday' && e.value === '2024-09-12')"
json_check "next month resolved" "j[0].entities.some(e => e.text === 'next month' && e.value === '2024-10')"
json_check "Wang linked to Wang Yi" "j[0].entities.some(e => e.text === 'Wang' && e.type === 'PER' && e.entity === 'PER:wang yi')"
json_check "in order, no overlaps" "j.every(a => a.entities.every((e, i) => e.start < e.end && (i === 0 || a.entities[i - 1].end <= e.start)))"
cp "$tmp/out" "$tmp/cp.json"
run "segment body" 0 segment --json "$s0"
json_check "code point offsets point at the text" "(e => e.every(m => [...j.body].slice(m.start, m.end).join('') === m.text))(JSON.parse(require('fs').readFileSync('$tmp/cp.json', 'utf8'))[0].entities)"
run "utf8 offsets" 0 entities --json --offsets utf8 "$s0"
json_check "utf8 offsets count bytes" "j[0].entities.every(e => Buffer.byteLength(e.text) === e.end - e.start)"

run "readable" 0 entities "$s0"
has "readable title" "$tmp/out" "Russia to work with China for multipolarity"
has "readable date" "$tmp/out" "DATE Thursday  -> DATE:2024-09-12  = 2024-09-12"
has "readable person" "$tmp/out" "PER  Wang  -> PER:wang yi"

printf 'Путин встретился с Ван И в Санкт-Петербурге.\n' >"$tmp/ru.txt"
run "cyrillic" 0 entities --json --plain "$tmp/ru.txt"
json_check "no invented entities" "j.length === 1 && j[0].entities.length === 0"

check "missing file" 1 "no-such-file" -- entities "$tmp/no-such-file.txt"
check "no file" 2 "entities needs a FILE" -- entities
check "bad unit" 2 "" -- entities --offsets words "$s0"
run "help" 0 entities --help
has "help" "$tmp/out" "usage: lectern entities"

# The collection's entity index, and the user's edits applied to it.
run "index" 0 entities --index --json "$s0" "$s1"
json_check "index fields" "j.length > 0 && j.every(e => ['entity','name','type','articles','mentions','outlets'].every(k => k in e))"
json_check "index sorted" "j.every((e, i) => i === 0 || j[i - 1].mentions > e.mentions || (j[i - 1].mentions === e.mentions && j[i - 1].name <= e.name))"
json_check "China in both" "j.some(e => e.entity === 'LOC:china' && e.articles.length === 2 && e.outlets.join() === 'China Daily,KUNA' && e.first === '2024-09-13' && e.last === '2024-09-13')"
json_check "KUNA's Putin linked to Vladimir Putin" "!j.some(e => e.entity === 'PER:putin') && j.find(e => e.entity === 'PER:vladimir putin').outlets.length === 2 && j.find(e => e.entity === 'PER:vladimir putin').linked.join() === 'PER:putin'"
printf '{"alias":[{"text":"Putin","entity":"PER:vladimir putin"}],"merge":[["LOC:china","LOC:beijing"]],"split":[{"entity":"PER:wang yi","articles":["%s"],"as":"PER:wang yi (kuna)"}]}' "$s1" >"$tmp/edits.json"
run "index with edits" 0 entities --index --json --edits "$tmp/edits.json" "$s0" "$s1"
json_check "alias joins Putin" "!j.some(e => e.entity === 'PER:putin') && j.find(e => e.entity === 'PER:vladimir putin').outlets.length === 2"
json_check "merge joins Beijing" "!j.some(e => e.entity === 'LOC:beijing') && j.some(e => e.entity === 'LOC:china')"
json_check "split moves KUNA's Wang Yi" "j.find(e => e.entity === 'PER:wang yi (kuna)').outlets.join() === 'KUNA' && j.find(e => e.entity === 'PER:wang yi').outlets.join() === 'China Daily'"
run "readable index" 0 entities --index "$s0" "$s1"
has "readable index header" "$tmp/out" "mentions  type  name"
has "readable index row" "$tmp/out" "China Daily, KUNA"
run "empty index" 0 entities --index --json --plain "$tmp/ru.txt"
json_check "empty index is []" "Array.isArray(j) && j.length === 0"
printf '{"merge": "x"}' >"$tmp/bad.json"
check "bad edits" 1 "edits.merge has the wrong type" -- entities --index --edits "$tmp/bad.json" "$s0"
printf '{' >"$tmp/bad.json"
check "edits not JSON" 1 "not JSON" -- entities --index --edits "$tmp/bad.json" "$s0"
check "missing edits" 1 "no-such-edits" -- entities --index --edits "$tmp/no-such-edits.json" "$s0"

finish
