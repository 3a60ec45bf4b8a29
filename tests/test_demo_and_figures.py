import os
import re

from allauth.mfa.models import Authenticator
from django.core.management import call_command
from django.urls import reverse
from django_scopes import scopes_disabled

from brobygger.certificates import verify
from brobygger.certificates.models import Certificate
from brobygger.companies.models import Company
from brobygger.consent.models import Consent
from brobygger.core.roles import Role
from brobygger.matching.models import CompanyChoice, MatchProfile, Round, YoungPersonChoice
from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import Membership, Organisation
from tests.parts import whole_page


def test_seed_demo_loads_three_organisations_with_every_role(db, capsys):
    call_command("seed_demo")
    call_command("seed_demo")  # idempotent
    out = capsys.readouterr().out
    assert "brobygger-demo-2026" in out and "vejleder@opgang2.example" in out
    with scopes_disabled():
        assert Organisation.objects.count() == 3
        assert set(Organisation.objects.values_list("kind", flat=True)) == set(Organisation.Kind.values)
        assert YoungPerson.objects.count() == 180
        assert Company.objects.count() >= 25
        assert Consent.objects.count() >= 20
        for org in Organisation.objects.all():
            roles = set(Membership.objects.filter(organisation=org).values_list("role", flat=True))
            assert roles == set(Role.values), org
        lumen = Company.objects.filter(name="Lumen").exists()
        # Every staff login can pass the second step in the demo: it has an authenticator to show the code of.
        staff = Membership.objects.exclude(role=Role.YOUNG_PERSON).values("user")
        young = Membership.objects.filter(role=Role.YOUNG_PERSON).values("user")
        with_app = set(Authenticator.objects.filter(type=Authenticator.Type.TOTP).values_list("user", flat=True))
        assert set(staff.values_list("user", flat=True)) <= with_app
        assert not with_app & set(young.values_list("user", flat=True))
        states = sorted(Certificate.objects.values_list("state", flat=True))
        issued = [c.credential for c in Certificate.objects.filter(state=Certificate.State.ISSUED)]
        # The match: what most young people look for, and one open round of mutual choice per organisation.
        profiles = MatchProfile.objects.filter(occupations__isnull=False).distinct().count()
        rounds = list(Round.objects.filter(state=Round.State.OPEN).values_list("organisation_id", flat=True))
        chosen = YoungPersonChoice.objects.values("seat").distinct().count()
        ranked = CompanyChoice.objects.values("round_offer").distinct().count()
    assert lumen  # from the Opgang2 XL list in the seeds
    # Per organisation one issued learning certificate and one waiting for the young person.
    assert states == ["issued"] * 3 + ["signed"] * 3
    assert all(verify.verify(credential).state == verify.VALID for credential in issued)
    assert profiles >= 40
    assert len(rounds) == len(set(rounds)) == 3
    assert chosen == 3 * 6  # ung1 has not chosen yet
    assert ranked >= 3 * 2  # companies have ranked some of the young people who chose them


def test_the_demos_figures_show_numbers_at_organisation_level(db):
    """The walk found almost every cell of the demo's figures suppressed ('..'): with 60 young people
    per organisation the figures page shows numbers, and suppresses only the few small cells."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    from tests.auth import log_in

    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115 (closed with the process)
    client = log_in(Client(), get_user_model().objects.get(email="analytiker@opgang2.example"))
    page = whole_page(client, reverse("figures"))
    cells = re.findall(r"<td[^>]*>\s*([^<]*?)\s*</td>", page)
    suppressed = sum(1 for cell in cells if cell == "..")
    assert len(cells) > 50 and suppressed < len(cells) / 4, (suppressed, len(cells))


def test_analyst_sees_figures_but_no_names(world, client_for):
    page = whole_page(client_for("analyst"), reverse("figures"))
    assert 'id="t-snapshot"' in page
    assert "Asta" not in page and "Bertil" not in page
