# Shared by the CLI test scripts: sourced after `lectern` and `src` are set. Each check adds one
# to $passed or $failures; `finish` prints the tally and fails the script when anything failed.
# shellcheck shell=bash
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
failures=0 passed=0

fail() { echo "FAIL $1"; failures=$((failures + 1)); }

run() {  # run NAME EXPECTED_STATUS ARGS...: output in $tmp/out, $tmp/err
  local name="$1" want="$2"
  shift 2
  "$lectern" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local got=$?
  if [ "$got" != "$want" ]; then
    fail "$name: exit $got, expected $want"; cat "$tmp/err"; return 1
  fi
  passed=$((passed + 1))
}

has() {  # has NAME FILE FIXED_STRING
  if grep -qF -- "$3" "$2"; then passed=$((passed + 1)); else fail "$1: no '$3' in:"; cat "$2"; fi
}

lines() {  # lines NAME FILE COUNT
  local n
  n=$(wc -l <"$2")
  if [ "$n" = "$3" ]; then passed=$((passed + 1)); else fail "$1: $n lines, expected $3"; cat "$2"; fi
}

json_check() {  # json_check NAME JS_EXPRESSION_OVER_j  (reads $tmp/out)
  if node -e "const j = JSON.parse(require('fs').readFileSync('$tmp/out', 'utf8')); if (!($2)) process.exit(1)"; then
    passed=$((passed + 1))
  else
    fail "$1: $2"; head -c 600 "$tmp/out"; echo
  fi
}

check() {  # check NAME EXPECTED_STATUS STDERR_PATTERN -- ARGS...
  local name="$1" want="$2" pattern="$3"
  shift 4
  "$lectern" "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local got=$?
  local lines
  lines=$(wc -l <"$tmp/err")
  if [ "$got" != "$want" ]; then
    echo "FAIL $name: exit $got, expected $want"; cat "$tmp/err"; failures=$((failures + 1)); return
  fi
  if [ -n "$pattern" ] && ! grep -q -- "$pattern" "$tmp/err"; then
    echo "FAIL $name: stderr lacks '$pattern':"; cat "$tmp/err"; failures=$((failures + 1)); return
  fi
  if [ "$want" = 1 ] && [ "$lines" != 1 ]; then
    echo "FAIL $name: expected a one-line error, got $lines lines"; failures=$((failures + 1)); return
  fi
  passed=$((passed + 1))
}

out_check() {  # out_check NAME FIXED_STRING  (reads $tmp/out)
  if grep -qF -- "$2" "$tmp/out"; then
    passed=$((passed + 1))
  else
    echo "FAIL $1: output lacks '$2'"; head -c 400 "$tmp/out"; echo; failures=$((failures + 1))
  fi
}

finish() {
  echo "$passed passed, $failures failed"
  [ "$failures" = 0 ]
}
