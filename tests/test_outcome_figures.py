"""The outcome figures: anonymisation that survives differencing,
status histories with gaps, overlaps and back-dating, time to outcome with
those still on the way, sustained outcomes with unknowns, well-being
progress, targets, funder exports and open outcome data."""

import dataclasses
import io
import json
import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import Promise
from django_scopes import scope
from openpyxl import load_workbook
from pypdf import PdfReader

from brobygger.catalogue.models import Initiative
from brobygger.core.roles import Role
from brobygger.followup.models import FollowUpPlan, StatusCheck
from brobygger.outcomes import figures, statistics
from brobygger.outcomes.figures import Filters, Participant
from brobygger.outcomes.models import OpenDataRelease, Response, Target
from brobygger.outcomes.statistics import ALL, Cube
from brobygger.pathways.models import Pathway, StatusCode, StatusEntry
from brobygger.people.models import YoungPerson
from brobygger.tenancy import services as tenancy
from tests.parts import whole_page

TODAY = date(2026, 11, 24)

# --- the protected cube --------------------------------------------------------


def random_records(rng, n, widths):
    return [tuple(f"v{rng.randrange(w)}" for w in widths) for _ in range(n)]


@pytest.mark.parametrize("seed", range(25))
def test_every_line_of_the_cube_has_no_hidden_cell_or_at_least_two(seed):
    rng = random.Random(seed)
    widths = [rng.randint(2, 5) for _ in range(rng.randint(2, 4))]
    cube = Cube(random_records(rng, rng.randint(5, 120), widths), [f"d{i}" for i in range(len(widths))])
    for key, n in cube.counts.items():
        if 0 < n < statistics.MIN_CELL:
            assert key in cube.hidden  # every small count is hidden
    for axis in range(len(widths)):
        lines = {}
        for key in cube.counts:
            lines.setdefault(key[:axis] + key[axis + 1 :], []).append(key)
        for line in lines.values():
            hidden = [key for key in line if key in cube.hidden]
            assert len(hidden) != 1, f"a line with a single hidden cell can be worked out from its total: {line}"


def differencing_world():
    """7 young people in pause: 2 women, 5 men; plenty in a job."""
    return (
        [("pause", "woman")] * 2
        + [("pause", "man")] * 5
        + [("job", "woman")] * 10
        + [("job", "man")] * 12
        + [("education", "woman")] * 4
        + [("education", "man")] * 4
    )


def test_a_hidden_cell_cannot_be_recovered_by_differencing_two_filters():
    cube = Cube(differencing_world(), ("status", "gender"))
    assert cube.get(status="pause", gender="woman") is None
    everyone, men = cube.get(status="pause"), cube.get(status="pause", gender="man")
    # All minus the men would give the women: one of the two must be hidden.
    assert everyone is None or men is None
    # And the women's column total minus their visible cells must not give it either.
    women_total = cube.get(gender="woman")
    visible = [cube.get(status=s, gender="woman") for s in ("job", "education")]
    assert women_total is None or None in visible


def test_differencing_through_the_snapshot_with_gender_filters():
    """The same attack on the real snapshot figure: all young people minus the men."""
    people, statuses = [], {}
    for index, (status, gender) in enumerate(differencing_world()):
        people.append(Participant(index, "org", "none", date(2000, 1, 1), gender, date(2026, 1, 5), None))
        statuses[index] = status
    labels = {"job": "Job", "education": "Uddannelse", "pause": "Pause", figures.NOT_RECORDED: "-"}

    def pause_current(**where):
        filters = Filters(organisations=("org",), start=date(2026, 1, 1), end=TODAY, **where)
        table = figures.snapshot(filters, people, statuses, labels)
        return next((cells[0] for key, _label, cells, _total in table.rows if key == "pause"), 0)

    assert pause_current(gender="woman") is None
    assert pause_current() is None or pause_current(gender="man") is None


def test_tiny_totals_are_hidden_and_zero_is_zero():
    cube = Cube([("a",), ("b",)], ("x",))
    assert cube.get() is None and cube.get(x="a") is None
    assert Cube([("a",)] * 5, ("x",)).get(x="b") == 0


# --- plain statistics ------------------------------------------------------------


def test_kaplan_meier_median_counts_those_still_on_the_way():
    # Five reached in 10-50 days; five are still on the way after 200 days.
    durations = [(d, True) for d in (10, 20, 30, 40, 50)] + [(200, False)] * 5
    assert statistics.km_median(durations).days == 50
    # Dropping those still on the way would halve the answer, which is the error this avoids.
    assert statistics.km_median([(d, True) for d in (10, 20, 30, 40, 50)]).days == 30
    # Those who left early are counted until they left, and no further.
    censored_early = [(5, False)] * 4 + [(d, True) for d in (10, 20, 30, 40, 50)] + [(200, False)]
    assert statistics.km_median(censored_early).days == 30


def test_kaplan_meier_share_reached_by_a_day_uses_the_same_walk():
    durations = [(d, True) for d in (10, 20, 30, 40, 50)] + [(200, False)] * 5
    assert statistics.km_reached_by(durations, [5, 30, 100, 300]) == [0.0, 30.0, 50.0, 50.0]


def test_kaplan_meier_median_not_reached_is_none():
    assert statistics.km_median([(10, True)] + [(300, False)] * 9).days is None


def test_change_summary_counts_the_important_difference_and_the_50_line():
    pairs = [(40, 60)] * 4 + [(52, 56)] * 4 + [(70, 50)] * 4
    change = statistics.change(pairs, important=10, line=50)
    assert change.n == 12 and change.mean_change == 1.3  # (4 × 20 + 4 × 4 − 4 × 20) / 12
    assert (change.improved, change.worsened, change.crossed, change.below_before) == (4, 4, 4, 4)
    assert statistics.change(pairs[:9], important=10, line=50).mean_change is None  # fewer than 10


# --- with the database ----------------------------------------------------------


def code(axis, value):
    return StatusCode.objects.get(axis=axis, code=value)


def participant(world, *, accepted, gender="woman", born=date(2003, 5, 1), ended=None, initiative=None, name="Test"):
    org = world.org_a
    young_person = YoungPerson.objects.create(
        organisation=org,
        first_name=name,
        last_name="Deltager",
        birth_date=born,
        gender=gender,
        referral_date=accepted,
        referral_source="jobcenter",
    )
    Pathway.objects.create(
        organisation=org,
        young_person=young_person,
        state=Pathway.State.ENDED if ended else Pathway.State.ACTIVE,
        accepted_on=accepted,
        ended_on=ended,
        initiative=initiative,
    )
    return young_person


def status(world, young_person, activity, valid_from, recorded_at=None):
    entry = StatusEntry.objects.create(
        organisation=world.org_a,
        young_person=young_person,
        activity=code("activity", activity),
        valid_from=valid_from,
        recorded_by=world.user("counsellor_on_team"),
    )
    if recorded_at is not None:
        StatusEntry.objects.filter(pk=entry.pk).update(recorded_at=recorded_at)
    return entry


def test_status_history_with_gaps_overlaps_and_back_dated_changes(world):
    with scope(organisation=world.org_a.pk):
        gap = participant(world, accepted=date(2026, 1, 10), name="Gab")
        overlap = participant(world, accepted=date(2026, 1, 10), name="Overlap")
        backdated = participant(world, accepted=date(2026, 1, 10), name="Bagud")
        status(world, gap, "education", date(2026, 6, 1))  # nothing recorded before June: a gap
        first = timezone.make_aware(datetime(2026, 3, 1, 9))
        status(world, overlap, "job_seeking", date(2026, 3, 1), recorded_at=first)
        status(world, overlap, "assessment", date(2026, 3, 1), recorded_at=first + timedelta(hours=2))  # same day
        status(world, backdated, "job_seeking", date(2026, 1, 10), recorded_at=first)
        status(world, backdated, "education", date(2026, 9, 1), recorded_at=first + timedelta(days=200))
        # Recorded last, valid from earlier: corrects May-August, not September on.
        status(world, backdated, "pause", date(2026, 5, 1), recorded_at=first + timedelta(days=220))
        organisations = (str(world.org_a.pk),)
        april = figures.statuses_on(organisations, date(2026, 4, 1))
        june = figures.statuses_on(organisations, date(2026, 6, 15))
        october = figures.statuses_on(organisations, date(2026, 10, 1))
    gap, overlap, backdated = (figures.person_key(p.pk) for p in (gap, overlap, backdated))
    assert gap not in april and june[gap] == "education"  # nothing recorded yet: shown as not recorded
    assert april[overlap] == "assessment"  # of two from the same day, the one recorded last
    assert (april[backdated], june[backdated], october[backdated]) == ("job_seeking", "pause", "education")


def test_a_snapshot_before_any_data_shows_nobody(world, client_for):
    html = whole_page(client_for("analyst"), reverse("figures"), {"start": "2001-01-01", "end": "2001-06-30"})
    assert "Ingen unge i disse tal." in html and "Median: ikke nået endnu" in html


def test_bad_filters_get_a_clear_danish_error(world, client_for):
    client = client_for("analyst")
    html = whole_page(client, reverse("figures"), {"start": "2026-05-01", "end": "2026-01-01"})
    assert "Perioden skal begynde, før den slutter." in html
    future = (timezone.localdate() + timedelta(days=3)).isoformat()
    assert "Tallene kan ikke vises for en dag i fremtiden." in whole_page(client, reverse("figures"), {"end": future})
    assert client.get(reverse("figures"), {"gender": "<script>"}).status_code == 200


def make_cohort(world, n=36):
    """n participants who started in 2026: a third in a job after 60-100 days, the rest on the way."""
    with scope(organisation=world.org_a.pk):
        initiative = Initiative.objects.create(organisation=world.org_a, slug="xl", name="XL")
        people = []
        for index in range(n):
            young_person = participant(
                world,
                accepted=date(2026, 2, 1),
                gender="woman" if index % 2 else "man",
                initiative=initiative,
                name=f"Kohorte{index}",
            )
            status(world, young_person, "job_seeking", date(2026, 2, 1))
            if index % 3 == 0:
                status(world, young_person, "ordinary_job", date(2026, 2, 1) + timedelta(days=60 + index))
            people.append(young_person)
    return people, initiative


def test_time_to_outcome_and_snapshot_on_the_page(world, client_for):
    make_cohort(world)
    client = client_for("analyst")
    html = whole_page(client, reverse("figures"), {"start": "2026-01-01", "end": "2026-11-01"})
    assert 'id="t-snapshot"' in html and 'id="t-curve"' in html and "vendor/chart.umd.min.js" in html
    assert "Median: ikke nået endnu" in html  # a third reached a job: the median is not reached
    # Every figure's table carries raw values for its chart.
    assert 'data-value="24"' in html  # 24 still job-seeking
    # The one young person of the test world in assessment is hidden, and so is the next smallest (12 in a job).
    assert html.count('data-value=""') >= 2


def test_comparison_needs_30_in_each_group(world, client_for):
    make_cohort(world, n=36)  # 18 women and 18 men
    client = client_for("analyst")
    by_gender = whole_page(client, reverse("figures"), {"start": "2026-01-01", "compare_by": "gender"})
    assert "Ikke sammenlignet (færre end 30):" in by_gender and "Ingen gruppe har 30 unge eller flere." in by_gender
    by_initiative = whole_page(client, reverse("figures"), {"start": "2026-01-01", "compare_by": "initiative"})
    assert '<th scope="row">XL</th><td class="num">36</td>' in by_initiative


def test_sustained_outcomes_show_unknown_as_unknown(world):
    with scope(organisation=world.org_a.pk):
        people = [
            participant(world, accepted=date(2025, 1, 10), ended=date(2025, 3, 1), name=f"S{i}") for i in range(9)
        ]
        for index, young_person in enumerate(people):
            plan = FollowUpPlan.objects.create(
                organisation=world.org_a,
                young_person=young_person,
                responsible=world.user("counsellor_on_team"),
                exit_on=date(2025, 3, 1),
                interval_days=14,
                months=12,
            )
            done = {0: ("ordinary_job", False), 1: (None, True), 2: ("job_seeking", False)}[index % 3]
            StatusCheck.objects.create(
                organisation=world.org_a,
                plan=plan,
                young_person=young_person,
                months_after=6,
                due_on=date(2025, 9, 1),
                done_on=date(2025, 9, 2),
                status=code("activity", done[0]) if done[0] else None,
                unknown=done[1],
            )
            StatusCheck.objects.create(
                organisation=world.org_a, plan=plan, young_person=young_person, months_after=18, due_on=date(2026, 9, 1)
            )
            StatusCheck.objects.create(
                organisation=world.org_a, plan=plan, young_person=young_person, months_after=12, due_on=date(2027, 3, 1)
            )
        organisations = (str(world.org_a.pk),)
        data = figures.load(organisations, date(2025, 1, 1), date(2025, 12, 31))
    filters = Filters(organisations=organisations, start=date(2025, 1, 1), end=date(2025, 12, 31))
    table = figures.sustained(filters, data.people_by_id, data.checks, data.positive, TODAY)
    rows = {key: dict(zip(table.column_keys, cells, strict=True)) for key, _l, cells, _t in table.rows}
    assert rows[6] == {"positive": 3, "other": 3, "unknown": 3, "not_recorded": 0, "not_due": 0}
    assert rows[18]["not_recorded"] == 9 and rows[12]["not_due"] == 9


def answer(world, young_person, instrument, answers, score, on):
    response = Response.objects.create(
        organisation=world.org_a,
        young_person=young_person,
        instrument=instrument,
        version="1",
        language="da",
        mode="self",
        respondent=world.user("counsellor_on_team"),
        answers=answers,
        score=score,
    )
    Response.objects.filter(pk=response.pk).update(answered_at=timezone.make_aware(datetime.combine(on, time(12))))


def test_wellbeing_progress_first_against_latest(world):
    people, _initiative = make_cohort(world, n=12)
    with scope(organisation=world.org_a.pk):
        for index, young_person in enumerate(people):
            answer(world, young_person, "who5", {}, 40, date(2026, 2, 2))
            answer(world, young_person, "who5", {}, 44, date(2026, 5, 2))
            answer(world, young_person, "who5", {}, 60 if index < 6 else 44, date(2026, 9, 2))
            answer(world, young_person, "gse10", {}, 25, date(2026, 2, 2))
        organisations = (str(world.org_a.pk),)
        data = figures.load(organisations, date(2026, 1, 1), TODAY)
    filters = Filters(organisations=organisations, start=date(2026, 1, 1), end=TODAY)
    who5, gse = figures.progress(filters, data.people_by_id, data.answers, "da")
    assert (who5.change.n, who5.change.mean_change) == (12, 12.0)
    assert (who5.change.improved, who5.change.crossed) == (6, 6)
    assert gse.change.n == 0  # one answer each: no change to show


# --- targets, exports, open data ----------------------------------------------


def test_lead_sets_targets_and_sees_them_against_the_result(world, client_for):
    make_cohort(world)
    lead = client_for("lead")
    year = timezone.localdate().year
    response = lead.post(f"{reverse('targets')}?year={year}", {"started": "30", "in_job_or_education": "25,5"})
    assert response.status_code == 302
    with scope(organisation=world.org_a.pk):
        assert {t.key: t.value for t in Target.objects.filter(year=year)} == {
            "started": Decimal(30),
            "in_job_or_education": Decimal("25.5"),
        }
    html = whole_page(lead, reverse("figures"), {"start": f"{year}-01-01"})
    assert "Måltal for" in html and "Unge der starter et forløb" in html


def test_a_share_over_100_is_refused_and_nothing_is_written(world, client_for):
    year = timezone.localdate().year
    html = client_for("lead").post(f"{reverse('targets')}?year={year}", {"in_job_or_education": "120"}).content.decode()
    assert "En andel skal være mellem 0 og 100 %." in html
    with scope(organisation=world.org_a.pk):
        assert not Target.objects.exists()


def test_the_analyst_cannot_set_targets_or_publish(world, client_for):
    analyst = client_for("analyst")
    assert analyst.get(reverse("targets")).status_code == 404
    assert analyst.post(reverse("open_data_manage"), {"year": "2025"}).status_code == 404


def test_funder_exports_are_a_workbook_and_a_readable_pdf(world, client_for):
    make_cohort(world)
    client = client_for("analyst")
    xlsx = client.get(reverse("figures_xlsx"), {"start": "2026-01-01"})
    assert xlsx.status_code == 200 and "attachment" in xlsx["Content-Disposition"]
    book = load_workbook(io.BytesIO(xlsx.content))
    assert {"Om tallene", "Øjebliksbillede", "Bevægelser", "Varige resultater", "Trivsel"} <= set(book.sheetnames)
    snapshot = [list(row) for row in book["Øjebliksbillede"].iter_rows(values_only=True)]
    assert ["Jobsøgende eller uden aktivitet", 24, 0, 24] in snapshot
    assert ["Ordinært job", "..", 0, ".."] in snapshot
    pdf = client.get(reverse("figures_pdf"), {"start": "2026-01-01"})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Resultater" in text and "Øjebliksbillede" in text and "Kohorte" not in text
    # A funder reads whose figures they are and for which period.
    assert f"Resultater: {world.org_a.name}" in text and "01.01.2026 –" in text


def test_publishing_open_data_and_withdrawing_it(world, client_for):
    make_cohort(world)
    lead = client_for("lead")
    with scope(organisation=world.org_a.pk):
        OpenDataRelease.objects.all().delete()
    this_year = timezone.localdate().year
    refused = lead.post(reverse("open_data_manage"), {"year": str(this_year)}).content.decode()
    assert "Et år kan udgives, når det er slut." in refused
    assert lead.post(reverse("open_data_manage"), {"year": str(this_year - 1)}).status_code == 302
    again = lead.post(reverse("open_data_manage"), {"year": str(this_year - 1)}).content.decode()
    assert "allerede udgivet" in again
    anonymous = client_for("anonymous")
    csv_text = anonymous.get(reverse("open_data_csv", args=["a", this_year - 1])).content.decode()
    assert csv_text.splitlines()[0] == "organisation,initiative,year,measure,category,value"
    document = json.loads(anonymous.get(reverse("open_data_json", args=["a", this_year - 1])).content)
    assert document["schema_version"] == "1.0" and document["schema"].endswith("/open-data/schema/1.0/")
    assert {row["initiative"] for row in document["rows"]} == {"", "xl"}
    counts = [
        row["value"]
        for row in document["rows"]
        if row["measure"].startswith(("participants", "started", "reached", "status_after"))
    ]
    assert counts and all(value is None or value == 0 or value >= statistics.MIN_CELL for value in counts)
    with scope(organisation=world.org_a.pk):
        release = OpenDataRelease.objects.get(year=this_year - 1)
    lead.post(reverse("open_data_withdraw", args=[release.pk]))
    assert anonymous.get(reverse("open_data_csv", args=["a", this_year - 1])).status_code == 404


def test_published_data_shows_side_by_side_only_with_30(world, client_for):
    make_cohort(world, n=36)
    lead = client_for("lead")
    with scope(organisation=world.org_a.pk):
        OpenDataRelease.objects.all().delete()
        rows = [
            {"initiative": "", "measure": "started", "category": "", "value": 36},
            {"initiative": "", "measure": "reached_job_or_education", "category": "", "value": 12},
            {"initiative": "xl", "measure": "started", "category": "", "value": 12},
        ]
        OpenDataRelease.objects.create(
            organisation=world.org_a, year=2025, schema_version="1.0", rows=rows, published_by=world.user("lead")
        )
    html = client_for("anonymous").get(reverse("open_data_index")).content.decode()
    assert "33,3" in html  # 12 of 36 reached a job or an education
    assert "færre end 30 startede: ikke sammenlignet" in html  # the initiative with 12
    assert lead.get(reverse("open_data_schema", args=["9.9"])).status_code == 404


def test_organisation_filter_offers_only_organisations_where_the_user_is_analyst_or_lead(world, client_for):
    analyst = world.user("analyst")
    client = client_for("analyst")
    assert 'name="organisation"' not in whole_page(client, reverse("figures"))  # one organisation
    with scope(organisation=world.org_b.pk):
        tenancy.add_member(organisation=world.org_b, email=analyst.email, role=Role.COUNSELLOR)
    assert world.org_b.name not in client.get(reverse("figures")).content.decode().split("<main")[1]
    with scope(organisation=world.org_b.pk):
        tenancy.add_member(organisation=world.org_b, email=analyst.email, role=Role.ANALYST)
    html = whole_page(client, reverse("figures"))
    assert 'name="organisation"' in html and world.org_b.name in html.split("<main")[1]
    refused = whole_page(client, reverse("figures"), {"organisation": "not-an-organisation"})
    assert "errorlist" in refused


def test_cube_values_do_not_include_all():
    cube = Cube([("a", "x"), ("b", "y")] * 3, ("p", "q"))
    assert cube.values("p") == ["a", "b"] and ALL not in cube.values("q")


def test_figures_are_kept_for_a_few_minutes_and_the_page_says_when_they_were_made(world, client_for):
    """The scan and the suppression are cached per filter set (FRESH_FOR); the targets are not."""
    people, _initiative = make_cohort(world)
    lead = client_for("lead")
    year = timezone.localdate().year
    query = {"start": f"{year}-01-01"}
    first = lead.get(reverse("figures"), query)
    made = first.context["figures"]["made_at"]
    assert f"Lavet kl. {timezone.localtime(made):%H:%M}. Tallene laves igen" in first.content.decode()
    started = first.context["figures"]["started"]
    with scope(organisation=world.org_a.pk):
        participant(world, accepted=date(year, 2, 1), name="Nykommer")
    lead.post(f"{reverse('targets')}?year={year}", {"started": "30"})
    again = lead.get(reverse("figures"), query)
    assert again.context["figures"]["made_at"] == made and again.context["figures"]["started"] == started
    assert "Måltal for" in again.content.decode()  # a target set a moment ago shows at once
    cache.clear()  # what FRESH_FOR minutes do
    fresh = lead.get(reverse("figures"), query).context["figures"]
    assert fresh["made_at"] > made and fresh["started"] == started + 1
    assert timedelta(minutes=10) >= figures.FRESH_FOR
    # Kept as plain strings in the page's language: a lazy translation read back from the cache
    # rebuilds its class, which made reading the figures cost a third of the page.
    kept = {key: value for key, value in fresh.items() if key != "targets"}  # targets are read each time
    assert not [path for path, value in _leaves(kept) if isinstance(value, Promise)]
    assert fresh["snapshot"].title.startswith("Status den")  # made in the page's language


def _leaves(value, path="figures"):
    """Every value in a nest of dicts, lists, tuples and dataclasses, with where it sits."""
    if isinstance(value, dict):
        children = [(f"{path}.{key}", item) for key, item in value.items()]
    elif isinstance(value, list | tuple):
        children = [(f"{path}[{index}]", item) for index, item in enumerate(value)]
    elif dataclasses.is_dataclass(value):
        children = [(f"{path}.{f.name}", getattr(value, f.name)) for f in dataclasses.fields(value)]
    else:
        return [(path, value)]
    return [leaf for child_path, child in children for leaf in _leaves(child, child_path)]
