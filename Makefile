# Wegwijs in Hilversum. Every target creates .venv and installs into it what that target
# needs, from the hash-locked files in requirements/ (see pyproject.toml for the groups):
#   build, serve, bench, deploy -> requirements/build.txt
#   check                       -> requirements/check.txt (build + the checks' packages)
#   test, bench-web             -> requirements/test.txt (+ Debian packages and npm)
# A full build (build, bench, deploy, links) also needs Node.js and the npm packages
# (package.json: PurgeCSS removes Material's unused CSS rules); the preview (serve) does not.
# A stamp per group re-installs only when its lock or pyproject.toml is newer.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python

BUILD_STAMP := $(VENV)/.installed-build
CHECK_STAMP := $(VENV)/.installed-check
TEST_STAMP  := $(VENV)/.installed
DEV_STAMP   := $(VENV)/.installed-dev
# pytest-xdist workers for make test / test-fast (e.g. PYTEST_JOBS="-n 2"); see README.
PYTEST_JOBS ?= -n 2


.PHONY: serve serve-all bench-preview translations translations-diff mark-done new b1 links rules media-check build test test-fast test-stress test-a11y check lint-js bench bench-web system-deps clean deploy lock

$(VENV)/pyvenv.cfg:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed" or 0)'
	$(PYTHON) -m venv $(VENV)

# Every package comes from the lock with its hash; --no-deps: the lock already holds
# every transitive one. Then this project itself, editable (so `tools` is importable and
# its MkDocs plugin entry point registered), built with the locked setuptools.
define install_lock
	$(PY) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $<
	$(PY) -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $@
endef

$(BUILD_STAMP): requirements/build.txt pyproject.toml | $(VENV)/pyvenv.cfg
	$(install_lock)

$(CHECK_STAMP): requirements/check.txt pyproject.toml | $(VENV)/pyvenv.cfg
	$(install_lock)

$(TEST_STAMP): requirements/test.txt pyproject.toml | $(VENV)/pyvenv.cfg
	$(install_lock)

$(DEV_STAMP): requirements/dev.txt pyproject.toml | $(VENV)/pyvenv.cfg
	$(install_lock)

# npm packages, pinned in package-lock.json: PurgeCSS for the build, and the quality gates
# (ESLint, axe-core, Lighthouse). --ignore-scripts: nothing may download a browser;
# Lighthouse uses Debian's Chromium. Node.js itself comes from the system (make system-deps
# on Debian); without it this stops with what to install.
NODE_STAMP := node_modules/.package-lock.json
NODE_MISSING := Node.js 20.19 or newer with npm is needed (PurgeCSS for the build; ESLint, axe-core and Lighthouse for the tests): run \`make system-deps\` (Debian: nodejs, npm) or install it from https://nodejs.org/
$(NODE_STAMP): package-lock.json
	@command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || { echo "make: $(NODE_MISSING)" >&2; exit 1; }
	@node -e 'const [a, b] = process.versions.node.split(".").map(Number); process.exit(a > 20 || (a === 20 && b >= 19) ? 0 : 1)' \
	  || { echo "make: Node.js $$(node --version) is too old. $(NODE_MISSING)" >&2; exit 1; }
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

# The language of `make serve` (LANG=ar on the command line; the environment's LANG,
# the locale, is not meant): Dutch unless given.
SERVE_LANG := $(if $(filter command line,$(origin LANG)),$(LANG),nl)

## serve: fast preview of one language (Dutch; make serve LANG=ar) on http://127.0.0.1:8000/,
## with the checks of each saved page in the terminal and on the page (Material's CSS
## is not purged in the preview: no Node.js needed)
serve: $(CHECK_STAMP)
	@env LANG=C.UTF-8 $(PY) -m tools.dev.serve --lang $(SERVE_LANG)

## serve-all: preview every language, as the published site (slower on each save)
serve-all: $(CHECK_STAMP)
	@env LANG=C.UTF-8 $(PY) -m tools.dev.serve --all

## bench-preview: seconds from saving a Dutch thema page to the reloaded page, all languages vs one
bench-preview: $(CHECK_STAMP)
	$(PY) -m tools.dev.bench_preview

## build: build the site into site/ (fails on any warning; needs Node.js for PurgeCSS)
build: $(BUILD_STAMP) $(NODE_STAMP)
	$(PY) -m mkdocs build --strict --site-dir site

## check: run every content check (B1, translations, media, links and anchors);
## make check FILES="docs/thema/wonen.md" for some files, CHANGED=1 for the files changed
## in git, STRICT=1 for a release (every missing or outdated translation is an error),
## FORMAT=github|gitlab|json for CI
check: $(CHECK_STAMP)
	@$(PY) -m tools check $(if $(CHANGED),--changed) $(if $(STRICT),--strict) \
	  $(if $(FORMAT),--format $(FORMAT)) $(FILES) || { status=$$?; \
	  echo "make check: content errors (see above); make itself reports this as 'Error $$status'" >&2; \
	  exit $$status; }

## translations: which translations are missing or outdated (STRICT=1: errors, for a release)
translations: $(CHECK_STAMP)
	$(PY) -m tools translations $(if $(STRICT),--strict)

## translations-diff: what changed in the Dutch pages since each translation was made
translations-diff: $(CHECK_STAMP)
	$(PY) -m tools translations --diff

## mark-done: record that translations match their Dutch page, make mark-done FILES=docs/thema/wonen.en.md
mark-done: $(CHECK_STAMP)
	@test -n "$(FILES)" || { echo "give the translations: make mark-done FILES=docs/thema/wonen.en.md" >&2; exit 2; }
	$(PY) -m tools translations --mark-done $(FILES)

## new: start a page from a template, make new TYPE=thema NAME=vervoer (TYPE: thema, fase, workshop)
new: $(CHECK_STAMP)
	@test -n "$(TYPE)" -a -n "$(NAME)" || { echo "give type and name: make new TYPE=thema NAME=vervoer" >&2; exit 2; }
	$(PY) -m tools new $(TYPE) $(NAME)

## b1: B1 readability of some files, make b1 FILES=docs/thema/wonen.md
b1: $(CHECK_STAMP)
	$(PY) -m tools b1 $(or $(FILES),docs)

## links: build the site and check every link, anchor and released address
links: $(CHECK_STAMP) $(NODE_STAMP)
	$(PY) -m tools links

## media-check: check the videos in media/ (subtitles, audio, descriptions)
media-check: $(CHECK_STAMP)
	$(PY) -m tools media

## rules: list every rule the checks report, with its fix
rules: $(CHECK_STAMP)
	$(PY) -m tools rules

## lint-js: check the site's JavaScript with ESLint (config: eslint.config.js)
lint-js: $(NODE_STAMP)
	npm run --silent lint

## system-deps: Debian packages the tests need (Chromium, ffmpeg, espeak-ng, nginx)
system-deps:
	sh tools/dev/install-system-deps.sh

## test: install everything (incl. the browser) and run every test
test: $(TEST_STAMP) system-deps $(NODE_STAMP) lint-js
	$(PY) -m pytest $(PYTEST_JOBS)

## test-fast: every test except the browser tests (unit, build, content)
test-fast: $(TEST_STAMP) system-deps $(NODE_STAMP)
	$(PY) -m pytest $(PYTEST_JOBS) -m "not browser"

## test-stress: the browser tests three times in a row while a busy loop keeps one core busy
test-stress: $(TEST_STAMP) system-deps $(NODE_STAMP)
	@sh -c 'while :; do :; done' & busy=$$!; \
	trap 'kill $$busy' EXIT INT TERM; \
	for run in 1 2 3; do \
	  echo "test-stress: browser tests, run $$run of 3, one core kept busy (pid $$busy)"; \
	  $(PY) -m pytest $(PYTEST_JOBS) -m browser || exit 1; \
	done

## test-a11y: axe on every page of every language at 360x640 AND 1280x800 (make test checks
## every page at 360x640 and the first page of each section at 1280x800)
test-a11y: $(TEST_STAMP) system-deps $(NODE_STAMP)
	WEGWIJS_AXE_ALL_SIZES=1 $(PY) -m pytest $(PYTEST_JOBS) tests/browser/test_accessibility_browser.py -k axe_every_page

## bench: build-speed and size benchmark against plain Material + static-i18n
bench: $(BUILD_STAMP) $(NODE_STAMP)
	$(PY) -m tools bench

## bench-web: page weight and request budgets in Chromium on a phone viewport
bench-web: $(TEST_STAMP) system-deps $(NODE_STAMP)
	$(PY) -m tools bench-web

## deploy: build and publish site/ with rsync, e.g. make deploy DEPLOY_TO=user@host:/var/www/wegwijs/
deploy:
	@test -n "$(DEPLOY_TO)" || { echo "set DEPLOY_TO, e.g. make deploy DEPLOY_TO=user@host:/var/www/wegwijs/" >&2; exit 2; }
	$(MAKE) build
	rsync -rtz --delete --delay-updates --chmod=D755,F644 site/ "$(DEPLOY_TO)"

## lock: re-resolve requirements/*.txt from pyproject.toml (after changing a dependency there);
## existing pins are kept: `make lock LOCK_ARGS=--upgrade` moves every transitive pin to the
## newest release. dev.txt (every group) is resolved first and constrains the others, so a
## package has the same version in every lock. Only PyPI is asked (local pip config ignored).
PIP_COMPILE := env -u PIP_FIND_LINKS -u PIP_EXTRA_INDEX_URL -u PIP_INDEX_URL -u PIP_CONSTRAINT \
	PIP_CONFIG_FILE=/dev/null CUSTOM_COMPILE_COMMAND="make lock" \
	$(VENV)/bin/pip-compile --quiet --generate-hashes --allow-unsafe --strip-extras \
	--no-emit-index-url --no-emit-find-links --build-deps-for editable $(LOCK_ARGS)
lock: $(DEV_STAMP)
	$(PIP_COMPILE) --all-extras --output-file requirements/dev.txt pyproject.toml
	$(PIP_COMPILE) -c requirements/dev.txt --output-file requirements/build.txt pyproject.toml
	$(PIP_COMPILE) -c requirements/dev.txt --extra check --output-file requirements/check.txt pyproject.toml
	$(PIP_COMPILE) -c requirements/dev.txt --extra check --extra test --output-file requirements/test.txt pyproject.toml

clean:
	rm -rf site $(VENV)
