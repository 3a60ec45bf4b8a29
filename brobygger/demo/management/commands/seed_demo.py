"""Realistic Danish demo data: three organisations, all roles, ~60 young
people, 25+ companies (most from the Opgang2 XL list in the seeds), consents.

Idempotent: running it again resets the demo organisations.
"""

import random
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone
from django_scopes import scope, scopes_disabled

from brobygger.access.actor import Actor
from brobygger.access.rules import FieldCategory
from brobygger.catalogue import selectors as catalogue_selectors
from brobygger.catalogue import services as catalogue
from brobygger.catalogue.models import Initiative
from brobygger.catalogue.practice import ELEMENTS
from brobygger.certificates import services as certificates
from brobygger.community import services as community
from brobygger.companies import selectors as company_selectors
from brobygger.companies import services as companies
from brobygger.companies.models import EscoOccupation, Offer
from brobygger.consent import services as consent
from brobygger.conversations import services as conversations
from brobygger.core.roles import Role
from brobygger.demo import second_step
from brobygger.demo.names import FIRST_NAMES, LAST_NAMES
from brobygger.guide import services as guide
from brobygger.matching import selectors as matching_selectors
from brobygger.matching import services as matching
from brobygger.matching.models import RoundOffer, RoundSeat
from brobygger.outcomes import open_data
from brobygger.outcomes import services as outcomes
from brobygger.outcomes.models import Response
from brobygger.pathways import services as pathways
from brobygger.pathways.models import Pathway, StatusCode
from brobygger.people import services as people
from brobygger.people.models import ReferralSource, TeamMember, TeamRole, YoungPerson
from brobygger.reviews import services as reviews
from brobygger.security import mfa
from brobygger.staircase import services as staircase
from brobygger.staircase.models import Activity, Attendance
from brobygger.tenancy import services as tenancy
from brobygger.tenancy.models import Membership, Organisation

DEMO_PASSWORD = "brobygger-demo-2026"

ORGANISATIONS = [
    {
        "name": "Opgang2",
        "slug": "opgang2",
        "kind": Organisation.Kind.NGO,
        "municipality": "Aarhus",
        "domain": "opgang2.example",
        "initiatives": [
            ("opgang2-xl", "Opgang2 XL", "Værksteder, virksomhedstrappen og netværksgrupper for unge på vej i job."),
            ("dromme-og-rugbrod", "Drømmespor og rugbrødsspor", "Samtaler om drømmen og om at forsørge sig selv."),
        ],
        "postcode": ("8000", "Aarhus C"),
        # Opgang2 XL's partners, from the seed document (000).
        "companies": [
            ("Campfire & co", "Reklamebureau"),
            ("Meganørd", "Spiludviklingsbureau"),
            ("DrumCity", "Trommebutik"),
            ("Lumen", "Lyd- og lysleverandør"),
            ("Radar", "Spillested"),
            ("Cultureworks", "Eventbureau"),
            ("Sydhavnen Eventforening", "Eventforening"),
            ("Filuren Børneteater", "Teater"),
            ("Aarhus Teater", "Teater"),
            ("Katapult Teater", "Teater"),
            ("CABI", "Konsulenthus"),
            ("AROS Kunstmuseum", "Museum"),
            ("Logen Sct. Stefan", "Forening"),
            ("ABakustik", "Akustik"),
            ("Fastaval", "Rollespilfestival"),
            ("Thalias Tjenere Teater", "Teater"),
            ("Wahlberg Motion Design", "Motion design"),
            ("Maxmoebel", "Snedker"),
            ("Svalegangen Teater", "Teater"),
            ("Sleep-in Hostel", "Hostel"),
            ("Streetcoffee", "Kaffebar"),
            ("Spiselauget", "Restaurant"),
            ("AquaWorld Oplevelsescenter", "Oplevelsescenter"),
            ("Aarhus Universitet, laboratorium", "Laboratorium"),
            ("Scandic Hotel", "Hotel"),
        ],
    },
    {
        "name": "Ungeenheden Randers",
        "slug": "ungeenheden-randers",
        "kind": Organisation.Kind.MUNICIPAL,
        "municipality": "Randers",
        "domain": "randers-unge.example",
        "initiatives": [
            ("bliv-klar-til-vikar", "Bliv klar til Vikar", "Et forløb mod vikararbejde i kommunens institutioner."),
            ("ungeguide", "Ungeguideforløb", "En ung-til-ung-guide følger den unge ind i uddannelse."),
        ],
        "postcode": ("8900", "Randers C"),
        "companies": [
            ("Randers Regnskov", "Oplevelsescenter"),
            ("Gudenå Auto", "Autoværksted"),
            ("Tronholm Byg", "Byggeri"),
            ("Kronjylland Logistik", "Lager og logistik"),
            ("Café Tøjhushaven", "Café"),
            ("Randers Plejecenter Vorup", "Ældrepleje"),
        ],
    },
    {
        "name": "Grobund Socialøkonomi",
        "slug": "grobund",
        "kind": Organisation.Kind.SOCIAL_ENTERPRISE,
        "municipality": "Viborg",
        "domain": "grobund.example",
        "initiatives": [
            ("arbejdsfaellesskabet", "Arbejdsfællesskabet", "Rigtige opgaver i en socialøkonomisk virksomhed."),
        ],
        "postcode": ("8800", "Viborg"),
        "companies": [
            ("Viborg Gartneri", "Gartneri"),
            ("Hald Ege Cykler", "Cykelværksted"),
            ("Nørregade Genbrug", "Genbrugsbutik"),
            ("Viborg Kantineservice", "Kantine"),
        ],
    },
]

STAFF = [
    (Role.COUNSELLOR, "Mette", "Lund", "Vejleder"),
    (Role.COUNSELLOR, "Jonas", "Holm", "Ungeguide"),
    (Role.COUNSELLOR, "Sara", "Nielsen", "IPS-konsulent"),
    (Role.CONSULTANT, "Ali", "Hassan", "Virksomhedskonsulent"),
    (Role.WORKSHOP_LEADER, "Freja", "Dam", "Værkstedsleder, musik"),
    (Role.TEAM_LEAD, "Henrik", "Bach", "Leder"),
    (Role.ANALYST, "Camilla", "Berg", "Analytiker"),
    (Role.ORG_ADMIN, "Karin", "Vestergaard", "Administrator"),
    (Role.EDITOR, "Eva", "Kjær", "Redaktør, indsatskatalog og regelguide"),
]
# Opgang2's own assessment of Opgang2 XL against the 11 elements of promising practice.
DEMO_ASSESSMENT = [
    (
        3,
        "Kunstbaseret læring og relationsarbejde; principperne er skrevet ned (relation, hvem vil du være?).",
    ),
    (2, "Cabi proces-evaluerer; tendenser efter 2½ år, men ingen sammenligningsgruppe."),
    (4, "Virksomhedstrappen, de tre fagligheder og netværksgruppen er beskrevet i projektbeskrivelsen."),
    (3, "Mål i hver ungs plan i begge spor; opfølgning hver måned."),
    (2, "Andre værksteder har spurgt; ingen har prøvet modellen endnu."),
    (1, "Vi kender ikke prisen pr. ung."),
    (3, "Månedlige metodemøder mellem kunstnere, vejledere og agent."),
    (4, "Fast vejleder, ung-til-ung i netværksgruppen, tæt kontakt til virksomhederne."),
    (4, "Drømmespor og rugbrødsspor for hver ung; en dør på klem."),
    (3, "Status, forløb og WHO-5 registreres i Brobygger."),
    (2, "Opfølgning 6 og 12 måneder efter er lige begyndt."),
]

ROLE_SLUG = {
    Role.COUNSELLOR: "vejleder",
    Role.CONSULTANT: "konsulent",
    Role.WORKSHOP_LEADER: "vaerksted",
    Role.TEAM_LEAD: "leder",
    Role.ANALYST: "analytiker",
    Role.ORG_ADMIN: "admin",
    Role.EDITOR: "redaktoer",
    Role.MENTOR: "mentor",
    Role.YOUNG_PERSON: "ung",
}
YOUNG_PEOPLE_PER_ORG = 60  # enough that the anonymised figures show numbers at organisation level
DREAMS = [
    ("Lydtekniker på et spillested", "Et job i en café, mens jeg lærer lyd"),
    ("Skuespiller", "Løntimer som billetkontrollant på et teater"),
    ("Spiludvikler", "Elevplads som datatekniker"),
    ("Tatovør", "Job i en tøjbutik"),
    ("Kok i en god restaurant", "Køkkenhjælp og EUD som ernæringsassistent"),
    ("Musiker", "Lagerjob på deltid og musik i fritiden"),
    ("Pædagog", "Pædagogmedhjælper i en børnehave"),
    ("Tømrer som min morfar", "Snusepraktik hos en snedker"),
]
STEPS = [
    ("dream", "Besøge et spillested og se lydfolkene arbejde"),
    ("dream", "Spille for de andre på værkstedet"),
    ("dream", "Tale med en fra branchen om hvordan man kommer ind"),
    ("dream", "Lave en lille portfolio med mine billeder"),
    ("livelihood", "Skrive et CV sammen med Mette"),
    ("livelihood", "Søge tre studiejob"),
    ("livelihood", "Komme til tiden tre dage i træk"),
    ("livelihood", "Afklare SU og økonomi med jobcentret"),
    ("livelihood", "Prøve en snusepraktik i to uger"),
]
NOTES = [
    ("{name} fortalte om drømmen og var glad for besøget i værkstedet.", ["dream"], ["recognition", "goals"]),
    ("Vi lavede en plan for ugen. {name} vil prøve at møde kl. 9 hver dag.", ["livelihood"], ["structure"]),
    ("{name} er bekymret for at tale i telefon. Vi øvede sammen.", ["livelihood"], ["blocks", "recognition"]),
    (
        "Vi talte om hvor tæt på drømmen en praktik skal være. {name} sendte sig selv hjem på en tænker.",
        ["dream", "livelihood"],
        ["goals"],
    ),
    (
        "God snak om at være med i netværksgruppen. {name} vil gerne fortælle de nye om sin praktik.",
        [],
        ["recognition"],
    ),
]
COMMUNITIES = [
    ("Ungdomshuset", "culture", "Midtbyen"),
    ("Den lokale roklub", "club", "Havnen"),
    ("Spot Festival, frivillig", "festival", "Musikhuset"),
    ("Røde Kors, Ung til Ung", "volunteering", "Frivillighuset"),
]
# What the match works with: postcodes around each organisation (so trips differ), the
# occupation behind each kind of company, and the occupation and interests behind each dream.
NEARBY_POSTCODES = {
    "8000": ["8000", "8200", "8210", "8220", "8240", "8260", "8270", "8300", "8520", "8900"],
    "8900": ["8900", "8920", "8930", "8940", "8960", "8870", "8000"],
    "8800": ["8800", "8830", "8840", "8850", "8860", "7800"],
}
SECTOR_OCCUPATION = {
    "Lyd- og lysleverandør": "lydtekniker",
    "Spillested": "lydoperatør",
    "Teater": "scenetekniker",
    "Eventbureau": "eventassistent",
    "Eventforening": "eventtekniker",
    "Spiludviklingsbureau": "designer af digitale spil",
    "Reklamebureau": "grafisk kunstner",
    "Trommebutik": "butiksassistent",
    "Museum": "kunstformidler",
    "Snedker": "møbelsnedker",
    "Hostel": "receptionist",
    "Hotel": "receptionist",
    "Kaffebar": "barista",
    "Restaurant": "køkkenassistent",
    "Café": "tjener",
    "Kantine": "kok i storkøkken",
    "Oplevelsescenter": "dyrepasser",
    "Autoværksted": "automekaniker",
    "Byggeri": "tømrer",
    "Lager og logistik": "lagerarbejder",
    "Ældrepleje": "social- og sundhedshjælper",
    "Gartneri": "gartner",
    "Cykelværksted": "cykelmekaniker",
    "Genbrugsbutik": "butiksassistent",
}
DREAM_MATCH = {
    "Lydtekniker på et spillested": ("lydtekniker", "lyd, lys, musik"),
    "Skuespiller": ("skuespiller", "teater, scene"),
    "Spiludvikler": ("designer af digitale spil", "spil, computer"),
    "Tatovør": ("grafisk kunstner", "tegning, design"),
    "Kok i en god restaurant": ("chefkok", "mad, køkken"),
    "Musiker": ("musiker", "musik, trommer"),
    "Pædagog": ("pædagog i SFO", "børn, leg"),
    "Tømrer som min morfar": ("tømrer", "træ, værktøj"),
}
ROUND_MEMBERS = (0, 1, 8, 9, 10, 11, 12)  # ung1 and ung2 can choose in the demo's open round

OFFER_TITLES = [
    ("visit", "Virksomhedsbesøg"),
    ("task", "Bestillingsopgave"),
    ("trial_internship", "Snusepraktik"),
    ("internship", "Virksomhedspraktik"),
    ("paid_hours", "Løntimer"),
]
PLACEMENT_TASKS = [
    "Hjælpe med at stille scenen op før forestillingen",
    "Pakke varer og tjekke lager",
    "Forberede grøntsager i køkkenet",
    "Teste spil og skrive fejlrapporter",
    "Tage imod gæster i receptionen",
]
STREETS = ["Vestergade", "Søndergade", "Jægergårdsgade", "Åboulevarden", "Nørregade"]


def fake_phone(rng):
    return "+45 " + " ".join(str(rng.randint(10, 99)) for _ in range(4))


class Command(BaseCommand):
    help = "Load realistic Danish demo data and print the demo logins."

    def handle(self, *args, **options):
        rng = random.Random(2026)
        self.match_rng = random.Random(6)  # its own, so the match adds to the demo without moving the rest
        password_hash = make_password(DEMO_PASSWORD)
        logins = []
        with transaction.atomic():
            self._reset()
            for spec in ORGANISATIONS:
                logins += self._organisation(spec, rng, password_hash)
            self._share_across_organisations()
            self._catalogue_and_guide()
            self._enrol_second_step()
        self._print(logins)

    # Catalogue entries the demo organisations run, as (entry, organisation, their initiative).
    RUNS = (
        ("opgang2-xl", "opgang2", "opgang2-xl"),
        ("bliv-klar-til-vikar", "ungeenheden-randers", "bliv-klar-til-vikar"),
        ("ungeguides-randers", "ungeenheden-randers", "ungeguide"),
    )

    def _catalogue_and_guide(self):
        """The public catalogue and rules guide from their data files; the demo organisations
        run three of the entries, and Opgang2 has published its self-assessment of Opgang2 XL."""
        catalogue.load_catalogue()
        guide.load_guide()
        for slug, org_slug, initiative in self.RUNS:
            catalogue.link_organisation(slug, Organisation.objects.get(slug=org_slug), initiative)
        opgang2 = Organisation.objects.get(slug="opgang2")
        with scope(organisation=opgang2.pk):
            lead = Membership.objects.filter(role=Role.TEAM_LEAD).select_related("user").first().user
            actor = Actor(lead, opgang2, [opgang2], {Role.TEAM_LEAD})
            entry = catalogue_selectors.entry("opgang2-xl")
            answers = {
                str(number): {"level": level, "evidence": evidence}
                for (number, _name, _q), (level, evidence) in zip(ELEMENTS, DEMO_ASSESSMENT, strict=True)
            }
            assessment = catalogue.save_assessment(actor, catalogue.assessment_for(actor, entry), answers)
            catalogue.publish_assessment(actor, assessment)

    def _share_across_organisations(self):
        """Two young people in Randers share a little with Opgang2 (workshops in Aarhus)."""
        opgang2 = Organisation.objects.get(slug="opgang2")
        randers = Organisation.objects.get(slug="ungeenheden-randers")
        with scope(organisation=randers.pk):
            for young_person in YoungPerson.objects.filter(user__isnull=False).order_by("created_at")[:2]:
                seat = young_person.team_members.filter(is_primary=True).select_related("user").first()
                actor = Actor(seat.user, randers, [randers], {Role.COUNSELLOR})
                consent.give(
                    actor,
                    young_person,
                    recipient_organisation=opgang2,
                    categories=[FieldCategory.IDENTITY, FieldCategory.TEAM],
                )

    def _reset(self):
        slugs = [spec["slug"] for spec in ORGANISATIONS]
        User = get_user_model()
        with scopes_disabled():
            orgs = list(Organisation.objects.filter(slug__in=slugs))
            if not orgs:
                return
            from brobygger.audit.models import AccessLog, RetentionGrant

            domains = [spec["domain"] for spec in ORGANISATIONS]
            self._delete_tenant_rows(orgs)
            for domain in domains:
                User.objects.filter(email__endswith="@" + domain).delete()
            # The demo's own access log rows go with it; the retention path is the only delete.
            grant = RetentionGrant.objects.create()
            AccessLog.objects.filter(organisation__in=orgs)._raw_delete_rows()
            grant.delete()
            Organisation.objects.filter(pk__in=[o.pk for o in orgs]).delete()

    @staticmethod
    def _delete_tenant_rows(orgs):
        """Every row of the demo organisations, young people first (their records cascade),
        then whatever still protects a row, until nothing is left."""
        from django.apps import apps
        from django.db.models import ProtectedError

        from brobygger.audit.models import AccessLog

        models = [
            m
            for m in apps.get_models()
            if m not in (Organisation, AccessLog) and any(f.name == "organisation" for f in m._meta.fields)
        ]
        models.sort(key=lambda m: m is not YoungPerson)
        for _round in range(len(models)):
            blocked = False
            for model in models:
                try:
                    model.objects.filter(organisation__in=orgs).delete()
                except ProtectedError:
                    blocked = True
            if not blocked:
                return

    def _organisation(self, spec, rng, password_hash):
        org = tenancy.create_organisation(
            name=spec["name"], slug=spec["slug"], kind=spec["kind"], municipality=spec["municipality"]
        )
        logins = []
        with scope(organisation=org.pk):
            staff = {}
            for role, first, last, title in STAFF:
                email = f"{ROLE_SLUG[role]}{'' if role not in staff else len(staff[role]) + 1}@{spec['domain']}"
                member = tenancy.add_member(
                    organisation=org, email=email, role=role, first_name=first, last_name=last, title=title
                )
                self._set_password(member.user, password_hash)
                staff.setdefault(role, []).append(member.user)
                logins.append((org.name, title, email))
            lead = staff[Role.TEAM_LEAD][0]
            self.initiatives = [
                Initiative.objects.create(organisation=org, slug=slug, name=name, summary=summary)
                for slug, name, summary in spec["initiatives"]
            ]
            company_rows = self._companies(org, spec, rng, password_hash, logins)
            self._young_people(org, spec, rng, staff, lead, company_rows, password_hash, logins)
            self._round_of_mutual_choice(org, lead, company_rows)
            self._community_and_reviews(org, staff, rng)
            self._measures_and_targets(org, staff, rng)
        return logins

    def _companies(self, org, spec, rng, password_hash, logins):
        actor = Actor(None, org, [org], {Role.CONSULTANT})
        rows = []
        home, city = spec["postcode"]
        for index, (name, sector) in enumerate(spec["companies"]):
            postcode = self.match_rng.choice(NEARBY_POSTCODES[home])
            company = companies.create_company(
                actor,
                data={
                    "name": name,
                    "sector": sector,
                    "cvr": f"{rng.randint(10_000_000, 99_999_999)}",
                    "address": f"{rng.choice(STREETS)} {rng.randint(1, 90)}",
                    "postcode": postcode,
                    "city": city if postcode == home else "",
                },
            )
            contact_first = rng.choice(FIRST_NAMES)
            companies.add_contact(
                company,
                name=f"{contact_first} {rng.choice(LAST_NAMES)}",
                title=rng.choice(["Indehaver", "HR-ansvarlig", "Daglig leder", "Produktionsleder"]),
                email=f"kontakt@{index}.{spec['domain']}",
                phone=fake_phone(rng),
            )
            mentor = None
            if index < 4:
                email = f"mentor{index + 1}@{spec['domain']}"
                member = tenancy.add_member(
                    organisation=org,
                    email=email,
                    role=Role.MENTOR,
                    first_name=rng.choice(FIRST_NAMES),
                    last_name=rng.choice(LAST_NAMES),
                    title=f"Mentor, {name}",
                )
                self._set_password(member.user, password_hash)
                companies.add_mentor(company, member.user)
                mentor = member.user
                logins.append((org.name, f"Mentor, {name}", email))
            self._offers_and_contacts(actor, company, rng, index)
            rows.append((company, mentor))
        return rows

    def _offers_and_contacts(self, actor, company, rng, index):
        kinds = rng.sample(["visit", "task", "trial_internship", "internship", "paid_hours"], rng.randint(1, 3))
        occupation = EscoOccupation.objects.filter(label=SECTOR_OCCUPATION.get(company.sector, "")).first()
        pick = self.match_rng.choice
        for kind in kinds:
            companies.create_offer(
                company,
                data={
                    "kind": kind,
                    # The company is named beside the title wherever an offer is shown.
                    "title": dict(OFFER_TITLES)[kind] + (f" som {occupation.label}" if occupation else ""),
                    "capacity": rng.randint(1, 4),
                    "hours_per_week": None if kind == "visit" else rng.choice([8, 12, 15, 20]),
                    "place": company.city,
                    "postcode": company.postcode,
                    "accommodations": rng.choice(["", "Rolig arbejdsplads", "Fleksibel start", "Fast kontaktperson"]),
                    "esco_occupation": occupation,
                    "workplace_size": pick(["small", "small", "large", ""]),
                    "pace": pick(["quiet", "busy", ""]),
                    "social": pick(["alone", "team", "team"]),
                    "setting": pick(["indoors", "indoors", "outdoors"]),
                    "suits_under_18": company.sector not in {"Byggeri", "Autoværksted", "Lager og logistik"},
                },
            )
        for _ in range(index % 4):
            companies.log_contact(
                Actor(actor.user or self._consultant(company), company.organisation, [], {Role.CONSULTANT}),
                company,
                day=date.today() - timedelta(days=rng.randint(1, 150)),
                channel=rng.choice(["phone", "meeting", "email"]),
                note=rng.choice(
                    ["Snak om snusepraktik", "Besøg med to unge", "Aftale om næste hold", "Opfølgning på praktik"]
                ),
            )

    @staticmethod
    def _consultant(company):
        from brobygger.tenancy.models import Membership

        return Membership.objects.filter(organisation=company.organisation, role=Role.CONSULTANT).first().user

    def _young_people(self, org, spec, rng, staff, lead, company_rows, password_hash, logins):
        today = date.today()
        counsellors = staff[Role.COUNSELLOR]
        self.home, self.people_in_order = spec["postcode"][0], []
        for index in range(YOUNG_PEOPLE_PER_ORG):
            counsellor = counsellors[index % len(counsellors)]
            actor = Actor(counsellor, org, [org], {Role.COUNSELLOR})
            age_days = rng.randint(15 * 365 + 30, 29 * 365 - 30)
            first = rng.choice(FIRST_NAMES)
            young_person = people.create_referral(
                actor,
                data={
                    "first_name": first,
                    "last_name": rng.choice(LAST_NAMES),
                    "birth_date": today - timedelta(days=age_days),
                    "gender": rng.choice(["woman", "man", "woman", "man", "other", ""]),
                    "phone": fake_phone(rng),
                    "email": f"{first.lower()}.{index}@mail.{spec['domain']}",
                    "referral_date": today - timedelta(days=rng.randint(1, 700)),
                    "referral_source": rng.choice(ReferralSource.values),
                },
            )
            self.people_in_order.append(young_person)
            if index % 3 == 0:
                TeamMember.objects.create(
                    organisation=org,
                    young_person=young_person,
                    user=staff[Role.CONSULTANT][0],
                    role=TeamRole.CONSULTANT,
                )
            if index % 4 == 0:
                TeamMember.objects.create(
                    organisation=org,
                    young_person=young_person,
                    user=staff[Role.WORKSHOP_LEADER][0],
                    role=TeamRole.WORKSHOP_LEADER,
                )
            if index >= YOUNG_PEOPLE_PER_ORG - 3:
                # Three new referrals wait for the lead to distribute them.
                TeamMember.objects.filter(young_person=young_person).delete()
            if index < 3:
                user = people.set_up_login(actor, young_person, email=f"ung{index + 1}@{spec['domain']}")
                self._set_password(user, password_hash)
                logins.append((org.name, f"Ung: {young_person.full_name}", user.email))
            if index < YOUNG_PEOPLE_PER_ORG - 3:
                self._pathway(actor, young_person, rng, company_rows, index)
            if index < 8:
                company, mentor = company_rows[index % 4]
                categories = [FieldCategory.IDENTITY, FieldCategory.CONTACT]
                if index % 2 == 0:
                    categories.append(FieldCategory.TEAM)
                consent.give(actor, young_person, company=company, categories=categories)
                if index < 6:
                    self._placement(actor, young_person, company, mentor, rng)
                if index < 3:
                    self._learning_certificate(actor, young_person, company, mentor, rng, stage=index)

    def _pathway(self, actor, young_person, rng, company_rows, index):
        """A pathway with both tracks, a status history, steps, notes and proposals."""
        today = date.today()
        dream, livelihood = rng.choice(DREAMS)
        self._match_profile(actor, young_person, dream)
        if index % 5 != 4:  # most have said yes; a few are still deciding
            accepted = max(young_person.referral_date, today - timedelta(days=rng.randint(5, 650)))
            initiative = self.initiatives[index % len(self.initiatives)]
            pathways.accept(
                actor, young_person, on=accepted, how="Efter et besøg i værkstederne", initiative=initiative
            )
            version = Pathway.objects.get(young_person=young_person).version
            pathways.update_tracks(actor, young_person, dream=dream, livelihood=livelihood, version=version)
        activity_codes = {c.code: c for c in StatusCode.objects.filter(axis="activity")}
        start = max(young_person.referral_date, today - timedelta(days=700))
        incomes = ["kontanthjaelp_basic", "kontanthjaelp_minimum", "su", "uddannelseshjaelp", "kontanthjaelp_old"]
        valid = [c for c in StatusCode.objects.filter(axis="income", code__in=incomes) if c.valid_on(start)]
        income = rng.choice(sorted(valid, key=lambda c: c.code))
        pathways.change_status(
            actor, young_person, activity=activity_codes["job_seeking"], income=income, valid_from=start
        )
        if index % 3 == 0:
            later = start + (today - start) / 2
            code = activity_codes[rng.choice(["company_placement", "assessment", "short_course", "education"])]
            pathways.change_status(actor, young_person, activity=code, valid_from=later)
        pathway = Pathway.objects.filter(young_person=young_person).first()
        if pathway and pathway.accepted_on and index % 4 == 2:
            # Into a job or an education some months after the yes; some leave the programme then.
            reached = pathway.accepted_on + timedelta(days=rng.randint(20, 200))
            if reached <= today:
                code = activity_codes[rng.choice(["education", "ordinary_job", "apprenticeship", "subsidised_job"])]
                pathways.change_status(actor, young_person, activity=code, valid_from=reached)
                if index % 8 == 2:
                    pathways.end_pathway(actor, young_person, on=reached, reason="Startet i job eller uddannelse")
        for number, (track, goal) in enumerate(rng.sample(STEPS, 4)):
            due = today + timedelta(days=7 * (number + 1)) if number else None
            step = pathways.add_step(
                actor, young_person, data={"track": track, "goal": goal, "due": due, "helper": actor.user}
            )
            if number == 0 and index % 2:
                pathways.set_done(actor, step, done=True)
        for days_ago in sorted(rng.sample(range(1, 200), rng.randint(1, 5)), reverse=True):
            text, tracks, keys = rng.choice(NOTES)
            conversations.write(
                actor,
                young_person,
                data={
                    "text": text.format(name=young_person.first_name),
                    "tracks": tracks,
                    "keys": keys,
                    "recognitions": rng.sample(["personal", "social", "professional"], rng.randint(0, 2)),
                    "conversation_date": today - timedelta(days=days_ago),
                },
            )
        company, _mentor = company_rows[index % len(company_rows)]
        activity = staircase.propose(
            actor,
            young_person,
            data={"kind": "visit", "title": f"Besøg hos {company.name}", "company": company, "dream_distance": 1},
        )
        if index % 4 == 1:
            young_actor = Actor(
                young_person.user or actor.user, actor.organisation, [actor.organisation], {Role.YOUNG_PERSON}
            )
            staircase.answer(young_actor, activity, yes=index % 8 == 1)

    def _match_profile(self, actor, young_person, dream):
        """What the young person looks for, from their dream: the match's side of them."""
        label, interests = DREAM_MATCH[dream]
        pick = self.match_rng.choice
        low = pick([None, 8, 10, 15])
        matching.save_profile(
            actor,
            young_person,
            data={
                "interests": interests,
                "accepted_distance": pick([1, 2, 2, 3]),
                "postcode": pick(NEARBY_POSTCODES[self.home]),
                "travel_mode": pick(["public", "public", "bike", "walk", "car"]),
                "max_travel_minutes": pick([20, 30, 45, 60]),
                "hours_min": low,
                "hours_max": None if low is None else low + pick([5, 10, 15]),
                "size": pick(["small", "", "large"]),
                "pace": pick(["quiet", "", "busy"]),
                "social": pick(["team", "", "alone"]),
                "setting": pick(["indoors", "", "outdoors"]),
            },
            occupations=list(EscoOccupation.objects.filter(label=label)),
        )

    def _round_of_mutual_choice(self, org, lead, company_rows):
        """An open round: most young people have chosen and some companies have ranked them;
        ung1 has not chosen yet. The lead computes the result and publishes it."""
        actor = Actor(lead, org, [org], {Role.TEAM_LEAD})
        members = [p for i, p in enumerate(self.people_in_order) if i in ROUND_MEMBERS]
        companies_in_round = [company.pk for company, _mentor in company_rows[:6]]
        offers = [
            o
            for o in company_selectors.offers_with_free_places(
                Offer.objects.filter(company_id__in=companies_in_round, is_open=True)
            ).order_by("company__name", "pk")
            if o.free > 0
        ]
        round_ = matching.create_round(
            actor,
            title="Vinterens runde i virksomhedsnetværket",
            choose_by=date.today() + timedelta(days=14),
            young_people=members,
            offers=offers,
        )
        round_offers = list(RoundOffer.objects.filter(round=round_))
        for seat in RoundSeat.objects.filter(round=round_).exclude(young_person=self.people_in_order[0]):
            choice = self.match_rng.sample(round_offers, min(len(round_offers), self.match_rng.randint(1, 3)))
            # Young people without an account choose with their counsellor, in the counsellor's name.
            chooser = seat.young_person.user or seat.young_person.team_members.first().user
            young = Actor(chooser, org, [org], {Role.YOUNG_PERSON})
            matching.rank_offers(young, seat, ranking=choice, note="Jeg vil gerne prøve noget nyt")
        chosen = [(ro, matching_selectors.applicants(ro)[0]) for ro in round_offers]
        for round_offer, applied in [(ro, applied) for ro, applied in chosen if applied][:3]:
            self.match_rng.shuffle(applied)
            matching.rank_applicants(actor, round_offer, ranking=applied[: max(1, len(applied) - 1)])

    def _placement(self, actor, young_person, company, mentor, rng):
        """A trial internship under way: learning plan accepted, some days registered."""
        today = date.today()
        start = today - timedelta(days=rng.randint(6, 12))
        activity = staircase.propose(
            actor,
            young_person,
            data={
                "kind": "trial_internship",
                "title": f"Snusepraktik hos {company.name}",
                "company": company,
                "mentor": mentor,
                "starts_on": start,
                "ends_on": start + timedelta(days=14),
                "hours_per_week": 15,
            },
        )
        young_actor = Actor(young_person.user or actor.user, actor.organisation, [], {Role.YOUNG_PERSON})
        staircase.answer(young_actor, activity, yes=True)
        mentor_actor = Actor(mentor, actor.organisation, [], {Role.MENTOR})
        staircase.write_learning_plan(
            mentor_actor,
            activity,
            data={
                "goals": "Lære arbejdspladsens rytme og en konkret opgave",
                "tasks": rng.choice(PLACEMENT_TASKS),
                "expectations_young_person": "En fast kontaktperson og pauser efter behov",
                "expectations_company": "At den unge siger til, hvis noget er svært",
                "accommodations": rng.choice(["", "Start kl. 10", "Arbejde i et roligt rum"]),
                "hours_per_day": 3,
            },
        )
        staircase.accept_learning_plan(young_actor, activity)
        for offset in range(0, (today - start).days, 2):
            day = start + timedelta(days=offset)
            if day.weekday() < 5:
                staircase.register_attendance(mentor_actor, activity, day=day, present=rng.random() > 0.15)

    def _learning_certificate(self, actor, young_person, company, mentor, rng, *, stage):
        """An internship that ended last month. Stage 0: its learning certificate is issued;
        1: signed by the mentor, waiting for the young person; 2: for the mentor to write."""
        today = date.today()
        start, end = today - timedelta(days=75), today - timedelta(days=20)
        activity = Activity.objects.create(
            organisation=actor.organisation,
            young_person=young_person,
            kind="internship",
            title=f"Praktik hos {company.name}",
            company=company,
            mentor=mentor,
            state=Activity.State.ENDED,
            starts_on=start,
            ended_on=end,
            hours_per_week=20,
            answered_at=timezone.now(),
            proposed_by=actor.user,
            skipped_trial_reason="Kendte virksomheden fra et besøg",
            learned="At holde fast i en arbejdsuge og spørge, når noget er uklart",
            ended_by=actor.user,
        )
        Attendance.objects.bulk_create(
            Attendance(
                organisation=actor.organisation,
                young_person=young_person,
                activity=activity,
                day=start + timedelta(days=offset),
                hours=Decimal(5),
                present=rng.random() > 0.1,
                registered_by=mentor,
            )
            for offset in range((end - start).days)
            if (start + timedelta(days=offset)).weekday() < 4
        )
        if stage == 2:
            return
        mentor_actor = Actor(mentor, actor.organisation, [], {Role.MENTOR})
        certificate = certificates.write(
            mentor_actor,
            activity,
            data={
                "title": f"Praktik hos {company.name}",
                "tasks": rng.choice(PLACEMENT_TASKS) + ". Faste opgaver fire dage om ugen.",
                "skills": "Mødestabilitet\nSamarbejde med kolleger\nAt spørge, når noget er uklart",
                "mentor_statement": "Mødte stabilt og blev hurtigt en del af holdet. Vi vil gerne anbefale "
                f"{young_person.first_name} til andre arbejdspladser.",
                "language": "da",
            },
        )
        certificates.sign(mentor_actor, certificate, signed_name=mentor.display_name)
        if stage == 0:
            young_actor = Actor(young_person.user or actor.user, actor.organisation, [], {Role.YOUNG_PERSON})
            certificates.approve(young_actor, certificate, email=young_person.email)

    def _community_and_reviews(self, org, staff, rng):
        """A monthly network group with a meeting, other communities, follow-up after
        job or education for a few, and the next case review."""
        counsellor = staff[Role.COUNSELLOR][0]
        actor = Actor(counsellor, org, [org], {Role.COUNSELLOR})
        lead = Actor(staff[Role.TEAM_LEAD][0], org, [org], {Role.TEAM_LEAD})
        young = list(YoungPerson.objects.order_by("created_at"))
        group = community.create_group(
            actor,
            data={
                "name": "Netværksgruppen",
                "description": "Rundbord for unge: på vej ind, i aktiviteter og i job",
                "place": "Værkstedet",
                "every_weeks": 4,
            },
        )
        phases = ["on_the_way_in", "in_activities", "in_job_or_education"]
        for index, young_person in enumerate(young[:9]):
            community.add_member(
                actor, group, young_person=young_person, phase=phases[index % 3], may_be_named=index % 2 == 0
            )
        meeting = community.plan_meeting(actor, group, starts_at=timezone.now() - timedelta(days=7))
        for participation in meeting.participants.all():
            community.set_attendance(actor, participation, attended=rng.random() > 0.3)
        community.save_note(
            actor, meeting, text="Vi talte om at starte i praktik, og om hvad man gør, når man er nervøs."
        )
        for name, kind, place in COMMUNITIES:
            community.create_community(actor, data={"name": name, "kind": kind, "place": place})
        job = StatusCode.objects.get(axis="activity", code="ordinary_job")
        for young_person in young[9:12]:
            seat = young_person.team_members.filter(is_primary=True).select_related("user").first()
            owner = Actor(seat.user if seat else counsellor, org, [org], {Role.COUNSELLOR})
            pathways.change_status(owner, young_person, activity=job, valid_from=date.today())
        reviews.create_review(
            lead, starts_at=timezone.now().replace(minute=0, second=0, microsecond=0) + timedelta(days=2)
        )

    def _measures_and_targets(self, org, staff, rng):
        """WHO-5 and GSE-10 at the start and some months later, targets for this
        year, and last year's figures published as open data (Opgang2)."""
        today = date.today()
        lead = Actor(staff[Role.TEAM_LEAD][0], org, [org], {Role.TEAM_LEAD})
        for young_person in YoungPerson.objects.filter(pathway__accepted_on__isnull=False).order_by("created_at"):
            actor = Actor(young_person.user or lead.user, org, [org], {Role.YOUNG_PERSON})
            start = young_person.pathway.accepted_on
            level = rng.randint(1, 3)
            for answered_on, lift in ((start, 0), (start + (today - start) / 2, rng.choice([0, 1, 1, 2]))):
                if rng.random() < 0.2:
                    continue
                for instrument, answers in (
                    ("who5", {str(i): min(5, level + lift + rng.randint(-1, 1)) for i in range(1, 6)}),
                    ("gse10", {str(i): min(4, max(1, level + lift)) for i in range(1, 11)}),
                ):
                    answers = {key: max(0, value) for key, value in answers.items()}
                    response = outcomes.record(
                        actor, young_person, instrument_id=instrument, answers=answers, language="da", mode="self"
                    )
                    answered_at = timezone.make_aware(datetime.combine(answered_on, time(10)))
                    Response.objects.filter(pk=response.pk).update(answered_at=answered_at)
        outcomes.set_targets(
            lead,
            year=today.year,
            values={"started": Decimal(30), "in_job_or_education": Decimal(25), "who5_improved": Decimal(40)},
        )
        if org.slug == "opgang2":
            rows = open_data.rows_for(org, self.initiatives, today.year - 1, today=today)
            outcomes.publish(lead, year=today.year - 1, rows=rows)

    @staticmethod
    def _enrol_second_step():
        """Every demo login that logs in in two steps gets an authenticator; the demo's second-step
        page shows its code (brobygger.demo.second_step, with DEBUG on only)."""
        User = get_user_model()
        with scopes_disabled():
            for user in User.objects.filter(memberships__isnull=False).distinct():
                if second_step.is_demo_login(user) and mfa.requires_mfa(user):
                    second_step.enrol(user)

    @staticmethod
    def _set_password(user, password_hash):
        user.password = password_hash
        user.save(update_fields=["password"])

    def _print(self, logins):
        self.stdout.write("")
        self.stdout.write(self.style.SUCCESS(f"Demo data loaded. Log in at {settings.PUBLIC_URL}/"))
        self.stdout.write(f"Password for every demo login: {DEMO_PASSWORD}")
        self.stdout.write(
            "Staff logins have a second step: the demo's second-step page shows the current code "
            "(only with BROBYGGER_DEBUG=1, as make demo runs it). Young people log in with the password alone."
        )
        self.stdout.write("")
        current = None
        for org, title, email in logins:
            if org != current:
                self.stdout.write(self.style.MIGRATE_HEADING(org))
                current = org
            self.stdout.write(f"  {email:<38} {title}")
