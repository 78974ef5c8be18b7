# pledgewatch: `make run` writes this month's report from inputs/ into outputs/;
# `make test` runs every test. See README.md.

GO      ?= go
MONTH   ?=
RUNARGS ?=
# Fuzz budgets are execution counts, not durations: a duration budget in Go 1.26
# can end in a spurious "context deadline exceeded" (go.dev/issue/75804).
FUZZN ?= 100000x
FUZZN_SHEETS ?= 2000x

# A font with Chinese glyphs for chart labels (Debian package fonts-noto-cjk).
CJK_FONT := $(firstword $(wildcard /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc /usr/share/fonts/opentype/noto/NotoSansCJKsc-Regular.otf /usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc))

# Release builds: make dist VERSION=1.2.0 writes dist/pledgewatch-VERSION-OS-ARCH[.exe]
# with the version stamped in, and dist/SHA256SUMS.
VERSION ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
PLATFORMS := linux/amd64 linux/arm64 darwin/amd64 darwin/arm64 windows/amd64 windows/arm64

.PHONY: run test fuzz bench golden clean fonts dist

run: fonts
	@$(GO) run ./cmd/pledgewatch run --inputs inputs --out outputs $(if $(MONTH),--month $(MONTH)) $(RUNARGS)

test:
	$(GO) vet ./...
	$(GO) test ./...

# Each fuzz target briefly (go test -fuzz takes one target at a time).
fuzz:
	$(GO) test ./analysis -run '^$$' -fuzz '^FuzzParseAmount$$' -fuzztime $(FUZZN)
	$(GO) test ./analysis -run '^$$' -fuzz '^FuzzParseDate$$' -fuzztime $(FUZZN)
	$(GO) test ./analysis -run '^$$' -fuzz '^FuzzParsePeriod$$' -fuzztime $(FUZZN)
	$(GO) test ./analysis/sheets -run '^$$' -fuzz '^FuzzReadCSV$$' -fuzztime $(FUZZN_SHEETS)
	$(GO) test ./analysis/sheets -run '^$$' -fuzz '^FuzzReadXLSX$$' -fuzztime $(FUZZN_SHEETS)
	$(GO) test ./analysis/sheets -run '^$$' -fuzz '^FuzzReadSheetXML$$' -fuzztime $(FUZZN_SHEETS)
	$(GO) test ./analysis/sheets/internal/xlsxscan -run '^$$' -fuzz '^FuzzSheetXML$$' -fuzztime $(FUZZN)
	$(GO) test ./analysis/sheets/internal/xlsxscan -run '^$$' -fuzz '^FuzzSharedStrings$$' -fuzztime $(FUZZN)

# make bench runs this build and the build of AGAINST (a git revision; empty
# for this build alone) alternately, N times each, on the shipped inputs and
# on generated books of ROWS pledges (EVIDENCE=false: without a Progress sheet).
AGAINST  ?= HEAD^
ROWS     ?= 10000,100000,1048575
N        ?= 3
EVIDENCE ?= true

bench:
	$(GO) run ./cmd/benchrun -rows $(ROWS) -evidence=$(EVIDENCE) $(if $(AGAINST),-against $(AGAINST) -n $(N))

# Rewrites every golden file: the Golden tests of the packages whose tests
# define an -update flag (a package without one would refuse the flag).
golden:
	$(GO) test $(sort $(dir $(shell grep -rl --include='*_test.go' 'flag\.Bool."update"' .))) -run Golden -update

clean:
	rm -rf outputs bench dist

dist:
	rm -rf dist && mkdir dist
	for p in $(PLATFORMS); do os=$${p%/*}; arch=$${p#*/}; ext=; [ $$os = windows ] && ext=.exe; \
		CGO_ENABLED=0 GOOS=$$os GOARCH=$$arch $(GO) build -trimpath -ldflags "-s -w -X main.Version=$(VERSION)" \
			-o dist/pledgewatch-$(VERSION)-$$os-$$arch$$ext ./cmd/pledgewatch || exit 1; done
	cd dist && { sha256sum pledgewatch-* 2>/dev/null || shasum -a 256 pledgewatch-*; } > SHA256SUMS

# Installs the CJK font when it is missing and this is a Debian machine run as root;
# otherwise says what to install. The charts need it for Chinese labels.
fonts:
ifeq ($(CJK_FONT),)
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		echo "installing fonts-noto-cjk for Chinese chart labels" >&2; \
		(apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk) >/dev/null; \
	else \
		echo "note: no CJK font found; charts with Chinese labels need one (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk)" >&2; \
	fi
endif
