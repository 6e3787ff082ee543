# MOps Desk. Two commands matter:
#   make run    install what is missing, build, and open the app
#               (or, with no display, start serve mode and print its URL)
#   make test   install what is missing and run every test
SHELL := bash
.SHELLFLAGS := -euo pipefail -c

GO_TAGS   = $(shell scripts/go-tags.sh)
VERSION  ?= $(shell scripts/version.sh)
BIN      := build/bin/mopsdesk
LDFLAGS  := -X main.version=$(VERSION)
ARTIFACTS := test-artifacts
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD := 1
# go.mod names the toolchain (go1.27.3: the standard library fixes that
# 1.26.8 lacks); "auto" lets an older local go fetch it like a module,
# even where the installation defaults to "local". Set GOTOOLCHAIN to
# override.
export GOTOOLCHAIN ?= auto

.PHONY: run test build build-host deps deps-test deps-dist frontend lint lint-go lint-frontend test-go test-frontend test-e2e test-desktop test-dist dist bench load fuzz clean

run: build
	@if [ -n "$${DISPLAY:-}$${WAYLAND_DISPLAY:-}" ]; then \
		exec $(BIN); \
	else \
		echo "No display found: starting serve mode instead. Open the URL below in a browser."; \
		exec $(BIN) serve; \
	fi

deps:
	@scripts/setup.sh

deps-test:
	@scripts/setup.sh test

deps-dist:
	@scripts/setup.sh dist

# Not "npm ci": it refuses a lock file that lacks other platforms' optional
# packages (rollup's), which registries that serve only this platform leave
# out. "npm install --no-save" installs the locked versions all the same.
frontend/node_modules/.package-lock.json: frontend/package-lock.json frontend/package.json
	cd frontend && npm install --no-audit --no-fund --no-save
	@touch $@

frontend: frontend/node_modules/.package-lock.json
	cd frontend && npm run build

# A position-independent executable, as Debian wants of every program.
# The frontend is built first and embedded; Wails then only compiles and
# packages (-s), and we bind no generated JS (components use lib/api).
build: deps frontend
	GOFLAGS="$${GOFLAGS:-} -buildmode=pie" go tool wails build -s -skipbindings -tags "$(GO_TAGS)" -ldflags "$(LDFLAGS)"

# The team host for a server with no display: the same embedded UI, no
# desktop window, so no Wails, GTK or WebKit (the headless tag; see
# window_headless.go). It needs Go, Node.js and the C compiler SQLite
# wants, not the desktop build's GTK and WebKit packages (so no "deps").
HOST_BIN := build/bin/mopsdesk-host
build-host: frontend
	GOFLAGS="$${GOFLAGS:-} -buildmode=pie" go build -tags "sqlite_fts5,headless" -ldflags "$(LDFLAGS)" -o $(HOST_BIN) .

test: deps-test
	$(MAKE) lint test-go test-frontend build test-e2e test-desktop test-dist
	@echo "make test: all suites passed"

# The linters, before the tests: staticcheck (a Go tool pinned in go.mod,
# its checks as it ships them; lint:ignore comments say where and why a
# finding does not apply) and ESLint (frontend/eslint.config.js says which
# rules and why).
lint: lint-go lint-frontend

lint-go: frontend
	go tool staticcheck -tags "$(GO_TAGS)" ./...

lint-frontend: frontend/node_modules/.package-lock.json
	cd frontend && npm run lint

# MOPSDESK_TEST_OFFICE: the workbook tests that open exports in LibreOffice
# must run here (setup installs it), not skip.
test-go: frontend
	go vet -tags "$(GO_TAGS)" ./...
	MOPSDESK_TEST_OFFICE=1 go test -tags "$(GO_TAGS)" ./...

# Day arithmetic must not move with the machine's time zone.
TIME_ZONES := UTC America/Los_Angeles Asia/Tehran Asia/Bangkok
test-frontend: frontend/node_modules/.package-lock.json
	cd frontend && npm run check && npm test
	cd frontend && for tz in $(TIME_ZONES); do TZ=$$tz npx vitest run --reporter=dot src/lib/days.test.ts src/lib/calendar.test.ts; done

test-e2e: frontend/node_modules/.package-lock.json
	cd frontend && MOPSDESK_BIN=$(abspath $(BIN)) npx playwright test

test-desktop:
	scripts/smoke-desktop.sh $(BIN) $(ARTIFACTS)

# Packages for Linux and Windows in dist/ (README: Installing).
dist: deps-dist build
	scripts/dist.sh $(BIN)

# Builds the packages, installs the .deb on this machine and runs it (the
# desktop smoke test included), then checks the Windows program and
# installer under Wine.
test-dist: dist
	scripts/test-dist.sh dist $(ARTIFACTS)

# Every benchmark in bench/ gathered into one table (bench/README.md). Not part of
# make test: timings belong to benchmarks, not to assertions.
bench: build
	cd bench && npm install --no-audit --no-fund --no-save
	MOPSDESK_BIN=$(abspath $(BIN)) python3 bench/run.py

# A team host under load (bench/load): 20 signed-in people, 10 writes a
# second with conflicting edits, for LOAD_DURATION; prints p95 per call and
# fails on a lost update or an audit entry too many or missing. Not part of
# make test, like bench.
LOAD_DURATION ?= 5m
load: build
	go run -tags sqlite_fts5 ./bench/load -bin $(abspath $(BIN)) -duration $(LOAD_DURATION)

# Every fuzz target in the repository, FUZZTIME each, new inputs minimised
# for at most FUZZMINIMIZETIME (scripts/fuzz.sh). Not part of make test:
# it runs for as long as it is given.
FUZZTIME ?= 30s
FUZZMINIMIZETIME ?= 5s
fuzz:
	FUZZTIME=$(FUZZTIME) FUZZMINIMIZETIME=$(FUZZMINIMIZETIME) scripts/fuzz.sh

clean:
	rm -rf build/bin dist bench/node_modules frontend/node_modules $(ARTIFACTS) frontend/test-results
	find frontend/dist -mindepth 1 ! -name .gitkeep -delete
