#!/usr/bin/env bash
# Builds and runs a libFuzzer target of baca.
#
#   Tests/BacaHardeningTests/Fuzz/fuzz.sh parser|query [SECONDS]
#
# SECONDS defaults to $BACA_FUZZ_SECONDS, else 60. The build (swiftc -sanitize=fuzzer,address,
# the sources of BacaCore and SearchQuery compiled into one module with the shared invariants)
# (with the query's word forms) is cached under .build/baca-fuzz/ and redone when a source changes; so is the corpus, which
# grows from run to run. A crash is saved as .build/baca-fuzz/TARGET-artifacts/crash-*; copy it
# to Tests/BacaHardeningTests/Fixtures/fuzz-regressions/TARGET-NAME and `swift test` replays it
# for ever after. BACA_FUZZ_OPT=-O builds optimised (slower to build, faster to run).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../../.." && pwd)
target=${1:?usage: fuzz.sh parser|query [seconds]}
seconds=${2:-${BACA_FUZZ_SECONDS:-60}}
work=${BACA_FUZZ_WORK:-$root/.build/baca-fuzz}
mkdir -p "$work"

mapfile -t sources < <(find "$root/Sources/BacaCore" -name '*.swift' | LC_ALL=C sort)
sources+=("$root/Sources/BacaStore/Search/SearchQuery.swift" "$root/Sources/BacaStore/Search/WordForms.swift"
          "$root/Sources/BacaStore/Search/StemmedIndex.swift" "$here/../Support/FuzzInvariants.swift")
extra=()
case $target in
    parser) harness=$here/CaptureParserFuzzer.swift ;;
    query) harness=$here/SearchQueryFuzzer.swift; extra=(-I "$here/CSQLite") ;;
    *) echo "fuzz.sh: unknown target '$target' (parser or query)" >&2; exit 2 ;;
esac

binary=$work/$target-fuzzer
stamp=$( (cat "${sources[@]}" "$harness"; echo "${BACA_FUZZ_OPT:--Onone}") | sha256sum | cut -c1-16)
if [ ! -x "$binary" ] || [ "$(cat "$binary.stamp" 2>/dev/null)" != "$stamp" ]; then
    echo "fuzz.sh: building the $target fuzzer" >&2
    if ! swiftc -sanitize=fuzzer,address -parse-as-library -module-name BacaFuzz -D BACA_FUZZ \
            "${BACA_FUZZ_OPT:--Onone}" "${extra[@]}" "${sources[@]}" "$harness" -o "$binary" \
            > "$work/$target-build.log" 2>&1; then
        cat "$work/$target-build.log" >&2
        exit 3
    fi
    echo "$stamp" > "$binary.stamp"
fi

corpus=$work/$target-corpus
artifacts=$work/$target-artifacts/
mkdir -p "$corpus" "$artifacts"
# Seeds: the sample articles and fixtures as raw captures (mode byte 0), and the regressions.
if [ "$target" = parser ]; then
    for file in "$root"/samples/*.txt "$root"/Tests/BacaCoreTests/Fixtures/*.txt; do
        [ -f "$file" ] && { printf '\0'; head -c 8000 "$file"; } > "$corpus/seed-$(basename "$file")"
    done
    printf '\001\001\002\003\004\005\006\007\010\011\012' > "$corpus/seed-structured"
else
    printf '\0banjir OR longsor -jakarta "jalur puncak" kafe*' > "$corpus/seed-query"
    printf '\001\001\002\003\004\005\006\007\010\011\012' > "$corpus/seed-structured"
fi
for file in "$here"/../Fixtures/fuzz-regressions/"$target"-*; do
    [ -f "$file" ] && cp "$file" "$corpus/"
done

# Swift's own crash reporter would get in the way of AddressSanitizer's.
export SWIFT_BACKTRACE=enable=no
exec "$binary" -max_total_time="$seconds" -max_len=4096 -timeout=20 -rss_limit_mb=4096 \
    -print_final_stats=1 -artifact_prefix="$artifacts" "$corpus"
