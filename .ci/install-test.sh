#!/usr/bin/env bash
# The install test (README "Install"): `make install` into a throwaway prefix, then the installed
# program as a new user would run it, with nothing in its environment but HOME, TERM and PATH and
# from a folder outside the checkout; its man page and bash completion; then `make dist`, the
# tarball unpacked elsewhere, its binary started in tmux and checked for Swift libraries.
#
# One release build serves install and dist (the same flags), so this costs one release build.
set -euo pipefail
cd "$(dirname "$0")/.."
checkout=$PWD

work=$(mktemp -d /tmp/baca-install-test.XXXXXX)
# One tmux server per window started (a new server on a socket whose old server is still exiting
# can fail with "server exited unexpectedly").
sockets=()
socket=""
cleanup() {
    for used in "${sockets[@]}"; do tmux -L "$used" kill-server >/dev/null 2>&1 || true; done
    rm -rf "$work"
}
trap cleanup EXIT
prefix="$work/prefix"
home="$work/home"
mkdir -p "$home"

step() { echo "install test: $*"; }
fail() { echo "install test FAILED: $*" >&2; exit 1; }

# `baca ARGS…` as installed: only HOME, TERM and PATH, run from the empty home.
as_user() {
    (cd "$home" && env -i HOME="$home" TERM=xterm-256color PATH="$prefix/bin:/usr/bin:/bin" "$@")
}

# Polls tmux's screen (as text) until it holds $2, matched by grep's $1 (-E or -F), for up to
# 15 s; prints the screen. With $3 = first, only the screen's first line is looked at.
wait_for_screen() {
    local mode=$1 pattern=$2 where=${3:-all} screen="" part=""
    for _ in $(seq 75); do
        screen=$(tmux -L "$socket" capture-pane -p -t t 2>/dev/null || true)
        part=$screen
        if [ "$where" = first ]; then part=$(sed -n 1p <<<"$screen"); fi
        if grep -q "$mode" -- "$pattern" <<<"$part"; then
            printf '%s\n' "$screen"
            return 0
        fi
        sleep 0.2
    done
    printf '%s\n' "$screen" >&2
    fail "the screen never showed /$pattern/"
}

# Starts a shell command line in a detached 100×30 tmux window of a new server of this test's own.
start_in_tmux() {
    socket="baca-install-$$-${#sockets[@]}"
    sockets+=("$socket")
    env -i HOME="$home" TERM=xterm-256color PATH=/usr/bin:/bin \
        tmux -L "$socket" -f /dev/null new-session -d -s t -x 100 -y 30 "$1; sleep 600"
}

step "make install PREFIX=$prefix"
make --no-print-directory install PREFIX="$prefix" >"$work/make-install.log" 2>&1 \
    || { tail -40 "$work/make-install.log" >&2; fail "make install"; }

step "baca --version"
version_line=$(as_user baca --version)
version=$(sed -n 's/^ *static let version = "\(.*\)"$/\1/p' Sources/baca/Baca.swift)
if commit=$(git -C "$checkout" rev-parse --short=12 HEAD 2>/dev/null); then
    [[ $version_line =~ ^"$version (commit $commit"(", modified")?")"$ ]] \
        || fail "--version said '$version_line', expected $version and commit $commit"
else
    [ "$version_line" = "$version" ] || fail "--version said '$version_line', expected $version"
fi
echo "  $version_line"

step "baca themes: every shipped theme, found in the prefix"
themes=$(as_user baca themes)
printf '%s\n' "$themes" | sed 's/^/  /'
for file in themes/*.toml; do
    name=$(basename "$file" .toml)
    grep -Eq "^$name +.*$prefix/share/baca/themes/$name.toml" <<<"$themes" \
        || fail "theme $name is not listed from $prefix/share/baca/themes"
done
if grep -q "$checkout" <<<"$themes"; then fail "baca themes names the checkout"; fi

step "a lone copy of the binary still has every theme, compiled in"
mkdir -p "$work/lone" && cp "$prefix/bin/baca" "$work/lone/baca"
lone=$(cd "$home" && env -i HOME="$home" TERM=xterm-256color PATH=/usr/bin:/bin "$work/lone/baca" themes)
# In either language: with no LANG in its environment the program may speak English.
[ "$(grep -Ec "dalam program|inside the program" <<<"$lone")" -eq "$(ls themes/*.toml | wc -l)" ] \
    || fail "the lone binary lists: $lone"

step "a lone copy of the binary opens --demo: the samples are compiled in too"
# From its empty folder, HOME and XDG in a scratch folder: no share/baca anywhere to find.
lone_home="$work/lone-home"
mkdir -p "$lone_home"
start_in_tmux "cd '$work/lone' && env -i HOME='$lone_home' XDG_CONFIG_HOME='$lone_home/config' XDG_DATA_HOME='$lone_home/data' XDG_STATE_HOME='$lone_home/state' TERM=xterm-256color PATH=/usr/bin:/bin ./baca --demo"
lone_demo=$(wait_for_screen -E "^ baca .*demo" first)
sample_count=$(ls samples/*.txt | wc -l)
grep -Eq " $sample_count (artikel|articles)" <<<"$lone_demo" || fail "the lone --demo does not list the $sample_count samples: $lone_demo"
tmux -L "$socket" send-keys -t t q

step "baca import of an installed sample, then baca list"
samples=("$prefix"/share/baca/samples/*.txt)
sample=${samples[0]}
as_user baca import "$sample" | sed 's/^/  /'
listing=$(as_user baca list)
printf '%s\n' "$listing" | sed 's/^/  /'
[ "$(wc -l <<<"$listing")" -eq 1 ] || fail "baca list should show the one imported article"
# The title as the list shows it, to look for in the reader (its first 30 characters).
title=$(sed -E 's/^ *1 +[^ ]+ +[0-9]+ [A-Za-z]+ [0-9]+ +//' <<<"$listing" | cut -c1-30)
[ -n "$title" ] || fail "no title in: $listing"

step "the reader in tmux opens the article, in colour"
start_in_tmux "cd '$home' && env -i HOME='$home' TERM=xterm-256color PATH='$prefix/bin:/usr/bin:/bin' baca"
wait_for_screen -F "$title" >/dev/null
tmux -L "$socket" send-keys -t t Enter
# The article open: its title on the first line, where the list has its header.
wait_for_screen -F "$title" first >/dev/null
screen=$(tmux -L "$socket" capture-pane -p -e -t t)
# The default theme draws headings and the key points box in colour: an SGR colour must be there.
grep -Eq $'\e''\[([0-9;]*;)?(3[0-7]|38;5;[0-9]+|38;2;[0-9;]+)(;[0-9;]*)?m' <<<"$screen" \
    || fail "the reader's screen has no colour"
tmux -L "$socket" send-keys -t t q q

step "man -l renders the installed page"
page=$(MANWIDTH=80 man -P cat -l "$prefix/share/man/man1/baca.1" 2>"$work/man.err")
[ ! -s "$work/man.err" ] || { cat "$work/man.err" >&2; fail "man warned"; }
for expected in SYNOPSIS "baca import" "config.toml" "goto-section"; do
    grep -q -- "$expected" <<<"$page" || fail "the man page lacks '$expected'"
done

step "bash completion loads"
completion=$(bash -c "source '$prefix/share/bash-completion/completions/baca'; complete -p baca")
echo "  $completion"
grep -q -- "-F .* baca$" <<<"$completion" || fail "complete -p baca said: $completion"
[ -s "$prefix/share/zsh/site-functions/_baca" ] && [ -s "$prefix/share/fish/vendor_completions.d/baca.fish" ] \
    || fail "zsh or fish completion missing"

step "make uninstall leaves nothing"
make --no-print-directory uninstall PREFIX="$prefix" >/dev/null
left=$(find "$prefix" -type f)
[ -z "$left" ] || fail "left after uninstall: $left"

step "make dist, unpacked elsewhere: --demo in tmux, no Swift library"
make --no-print-directory dist >"$work/make-dist.log" 2>&1 || { tail -40 "$work/make-dist.log" >&2; fail "make dist"; }
tarball=$(tail -1 "$work/make-dist.log")
[ -f "$tarball" ] || fail "make dist did not print its tarball ($tarball)"
mkdir -p "$work/unpacked" && tar -C "$work/unpacked" -xzf "$tarball"
binary=$(ls "$work"/unpacked/*/bin/baca)
for file in LICENSE THIRD_PARTY.md README.md; do
    [ -s "$(dirname "$binary")/../$file" ] || fail "the tarball lacks $file"
done
libraries=$(ldd "$binary")
sed -n '1,12s/^/  /p' <<<"$libraries"
if grep -Eiq 'swift|Foundation|dispatch|BlocksRuntime|XCTest' <<<"$libraries"; then
    fail "the release binary links a Swift library"
fi
if grep -q "not found" <<<"$libraries"; then fail "a library is missing"; fi
# The README lists the libraries the binary needs, exactly: those loaded at start are the same
# set as its ELF header; those opened on first use are the sonames the lazy C targets open
# (BACA_LAZY_LIBRARY in Sources/), and none of them may be in the ELF header.
readme_libraries() {
    sed -n '/^## Install/,/^## /p' README.md | grep '^| `' | grep -- "$1" | grep -o '`[^`]*\.so[^`]*`' \
        | tr -d '`' | grep -v '^ld-linux' | sort -u
}
needed=$(readelf -d "$binary" | sed -n 's/.*Shared library: \[\(.*\)\]/\1/p' | grep -v '^ld-linux' | sort -u)
listed=$(readme_libraries '| at start |$')
[ "$needed" = "$listed" ] || fail "README's Install lists other libraries loaded at start than the binary needs:
$(diff <(echo "$listed") <(echo "$needed") || true)"
lazy=$(grep -rhoE 'BACA_LAZY_LIBRARY\("[^"]+"' Sources | sed 's/.*("//; s/"$//' | sort -u)
lazy_listed=$(readme_libraries '| first used')
[ -n "$lazy" ] && [ "$lazy" = "$lazy_listed" ] || fail "README's Install lists other libraries opened on first use than Sources/ opens:
$(diff <(echo "$lazy_listed") <(echo "$lazy") || true)"
if grep -Fxf <(echo "$lazy") <<<"$needed"; then fail "a library meant to be opened on first use is linked at start"; fi
start_in_tmux "cd '$home' && '$binary' --demo"
# The list of the bundled samples, its header saying "demo".
demo=$(wait_for_screen -E "^ baca .*demo" first)
sed -n '1,4s/^/  /p' <<<"$demo"
tmux -L "$socket" send-keys -t t q

step "passed"
