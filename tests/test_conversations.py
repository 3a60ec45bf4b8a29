"""Notes from conversations: quick, tagged, always readable by the young person."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from django_scopes import scope

from brobygger.conversations.models import Note
from tests.parts import whole_page


def note_url(world):
    return reverse("note_create", kwargs={"pk": world.objects["yp_a"].pk})


def note_data(**overrides):
    data = {"text": "Vi talte om drømmen om lyd.", "tracks": ["dream"], "keys": ["recognition", "goals"]}
    data["conversation_date"] = timezone.localdate().isoformat()
    data.update(overrides)
    return data


def notes(world):
    with scope(organisation=world.org_a.pk):
        return list(Note.objects.filter(young_person=world.objects["yp_a"]))


def test_a_tagged_note_is_saved_and_the_young_person_reads_it(world, client_for):
    response = client_for("counsellor_on_team").post(note_url(world), note_data(recognitions=["personal"]))
    assert response.status_code == 302
    note = notes(world)[0]
    assert note.tracks == ["dream"] and note.keys == ["recognition", "goals"] and note.recognitions == ["personal"]
    portal = whole_page(client_for("young_a"), reverse("portal"))
    assert "Vi talte om drømmen om lyd." in portal and "Drømmespor" in portal and "Anerkendelse" in portal


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text": "x" * 50_000}, "højst have 10000 tegn"),
        ({"text": "   "}, "Skriv noget om samtalen"),
        ({"conversation_date": (timezone.localdate() + timedelta(days=1)).isoformat()}, "fremtiden"),
        ({"conversation_date": "2020-01-01"}, "mere end et år"),
        ({"tracks": ["nightmare"]}, "gyldig valgmulighed"),
    ],
)
def test_bad_note_input_is_refused_with_a_danish_message(world, client_for, overrides, message):
    before = len(notes(world))
    response = client_for("counsellor_on_team").post(note_url(world), note_data(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert len(notes(world)) == before


def test_a_refused_long_note_keeps_the_text_on_screen(world, client_for):
    text = "Lang note " * 2000
    response = client_for("counsellor_on_team").post(note_url(world), note_data(text=text))
    assert "Lang note Lang note" in response.content.decode()


def test_script_in_a_note_comes_back_escaped_everywhere(world, client_for):
    payload = '<script>alert("x")</script><img src=x onerror=alert(1)>'
    client_for("counsellor_on_team").post(note_url(world), note_data(text=payload))
    for name, url in (("counsellor_on_team", f"/young/{world.objects['yp_a'].pk}/"), ("young_a", "/me/")):
        page = whole_page(client_for(name), url)
        assert payload not in page and "&lt;script&gt;" in page


def test_only_the_author_corrects_a_note_and_only_on_the_day(world, client_for):
    client_for("counsellor_on_team").post(note_url(world), note_data(text="Første"))
    note = notes(world)[0]
    edit = reverse("note_edit", kwargs={"pk": note.pk})
    assert client_for("counsellor_on_team").post(edit, note_data(text="Rettet")).status_code == 302
    assert notes(world)[0].text == "Rettet"
    other = client_for("workshop_leader").post(edit, note_data(text="Andens"))
    assert other.status_code == 302
    assert notes(world)[0].text == "Rettet"
    with scope(organisation=world.org_a.pk):
        Note.objects.filter(pk=note.pk).update(created_at=timezone.now() - timedelta(days=1))
    assert client_for("counsellor_on_team").post(edit, note_data(text="I morgen")).status_code == 302
    assert notes(world)[0].text == "Rettet"


def test_the_note_form_opens_ready_to_type_with_the_track_preselected(world, client_for):
    page = client_for("counsellor_on_team").get(note_url(world) + "?track=dream").content.decode()
    assert "autofocus" in page
    assert 'value="dream"' in page.split('name="tracks"', 1)[0] + page.split('name="tracks"', 1)[1][:80]
