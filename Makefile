# Wegwijs in Hilversum: every target creates .venv and installs the pinned
# dependencies into it when it is missing or older than requirements.txt.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
# pytest-xdist workers for make test / test-fast (e.g. PYTEST_JOBS="-n 2"); see README.
PYTEST_JOBS ?=

.PHONY: serve build test test-fast test-stress check bench bench-web system-deps clean deploy

$(STAMP): requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed" or 0)'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $(STAMP)

# npm packages for the browser gates (axe-core, Lighthouse), pinned in package-lock.json.
# --ignore-scripts: nothing may download a browser; Lighthouse uses Debian's Chromium.
NODE_STAMP := node_modules/.package-lock.json
$(NODE_STAMP): package-lock.json | system-deps
	npm ci --ignore-scripts --no-audit --no-fund
	touch $(NODE_STAMP)

## serve: build the site and serve it with live reload on http://127.0.0.1:8000/
serve: $(STAMP)
	$(PY) -m mkdocs serve --livereload

## build: build the site into site/ (fails on any warning)
build: $(STAMP)
	$(PY) -m mkdocs build --strict --site-dir site

## check: run every content check (B1, translations, media, links)
check: $(STAMP)
	$(PY) -m tools check

## system-deps: Debian packages the tests need (Chromium, ffmpeg, espeak-ng, nginx)
system-deps:
	sh tools/install-system-deps.sh

## test: install everything (incl. the browser) and run every test
test: $(STAMP) system-deps $(NODE_STAMP)
	$(PY) -m pytest $(PYTEST_JOBS)

## test-fast: every test except the browser tests (unit, build, content)
test-fast: $(STAMP) system-deps
	$(PY) -m pytest $(PYTEST_JOBS) -m "not browser"

## test-stress: the browser tests three times in a row while a busy loop keeps one core busy
test-stress: $(STAMP) system-deps $(NODE_STAMP)
	@sh -c 'while :; do :; done' & busy=$$!; \
	trap 'kill $$busy' EXIT INT TERM; \
	for run in 1 2 3; do \
	  echo "test-stress: browser tests, run $$run of 3, one core kept busy (pid $$busy)"; \
	  $(PY) -m pytest $(PYTEST_JOBS) -m browser || exit 1; \
	done

## bench: build-speed and size benchmark against plain Material + static-i18n
bench: $(STAMP)
	$(PY) -m tools bench

## bench-web: page weight and request budgets in Chromium on a phone viewport
bench-web: $(STAMP) system-deps $(NODE_STAMP)
	$(PY) -m tools bench-web

## deploy: build and publish site/ with rsync, e.g. make deploy DEPLOY_TO=user@host:/var/www/wegwijs/
deploy:
	@test -n "$(DEPLOY_TO)" || { echo "set DEPLOY_TO, e.g. make deploy DEPLOY_TO=user@host:/var/www/wegwijs/" >&2; exit 2; }
	$(MAKE) build
	rsync -rtz --delete --delay-updates --chmod=D755,F644 site/ "$(DEPLOY_TO)"

clean:
	rm -rf site $(VENV)
