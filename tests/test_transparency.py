"""PRODUCT.md: everything written about a young person is visible to them.

Every model with a foreign key (or one-to-one) to YoungPerson must be in the
portal registry, and the young person's own page must show each section and
each row the world holds about them.
"""

from django.apps import apps
from django.urls import reverse
from django_scopes import scope

from brobygger.core.transparency import registered_models, sections
from brobygger.people.models import YoungPerson
from tests.parts import whole_page


def models_about_a_young_person():
    found = {YoungPerson}
    for model in apps.get_models():
        for field in model._meta.get_fields():
            if field.is_relation and field.concrete and field.related_model is YoungPerson:
                found.add(model)
    return found


def test_every_model_about_a_young_person_is_registered():
    missing = {m._meta.label for m in models_about_a_young_person() - registered_models()}
    assert missing == set(), f"Not shown to the young person: {sorted(missing)}"


def test_the_portal_shows_every_section_and_row(world, client_for):
    client_for("counsellor_on_team").get(reverse("young_person_detail", kwargs={"pk": world.objects["yp_a"].pk}))
    response = client_for("young_a")
    page = whole_page(response, reverse("portal"))
    yp = world.objects["yp_a"]
    for section in sections():
        assert f'id="section-{section.key}"' in page, section.key
        with scope(organisation=world.org_a.pk):
            rows = list(section.rows(yp))
        assert rows, f"the test world should hold a row for {section.key}"
    assert "Asta Andersen" in page and "+45 20 30 40 50" in page
    assert "Mette" in page and "Freja" in page  # the team
    assert "Lumen" in page  # the consent
    assert page.count("<tr>") > 2  # the access-log rows


def test_portal_shows_only_the_young_persons_own_data(world, client_for):
    page = whole_page(client_for("young_a"), reverse("portal"))
    assert "Bertil" not in page and "Radar" not in page


def test_the_young_persons_export_names_people_not_their_e_mail_addresses(world):
    from brobygger.core.transparency import plain

    counsellor = world.user("counsellor_on_team")
    assert plain(counsellor) == counsellor.display_name and "@" not in plain(counsellor)
