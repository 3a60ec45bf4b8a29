"""Follow-up and aftercare, the reminder job and the calendar feed."""

from datetime import date, timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope
from icalendar import Calendar

from brobygger.audit.models import AccessLog
from brobygger.followup import reminders, services
from brobygger.followup import selectors as followup_selectors
from brobygger.followup.models import FeedToken, FollowUpContact, FollowUpPlan, StatusCheck
from brobygger.pathways.models import StatusCode
from brobygger.tenancy import services as tenancy
from tests.parts import whole_page
from tests.world import _young


def in_a(world):
    return scope(organisation=world.org_a.pk)


def code(value):
    return StatusCode.objects.get(axis="activity", code=value)


def test_starting_a_job_creates_the_follow_up_plan(world, client_for):
    yp_b = world.objects["yp_b"]
    client_for("counsellor_off_team").post(
        reverse("status_quick", kwargs={"pk": yp_b.pk}), {"activity": code("education").pk}
    )
    with in_a(world):
        plan = FollowUpPlan.objects.get(young_person=yp_b)
        contacts = list(FollowUpContact.objects.filter(plan=plan))
        checks = list(StatusCheck.objects.filter(plan=plan))
    assert plan.responsible == world.user("counsellor_off_team")  # the young person's counsellor
    assert plan.interval_days == 14 and plan.months == 12 and plan.exit_on == timezone.localdate()
    assert contacts[0].due_on == plan.exit_on + timedelta(days=14)
    assert all(b.due_on - a.due_on == timedelta(days=14) for a, b in zip(contacts, contacts[1:], strict=False))
    assert len(contacts) == 26  # every 14 days for 12 months
    assert [c.months_after for c in checks] == [6, 12, 18]


def test_the_organisation_sets_its_own_rhythm(world, client_for):
    world.org_a.followup_interval_days, world.org_a.followup_months = 7, 3
    world.org_a.save()
    client_for("counsellor_off_team").post(
        reverse("status_quick", kwargs={"pk": world.objects["yp_b"].pk}), {"activity": code("ordinary_job").pk}
    )
    with in_a(world):
        plan = FollowUpPlan.objects.get(young_person=world.objects["yp_b"])
        assert plan.contacts.count() == len(services.schedule(plan.exit_on, 7, 3)) >= 12


def test_a_plan_for_a_young_person_without_an_exit_is_refused(world, client_for):
    response = client_for("counsellor_off_team").post(
        reverse("followup_start", kwargs={"pk": world.objects["yp_b"].pk}), follow=True
    )
    assert "er ikke startet i job eller uddannelse endnu" in response.content.decode()
    with in_a(world):
        assert not FollowUpPlan.objects.filter(young_person=world.objects["yp_b"]).exists()


def test_the_schedule_is_in_calendar_days_across_daylight_saving():
    # 2026-10-25 is the end of summer time in Europe/Copenhagen.
    days = services.schedule(date(2026, 10, 11), 14, 1)
    assert days == [date(2026, 10, 25), date(2026, 11, 8)]


def test_two_taps_record_a_contact(world, client_for):
    contact = world.objects["contact_a"]
    client = client_for("counsellor_on_team")
    home = whole_page(client, reverse("home"))
    assert "Opfølgninger der venter" in home and "Forfalden" in home  # overdue stands out
    # Tap 1 opens the choices, tap 2 is one of them: a button of the one form that says "reached".
    action = reverse("followup_contact", kwargs={"pk": contact.pk})
    flat = " ".join(home.split())  # the markup as the browser reads it, whatever the indentation
    reached = flat.split(f'<form method="post" action="{action}" class="chips">')[1].split("</form>")[0]
    assert '<input type="hidden" name="reached" value="yes">' in reached
    assert '<button type="submit" name="how_it_goes" value="good" class="secondary">' in reached
    response = client.post(
        reverse("followup_contact", kwargs={"pk": contact.pk}),
        {"reached": "yes", "how_it_goes": "good", "next": "home"},
    )
    assert response.status_code == 302 and response["Location"] == reverse("home")
    with in_a(world):
        contact.refresh_from_db()
    assert contact.done_on == timezone.localdate() and contact.reached and contact.how_it_goes == "good"


def test_a_new_status_from_a_contact_goes_into_the_history(world, client_for):
    contact = world.objects["contact_a"]
    client_for("counsellor_on_team").post(
        reverse("followup_contact", kwargs={"pk": contact.pk}), {"reached": "yes", "status": code("education").pk}
    )
    with in_a(world):
        from brobygger.pathways.selectors import current_status

        assert current_status(world.objects["yp_a"]).activity.code == "education"


def test_a_status_check_records_unknown_as_unknown(world, client_for):
    check = world.objects["check_a"]
    client = client_for("counsellor_on_team")
    empty = client.post(reverse("followup_check", kwargs={"pk": check.pk}), {})
    assert "kunne findes ud af" in empty.content.decode()
    client.post(reverse("followup_check", kwargs={"pk": check.pk}), {"unknown": "on"})
    with in_a(world):
        check.refresh_from_db()
    assert check.done_on and check.unknown and check.status is None


def test_the_reminder_job_twice_sends_no_duplicates(world):
    today = date(2026, 12, 2)
    assert reminders.send_due(today) == 4  # contact + check in each organisation
    assert len(mail.outbox) == 2  # one e-mail per professional
    assert reminders.send_due(today) == 0
    assert len(mail.outbox) == 2
    body = mail.outbox[0].body
    assert "A. A." in body or "O. O." in body
    assert "Asta" not in body and "Otto" not in body  # initials only: the e-mail leaves the platform


def test_a_reminder_job_that_crashes_halfway_sends_the_rest_once(world, monkeypatch):
    today = date(2026, 12, 2)
    real_send, calls = reminders.send_mail, []

    def flaky(*args, **kwargs):
        calls.append(args[3])
        if len(calls) == 2:
            raise ConnectionError("the mail server went away")
        return real_send(*args, **kwargs)

    monkeypatch.setattr(reminders, "send_mail", flaky)
    with pytest.raises(ConnectionError):
        reminders.send_due(today)
    assert len(mail.outbox) == 1
    monkeypatch.setattr(reminders, "send_mail", real_send)
    assert reminders.send_due(today) == 2
    assert len(mail.outbox) == 2
    assert sorted(m.to[0] for m in mail.outbox) == ["counsellor_on_team@a.example", "other_org_user@b.example"]


def test_the_job_runs_through_django_tasks(world):
    result = reminders.send_follow_up_reminders.enqueue()
    assert result.status == "SUCCESSFUL"


def test_the_calendar_feed_shows_initials_and_dates(world, client_for):
    client = client_for("counsellor_on_team")
    client.post(reverse("followup_feed_issue"))
    url = client.get(reverse("followup_home")).context["feed_url"]
    token = url.rsplit("/", 1)[1].removesuffix(".ics")
    response = client_for("anonymous").get(reverse("followup_feed", kwargs={"token": token}))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert {str(e["summary"]) for e in events} == {"Opfølgning: A. A.", "Statusmåling: A. A."}
    assert {e.decoded("dtstart") for e in events} == {date(2026, 11, 1), date(2026, 12, 1)}
    assert b"Asta" not in response.content
    with in_a(world):
        assert AccessLog.objects.filter(object_kind="followup_feed").count() == 1
    assert client_for("anonymous").get(reverse("followup_feed", kwargs={"token": "wrong"})).status_code == 404
    FeedToken.issue(world.user("counsellor_on_team"))  # a new address stops the old one
    assert client_for("anonymous").get(reverse("followup_feed", kwargs={"token": token})).status_code == 404


def test_ending_a_pathway_without_a_job_still_brings_the_status_checks(world, client_for):
    yp_a = world.objects["yp_a"]
    with in_a(world):
        FollowUpPlan.objects.filter(young_person=yp_a).update(closed_on=date(2026, 10, 1))
    response = client_for("counsellor_on_team").post(
        reverse("pathway_end", kwargs={"pk": yp_a.pk}), {"on": "2026-11-20", "reason": "Flyttet"}
    )
    assert response.status_code == 302
    with in_a(world):
        plan = FollowUpPlan.objects.get(young_person=yp_a, closed_on__isnull=True)
        assert plan.outcome is None and plan.contacts.count() == 0
        assert [(c.months_after, c.due_on) for c in plan.checks.order_by("months_after")] == [
            (6, date(2027, 5, 20)),
            (12, date(2027, 11, 20)),
            (18, date(2028, 5, 20)),
        ]
    future = client_for("counsellor_on_team").post(reverse("pathway_end", kwargs={"pk": yp_a.pk}), {"on": "2026-11-21"})
    assert future.status_code == 200  # already ended: a clear message, nothing changed


def _backlog(world, contact, count):
    """`count` more contacts of the same plan, each 14 days before the last, none of them made."""
    with in_a(world):
        FollowUpContact.objects.bulk_create(
            FollowUpContact(
                organisation=world.org_a,
                plan=contact.plan,
                young_person=contact.young_person,
                due_on=contact.due_on - timedelta(days=14 * k),
            )
            for k in range(1, count + 1)
        )


def _others_due(world, count):
    """`count` more young people with one overdue contact each, for the same counsellor."""
    counsellor = world.user("counsellor_on_team")
    with in_a(world):
        for k in range(count):
            young_person = _young(world.org_a, f"Emil{k}", "Nielsen")
            plan = FollowUpPlan.objects.create(
                organisation=world.org_a,
                young_person=young_person,
                responsible=counsellor,
                exit_on=date(2026, 9, 1),
                interval_days=14,
                months=12,
            )
            FollowUpContact.objects.create(
                organisation=world.org_a, plan=plan, young_person=young_person, due_on=date(2026, 11, 2) + timedelta(k)
            )


def test_one_young_persons_backlog_is_one_item_that_never_pushes_the_others_off(world, client_for):
    contact = world.objects["contact_a"]
    _backlog(world, contact, 49)
    _others_due(world, 3)
    client = client_for("counsellor_on_team")
    home = client.get(reverse("home"))
    rows = home.context["due_contacts"]
    assert len(rows) == 4  # the young person with 50 due is one row, beside the three others
    first = rows[0]
    assert first.young_person_id == contact.young_person_id and first.backlog == 50
    assert first.pk == contact.pk  # the latest due: recording it settles the rest
    page = " ".join(home.content.decode().split())
    oldest = contact.due_on - timedelta(days=14 * 49)
    assert f"50 kontakter venter siden {oldest:%d.%m.%Y}" in page
    assert "Registrér dagens kontakt: de tidligere lukkes som bortfaldet." in page

    # One action: today's contact is made, the 49 earlier ones are closed as lapsed.
    done = client.post(
        reverse("followup_contact", kwargs={"pk": contact.pk}),
        {"reached": "yes", "how_it_goes": "good", "next": "home"},
        follow=True,
    )
    assert "49 tidligere kontakter, der ikke blev til noget, er lukket som bortfaldet." in done.content.decode()
    with in_a(world):
        open_left = FollowUpContact.objects.filter(plan=contact.plan, done_on__isnull=True, due_on__lte=contact.due_on)
        assert not open_left.exists()
        assert FollowUpContact.objects.filter(plan=contact.plan, lapsed=True).count() == 49
    assert [r.young_person.first_name for r in done.context["due_contacts"]] == ["Emil0", "Emil1", "Emil2"]
    # The young person reads the contact that was made, not the lapsed ones.
    portal = client_for("young_a").get(reverse("portal")).content.decode()
    assert portal.count("Bortfaldet") == 0


def test_a_long_list_of_young_people_due_shows_the_most_urgent_and_links_to_the_rest(world, client_for):
    _others_due(world, 20)
    client = client_for("counsellor_on_team")
    home = client.get(reverse("home"))
    shown_on_home = followup_selectors.HOME_SHOWS
    assert len(home.context["due_contacts"]) == shown_on_home
    assert f"Vis flere: {21 - shown_on_home} unge mere har en kontakt, der venter" in home.content.decode()
    page = client.get(reverse("followup_home"))
    shows = followup_selectors.PAGE_SHOWS
    assert len(page.context["contacts"]) == shows and page.context["more"] == 21 - shows
    everything = client.get(reverse("followup_home"), {"all": "1"})
    assert len(everything.context["contacts"]) == 21 and everything.context["more"] == 0
    oldest = min(c.oldest_due for c in everything.context["contacts"])
    assert home.context["due_contacts"][0].oldest_due == oldest  # the most overdue first


def test_the_young_persons_page_shows_the_plan_and_offers_no_second_one(world, client_for):
    client = client_for("counsellor_on_team")
    page = " ".join(whole_page(client, reverse("young_person_detail", kwargs={"pk": world.objects["yp_a"].pk})).split())
    assert "Opfølgning</h2>" in page and "Næste kontakt" in page and "Næste statustjek" in page
    assert "Start opfølgning" not in page
    assert reverse("followup_contact", kwargs={"pk": world.objects["contact_a"].pk}) in page

    other = client_for("counsellor_off_team")
    page = whole_page(other, reverse("young_person_detail", kwargs={"pk": world.objects["yp_b"].pk}))
    assert "Start opfølgning" in page  # no plan yet


def _feed_token(client):
    client.post(reverse("followup_feed_issue"))
    url = client.get(reverse("followup_home")).context["feed_url"]
    return url.rsplit("/", 1)[1].removesuffix(".ics")


def test_the_calendar_feed_stops_the_moment_the_last_membership_ends(world, client_for):
    """The probe kept reading a leaver's follow-ups through the token address."""
    token = _feed_token(client_for("counsellor_on_team"))
    feed = reverse("followup_feed", kwargs={"token": token})
    assert client_for("anonymous").get(feed).status_code == 200
    with in_a(world):
        membership = world.user("counsellor_on_team").memberships.get()
    # Removed through the administrator's page, as a leaver is.
    response = client_for("admin").post(reverse("member_remove", kwargs={"pk": membership.pk}))
    assert response.status_code == 302
    assert client_for("anonymous").get(feed).status_code == 404
    assert not FeedToken.objects.filter(user=world.user("counsellor_on_team")).exists()


def test_a_feed_in_an_organisation_left_while_staying_in_another_shows_only_the_other(world, client_for):
    token = _feed_token(client_for("counsellor_on_team"))
    with scope(organisation=world.org_b.pk):
        tenancy.add_member(organisation=world.org_b, email="counsellor_on_team@a.example", role="counsellor")
    with in_a(world):
        world.user("counsellor_on_team").memberships.get(organisation=world.org_a).delete()
    response = client_for("anonymous").get(reverse("followup_feed", kwargs={"token": token}))
    assert response.status_code == 200 and b"VEVENT" not in response.content  # org A's follow-ups are gone


def test_the_owner_stops_their_calendar_address(world, client_for):
    client = client_for("counsellor_on_team")
    token = _feed_token(client)
    assert "Stop min kalenderadresse" in client.get(reverse("followup_home")).content.decode()
    assert client.post(reverse("followup_feed_stop")).status_code == 302
    assert client_for("anonymous").get(reverse("followup_feed", kwargs={"token": token})).status_code == 404


def test_a_contact_recorded_by_two_is_recorded_once_and_the_second_is_told(world, client_for):
    """Two people recording the same due contact both got "registreret"; one was overwritten and each
    added a status entry. The second now keeps their text and writes nothing."""
    contact = world.objects["contact_a"]
    url = reverse("followup_contact", kwargs={"pk": contact.pk})
    first = client_for("counsellor_on_team").post(url, {"reached": "yes", "how_it_goes": "good", "note": "Første"})
    assert first.status_code == 302
    second = client_for("lead").post(url, {"reached": "yes", "how_it_goes": "good", "note": "Anden tekst"})
    page = second.content.decode()
    assert second.status_code == 200 and "Mette" in page and "blev ikke gemt" in page and "Anden tekst" in page
    with in_a(world):
        contact.refresh_from_db()
        assert contact.note == "Første"


def test_a_status_check_recorded_by_two_is_recorded_once(world, client_for):
    check = world.objects["check_a"]
    url = reverse("followup_check", kwargs={"pk": check.pk})
    assert client_for("counsellor_on_team").post(url, {"unknown": "on"}).status_code == 302
    second = client_for("lead").post(url, {"unknown": "on"})
    assert second.status_code == 200 and "blev ikke gemt" in second.content.decode()
    with in_a(world):
        check.refresh_from_db()
        assert check.recorded_by == world.user("counsellor_on_team")


def test_a_job_that_starts_moves_the_pathway_to_job_or_education(world, client_for):
    yp_a = world.objects["yp_a"]
    client_for("counsellor_on_team").post(
        reverse("status_quick", kwargs={"pk": yp_a.pk}), {"activity": code("ordinary_job").pk}
    )
    with in_a(world):
        yp_a.pathway.refresh_from_db()
        assert yp_a.pathway.phase == "job_or_education"  # not still "getting to know each other"
