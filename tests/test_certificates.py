"""Learning certificates: written by the company, signed by the mentor, approved
and owned by the young person, issued as a signed Open Badges 3.0 credential with a
readable PDF, checked by anyone, revocable."""

import copy
import io
import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django_scopes import scope
from pypdf import PdfReader

from brobygger.access.actor import Actor
from brobygger.certificates import credential as documents
from brobygger.certificates import identity, services, statuslist, verify
from brobygger.certificates.models import Certificate, IssuerKey, StatusList
from brobygger.core.roles import Role
from brobygger.people.models import YoungPerson
from brobygger.staircase.models import Activity, ActivityKind, Attendance
from tests.parts import whole_page
from tests.world import CERTIFICATE_PUBLIC_ID

DANISH = {
    "title": "Praktik i lyd og lys på Ærø",
    "tasks": "Bære højttalere, rigge lys op, øve sig på lydpulten",
    "skills": "Lydteknik på små scener\nSamarbejde i et hold på få personer\nMødestabilitet – også om søndagen",
    "mentor_statement": "Åse var grundig, glad og god til at spørge. Æbler til alle om fredagen.",
    "language": "da",
    "occupation": "lystekniker",
}


def in_a(world):
    return scope(organisation=world.org_a.pk)


def ended_internship(world, key="yp_a", company="company_1", kind=ActivityKind.INTERNSHIP, state=None):
    with in_a(world):
        activity = Activity.objects.create(
            organisation=world.org_a,
            young_person=world.objects[key],
            kind=kind,
            title="Praktik i lyd og lys",
            company=world.objects[company],
            state=state or Activity.State.ENDED,
            starts_on=date(2026, 9, 1),
            ended_on=date(2026, 10, 30),
            learned="At rigge lys op",
            proposed_by=world.user("counsellor_on_team"),
        )
        for day, hours in ((date(2026, 9, 1), "4"), (date(2026, 9, 2), "5.5"), (date(2026, 9, 3), "4")):
            Attendance.objects.create(
                organisation=world.org_a,
                young_person=activity.young_person,
                activity=activity,
                day=day,
                hours=Decimal(hours),
                registered_by=world.user("mentor_with_consent"),
            )
        Attendance.objects.create(
            organisation=world.org_a,
            young_person=activity.young_person,
            activity=activity,
            day=date(2026, 9, 4),
            present=False,
            hours=0,
            registered_by=world.user("mentor_with_consent"),
        )
    return activity


def certificate_of(world, activity):
    with in_a(world):
        return Certificate.objects.filter(activity=activity).order_by("-pk").first()


def issue_through_pages(world, client_for, activity, data=DANISH, email="aase@example.org"):
    mentor, young = client_for("mentor_with_consent"), client_for("young_a")
    response = mentor.post(reverse("certificate_write", kwargs={"pk": activity.pk}), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    certificate = certificate_of(world, activity)
    response = mentor.post(
        reverse("certificate_sign", kwargs={"pk": certificate.pk}), {"signed_name": "Bo Ørsted", "confirm": "on"}
    )
    assert response.status_code == 302
    response = young.post(reverse("certificate_approve", kwargs={"pk": certificate.pk}), {"email": email})
    assert response.status_code == 302
    certificate.refresh_from_db()
    return certificate


def post_check(client, document, holder=""):
    return client.post(
        reverse("certificate_verify"), {"text": json.dumps(document, ensure_ascii=False), "holder": holder}
    )


# The whole way, through the pages


def test_company_writes_mentor_signs_young_person_approves_and_owns_it(world, client_for):
    activity = ended_internship(world)
    certificate = issue_through_pages(world, client_for, activity)
    assert certificate.state == Certificate.State.ISSUED
    assert certificate.hours == Decimal("13.5")  # present days only
    assert certificate.signed_by == world.user("mentor_with_consent")

    vc = certificate.credential
    assert vc["type"] == ["VerifiableCredential", "OpenBadgeCredential"]
    assert vc["@context"] == [
        "https://www.w3.org/ns/credentials/v2",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json",
    ]
    achievement = vc["credentialSubject"]["achievement"]
    assert achievement["achievementType"] == "Fieldwork"
    assert achievement["name"] == DANISH["title"]
    assert achievement["alignment"][0]["targetName"] == "lystekniker"
    assert achievement["alignment"][0]["targetUrl"].startswith("http://data.europa.eu/esco/occupation/")
    assert vc["issuer"]["id"] == identity.did("a") == "did:web:127.0.0.1%3A8000:org:a"
    assert vc["proof"]["cryptosuite"] == "eddsa-rdfc-2022"
    assert vc["proof"]["verificationMethod"] == "did:web:127.0.0.1%3A8000:org:a#key-1"
    # The subject is a salted hash of the e-mail, never the address or the name.
    text = json.dumps(vc, ensure_ascii=False)
    assert "aase@example.org" not in text and "Asta" not in text
    assert documents.belongs_to(vc, " Aase@Example.org ") and documents.belongs_to(vc, "asta  andersen")
    assert not documents.belongs_to(vc, "someone@example.org")

    # Danish letters survive in every field and the credential verifies.
    result = verify.verify(vc)
    assert result.state == verify.VALID, result.reason
    described = json.dumps(result.certified, ensure_ascii=False)
    for word in ("Ærø", "højttalere", "Mødestabilitet", "Åse", "Bo Ørsted", "13,5"):
        assert word in described

    # The young person owns it: on their page, downloadable as PDF and the signed file.
    portal = whole_page(client_for("young_a"), reverse("portal"))
    assert DANISH["title"] in portal and reverse("certificate_pdf", kwargs={"pk": certificate.pk}) in portal
    download = client_for("young_a").get(reverse("certificate_json", kwargs={"pk": certificate.pk}))
    assert json.loads(download.content) == vc


def test_the_pdf_is_readable_in_danish_with_the_verify_address(world, client_for):
    certificate = issue_through_pages(world, client_for, ended_internship(world))
    response = client_for("young_a").get(reverse("certificate_pdf", kwargs={"pk": certificate.pk}))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    for expected in ("Læringsbevis", "Asta Andersen", "Opgang Test", "Lumen", "Ærø", "Åse", "13,5", "Bo Ørsted"):
        assert expected in text, expected
    assert f"verify/{certificate.public_id}/" in text.replace("\n", "")


def test_an_english_certificate_reads_in_english(world, client_for):
    certificate = issue_through_pages(world, client_for, ended_internship(world), data={**DANISH, "language": "en"})
    assert certificate.credential["evidence"][1]["name"] == "Tasks"
    response = client_for("young_a").get(reverse("certificate_pdf", kwargs={"pk": certificate.pk}))
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    assert "Learning certificate" in text and "The mentor's statement" in text


def test_the_mentor_finds_ended_placements_to_write_and_sign(world, client_for):
    activity = ended_internship(world)
    home = whole_page(client_for("mentor_with_consent"), reverse("mentor_home"))
    assert reverse("certificate_write", kwargs={"pk": activity.pk}) in home
    client_for("mentor_with_consent").post(reverse("certificate_write", kwargs={"pk": activity.pk}), DANISH)
    home = whole_page(client_for("mentor_with_consent"), reverse("mentor_home"))
    assert "Under skrivning" in home and DANISH["title"] in home
    other = whole_page(client_for("mentor_without_consent"), reverse("mentor_home"))
    assert DANISH["title"] not in other and reverse("certificate_write", kwargs={"pk": activity.pk}) not in other


# Checking it


def leaf_paths(value, path=()):
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from leaf_paths(inner, (*path, key))
    elif isinstance(value, list):
        for i, inner in enumerate(value):
            yield from leaf_paths(inner, (*path, i))
    else:
        yield path


def changed(document, path):
    tampered = copy.deepcopy(document)
    target = tampered
    for step in path[:-1]:
        target = target[step]
    old = target[path[-1]]
    target[path[-1]] = old + "x" if isinstance(old, str) else (not old if isinstance(old, bool) else old)
    return tampered


def test_changing_any_field_is_caught(world):
    with in_a(world):
        vc = Certificate.objects.get(pk=world.objects["certificate_a"].pk).credential
    paths = [p for p in leaf_paths(vc) if p[0] not in ("@context", "proof")]
    assert len(paths) > 30
    for path in paths:
        result = verify.verify(changed(vc, path))
        assert result.state == verify.TAMPERED, (path, result.state, result.reason)
    for extra in ({"description": "Tilføjet bagefter"}, {"notInAnyContext": "x"}):
        assert verify.verify({**vc, **extra}).state == verify.TAMPERED
    assert verify.verify({**vc, "proof": {**vc["proof"], "proofValue": "z" + "1" * 80}}).state == verify.TAMPERED
    assert verify.verify({k: v for k, v in vc.items() if k != "proof"}).state == verify.TAMPERED


def test_what_we_cannot_check_is_never_called_false():
    w3c = json.loads(Path("tests/fixtures/vc/w3c/signedDataInt.json").read_text())
    result = verify.verify(w3c)  # a did:key issuer, not ours
    assert result.state == verify.UNKNOWN


def test_unknown_context_is_could_not_check(world):
    with in_a(world):
        vc = Certificate.objects.get(pk=world.objects["certificate_a"].pk).credential
    vc = {**vc, "@context": [*vc["@context"], "https://example.org/other-context.jsonld"]}
    assert verify.verify(vc).state == verify.UNKNOWN


def test_revoked_shows_revoked_at_once_everywhere(world, client_for):
    certificate = world.objects["certificate_b"]
    response = client_for("consultant").post(
        reverse("certificate_revoke", kwargs={"pk": certificate.pk}), {"reason": "Forkert virksomhed angivet"}
    )
    assert response.status_code == 302
    with in_a(world):
        certificate.refresh_from_db()
        bits = bytes(StatusList.objects.get().bits)
    assert certificate.state == Certificate.State.REVOKED and certificate.revoked_reason == "Forkert virksomhed angivet"
    assert statuslist.is_set(bits, certificate.status_index)
    assert sum(bin(b).count("1") for b in bits) == 1

    # The published list says so, and so does every way of checking.
    published = client_for("anonymous").get(reverse("certificate_status_list", kwargs={"organisation": "a"}))
    assert published["Cache-Control"] == "public, no-cache"
    encoded = json.loads(published.content)["credentialSubject"]["encodedList"]
    assert statuslist.is_set(statuslist.decode(encoded), certificate.status_index)
    page = post_check(client_for("anonymous"), certificate.credential).content.decode()
    assert "Trukket tilbage" in page
    api = client_for("anonymous").post(
        reverse("certificate_verify_api"), json.dumps(certificate.credential), content_type="application/json"
    )
    assert api.json()["result"] == "revoked"
    # The other certificate in the same list is untouched.
    assert verify.verify(world.objects["certificate_a"].credential).state == verify.VALID


def test_an_unreachable_status_list_is_could_not_check_not_revoked(world):
    certificate = world.objects["certificate_a"]

    def unreachable(url):
        raise verify.StatusUnavailable(url)

    result = verify.verify(certificate.credential, fetch_status_list=unreachable)
    assert result.state == verify.UNKNOWN and "kunne ikke nås" in str(result.reason)
    with in_a(world):
        StatusList.objects.all().delete()
    assert verify.verify(certificate.credential).state == verify.UNKNOWN


def test_a_status_list_not_signed_by_the_issuer_is_could_not_check(world):
    certificate = world.objects["certificate_a"]
    with in_a(world):
        published = StatusList.objects.get().credential
    forged = {
        **published,
        "credentialSubject": {
            **published["credentialSubject"],
            "encodedList": statuslist.encode(statuslist.with_bit(statuslist.empty(), certificate.status_index)),
        },
    }
    assert verify.verify(certificate.credential, fetch_status_list=lambda url: forged).state == verify.UNKNOWN


def test_rotating_the_key_keeps_old_certificates_valid(world, client_for):
    old = world.objects["certificate_a"]
    assert client_for("admin").post(reverse("issuer_key_rotate")).status_code == 302
    with in_a(world):
        keys = list(IssuerKey.objects.order_by("created_at"))
    assert [k.key_id for k in keys] == ["key-1", "key-2"] and keys[0].retired_at and not keys[1].retired_at
    assert verify.verify(old.credential).state == verify.VALID
    new = issue_through_pages(world, client_for, ended_internship(world))
    assert new.credential["proof"]["verificationMethod"].endswith("#key-2")
    assert verify.verify(new.credential).state == verify.VALID
    did = client_for("anonymous").get(reverse("did_document", kwargs={"organisation": "a"})).json()
    assert did["id"] == "did:web:127.0.0.1%3A8000:org:a"
    assert [m["id"].split("#")[1] for m in did["verificationMethod"]] == ["key-1", "key-2"]
    assert did["assertionMethod"] == [m["id"] for m in did["verificationMethod"]]
    assert all(
        m["controller"] == did["id"] and m["publicKeyMultibase"].startswith("z6Mk") for m in did["verificationMethod"]
    )
    # The private half is never stored in the clear.
    with in_a(world):
        stored = bytes(IssuerKey.objects.get(key_id="key-2").encrypted_private_key)
    assert stored.startswith(b"gAAAA") and len(stored) > 64


def test_a_key_cannot_sign_for_another_issuer(world):
    vc = copy.deepcopy(world.objects["certificate_a"].credential)
    vc["issuer"]["id"] = identity.did("b")
    assert verify.verify(vc).state == verify.TAMPERED


def test_the_qr_link_shows_the_result_and_what_was_certified(world, client_for):
    page = client_for("anonymous").get(reverse("certificate_verify_link", kwargs={"public_id": CERTIFICATE_PUBLIC_ID}))
    text = page.content.decode()
    assert "Gyldigt" in text and "Praktik på lageret" in text and "Stabil og grundig" in text
    assert "Asta" not in text  # the public page never names the young person
    missing = client_for("anonymous").get(
        reverse("certificate_verify_link", kwargs={"public_id": "00000000-0000-4000-8000-000000000000"})
    )
    assert missing.status_code == 404


def test_checking_who_it_belongs_to(world, client_for):
    vc = world.objects["certificate_a"].credential
    yes = post_check(client_for("anonymous"), vc, holder="asta@example.org").content.decode()
    assert "tilhører den e-mailadresse eller det navn" in yes and "tilhører ikke" not in yes
    no = post_check(client_for("anonymous"), vc, holder="bertil@example.org").content.decode()
    assert "tilhører ikke" in no


def test_uploading_the_file_works_like_pasting(world, client_for):
    vc = world.objects["certificate_a"].credential
    upload = io.BytesIO(json.dumps(vc, ensure_ascii=False).encode())
    upload.name = "laeringsbevis.json"
    page = client_for("anonymous").post(reverse("certificate_verify"), {"file": upload}).content.decode()
    assert "Gyldigt" in page


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ("", "Indsæt beviset"),
        ("ikke json {", "ikke en bevisfil"),
        ("[1, 2]", "ikke en bevisfil"),
        ("x" * 200_001, "for lang"),
    ],
)
def test_bad_input_on_the_verify_page(client_for, world, raw, message):
    page = client_for("anonymous").post(reverse("certificate_verify"), {"text": raw}).content.decode()
    assert message in page


def test_the_api_answers_in_json(world, client_for):
    client = client_for("anonymous")
    bad = client.post(reverse("certificate_verify_api"), "nej", content_type="application/json")
    assert bad.status_code == 400 and bad.json()["result"] == "unreadable"
    good = client.post(
        reverse("certificate_verify_api"),
        json.dumps(world.objects["certificate_a"].credential),
        content_type="application/json",
    )
    body = good.json()
    assert (
        body["result"] == "valid"
        and body["issuer"] == "Opgang Test"
        and body["certified"]["title"] == "Praktik på lageret"
    )


def test_script_in_a_certificate_is_shown_as_text(world, client_for):
    hostile = {**DANISH, "title": "<script>alert(1)</script>", "tasks": "<img src=x onerror=alert(2)>"}
    certificate = issue_through_pages(world, client_for, ended_internship(world), data=hostile)
    for page in (
        post_check(client_for("anonymous"), certificate.credential),
        client_for("young_a").get(reverse("certificate_detail", kwargs={"pk": certificate.pk})),
    ):
        text = page.content.decode()
        assert "<script>alert(1)" not in text and "<img src=x" not in text and "&lt;script&gt;" in text


# Refusals, each with a clear Danish message and nothing written


def test_only_ended_placements_get_a_certificate(world, client_for):
    running = ended_internship(world, state=Activity.State.ACTIVE)
    visit = ended_internship(world, kind=ActivityKind.VISIT)
    for activity, message in ((running, "når praktikken er slut"), (visit, "praktikker i en virksomhed")):
        page = client_for("counsellor_on_team").post(reverse("certificate_write", kwargs={"pk": activity.pk}), DANISH)
        assert message in page.content.decode()
        assert certificate_of(world, activity) is None


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("title", "Giv beviset en titel"),
        ("tasks", "Skriv opgaverne"),
        ("skills", "mindst én kompetence"),
        ("mentor_statement", "Skriv mentorens udtalelse"),
    ],
)
def test_empty_fields_are_refused(world, client_for, field, message):
    activity = ended_internship(world)
    page = client_for("mentor_with_consent").post(
        reverse("certificate_write", kwargs={"pk": activity.pk}), {**DANISH, field: "  "}
    )
    assert message in page.content.decode() and certificate_of(world, activity) is None


def test_unknown_occupation_and_long_text_are_refused(world, client_for):
    activity = ended_internship(world)
    client = client_for("mentor_with_consent")
    page = client.post(reverse("certificate_write", kwargs={"pk": activity.pk}), {**DANISH, "occupation": "drømmejob"})
    assert "Ukendt erhverv" in page.content.decode()
    page = client.post(reverse("certificate_write", kwargs={"pk": activity.pk}), {**DANISH, "tasks": "x" * 50_000})
    assert "højst have 3000 tegn" in page.content.decode()
    assert certificate_of(world, activity) is None


def test_the_young_person_asks_for_changes_and_a_change_needs_a_new_signature(world, client_for):
    activity = ended_internship(world)
    mentor, young = client_for("mentor_with_consent"), client_for("young_a")
    mentor.post(reverse("certificate_write", kwargs={"pk": activity.pk}), DANISH)
    certificate = certificate_of(world, activity)
    mentor.post(reverse("certificate_sign", kwargs={"pk": certificate.pk}), {"signed_name": "Bo", "confirm": "on"})
    empty = young.post(reverse("certificate_changes", kwargs={"pk": certificate.pk}), {"text": " "})
    assert "Skriv hvad du gerne vil have ændret" in empty.content.decode()
    young.post(reverse("certificate_changes", kwargs={"pk": certificate.pk}), {"text": "Jeg lærte også at lodde"})
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.DRAFT and certificate.signed_at is None
    assert (
        "Jeg lærte også at lodde"
        in mentor.get(reverse("certificate_detail", kwargs={"pk": certificate.pk})).content.decode()
    )
    # Approving a draft is refused: the company must sign again first.
    refused = young.post(reverse("certificate_approve", kwargs={"pk": certificate.pk}), {"email": "a@example.org"})
    assert "ændret i mellemtiden" in refused.content.decode()
    mentor.post(reverse("certificate_sign", kwargs={"pk": certificate.pk}), {"signed_name": "Bo", "confirm": "on"})
    mentor.post(reverse("certificate_write", kwargs={"pk": activity.pk}), {**DANISH, "skills": "Lodning"})
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.DRAFT and certificate.signed_by is None


def test_signing_and_approving_need_their_fields(world, client_for):
    activity = ended_internship(world)
    mentor, young = client_for("mentor_with_consent"), client_for("young_a")
    mentor.post(reverse("certificate_write", kwargs={"pk": activity.pk}), DANISH)
    certificate = certificate_of(world, activity)
    page = mentor.post(reverse("certificate_sign", kwargs={"pk": certificate.pk}), {"signed_name": "Bo"})
    assert "Sæt kryds for at underskrive" in page.content.decode()
    mentor.post(reverse("certificate_sign", kwargs={"pk": certificate.pk}), {"signed_name": "Bo", "confirm": "on"})
    page = young.post(reverse("certificate_approve", kwargs={"pk": certificate.pk}), {"email": "ikke-en-adresse"})
    assert "gyldig e-mailadresse" in page.content.decode()
    certificate.refresh_from_db()
    assert certificate.state == Certificate.State.SIGNED and certificate.credential is None


def test_revoking_needs_a_reason_and_an_issued_certificate_cannot_be_rewritten(world, client_for):
    certificate = world.objects["certificate_b"]
    page = client_for("lead").post(reverse("certificate_revoke", kwargs={"pk": certificate.pk}), {"reason": ""})
    assert "Skriv hvorfor beviset trækkes tilbage" in page.content.decode()
    with in_a(world):
        certificate.refresh_from_db()
        assert certificate.state == Certificate.State.ISSUED
        actor = Actor(world.user("lead"), world.org_a, [world.org_a], {Role.TEAM_LEAD})
        with pytest.raises(services.CertificateError, match="udstedt"):
            services.write(actor, certificate.activity, data=DANISH)


def test_another_young_persons_certificate_is_not_found(world, client_for):
    for name in ("certificate_detail", "certificate_pdf", "certificate_json", "certificate_approve"):
        method = "post" if name == "certificate_approve" else "get"
        response = getattr(client_for("young_a"), method)(
            reverse(name, kwargs={"pk": world.objects["certificate_b"].pk})
        )
        assert response.status_code == 404


# The status list itself


def test_bit_zero_is_the_most_significant_bit_of_byte_zero():
    bits = statuslist.with_bit(statuslist.empty(), 0)
    assert bits[0] == 0x80 and statuslist.is_set(bits, 0) and not statuslist.is_set(bits, 1)
    bits = statuslist.with_bit(bits, 131_071)
    assert bits[-1] == 0x01
    assert statuslist.decode(statuslist.encode(bits)) == bits


def test_the_w3c_example_list_decodes_to_16384_zero_bytes():
    # encodedList of the W3C Bitstring Status List Recommendation's examples.
    example = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"
    assert statuslist.decode(example) == bytes(16_384)


def test_a_short_list_is_refused():
    with pytest.raises(statuslist.StatusListError, match="STATUS_LIST_LENGTH_ERROR"):
        statuslist.decode(statuslist.encode(bytes(100)))


def test_indices_are_random_and_unused():
    allocated = bytes([0b10101010]) * statuslist.SIZE  # every even index taken
    picks = {statuslist.random_free_index(allocated) for _ in range(50)}
    assert all(p % 2 == 1 for p in picks) and len(picks) > 40
    with pytest.raises(statuslist.StatusListError, match="full"):
        statuslist.random_free_index(b"\xff" * statuslist.SIZE)


def test_an_index_is_never_handed_out_again_after_its_young_person_is_erased(world):
    certificate = world.objects["certificate_b"]
    with in_a(world):
        YoungPerson.objects.filter(pk=certificate.young_person_id).delete()
        allocated = bytes(StatusList.objects.get().allocated)
    assert statuslist.is_set(allocated, certificate.status_index)
    assert statuslist.is_set(allocated, world.objects["certificate_a"].status_index)
    assert int.from_bytes(allocated, "big").bit_count() == 2
    # The credential the young person took with them still verifies.
    assert verify.verify(certificate.credential).state == verify.VALID
