#!/usr/bin/env bash
# The benchmark: baca and newsboat side by side on the same synthetic corpus.
#
#   bench/run.sh                      N = 1,000, 10,000 and 100,000 (about 25 minutes on 2 cores)
#   bench/run.sh --million            and N = 1,000,000: 4.7 GB of captures, a 7 GB repository, each
#                                     import about 17 minutes (newsboat skipped there)
#   bench/run.sh --million --runs 3 --import-runs 1
#                                     the whole run in about 40 minutes (docs/PERFORMANCE.md, "Fourth round")
#   bench/run.sh --sizes 1000 --runs 3 --out /tmp/table.md
#
# The import's instructions an article alone (callgrind, 1,000 captures into a new repository):
#   .build/release/baca-bench import-cost --baca .build-static/release/baca
#
# One search's queries alone, timed and counted (callgrind) on a repository a run left:
#   .build/release/baca-bench search --db .build/baca-bench/run-1000000/baca.sqlite --queries kopi --instructions
#
# Builds the release binaries (baca as `make` builds it: statically linked), installs tmux and newsboat from Debian's packages when absent
# (newsboat is a benchmark-only dependency), then runs `baca-bench run` with the arguments
# given (see `.build/release/baca-bench run --help`). Corpora and repositories go to
# .build/baca-bench/ and are reused while the seed and size match.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo -n "$@"; else return 1; fi; }
install_packages() {
    command -v apt-get >/dev/null || return 1
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1 \
        || { as_root apt-get update -qq >/dev/null 2>&1 && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null 2>&1; }
}

need=()
command -v tmux >/dev/null || need+=(tmux)
dpkg -s libncurses-dev >/dev/null 2>&1 || need+=(libncurses-dev)
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
dpkg -s libxml2-dev >/dev/null 2>&1 || need+=(libxml2-dev)
dpkg -s libssl-dev >/dev/null 2>&1 || need+=(libssl-dev)
dpkg -s libzstd-dev >/dev/null 2>&1 || need+=(libzstd-dev)
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if [ ${#need[@]} -gt 0 ]; then
    echo "installing ${need[*]}" >&2
    install_packages "${need[@]}" || { echo "cannot install ${need[*]}" >&2; exit 1; }
fi
if ! command -v valgrind >/dev/null; then
    echo "installing valgrind (benchmark only: the feed parser's and the import's instruction counts)" >&2
    install_packages valgrind || echo "valgrind could not be installed: no instruction count" >&2
fi
if ! command -v newsboat >/dev/null; then
    echo "installing newsboat (benchmark only)" >&2
    install_packages newsboat || echo "newsboat could not be installed: measuring baca alone" >&2
fi

swift build -c release >&2
# The baca that is measured is the one `make install` installs: the Swift standard library and
# Foundation linked statically (the Makefile's build, in its own folder). Linked against the
# shared Swift libraries, a start spends a quarter of its instructions in the dynamic linker
# (docs/PERFORMANCE.md, "Start").
swift build -c release --static-swift-stdlib --product baca --scratch-path .build-static >&2
# The feed parser over a 1 MB feed, well-formed and broken (docs/PERFORMANCE.md, "Feed parsing").
.build/release/baca-bench feed-parse --bytes 1000000 --runs 30 --instructions >&2
.build/release/baca-bench feed-parse --bytes 1000000 --runs 30 --broken --instructions >&2
# The import's instructions an article: the measured baca importing the 1,000 captures of
# .build/baca-bench/corpus-1000 into a new repository under callgrind (docs/PERFORMANCE.md,
# "Profiling on this machine"; issue 14's ≤ 1.2 M). Without valgrind it says so; a count that
# cannot be taken is reported and the benchmark goes on.
.build/release/baca-bench import-cost --captures 1000 --baca .build-static/release/baca >&2 \
    || echo "the import's instruction count failed (above); the benchmark goes on" >&2
exec .build/release/baca-bench run --baca .build-static/release/baca "$@"
