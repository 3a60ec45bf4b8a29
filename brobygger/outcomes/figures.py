"""The outcome figures: snapshot, flows, time to outcome, sustained
outcomes and well-being progress, for one or more organisations, filtered
by organisation, initiative, age band and gender.

The database gives one row per participant (and per status check and per
answer); everything else is counted in Python over those rows, so every
count of every figure goes through one protected cube
(`statistics.Cube`) and a view can never be differenced against another.
"""

import dataclasses
import hashlib
import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.core.cache import cache
from django.db import connection
from django.db.models import CharField, F, Min, Window
from django.db.models.functions import Cast, RowNumber
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from brobygger.core.dates import shown_date
from brobygger.core.routing import analytics_reads
from brobygger.followup.models import StatusCheck
from brobygger.pathways.models import Pathway, StatusCode, StatusEntry

from . import instruments, statistics
from .models import Response, Target

NOT_RECORDED = "not_recorded"
NOT_STARTED = "not_started"
NO_INITIATIVE = "none"
NOT_STATED = "not_stated"

AGE_BANDS = (
    ("under_18", _("Under 18")),
    ("18_24", _("18–24")),
    ("25_29", _("25–29")),
    ("30_plus", _("30 and over")),
)
FILTER_DIMENSIONS = ("organisation", "initiative", "age_band", "gender")
COMPARE_CHOICES = (
    ("organisation", _("Organisation")),
    ("initiative", _("Initiative")),
    ("age_band", _("Age")),
    ("gender", _("Gender")),
)
CHECK_MONTHS = (6, 12, 18)
KM_MONTHS = (1, 2, 3, 6, 9, 12, 18, 24)
CHECK_RESULTS = (
    ("positive", _("In job or education")),
    ("other", _("Other status")),
    ("unknown", _("Unknown")),
    ("not_recorded", _("Due, not recorded")),
    ("not_due", _("Not due yet")),
)


def age_band(birth_date, on):
    years = on.year - birth_date.year - ((on.month, on.day) < (birth_date.month, birth_date.day))
    if years < 18:
        return "under_18"
    if years < 25:
        return "18_24"
    if years < 30:
        return "25_29"
    return "30_plus"


@dataclass(frozen=True)
class Filters:
    organisations: tuple  # every organisation the reader may see figures of (ids)
    start: date
    end: date
    organisation: str | None = None
    initiative: str | None = None
    age_band: str | None = None
    gender: str | None = None
    compare_by: str | None = None

    def where(self):
        """The chosen filter values, as cube coordinates."""
        return {name: getattr(self, name) for name in FILTER_DIMENSIONS if getattr(self, name) not in (None, "")}

    def matches(self, dims):
        return all(dims[name] == value for name, value in self.where().items())


@dataclass
class Participant:
    young_person_id: object
    organisation: str
    initiative: str
    birth_date: date
    gender: str
    accepted_on: date
    ended_on: date | None

    def dims(self, on):
        return {
            "organisation": self.organisation,
            "initiative": self.initiative,
            "age_band": age_band(self.birth_date, on),
            "gender": self.gender,
        }

    def dim_values(self, on):
        # In FILTER_DIMENSIONS order; built directly, as it runs once per participant per figure.
        return (self.organisation, self.initiative, age_band(self.birth_date, on), self.gender)


def _scoped(model, organisations):
    return model.objects.with_scope(organisation=list(organisations))


def _as_text(field):
    # Ids come back as text, not UUID objects: building 50,000 UUIDs per
    # query was a third of the snapshot's time. The same cast everywhere keeps
    # the keys comparable between the figures' queries.
    return Cast(field, output_field=CharField())


def person_key(young_person_id):
    """The key the figures use for a young person (the database's text form of the id)."""
    return young_person_id.hex if connection.vendor == "sqlite" else str(young_person_id)


_ORGANISATION_IDS: dict[str, str] = {}


def _organisation_id(text):
    """The organisation's id as str(uuid), whichever text form the database returned."""
    if text not in _ORGANISATION_IDS:
        _ORGANISATION_IDS[text] = str(uuid.UUID(text))
    return _ORGANISATION_IDS[text]


def participants(organisations):
    """Everyone who said yes to a pathway in these organisations."""
    rows = (
        _scoped(Pathway, organisations)
        .filter(accepted_on__isnull=False)
        .annotate(yp=_as_text("young_person_id"), org=_as_text("organisation_id"))
        .values_list(
            "yp",
            "org",
            "initiative_id",
            "young_person__birth_date",
            "young_person__gender",
            "accepted_on",
            "ended_on",
        )
    )
    return [
        Participant(
            yp,
            _organisation_id(org),
            str(initiative) if initiative else NO_INITIATIVE,
            born,
            gender or NOT_STATED,
            start,
            end,
        )
        for yp, org, initiative, born, gender, start, end in rows.iterator(chunk_size=5000)
    ]


def statuses_on(organisations, day):
    """Each young person's activity status on a day: the entry valid from the
    latest date on or before it; of two entries from the same date, the one
    recorded last (a correction, or a back-dated change). One query with a
    window function, on both databases."""
    latest = Window(
        RowNumber(),
        partition_by=[F("young_person_id")],
        order_by=[F("valid_from").desc(), F("recorded_at").desc(), F("id").desc()],
    )
    rows = (
        _scoped(StatusEntry, organisations)
        .filter(valid_from__lte=day)
        .annotate(row=latest, yp=_as_text("young_person_id"))
        .filter(row=1)
        .values_list("yp", "activity_id")
    )
    codes = dict(StatusCode.objects.filter(axis=StatusCode.Axis.ACTIVITY).values_list("id", "code"))
    return {young_person: codes[activity] for young_person, activity in rows.iterator(chunk_size=10000)}


def first_outcomes(organisations):
    """The first day of a job or an education on or after each participant's start."""
    rows = (
        _scoped(StatusEntry, organisations)
        .filter(activity__positive_outcome=True, valid_from__gte=F("young_person__pathway__accepted_on"))
        .annotate(yp=_as_text("young_person_id"))
        .values("yp")
        .annotate(first=Min("valid_from"))
        .values_list("yp", "first")
    )
    return dict(rows)


def status_labels():
    codes = StatusCode.objects.filter(axis=StatusCode.Axis.ACTIVITY)
    labels = {code.code: code.label for code in codes}
    labels[NOT_RECORDED] = _("No status recorded")
    labels[NOT_STARTED] = _("Not started yet")
    return labels


def positive_codes():
    return set(
        StatusCode.objects.filter(axis=StatusCode.Axis.ACTIVITY, positive_outcome=True).values_list("code", flat=True)
    )


# --- the figures -------------------------------------------------------------


@dataclass
class Table:
    """Rows of protected counts: `rows` is [(key, label, [cells], total)], a cell None when hidden."""

    title: str
    columns: list
    column_keys: list = field(default_factory=list)
    rows: list = field(default_factory=list)
    totals: list = field(default_factory=list)
    grand_total: int | None = None


def _table(cube, filters, row_dim, col_dim, row_keys, col_keys, labels, col_labels, title):
    where = filters.where()
    table = Table(title=title, columns=[col_labels[key] for key in col_keys], column_keys=list(col_keys))
    for row in row_keys:
        cells = [cube.get(**where, **{row_dim: row, col_dim: col}) for col in col_keys]
        total = cube.get(**where, **{row_dim: row})
        if total == 0:
            continue
        table.rows.append((row, labels.get(row, row), cells, total))
    table.totals = [cube.get(**where, **{col_dim: col}) for col in col_keys]
    table.grand_total = cube.get(**where)
    return table


def snapshot(filters, people, statuses, labels):
    """Current and former participants by status on a day (filters.end)."""
    day = filters.end
    records = []
    for person in people:
        if person.accepted_on > day:
            continue
        current = "current" if person.ended_on is None or person.ended_on > day else "former"
        records.append((statuses.get(person.young_person_id, NOT_RECORDED), current, *person.dim_values(day)))
    cube = statistics.Cube(records, ("status", "current", *FILTER_DIMENSIONS))
    return _table(
        cube,
        filters,
        "status",
        "current",
        _ordered_statuses(labels),
        ["current", "former"],
        labels,
        {"current": _("Current participants"), "former": _("Former participants")},
        _("Status on %(day)s") % {"day": shown_date(day)},
    )


def _ordered_statuses(labels):
    return [code for code in labels if code not in (NOT_RECORDED, NOT_STARTED)] + [NOT_RECORDED]


def flows(filters, people, at_start, at_end, labels):
    """From each status at the start of the period to each status at its end."""
    records = []
    for person in people:
        if person.accepted_on > filters.end or (person.ended_on and person.ended_on < filters.start):
            continue
        before = at_start.get(person.young_person_id, NOT_STARTED)
        after = at_end.get(person.young_person_id, NOT_RECORDED)
        records.append((before, after, *person.dim_values(filters.end)))
    cube = statistics.Cube(records, ("before", "after", *FILTER_DIMENSIONS))
    present = set(cube.values("before")) | set(cube.values("after"))
    order = [NOT_STARTED, *_ordered_statuses(labels)]
    keys = [code for code in order if code in present]
    return _table(
        cube,
        filters,
        "before",
        "after",
        keys,
        [key for key in keys if key != NOT_STARTED],
        labels,
        labels,
        _("From %(start)s (rows) to %(end)s (columns)")
        % {"start": shown_date(filters.start), "end": shown_date(filters.end)},
    )


@dataclass
class TimeToOutcome:
    median: statistics.Median
    table: Table
    curve: list  # (months, share reached in %)


def time_to_outcome(filters, people, outcomes, today):
    """Median days from the start to the first job or education, for those who
    started in the period; those still on the way (or who left without one)
    count until then (Kaplan-Meier)."""
    horizon = min(filters.end, today)
    records, durations = [], []
    for person in people:
        if not (filters.start <= person.accepted_on <= filters.end):
            continue
        days, reached = _duration(person, outcomes.get(person.young_person_id), horizon)
        dims = person.dims(person.accepted_on)
        records.append(("reached" if reached else "on_the_way", *(dims[name] for name in FILTER_DIMENSIONS)))
        if filters.matches(dims):
            durations.append((days, reached))
    cube = statistics.Cube(records, ("result", *FILTER_DIMENSIONS))
    where = filters.where()
    table = Table(title=_("Started in the period"), columns=[_("Young people")], column_keys=["n"])
    for key, label in (("reached", _("Reached job or education")), ("on_the_way", _("Still on the way or left"))):
        table.rows.append((key, label, [cube.get(**where, result=key)], None))
    table.grand_total = cube.get(**where)
    median = statistics.km_median(durations)
    if median.n < statistics.MIN_STATISTIC:
        median = statistics.Median(None, median.n, 0)
    return TimeToOutcome(median, table, _km_curve(durations))


def _duration(person, reached_on, horizon):
    """(days, reached): from the yes to the first job or education, or, for
    someone still on the way or who left without one, until they left or the
    horizon (censored)."""
    if reached_on is not None and reached_on <= horizon:
        return (reached_on - person.accepted_on).days, True
    stop = min(d for d in (person.ended_on, horizon) if d is not None)
    return max((stop - person.accepted_on).days, 0), False


def _km_curve(durations):
    if len(durations) < statistics.MIN_STATISTIC:
        return []
    shares = statistics.km_reached_by(durations, [months * 30.44 for months in KM_MONTHS])
    return list(zip(KM_MONTHS, shares, strict=True))


def sustained(filters, people_by_id, checks, positive, today):
    """Status at +6, +12 and +18 months for those who left (exit) in the period.
    Unknown is shown as unknown; a check not yet due is not counted as anything."""
    records = []
    for young_person_id, months, exit_on, due_on, done_on, status, unknown in checks:
        person = people_by_id.get(young_person_id)
        if person is None or not (filters.start <= exit_on <= filters.end):
            continue
        if done_on is not None and unknown:
            result = "unknown"
        elif done_on is not None:
            result = "positive" if status in positive else "other"
        elif due_on <= today:
            result = "not_recorded"
        else:
            result = "not_due"
        records.append((months, result, *person.dim_values(exit_on)))
    cube = statistics.Cube(records, ("months", "result", *FILTER_DIMENSIONS))
    labels = {months: _("+%(n)d months") % {"n": months} for months in CHECK_MONTHS}
    return _table(
        cube,
        filters,
        "months",
        "result",
        list(CHECK_MONTHS),
        [key for key, _label in CHECK_RESULTS],
        labels,
        dict(CHECK_RESULTS),
        _("Status after exit, for exits in the period"),
    )


def status_checks(organisations):
    return list(
        _scoped(StatusCheck, organisations)
        .annotate(yp=_as_text("young_person_id"))
        .values_list("yp", "months_after", "plan__exit_on", "due_on", "done_on", "status__code", "unknown")
    )


@dataclass
class Progress:
    instrument: str
    title: str
    change: statistics.Change
    important: float | None
    line: float | None


def answers_until(organisations, day):
    """(young person, instrument, score) in the order answered, up to a day."""
    return list(
        _scoped(Response, organisations)
        .filter(instrument__in=("who5", "gse10"), answered_at__date__lte=day, score__isnull=False)
        .order_by("answered_at", "id")
        .annotate(yp=_as_text("young_person_id"))
        .values_list("yp", "instrument", "score", "answered_at")
    )


def progress(filters, people_by_id, answers, language):
    """First answer ever against the latest one in the period, per young person."""
    first, latest = {}, {}
    for young_person_id, instrument, score, answered_at in answers:
        key = (young_person_id, instrument)
        first.setdefault(key, (score, answered_at))
        if answered_at.date() >= filters.start and first[key][1] != answered_at:
            latest[key] = (score, answered_at)
    results = []
    for definition, important, line in (
        (instruments.WHO5, instruments.WHO5_IMPORTANT_CHANGE, instruments.WHO5_LOW_AT),
        (instruments.GSE10, None, None),
    ):
        pairs = []
        for (young_person_id, instrument), (score, answered_at) in latest.items():
            person = people_by_id.get(young_person_id)
            if instrument != definition.id or person is None:
                continue
            if filters.matches(person.dims(answered_at.date())):
                pairs.append((first[(young_person_id, instrument)][0], score))
        title = definition.title.get(language) or definition.title["da"]
        results.append(
            Progress(definition.id, title, statistics.change(pairs, important=important, line=line), important, line)
        )
    return results


# --- targets -----------------------------------------------------------------


@dataclass
class TargetRow:
    key: str
    label: str
    target: object
    actual: object
    unit: str
    met: bool | None


def target_rows(filters, figures):
    """The organisation's targets (måltal) for the year the period ends in, against the figures."""
    if len(filters.organisations) != 1 and not filters.organisation:
        return []
    organisation = filters.organisation or filters.organisations[0]
    targets = {t.key: t.value for t in _scoped(Target, [organisation]).filter(year=filters.end.year)}
    actual = actual_values(figures)
    rows = []
    for key, label in Target.Key.choices:
        if key not in targets:
            continue
        value = actual.get(key)
        lower_is_better = key == Target.Key.MEDIAN_DAYS
        met = None if value is None else (value <= targets[key] if lower_is_better else value >= targets[key])
        rows.append(TargetRow(key, label, targets[key], value, Target.UNITS[key], met))
    return rows


def actual_values(figures):
    snapshot_table = figures["snapshot"]
    current = [cells[0] for key, _label, cells, _total in snapshot_table.rows if key in figures["positive"]]
    in_job = None
    if None not in current:
        in_job = statistics.share(sum(current), snapshot_table.totals[0])
    six = next((cells for key, _label, cells, _total in figures["sustained"].rows if key == 6), None)
    sustained_share = None
    if six is not None and all(c is not None for c in six[:4]):
        sustained_share = statistics.share(six[0], sum(six[:4]))
    who5 = next(p for p in figures["progress"] if p.instrument == "who5").change
    return {
        Target.Key.STARTED: figures["started"],
        Target.Key.IN_JOB_OR_EDUCATION: in_job,
        Target.Key.SUSTAINED_6: sustained_share,
        Target.Key.WHO5_IMPROVED: statistics.share(who5.improved, who5.n) if who5.improved is not None else None,
        Target.Key.MEDIAN_DAYS: figures["time"].median.days,
    }


# --- comparisons -------------------------------------------------------------


@dataclass
class Group:
    label: str
    n: int
    in_job_or_education: float | None
    median_days: float | None


def compare(filters, people, statuses, outcomes, positive, value_labels, today):
    """Key figures side by side for each value of one dimension; a group is
    shown only with at least MIN_COMPARE participants."""
    if filters.compare_by not in FILTER_DIMENSIONS:
        return None
    groups = defaultdict(list)
    for person in people:
        if person.accepted_on > filters.end:
            continue
        dims = person.dims(filters.end)
        if filters.matches(dims):
            groups[dims[filters.compare_by]].append(person)
    shown, too_small = [], []
    for value, members in sorted(groups.items(), key=lambda item: str(value_labels.get(item[0], item[0]))):
        label = str(value_labels.get(value, value))
        if len(members) < statistics.MIN_COMPARE:
            too_small.append(label)
            continue
        current = [p for p in members if p.ended_on is None or p.ended_on > filters.end]
        in_job = sum(1 for p in current if statuses.get(p.young_person_id) in positive)
        durations = [_duration(p, outcomes.get(p.young_person_id), today) for p in members]
        shown.append(
            Group(label, len(members), statistics.share(in_job, len(current)), statistics.km_median(durations).days)
        )
    return {"by": filters.compare_by, "groups": shown, "too_small": too_small}


# --- all together ------------------------------------------------------------


@dataclass
class Data:
    """Everything the figures read, loaded once for a period."""

    people: list
    people_by_id: dict
    labels: dict
    positive: set
    at_start: dict
    at_end: dict
    outcomes: dict
    checks: list
    answers: list


def load(organisations, start, end):
    people = participants(organisations)
    return Data(
        people=people,
        people_by_id={p.young_person_id: p for p in people},
        labels=status_labels(),
        positive=positive_codes(),
        at_start=statuses_on(organisations, start - timedelta(days=1)),
        at_end=statuses_on(organisations, end),
        outcomes=first_outcomes(organisations),
        checks=status_checks(organisations),
        answers=answers_until(organisations, end),
    )


def compute(filters, data, *, labels_for, today, language):
    """Every figure for one set of filters."""
    snapshot_table = snapshot(filters, data.people, data.at_end, data.labels)
    time = time_to_outcome(filters, data.people, data.outcomes, today)
    figures = {
        "filters": filters,
        "snapshot": snapshot_table,
        "flows": flows(filters, data.people, data.at_start, data.at_end, data.labels),
        "time": time,
        "sustained": sustained(filters, data.people_by_id, data.checks, data.positive, today),
        "progress": progress(filters, data.people_by_id, data.answers, language),
        "positive": data.positive,
        "started": time.table.grand_total,
        "comparison": compare(
            filters, data.people, data.at_end, data.outcomes, data.positive, labels_for(filters.compare_by), today
        ),
    }
    return figures


FRESH_FOR = timedelta(minutes=5)


def build(filters, *, labels_for, today, language):
    """Every figure for one set of filters, with the targets. The scan and the suppression are the
    costly part (close to a second for a municipality of 50,000 participants), so their result is kept FRESH_FOR in the
    shared cache per filter set, day and language, and the page says when it was made. The targets
    are read each time, so a target just set shows at once."""
    key = "figures:" + hashlib.sha256(repr((filters, today, language)).encode()).hexdigest()
    figures = cache.get(key)
    if figures is None:
        with analytics_reads():  # the big scan may run on the read replica
            data = load(filters.organisations, filters.start, filters.end)
        figures = compute(filters, data, labels_for=labels_for, today=today, language=language)
        figures = _plain({**figures, "made_at": timezone.now()})
        cache.set(key, figures, FRESH_FOR.total_seconds())
    return {**figures, "targets": target_rows(filters, figures)}


def _plain(value):
    """The figures with every lazy translation made a plain string (they are made per language).
    Reading a lazy string back from the cache rebuilds its class, which cost a third of the page."""
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        items = [_plain(item) for item in value]
        return type(value)(*items) if hasattr(value, "_fields") else type(value)(items)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)})
    return value


def dimension_labels(organisations, initiatives):
    """For each filter dimension, its values' labels."""
    from brobygger.people.models import Gender

    labels = {
        "organisation": {str(o.pk): o.name for o in organisations},
        "initiative": {str(i.pk): i.name for i in initiatives} | {NO_INITIATIVE: _("No initiative")},
        "age_band": dict(AGE_BANDS),
        "gender": {value or NOT_STATED: label for value, label in Gender.choices},
    }
    return lambda dimension: labels.get(dimension, {})
