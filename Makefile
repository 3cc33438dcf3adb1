# The two commands in the README: `make run` opens the program on your own
# data; `make test` runs every test. Both install what is missing first.

GO       ?= go
TAGS     := no_emoji,migrated_fynedo
GOFILES   = $(shell git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*')
# The version comes from FyneApp.toml; `secondopinion version` shows it
# with the day of the build.
VERSION  ?= $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
DATE     ?= $(shell date -u +%Y-%m-%d)
LDFLAGS  := -s -w -X secondopinion/app/version.version=$(VERSION) -X secondopinion/app/version.date=$(DATE)

.PHONY: run test deps test-deps build bench lint smoke load-test demo dist dist-deps dist-test

run: deps
	$(GO) run -tags $(TAGS) .

build: deps
	$(GO) build -tags $(TAGS) -trimpath -ldflags="$(LDFLAGS)" -o secondopinion .

deps:
	@./.ci/deps run

test-deps:
	@./.ci/deps test

# The records and storage also for macOS and Windows, whose files of
# their own (the send timeout, for one) this machine would not compile.
lint:
	@bad=$$(gofmt -l $(GOFILES)); if [ -n "$$bad" ]; then echo "gofmt would change: $$bad"; exit 1; fi
	$(GO) vet ./...
	GOOS=darwin $(GO) vet ./data/...
	GOOS=windows $(GO) build $$($(GO) list ./data/... | grep -v /pgtest)

# Unit, storage, letter and screen tests (no display needed), then one
# smoke test of the real window under Xvfb.
# The storage tests start a real PostgreSQL server of their own; here a
# missing one is a failure, not a skip.
test: test-deps lint
	SECONDOPINION_NEED_POSTGRES=1 $(GO) test -race -count=1 ./...
	$(MAKE) load-test
	$(MAKE) smoke

# 20 desks saving for 60 seconds against one server on this computer:
# nothing lost, every conflict reported, the 95th percentile save under
# 100 ms. Without the race detector, which slows every save several times.
load-test:
	SECONDOPINION_NEED_POSTGRES=1 SECONDOPINION_LOAD_SECONDS=60 $(GO) test -count=1 -run TestLoadTwentyDesks -v ./data/store/

smoke:
	xvfb-run -a -s "-screen 0 1366x768x24" $(GO) test -count=1 -tags smoke -run TestRealWindow -v .

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

# The packages for Debian and Ubuntu, other Linux and Windows, in dist/
# (PACKAGING.md says what each holds and how to build for macOS).
dist: deps dist-deps
	VERSION=$(VERSION) DATE=$(DATE) ./packaging/dist.sh

dist-deps:
	@./.ci/deps dist

# Builds the packages and runs each: the .deb installed into a throwaway
# root, the Windows program and installer under Wine (about 20 minutes
# on a cold 2-core machine, 2 to 3 when Go's build cache is warm).
dist-test:
	./.ci/dist-test
