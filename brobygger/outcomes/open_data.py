"""Open outcome data: the anonymised figures of one organisation for one year
as flat rows (schema `OpenDataRelease.SCHEMA_VERSION`, documented on the
public schema page), and the files readers download."""

import csv
import io
from dataclasses import replace
from datetime import date

from brobygger.catalogue import selectors as catalogue_selectors

from .figures import Filters, compute, load
from .statistics import MIN_COMPARE, share, shown_count

MEASURES = (
    ("participants_current", "status", "Current participants on 31 December, by activity status"),
    ("participants_former", "status", "Former participants on 31 December, by activity status"),
    ("started", "", "Young people who started a pathway in the year"),
    ("reached_job_or_education", "", "Of those who started in the year: reached a job or an education"),
    ("median_days_to_job_or_education", "", "Kaplan-Meier median days from start (empty: not reached or n < 10)"),
    ("status_after_exit_6", "result", "Exits in the year: status 6 months after exit"),
    ("status_after_exit_12", "result", "Exits in the year: status 12 months after exit"),
    ("status_after_exit_18", "result", "Exits in the year: status 18 months after exit"),
    ("who5_n", "", "Young people with a first and a later WHO-5 answer"),
    ("who5_mean_change", "", "Mean change in WHO-5 (0-100) from the first to the latest answer"),
    ("who5_improved", "", "WHO-5 up by 10 points or more"),
    ("who5_crossed_50", "", "WHO-5 from 50 or under to over 50"),
    ("gse10_n", "", "Young people with a first and a later GSE-10 answer"),
    ("gse10_mean_change", "", "Mean change in GSE-10 (10-40)"),
)
CSV_COLUMNS = ("organisation", "initiative", "year", "measure", "category", "value")


def rows_for(organisation, initiatives, year, *, today):
    """Rows for the organisation as a whole and for each of its initiatives."""
    start, end = date(year, 1, 1), date(year, 12, 31)
    organisations = (str(organisation.pk),)
    data = load(organisations, start, end)
    base = Filters(organisations=organisations, start=start, end=end)
    groups = [("", base)] + [(i.slug, replace(base, initiative=str(i.pk))) for i in initiatives]
    rows = []
    for slug, filters in groups:
        figures = compute(filters, data, labels_for=lambda _dimension: {}, today=today, language="en")
        rows.extend({"initiative": slug, **row} for row in _figure_rows(figures))
    return rows


def _figure_rows(figures):
    snapshot = figures["snapshot"]
    for key, _label, cells, _total in snapshot.rows:
        yield {"measure": "participants_current", "category": key, "value": cells[0]}
        yield {"measure": "participants_former", "category": key, "value": cells[1]}
    time = figures["time"]
    yield {"measure": "started", "category": "", "value": time.table.grand_total}
    yield {"measure": "reached_job_or_education", "category": "", "value": time.table.rows[0][2][0]}
    yield {"measure": "median_days_to_job_or_education", "category": "", "value": time.median.days}
    sustained = figures["sustained"]
    for months, _label, cells, _total in sustained.rows:
        for result, value in zip(sustained.column_keys, cells, strict=True):
            yield {"measure": f"status_after_exit_{months}", "category": result, "value": value}
    for progress in figures["progress"]:
        change = progress.change
        yield {"measure": f"{progress.instrument}_n", "category": "", "value": shown_count(change.n)}
        yield {"measure": f"{progress.instrument}_mean_change", "category": "", "value": change.mean_change}
        if progress.instrument == "who5":
            yield {"measure": "who5_improved", "category": "", "value": change.improved}
            yield {"measure": "who5_crossed_50", "category": "", "value": change.crossed}


def as_json(release, *, schema_url):
    organisation = release.organisation
    return {
        "schema": schema_url,
        "schema_version": release.schema_version,
        "organisation": {
            "name": organisation.name,
            "slug": organisation.slug,
            "municipality": organisation.municipality,
        },
        "year": release.year,
        "published": release.published_at.date().isoformat(),
        "licence": "CC BY 4.0",
        "suppression": "Counts under 3 are null, and so is at least one more count on every line where one is.",
        "rows": [{"year": release.year, **row} for row in release.rows],
    }


def as_csv(release):
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    for row in release.rows:
        value = row["value"]
        writer.writerow(
            {
                **row,
                "organisation": release.organisation.slug,
                "year": release.year,
                "value": "" if value is None else value,
            }
        )
    return out.getvalue()


def side_by_side(releases):
    """The newest release of each organisation, one line per organisation and
    initiative, on the same measures. A line with fewer than MIN_COMPARE
    starters is listed without figures."""
    newest = {}
    for release in releases:
        newest.setdefault(release.organisation_id, release)
    names = catalogue_selectors.names_by_slug(newest)
    lines = []
    for release in newest.values():
        grouped = {}
        for row in release.rows:
            grouped.setdefault(row["initiative"], {})[(row["measure"], row["category"])] = row["value"]
        for slug, values in grouped.items():
            started = values.get(("started", ""))
            six = [values.get(("status_after_exit_6", r)) for r in ("positive", "other", "unknown", "not_recorded")]
            comparable = started is not None and started >= MIN_COMPARE
            lines.append(
                {
                    "organisation": release.organisation,
                    "initiative": names.get((release.organisation_id, slug), slug) if slug else "",
                    "initiative_slug": slug,
                    "year": release.year,
                    "release": release,
                    "comparable": comparable,
                    "started": started,
                    "reached": share(values.get(("reached_job_or_education", "")), started) if comparable else None,
                    "median_days": values.get(("median_days_to_job_or_education", "")) if comparable else None,
                    "six_months": share(six[0], sum(six)) if comparable and None not in six else None,
                    "who5_change": values.get(("who5_mean_change", "")) if comparable else None,
                }
            )
    return lines
