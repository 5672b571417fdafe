#!/usr/bin/env bash
# The inputs people have and the outputs that fail: every command fails in one line when its output
# cannot be written (a full disk), endless inputs end at a limit, what `annotations merge` writes
# `annotations check` reads back however big, UTF-16 and Windows-1252 files are read.
# usage: faults_cli_test.sh LECTERN_BINARY SOURCE_DIR
set -uo pipefail
lectern="$1" src="$2"
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
fx="$src/tests/fixtures/annotations"
seed="$src/shared/seeds/000_c1e1a87b767bdb0e.txt"
seed2="$src/shared/seeds/001_cac242e89444e96e.txt"

full() {  # full NAME ARGS...: writing to /dev/full fails with one line, whatever the command
  local name="$1"
  shift
  "$lectern" "$@" >/dev/full 2>"$tmp/err" </dev/null
  local got=$?
  if [ "$got" = 0 ]; then fail "$name > /dev/full: exit 0"; return; fi
  lines "$name > /dev/full: one line" "$tmp/err" 1
  has "$name > /dev/full: says why" "$tmp/err" "lectern: cannot write the output: No space left on device"
}
full "segment" segment --json "$seed"
full "segment readable" segment "$seed" "$seed2"
full "diff" diff "$seed" "$seed2"
full "diff json" diff --json "$seed" "$seed2"
full "dedup" dedup --json "$seed" "$seed2"
full "entities" entities --json "$seed"
full "annotations merge" annotations merge "$fx/alice.json" "$fx/bob.json"
full "annotations export" annotations export "$fx/alice.json"
full "annotations report" annotations report --html "$fx/alice.json"
full "annotations check" annotations check "$fx/alice.json"
full "help" --help

# A reader that stops early (| head) ends the writer quietly, as SIGPIPE does for any command.
for _ in 1 2 3 4 5 6 7 8; do cat "$seed"; done >"$tmp/long.txt"
for i in $(seq 1 300); do printf '{"id":"r%s","text":"Record %s says something. And more."}\n' "$i" "$i"; done >"$tmp/many.jsonl"
"$lectern" segment --json "$tmp/many.jsonl" 2>"$tmp/err" | head -c 100 >"$tmp/out"
status=("${PIPESTATUS[@]}")
if [ "${status[0]}" = 0 ] || [ "${status[0]}" = 141 ]; then passed=$((passed + 1)); else fail "| head: exit ${status[0]}"; fi
lines "| head: nothing on stderr" "$tmp/err" 0

# Endless inputs end at the limit, with one line naming it.
check "/dev/zero" 1 "/dev/zero: more than 16 MB: Lectern reads article files up to 16 MB" -- segment /dev/zero
"$lectern" segment - </dev/zero >"$tmp/out" 2>"$tmp/err"
got=$?
if [ "$got" = 1 ]; then passed=$((passed + 1)); else fail "stdin /dev/zero: exit $got"; fi
lines "stdin /dev/zero: one line" "$tmp/err" 1
has "stdin /dev/zero: names the limit" "$tmp/err" "lectern: -: more than 16 MB"
check "annotations from /dev/zero" 1 "more than 1024 MB: Lectern reads annotation files up to 1024 MB" -- annotations check /dev/zero

# What merge writes, check reads back: two files of 16 MB each, merged into one of over 40 MB.
node -e '
const fs = require("fs");
const [dir] = process.argv.slice(1);
const note = "A long note that makes the file big. ".repeat(12);
for (const side of ["a", "b"]) {
  const items = [];
  for (let i = 0; i < 20000; i++) {
    items.push({"@context": "http://www.w3.org/ns/anno.jsonld", id: `urn:uuid:00000000-0000-4000-8000-${side}${String(i).padStart(11, "0")}`,
      type: "Annotation", modified: "2024-09-13T10:00:00Z",
      body: [{type: "TextualBody", purpose: "commenting", value: `${side} ${i}: ${note}`}],
      target: {source: `https://news.example/${i % 50}`, selector: [{type: "TextQuoteSelector", exact: `quote ${i}`}]}});
  }
  fs.writeFileSync(`${dir}/${side}.json`, JSON.stringify(items));
}' "$tmp"
run "merge two big files" 0 annotations merge "$tmp/a.json" "$tmp/b.json"
mv "$tmp/out" "$tmp/m.json"
size=$(stat -c %s "$tmp/m.json")
if [ "$size" -gt $((40 * 1024 * 1024)) ]; then passed=$((passed + 1)); else fail "merged file is only $size bytes"; fi
run "check the merged file" 0 annotations check "$tmp/m.json"
has "all of it read back" "$tmp/out" "40000 valid annotations (AnnotationCollection), 0 errors, 0 warnings"
rm -f "$tmp/a.json" "$tmp/b.json" "$tmp/m.json" "$tmp/out"

# Duplicate ids in one file: check says so; export writes each id once.
node -e '
const fs = require("fs");
const c = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
c.first.items.push(c.first.items[0]);
fs.writeFileSync(process.argv[2], JSON.stringify(c));' "$fx/alice.json" "$tmp/dup.json"
run "check duplicate ids" 0 annotations check "$tmp/dup.json"
has "duplicate reported" "$tmp/err" "dup.json: warning: first.items[4].id: the same id as first.items[0]: the same annotation twice, kept once"
has "counted once" "$tmp/out" "4 valid annotations (AnnotationCollection), 0 errors, 1 warning"
run "export duplicate ids" 0 annotations export "$tmp/dup.json"
json_check "exported once" "j.total === 4 && new Set(j.first.items.map(a => a.id)).size === 4"

# A lone surrogate escape in one annotation costs that annotation only.
sed 's/"value": "events"/"value": "events \\ud800"/' "$fx/alice.json" >"$tmp/lone.json"
run "check lone surrogate" 1 annotations check "$tmp/lone.json"
has "the annotation named" "$tmp/err" "lone.json: first.items[0].body[0].value: holds half of a character"
has "the rest read" "$tmp/out" "3 valid annotations (AnnotationCollection), 1 error"

# UTF-16 with a mark (LE and BE) and Windows-1252 are read, and say so.
node -e '
const fs = require("fs");
const text = "Caf\u00e9 owners meet. They agree on \u201cprices\u201d.\r\n";
fs.writeFileSync(process.argv[1] + "/le.txt", Buffer.from("\ufeff" + text, "utf16le"));
fs.writeFileSync(process.argv[1] + "/be.txt", Buffer.from("\ufeff" + text, "utf16le").swap16());' "$tmp"
for enc in le be; do
  check "UTF-16 $enc" 0 "" -- segment --json "$tmp/$enc.txt"
  json_check "UTF-16 $enc text" "j.body === 'Caf\u00e9 owners meet. They agree on \u201cprices\u201d.' && j.sentences.length === 2"
done
run "UTF-16 readable" 0 segment "$tmp/be.txt"
has "encoding said" "$tmp/out" "encoding: UTF-16BE"
printf 'The caf\xe9 owners meet. They agree on \x93prices\x94 at \x805.\n' >"$tmp/w1252.txt"
check "Windows-1252" 0 "" -- segment --json "$tmp/w1252.txt"
json_check "Windows-1252 text" "j.body === 'The caf\u00e9 owners meet. They agree on \u201cprices\u201d at \u20ac5.'"

finish
