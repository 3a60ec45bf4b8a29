#!/usr/bin/env bash
# The whole suite: lint, migrations check, the tests on SQLite and (where the
# binaries are installed) on a throwaway PostgreSQL cluster, browser tests
# where Chromium is installed. Ends with a summary of what ran, what was
# skipped and why. Never skips silently.
set -uo pipefail
cd "$(dirname "$0")/.."
VENV=.venv
export PYTHONDONTWRITEBYTECODE=1
summary=()
failed=0
start=$(date +%s)

step() {  # step NAME COMMAND...
  local name=$1; shift
  echo
  echo "=== $name"
  local t0=$(date +%s)
  if "$@"; then
    summary+=("ran      $name ($(( $(date +%s) - t0 )) s)")
  else
    summary+=("FAILED   $name ($(( $(date +%s) - t0 )) s)")
    failed=1
  fi
}

skip() { summary+=("skipped  $1: $2"); echo; echo "=== $1: skipped: $2"; }

pytest_on() {  # pytest_on DB
  BROBYGGER_TEST_DB=$1 $VENV/bin/pytest -p no:logging -q -rs --junitxml="var/test-$1.xml" "${@:2}"
  local rc=$?
  [ $rc -eq 5 ] && { echo "pytest collected no tests on $1"; return 1; }
  return $rc
}

mkdir -p var
step "lint (ruff check)" $VENV/bin/ruff check .
step "lint (ruff format --check)" $VENV/bin/ruff format --check .
step "import contract (lint-imports: the floors of docs/architecture.md)" $VENV/bin/lint-imports
step "types (mypy with django-stubs)" env BROBYGGER_INSECURE_DEV_KEY=1 $VENV/bin/mypy
step "templates (djLint)" $VENV/bin/djlint brobygger/templates --lint
step "migrations are up to date" env BROBYGGER_INSECURE_DEV_KEY=1 $VENV/bin/python manage.py makemigrations --check --dry-run

if ! browser_reason=$($VENV/bin/python -c "from tests.chromium import chromium_missing_reason as r; print(r() or '')"); then
  summary+=("FAILED   asking whether Chromium is there (tests/chromium.py)")
  failed=1
elif [ -n "$browser_reason" ]; then
  skip "browser tests (both databases)" "$browser_reason"
fi

# An independent verifier for the learning certificates (Digital Bazaar's vc, from npm).
if command -v node >/dev/null && command -v npm >/dev/null; then
  step "independent credential verifier (npm ci in tests/interop)" npm ci --prefix tests/interop --no-audit --no-fund --silent
else
  skip "independent credential verifier" "Node.js and npm are not installed (apt-get install npm)"
fi

step "tests on SQLite" pytest_on sqlite

pg_bindir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -n "${BROBYGGER_PG_BINDIR:-}" ] || [ -n "$pg_bindir" ]; then
  step "tests on PostgreSQL ($(basename "$(dirname "${BROBYGGER_PG_BINDIR:-$pg_bindir}")"))" pytest_on postgresql
else
  skip "tests on PostgreSQL" "no PostgreSQL server binaries under /usr/lib/postgresql (apt-get install postgresql)"
fi

# What pytest itself skipped, with the reasons, from the JUnit reports.
$VENV/bin/python scripts/junit_summary.py var/test-*.xml

echo
echo "=== summary ($(( $(date +%s) - start )) s)"
printf '  %s\n' "${summary[@]}"
exit $failed
