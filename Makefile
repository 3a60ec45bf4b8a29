# Brobygger: `make demo` and `make test` do all set-up on a fresh Debian machine with Python 3.11.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
# The demo's own address is its public URL too: certificates, invitations and printed logins name it.
DEV_ENV := BROBYGGER_DEBUG=1 BROBYGGER_PUBLIC_URL=http://$(HOST):$(PORT)

.PHONY: demo test lint messages serve install bench drill clean screenshots

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

brobygger/static/vendor/.installed: package.json package-lock.json
	@command -v npm >/dev/null || { echo "npm is needed for the front-end files: apt-get install npm"; exit 1; }
	npm ci --no-audit --no-fund --silent
	mkdir -p brobygger/static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js brobygger/static/vendor/
	cp node_modules/htmx.org/LICENSE brobygger/static/vendor/htmx.LICENSE
	cp node_modules/chart.js/dist/chart.umd.min.js brobygger/static/vendor/chart.umd.min.js
	cp node_modules/chart.js/LICENSE.md brobygger/static/vendor/chart.js.LICENSE.md
	touch $@

install: $(VENV)/.installed brobygger/static/vendor/.installed
	$(PY) scripts/compile_messages.py

demo: install
	$(DEV_ENV) $(PY) manage.py migrate --no-input
	$(DEV_ENV) $(PY) manage.py seed_demo
	@echo "Serving on http://$(HOST):$(PORT)/ with a background worker for imports and reminders, restarted if it stops (Ctrl-C stops both)"
	( trap 'kill $$child 2>/dev/null; exit' TERM; \
	  while :; do $(DEV_ENV) $(PY) manage.py worker & child=$$!; wait $$child; \
	  echo "The background worker stopped; starting it again"; sleep 2; done ) & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	$(DEV_ENV) $(PY) manage.py runserver $(HOST):$(PORT)

test: install
	bash scripts/test.sh

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# Re-extract translatable strings after changing text (needs GNU gettext).
messages: $(VENV)/.installed
	$(DEV_ENV) $(PY) manage.py makemessages -l da -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests --ignore=var
	$(PY) scripts/compile_messages.py

clean:
	rm -rf $(VENV) node_modules var brobygger/static/vendor db.sqlite3*

# Benchmarks (never part of `make test`): ONLY=<name> runs one, SCALE=small|municipal picks the data size.
$(VENV)/.bench-installed: requirements-bench.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-bench.txt
	touch $@

bench: install $(VENV)/.bench-installed
	ONLY=$(ONLY) SCALE=$(SCALE) $(PY) bench/run.py

# Fault drills on loopback (never part of `make test`): PostgreSQL stopped mid-write, an app worker killed
# mid-request, the background worker killed mid-import, a backup under load restored into a fresh cluster.
# SCALE=small (default) or municipal. Results in var/drill.json; exits non-zero when a drill fails.
drill: install
	SCALE=$(SCALE) $(PY) scripts/drill.py

# Screenshots of the main pages at 375 px and 1280 px into docs/screenshots/ (needs Chromium).
screenshots: install
	$(PY) scripts/screenshots.py
