#!/usr/bin/env bash
# The lectern command line on good and bad input: JSON out, one-line errors, exit codes, no crash.
# usage: cli_test.sh LECTERN_BINARY SOURCE_DIR
set -uo pipefail
lectern="$1" src="$2"
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"

seed="$src/shared/seeds/000_c1e1a87b767bdb0e.txt"
check "seed as JSON" 0 "" -- segment --json "$seed"
json_check "seed title" "j.title === 'Russia to work with China for multipolarity, fair intl order, says Putin'"
json_check "seed fields" "j.date === '2024-09-13' && j.offsetUnit === 'codepoint' && j.sentences.length > 10 && j.paragraphs.length > 10 && j.body.startsWith('ST. PETERSBURG -')"
json_check "sentence text matches offsets" "j.sentences.every(s => [...j.body].slice(s.start, s.end).join('') === s.text)"

printf '\xF0\x9D\x94\xB8 is here. Then \xC3\xA9t\xC3\xA9 came.' >"$tmp/bmp.txt"
check "utf16 offsets" 0 "" -- segment --json --offsets utf16 "$tmp/bmp.txt"
json_check "utf16 offsets" "j.sentences[1].start === 12 && j.body.slice(12, j.sentences[1].end) === j.sentences[1].text"
check "plain" 0 "" -- segment --json --plain "$seed"
json_check "plain keeps everything" "j.body.includes('BACK TO THE TOP') && j.title === ''"
check "readable output" 0 "" -- segment "$seed"
grep -q "Russia to work with China" "$tmp/out" && passed=$((passed + 1)) || { echo "FAIL readable"; failures=$((failures + 1)); }

printf '{"id":"a","text":"One. Two."}\n{"id":"b","text":"Three."}\n' >"$tmp/c.jsonl"
check "jsonl collection" 0 "" -- segment --json "$tmp/c.jsonl"
json_check "jsonl collection" "Array.isArray(j) && j.length === 2 && j[0].id === 'a'"
cp "$tmp/c.jsonl" "$tmp/UPPER.JSONL"
check "upper-case extension" 0 "" -- segment --json "$tmp/UPPER.JSONL"
json_check "upper-case extension is a collection" "Array.isArray(j) && j.length === 2"

: >"$tmp/empty.txt"
head -c 3000 /dev/urandom >"$tmp/junk.bin"; printf '\0' >>"$tmp/junk.bin"
printf 'caf\xe9 au lait\n' >"$tmp/latin1.txt"
head -c $((50 * 1024 * 1024)) /dev/zero | tr '\0' 'a' >"$tmp/big.txt"
printf '[{"text": "ok"' >"$tmp/bad.json"
printf '{"text": "fine."}\n{broken\n' >"$tmp/bad.jsonl"
check "empty file" 1 "empty.txt: the file is empty" -- segment --json "$tmp/empty.txt"
check "binary file" 1 "junk.bin: looks like a binary file" -- segment --json "$tmp/junk.bin"
check "Latin-1 read as Windows-1252" 0 "" -- segment --json "$tmp/latin1.txt"
json_check "Latin-1 decoded" "j.body === 'caf\u00e9 au lait'"
printf '\x93\xfa\x96\x7b\x8c\xea \x82\xc5\x82\xb7\n' >"$tmp/sjis.txt"
check "neither UTF-8 nor Western" 1 "sjis.txt: is not valid UTF-8 text (byte 0x93 at offset 0), nor Western" -- segment --json "$tmp/sjis.txt"
check "50 MB file" 1 "big.txt: more than 16 MB: Lectern reads article files up to 16 MB" -- segment --json "$tmp/big.txt"
head -c $((10 * 1024 * 1024)) "$tmp/big.txt" >"$tmp/ten.txt"
check "10 MB file" 1 "ten.txt: the file is 10.0 MB; Lectern reads articles up to 8.0 MB" -- segment --json "$tmp/ten.txt"
check "malformed JSON" 1 "bad.json: not valid JSON" -- segment --json "$tmp/bad.json"
check "malformed JSONL" 1 "bad.jsonl: line 2: not valid JSON" -- segment --json "$tmp/bad.jsonl"
json_check "JSONL keeps the good line" "j.length === 1 && j[0].body === 'fine.'"
check "missing file" 1 "No such file" -- segment "$tmp/nope.txt"
check "directory" 1 "is a directory" -- segment "$tmp"
check "unknown option" 2 "unknown option" -- segment --frobnicate "$seed"
check "no command" 2 "no command" --
check "help" 0 "" -- --help

finish
