#!/usr/bin/env bash
# `lectern annotations` on good and bad files: check, merge, anchor, export, report; one-line
# errors with JSON paths, exit codes (0 ok, 1 input problems, 2 usage), never a crash.
# usage: annotations_cli_test.sh LECTERN_BINARY SOURCE_DIR
set -uo pipefail
lectern="$1" src="$2"
# shellcheck source=tests/cli/lib.sh
source "$(dirname "$0")/lib.sh"
fx="$src/tests/fixtures/annotations"

# check
run "check valid" 0 annotations check "$fx/alice.json"
has "check summary" "$tmp/out" "4 valid annotations (AnnotationCollection), 0 errors, 0 warnings"
lines "check valid is quiet" "$tmp/err" 0
run "check broken" 1 annotations check "$fx/some-broken.json"
lines "one line per error" "$tmp/err" 9
has "error path" "$tmp/err" "some-broken.json: first.items[1].target.selector[0].exact: missing: no quote"
has "inverted" "$tmp/err" "first.items[2].target.selector[1]: inverted: start 90 is after end 60"
has "no quote selector" "$tmp/err" "first.items[3].target.selector: no TextQuoteSelector"
has "valid ones counted" "$tmp/out" "1 valid annotation (AnnotationCollection), 9 errors"
run "check not JSON" 1 annotations check "$fx/not-json.json"
lines "not JSON: one line" "$tmp/err" 1
has "not JSON" "$tmp/err" "not-json.json: not JSON: "
run "check not annotations" 1 annotations check "$fx/not-annotations.json"
has "not annotations" "$tmp/err" "not annotations: expected a W3C Annotation"
run "check missing file" 1 annotations check "$tmp/nope.json"
has "missing file" "$tmp/err" "No such file"
run "check directory" 1 annotations check "$tmp"
has "directory" "$tmp/err" "is a directory"
head -c $((33 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$tmp/huge.json"
run "check huge" 1 annotations check "$tmp/huge.json"
has "no size ceiling: blank is blank" "$tmp/err" "huge.json: empty: no annotations"
head -c 20000 /dev/urandom >"$tmp/junk.json"
run "check binary junk" 1 annotations check "$tmp/junk.json"
lines "junk: one line" "$tmp/err" 1
printf '%0.s[' $(seq 1 5000) >"$tmp/deep.json"
run "check deep" 1 annotations check "$tmp/deep.json"
has "deep" "$tmp/err" "nested more than 64 levels deep"
"$lectern" annotations check - <"$fx/bob.json" >"$tmp/out" 2>"$tmp/err"
has "check from stdin" "$tmp/out" "3 valid annotations"

# merge
run "merge" 0 annotations merge "$fx/alice.json" "$fx/bob.json"
cp "$tmp/out" "$tmp/ab.json"
json_check "merged collection" "j.type === 'AnnotationCollection' && j.total === 5 && j.first.items.length === 5"
json_check "no duplicate ids" "new Set(j.first.items.map(a => a.id)).size === 5"
json_check "conflict kept side by side" "j.first.items.filter(a => a['lectern:conflicts']).length === 1 && j.first.items.find(a => a['lectern:conflicts']).creator.name === 'Bob' && j.first.items.find(a => a['lectern:conflicts'])['lectern:conflicts'][0].creator.name === 'Alice'"
run "merge the other way" 0 annotations merge "$fx/bob.json" "$fx/alice.json"
if cmp -s "$tmp/out" "$tmp/ab.json"; then passed=$((passed + 1)); else fail "merge is not symmetric"; fi
run "merge the result again" 0 annotations merge "$tmp/ab.json" "$fx/bob.json"
if cmp -s "$tmp/out" "$tmp/ab.json"; then passed=$((passed + 1)); else fail "merging again changed the result"; fi
run "merge with broken annotations" 1 annotations merge "$fx/alice.json" "$fx/some-broken.json"
lines "merge: the broken ones listed" "$tmp/err" 9
json_check "merge keeps the valid ones" "j.total === 5"
run "merge with a non-JSON file" 1 annotations merge "$fx/alice.json" "$fx/not-json.json"
lines "merge: nothing printed" "$tmp/out" 0

# anchor
run "anchor" 0 annotations anchor "$fx/alice.json" "$fx/article.txt"
lines "anchor: a line per annotation" "$tmp/out" 4
has "anchor line" "$tmp/out" "$(printf 'urn:uuid:6c1b0f5e-1111-4a8e-9d0b-000000000004\tanchored\t614\t615\t1.000\t')"
run "anchor json, edited article" 0 annotations anchor --json "$fx/alice.json" "$fx/article-v2.txt"
json_check "anchor json" "j.length === 4 && j.filter(r => r.status === 'anchored').length === 3"
json_check "orphan kept" "j[2].status === 'orphan' && j[2].start === null && j[2].id.endsWith('003') && j[2].article.endsWith('article-v2.txt')"
json_check "offsets in code points" "j[3].end - j[3].start === 1 && j[1].end - j[1].start === 17"
run "anchor with min score" 0 annotations anchor --json --min-score 0.99 "$fx/alice.json" "$fx/article-v2.txt"
json_check "a higher minimum orphans more" "j.filter(r => r.status === 'orphan').length > 1"
run "anchor, an article missing" 1 annotations anchor "$fx/alice.json" "$tmp/nope.txt" "$fx/article.txt"
lines "anchor: still every annotation" "$tmp/out" 4
run "anchor broken file" 1 annotations anchor "$fx/some-broken.json" "$fx/article.txt"
lines "anchor: the valid one" "$tmp/out" 1

# export and report
run "export by tag" 0 annotations export --tag politics "$fx/alice.json"
json_check "export filtered" "j.total === 1 && j.label.includes('politics')"
run "report markdown" 0 annotations report "$fx/alice.json"
has "report heading" "$tmp/out" "## Harbour city reopens its old fish market after three years"
has "report escapes" "$tmp/out" "&lt;script&gt;"
if grep -q "<script" "$tmp/out"; then fail "markdown report holds <script"; else passed=$((passed + 1)); fi
run "report html" 0 annotations report --html "$fx/alice.json"
has "html csp" "$tmp/out" "Content-Security-Policy"
if grep -q "<script\|<img" "$tmp/out"; then fail "html report holds markup from a note"; else passed=$((passed + 1)); fi

# usage
run "no subcommand" 2 annotations
run "unknown subcommand" 2 annotations frobnicate x
run "merge needs two" 2 annotations merge "$fx/alice.json"
run "anchor needs an article" 2 annotations anchor "$fx/alice.json"
run "unknown option" 2 annotations check --frobnicate "$fx/alice.json"
run "bad min score" 2 annotations anchor --min-score lots "$fx/alice.json" "$fx/article.txt"
run "help" 0 annotations --help
has "help text" "$tmp/out" "lectern annotations check FILE"
run "segment still works" 0 segment --json "$fx/article.txt"

finish
