#!/usr/bin/env bash
# `lectern diff` on the seed story and on bad input: JSON out, one-line errors, exit codes.
# usage: diff_cli_test.sh LECTERN_BINARY SOURCE_DIR
set -uo pipefail
lectern="$1" src="$2"
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"

a="$src/shared/seeds/000_c1e1a87b767bdb0e.txt"
b="$src/shared/seeds/001_cac242e89444e96e.txt"

check "seed diff as JSON" 0 "" -- diff --json "$a" "$b"
json_check "offset unit" "j.offsetUnit === 'codepoint'"
json_check "sentences" "j.a.sentences.length === 18 && j.b.sentences.length === 10"
json_check "every sentence in one group" "JSON.stringify(j.groups.flatMap(g => g.a).sort((x, y) => x - y)) === JSON.stringify([...Array(18).keys()]) && JSON.stringify(j.groups.flatMap(g => g.b).sort((x, y) => x - y)) === JSON.stringify([...Array(10).keys()])"
json_check "merged" "j.groups.some(g => g.kind === 'merged' && JSON.stringify(g.a) === '[3,4]' && JSON.stringify(g.b) === '[2]')"
json_check "split" "j.groups.some(g => g.kind === 'split' && JSON.stringify(g.a) === '[10]' && JSON.stringify(g.b) === '[6,7]' && g.words.some(w => w.op === 'delete' && w.text.includes('rejected unilateral bullying')))"
json_check "onlyA" "[2, 14, 15, 16].every(i => j.groups.some(g => g.kind === 'onlyA' && g.a[0] === i))"
# Callouts come from entities: a person's name cut short, a changed date; the datelines ("ST. PETERSBURG -",
# "BEIJING, Sept 13 (KUNA) --") are no change.
json_check "callouts" "j.summary.changes.some(c => c.kind === 'date' && c.type === 'DATE' && c.a === 'Thursday' && c.b === 'Friday' && c.group === 0) && j.groups[0].changes.some(c => c.kind === 'name' && c.type === 'PER' && c.a === 'Vladimir Putin' && c.b === 'Vladimir')"
json_check "no dateline callouts" "j.groups[0].changes.length === 2 && !j.summary.changes.some(c => /PETERSBURG|BEIJING|KUNA|Sept|^13$/.test(c.a + ' ' + c.b))"
# Each group's edits rebuild its sentences: whole for one sentence, ends for several.
json_check "rebuilt from edits" "j.groups.every(g => { const A = g.words.filter(w => w.op !== 'insert').map(w => w.text).join(''), B = g.words.filter(w => w.op !== 'delete').map(w => w.text).join(''); const ok = (side, idx, text) => idx.length === 0 ? text === '' : text.startsWith(side[idx[0]].text) && text.endsWith(side[idx[idx.length - 1]].text) && (idx.length > 1 || text === side[idx[0]].text); return ok(j.a.sentences, g.a, A) && ok(j.b.sentences, g.b, B); })"
json_check "summary" "j.summary.merged === 1 && j.summary.split === 1 && j.summary.onlyB === 0 && j.summary.wordsDeleted > 0 && j.summary.wordsInserted > 0"

check "seed diff readable" 0 "" -- diff "$a" "$b"
out_check "readable merged" "A4-5 -> B3  merged"
out_check "readable marks" "[-Putin on Thursday-]{+Friday+}"
out_check "readable callout" "date changed: Thursday -> Friday"
out_check "readable person" "person changed: Vladimir Putin -> Vladimir"

printf 'The \xF0\x9D\x94\xB8 index rose 5 pct. Trade was thin.\n' >"$tmp/x.txt"
printf 'The \xF0\x9D\x94\xB8 index rose 6 pct. Trade was thin.\n' >"$tmp/y.txt"
check "utf16 offsets" 0 "" -- diff --json --plain --offsets utf16 "$tmp/x.txt" "$tmp/y.txt"
json_check "utf16 offsets" "j.offsetUnit === 'utf16' && j.a.sentences[1].start === 'The \u{1D538} index rose 5 pct. '.length && j.groups[0].changes[0].a === '5' && j.groups[1].kind === 'same'"
check "code point offsets" 0 "" -- diff --json --plain "$tmp/x.txt" "$tmp/y.txt"
json_check "code point offsets" "j.a.sentences[1].start === [...'The \u{1D538} index rose 5 pct. '].length"

printf '{"id":"one","text":"Oil rose 3.5 pct on Monday. Traders were calm."}\n{"id":"two","text":"Oil rose 4.0 pct on Tuesday. Traders were calm."}\n' >"$tmp/c.jsonl"
check "FILE#ID" 0 "" -- diff --json "$tmp/c.jsonl#one" "$tmp/c.jsonl#two"
json_check "FILE#ID" "j.summary.changes.some(c => c.kind === 'number' && c.a === '3.5' && c.b === '4.0') && j.summary.changes.some(c => c.a === 'Monday' && c.b === 'Tuesday')"
check "--a-id --b-id" 0 "" -- diff --json --a-id two --b-id one "$tmp/c.jsonl" "$tmp/c.jsonl"
json_check "--a-id --b-id" "j.summary.changes.some(c => c.a === '4.0' && c.b === '3.5')"
check "first record by default" 0 "" -- diff --json "$tmp/c.jsonl" "$tmp/c.jsonl"
json_check "first record by default" "j.summary.same === 2"
if "$lectern" diff --json "$a" - <"$b" >"$tmp/out" 2>"$tmp/err"; then passed=$((passed + 1)); else echo "FAIL stdin"; cat "$tmp/err"; failures=$((failures + 1)); fi
json_check "stdin" "j.summary.merged === 1"
check "unknown id" 1 "no record with id 'three'" -- diff "$tmp/c.jsonl#three" "$a"

: >"$tmp/empty.txt"
head -c 3000 /dev/urandom >"$tmp/junk.bin"; printf '\0' >>"$tmp/junk.bin"
check "empty file" 1 "empty.txt: the file is empty" -- diff "$tmp/empty.txt" "$a"
check "binary file" 1 "junk.bin: looks like a binary file" -- diff "$a" "$tmp/junk.bin"
check "missing file" 1 "No such file" -- diff "$tmp/nope.txt" "$a"
check "directory" 1 "is a directory" -- diff "$tmp" "$a"
check "one input" 2 "two inputs" -- diff "$a"
check "three inputs" 2 "two inputs" -- diff "$a" "$b" "$a"
check "unknown option" 2 "unknown option" -- diff --frobnicate "$a" "$b"
check "bad offsets" 2 "unknown offset unit" -- diff --offsets bytes "$a" "$b"
check "both stdin" 2 "standard input" -- diff - -
check "help" 0 "" -- diff --help

# Callouts beyond the caps are counted, in JSON and in the readable diff.
{ printf 'Prices were'; for k in $(seq 100 129); do printf ' %s dlrs,' "$k"; done; printf ' traders said.\n'; } >"$tmp/n1.txt"
{ printf 'Prices were'; for k in $(seq 200 229); do printf ' %s dlrs,' "$k"; done; printf ' traders said.\n'; } >"$tmp/n2.txt"
check "capped callouts" 0 "" -- diff --json --plain "$tmp/n1.txt" "$tmp/n2.txt"
json_check "capped callouts" "j.groups[0].changes.length === 20 && j.groups[0].changesOmitted === 10 && j.summary.changes.length === 20 && j.summary.changesOmitted === 10 && j.summary.wordsDeleted === 30"
check "capped callouts readable" 0 "" -- diff --plain "$tmp/n1.txt" "$tmp/n2.txt"
out_check "capped callouts readable" "and 10 more names, dates and numbers"

# The diff sources compile for wasm32 (32-bit size_t) without shifts past the width of size_t or
# 64-bit values silently cut to 32 bits: at -O0 the WebAssembly build once took every text for
# one of 4 GB. Needs em++; skipped without it.
if command -v em++ >/dev/null 2>&1 && [ -d /usr/include/nlohmann ] && [ -d /usr/include/unicode ]; then
  mkdir -p "$tmp/inc"
  ln -s /usr/include/nlohmann "$tmp/inc/nlohmann"
  ln -s /usr/include/unicode "$tmp/inc/unicode"
  for f in stories/diff/diff stories/diff/align stories/diff/callouts stories/diff/similarity \
    stories/diff/words api/text_diff_json; do
    if em++ -std=c++17 -fsyntax-only -Werror -Wall -Wextra -Wshift-count-overflow -Wshorten-64-to-32 \
      -I"$src/wasm/include" -isystem "$tmp/inc" "$src/wasm/src/$f.cpp" 2>"$tmp/err"; then
      passed=$((passed + 1))
    else
      fail "wasm32 compile of $f.cpp"; head -20 "$tmp/err"
    fi
  done
else
  echo "skipped: wasm32 compile check (no em++)"
fi

finish
