"""Security requirements (security.md), each tested with real inputs."""

import io
import os
import shutil
import subprocess
import time
import zipfile

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.apps import apps
from django.conf import settings
from django.contrib.auth.hashers import MD5PasswordHasher
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test import Client, override_settings
from django_scopes import scope, scopes_disabled

from brobygger.attachments.models import Attachment
from brobygger.audit.models import AccessLog
from brobygger.core.roles import Role
from brobygger.people.models import YoungPerson
from brobygger.security import classification, cpr, crypto, keys, rotation, uploads
from brobygger.security.fields import EncryptedTextField
from brobygger.sensitive.models import SensitiveInformation
from brobygger.tenancy.models import Membership
from tests.attacks import tried
from tests.auth import log_in, totp_code
from tests.pdfs import pdf
from tests.world import PDF_BYTES

PASSWORD = "tre blå elefanter danser tango 42"


def with_password(user):
    user.set_password(PASSWORD)
    user.save()
    return user


def login_post(client, email, password=PASSWORD, **extra):
    return client.post("/accounts/login/", {"login": email, "password": password}, **extra)


# --- Classification and encryption ---------------------------------------------------------------


def our_models():
    return [m for m in apps.get_models() if m.__module__.startswith("brobygger.")]


def test_every_field_of_every_model_is_classified():
    missing = [
        f"{m._meta.label}.{f.name}"
        for m in our_models()
        for f in m._meta.concrete_fields
        if classification.classify(m, f.name) is None
    ]
    assert missing == [], "Classify these in brobygger/security/classification.py: " + ", ".join(missing)
    stale = [
        f"{label}.{name}"
        for label, fields in classification.CLASSIFICATION.items()
        for name in fields
        if name not in {f.name for f in apps.get_model(label)._meta.concrete_fields}
    ]
    assert stale == []


def test_special_category_criminal_and_cpr_fields_are_exactly_the_encrypted_ones():
    for model in our_models():
        for field in model._meta.concrete_fields:
            sensitive = classification.classify(model, field.name) in classification.ENCRYPTED_CLASSES
            assert sensitive == isinstance(field, EncryptedTextField), f"{model._meta.label}.{field.name}"


def raw_values(model, field_name, pk):
    table, column = model._meta.db_table, model._meta.get_field(field_name).column
    with connection.cursor() as cursor:
        cursor.execute(
            f'SELECT "{column}" FROM "{table}" WHERE id = %s', [model._meta.pk.get_db_prep_value(pk, connection)]
        )
        return cursor.fetchone()[0]


@pytest.fixture
def secret_note(world):
    with scope(organisation=world.org_a.pk):
        return SensitiveInformation.objects.create(
            organisation=world.org_a,
            young_person=world.objects["yp_a"],
            category="health",
            text="Angst og depression, behandles i psykiatrien",
            why_needed="Tilpasning af praktikken",
            recorded_by=world.user("counsellor_on_team"),
        )


def test_the_column_holds_ciphertext_and_the_model_reads_text(world, secret_note):
    stored = raw_values(SensitiveInformation, "text", secret_note.pk)
    assert stored.startswith("bro1$dev1$") and "Angst" not in stored
    assert "health" not in raw_values(SensitiveInformation, "category", secret_note.pk)
    with scopes_disabled():
        assert SensitiveInformation.objects.get(pk=secret_note.pk).text.startswith("Angst og depression")


def test_a_value_moved_to_another_column_or_altered_does_not_decrypt(world, secret_note):
    stored = raw_values(SensitiveInformation, "text", secret_note.pk)
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(stored, "sensitive.sensitiveinformation.why_needed")
    tampered = stored[:-6] + ("A" if stored[-6] != "A" else "B") + stored[-5:]
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt(tampered, "sensitive.sensitiveinformation.text")
    with pytest.raises(crypto.DecryptionError):
        crypto.decrypt("Angst og depression", "sensitive.sensitiveinformation.text")


OTHER_KEY = "k9:" + "b3RoZXIta2V5LW5vdC10aGUtZGV2LWtleS1hdC1hbGw="
NEW_INDEX_KEY = "bmV3LWJsaW5kLWluZGV4LWtleS1mb3Itcm90YXRpb24="


def test_a_wrong_key_fails_closed_with_a_clear_page_and_no_ciphertext(world, secret_note, client_for):
    client = client_for("counsellor_on_team")
    with override_settings(FIELD_ENCRYPTION_KEYS=OTHER_KEY):
        keys.reset()
        try:
            response = client.post(f"/young/{world.objects['yp_a'].pk}/sensitive/", {"purpose": "Planlægning"})
        finally:
            keys.reset()
    body = response.content.decode()
    assert response.status_code == 503
    assert "krypteringsnøgle" in body
    assert "bro1$" not in body and "Angst" not in body


def test_rotation_re_encrypts_under_the_new_key_and_reindexes_cpr(world, secret_note):
    with scope(organisation=world.org_b.pk):
        person = world.objects["yp_other"]
        person.set_cpr("0101901234")
        person.save()
    TOTP.activate(world.user("lead"), generate_totp_secret())
    old_index = YoungPerson.objects.with_scopes_disabled().get(pk=person.pk).cpr_index
    rotated = "k2:" + "bmV3LWZpZWxkLWtleS1mb3Itcm90YXRpb24tdGVzdHM=," + keys.DEV_FIELD_KEYS
    with override_settings(FIELD_ENCRYPTION_KEYS=rotated, BLIND_INDEX_KEY=NEW_INDEX_KEY):
        keys.reset()
        try:
            counts = rotation.rotate_all()
            assert counts["sensitive.SensitiveInformation"] >= 1 and counts["mfa.Authenticator"] == 1
            assert raw_values(SensitiveInformation, "text", secret_note.pk).startswith("bro1$k2$")
            assert rotation.rotate_all()["sensitive.SensitiveInformation"] == 0  # idempotent
            with override_settings(FIELD_ENCRYPTION_KEYS=rotated.split(",")[0]):
                keys.reset()  # the old key removed: everything still reads
                with scopes_disabled():
                    assert SensitiveInformation.objects.get(pk=secret_note.pk).text.startswith("Angst")
                    again = YoungPerson.objects.get(pk=person.pk)
                    assert again.cpr == "0101901234" and again.cpr_index != old_index
                    assert again.cpr_index == cpr.index("0101901234")
        finally:
            keys.reset()


@pytest.mark.parametrize(
    "configured",
    ["", "nokey", "k1:dG9vLXNob3J0", "k1:" + keys.DEV_FIELD_KEYS.split(":")[1] + ",k1:" + keys.DEV_BLIND_INDEX_KEY],
)
def test_malformed_key_settings_are_refused_at_start(configured):
    from django.core.exceptions import ImproperlyConfigured

    with pytest.raises(ImproperlyConfigured):
        keys.parse_field_keys(configured)


# --- CPR -----------------------------------------------------------------------------------------

VALID_CPR = ["0101901234", "010190-1234", "311299-4000", "290200-4111", "010107-1119"]
INVALID_CPR = [
    "010190123",  # 9 digits
    "01019012345",  # 11 digits
    "320190-1234",  # no 32nd
    "011390-1234",  # no 13th month
    "290201-1234",  # 2001 was no leap year
    "٠١٠١٩٠١٢٣٤",  # Arabic-Indic digits
    "０１０１９０１２３４",  # full-width digits
    "0101 90 1234x",
    "",
]


@pytest.mark.parametrize("value", VALID_CPR)
def test_valid_cpr_numbers_are_accepted_without_modulus_11(value):
    tried("CPR edge cases")
    assert cpr.normalise(value) == value.replace("-", "")


def test_a_post_2007_number_failing_modulus_11_is_accepted():
    weights = (4, 3, 2, 7, 6, 5, 4, 3, 2, 1)
    digits = "0101101235"
    assert sum(int(d) * w for d, w in zip(digits, weights, strict=True)) % 11 != 0
    assert cpr.normalise(digits) == digits


@pytest.mark.parametrize("value", INVALID_CPR)
def test_invalid_cpr_numbers_are_refused_with_a_reason(value):
    tried("CPR edge cases")
    with pytest.raises(ValidationError):
        cpr.normalise(value)


def municipal_counsellor(world):
    from brobygger.tenancy import services as tenancy

    with scope(organisation=world.org_b.pk):
        return tenancy.add_member(
            organisation=world.org_b, email="sagsbehandler@b.example", role="counsellor", first_name="Sanne"
        ).user


REFERRAL = {
    "first_name": "Cecilie",
    "last_name": "Cprsen",
    "birth_date": "2005-03-01",
    "referral_date": "2026-11-01",
    "referral_source": "jobcentre",
}


def test_cpr_is_stored_encrypted_found_by_post_and_never_in_an_address_or_the_log(world):
    client = log_in(Client(), municipal_counsellor(world))
    response = client.post("/young/new/", {**REFERRAL, "cpr": "010305-4321"})
    assert response.status_code == 302 and "0103054321" not in response["Location"]
    person = YoungPerson.objects.with_scopes_disabled().get(last_name="Cprsen")
    assert raw_values(YoungPerson, "cpr", person.pk).startswith("bro1$")
    assert person.cpr_index == cpr.index("0103054321") and "0103054321" not in person.cpr_index
    found = client.post("/young/cpr/", {"cpr": "010305-4321"})
    assert found.status_code == 302 and found["Location"] == f"/young/{person.pk}/"
    page = client.get(found["Location"]).content.decode()
    assert "010305-••••" in page and "4321" not in page
    assert client.post("/young/cpr/", {"cpr": "020305-4321"})["Location"] == "/young/"
    criteria = list(
        AccessLog.objects.with_scopes_disabled().filter(action="search").values_list("criterion", flat=True)
    )
    assert criteria and set(criteria) == {"CPR"}
    # Typed into the name search by mistake: refused, not searched, not logged.
    refused = client.get("/young/", {"q": "010305-4321"})
    assert "CPR-feltet" in refused.content.decode()
    assert AccessLog.objects.with_scopes_disabled().filter(action="search").count() == 2
    # An address with a CPR number in it reaches the log only as [CPR] (see the log scan).
    assert client.get("/young/0103054321/").status_code == 404


def test_an_ngo_has_no_cpr_field_and_cannot_record_one(world, client_for):
    client = client_for("counsellor_on_team")
    assert 'name="cpr"' not in client.get("/young/new/").content.decode()
    client.post("/young/new/", {**REFERRAL, "cpr": "010305-4321"})
    person = YoungPerson.objects.with_scopes_disabled().get(last_name="Cprsen")
    assert person.cpr == "" and person.cpr_index == ""


# --- Passwords and login -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "password, ok",
    [
        ("fjorten tegn!!", False),  # 14
        ("femten tegn her", True),  # 15, no character-type rules
        ("x" * 10 + " en lang sætning om havet og vinden i bøgeskoven der bliver ved og ved", True),
        ("passwordpassword", False),  # breached
        ("iloveyouiloveyou", False),
        ("1234567890123456", False),
        ("qwertyuiopasdfghjkl", False),
        ("opgang test er mit arbejde", False),  # the organisation's name
        ("brobygger er godt 2026", False),
    ],
)
def test_password_rules(world, password, ok):
    from django.contrib.auth.password_validation import validate_password

    tried("weak passwords")
    user = world.user("counsellor_on_team")
    if ok:
        validate_password(password, user)
    else:
        with pytest.raises(ValidationError):
            validate_password(password, user)


class CountingHasher(MD5PasswordHasher):
    """Counts how often a password is hashed, so both answers can be compared without timing them."""

    calls = 0

    def encode(self, password, salt):
        CountingHasher.calls += 1
        return super().encode(password, salt)


def test_an_unknown_user_and_a_wrong_password_look_the_same(world):
    with_password(world.user("lead"))
    with override_settings(PASSWORD_HASHERS=["tests.test_security.CountingHasher"]):
        with_password(world.user("lead"))
        answers = []
        for email in ("lead@a.example", "nobody@a.example"):
            CountingHasher.calls = 0
            response = login_post(Client(), email, "forkert adgangskode igen")
            answers.append((response.status_code, CountingHasher.calls))
            assert "ikke korrekt." in response.content.decode()
    assert answers[0] == answers[1] and answers[0][1] >= 1
    tried("user enumeration", 2)


def test_the_sixth_wrong_password_for_one_account_is_refused_even_if_right(world):
    with_password(world.user("lead"))
    client = Client()
    for _ in range(5):
        assert "ikke korrekt." in login_post(client, "lead@a.example", "forkert adgangskode igen").content.decode()
    blocked = login_post(client, "lead@a.example")
    assert blocked.status_code == 200 and "for mange mislykkede" in blocked.content.decode()
    tried("password guessing", 6)


def test_password_spraying_from_one_address_is_throttled(world):
    client = Client(REMOTE_ADDR="203.0.113.9")
    answers = [login_post(client, f"person{i}@a.example", "Sommer2026Sommer2026").content.decode() for i in range(12)]
    assert all("ikke korrekt." in a for a in answers[:10])
    assert all("for mange mislykkede" in a for a in answers[10:])
    tried("password spraying", 12)


def test_an_attacker_cannot_lock_out_a_colleague_who_has_logged_in_from_that_browser(world):
    lead = with_password(world.user("lead"))
    TOTP.activate(lead, secret := generate_totp_secret())
    office = Client(REMOTE_ADDR="198.51.100.7")
    login_post(office, lead.email)
    office.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert office.get("/young/").status_code == 200
    office.post("/accounts/logout/")
    attacker = Client(REMOTE_ADDR="198.51.100.7")  # same office address
    for i in range(12):
        login_post(attacker, "lead@a.example" if i % 2 else f"x{i}@a.example", "gæt gæt gæt gæt gæt")
    assert "for mange mislykkede" in login_post(attacker, "lead@a.example").content.decode()
    response = login_post(office, lead.email)
    assert response.status_code == 302 and response["Location"].startswith("/accounts/2fa/authenticate/")
    tried("lock-out", 13)


# --- Two-step login ------------------------------------------------------------------------------


def test_staff_without_a_second_factor_see_no_case_data(world):
    client = Client()
    client.force_login(world.user("counsellor_on_team"))
    for url in ("/start/", "/young/", f"/young/{world.objects['yp_a'].pk}/", "/api-tokens/"):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"] == "/accounts/2fa/", url
        tried("half-logged-in access")
    assert client.get("/accounts/2fa/").status_code == 200


def test_a_young_person_is_offered_two_step_login_but_never_locked_out(world):
    client = Client()
    client.force_login(world.user("young_a"))
    assert client.get("/me/").status_code == 200
    TOTP.activate(world.user("young_a"), generate_totp_secret())
    totp = Authenticator.objects.get(user=world.user("young_a"))
    from brobygger.security.mfa import MFAAdapter

    assert MFAAdapter().can_delete_authenticator(totp)


def test_a_young_person_given_a_staff_role_anywhere_needs_two_step_login_at_once(world):
    """The check reads the memberships the request's actor already holds, in every organisation."""
    client = Client()
    client.force_login(world.user("young_a"))
    assert client.get("/me/").status_code == 200
    with scopes_disabled():
        Membership.objects.create(organisation=world.org_b, user=world.user("young_a"), role=Role.COUNSELLOR)
    response = client.get("/me/")
    assert response.status_code == 302 and response["Location"] == "/accounts/2fa/"
    tried("half-logged-in access")


def test_staff_cannot_remove_their_last_second_factor(world):
    TOTP.activate(world.user("lead"), generate_totp_secret())
    from brobygger.security.mfa import MFAAdapter

    assert not MFAAdapter().can_delete_authenticator(Authenticator.objects.get(user=world.user("lead")))


def test_the_totp_secret_is_encrypted_and_a_code_works_once_across_processes(world):
    lead = with_password(world.user("lead"))
    secret = generate_totp_secret()
    TOTP.activate(lead, secret)
    stored = Authenticator.objects.get(user=lead, type="totp").data["secret"]
    assert stored.startswith("bro1$") and secret not in stored
    assert settings.CACHES["default"]["BACKEND"].endswith("DatabaseCache")  # shared by every worker
    code = totp_code(secret)
    first, second = Client(), Client()  # two browsers, as two workers would see them
    login_post(first, lead.email)
    assert first.post("/accounts/2fa/authenticate/", {"code": code})["Location"] == "/start/"
    login_post(second, lead.email)
    replay = second.post("/accounts/2fa/authenticate/", {"code": code})
    assert replay.status_code == 200 and "Forkert kode" in replay.content.decode()
    assert second.get("/young/").status_code == 302
    tried("TOTP replay")


def test_each_recovery_code_works_once(world):
    lead = with_password(world.user("lead"))
    TOTP.activate(lead, generate_totp_secret())
    code = RecoveryCodes.activate(lead).get_unused_codes()[0]
    one = Client()
    login_post(one, lead.email)
    assert one.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 302
    two = Client()
    login_post(two, lead.email)
    assert two.post("/accounts/2fa/authenticate/", {"code": code}).status_code == 200
    tried("recovery code replay")


# --- Rate limits beyond login -------------------------------------------------------------------


def _limits(settings, **rates):
    settings.BROBYGGER_RATE_LIMITS = settings.BROBYGGER_RATE_LIMITS | rates


def test_exports_are_limited_per_user(world, client_for, settings):
    _limits(settings, export="3/h")
    lead, consultant = client_for("lead"), client_for("consultant")
    answers = [lead.get("/exchange/export/companies.csv").status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    refused = lead.get("/exchange/export/young-people.xlsx")
    assert refused.status_code == 429 and "Prøv igen om 60 minutter" in refused.content.decode()
    assert 3000 < int(refused["Retry-After"]) <= 3600
    assert consultant.get("/exchange/export/companies.csv").status_code == 200  # a colleague is not held up
    tried("bulk export", 5)


def test_api_calls_are_limited_per_token(world, settings):
    from tests.test_api import token_for

    _limits(settings, api_token="5/m")
    lead, consultant = token_for(world, "lead"), token_for(world, "consultant")
    client = Client()
    answers = [client.get("/api/companies", HTTP_AUTHORIZATION=f"Bearer {lead}") for _ in range(6)]
    assert [a.status_code for a in answers] == [200] * 5 + [429]
    assert answers[-1].json()["detail"] == "For mange forespørgsler. Vent lidt, og prøv igen."
    assert int(answers[-1]["Retry-After"]) > 0
    assert client.get("/api/companies", HTTP_AUTHORIZATION=f"Bearer {consultant}").status_code == 200
    tried("API flooding with one token", 6)


def test_guessing_api_tokens_is_limited_per_address_whatever_x_forwarded_for_says(world):
    client = Client(REMOTE_ADDR="203.0.113.50")
    answers = [
        client.get("/api/companies", HTTP_AUTHORIZATION=f"Bearer bro_guess{i}", HTTP_X_FORWARDED_FOR=f"10.0.0.{i}")
        for i in range(21)
    ]
    assert [a.status_code for a in answers] == [401] * 20 + [429]
    elsewhere = Client(REMOTE_ADDR="203.0.113.51").get("/api/companies", HTTP_AUTHORIZATION="Bearer bro_guess")
    assert elsewhere.status_code == 401
    tried("API token guessing", 21)


# --- Sessions, cookies and headers ---------------------------------------------------------------


def test_session_fixation_a_new_session_id_at_login(world):
    lead = with_password(world.user("lead"))
    TOTP.activate(lead, secret := generate_totp_secret())
    client = Client()
    client.get("/accounts/login/")
    session = client.session
    session["planted"] = "by attacker"
    session.save()
    planted = session.session_key
    client.cookies[settings.SESSION_COOKIE_NAME] = planted
    login_post(client, lead.email)
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert client.cookies[settings.SESSION_COOKIE_NAME].value != planted
    stolen = Client()
    stolen.cookies[settings.SESSION_COOKIE_NAME] = planted
    assert stolen.get("/young/").status_code == 302
    tried("session fixation")


def stolen_cookie(client):
    thief = Client()
    thief.cookies[settings.SESSION_COOKIE_NAME] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return thief


@pytest.mark.parametrize("how", ["logout", "deactivated", "password changed", "second factor changed"])
def test_an_old_cookie_is_refused_after(world, how):
    lead = world.user("lead")
    client = log_in(Client(), lead)
    thief = stolen_cookie(client)
    assert thief.get("/young/").status_code == 200
    if how == "logout":
        response = client.post("/accounts/logout/")
        assert response["Clear-Site-Data"] == '"cache", "storage"'
    elif how == "deactivated":
        lead.is_active = False
        lead.save()
    elif how == "password changed":
        with_password(lead)
    else:
        from allauth.mfa import signals

        authenticator = TOTP.activate(lead, generate_totp_secret()).instance
        signals.authenticator_added.send(sender=Authenticator, request=None, user=lead, authenticator=authenticator)
    assert thief.get("/young/").status_code == 302
    tried("old session cookie")


def test_idle_and_absolute_time_outs(world):
    from brobygger.security.signals import LOGIN_AT, SEEN_AT

    for key, age in ((SEEN_AT, settings.SESSION_IDLE_SECONDS + 5), (LOGIN_AT, settings.SESSION_ABSOLUTE_SECONDS + 5)):
        client = log_in(Client(), world.user("lead"))
        session = client.session
        session[key] -= age
        session.save()
        response = client.get("/young/")
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
        assert client.get("/young/").status_code == 302


def test_cookies_are_host_prefixed_secure_httponly_and_lax(world):
    lead = with_password(world.user("lead"))
    TOTP.activate(lead, secret := generate_totp_secret())
    client = Client()
    login_post(client, lead.email)
    client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    session = client.cookies["__Host-sessionid"]
    assert session["secure"] and session["httponly"] and session["samesite"] == "Lax" and session["path"] == "/"
    assert not session["domain"]
    csrf = client.cookies["__Host-csrftoken"]
    assert csrf["secure"] and csrf["samesite"] == "Lax"


def test_headers_on_every_answer(world, client_for):
    response = client_for("counsellor_on_team").get(f"/young/{world.objects['yp_a'].pk}/", secure=True)
    policy = response["Content-Security-Policy"]
    for part in ("object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self' 'nonce-"):
        assert part in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    nonce = policy.split("'nonce-")[1].split("'")[0]
    assert f'nonce="{nonce}"' in response.content.decode()
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cache-Control"] == "no-store, max-age=0"


def test_a_forged_host_header_is_refused(world):
    for host in ("evil.example", "127.0.0.1.evil.example", "localhost:8000@evil.example"):
        assert Client().get("/accounts/login/", HTTP_HOST=host).status_code == 400
        assert (
            Client().post("/accounts/password/reset/", {"email": "lead@a.example"}, HTTP_HOST=host).status_code == 400
        )
        tried("forged Host header", 2)


@pytest.mark.parametrize(
    "target",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "https:evil.example", "javascript:alert(1)"],
)
def test_no_open_redirect_through_next(world, target):
    lead = with_password(world.user("lead"))
    TOTP.activate(lead, secret := generate_totp_secret())
    client = Client()
    client.post("/accounts/login/", {"login": lead.email, "password": PASSWORD, "next": target})
    response = client.post("/accounts/2fa/authenticate/", {"code": totp_code(secret)})
    assert response.status_code == 302 and response["Location"] == "/start/"
    switched = client.post("/i18n/setlang/", {"language": "en", "next": target})
    assert "evil" not in switched["Location"] and "javascript" not in switched["Location"]
    tried("open redirect", 2)


def test_check_deploy_passes_with_production_settings(tmp_path):
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "BROBYGGER_SECRET_KEY": "k" * 30 + "a-production-like-secret-key-0123456789",
        "BROBYGGER_FIELD_KEYS": OTHER_KEY,
        "BROBYGGER_BLIND_INDEX_KEY": NEW_INDEX_KEY,
        "BROBYGGER_ALLOWED_HOSTS": "brobygger.example.dk",
        "DJANGO_SETTINGS_MODULE": "brobygger.settings",
        "BROBYGGER_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
    }
    # The browser fixture sets DJANGO_ALLOW_ASYNC_UNSAFE for its own thread; a deployment never has it.
    for name in ("BROBYGGER_INSECURE_DEV_KEY", "BROBYGGER_DEBUG", "BROBYGGER_TEST_DB", "DJANGO_ALLOW_ASYNC_UNSAFE"):
        env.pop(name, None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    env["BROBYGGER_FIELD_KEYS"] = keys.DEV_FIELD_KEYS
    dev = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
    )
    assert dev.returncode != 0 and "brobygger.E002" in dev.stdout + dev.stderr


# --- Uploads -------------------------------------------------------------------------------------


def docx(extra=()):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        for name, data in extra:
            archive.writestr(name, data)
    return buffer.getvalue()


def png():
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "white").save(buffer, "PNG")
    return buffer.getvalue()


GOOD_FILES = {"mit-cv.pdf": PDF_BYTES, "aftale.docx": docx(), "billede.png": png(), "liste.csv": b"navn;dato\nA;1\n"}
BAD_FILES = {
    "renamed.pdf": b"<!DOCTYPE html><html><script>alert(1)</script></html>",
    "drawing.svg": b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    "svg-as.png": b'<?xml version="1.0"?><svg onload="alert(1)"/>',
    "page.html": b"<html><body>hej</body></html>",
    "polyglot.pdf": b"%PDF-1.4\n<html><script>alert(document.cookie)</script>\n%%EOF",
    "js.pdf": b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>\n%%EOF",
    "eicar.pdf": b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*",
    "bomb.docx": docx([("word/bomb.xml", b"0" * (60 * 1024 * 1024))]),
    "traversal.docx": docx([("../../etc/cron.d/evil", b"x")]),
    "cv\u202efdp.exe": PDF_BYTES,  # shows as "cvexe.pdf"
    "fake.png": b"\x89PNG\r\n\x1a\n" + b"not really a picture" * 10,
    "program.exe": b"MZ\x90\x00" + b"\x00" * 100,
    "empty.pdf": b"",
    "tiny.jpg": PDF_BYTES,
    "zip.docx": b"PK\x03\x04" + b"\x00" * 100,
}


@pytest.mark.parametrize("name", GOOD_FILES)
def test_allowed_files_are_kept_and_served_only_as_downloads_to_those_with_access(world, client_for, name):
    yp = world.objects["yp_a"]
    response = client_for("counsellor_on_team").post(
        f"/young/{yp.pk}/documents/new/", {"file": SimpleUploadedFile(name, GOOD_FILES[name], "text/html")}
    )
    assert response.status_code == 302, response.content.decode()[:300]
    attachment = Attachment.objects.with_scopes_disabled().get(original_name=name)
    path = settings.MEDIA_ROOT / "attachments" / attachment.stored_name
    assert path.read_bytes() == GOOD_FILES[name] and name not in attachment.stored_name
    assert not str(path).startswith(str(settings.STATIC_ROOT))
    download = client_for("young_a").get(f"/documents/{attachment.pk}/")
    assert download.status_code == 200 and b"".join(download.streaming_content) == GOOD_FILES[name]
    assert download["Content-Disposition"].startswith("attachment;")
    assert download["Content-Type"] == uploads.CONTENT_TYPES[attachment.kind]  # not the browser's text/html
    assert "sandbox" in download["Content-Security-Policy"]
    for outsider in ("young_b", "other_org_user", "mentor_with_consent", "counsellor_off_team"):
        assert client_for(outsider).get(f"/documents/{attachment.pk}/").status_code == 404
    assert client_for("anonymous").get(f"/documents/{attachment.pk}/").status_code == 302


@pytest.mark.parametrize("name", BAD_FILES)
def test_malicious_files_are_refused_with_a_reason_and_nothing_kept(world, client_for, name):
    tried("malicious files")
    yp = world.objects["yp_a"]
    before = sorted((settings.MEDIA_ROOT / "attachments").iterdir())
    response = client_for("counsellor_on_team").post(
        f"/young/{yp.pk}/documents/new/", {"file": SimpleUploadedFile(name, BAD_FILES[name], "application/pdf")}
    )
    assert response.status_code == 200
    assert 'class="errorlist"' in response.content.decode()
    assert Attachment.objects.with_scopes_disabled().count() == 2  # the world's two
    assert sorted((settings.MEDIA_ROOT / "attachments").iterdir()) == before


def test_a_file_one_byte_over_the_limit_is_refused(world, client_for):
    content = b"%PDF-1.4\n" + b"0" * (settings.ATTACHMENT_MAX_BYTES - 9 + 1)
    response = client_for("counsellor_on_team").post(
        f"/young/{world.objects['yp_a'].pk}/documents/new/", {"file": SimpleUploadedFile("stor.pdf", content)}
    )
    assert "større end 10 MB" in response.content.decode()
    tried("malicious files")


@pytest.mark.parametrize(
    "name, kept",
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\boot.pdf", "boot.pdf"),
        ("cv\u202egnp.pdf", "cvgnp.pdf"),
        ("a\x00b\r\n.pdf", "ab.pdf"),
        ("<script>alert(1)</script>.pdf", "script>.pdf"),
    ],
)
def test_file_names_are_cleaned(name, kept):
    tried("file names")
    assert uploads.safe_name(name) == kept


def test_the_sweep_removes_only_old_files_without_a_document_and_reports_missing_ones(world):
    from django.core.management import call_command

    from brobygger.attachments import storage

    folder = storage.folder()
    an_hour_ago = time.time() - 3700
    old_partial = folder / "0123456789abcdef0123456789abcde0.partial"
    old_orphan = folder / "0123456789abcdef0123456789abcdef"
    new_orphan = folder / "fedcba9876543210fedcba9876543210"
    for path in (old_orphan, new_orphan, old_partial):
        path.write_bytes(b"x")
    for path in (old_orphan, old_partial):
        os.utime(path, (an_hour_ago, an_hour_ago))
    out = io.StringIO()
    call_command("sweep_attachment_files", stdout=out)
    assert out.getvalue().strip() == "2 files without a document removed"
    assert not old_orphan.exists() and not old_partial.exists() and new_orphan.exists()
    kept = [storage.path_of(world.objects[key].stored_name) for key in ("attachment_a", "attachment_other")]
    assert all(path.exists() for path in kept)
    kept[0].unlink()
    errors = io.StringIO()
    with pytest.raises(SystemExit):
        call_command("sweep_attachment_files", stdout=io.StringIO(), stderr=errors)
    assert errors.getvalue().strip() == f"document file missing: {world.objects['attachment_a'].stored_name}"
    new_orphan.unlink()


# --- GDPR: export, erasure, archiving ------------------------------------------------------------

MARKS = ("Zarathustra", "Quetzalcoatl", "zq@erase.example", "+45 99887766")


def every_text_in_the_database():
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 - table names from the database itself
            for row in cursor.fetchall():
                for value in row:
                    if isinstance(value, bytes | memoryview):
                        value = bytes(value).decode("latin-1")
                    yield table, str(value)


def test_an_ngo_erases_a_young_person_from_everything_including_the_log(
    world, client_for, django_capture_on_commit_callbacks
):
    counsellor = client_for("counsellor_on_team")
    lead = client_for("lead")
    assert (
        counsellor.post(
            "/young/new/",
            {**REFERRAL, "first_name": MARKS[0], "last_name": MARKS[1], "email": MARKS[2], "phone": MARKS[3]},
        ).status_code
        == 302
    )
    person = YoungPerson.objects.with_scopes_disabled().get(last_name=MARKS[1])
    counsellor.get(f"/young/{person.pk}/")
    counsellor.get("/young/", {"q": f"{MARKS[0]} {MARKS[1]}"})
    counsellor.post(
        f"/young/{person.pk}/notes/new/",
        {"text": f"Talte med {MARKS[0]} om praktik", "conversation_date": "2026-11-20"},
    )
    counsellor.post(f"/young/{person.pk}/documents/new/", {"file": SimpleUploadedFile("cv.pdf", PDF_BYTES)})
    csv = "Fornavn;Efternavn;Fødselsdato;Henvisningsdato;Henvist af\n"
    csv += f"{MARKS[0]};{MARKS[1]}2;01-03-2005;01-11-2026;Jobcenter\n"
    lead.post("/exchange/", {"kind": "young_people", "file": SimpleUploadedFile("unge.csv", csv.encode())})
    assert any(MARKS[0] in text for _, text in every_text_in_the_database())
    stored = list(
        Attachment.objects.with_scopes_disabled().filter(young_person=person).values_list("stored_name", flat=True)
    )

    refused = lead.post(f"/young/{person.pk}/erase/", {"confirm": "Forkert Navn"})
    assert refused.status_code == 200 and YoungPerson.objects.with_scopes_disabled().filter(pk=person.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        assert lead.post(f"/young/{person.pk}/erase/", {"confirm": f"{MARKS[0]} {MARKS[1]}"}).status_code == 302

    left = [
        (table, text[:80])
        for table, text in every_text_in_the_database()
        for mark in MARKS
        if mark.lower() in text.lower()
    ]
    assert left == []
    assert not any((settings.MEDIA_ROOT / "attachments" / name).exists() for name in stored)
    assert AccessLog.objects.with_scopes_disabled().filter(action="delete", object_kind="young_person").exists()


def test_a_municipal_unit_archives_instead(world):
    from brobygger.tenancy import services as tenancy

    with scope(organisation=world.org_b.pk):
        lead = tenancy.add_member(
            organisation=world.org_b, email="leder@b.example", role="team_lead", first_name="L"
        ).user
    client = log_in(Client(), lead)
    person = world.objects["yp_other"]
    page = client.get(f"/young/{person.pk}/erase/").content.decode()
    assert "Arkivér" in page
    assert client.post(f"/young/{person.pk}/erase/", {"confirm": person.full_name}).status_code == 302
    kept = YoungPerson.objects.with_scopes_disabled().get(pk=person.pk)
    assert kept.archived_at is not None
    client.get("/young/")  # shows the "archived" message once
    assert person.full_name not in client.get("/young/").content.decode()


def test_the_young_persons_export_has_their_data_and_the_dates_and_purposes_of_access(world, client_for):
    client_for("counsellor_on_team").get(f"/young/{world.objects['yp_a'].pk}/")
    export = client_for("young_a").get("/me/export.json").json()
    assert "Asta" in str(export) and "cv.pdf" in str(export)
    log_rows = export["sections"]["access_log"]["rows"]
    assert log_rows and all({"when", "what", "why"} <= set(row) for row in log_rows)
    assert "Mette" not in str(log_rows)  # dates and purposes, never the staff member


def _document_script(name=b"/JavaScript", packed=False):
    """A script the viewer runs when the document opens, named in the catalogue's JavaScript tree."""
    script = b"<< /S " + name + b" /JS (app.alert(1)) >>"
    return pdf(b"/Names << " + name + b" << /Names [(a) 4 0 R] >> >>", packed=packed, extra_objects=[script])


# What poppler (an outside PDF reader) finds in each: the script it would run, the embedded file it
# would save, or simply a one-page document.
ACTIVE_PDFS = {
    "script": (_document_script(), "script"),
    "escaped script": (_document_script(b"/J#61vaScript"), "script"),
    "script in an object stream": (_document_script(packed=True), "script"),
    "escaped script in an object stream": (_document_script(b"/J#61vaScript", packed=True), "script"),
    "escaped launch": (pdf(b"/OpenAction 4 0 R", extra_objects=[b"<< /S /L#61unch /F (calc.exe) >>"]), "pages"),
    "embedded file": (
        pdf(
            b"/Names << /EmbeddedFiles << /Names [(x.exe) 4 0 R] >> >>",
            extra_objects=[b"<< /Type /Filespec /F (x.exe) /EF << /F 5 0 R >> >>", b"<< /Type /EmbeddedFile >>"],
        ),
        "embedded",
    ),
    "XFA form": (pdf(b"/AcroForm << /Fields [] /XFA 4 0 R >>", packed=True, extra_objects=[b"<< >>"]), "pages"),
}


def poppler(tool, content, tmp_path, *args):
    if shutil.which(tool) is None:
        pytest.skip(f"{tool} is missing (apt-get install poppler-utils; .ci/run installs it)")
    path = tmp_path / "checked.pdf"
    path.write_bytes(content)
    return subprocess.run([tool, *args, str(path)], capture_output=True, text=True, check=True).stdout


@pytest.mark.parametrize("name", ACTIVE_PDFS)
def test_a_pdf_that_can_act_is_refused_however_it_is_written(world, client_for, name, tmp_path):
    """The probe's PDFs: names with #xx escapes and scripts inside a compressed
    object stream got past a search for literal bytes. Poppler confirms each file is what it claims
    to be; the upload refuses every one."""
    content, poppler_finds = ACTIVE_PDFS[name]
    assert "Pages:           1" in poppler("pdfinfo", content, tmp_path)
    if poppler_finds == "script":
        assert "app.alert(1)" in poppler("pdfinfo", content, tmp_path, "-js")
    if poppler_finds == "embedded":
        assert "x.exe" in poppler("pdfdetach", content, tmp_path, "-list")
    yp = world.objects["yp_a"]
    response = client_for("counsellor_on_team").post(
        f"/young/{yp.pk}/documents/new/", {"file": SimpleUploadedFile("brev.pdf", content)}
    )
    assert response.status_code == 200
    assert "indeholder scripts" in response.content.decode()
    assert not Attachment.objects.with_scopes_disabled().filter(original_name="brev.pdf").exists()


@pytest.mark.parametrize("packed", [False, True])
def test_a_plain_pdf_in_either_layout_is_kept(world, client_for, packed, tmp_path):
    assert "Pages:           1" in poppler("pdfinfo", pdf(packed=packed), tmp_path)
    yp = world.objects["yp_a"]
    response = client_for("counsellor_on_team").post(
        f"/young/{yp.pk}/documents/new/", {"file": SimpleUploadedFile("cv.pdf", pdf(packed=packed))}
    )
    assert response.status_code == 302
