"""The company staircase, learning plans, attendance, the network and the mentor's portal."""

from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest
from django.db.models import Max, Sum
from django.urls import reverse
from django.utils import timezone
from django_scopes import ScopeError, scope, scopes_disabled

from brobygger.companies import selectors
from brobygger.companies.models import Company, CompanyMentor, ContactLogEntry, Offer
from brobygger.companies.selectors import ACTIVE_WITHIN_DAYS, RUNNING_STATES, NetworkRow
from brobygger.consent.models import Consent
from brobygger.people.models import YoungPerson
from brobygger.staircase.models import Activity, Attendance, LearningPlan, Talent
from tests.parts import whole_page
from tests.world import OBJECTS_BY_KIND


def in_a(world):
    return scope(organisation=world.org_a.pk)


def propose(client, world, key="yp_a", **data):
    return client.post(reverse("activity_propose", kwargs={"pk": world.objects[key].pk}), data)


def activities(world, **filters):
    with in_a(world):
        return list(Activity.objects.filter(**filters))


# Offers and the network


def offer_data(**overrides):
    data = {
        "kind": "trial_internship",
        "title": "Snusepraktik i lys",
        "capacity": "2",
        "hours_per_week": "15",
        "is_open": "on",
        "occupation": "lystekniker",
    }
    data.update(overrides)
    return data


def test_consultant_creates_an_offer_with_an_esco_occupation(world, client_for):
    company = world.objects["company_1"]
    response = client_for("consultant").post(reverse("offer_create", kwargs={"pk": company.pk}), offer_data())
    assert response.status_code == 302
    with in_a(world):
        offer = Offer.objects.get(title="Snusepraktik i lys")
    assert offer.esco_occupation.label == "lystekniker" and offer.company == company


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"capacity": "-1"}, "negativt"),
        ({"occupation": "drømmejob der ikke findes"}, "Ukendt erhverv"),
        ({"hours_per_week": "50"}, "højst 37"),
        ({"title": ""}, "påkrævet"),
    ],
)
def test_bad_offer_input_is_refused(world, client_for, overrides, message):
    with in_a(world):
        before = Offer.objects.count()
    url = reverse("offer_create", kwargs={"pk": world.objects["company_1"].pk})
    response = client_for("consultant").post(url, offer_data(**overrides))
    assert response.status_code == 200 and message in response.content.decode()
    with in_a(world):
        assert Offer.objects.count() == before


def test_esco_suggestions(world, client_for):
    page = client_for("consultant").get(reverse("esco_search"), {"occupation": "lystek"}).content.decode()
    assert '<option value="lystekniker">' in page


def test_dashboard_shows_active_free_and_not_contacted(world, client_for):
    client = client_for("consultant")
    client.post(
        reverse("contact_add", kwargs={"pk": world.objects["company_2"].pk}),
        {"day": timezone.localdate().isoformat(), "channel": "phone", "note": "Ringede om besøg"},
    )
    page = client.get(reverse("network_dashboard")).content.decode()
    not_contacted = page.split('id="nc-h"')[1].split("</section>")[0]
    free = page.split('id="free-h"')[1].split("</section>")[0]
    active = page.split('id="act-h"')[1].split("</section>")[0]
    # Lumen has a young person there now, which is contact enough; Radar was just called.
    assert "Lumen" not in not_contacted and "Radar" not in not_contacted
    assert "Lumen" in free and "1 ledig plads" in free  # capacity 2, one running placement
    assert "Lumen" in active


def _network_by_the_orm(company, since):
    """What the network says of one company, asked of the ORM one figure at a time."""
    activities = Activity.objects.filter(company=company)
    return NetworkRow(
        pk=company.pk,
        name=company.name,
        city=company.city,
        last_contact=ContactLogEntry.objects.filter(company=company).aggregate(day=Max("day"))["day"],
        running=activities.filter(state__in=RUNNING_STATES).count(),
        recent_activities=activities.filter(proposed_at__date__gte=since).count(),
        places=Offer.objects.filter(company=company, is_open=True).aggregate(n=Sum("capacity"))["n"] or 0,
        mentor_count=CompanyMentor.objects.filter(company=company).count(),
    )


def test_network_figures_agree_with_the_rows_they_count(world):
    """The network's one hand-written query against the ORM, for every company of the organisation
    and none of another's: the first of the 90 days counts (a local day), the minute before not;
    closed offers and other states leave the figures alone."""
    today = timezone.localdate()
    since = today - timedelta(days=ACTIVE_WITHIN_DAYS)
    first_moment = datetime.combine(since, time.min, tzinfo=timezone.get_current_timezone())
    author = world.user("counsellor_on_team")
    with in_a(world):
        company = world.objects["company_2"]
        before = next(row for row in selectors.network(Company.objects.all()) if row.pk == company.pk)
        for title, moment, state in [
            ("Inden for", first_moment, Activity.State.PROPOSED),
            ("Lige før", first_moment - timedelta(minutes=1), Activity.State.ACCEPTED),
            ("Afsluttet", first_moment + timedelta(days=3), Activity.State.ENDED),
        ]:
            activity = Activity.objects.create(
                organisation=world.org_a,
                young_person=world.objects["yp_a"],
                kind="visit",
                title=title,
                company=company,
                proposed_by=author,
                state=state,
            )
            Activity.objects.filter(pk=activity.pk).update(proposed_at=moment)
        Offer.objects.create(
            organisation=world.org_a, company=company, kind="visit", title="Lukket", capacity=5, is_open=False
        )
        for day in (today - timedelta(days=40), today - timedelta(days=3)):
            ContactLogEntry.objects.create(
                organisation=world.org_a, company=company, user=author, day=day, note="Ringede"
            )
        rows = selectors.network(Company.objects.all())
        assert rows == [_network_by_the_orm(c, since) for c in Company.objects.order_by("name", "pk")]
        radar = next(row for row in rows if row.pk == company.pk)
        figures = ("recent_activities", "running", "places", "mentor_count")
        added = tuple(getattr(radar, name) - getattr(before, name) for name in figures)
        assert added == (2, 1, 0, 0)  # "Inden for" and "Afsluttet" are recent; "Lige før" runs
        assert radar.last_contact == today - timedelta(days=3)
        assert world.objects["company_other"].pk not in {row.pk for row in rows}
    with pytest.raises(ScopeError), scopes_disabled():
        selectors.network(Company.objects.all())


# Proposals: hours, trial internships, young workers


def test_counsellor_proposes_an_offer_and_its_details_are_filled_in(world, client_for):
    offer = world.objects["offer_1"]
    response = propose(
        client_for("counsellor_on_team"),
        world,
        offer=offer.pk,
        skipped_trial_reason="Har været i snusepraktik et andet sted",
    )
    assert response.status_code == 302
    proposed = activities(world, offer=offer, state="proposed")
    assert len(proposed) == 1
    assert proposed[0].company == world.objects["company_1"] and proposed[0].kind == "internship"


def test_more_than_37_hours_with_overlapping_activities_is_refused(world, client_for):
    before = len(activities(world))
    start = (timezone.localdate() + timedelta(days=1)).isoformat()
    response = propose(
        client_for("counsellor_on_team"),
        world,
        kind="paid_hours",
        title="Lagerjob",
        starts_on=start,
        hours_per_week="20",
    )
    assert response.status_code == 200
    assert "40 timer om ugen; grænsen er 37" in response.content.decode()  # 20 running + 20 new
    assert len(activities(world)) == before


def test_an_internship_without_a_trial_first_is_refused_unless_a_reason_is_given(world, client_for):
    client = client_for("counsellor_off_team")
    company = world.objects["company_2"]
    data = {"kind": "internship", "title": "Praktik", "company": company.pk}
    refused = propose(client, world, "yp_b", **data)
    assert "snusepraktik" in refused.content.decode() and refused.status_code == 200
    accepted = propose(client, world, "yp_b", skipped_trial_reason="Kender virksomheden i forvejen", **data)
    assert accepted.status_code == 302


def test_minor_placement_warns_with_the_rule_and_refuses_too_long_days(world, client_for):
    with in_a(world):
        YoungPerson.objects.filter(pk=world.objects["yp_a"].pk).update(
            birth_date=timezone.localdate() - timedelta(days=16 * 365 + 30)
        )
    client = client_for("counsellor_on_team")
    page = client.get(reverse("activity_propose", kwargs={"pk": world.objects["yp_a"].pk})).content.decode()
    assert "Unge under 18 må højst arbejde 8 timer om dagen" in page
    placement = world.objects["placement_a"]
    url = reverse("learning_plan_edit", kwargs={"pk": placement.pk})
    response = client.post(url, {"goals": "Lys", "tasks": "Opstilling", "hours_per_day": "9"})
    assert response.status_code == 200
    assert "bryder reglerne for unges arbejde (mere end 8 timer om dagen)" in response.content.decode()


def test_an_offer_with_no_free_places_cannot_be_proposed(world, client_for):
    with in_a(world):
        Offer.objects.filter(pk=world.objects["offer_1"].pk).update(capacity=1)
    response = propose(
        client_for("counsellor_on_team"), world, offer=world.objects["offer_1"].pk, skipped_trial_reason="x"
    )
    assert "ingen ledige pladser" in response.content.decode()


# Learning plan and attendance


def accepted_placement(world, client_for):
    """A proposed trial internship at Lumen, accepted by the young person."""
    client = client_for("counsellor_on_team")
    propose(
        client,
        world,
        kind="trial_internship",
        title="Snusepraktik",
        company=world.objects["company_1"].pk,
        hours_per_week="10",
        starts_on=timezone.localdate().isoformat(),
    )
    activity = activities(world, title="Snusepraktik")[0]
    client_for("young_a").post(reverse("activity_answer", kwargs={"pk": activity.pk}), {"answer": "yes"})
    return activity


def test_attendance_needs_an_accepted_learning_plan_then_takes_one_tap(world, client_for):
    activity = accepted_placement(world, client_for)
    mentor = client_for("mentor_with_consent")
    tap = reverse("activity_attend", kwargs={"pk": activity.pk})
    refused = mentor.post(tap, {"next": "mentor"}, follow=True)
    assert "Læringsplanen skal være aftalt" in refused.content.decode()
    mentor.post(
        reverse("learning_plan_edit", kwargs={"pk": activity.pk}),
        {"goals": "Lære lys", "tasks": "Opstilling", "hours_per_day": "5"},
    )
    client_for("young_a").post(reverse("learning_plan_accept", kwargs={"pk": activity.pk}))
    assert mentor.post(tap, {"next": "mentor"}).status_code == 302
    assert mentor.post(tap, {"next": "mentor"}).status_code == 302  # a second tap corrects, never duplicates
    with in_a(world):
        days = list(Attendance.objects.filter(activity=activity))
        activity.refresh_from_db()
    assert [(d.day, d.hours, d.present) for d in days] == [(timezone.localdate(), Decimal("5.0"), True)]
    assert activity.state == Activity.State.ACTIVE


def test_a_day_registered_by_two_tells_the_second_what_the_first_registered(world, client_for):
    """Both were told "registered" and the last won without a word."""
    activity = accepted_placement(world, client_for)
    mentor = client_for("mentor_with_consent")
    mentor.post(
        reverse("learning_plan_edit", kwargs={"pk": activity.pk}),
        {"goals": "Lære lys", "tasks": "Opstilling", "hours_per_day": "5"},
    )
    client_for("young_a").post(reverse("learning_plan_accept", kwargs={"pk": activity.pk}))
    tap = reverse("activity_attend", kwargs={"pk": activity.pk})
    mentor.post(tap, {"next": "mentor"})
    page = client_for("counsellor_on_team").post(tap, {"next": "mentor"}, follow=True).content.decode()
    assert "Bo havde allerede registreret dagen (mødt, 5 timer)" in page
    with in_a(world):
        assert Attendance.objects.filter(activity=activity).count() == 1


def test_changing_the_plan_asks_the_young_person_again(world, client_for):
    placement = world.objects["placement_a"]
    client_for("mentor_with_consent").post(
        reverse("learning_plan_edit", kwargs={"pk": placement.pk}),
        {"goals": "Nye mål", "tasks": "Opgaver", "hours_per_day": "4"},
    )
    with in_a(world):
        assert LearningPlan.objects.get(activity=placement).accepted_at is None


@pytest.mark.parametrize(
    ("day", "message"),
    [
        (date(2026, 9, 1), "uden for aktivitetens datoer"),
        (timezone.localdate() + timedelta(days=2), "fremtiden"),
    ],
)
def test_attendance_outside_the_activity_is_refused(world, client_for, day, message):
    placement = world.objects["placement_a"]
    with in_a(world):
        before = Attendance.objects.count()
    response = client_for("mentor_with_consent").post(
        reverse("activity_attend", kwargs={"pk": placement.pk}), {"day": day.isoformat(), "present": "on", "hours": "4"}
    )
    assert response.status_code == 200 and message in response.content.decode()
    with in_a(world):
        assert Attendance.objects.count() == before


# Door ajar


def test_ending_needs_what_was_learned_and_is_never_a_failure(world, client_for):
    placement = world.objects["placement_a"]
    url = reverse("activity_end", kwargs={"pk": placement.pk})
    client = client_for("young_a")
    empty = client.post(url, {"learned": "  "})
    assert "Skriv hvad der blev lært" in empty.content.decode()
    assert client.post(url, {"learned": "At jeg kan møde til tiden", "reason": ""}).status_code == 302
    with in_a(world):
        placement.refresh_from_db()
    assert placement.state == Activity.State.ENDED and placement.learned == "At jeg kan møde til tiden"
    page = client.get(reverse("activity_detail", kwargs={"pk": placement.pk})).content.decode().lower()
    assert "fejl" not in page and "nederlag" not in page.replace("aldrig et nederlag", "")
    client.post(reverse("activity_step_back_in", kwargs={"pk": placement.pk}))
    again = activities(world, stepped_back_from=placement)
    assert len(again) == 1 and again[0].state == Activity.State.ACCEPTED


# Talents and messages


def test_a_talent_lands_with_the_counsellor_and_the_young_person_reads_it(world, client_for):
    url = reverse("talent_create", kwargs={"pk": world.objects["yp_a"].pk})
    response = client_for("workshop_leader").post(
        url, {"talent": "Fantastisk rytmesans", "suggestion": "Praktik i en trommebutik"}
    )
    assert response.status_code == 302
    assert "Fantastisk rytmesans" in whole_page(client_for("counsellor_on_team"), reverse("home"))
    assert "Fantastisk rytmesans" in whole_page(client_for("young_a"), reverse("portal"))
    with in_a(world):
        assert Talent.objects.filter(talent="Fantastisk rytmesans").count() == 1


def test_mentor_message_reaches_the_counsellor_and_the_young_person(world, client_for):
    placement = world.objects["placement_a"]
    client_for("mentor_with_consent").post(
        reverse("activity_message", kwargs={"pk": placement.pk}), {"text": "Asta mødte glad ind"}
    )
    assert (
        "Asta mødte glad ind"
        in client_for("counsellor_on_team")
        .get(reverse("activity_detail", kwargs={"pk": placement.pk}))
        .content.decode()
    )
    assert "Asta mødte glad ind" in whole_page(client_for("young_a"), reverse("portal"))


# The mentor's portal and consent


def test_mentor_portal_lists_only_consented_placements_at_their_company(world, client_for):
    page = whole_page(client_for("mentor_with_consent"), reverse("mentor_home"))
    assert "Snusepraktik i lyd og lys" in page and "Mødt i dag" in page  # today is not registered yet
    assert "Asta Andersen" in page  # she shares her name with Lumen
    assert "Bertil" not in page
    assert "Snusepraktik" not in whole_page(client_for("mentor_without_consent"), reverse("mentor_home"))


MENTOR_KINDS = {"young_person", "activity", "plan_step", "note", "consent", "team_member"}


def test_every_mentor_url_is_refused_after_withdrawal(world, client_for):
    from tests.test_matrix import EXAMPLE_KWARGS, OUR_PATTERNS

    mentor = client_for("mentor_with_consent")
    with in_a(world):
        Consent.objects.filter(pk=world.objects["consent_a"].pk).update(withdrawn_at=timezone.now())
    checked = 0
    for _route, pattern in OUR_PATTERNS:
        access = pattern.callback.access
        if (
            access.public
            or access.login_only
            or str(access.kind) not in MENTOR_KINDS
            or "pk" not in pattern.pattern.converters
        ):
            continue
        for key in OBJECTS_BY_KIND[str(access.kind)]:
            if world.object_young_person.get(key) != "yp_a":
                continue
            extra = {name: EXAMPLE_KWARGS[name] for name in pattern.pattern.converters if name != "pk"}
            url = reverse(pattern.name, kwargs={"pk": world.objects[key].pk, **extra})
            response = mentor.post(url, {}) if "GET" not in access.methods else mentor.get(url)
            assert response.status_code == 404, url
            checked += 1
    assert checked >= 10
    assert "Snusepraktik" not in whole_page(mentor, reverse("mentor_home"))


def test_hours_are_written_the_danish_way():
    from brobygger.staircase.services import hours_text

    assert hours_text(Decimal("40.0")) == "40"
    assert hours_text(Decimal("7.50")) == "7,5"
