"""The public catalogue of initiatives: every initiative of the five
seeds, Danish full-text search on both databases, filters, side by side with
open data, the lovende-praksis self-assessment, and editors with history."""

from collections import Counter
from pathlib import Path

import pytest
from django.urls import reverse
from django_scopes import scope

from brobygger.catalogue import search, selectors, services
from brobygger.catalogue.models import Entry, Revision, SelfAssessment
from brobygger.catalogue.practice import ELEMENTS
from brobygger.outcomes.models import OpenDataRelease
from tests.world import CATALOGUE_SLUG

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"

# Every initiative, company, bridge builder and social enterprise the five seeds
# describe, by a name as the seed writes it, and the entry that holds it. Made by
# reading each seed whole: the overview tables and cases of 002 and 003, the
# cases of 001, Opgang2 XL (000) and Opgang til Opgang (004).
CHECKLIST = {
    "000": {"Opgang2 XL": "opgang2-xl"},
    "001": {
        "COOP": "coop-danmark",
        "Klar til Start": "coop-klar-til-start",
        "KLAPjob": "klapjob",
        "High:Five": "high-five",
        "Juniormesterlære": "coop-juniormesterlaere",
        "EGU-spor": "coop-ny-mesterlaere-egu",
        "Coop Crew": "coop-crew",
        "Give Steel": "give-steel",
        "McDonald": "mcdonalds-certificerede-traenere",
        "Cabi": "cabi",
        "Code of Care": "code-of-care-task-force",
        "Viborg Erhvervsmentor": "frivillige-erhvervsmentorer-viborg",
        "Specialisterne": "specialisterne",
        "Vindmøllen": "vindmoellen-esbjerg",
        "KBH+": "kbh-plus-askovfonden",
        "Opgang2 Ungdomsspor": "opgang2-ungdomsspor",
        "Platform": "platform-frederikshavn",
        "IPS": "ips-for-unge-pulje",
        "NExTWORK": "nextwork",
    },
    "002": {
        "De frivillige erhvervsmentorer": "frivillige-erhvervsmentorer-viborg",
        "NEXWORK": "nextwork",
        "Ung i uddannelse": "ung-i-uddannelse",
        "Bedsteforældreordningen": "bedsteforaeldreordningen",
        "Min vej til uddannelse": "min-vej-aarhus",
        "Bliv klar til vikar": "bliv-klar-til-vikar",
        "Erhvervsaspiranterne": "erhvervsaspiranterne-syddjurs",
        "Kloge hænder": "kloge-haender",
        "Spirerne": "spirerne-horsens",
        "Praksisfaglighed i grundskolen": "praksisfaglighed-viborg",
        "IPS-Ung": "ips-for-unge-pulje",
        "Flere skal med 3": "flere-skal-med-3",
        "Fritidsjob – Bedre integration": "fritidsjob-bedre-integration-aarhus",
        "Fritidsjob på plejecentre": "fritidsjob-plejecentre-skive",
        "Måltid, fritid, fremtid": "maaltid-fritid-fremtid",
        "Coop-Crew": "coop-crew",
    },
    "003": {
        "Ungeguides": "ungeguides-randers",
        "Ung i uddannelse": "ung-i-uddannelse",
        "Uddannelsesparat": "projekt-uddannelsesparat-skive",
        "Samspil": "samspil-horsens",
        "erhvervspraktik i udskolingen": "obligatorisk-erhvervspraktik-aarhus",
        "Feedback": "feedbacksamtaler-koebenhavn",
        "Læringslokomotiv": "laeringslokomotivet",
        "Måltid Fritid": "maaltid-fritid-fremtid",
        "Brobygning til uddannelse på erhvervsskoler": "brobygning-til-uddannelse-erhvervsskoler",
        "SKUB": "skub-hedensted",
        "Ung på vej": "ung-paa-vej-herning",
        "Projekt Jobkurs": "projekt-jobkurs-holstebro",
        "Unge på Broen": "unge-paa-broen",
        "Job-bro til": "job-bro-til-uddannelse",
        "Klar til": "kta-klar-til-arbejde-skive",
        "Ree Park": "ree-park-ungeteam",
        "erhvervsmentorer": "frivillige-erhvervsmentorer-viborg",
        "Unge på vej": "unge-paa-vej-viborg",
        "IPS Ung": "ips-ung-hjoerring",
        "STUB partnerskab": "stub-partnerskab-herning",
        "Milepælen": "milepaelen-lemvig",
        "Virksomhed i": "virksomhed-i-virksomheden",
        "brobygning til EUD": "parat-til-uddannelse-randers",
        "HF fundamentet": "hf-fundamentet",
        "Nextwork": "nextwork",
        "#KomMed": "kom-med-holstebro",
        "Brug for alle unge": "brug-for-alle-unge",
        "smodtageres vej": "unge-uddannelseshjaelpsmodtageres-vej",
        "Et skridt ad": "et-skridt-ad-gangen",
        "Styrket tidlig": "styrket-tidlig-indsats-silkeborg",
        "springbræt til": "platform-frederikshavn",
        "Energi til": "energi-til-hinanden",
        "STØBERIET": "stoeberiet-hedensted",
        "Fremskudte": "fremskudte-indsatser-fgu-aarhus",
        "Back on Track": "back-on-track-herning",
        "FAST: fra frafald": "fast-fra-frafald-til-fastholdelse",
        "Sammenhængsmodellen": "sammenhaengsmodellen-viborg",
        "Ungestrategiudvalget": "ungestrategi-silkeborg",
        "Ungevejen": "ungevejen-herning",
        "Nyborg": "maaltal-nyborg",
    },
    "004": {"Opgang til Opgang": "opgang-til-opgang"},
}


@pytest.fixture
def catalogue(db):
    return services.load_catalogue()


def slugs(text, **filters):
    return [e.slug for e in selectors.entries(selectors.Filters(text=text, **filters))]


# --- the content -----------------------------------------------------------------


def test_the_catalogue_holds_every_initiative_of_the_five_seeds(catalogue):
    held = {e.slug for e in catalogue}
    assert len(held) == len(catalogue) > 50
    for seed, names in CHECKLIST.items():
        for name, slug in names.items():
            assert slug in held, f"seed {seed}: {name} is missing"
            assert seed in Entry.objects.get(slug=slug).seeds.split(","), (seed, slug)
    per_seed = Counter(s for e in catalogue for s in e.seeds.split(","))
    assert set(per_seed) == {"000", "001", "002", "003", "004"}


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not beside the project")
def test_the_checklist_is_taken_from_the_seed_texts():
    # The PDFs' tables break names over lines; compare with the whitespace folded.
    texts = {p.name[:3]: " ".join(p.read_text(encoding="utf-8").lower().split()) for p in SEEDS.glob("*.txt")}
    for seed, names in CHECKLIST.items():
        for name in names:
            assert name.lower() in texts[seed], f"{name!r} is not in seed {seed}"


def test_every_entry_has_what_a_reader_needs(catalogue):
    for entry in catalogue:
        assert entry.owner and entry.target_group and entry.purpose, entry.slug
        assert entry.sources and all(s["title"] for s in entry.sources), entry.slug
        assert entry.municipalities and entry.themes, entry.slug
    assert {i.kind for i in selectors.ingredients()} == {"ingredient", "barrier"}
    assert selectors.ingredients().count() == 10
    assert all(i.entries.exists() for i in selectors.ingredients())


def test_the_numbers_are_kept_as_the_seeds_give_them(catalogue):
    energy = Entry.objects.get(slug="energi-til-hinanden")
    assert {(f["value"], f["unit"]) for f in energy.figures} >= {(137, ""), (65, "%"), (155, "dage")}
    randers = Entry.objects.get(slug="ung-i-uddannelse")
    assert (90, "") in {(f["value"], f["unit"]) for f in randers.figures}
    assert "knapt 80 %" in randers.results
    viborg = Entry.objects.get(slug="frivillige-erhvervsmentorer-viborg")
    assert "117 unge er blevet selvforsørgende" in viborg.results


def test_loading_again_changes_nothing_and_writes_no_revision(catalogue):
    before = Revision.objects.count()
    services.load_catalogue()
    assert Entry.objects.count() == len(catalogue)
    assert Revision.objects.count() == before


# --- search -------------------------------------------------------------------------


# The two databases rank a little differently (bm25 against ts_rank); the entries
# that come first are the same on both.


def test_search_mentor_finds_the_mentor_schemes_first(catalogue):
    found = slugs("mentor")
    assert "frivillige-erhvervsmentorer-viborg" in found[:2]
    assert set(found[:6]) == {
        "frivillige-erhvervsmentorer-viborg",  # volunteer business mentors
        "ung-paa-vej-herning",  # a mentor and guidance course
        "spirerne-horsens",  # a mentor from the staff for every young person
        "maaltid-fritid-fremtid",  # a volunteer mentor from Red Barnet
        "platform-frederikshavn",  # extended mentor support
        "bedsteforaeldreordningen",  # grandparents as support persons
    }


def test_search_angst_finds_the_initiatives_for_anxiety_first(catalogue):
    found = slugs("angst")
    assert set(found[:2]) == {"hf-fundamentet", "opgang2-xl"}  # "unge med angst"; "hyppigst social angst"


def test_search_fritidsjob_finds_the_leisure_job_initiatives_first(catalogue):
    leisure = {
        "fritidsjob-bedre-integration-aarhus",
        "fritidsjob-plejecentre-skive",
        "spirerne-horsens",
        "coop-crew",
        "maaltid-fritid-fremtid",
    }
    assert set(slugs("fritidsjob")[:5]) == leisure


def test_search_ips_finds_the_two_ips_initiatives_first(catalogue):
    assert set(slugs("IPS")[:2]) == {"ips-for-unge-pulje", "ips-ung-hjoerring"}


def test_search_aarhus_finds_the_aarhus_initiatives_first(catalogue):
    found = selectors.entries(selectors.Filters(text="Aarhus"))
    aarhus = [e for e in Entry.objects.prefetch_related("terms") if "Aarhus" in {m.name for m in e.municipalities}]
    assert len(aarhus) >= 8
    top = list(found)[: len(aarhus)]
    assert {e.slug for e in top} == {e.slug for e in aarhus}


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("løntilskud", "loentilskud"),
        ("Bedsteforældre", "bedsteforaeldre"),
        ("støberiet", "stoeberiet"),
        ("Måltid", "maaltid"),
    ],
)
def test_search_reads_ae_oe_aa_as_the_danish_letters(catalogue, one, other):
    assert slugs(one) == slugs(other)


def test_search_finds_the_start_of_a_word_and_needs_every_word(catalogue):
    assert "bedsteforaeldreordningen" in slugs("bedstefor")
    assert slugs("fritidsjob Skive")[0] == "fritidsjob-plejecentre-skive"
    assert slugs("fritidsjob helt-ukendt-ord") == []


def test_search_ignores_what_is_not_a_word(catalogue):
    for text in ['"', "*", "AND OR NOT", "mentor:*", "&|!", "'); drop table x; --"]:
        slugs(text)  # no error from either database's query language
    assert slugs("og i at") == [e.slug for e in Entry.objects.order_by("name")]  # only stop words: no filter


def test_an_edited_entry_is_found_by_its_new_words_at_once(catalogue, world):
    entry = Entry.objects.get(slug="samspil-horsens")
    entry.keywords = "zebrafisk"
    entry.save()
    search.reindex([entry])
    assert slugs("zebrafisk") == ["samspil-horsens"]


# --- filters and pages -----------------------------------------------------------------


def test_filters_narrow_by_phase_theme_target_municipality_and_company(catalogue):
    around = slugs("", phase="around_school")
    assert "spirerne-horsens" in around and "energi-til-hinanden" not in around
    assert set(slugs("", terms=("fritidsjob",))) >= {"spirerne-horsens", "coop-crew"}
    psych = slugs("", terms=("psykisk-saarbare", "aarhus"))
    assert "hf-fundamentet" in psych and all("aarhus" in e for e in ["aarhus"])
    assert "energi-til-hinanden" not in psych
    company = set(slugs("", company_based=True))
    assert "give-steel" in company and "stoeberiet-hedensted" not in company
    assert "stoeberiet-hedensted" in slugs("", company_based=False)
    assert slugs("angst", phase="retention") == []


def test_the_catalogue_page_searches_filters_and_answers_htmx(catalogue, client):
    html = client.get(reverse("catalogue"), {"q": "angst", "phase": "after_school"}).content.decode()
    assert "HF Fundamentet" in html and "Energi til Hinanden" not in html
    partial = client.get(reverse("catalogue"), {"q": "IPS"}, HTTP_HX_REQUEST="true").content.decode()
    assert "<html" not in partial and "IPS-UNG" in partial
    bad = client.get(reverse("catalogue"), {"phase": "nonsense"})
    assert bad.status_code == 200 and "errorlist" not in bad.content.decode()  # a bad filter is ignored, not an error


def test_an_entry_page_shows_the_whole_entry(catalogue, client):
    html = client.get(reverse("catalogue_entry", args=["energi-til-hinanden"])).content.decode()
    for text in ("Esbjerg", "137", "155", "Kilder", "Lovende praksis", "Ingen åbne data fra platformen"):
        assert text in html, text
    assert client.get(reverse("catalogue_entry", args=["not-there"])).status_code == 404


def test_compare_two_to_four_and_say_why_not_otherwise(catalogue, client):
    url = reverse("catalogue_compare")
    html = client.get(url, {"e": ["energi-til-hinanden", "ung-i-uddannelse", "hf-fundamentet"]}).content.decode()
    assert html.count('<th scope="col"><a href="/catalogue/') == 3
    assert "Esbjerg" in html and "Randers" in html
    one = client.get(url, {"e": ["energi-til-hinanden"]}).content.decode()
    assert "Vælg mellem 2 og 4 indsatser" in one
    five = [e.slug for e in catalogue[:5]]
    assert "du valgte 5" in client.get(url, {"e": five}).content.decode()
    assert client.get(url, {"e": ["energi-til-hinanden", "not-there"]}).status_code == 404


def test_platform_data_shows_beside_and_filters_by_open_data(world, catalogue, client):
    entry = Entry.objects.get(slug="opgang2-xl")
    entry.run_by, entry.initiative_slug = world.org_a, "xl"
    entry.save()
    with scope(organisation=world.org_a.pk):
        OpenDataRelease.objects.all().delete()
        rows = [
            {"initiative": "xl", "measure": "started", "category": "", "value": 40},
            {"initiative": "xl", "measure": "reached_job_or_education", "category": "", "value": 20},
        ]
        OpenDataRelease.objects.create(
            organisation=world.org_a, year=2025, schema_version="1.0", rows=rows, published_by=world.user("lead")
        )
    assert slugs("", platform_data=True) == ["opgang2-xl"]
    html = client.get(reverse("catalogue_compare"), {"e": ["opgang2-xl", "energi-til-hinanden"]}).content.decode()
    assert "50,0 %" in html and "ingen data" in html
    assert "50,0 %" in client.get(reverse("catalogue_entry", args=["opgang2-xl"])).content.decode()


def test_ingredients_page_links_the_initiatives_that_show_them(catalogue, client):
    html = client.get(reverse("catalogue_ingredients")).content.decode()
    assert "De unge skal have reelle opgaver og inkluderes" in html
    assert "Certificering kan tage forskellige former" in html
    assert "/catalogue/energi-til-hinanden/" in html


# --- self-assessment ---------------------------------------------------------------


def answers(level=3):
    data = {}
    for number, _name, _q in ELEMENTS:
        data[f"level_{number}"] = str(level)
        data[f"evidence_{number}"] = f"Dokumenteret i vores metodebeskrivelse, afsnit {number}"
    return data


def test_the_lead_assesses_all_eleven_elements_with_evidence(world, client_for):
    lead = client_for("lead")
    url = reverse("catalogue_assessment", args=[CATALOGUE_SLUG])
    missing = answers()
    missing["evidence_4"] = " "
    html = lead.post(url, missing).content.decode()
    assert "Sig, hvad der viser det" in html
    with scope(organisation=world.org_a.pk):
        assert not SelfAssessment.objects.exists()  # nothing half-written
    assert lead.post(url, answers()).status_code == 302
    with scope(organisation=world.org_a.pk):
        saved = SelfAssessment.objects.get()
    assert saved.answers["4"] == {"level": 3, "evidence": "Dokumenteret i vores metodebeskrivelse, afsnit 4"}
    html = lead.get(url).content.decode()
    assert 'data-chart="radar"' in html and "Inspireret af" in html


def test_only_the_organisation_running_the_initiative_publishes_on_it(world, client_for, client):
    lead = client_for("lead")
    lead.post(reverse("catalogue_assessment", args=[CATALOGUE_SLUG]), answers(level=2))
    publish = reverse("catalogue_assessment_publish", args=[CATALOGUE_SLUG])
    refused = lead.post(publish, {"publish": "1"}, follow=True).content.decode()
    assert "Kun den organisation, der driver" in refused
    entry_url = reverse("catalogue_entry", args=[CATALOGUE_SLUG])
    assert 'data-chart="radar"' not in client.get(entry_url).content.decode()
    Entry.objects.filter(slug=CATALOGUE_SLUG).update(run_by=world.org_a)
    lead.post(publish, {"publish": "1"})
    public = client.get(entry_url).content.decode()
    assert 'data-chart="radar"' in public and world.org_a.name in public
    assert "Dokumenteret i vores metodebeskrivelse, afsnit 7" in public
    lead.post(publish, {"publish": "0"})
    assert 'data-chart="radar"' not in client.get(entry_url).content.decode()


# --- editors and history -------------------------------------------------------------


def entry_form(entry, **changes):
    data = {
        "name": entry.name,
        "slug": entry.slug,
        "owner": entry.owner,
        "phase": entry.phase,
        "target_group": entry.target_group,
        "purpose": entry.purpose,
        "anchoring": entry.anchoring,
        "methods": entry.methods,
        "results": entry.results,
        "keywords": entry.keywords,
        "themes": [t.pk for t in entry.themes],
        "targets": [t.pk for t in entry.target_terms],
        "municipality_names": ", ".join(m.name for m in entry.municipalities),
        "ingredients": [i.pk for i in entry.ingredients.all()],
        "figures_text": "137 |  | unge tilknyttet",
        "sources_text": "Lovende praksis | https://www.ru.rm.dk/x.pdf",
        "comment": "Rettet efter ny evaluering",
    }
    data.update(changes)
    return data


def test_an_editor_changes_an_entry_and_the_history_shows_what_and_why(world, client_for, client):
    editor = client_for("editor")
    entry = Entry.objects.get(slug=CATALOGUE_SLUG)
    url = reverse("catalogue_entry_edit", args=[entry.slug])
    response = editor.post(url, entry_form(entry, keywords="skurvogn værksted", municipality_names="Esbjerg, Fanø"))
    assert response.status_code == 302
    entry.refresh_from_db()
    assert {m.name for m in entry.municipalities} == {"Esbjerg", "Fanø"}
    assert slugs("Fanø") == [CATALOGUE_SLUG]  # reindexed at once
    revision = Revision.objects.filter(object_key=CATALOGUE_SLUG).first()
    assert revision.author == world.user("editor") and revision.comment == "Rettet efter ny evaluering"
    assert {"keywords", "terms", "figures", "sources"} <= set(revision.changed)
    history = editor.get(reverse("catalogue_entry_history", args=[CATALOGUE_SLUG])).content.decode()
    assert "Rettet efter ny evaluering" in history and "Erik" in history
    assert client.get(reverse("catalogue_entry_history", args=[CATALOGUE_SLUG])).status_code == 302  # log in first


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("figures_text", "mange | | unge", "er ikke et tal"),
        ("figures_text", "12 unge", "skriv tal | enhed | hvad det tæller"),
        ("sources_text", "Rapport | ftp://x", "er ikke en webadresse"),
        ("municipality_names", " , ", "Nævn mindst én kommune"),
    ],
)
def test_bad_editor_input_gets_a_clear_error_and_nothing_changes(world, client_for, field, value, message):
    entry = Entry.objects.get(slug=CATALOGUE_SLUG)
    before = Revision.objects.count()
    response = client_for("editor").post(
        reverse("catalogue_entry_edit", args=[entry.slug]), entry_form(entry, **{field: value})
    )
    assert response.status_code == 200 and message in response.content.decode()
    assert Revision.objects.count() == before


def test_an_editor_creates_and_deletes_an_entry_and_the_history_stays(world, client_for):
    editor = client_for("editor")
    entry = Entry.objects.get(slug=CATALOGUE_SLUG)
    data = entry_form(entry, name="Zebraholdet", slug="ny-indsats", municipality_names="Odense")
    assert editor.post(reverse("catalogue_entry_new"), data).status_code == 302
    assert slugs("zebraholdet") == ["ny-indsats"]
    editor.post(reverse("catalogue_entry_delete", args=["ny-indsats"]), {"comment": "Dublet"})
    assert not Entry.objects.filter(slug="ny-indsats").exists() and slugs("zebraholdet") == []
    assert [r.comment for r in Revision.objects.filter(object_key="ny-indsats")][:1] == ["Dublet"]
