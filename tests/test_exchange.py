"""Import and export of companies, offers, young people and status history (CSV and xlsx)."""

import io
from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django_scopes import scope
from openpyxl import Workbook, load_workbook

from brobygger.audit.models import AccessLog
from brobygger.companies.models import Company, Offer
from brobygger.exchange import progress
from brobygger.exchange.models import ImportBatch
from brobygger.pathways.models import StatusEntry
from brobygger.people.models import YoungPerson

OFFERS_CSV = (
    "Nøgle;CVR;Virksomhed;Type;Titel;Pladser;Timer pr. uge;Postnummer;Åben\r\n"
    "T-1;12 34 56 78;Lumen;Praktik;Lys og lyd;2;7,5;8000;ja\r\n"
    "T-2;87 65 43 21;Café Søstrene;Snusepraktik;Køkken;1;12;8200;nej\r\n"
    "T-3;;Værkstedet Ågade;virksomhedsbesøg;Rundvisning;;;;\r\n"
)


def upload(client, kind, content, name="fil.csv"):
    return client.post("/exchange/", {"kind": kind, "file": SimpleUploadedFile(name, content)})


def batch_of(response):
    assert response.status_code == 302, response.content[:500]
    pk = int(response["Location"].rstrip("/").split("/")[-1])
    return ImportBatch.objects.with_scopes_disabled().get(pk=pk)


def in_org(world, model, **filters):
    with scope(organisation=world.org_a.pk):
        return list(model.objects.filter(**filters))


@pytest.mark.parametrize(
    "encoded",
    [
        OFFERS_CSV.encode("cp1252"),
        b"\xef\xbb\xbf" + OFFERS_CSV.encode("utf-8"),
        OFFERS_CSV.encode("utf-8"),
        OFFERS_CSV.replace(";", ",").replace("7,5", '"7,5"').encode("utf-8"),
    ],
    ids=["windows-1252", "utf-8-bom", "utf-8", "commas"],
)
def test_offers_from_danish_excel_csv(world, client_for, encoded):
    client = client_for("consultant")
    batch = batch_of(upload(client, "offers", encoded))
    assert batch.state == "checked" and batch.rows_total == 3 and batch.error_count == 0, batch.errors
    page = client.get(f"/exchange/{batch.pk}/").content.decode()
    assert "Café Søstrene" in page and "Lys og lyd" in page
    client.post(f"/exchange/{batch.pk}/import/")
    batch.refresh_from_db()
    assert batch.state == "done"
    assert batch.summary == {"created": 3, "updated": 0, "unchanged": 0, "skipped": 0}
    offer = in_org(world, Offer, external_key="T-1")[0]
    assert offer.company.name == "Lumen"  # found by CVR: the world's Lumen has 12345678
    assert offer.hours_per_week == pytest.approx(7.5) and offer.capacity == 2 and offer.kind == "internship"
    cafe = in_org(world, Offer, external_key="T-2")[0]
    assert cafe.company.cvr == "87654321" and cafe.is_open is False and cafe.kind == "trial_internship"
    assert in_org(world, Offer, external_key="T-3")[0].kind == "visit"
    assert batch.content == b""  # the file is not kept once imported


def test_importing_the_same_file_again_creates_no_duplicates(world, client_for):
    client = client_for("consultant")
    for _round in range(2):
        batch = batch_of(upload(client, "offers", OFFERS_CSV.encode()))
        client.post(f"/exchange/{batch.pk}/import/")
    batch.refresh_from_db()
    assert batch.summary == {"created": 0, "updated": 0, "unchanged": 3, "skipped": 0}
    assert len(in_org(world, Offer, external_key__startswith="T-")) == 3
    assert len(in_org(world, Company, name="Café Søstrene")) == 1
    changed = OFFERS_CSV.replace("Køkken;1", "Køkken;3")
    batch = batch_of(upload(client, "offers", changed.encode()))
    client.post(f"/exchange/{batch.pk}/import/")
    batch.refresh_from_db()
    assert batch.summary == {"created": 0, "updated": 1, "unchanged": 2, "skipped": 0}
    assert in_org(world, Offer, external_key="T-2")[0].capacity == 3


def _xlsx(rows):
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_companies_from_an_excel_workbook(world, client_for):
    content = _xlsx([["CVR-nummer", "Navn", "Postnummer", "By"], ["11 22 33 44", "Gartneriet", 8210, "Aarhus V"]])
    batch = batch_of(upload(client_for("lead"), "companies", content, name="virksomheder.xlsx"))
    assert batch.file_format == "xlsx" and batch.state == "checked", batch.refusal
    client_for("lead").post(f"/exchange/{batch.pk}/import/")
    company = in_org(world, Company, name="Gartneriet")[0]
    assert (company.cvr, company.postcode, company.city) == ("11223344", "8210", "Aarhus V")


def test_a_file_over_20_mb_is_refused_with_a_clear_error(world, client_for):
    response = upload(client_for("consultant"), "companies", b"navn\n" + b"x" * (20 * 1024 * 1024 + 1))
    assert response.status_code == 200
    assert "større end 20 MB" in response.content.decode()
    assert not ImportBatch.objects.with_scopes_disabled().filter(file_name="fil.csv").exists()


@pytest.mark.parametrize(
    "content",
    [
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4,
        _xlsx([["CVR-nummer", "Navn"], ["11 22 33 44", "Gartneriet"]]),
    ],
    ids=["png", "workbook"],
)
def test_a_file_whose_bytes_are_not_what_its_name_says_is_refused_at_upload(world, client_for, content):
    response = upload(client_for("consultant"), "companies", content, name="firmaer.csv")
    assert response.status_code == 200
    assert "Filens indhold er ikke, hvad navnet siger" in response.content.decode()
    assert not ImportBatch.objects.with_scopes_disabled().filter(file_name="firmaer.csv").exists()


def test_a_file_without_the_needed_columns_is_refused(world, client_for):
    batch = batch_of(upload(client_for("consultant"), "offers", b"Titel;By\nKokken;Aarhus\n"))
    assert batch.state == "refused"
    refusal = batch.refusal["da"]
    assert "“nøgle”" in refusal and "“virksomhed”" in refusal and "“type”" in refusal
    assert batch.refusal["en"].startswith("The file has no column")


def test_one_bad_row_in_100000_stops_the_whole_import_and_is_named(world, client_for):
    lines = ["nøgle;cvr;virksomhed;type;titel;pladser"]
    lines += [f"K-{i};;Firma {i % 500};praktik;Opgave {i};1" for i in range(100_000)]
    lines[73_001] = "K-73000;;Firma 0;praktik;Opgave;mange"
    client = client_for("consultant")
    batch = batch_of(upload(client, "offers", "\n".join(lines).encode()))
    assert (batch.rows_total, batch.error_count) == (100_000, 1)
    assert batch.errors == [
        {
            "row": 73_002,
            "column": {"da": "Pladser", "en": "Places"},
            "message": {"da": "“mange” er ikke et tal.", "en": "“mange” is not a number."},
        }
    ]
    response = client.post(f"/exchange/{batch.pk}/import/", follow=True)
    assert "Der importeres intet" in response.content.decode()
    batch.refresh_from_db()
    assert batch.state == "checked"
    assert in_org(world, Offer, external_key__startswith="K-") == []


def test_rows_with_errors_can_be_left_out_when_asked(world, client_for):
    client = client_for("consultant")
    content = (OFFERS_CSV + "T-4;;X;ukendt type;Y;1;;;\r\n").encode()
    batch = batch_of(upload(client, "offers", content))
    assert batch.error_count == 1 and batch.errors[0]["row"] == 5
    client.post(f"/exchange/{batch.pk}/import/", {"skip_bad_rows": "on"})
    batch.refresh_from_db()
    assert batch.state == "done" and batch.summary["created"] == 3 and batch.summary["skipped"] == 1


def test_duplicate_keys_in_one_file_are_errors(world, client_for):
    content = (OFFERS_CSV + "T-1;;Lumen;praktik;Igen;1;;;\r\n").encode()
    batch = batch_of(upload(client_for("consultant"), "offers", content))
    assert batch.errors == [
        {
            "row": 5,
            "column": {"da": "Nøgle", "en": "Key"},
            "message": {"da": "Den samme som række 2.", "en": "The same as row 2."},
        }
    ]


YOUNG_CSV = (
    "nøgle;fornavn;efternavn;fødselsdato;henvisningsdato;henvist af;telefon\r\n"
    "U-1;Sofie;Østergaard;03-04-2006;01-10-2026;Jobcenter;+45 20 30 40 50\r\n"
    "U-2;Mads;Ibsen;17.11.2004;02-10-2026;;\r\n"
)


def test_young_people_and_their_status_history(world, client_for):
    lead = client_for("lead")
    batch = batch_of(upload(lead, "young_people", YOUNG_CSV.encode("cp1252")))
    assert batch.error_count == 0, batch.errors
    lead.post(f"/exchange/{batch.pk}/import/")
    sofie = in_org(world, YoungPerson, external_key="U-1")[0]
    assert (sofie.last_name, sofie.birth_date, sofie.referral_source, sofie.phone) == (
        "Østergaard",
        date(2006, 4, 3),
        "jobcentre",
        "+45 20 30 40 50",
    )
    with scope(organisation=world.org_a.pk):
        assert AccessLog.objects.filter(subject=sofie, action="create", criterion="import").count() == 1
    history = (
        "nøgle;fra;aktivitet;forsørgelse\r\n"
        "U-1;01-10-2026;Jobsøgende eller uden aktivitet;\r\n"
        "U-1;15-10-2026;education;\r\n"
        "U-9;01-10-2026;education;\r\n"
    )
    batch = batch_of(upload(lead, "status_history", history.encode()))
    assert [e["row"] for e in batch.errors] == [4]
    assert "U-9" in batch.errors[0]["message"]["da"]
    lead.post(f"/exchange/{batch.pk}/import/", {"skip_bad_rows": "on"})
    batch.refresh_from_db()
    assert batch.summary["created"] == 2, batch.summary
    again = batch_of(upload(lead, "status_history", history.encode()))
    lead.post(f"/exchange/{again.pk}/import/", {"skip_bad_rows": "on"})
    again.refresh_from_db()
    assert again.summary["unchanged"] == 2 and again.summary["created"] == 0
    assert len(in_org(world, StatusEntry, young_person=sofie)) == 2


def test_a_young_person_outside_the_age_range_is_an_error(world, client_for):
    content = YOUNG_CSV.replace("03-04-2006", "03-04-1980").encode()
    batch = batch_of(upload(client_for("lead"), "young_people", content))
    assert batch.errors[0]["row"] == 2 and "mellem 15 og 29 år" in batch.errors[0]["message"]["da"]


def test_a_consultant_cannot_see_a_young_people_import(world, client_for):
    batch = batch_of(upload(client_for("lead"), "young_people", YOUNG_CSV.encode()))
    assert client_for("consultant").get(f"/exchange/{batch.pk}/").status_code == 404
    response = upload(client_for("consultant"), "young_people", YOUNG_CSV.encode())
    page = response.content.decode()
    assert response.status_code == 200 and 'value="companies"' in page and 'value="young_people"' not in page


def test_the_import_page_shows_progress_while_it_runs(world, client_for):
    with scope(organisation=world.org_a.pk):
        batch = world.objects["batch_a"]
        batch.state, batch.rows_total = "importing", 4000
        batch.save()
    progress.report(batch.pk, 1500, progress.WRITING)
    response = client_for("consultant").get(f"/exchange/{batch.pk}/", HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert 'value="1500" max="4000"' in page and 'hx-trigger="every 1s"' in page
    assert "Bliver importeret: rækkerne skrives…" in page


def test_an_import_that_the_data_outgrew_writes_nothing(world, client_for):
    lead = client_for("lead")
    batch = batch_of(upload(lead, "young_people", YOUNG_CSV.encode()))
    lead.post(f"/exchange/{batch.pk}/import/")
    history = "nøgle;fra;aktivitet\r\nU-1;01-10-2026;education\r\nU-2;01-10-2026;education\r\n"
    batch = batch_of(upload(lead, "status_history", history.encode()))
    with scope(organisation=world.org_a.pk):
        YoungPerson.objects.filter(external_key="U-2").delete()
    lead.post(f"/exchange/{batch.pk}/import/")
    batch.refresh_from_db()
    assert batch.state == "failed" and "intet blev importeret" in batch.summary["error"]["da"]
    assert in_org(world, StatusEntry, young_person__external_key="U-1") == []


def test_export_neutralises_formulas_and_is_in_the_access_log(world, client_for):
    with scope(organisation=world.org_a.pk):
        Company.objects.filter(name="Radar").update(name='=HYPERLINK("http://x")', sector="@SUM(A1)")
    client = client_for("consultant")
    body = client.get("/exchange/export/companies.csv").content
    assert body.startswith(b"\xef\xbb\xbf")
    text = body.decode("utf-8-sig")
    assert text.splitlines()[0] == "cvr;navn;adresse;postnummer;by;branche"
    assert "'=HYPERLINK" in text and "'@SUM(A1)" in text
    sheet = load_workbook(io.BytesIO(client.get("/exchange/export/companies.xlsx").content)).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row]
    assert '\'=HYPERLINK("http://x")' in cells and not any(str(c).startswith("=") for c in cells if c)
    with scope(organisation=world.org_a.pk):
        rows = AccessLog.objects.filter(action="export", user=world.user("consultant"))
        assert {r.criterion for r in rows} == {"export companies csv", "export companies xlsx"}


def test_an_exported_file_imports_again_unchanged(world, client_for):
    client = client_for("lead")
    for kind, slug in (("offers", "offers"), ("young_people", "young-people"), ("companies", "companies")):
        for fmt in ("csv", "xlsx"):
            content = client.get(f"/exchange/export/{slug}.{fmt}").content
            batch = batch_of(upload(client, kind, content, name=f"export.{fmt}"))
            assert batch.error_count == 0, (kind, fmt, batch.errors)
            client.post(f"/exchange/{batch.pk}/import/")
            batch.refresh_from_db()
            assert batch.summary["created"] == 0 and batch.summary["updated"] == 0, (kind, fmt, batch.summary)


def test_exporting_young_people_logs_each_one(world, client_for):
    client = client_for("counsellor_on_team")
    text = client.get("/exchange/export/young-people.csv").content.decode("utf-8-sig")
    assert "Asta" in text and "Bertil" not in text  # only the counsellor's own team
    with scope(organisation=world.org_a.pk):
        rows = AccessLog.objects.filter(action="export", user=world.user("counsellor_on_team"))
        assert [r.subject for r in rows] == [world.objects["yp_a"]]


def test_a_file_no_worker_has_picked_up_says_so_after_a_minute(world, client_for):
    """With the worker dead the page said "Bliver tjekket… 0 rækker indtil nu" for ever."""
    from datetime import timedelta

    from django.utils import timezone

    batch = world.objects["batch_a"]
    progress.forget(batch.pk)  # the progress files outlive a test's database; batch ids repeat
    with scope(organisation=world.org_a.pk):
        ImportBatch.objects.filter(pk=batch.pk).update(state=ImportBatch.State.CHECKING)
    url = f"/exchange/{batch.pk}/"
    fresh = client_for("consultant").get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "Ingen baggrundsproces" not in fresh
    with scope(organisation=world.org_a.pk):
        ImportBatch.objects.filter(pk=batch.pk).update(created_at=timezone.now() - timedelta(minutes=2))
    waiting = client_for("consultant").get(url, HTTP_HX_REQUEST="true").content.decode()
    assert "Ingen baggrundsproces er gået i gang med filen i over et minut" in waiting


def test_progress_moves_while_the_rows_are_written(world, client_for):
    """Progress moved only at the end of the write: it now moves after each thousand."""
    from brobygger.access.actor import Actor
    from brobygger.companies import services as company_services
    from brobygger.people import services as people_services

    reported = {"companies": [], "people": []}
    companies = [{"name": f"Virksomhed {n}", "cvr": ""} for n in range(2500)]
    people = [
        {
            "external_key": f"P-{n}",
            "first_name": "Ida",
            "last_name": f"Nummer {n}",
            "birth_date": date(2006, 1, 1),
            "referral_date": date(2026, 1, 1),
            "referral_source": "jobcentre",
            "gender": "",
            "phone": "",
            "email": "",
        }
        for n in range(2100)
    ]
    lead = Actor(world.user("lead"), world.org_a, [world.org_a], {"team_lead"})
    with scope(organisation=world.org_a.pk):
        summary = company_services.upsert_companies(world.org_a, companies, reported["companies"].append)
        assert summary["created"] == 2500 and Company.objects.filter(name__startswith="Virksomhed ").count() == 2500
        summary = people_services.upsert_referrals(lead, people, reported["people"].append)
        assert summary["created"] == 2100
    assert reported == {"companies": [1000, 2000, 2500], "people": [1000, 2000, 2100]}


def test_what_the_worker_found_is_read_in_the_readers_language(world, client_for):
    """The worker ran in Danish, so an English reader read Danish errors."""
    lead = client_for("lead")
    bad = YOUNG_CSV + "U-3;Gammel;Person;01-01-1980;01-10-2026;;\r\n"
    batch = batch_of(upload(lead, "young_people", bad.encode()))
    danish = lead.get(f"/exchange/{batch.pk}/").content.decode()
    assert "Brobygger er for unge mellem 15 og 29 år" in danish and "Fødselsdato" in danish
    lead.post("/i18n/setlang/", {"language": "en", "next": "/"})
    english = lead.get(f"/exchange/{batch.pk}/").content.decode()
    assert "Brobygger is for young people aged 15 to 29; this birth date gives 46." in english
    assert "mellem 15 og 29" not in english
    refused = batch_of(upload(lead, "offers", b"navn;by\r\nA;B\r\n"))
    english = lead.get(f"/exchange/{refused.pk}/").content.decode()
    assert "The file has no column" in english and "Filen har ingen kolonne" not in english
