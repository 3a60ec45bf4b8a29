"""`make bench`: run the benchmarks and print every figure as one table.

Each benchmark is a module bench/bench_<name>.py with `run(scale, db) -> dict`
of flat figures. It runs in a child process per database (SQLite always,
PostgreSQL when the binaries are installed), on a fresh throwaway database.
The figures are written to bench/results/<name>.json as flat JSON.

    make bench                      # every benchmark, SCALE=municipal
    make bench ONLY=pathway SCALE=small
    make bench ONLY=reviews,pathway
"""

import importlib
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
SCALES = ("small", "municipal")


def benchmarks():
    return sorted(p.stem.removeprefix("bench_") for p in (ROOT / "bench").glob("bench_*.py"))


def databases():
    sys.path.insert(0, str(ROOT))
    from tests.pgcluster import find_bindir

    return ["sqlite", "postgresql"] if find_bindir() else ["sqlite"]


def child(name, scale, db):
    """Runs inside the child process: set up Django on a fresh database, run, print JSON."""
    os.environ["BROBYGGER_TEST_DB"] = db
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.test.utils import setup_databases, setup_test_environment, teardown_databases

    module = importlib.import_module(f"bench.bench_{name}")
    if db not in getattr(module, "DATABASES", (db,)):
        print(f"BENCH-SKIP runs only on {', '.join(module.DATABASES)}")
        return
    setup_test_environment()
    old = setup_databases(verbosity=0, interactive=False)
    try:
        figures = module.run(scale=scale, db=db)
    finally:
        teardown_databases(old, verbosity=0)
    print("BENCH-RESULT " + json.dumps(figures))


def run_one(name, scale):
    results = {}
    for db in databases():
        started = time.monotonic()
        proc = subprocess.run(
            [sys.executable, __file__, "--child", name, scale, db],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        lines = proc.stdout.splitlines()
        skipped = next((ln for ln in lines if ln.startswith("BENCH-SKIP ")), None)
        if skipped:
            print(f"  {name} on {db}: skipped, {skipped.removeprefix('BENCH-SKIP ')}")
            continue
        line = next((ln for ln in lines if ln.startswith("BENCH-RESULT ")), None)
        if proc.returncode != 0 or line is None:
            sys.stderr.write(proc.stdout[-3000:] + proc.stderr[-3000:])
            raise SystemExit(f"benchmark {name} failed on {db}")
        results[db] = json.loads(line.removeprefix("BENCH-RESULT "))
        print(f"  {name} on {db}: {time.monotonic() - started:.1f} s")
    figures = {"scale": scale}
    for db, values in results.items():
        for key, value in values.items():
            figures[f"{key}_{db}" if len(results) > 1 else key] = value
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n")


def print_table():
    rows = []
    for path in sorted(RESULTS.glob("*.json")):
        for key, value in json.loads(path.read_text()).items():
            rows.append((path.stem, key, value))
    if not rows:
        print("no results yet")
        return
    width = max(len(f"{a}.{b}") for a, b, _ in rows)
    print(f"\n{'figure'.ljust(width)}  value")
    for name, key, value in rows:
        shown = f"{value:.1f}" if isinstance(value, float) else str(value)
        print(f"{f'{name}.{key}'.ljust(width)}  {shown}")


def main():
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        return child(*sys.argv[2:5])
    scale = os.environ.get("SCALE") or "municipal"
    if scale not in SCALES:
        raise SystemExit(f"SCALE must be one of {SCALES}")
    only = os.environ.get("ONLY")
    names = only.split(",") if only else benchmarks()
    unknown = set(names) - set(benchmarks())
    if unknown:
        raise SystemExit(f"unknown benchmark {sorted(unknown)}; there are {benchmarks()}")
    for name in names:
        print(f"running {name} (SCALE={scale})")
        run_one(name, scale)
    print_table()


if __name__ == "__main__":
    main()
