# baca: build, install and package the release binary (README "Install").
#
#   make                          the release binary, man page and completions, in .build/stage
#                                 (then `sudo make install` builds nothing as root)
#   make install [PREFIX=…]       into PREFIX (default /usr/local; PREFIX=$HOME/.local needs no root)
#   make uninstall [PREFIX=…]     removes exactly what install put there
#   make dist                     dist/baca-VERSION-linux-ARCH.tar.gz, to unpack anywhere
#   make deb                      dist/baca_VERSION_DEBARCH.deb (needs dpkg-deb)
#
# DESTDIR is honoured (packagers). The binary links the Swift standard library and Foundation
# statically (--static-swift-stdlib), so it runs where Swift is not installed; it needs only the
# system libraries the README lists.

PREFIX  ?= /usr/local
DESTDIR ?=
SWIFT   ?= swift

VERSION := $(shell sed -n 's/^ *static let version = "\(.*\)"$$/\1/p' Sources/baca/Baca.swift)
ARCH    := $(shell uname -m)
NAME    := baca-$(VERSION)-linux-$(ARCH)

bindir  = $(PREFIX)/bin
datadir = $(PREFIX)/share/baca
mandir  = $(PREFIX)/share/man/man1
# Where each shell looks for completions by itself: bash-completion's folder, zsh's
# site-functions (on $fpath), fish's vendor folder.
bashdir = $(PREFIX)/share/bash-completion/completions
zshdir  = $(PREFIX)/share/zsh/site-functions
fishdir = $(PREFIX)/share/fish/vendor_completions.d

STAGE   = .build/stage
# A build folder of its own: the static link flags would otherwise make every switch between
# this and a plain `swift build -c release` (bench/run.sh) compile everything again.
SCRATCH = .build-static
RELEASE = $(SWIFT) build -c release --static-swift-stdlib --product baca --scratch-path $(SCRATCH)

.PHONY: all build install install-files uninstall dist deb clean-dist

all: build

# What the staged build is made from: a change to any of these (or a commit: git's index) makes
# `make` build again; otherwise `sudo make install` after `make` runs no compiler as root.
SOURCES := Makefile Package.swift $(shell find Sources Plugins themes samples -type f 2>/dev/null) \
	$(wildcard $(shell git rev-parse --git-path index 2>/dev/null))
# The man page's date: the commit's, so that the same commit gives the same page.
MANDATE := $(shell git log -1 --format=%cs 2>/dev/null || date +%Y-%m-%d)

build: $(STAGE)/baca

# The binary (stripped), and the man page and completions generated from its command definitions
# by swift-argument-parser: its generate-manual tool (the one the generate-manual plugin runs,
# called directly so that only the release binary is built) and --generate-completion-script.
# Made in a folder of its own, renamed into place when all of it is there.
$(STAGE)/baca: $(SOURCES)
	$(RELEASE)
	$(SWIFT) build --product generate-manual
	rm -rf $(STAGE).new && mkdir -p $(STAGE).new
	cp "$$($(RELEASE) --show-bin-path)/baca" $(STAGE).new/baca
	strip $(STAGE).new/baca
	"$$($(SWIFT) build --show-bin-path)/generate-manual" $(STAGE).new/baca --date $(MANDATE) \
		--output-directory $(STAGE).new
	# A blank line in a command's discussion is a paragraph break (mdoc warns about bare ones).
	sed -i 's/^$$/.Pp/' $(STAGE).new/baca.1
	$(STAGE).new/baca --generate-completion-script bash > $(STAGE).new/baca.bash
	$(STAGE).new/baca --generate-completion-script zsh > $(STAGE).new/_baca
	$(STAGE).new/baca --generate-completion-script fish > $(STAGE).new/baca.fish
	rm -rf $(STAGE) && mv $(STAGE).new $(STAGE)

install: build
	$(MAKE) --no-print-directory install-files

# Copies what `build` staged; `install` and `dist` both use it.
install-files:
	install -d "$(DESTDIR)$(bindir)" "$(DESTDIR)$(datadir)/themes" "$(DESTDIR)$(datadir)/samples" \
		"$(DESTDIR)$(mandir)" "$(DESTDIR)$(bashdir)" "$(DESTDIR)$(zshdir)" "$(DESTDIR)$(fishdir)"
	install -m 755 $(STAGE)/baca "$(DESTDIR)$(bindir)/baca"
	install -m 644 themes/*.toml "$(DESTDIR)$(datadir)/themes/"
	install -m 644 samples/* "$(DESTDIR)$(datadir)/samples/"
	install -m 644 $(STAGE)/baca.1 "$(DESTDIR)$(mandir)/baca.1"
	install -m 644 $(STAGE)/baca.bash "$(DESTDIR)$(bashdir)/baca"
	install -m 644 $(STAGE)/_baca "$(DESTDIR)$(zshdir)/_baca"
	install -m 644 $(STAGE)/baca.fish "$(DESTDIR)$(fishdir)/baca.fish"

uninstall:
	rm -f "$(DESTDIR)$(bindir)/baca" "$(DESTDIR)$(mandir)/baca.1" "$(DESTDIR)$(bashdir)/baca" \
		"$(DESTDIR)$(zshdir)/_baca" "$(DESTDIR)$(fishdir)/baca.fish"
	rm -rf "$(DESTDIR)$(datadir)"

# The tarball holds a prefix of its own (bin/, share/), so the unpacked folder runs as it is or
# copies into /usr/local; with the README, the changelog, baca's licence (LICENSE, THIRD_PARTY.md)
# and the licences of what is linked in.
dist: build
	rm -rf dist/$(NAME) && mkdir -p dist
	$(MAKE) --no-print-directory install-files PREFIX="$(CURDIR)/dist/$(NAME)" DESTDIR=
	cp README.md docs/CHANGELOG.md LICENSE THIRD_PARTY.md dist/$(NAME)/
	mkdir -p dist/$(NAME)/licenses
	cp "$$(dirname "$$(command -v $(SWIFT))")/../share/swift/LICENSE.txt" dist/$(NAME)/licenses/swift.txt
	for package in $(SCRATCH)/checkouts/*/; do \
		name=$$(basename "$$package"); \
		for file in "$$package"LICENSE*; do if [ -f "$$file" ]; then cp "$$file" "dist/$(NAME)/licenses/$$name.txt"; fi; done; \
	done
	tar -C dist -czf dist/$(NAME).tar.gz $(NAME)
	@echo "dist/$(NAME).tar.gz"

deb: build
	bash packaging/deb.sh "$(VERSION)"

clean-dist:
	rm -rf dist $(STAGE) $(STAGE).new
