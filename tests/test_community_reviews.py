"""Network groups, other communities and case reviews."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import ScopeError, scope

from brobygger.community.models import Community, GroupMember, Meeting, Participation, Pointer
from brobygger.conversations.models import Note
from brobygger.followup.models import FollowUpContact, FollowUpPlan
from brobygger.pathways.models import Pathway
from brobygger.people.models import ReferralSource, TeamMember, YoungPerson
from brobygger.reviews import selectors
from brobygger.reviews.models import Decision, Review
from tests.parts import whole_page


def in_a(world):
    return scope(organisation=world.org_a.pk)


def test_a_meeting_invites_every_member_and_records_who_came(world, client_for):
    group = world.objects["group_a"]
    client = client_for("workshop_leader")
    client.post(
        reverse("group_member_add", kwargs={"pk": group.pk}),
        {"young_person": world.objects["yp_a"].pk, "phase": "on_the_way_in"},
    )  # already a member: refused with a message, nothing doubled
    with in_a(world):
        assert GroupMember.objects.filter(group=group).count() == 1
    starts = (timezone.localtime() + timedelta(days=7)).strftime("%Y-%m-%dT17:00")
    response = client.post(reverse("meeting_create", kwargs={"pk": group.pk}), {"starts_at": starts})
    assert response.status_code == 302
    with in_a(world):
        meeting = Meeting.objects.filter(group=group).order_by("-starts_at").first()
        participation = Participation.objects.get(meeting=meeting)
    assert timezone.localtime(meeting.starts_at).hour == 17
    client.post(
        reverse("meeting_attendance", kwargs={"pk": meeting.pk}), {"participation": participation.pk, "attended": "yes"}
    )
    with in_a(world):
        participation.refresh_from_db()
    assert participation.attended is True


def test_a_shared_note_names_no_one_who_has_not_agreed(world, client_for):
    meeting = world.objects["meeting_a"]
    client = client_for("counsellor_on_team")
    url = reverse("meeting_detail", kwargs={"pk": meeting.pk})
    refused = client.post(url, {"text": "Asta fortalte om sin praktik."})
    assert "Noten nævner Asta" in refused.content.decode()
    with in_a(world):
        assert Meeting.objects.get(pk=meeting.pk).shared_note == ""
        GroupMember.objects.filter(group=meeting.group).update(may_be_named=True)
    assert client.post(url, {"text": "Asta fortalte om sin praktik."}).status_code == 302
    page = whole_page(client_for("young_a"), reverse("portal"))
    assert "Asta fortalte om sin praktik." in page


def test_a_young_person_is_pointed_to_another_community(world, client_for):
    community = world.objects["community_a"]
    client_for("counsellor_on_team").post(
        reverse("community_point", kwargs={"pk": world.objects["yp_a"].pk}),
        {"community": community.pk, "note": "Åben scene torsdag"},
    )
    with in_a(world):
        assert Pointer.objects.filter(young_person=world.objects["yp_a"], note="Åben scene torsdag").exists()
    assert "Åben scene torsdag" in whole_page(client_for("young_a"), reverse("portal"))


def test_another_organisations_community_cannot_be_chosen(world, client_for):
    response = client_for("counsellor_on_team").post(
        reverse("community_point", kwargs={"pk": world.objects["yp_a"].pk}),
        {"community": world.objects["community_other"].pk},
    )
    assert response.status_code == 200 and "community" in response.context["form"].errors
    with in_a(world):
        assert not Community.objects.filter(pk=world.objects["community_other"].pk).exists()


def test_two_reviews_at_the_same_time_are_refused(world, client_for):
    client = client_for("lead")
    when = (timezone.localtime() + timedelta(days=3)).strftime("%Y-%m-%dT09:00")
    assert client.post(reverse("reviews"), {"starts_at": when}).status_code == 302
    again = client.post(reverse("reviews"), {"starts_at": when})
    assert "Der er allerede et reviewmøde" in again.content.decode()
    with in_a(world):
        assert Review.objects.count() == 2  # the world's review and the new one


def test_the_agenda_builds_itself_and_distribution_sets_up_the_team(world, client_for):
    with in_a(world):
        TeamMember.objects.filter(young_person=world.objects["yp_b"]).delete()  # a new referral
    review = world.objects["review_a"]
    client = client_for("lead")
    page = whole_page(client, reverse("review_detail", kwargs={"pk": review.pk}))
    distribute = page.split('id="dist-h"')[1].split("</section>")[0]
    assert "Bertil Bendtsen" in distribute
    mette = world.user("counsellor_on_team")
    assert f'<option value="{mette.pk}">{mette.display_name}</option>' in distribute
    overdue = page.split('id="od-h"')[1].split("</section>")[0]
    assert "Asta Andersen" in overdue  # the open follow-up contact from 1 November
    no_contact = page.split('id="nc-h"')[1].split("</section>")[0]
    assert "Bertil Bendtsen" in no_contact  # his only note is from 1 October
    response = client.post(
        reverse("review_distribute", kwargs={"pk": review.pk}),
        {"young_person": world.objects["yp_b"].pk, "counsellor": world.user("counsellor_on_team").pk},
    )
    assert response.status_code == 302
    with in_a(world):
        seat = TeamMember.objects.get(young_person=world.objects["yp_b"])
        decision = Decision.objects.filter(young_person=world.objects["yp_b"]).get()
    assert seat.user == world.user("counsellor_on_team") and seat.is_primary
    assert "Mette" in decision.text
    assert "din vejleder og din indgang" in whole_page(client_for("young_b"), reverse("portal"))


def test_a_decision_is_visible_to_the_young_person(world, client_for):
    review = world.objects["review_a"]
    client_for("lead").post(
        reverse("review_decide", kwargs={"pk": review.pk}),
        {"young_person": world.objects["yp_a"].pk, "text": "Tilbydes snusepraktik"},
    )
    assert "Tilbydes snusepraktik" in whole_page(client_for("young_a"), reverse("portal"))


def test_the_decision_form_offers_the_people_on_the_agenda_and_everyone_on_request(world, client_for):
    review = world.objects["review_a"]
    with in_a(world):  # someone the agenda has no reason to name: a counsellor, and a talk today
        calm = YoungPerson.objects.create(
            organisation=world.org_a,
            first_name="Carl",
            last_name="Rolig",
            birth_date=timezone.localdate() - timedelta(days=20 * 365),
            referral_date=timezone.localdate(),
            referral_source="self",
        )
        counsellor = world.user("counsellor_on_team")
        TeamMember.objects.create(
            organisation=world.org_a, young_person=calm, user=counsellor, role="counsellor", is_primary=True
        )
        Note.objects.create(
            organisation=world.org_a,
            young_person=calm,
            author=counsellor,
            conversation_date=timezone.localdate(),
            text="God snak",
        )
    client = client_for("lead")
    page = client.get(reverse("review_decide", kwargs={"pk": review.pk}))
    offered = {str(pk) for pk, _label in page.context["decision_form"].fields["young_person"].choices if pk}
    with in_a(world):
        on_agenda = {str(yp.pk) for yp in selectors.people_on(selectors.agenda(review))}
        everyone = {str(pk) for pk in YoungPerson.objects.values_list("pk", flat=True)}
    assert offered == on_agenda and str(world.objects["yp_a"].pk) in offered
    assert str(calm.pk) not in offered and offered < everyone
    assert "Nogen, der ikke er på dagsordenen?" in page.content.decode()
    full = client.get(reverse("review_decide", kwargs={"pk": review.pk}), {"everyone": "1"})
    assert {str(pk) for pk, _label in full.context["decision_form"].fields["young_person"].choices if pk} == everyone
    # Anyone may be posted from either form; a decision without text is refused with the form again.
    refused = client.post(reverse("review_decide", kwargs={"pk": review.pk}), {"young_person": calm.pk, "text": ""})
    assert refused.status_code == 200 and "errorlist" in refused.content.decode()
    done = client.post(reverse("review_decide", kwargs={"pk": review.pk}), {"young_person": calm.pk, "text": "Ok"})
    assert done.status_code == 302
    with in_a(world):
        assert Decision.objects.filter(young_person=calm, text="Ok").exists()


def test_no_contact_puts_never_first_counts_follow_up_contacts_and_leaves_out_ended_pathways(world):
    today = date(2026, 12, 1)
    with in_a(world):
        organisation = world.org_a
        never = YoungPerson.objects.create(
            organisation=organisation,
            first_name="Nanna",
            last_name="Nielsen",
            birth_date=date(2007, 1, 2),
            referral_date=date(2026, 11, 1),
            referral_source=ReferralSource.JOBCENTRE,
        )
        rows = selectors.no_contact(organisation, today, 30)
        assert [(yp.full_name, yp.last_contact) for yp in rows[:1]] == [("Nanna Nielsen", None)]
        assert {yp.full_name: yp.last_contact for yp in rows}["Bertil Bendtsen"] == date(2026, 10, 1)
        # A follow-up contact done lately is contact too; an ended pathway leaves the agenda.
        bertil = world.objects["yp_b"]
        plan = FollowUpPlan.objects.create(
            organisation=organisation,
            young_person=bertil,
            responsible=world.user("counsellor_off_team"),
            exit_on=date(2026, 6, 1),
            interval_days=14,
            months=12,
        )
        FollowUpContact.objects.create(
            organisation=organisation, plan=plan, young_person=bertil, due_on=today, done_on=date(2026, 11, 20)
        )
        Pathway.objects.create(organisation=organisation, young_person=never, state=Pathway.State.ENDED)
        rows = selectors.no_contact(organisation, today, 30)
    names = [yp.full_name for yp in rows]
    assert "Bertil Bendtsen" not in names and "Nanna Nielsen" not in names and "Asta Andersen" in names
    last = [yp.last_contact or date.min for yp in rows]
    assert last == sorted(last)  # the oldest contact first


def test_the_no_contact_list_is_read_only_within_its_organisations_scope(world):
    """It reads through the scoped managers: outside a scope it refuses, and within another
    organisation's scope it finds none of the first one's young people."""
    with pytest.raises(ScopeError):
        list(selectors.no_contact(world.org_a, date(2026, 12, 1), 30))
    with scope(organisation=world.org_b.pk):
        assert not list(selectors.no_contact(world.org_a, date(2026, 12, 1), 30))
    with scope(organisation=world.org_b.pk):
        named = {yp.full_name for yp in selectors.no_contact(world.org_b, date(2026, 12, 1), 30)}
        theirs = {yp.full_name for yp in YoungPerson.objects.all()}
    assert named and named <= theirs  # only the organisation's own young people


def test_each_agenda_list_says_how_long_it_is_when_it_shows_only_the_first(world, client_for):
    with in_a(world):
        before = len(selectors.no_contact(world.org_a, timezone.localdate(), 30, shown=10_000))
        YoungPerson.objects.bulk_create(
            YoungPerson(
                organisation=world.org_a,
                first_name=f"Ny{index:02}",
                last_name="Henvist",
                birth_date=date(2007, 1, 2),
                referral_date=date(2026, 11, 1),
                referral_source=ReferralSource.JOBCENTRE,
            )
            for index in range(selectors.SHOWN)
        )
        rows = selectors.no_contact(world.org_a, timezone.localdate(), 30)
    total = before + selectors.SHOWN
    assert len(rows) == selectors.SHOWN and rows.total == total
    page = whole_page(client_for("lead"), reverse("review_detail", kwargs={"pk": world.objects["review_a"].pk}))
    no_contact = page.split('id="nc-h"')[1].split("</section>")[0]
    assert f"({total})" in no_contact and f"De første {selectors.SHOWN} af {total} vises." in no_contact
    assert no_contact.count('<li class="between">') == selectors.SHOWN
    assert 'href="?all=1">Vis flere</a>' in no_contact  # the way to the rest
    everyone = whole_page(
        client_for("lead"), reverse("review_detail", kwargs={"pk": world.objects["review_a"].pk}), {"all": "1"}
    )
    assert everyone.split('id="nc-h"')[1].split("</section>")[0].count('<li class="between">') == total
    overdue = page.split('id="od-h"')[1].split("</section>")[0]
    items = overdue.count('<li class="item">')
    assert items and f"({items})" in overdue and "vises." not in overdue  # all shown: nothing more to say
