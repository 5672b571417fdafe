#!/usr/bin/env bash
# `lectern dedup` on the seeds, collections and bad input: JSON structure and figures, the readable
# listing, one-line errors with results still printed, exit codes (0 ok, 1 input problems, 2 usage).
# usage: dedup_cli_test.sh LECTERN_BINARY SOURCE_DIR
set -uo pipefail
lectern="$1" src="$2"
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"

# The seeds, named as given: 000 and 001 are one Xinhua story, 002-004 stand alone.
cd "$src"
seeds=(shared/seeds/*.txt)
s0=shared/seeds/000_c1e1a87b767bdb0e.txt s1=shared/seeds/001_cac242e89444e96e.txt
run "seeds" 0 dedup --json "${seeds[@]}"
lines "seeds: quiet" "$tmp/err" 0
json_check "structure" "Object.keys(j).sort().join() === 'candidates,clusters,keptPairs,pairs'"
json_check "one cluster of 000 and 001" "j.clusters.length === 1 && JSON.stringify(j.clusters[0].members) === JSON.stringify(['$s0', '$s1'])"
json_check "one pair" "j.pairs.length === 1 && j.keptPairs === 1 && j.pairs[0].a === '$s0' && j.pairs[0].b === '$s1'"
json_check "a cut-down version: low Jaccard, high containment" "j.pairs[0].jaccard > 0.3 && j.pairs[0].jaccard < 0.5 && j.pairs[0].containment > 0.7 && j.pairs[0].containment <= 1"
json_check "3 decimals" "j.pairs.every(p => [p.jaccard, p.containment].every(x => Math.round(x * 1000) / 1000 === x))"
json_check "candidates counted" "Number.isInteger(j.candidates) && j.candidates >= 1"
cp "$tmp/out" "$tmp/lsh.json"
run "exact" 0 dedup --exact --json "${seeds[@]}"
json_check "exact finds what LSH finds" "(l => JSON.stringify([l.clusters, l.pairs]) === JSON.stringify([j.clusters, j.pairs]))(JSON.parse(require('fs').readFileSync('$tmp/lsh.json', 'utf8')))"
run "order of files" 0 dedup --json "${seeds[4]}" "$s1" "${seeds[2]}" "$s0"
json_check "members in input order" "JSON.stringify(j.clusters[0].members) === JSON.stringify(['$s1', '$s0']) && j.pairs[0].a === '$s1'"

run "readable" 0 dedup "${seeds[@]}"
has "readable summary" "$tmp/out" "5 articles, 1 story told more than once (2 articles), 1 pair kept"
has "readable member" "$tmp/out" "$s0  Russia to work with China for multipolarity"
has "readable pair" "$tmp/out" "$s0 ~ $s1  jaccard 0."

# A collection: ids are record ids; a broken line is reported and the rest still clustered.
story="Oil prices rose sharply on Monday after the cartel agreed to cut output by two million barrels a day, traders said, and analysts expect further gains this week."
{
  printf '{"id":"r1","title":"Oil up","text":"%s"}\n' "$story"
  printf '{"id":"r2","text":"Shipping rates fell for the third week as demand for tankers weakened in Asia and Europe."}\n'
  printf '{broken\n'
  printf '{"id":"r3","text":"%s More to come."}\n' "$story"
  printf '{"id":"r4","text":""}\n'
  printf '{"id":"r5","text":"%s"}\n' "$story"
} >"$tmp/c.jsonl"
run "collection with a broken line" 1 dedup --json "$tmp/c.jsonl"
lines "broken line and empty record: one line each" "$tmp/err" 2
has "broken line named" "$tmp/err" "c.jsonl: line 3"
has "empty record named" "$tmp/err" "c.jsonl: line 5"
json_check "record ids" "JSON.stringify(j.clusters) === JSON.stringify([{members: ['r1', 'r3', 'r5']}])"
json_check "identical pair" "j.pairs.some(p => p.a === 'r1' && p.b === 'r5' && p.jaccard === 1 && p.containment === 1)"
json_check "all three pairs" "j.pairs.length === 3 && j.keptPairs === 3"

# Bad files: one line each, exit 1, results for the rest still printed.
: >"$tmp/empty.txt"
head -c 3000 /dev/urandom >"$tmp/junk.bin"; printf '\0' >>"$tmp/junk.bin"
run "bad files" 1 dedup --json "$tmp/nope.txt" "$tmp" "$tmp/empty.txt" "$tmp/junk.bin" "${seeds[@]}"
lines "bad files: one line each" "$tmp/err" 4
has "missing" "$tmp/err" "nope.txt: No such file"
has "directory" "$tmp/err" "is a directory"
has "empty" "$tmp/err" "empty.txt: the file is empty"
has "binary" "$tmp/err" "junk.bin: looks like a binary file"
json_check "seeds still clustered" "j.clusters.length === 1 && j.clusters[0].members.length === 2"
run "nothing readable" 1 dedup --json "$tmp/nope.txt"
json_check "empty result" "j.clusters.length === 0 && j.pairs.length === 0 && j.candidates === 0"
printf 'A short note with only a few words in it.' | "$lectern" dedup --json - "$s0" >"$tmp/out" 2>"$tmp/err"
[ $? = 0 ] && passed=$((passed + 1)) || fail "standard input"
json_check "standard input alone" "j.clusters.length === 0"

# Usage.
run "no files" 2 dedup --json
has "no files" "$tmp/err" "dedup needs a FILE"
run "unknown option" 2 dedup --frobnicate "$s0"
has "unknown option" "$tmp/err" "unknown option '--frobnicate'"
has "usage on error" "$tmp/err" "usage: lectern dedup"
run "help" 0 dedup --help
has "help" "$tmp/out" "usage: lectern dedup [--json] [--exact]"

finish
