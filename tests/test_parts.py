"""Pages with several lists draw every list in their one answer (brobygger.core.parts)."""

from django.urls import reverse
from django_scopes import scopes_disabled

from brobygger.audit.models import AccessLog


def test_each_long_page_holds_all_its_lists_in_one_answer(world, client_for):
    """The page is what the person waits for: it comes whole, with no list left to load after it."""
    yp = world.objects["yp_a"].pk
    pages = [
        ("counsellor_on_team", reverse("home"), ['id="caseload"', 'id="due"']),
        ("counsellor_on_team", reverse("young_person_detail", kwargs={"pk": yp}), ['id="notes"', 'id="teamcard"']),
        ("lead", reverse("review_detail", kwargs={"pk": world.objects["review_a"].pk}), ['id="dist"', 'id="dec"']),
        ("young_a", reverse("portal"), ['id="section-plan"', 'id="section-notes"']),
        ("mentor_with_consent", reverse("mentor_home"), ['id="today"', 'id="rounds"']),
    ]
    for fixture, url, sections in pages:
        page = client_for(fixture).get(url)
        html = page.content.decode()
        assert page.status_code == 200, url
        assert "data-part=" not in html and 'hx-trigger="load"' not in html, url
        for section in sections:
            assert section in html, (url, section)


def test_the_mentor_sees_only_the_lists_the_young_person_shares_and_the_log_says_so(world, client_for):
    mentor = client_for("mentor_with_consent")
    with scopes_disabled():
        before = AccessLog.objects.count()
    page = mentor.get(reverse("young_person_detail", kwargs={"pk": world.objects["yp_a"].pk}))
    html = page.content.decode()
    assert page.status_code == 200 and 'id="notes"' not in html  # no consent to conversations
    with scopes_disabled():
        kinds = set(AccessLog.objects.order_by("pk")[before:].values_list("object_kind", flat=True))
    assert "note" not in kinds and "young_person" in kinds
