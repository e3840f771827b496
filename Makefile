# Haven: `make run` serves the demo, `make test` runs the whole suite.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
FRONTEND := build/frontend
CHILDREN ?= 200
SEED ?= 1
# `make bench` builds (once, then cached under var/bench/) an authority of
# CHILDREN children over YEARS years: 1000 unless CHILDREN is given, so that
# `make bench CHILDREN=20000` measures a large authority.
BENCH_CHILDREN := $(if $(filter command line environment,$(origin CHILDREN)),$(CHILDREN),1000)
YEARS ?= 5

.PHONY: run test install validators system-packages assets lint typecheck test-sqlite test-postgres test-browser test-sqlite-then-browser bench bench-install bench-load clean

## Install ----------------------------------------------------------------------

$(VENV)/.installed: requirements.lock pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.lock
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

# GOV.UK Frontend, MOJ Frontend and htmx from npm, laid out for Django's static files.
$(FRONTEND)/.built: node_modules/.installed
	rm -rf $(FRONTEND) && mkdir -p $(FRONTEND)/govuk $(FRONTEND)/moj $(FRONTEND)/htmx
	cp -r node_modules/govuk-frontend/dist/govuk/assets/. $(FRONTEND)/
	cp -rn node_modules/@ministryofjustice/frontend/moj/assets/. $(FRONTEND)/
	cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.{css,js} $(FRONTEND)/govuk/
	cp node_modules/@ministryofjustice/frontend/moj/moj-frontend.min.{css,js} $(FRONTEND)/moj/
	cp node_modules/htmx.org/dist/htmx.min.js $(FRONTEND)/htmx/
	touch $@

# Debian packages the suite needs: chromium for browser tests, PostgreSQL's server
# binaries for the throwaway test cluster, and the Pango and HarfBuzz libraries
# (with a font) that WeasyPrint draws documents' PDFs with. Installed only when
# missing.
WEASYPRINT_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
system-packages:
	@missing=""; \
	test -x /usr/bin/chromium || missing="$$missing chromium"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	for package in $(WEASYPRINT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$package 2>/dev/null | grep -q "ok installed" || missing="$$missing $$package"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing Debian packages:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

install: $(VENV)/.installed $(FRONTEND)/.built

# The public DfE validators in a virtual environment of their own (they pin
# pandas < 2), under HAVEN_VALIDATORS_DIR. Made on first use anyway (the test
# suite makes it when a test needs it): this makes it ahead.
validators: install
	$(PY) -m haven.returns.validators.env

assets: install
	$(PY) manage.py collectstatic --noinput --verbosity 0

## Run the demo -----------------------------------------------------------------

# The demo authority's area (Kirklees, haven/care/demo_places.py), so its
# board shows children placed in and out of area; a council sets its own.
run: export HAVEN_AREA_CODES ?= E08000034
run: assets
	mkdir -p var
	HAVEN_HTTPS=false HAVEN_REQUIRE_MFA=false $(PY) manage.py migrate --noinput
	HAVEN_HTTPS=false HAVEN_REQUIRE_MFA=false $(PY) manage.py seed_demo --if-empty --children $(CHILDREN) --seed $(SEED)
	@echo "Haven is at http://127.0.0.1:8000 (Ctrl-C stops it)"
	HAVEN_HTTPS=false HAVEN_REQUIRE_MFA=false HAVEN_NOTIFY_BY_EMAIL=true HAVEN_EMAIL_BACKEND=django.core.mail.backends.console.EmailBackend HAVEN_SITE_URL=http://127.0.0.1:8000 $(VENV)/bin/gunicorn haven.wsgi --bind 127.0.0.1:8000 --workers 2 --access-logfile -

## Test -------------------------------------------------------------------------

# The suites are independent (SQLite in memory, PostgreSQL in its own throwaway
# cluster, the browser's live server on SQLite), so they run in two lanes on the
# two cores: PostgreSQL, the longest, in one; SQLite then the browser in the
# other. Each suite's output is printed whole when it ends.
test: install system-packages lint typecheck
	$(MAKE) --no-print-directory -j2 --output-sync=target test-postgres test-sqlite-then-browser

test-sqlite-then-browser: install system-packages
	$(MAKE) --no-print-directory test-sqlite
	$(MAKE) --no-print-directory test-browser

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

typecheck: install
	$(VENV)/bin/mypy haven

test-sqlite: install
	@echo "== Tests on SQLite =="
	$(VENV)/bin/pytest -m "not browser" -q

test-postgres: install system-packages
	@echo "== Tests on PostgreSQL (a throwaway cluster) =="
	$(PY) -m tests.pgcluster $(VENV)/bin/pytest -m "not browser" -q

test-browser: install system-packages
	@echo "== Browser tests (Debian's chromium, headless) =="
	$(VENV)/bin/pytest -m browser -q

# Every step runs and prints its figures even if one before it is over budget
# (or fails); the target fails at the end if any did.
BENCH_FAILED := var/bench/failed
BENCH_ARGS = --children $(BENCH_CHILDREN) --years $(YEARS) --seed $(SEED)
bench: install system-packages bench-install
	mkdir -p var/bench && rm -f $(BENCH_FAILED)
	$(PY) -m bench.run --database sqlite $(BENCH_ARGS) || touch $(BENCH_FAILED)
	$(PY) -m bench.run --database postgres $(BENCH_ARGS) || touch $(BENCH_FAILED)
	$(PY) -m bench.sign_in || touch $(BENCH_FAILED)
	$(PY) -m bench.load --database sqlite --children $(BENCH_CHILDREN) --years $(YEARS) --seed $(SEED) $(LOAD_ARGS) || touch $(BENCH_FAILED)
	@if test -e $(BENCH_FAILED); then echo "make bench: a figure is over its budget (or a step failed): see above"; rm -f $(BENCH_FAILED); exit 1; fi

# The load test's tool (locust), pinned apart from the app's lock and compiled
# against it, so installing it changes none of the app's packages.
$(VENV)/.bench-installed: bench/requirements.lock $(VENV)/.installed
	$(PY) -m pip install --quiet -r bench/requirements.lock
	touch $@

bench-install: $(VENV)/.bench-installed

# The highest request rate with p95 under 500 ms and no errors, gunicorn on two
# cores, a working day's reads and writes (bench/load/). LOAD_ARGS passes more,
# e.g. LOAD_ARGS="--step-seconds 15" for a shorter run.
bench-load: bench-install
	$(PY) -m bench.load --database sqlite --children $(BENCH_CHILDREN) --years $(YEARS) --seed $(SEED) $(LOAD_ARGS)

clean:
	rm -rf $(VENV) node_modules build var/static
