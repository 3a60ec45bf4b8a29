"""Print the counts and every skip reason from pytest's JUnit XML reports."""

import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

BROWSER_MODULES = ("test_browser", "test_accessibility")

for path in sys.argv[1:]:
    if not Path(path).exists():
        continue
    suite = ET.parse(path).getroot().find("testsuite")
    reasons = Counter()
    browser = [c for c in suite.iter("testcase") if any(m in c.get("classname", "") for m in BROWSER_MODULES)]
    browser_ran = [c for c in browser if c.find("skipped") is None]
    for case in suite.iter("testcase"):
        skipped = case.find("skipped")
        if skipped is not None:
            reasons[skipped.get("message", "").replace("\n", " ")] += 1
    counts = {k: int(suite.get(k, 0)) for k in ("tests", "failures", "errors", "skipped")}
    print(
        f"\n{Path(path).stem}: {counts['tests']} tests, {counts['failures']} failures, "
        f"{counts['errors']} errors, {counts['skipped']} skipped"
    )
    print(f"  browser tests in Chromium: {len(browser_ran)} ran of {len(browser)}")
    for reason, n in reasons.most_common():
        print(f"  skipped {n}: {reason}")
