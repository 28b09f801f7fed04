#!/usr/bin/env bash
# CI smoke run of the benchmark: N = 1,000 on the debug build that `.ci/run` has just made.
# It fails only when the benchmark itself breaks (the generator's captures do not parse back,
# baca or newsboat cannot be driven, a screen never appears); never because of a time.
set -euo pipefail
cd "$(dirname "$0")/.."

[ -x .build/debug/baca ] && [ -x .build/debug/baca-bench ] || swift build

newsboat=skip
if command -v newsboat >/dev/null; then
    newsboat=auto
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null \
    && timeout 300 env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq newsboat >/dev/null 2>&1; then
    newsboat=auto
else
    echo "smoke: newsboat not installable here; measuring baca alone" >&2
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/baca-bench-smoke.XXXXXX")
trap 'rm -rf "$work"' EXIT

# The generator: deterministic, and every capture reads back through the parser as written.
.build/debug/baca-bench generate --count 300 --seed 7 --out "$work/verify" --verify 300 >/dev/null
a=$(cat "$work"/verify/captures/*.txt | sha256sum)
.build/debug/baca-bench generate --count 300 --seed 7 --out "$work/verify" --force >/dev/null
b=$(cat "$work"/verify/captures/*.txt | sha256sum)
[ "$a" = "$b" ] || { echo "smoke: the generator is not deterministic" >&2; exit 1; }

# The feed-parse figure's command works, its instruction count too where valgrind is installed
# (neither a time nor a count is ever checked).
.build/debug/baca-bench feed-parse --bytes 200000 --runs 2 >/dev/null
.build/debug/baca-bench feed-parse --bytes 200000 --runs 2 --broken >/dev/null
.build/debug/baca-bench feed-parse --bytes 20000 --runs 1 --instructions

.build/debug/baca-bench run --sizes 1000 --runs 2 --import-runs 1 --baca .build/debug/baca \
    --newsboat "$newsboat" --work "$work"
