"""The journeys of six roles for bench/bench_pages.py: each simulated user is one person with a
logged-in session, opening the pages of their working day one after another.

The plan (sessions and pages per role) comes in the file named by BENCH_PLAN. A page is counted
whole, as the browser ends up showing it: the page, then every part it loads after itself
(brobygger.core.parts), asked for as htmx asks. For each visit the server times (the answers'
Server-Timing headers) of all its requests are added up and appended to BENCH_TIMINGS as
`page<TAB>status<TAB>ms<TAB>requests`; the status is the first that was not 200, if any.
"""

import html
import itertools
import json
import os
import re
from pathlib import Path

from locust import HttpUser, constant, events, task

PLAN = json.loads(Path(os.environ["BENCH_PLAN"]).read_text())
TIMINGS = open(os.environ["BENCH_TIMINGS"], "a", buffering=1)  # noqa: SIM115 - open for the whole run
SERVER_TIME = re.compile(r"app;dur=([\d.]+)")
PART = re.compile(r'data-part="([^"]+)"')  # a part the page loads after itself (brobygger.core.parts)
PEOPLE = itertools.cycle(PLAN["people"])


@events.quitting.add_listener
def _close(environment, **kwargs):
    TIMINGS.close()


class Person(HttpUser):
    wait_time = constant(0)

    def on_start(self):
        person = next(PEOPLE)
        self.role, self.pages = person["role"], person["pages"]
        self.client.cookies.set(PLAN["cookie_name"], person["session"])

    @task
    def working_day(self):
        for name, url in [("floor", PLAN["floor"]), *self.pages.items()]:
            status, ms, page = self._get(name, url)
            answers = [(status, ms)]
            # As the browser does: each part of the page is asked for as soon as the page is shown.
            for part_url in PART.findall(page):
                status, ms, _part = self._get(f"{name} (part)", html.unescape(part_url), part=True)
                answers.append((status, ms))
            failed = next((status for status, ms in answers if status != 200 or ms is None), 200)
            whole = sum(ms for _status, ms in answers if ms is not None)
            TIMINGS.write(f"{name}\t{failed}\t{whole:.1f}\t{len(answers)}\n")

    def _get(self, name, url, part=False):
        headers = {"HX-Request": "true"} if part else {}
        with self.client.get(url, name=name, headers=headers, catch_response=True, allow_redirects=False) as response:
            match = SERVER_TIME.search(response.headers.get("Server-Timing", ""))
            if response.status_code != 200 or match is None:
                response.failure(f"{self.role} {url}: {response.status_code}")
            return response.status_code, float(match.group(1)) if match else None, response.text
