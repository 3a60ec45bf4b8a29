"""The young person's own page: plan, notes, team, status, yes/no, wishes,
and a download of everything."""

import io
import json

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_scopes import scope
from pypdf import PdfReader

from brobygger.audit.models import AccessLog
from brobygger.core.transparency import section, sections, sections_to_read
from brobygger.followup.models import FollowUpContact
from brobygger.pathways.models import Wish
from brobygger.staircase.models import Activity
from tests.parts import whole_page


def test_the_portal_shows_plan_notes_team_status_and_the_next_step(world, client_for):
    page = whole_page(client_for("young_a"), reverse("portal"))
    for text in ("Besøge et lydstudie A", "Vi talte om lyd og lys A", "Mette", "Afklaring eller ressourceforløb"):
        assert text in page, text
    assert page.index("Det næste gode skridt") < page.index('id="section-plan"')


def test_a_no_needs_no_reason_and_the_counsellor_sees_it(world, client_for):
    activity = world.objects["activity_a"]
    response = client_for("young_a").post(reverse("activity_answer", kwargs={"pk": activity.pk}), {"answer": "no"})
    assert response.status_code == 302
    with scope(organisation=world.org_a.pk):
        activity.refresh_from_db()
    assert activity.state == Activity.State.DECLINED
    page = whole_page(client_for("counsellor_on_team"), f"/young/{world.objects['yp_a'].pk}/")
    assert "Nej fra den unge" in page


def test_a_proposal_is_answered_once(world, client_for):
    url = reverse("activity_answer", kwargs={"pk": world.objects["activity_a"].pk})
    client = client_for("young_a")
    client.post(url, {"answer": "yes"})
    response = client.post(url, {"answer": "no"}, follow=True)
    assert "allerede svaret" in response.content.decode()
    with scope(organisation=world.org_a.pk):
        assert Activity.objects.get(pk=world.objects["activity_a"].pk).state == Activity.State.ACCEPTED


def test_the_young_person_wishes_an_activity(world, client_for):
    response = client_for("young_a").post(reverse("wish_create"), {"kind": "for_all", "text": "Et madhold om fredagen"})
    assert response.status_code == 302
    with scope(organisation=world.org_a.pk):
        assert Wish.objects.filter(text="Et madhold om fredagen", kind="for_all").exists()
    page = whole_page(client_for("counsellor_on_team"), f"/young/{world.objects['yp_a'].pk}/")
    assert "Et madhold om fredagen" in page
    empty = client_for("young_a").post(reverse("wish_create"), {"kind": "for_me", "text": "  "})
    assert empty.status_code == 200 and "Skriv dit ønske" in empty.content.decode()


def test_json_export_holds_every_section_and_no_staff_names_in_the_log(world, client_for):
    client_for("counsellor_on_team").get(f"/young/{world.objects['yp_a'].pk}/")
    response = client_for("young_a").get(reverse("export_json"))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    sections = data["sections"]
    from brobygger.core.transparency import sections as registered

    assert set(sections) == {s.key for s in registered()}
    assert all(sections[key]["rows"] for key in sections), "the test world has a row in every section"
    log_text = json.dumps(sections["access_log"], ensure_ascii=False)
    assert "Mette" not in log_text and "Arbejde med den unges forløb" in log_text
    assert "Vi talte om lyd og lys A" in json.dumps(sections["notes"], ensure_ascii=False)
    with scope(organisation=world.org_a.pk):
        assert AccessLog.objects.filter(action="export", subject=world.objects["yp_a"]).count() == 1


def test_pdf_export_is_a_readable_pdf_with_danish_letters(world, client_for):
    response = client_for("young_a").get(reverse("export_pdf"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Asta Andersen" in text
    assert "Angst i store grupper" in text  # the special-category section is included too
    assert "Prøve at sætte lys op til en koncert" in text  # æ and ø survive


def test_special_category_information_asks_for_the_purpose_first(world, client_for):
    url = reverse("sensitive_open", kwargs={"pk": world.objects["yp_a"].pk})
    client = client_for("counsellor_on_team")
    first = client.get(url).content.decode()
    assert "Angst i store grupper" not in first and "Hvorfor skal du åbne" in first
    too_short = client.post(url, {"purpose": "x"}).content.decode()
    assert "Angst i store grupper" not in too_short
    opened = client.post(url, {"purpose": "Planlægge praktikstart"}).content.decode()
    assert "Angst i store grupper" in opened
    with scope(organisation=world.org_a.pk):
        row = AccessLog.objects.filter(purpose="special_category").latest("id")
    assert row.purpose_text == "Planlægge praktikstart" and "Angst" not in row.purpose_text


def test_special_category_information_is_not_in_the_referral_or_for_other_roles(world, client_for):
    page = whole_page(client_for("lead"), f"/young/{world.objects['yp_a'].pk}/")
    assert "Angst i store grupper" not in page
    assert client_for("lead").get(reverse("sensitive_open", kwargs={"pk": world.objects["yp_a"].pk})).status_code == 404


def test_the_portal_asks_once_which_sections_hold_something_and_shows_every_section(world, client_for):
    for name in ("yp_a", "yp_b"):  # every section filled, and some empty
        young_person = world.objects[name]
        with scope(organisation=world.org_a.pk):
            to_read = set(sections_to_read(young_person))
            holding = {entry.key for entry in sections() if list(entry.rows(young_person))}
        assert holding <= to_read, name  # a section with rows is never passed over
    assert 5 < len(to_read) < len(sections())
    client = client_for("young_b")
    client.get(reverse("portal"))
    with CaptureQueriesContext(connection) as queries:
        html = whole_page(client, reverse("portal"))
    for entry in sections():  # every section has its heading, empty or not (nothing is hidden)
        assert f'id="section-{entry.key}"' in html
    section_queries = [q for q in queries.captured_queries if "EXISTS" in q["sql"]]
    assert len(section_queries) == 1  # once, for the whole page
    with scope(organisation=world.org_a.pk):
        to_read = sections_to_read(world.objects["yp_b"])
    unread = {entry.model._meta.db_table for entry in sections() if entry.key not in to_read}
    reads = [q["sql"] for q in queries.captured_queries if "EXISTS" not in q["sql"]]
    assert unread and not [table for table in unread if any(f'FROM "{table}"' in sql for sql in reads)]
    # The pathway, the next step and today's status come from sections the page reads whole.
    assert all(section(key).preview is None for key in ("pathway", "plan", "status"))
    pathway_reads = [q["sql"] for q in queries.captured_queries if 'FROM "pathways_pathway"' in q["sql"]]
    assert len([sql for sql in pathway_reads if "EXISTS" not in sql]) == ("pathway" in to_read)


def test_a_section_whose_rows_are_all_filtered_out_is_read_and_says_none_yet(world, client_for):
    """The question which sections to read ignores each section's own filter: a contact not yet
    made is in the table but not in the young person's "contacts" section."""
    young_person = world.objects["yp_a"]
    with scope(organisation=world.org_a.pk):
        FollowUpContact.objects.filter(young_person=young_person, done_on__isnull=False).delete()
        assert FollowUpContact.objects.filter(young_person=young_person).exists()
        assert "followup_contacts" in sections_to_read(young_person)
        assert not section("followup_contacts").rows(young_person).exists()
    html = whole_page(client_for("young_a"), reverse("portal"))
    block = html[html.index('id="section-followup_contacts"') :]
    assert block.index("Ingen endnu.") < block.index('id="section-', 1)
