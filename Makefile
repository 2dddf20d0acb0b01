# rolebook — job descriptions as code. `make site` and `make test` set up a fresh machine.
SWIFT   ?= swift
CONTENT ?= content
SITE    ?= site
PORT    ?= 8080
RELEASE  = .build/release/rolebook
DEBUG    = .build/debug/rolebook
# Root installs directly; anyone else goes through sudo.
SUDO    := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
APT      = $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends
APT_UPDATED = .build/.apt-updated

.PHONY: all deps test-deps bench-deps build build-debug check diff site serve test api bench bench-quality fuzz tables clean

all: site

$(APT_UPDATED):
	@mkdir -p .build
	$(SUDO) apt-get update -qq
	@touch $@

# libcmark-dev: the C Markdown parser wrapped by Sources/CCMark.
deps:
	@pkg-config --exists libcmark 2>/dev/null || { $(MAKE) --no-print-directory $(APT_UPDATED) && $(APT) libcmark-dev pkg-config; }

# Headless Chromium with CJK fonts for the end-to-end tests, poppler for the PDF checks, node for the
# search client's unit tests and `node --check` of every script, python3 for .ci/check-imports.
test-deps: deps
	@command -v python3 >/dev/null 2>&1 || { $(MAKE) --no-print-directory $(APT_UPDATED) && $(APT) python3; }
	@command -v chromium >/dev/null 2>&1 || { $(MAKE) --no-print-directory $(APT_UPDATED) && $(APT) chromium; }
	@fc-list 2>/dev/null | grep -q "Noto Sans CJK" || { $(MAKE) --no-print-directory $(APT_UPDATED) && $(APT) fonts-noto-cjk fontconfig; }
	@command -v pdftotext >/dev/null 2>&1 || { $(MAKE) --no-print-directory $(APT_UPDATED) && $(APT) poppler-utils; }
	@command -v node >/dev/null 2>&1 || { $(MAKE) --no-print-directory $(APT_UPDATED) && $(APT) nodejs; }

bench-deps: test-deps
	@command -v cmark >/dev/null 2>&1 || { $(MAKE) --no-print-directory $(APT_UPDATED) && $(APT) cmark; }
	@command -v hugo >/dev/null 2>&1 || { $(MAKE) --no-print-directory $(APT_UPDATED) && $(APT) hugo; }
	@[ -x /usr/bin/time ] || { $(MAKE) --no-print-directory $(APT_UPDATED) && $(APT) time; }
	@python3 -c "import pagefind" 2>/dev/null || python3 -m pip install -q 'pagefind[extended]' || echo "warning: Pagefind not installed; the search comparison is skipped"

build: deps
	$(SWIFT) build -c release --product rolebook

build-debug: deps
	$(SWIFT) build --product rolebook

# Validate content/ (exit 1 on errors).
check: build-debug
	$(DEBUG) check $(CONTENT)

# What the work tree's content/ changes against a git revision (make diff BASE=origin/main).
BASE ?= main
diff: build-debug
	$(DEBUG) diff $(BASE) --content $(CONTENT)

# Render content/ into site/ (refuses when check finds errors).
site: build
	$(RELEASE) build $(CONTENT) -o $(SITE)

# Live preview of content/ at http://127.0.0.1:$(PORT)/: rebuilt in memory and reloaded in the browser on every save.
serve: build
	$(RELEASE) serve $(CONTENT) --port $(PORT)

# Every test target (one per layer, docs/architecture.md "Tests"): unit, golden and end-to-end
# (headless Chromium) tests, then validate the shipped content. .ci/check-imports first: each
# target imports only what Package.swift lets it depend on; .ci/check-api after the build: the
# library's public API is the one recorded in docs/api.txt (`make api` re-records it).
#
# The server and browser tests run on their own after the rest: they need Swift's cooperative
# thread pool (FlyingFox, WebSockets), which on two cores long synchronous tests (the SIGKILL
# rebuild, the YAML limits) can hold for over a minute, and a server not listening within its
# 60 s timeout is a failure that says nothing about the code.
SERVER_TESTS = RoleBookServeTests|RoleBookEndToEndTests
test: test-deps
	.ci/check-imports
	$(SWIFT) build --build-tests
	.ci/check-api
	$(SWIFT) test --skip-build --skip '$(SERVER_TESTS)'
	$(SWIFT) test --skip-build --filter '$(SERVER_TESTS)'
	$(MAKE) --no-print-directory check

# Re-record docs/api.txt, the library's public API (.ci/check-api; after narrowing or widening it on purpose).
api:
	$(SWIFT) build
	RECORD_SNAPSHOTS=1 .ci/check-api

# rolebook vs Hugo vs the cmark floor on synthetic content; rewrites the figures in docs/benchmarks.md.
BENCH_SIZES ?= 1000,10000,50000
bench: bench-deps
	$(SWIFT) build -c release --product rolebook
	$(SWIFT) build -c release --product rolebook-bench
	.build/release/rolebook-bench --sizes $(BENCH_SIZES) --runs 5 --out docs/benchmarks.md
	.build/release/rolebook-bench quality --roles 10000 --out docs/benchmarks.md

# Only the search-quality section of docs/benchmarks.md (recall and false hits per query beside Pagefind's,
# first-query time and transfer in headless Chromium; needs node, chromium, Pagefind from PyPI).
bench-quality: test-deps
	@python3 -c "import pagefind" 2>/dev/null || python3 -m pip install -q 'pagefind[extended]' || echo "warning: Pagefind not installed; its columns stay empty"
	$(SWIFT) build -c release --product rolebook
	$(SWIFT) build -c release --product rolebook-bench
	.build/release/rolebook-bench quality --roles 10000 --out docs/benchmarks.md

# libFuzzer over one content file through parsing, validation and rendering (Sources/rolebook-fuzz,
# docs/robustness.md). FUZZ_SANITIZE=fuzzer,address adds AddressSanitizer (about a third of the
# speed); each set builds in its own folder under .build-fuzz. The corpus grows in
# .build-fuzz/corpus, seeded from content/, the test fixtures and Fixtures/fuzz (a seed's first
# byte names its folder: r, d or p); crashes, timeouts (1 s) and inputs above FUZZ_RSS_MB land in
# .build-fuzz/artifacts. FUZZ_RUNS=-1 and FUZZ_TIME=0 mean no limit.
FUZZ_RUNS     ?= 1000000
FUZZ_TIME     ?= 0
FUZZ_MAX_LEN  ?= 4096
FUZZ_RSS_MB   ?= 1024
FUZZ_SANITIZE ?= fuzzer
FUZZ_DIR      = .build-fuzz
# Fixture trees of the test targets (seeds), and the fuzzer's regression inputs (FuzzRegressionTests).
FUZZ_FIXTURES = Tests/RoleBookParsingTests/Fixtures Tests/RoleBookBuildTests/Fixtures Tests/RoleBookEndToEndTests/Fixtures
FUZZ_REGRESSIONS = Tests/RoleBookBuildTests/Fixtures/fuzz
FUZZ_BUILD    = $(FUZZ_DIR)/$(FUZZ_SANITIZE)
fuzz: deps
	ROLEBOOK_FUZZ=$(FUZZ_SANITIZE) $(SWIFT) build -c release --product rolebook-fuzz --scratch-path $(FUZZ_BUILD)
	@rm -rf $(FUZZ_DIR)/seeds && mkdir -p $(FUZZ_DIR)/seeds $(FUZZ_DIR)/corpus $(FUZZ_DIR)/artifacts
	@find $(CONTENT) $(FUZZ_FIXTURES) -name '*.md' | while read -r f; do \
	  case "$$f" in */departments/*) k=d;; */procedures/*) k=p;; *) k=r;; esac; \
	  { printf '%s' "$$k"; cat "$$f"; } > "$(FUZZ_DIR)/seeds/$$(echo "$$f" | tr / _)"; done
	@cp $(FUZZ_REGRESSIONS)/* $(FUZZ_DIR)/seeds/
	@echo "seeds: $$(ls $(FUZZ_DIR)/seeds | wc -l) files"
	# LeakSanitizer (with address) is off: Swift keeps enum tags in spare pointer bits, so live objects look leaked.
	ASAN_OPTIONS=detect_leaks=0 $(FUZZ_BUILD)/release/rolebook-fuzz $(FUZZ_DIR)/corpus $(FUZZ_DIR)/seeds \
	  -dict=Sources/rolebook-fuzz/rolebook.dict -runs=$(FUZZ_RUNS) -max_total_time=$(FUZZ_TIME) -max_len=$(FUZZ_MAX_LEN) \
	  -rss_limit_mb=$(FUZZ_RSS_MB) -timeout=1 -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/artifacts/

# Regenerate Sources/RoleBookModel/Text/CJKTables.swift from Foundation's ICU.
tables:
	$(SWIFT) build -c release --product rolebook-tables
	.build/release/rolebook-tables Sources/RoleBookModel/Text/CJKTables.swift

clean:
	rm -rf .build .build-fuzz .rolebook-cache
