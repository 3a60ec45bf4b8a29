"""Two young people with the same name are told apart wherever they are picked or listed
(user-walk.md item 5: two "Lucas Kristensen" in the case review's decision list)."""

import re
from datetime import date

from django.urls import reverse
from django_scopes import scope

from brobygger.reviews.models import Decision
from tests.parts import whole_page
from tests.world import _young


def _two_of_the_same_name(world):
    with scope(organisation=world.org_a.pk):
        first = _young(world.org_a, "Lucas", "Kristensen")
        second = _young(world.org_a, "Lucas", "Kristensen")
        second.birth_date = date(2008, 2, 1)
        second.save()
    return first, second


def _labels(page, name):
    return [" ".join(label.split()) for label in re.findall(rf">\s*({name}[^<]*)<", page)]


def test_the_decision_picker_and_the_agenda_tell_two_of_the_same_name_apart(world, client_for):
    first, second = _two_of_the_same_name(world)
    lead = client_for("lead")
    review = world.objects["review_a"]
    picker = whole_page(lead, reverse("review_decide", kwargs={"pk": review.pk}))
    options = re.findall(r'<option value="([0-9a-f-]+)"[^>]*>(Lucas Kristensen[^<]*)</option>', picker)
    assert {value for value, _label in options} == {str(first.pk), str(second.pk)}
    labels = {label for _value, label in options}
    assert len(labels) == 2, labels
    assert f"Lucas Kristensen (f. 2006 · {first.pk.hex[-4:]})" in labels
    assert f"Lucas Kristensen (f. 2008 · {second.pk.hex[-4:]})" in labels

    lead.post(reverse("review_decide", kwargs={"pk": review.pk}), {"young_person": second.pk, "text": "Praktik"})
    with scope(organisation=world.org_a.pk):
        assert Decision.objects.get(text="Praktik").young_person == second

    agenda = whole_page(lead, reverse("review_detail", kwargs={"pk": review.pk}))
    shown = _labels(agenda, "Lucas Kristensen")
    assert "Lucas Kristensen (f. 2008)" in shown  # the decision names the right one
    assert len(set(shown)) == 2, shown


def test_the_list_of_young_people_tells_two_of_the_same_name_apart(world, client_for):
    _two_of_the_same_name(world)
    page = whole_page(client_for("lead"), reverse("young_people_list"))
    shown = _labels(page, "Lucas Kristensen")
    assert len(shown) == 2 and len(set(shown)) == 2, shown
