"""The rules guide and the glossary: a page per scheme for companies
and for professionals, sources and a review date that turns red after 12
months, a glossary searchable from every page, editors with history."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from brobygger.catalogue.models import Revision
from brobygger.guide import selectors, services
from brobygger.guide.models import Audience, GlossaryTerm, GuidePage
from brobygger.guide.text import as_html

TOPICS = {
    "virksomhedspraktik",
    "loentilskud",
    "mentorstoette",
    "fleksjob",
    "egu",
    "ips",
    "kui",
    "unge-under-18",
    "kontanthjaelp-2025",
}


@pytest.fixture
def guide(db):
    return services.load_guide()


def test_every_scheme_has_a_page_for_companies_and_one_for_professionals(guide):
    pages, terms = guide
    assert {(p.topic, p.audience) for p in pages} == {(t, a) for t in TOPICS for a in Audience.values}
    for page in pages:
        assert page.sources and page.last_reviewed and page.summary, page
    assert len(terms) >= 30
    assert all(t.guide_topic in TOPICS for t in terms)


def test_the_kontanthjaelp_page_tells_the_1_july_2025_reform(guide, client):
    html = client.get(reverse("guide_page", args=["professionelle", "kontanthjaelp-2025"])).content.decode()
    assert "1. juli 2025" in html and "uddannelseshjælp, overgangsydelse" in html.lower()
    assert "mindstesats" in html and "lov nr. 1655" in html.lower()


def test_a_page_shows_its_sources_the_other_version_and_its_words(guide, client):
    html = client.get(reverse("guide_page", args=["virksomheder", "ips"])).content.decode()
    assert "https://star.dk/indsatser/ips/ips-metoden" in html
    assert reverse("guide_page", args=["professionelle", "ips"]) in html
    assert "IPS (individuelt planlagt job med støtte)" in html
    assert 'class="reviewed"' in html and "Mere end 12 måneder" not in html
    assert client.get(reverse("guide_page", args=["virksomheder", "not-a-topic"])).status_code == 404
    assert client.get(reverse("guide_page", args=["naboer", "ips"])).status_code == 404


def test_the_review_date_turns_red_after_twelve_months(guide, client):
    GuidePage.objects.filter(topic="egu").update(last_reviewed=timezone.localdate() - timedelta(days=366))
    html = client.get(reverse("guide_page", args=["virksomheder", "egu"])).content.decode()
    assert 'class="reviewed overdue"' in html and "Mere end 12 måneder siden" in html
    assert "Skal gennemgås" in client.get(reverse("guide")).content.decode()
    GuidePage.objects.filter(topic="egu").update(last_reviewed=timezone.localdate() - timedelta(days=365))
    assert "overdue" not in client.get(reverse("guide_page", args=["virksomheder", "egu"])).content.decode()


@pytest.mark.parametrize("text", ["løntilskud", "loentilskud", "LØNTILSKUD", "lønt"])
def test_the_glossary_finds_a_word_in_either_spelling(guide, text):
    assert [t.slug for t in selectors.terms(text)][:1] == ["loentilskud"]


def test_the_glossary_translates_municipal_words_into_company_words(guide, client):
    html = client.get(reverse("glossary"), {"q": "aktivitetsparat"}).content.decode()
    assert "Ikke klar til et almindeligt job endnu" in html
    partial = client.get(reverse("glossary"), {"q": "prøvedage"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "Snusepraktik" in partial
    assert "Intet ord passer" in client.get(reverse("glossary"), {"q": "xyzzy"}).content.decode()


@pytest.mark.parametrize("fixture", ["anonymous", "counsellor_on_team", "young_a", "mentor_with_consent"])
def test_the_glossary_can_be_searched_from_every_page(world, client_for, fixture):
    client = client_for(fixture)
    for url in (reverse("home"), reverse("catalogue"), reverse("guide")):
        response = client.get(url, follow=True)
        html = response.content.decode()
        assert f'action="{reverse("glossary")}"' in html and 'name="q"' in html, (fixture, url)


def test_the_guide_text_is_escaped_and_lists_are_lists():
    html = as_html("Første afsnit <script>x</script>\n\n- et punkt\n- to & tre\n\nSidste")
    assert html == (
        "<p>Første afsnit &lt;script&gt;x&lt;/script&gt;</p>"
        "<ul><li>et punkt</li><li>to &amp; tre</li></ul><p>Sidste</p>"
    )


def test_an_editor_edits_a_page_and_a_word_and_both_keep_history(world, client_for):
    editor = client_for("editor")
    page = GuidePage.objects.get(audience="virksomheder", topic="ips")
    data = {
        "title": page.title,
        "summary": page.summary,
        "body": page.body + "\n\n- nyt punkt om jobsøgning",
        "last_reviewed": timezone.localdate().isoformat(),
        "reviewed_by": "Jurist, Brobygger",
        "sources_text": "STAR: IPS-metoden | https://star.dk/indsatser/ips/ips-metoden",
        "comment": "Tilføjet punkt efter ny vejledning",
    }
    assert editor.post(reverse("guide_page_edit", args=["virksomheder", "ips"]), data).status_code == 302
    page.refresh_from_db()
    assert "<li>nyt punkt om jobsøgning</li>" in as_html(page.body) and page.reviewed_by == "Jurist, Brobygger"
    history = editor.get(reverse("guide_history", args=["guide_page", "virksomheder/ips"])).content.decode()
    assert "Tilføjet punkt efter ny vejledning" in history
    word = {
        "municipal_term": "IPS",
        "company_term": "Job med støtte",
        "explanation": "Kort",
        "guide_topic": "ips",
        "comment": "Kortere",
    }
    assert editor.post(reverse("glossary_term_edit", args=["ips"]), word).status_code == 302
    assert [t.slug for t in selectors.terms("job med støtte")] == ["ips"]
    assert Revision.objects.filter(content="glossary_term", object_key="ips").count() == 2
    new = {
        **word,
        "slug": "praktikvaert",
        "municipal_term": "Praktikvært",
        "company_term": "Virksomheden",
        "comment": "Nyt",
    }
    assert editor.post(reverse("glossary_term_new"), new).status_code == 302
    assert GlossaryTerm.objects.filter(slug="praktikvaert").exists()


def test_bad_page_input_gets_a_clear_error(world, client_for):
    editor = client_for("editor")
    page = GuidePage.objects.get(audience="virksomheder", topic="ips")
    before = Revision.objects.count()
    data = {
        "title": page.title,
        "summary": page.summary,
        "body": page.body,
        "last_reviewed": "i går",
        "sources_text": "Kilde | javascript:alert(1)",
        "comment": "x",
    }
    html = editor.post(reverse("guide_page_edit", args=["virksomheder", "ips"]), data).content.decode()
    assert "er ikke en webadresse" in html and "errorlist" in html
    assert Revision.objects.count() == before
