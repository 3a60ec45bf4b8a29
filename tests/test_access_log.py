"""The access log: one row per action, in the same transaction, never the
data itself, and the database refuses to change or delete rows
(security.md R29–R31, R38)."""

import pytest
from django.db import DatabaseError, connection, transaction
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from brobygger.access.actor import Actor
from brobygger.access.rules import Kind
from brobygger.audit import services as audit
from brobygger.audit.models import AccessLog, AppendOnlyError, LogAction, LogKind
from brobygger.audit.services import purge_expired
from brobygger.people.models import YoungPerson
from brobygger.reviews import selectors as review_selectors
from tests.parts import whole_page


def rows():
    with scopes_disabled():
        return list(AccessLog.objects.order_by("id"))


def test_viewing_a_young_person_writes_a_row_for_each_kind_of_data_the_page_showed(world, client_for):
    """The page shows the referral, where they are on the way and the plan, the follow-up, the
    conversations, the activities and the team: one row for each kind, so the log says what was read."""
    before = len(rows())
    yp = world.objects["yp_a"]
    response = client_for("counsellor_on_team").get(reverse("young_person_detail", kwargs={"pk": yp.pk}))
    assert response.status_code == 200
    new = rows()[before:]
    assert [(r.action, r.object_kind, r.subject_id) for r in new] == [
        ("view", kind, yp.pk)
        for kind in ("young_person", "plan_step", "followup_contact", "note", "activity", "team_member")
    ]
    row = new[0]
    assert (row.action, row.subject_id, row.user_id, row.role, row.purpose) == (
        "view",
        yp.pk,
        world.user("counsellor_on_team").pk,
        "counsellor",
        "casework",
    )
    assert row.organisation_id == world.org_a.pk
    assert row.at.utcoffset().total_seconds() == 0


def test_search_logs_its_words_about_each_young_person_it_showed(world, client_for):
    before = len(rows())
    client_for("lead").get(reverse("young_people_list"), {"q": "Asta"})
    client_for("lead").get(reverse("young_people_list"), {"q": "Ingen"})
    new = rows()[before:]
    assert [(r.action, r.criterion, r.subject_id) for r in new] == [
        ("search", "Asta", world.objects["yp_a"].pk),
        ("search", "Ingen", None),
    ]


def test_a_denied_request_writes_nothing(world, client_for):
    before = len(rows())
    response = client_for("counsellor_off_team").get(
        reverse("young_person_detail", kwargs={"pk": world.objects["yp_a"].pk})
    )
    assert response.status_code == 404
    assert len(rows()) == before


def test_create_update_and_consent_are_logged(world, client_for):
    before = len(rows())
    client = client_for("counsellor_on_team")
    response = client.post(
        reverse("young_person_create"),
        {
            "first_name": "Nanna",
            "last_name": "Nielsen",
            "birth_date": "2005-01-02",
            "referral_date": timezone.localdate().isoformat(),
            "referral_source": "self",
        },
    )
    assert response.status_code == 302
    actions = [r.action for r in rows()[before:]]
    assert actions[0] == "create"
    logged = " ".join(f"{r.criterion} {r.object_kind} {r.object_id}" for r in rows())
    assert "Nanna" not in logged and "Nielsen" not in logged


def test_data_and_log_row_are_committed_together(world):
    from brobygger.access.actor import Actor
    from brobygger.people import services
    from brobygger.tenancy.models import Role

    with scope(organisation=world.org_a.pk):
        actor = Actor(world.user("counsellor_on_team"), world.org_a, [world.org_a], {Role.COUNSELLOR})
        before_people, before_rows = YoungPerson.objects.count(), len(rows())
        with pytest.raises(RuntimeError), transaction.atomic():
            services.create_referral(
                actor,
                data={
                    "first_name": "Rollback",
                    "last_name": "Test",
                    "birth_date": "2004-04-04",
                    "referral_date": "2026-10-01",
                    "referral_source": "self",
                },
            )
            raise RuntimeError("the request failed after the write")
        assert YoungPerson.objects.count() == before_people
    assert len(rows()) == before_rows


def test_the_model_refuses_update_and_delete(world):
    row = rows()[0]
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with scopes_disabled(), pytest.raises(AppendOnlyError):
        AccessLog.objects.all().update(purpose="x")
    with scopes_disabled(), pytest.raises(AppendOnlyError):
        AccessLog.objects.all().delete()


def test_the_database_refuses_update_and_delete(world):
    assert rows(), "the world writes log rows"
    for sql in ("UPDATE audit_accesslog SET purpose = 'x'", "DELETE FROM audit_accesslog"):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(sql)
    assert all(r.purpose != "x" for r in rows())


def test_only_the_retention_job_deletes_old_rows(world):
    count = len(rows())
    assert purge_expired(183) == 0
    assert len(rows()) == count
    assert purge_expired(0, now=timezone.now() + timezone.timedelta(days=1)) == count
    assert rows() == []
    with connection.cursor() as cursor:
        # The grant does not outlive the job's transaction.
        cursor.execute("SELECT COUNT(*) FROM audit_retentiongrant")
        assert cursor.fetchone()[0] == 0


def test_lead_can_spot_check_the_log_and_young_person_sees_dates_and_purposes(world, client_for):
    client_for("counsellor_on_team").get(reverse("young_person_detail", kwargs={"pk": world.objects["yp_a"].pk}))
    lead_page = client_for("lead").get(reverse("access_log"))
    assert "Mette" in lead_page.content.decode()
    portal = whole_page(client_for("young_a"), reverse("portal"))
    assert "Work on the young person" in portal or "Arbejde med den unges forløb" in portal
    assert "Mette" not in portal.split('id="section-access_log"')[1]


def test_erasing_a_crafted_name_keeps_every_row_about_anyone_else(
    world, client_for, django_capture_on_commit_callbacks
):
    """The probe's attack: a young person named like the words in other rows ("Export", "Johansen",
    "match suggestions") is erased, and only the rows about them go."""
    counsellor, lead = client_for("counsellor_on_team"), client_for("lead")
    # Rows about others and about no one, whose words the crafted name contains.
    lead.get("/young/", {"q": "Asta"})  # a search that finds someone else
    lead.get("/young/", {"q": "Johansen Export"})  # a search that finds no one
    lead.get(reverse("young_people_list"), {"q": "Bertil"})
    counsellor.get(reverse("young_person_detail", kwargs={"pk": world.objects["yp_a"].pk}))
    with scope(organisation=world.org_a.pk):
        from tests.world import _young

        person = _young(world.org_a, "Export", "Johansen")
    lead.get(reverse("young_person_detail", kwargs={"pk": person.pk}))
    lead.get("/young/", {"q": "Export Johansen"})  # finds them
    about_them = [r.pk for r in rows() if r.subject_id == person.pk]
    assert {r.action for r in rows() if r.pk in about_them} == {"view", "search"}
    before = [r.pk for r in rows() if r.subject_id != person.pk]
    assert any("Export" in r.criterion or "Johansen" in r.criterion for r in rows() if r.pk in before)

    with django_capture_on_commit_callbacks(execute=True):
        response = lead.post(f"/young/{person.pk}/erase/", {"confirm": "Export Johansen"})
    assert response.status_code == 302
    after = rows()
    kept = {r.pk for r in after}
    assert set(before) <= kept, "a row about someone else, or about no one, was erased"
    assert not kept & set(about_them)
    # What is left is the erasure itself (about no one).
    assert [(r.action, r.subject_id) for r in after if r.pk not in set(before)] == [("delete", None)]


def test_a_list_of_several_young_people_writes_a_row_about_each(world, client_for):
    before = len(rows())
    response = client_for("lead").get("/young/", {"q": "e"})
    assert response.status_code == 200
    found = {r.subject_id for r in rows()[before:]}
    assert {world.objects["yp_a"].pk, world.objects["yp_b"].pk} <= found
    before = len(rows())
    client_for("consultant").get(reverse("round_detail", kwargs={"pk": world.objects["round_a"].pk}))
    assert {r.subject_id for r in rows()[before:]} == {world.objects["yp_a"].pk, world.objects["yp_b"].pk}


def test_a_case_review_agenda_writes_a_row_about_each_young_person_on_it(world, client_for):
    """The agenda's lists wrote one row about the review, none about the young people on them."""
    review = world.objects["review_a"]
    before = len(rows())
    response = client_for("lead").get(reverse("review_detail", kwargs={"pk": review.pk}))
    assert response.status_code == 200
    new = rows()[before:]
    with scope(organisation=world.org_a.pk):
        on_agenda = {yp.pk for yp in review_selectors.people_on(review_selectors.agenda(review))}
    assert world.objects["yp_a"].pk in on_agenda  # the decision about them is on it
    assert {r.subject_id for r in new} == on_agenda and len(new) == len(on_agenda)
    assert all(r.criterion == "case review agenda" for r in new)


def test_the_log_speaks_one_vocabulary_that_holds_every_kind_of_the_rules_table():
    """Every kind a rule names can be written about, under the same word."""
    assert {kind.value for kind in Kind} <= {kind.value for kind in LogKind}
    assert all(LogKind[kind.name] == kind.value for kind in Kind)


def test_a_word_outside_the_logs_vocabulary_is_refused(world):
    user = world.user("counsellor_on_team")
    actor = Actor(user, world.org_a, [world.org_a], {"counsellor"})
    before = AccessLog.objects.with_scopes_disabled().count()
    with scope(organisation=world.org_a.pk), pytest.raises(ValueError):
        audit.log(actor, LogAction.VIEW, kind="something_else")
    assert AccessLog.objects.with_scopes_disabled().count() == before
