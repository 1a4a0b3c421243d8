#!/usr/bin/env bash
# The command line's contract: --help and --version, exit codes (0 documents processed, 1 usage
# error, 2 nothing could be processed), one line per skipped input, outputs never half-written.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0
expect() {  # expect NAME WANTED_CODE COMMAND...
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/stdout" 2>"$tmp/stderr"
  local got=$?
  if [ "$got" -ne "$want" ]; then
    echo "FAIL $name: exit $got, wanted $want; stderr: $(head -c 300 "$tmp/stderr")"
    fails=$((fails + 1))
  else
    echo "ok   $name"
  fi
}

expect "--version" 0 "$bin" --version
grep -q "crosscheck [0-9]" "$tmp/stdout" || { echo "FAIL --version prints the version"; fails=$((fails + 1)); }
for cmd in run clean annotate claims; do
  expect "$cmd --help" 0 "$bin" "$cmd" --help
done
expect "no subcommand is a usage error" 1 "$bin"
expect "unknown flag is a usage error" 1 "$bin" run --bogus x --out "$tmp/o"
expect "bad --date is a usage error" 1 "$bin" annotate --date 2012-13-45 /dev/null

mkdir -p "$tmp/in/empty" "$tmp/in/good"
printf 'Shelling hits Mykolaiv\n\nThree people were killed in Mykolaiv on Sunday, the mayor said.\n' > "$tmp/in/good/a.txt"
printf '{"id": "x1", "text": "Two people were injured in Sumy."}\nnot json at all\n' > "$tmp/in/good/feed.jsonl"
head -c 3000 /dev/urandom | gzip -c | head -c 900 > "$tmp/in/good/cut.txt.gz"
expect "a folder with no articles exits 2" 2 "$bin" run "$tmp/in/empty" --out "$tmp/o_empty" --quiet
grep -q "no articles" "$tmp/stderr" || { echo "FAIL the empty folder is named: $(cat "$tmp/stderr")"; fails=$((fails + 1)); }
expect "a missing file alone exits 2" 2 "$bin" run "$tmp/nothing.txt" --out "$tmp/o_missing" --quiet
expect "good and bad input together exit 0" 0 "$bin" run "$tmp/in/good" "$tmp/nothing.txt" --out "$tmp/o" --quiet
grep -q "feed.jsonl#2" "$tmp/stderr" || { echo "FAIL the bad JSONL line is named: $(cat "$tmp/stderr")"; fails=$((fails + 1)); }
grep -q "cut.txt.gz" "$tmp/stderr" || { echo "FAIL the truncated gzip is named: $(cat "$tmp/stderr")"; fails=$((fails + 1)); }
for f in documents.jsonl claims.jsonl events.jsonl events.csv report.html crosscheck.db; do
  [ -s "$tmp/o/$f" ] || { echo "FAIL run wrote $f"; fails=$((fails + 1)); }
done
ls "$tmp/o" | grep -q "tmp-" && { echo "FAIL temporary files were left in the output"; fails=$((fails + 1)); }
expect "clean prints the main text" 0 "$bin" clean "$tmp/in/good/a.txt"
grep -q "Mykolaiv" "$tmp/stdout" || { echo "FAIL clean output"; fails=$((fails + 1)); }
expect "clean --out writes <id>.txt" 0 "$bin" clean "$tmp/in/good" --out "$tmp/clean"
[ -s "$tmp/clean/a.txt" ] && [ -s "$tmp/clean/x1.txt" ] || { echo "FAIL clean --out files: $(ls "$tmp/clean")"; fails=$((fails + 1)); }
expect "annotate prints JSON Lines" 0 "$bin" annotate --date 2022-06-05 "$tmp/in/good/a.txt"
python3 -c "import json,sys; d=json.loads(open(sys.argv[1]).readline()); assert {'sentences','numbers','times','places','actors'} <= set(d)" "$tmp/stdout" \
  || { echo "FAIL annotate JSON"; fails=$((fails + 1)); }
expect "claims prints JSON Lines" 0 "$bin" claims "$tmp/in/good/a.txt"

echo "cli checks: $fails failed"
exit $((fails > 0))
