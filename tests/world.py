"""A small world of two organisations with every role, used by the matrix
test and most other tests. Built straight through the services and models;
what each fixture *should* be allowed is declared here independently of the
access code, as facts about the world."""

import uuid
from dataclasses import dataclass, field
from datetime import date

from django.utils import timezone
from django_scopes import scope

from brobygger.access.actor import Actor
from brobygger.access.rules import Cond, FieldCategory
from brobygger.accounts.services import create_verified_user
from brobygger.catalogue import services as catalogue_services
from brobygger.certificates import services as certificates
from brobygger.certificates.models import Certificate
from brobygger.community.models import Community, Group, GroupMember, Meeting, Participation, Pointer
from brobygger.companies import services as companies
from brobygger.companies.models import Offer
from brobygger.consent import services as consent
from brobygger.conversations.models import Note
from brobygger.core.roles import Role
from brobygger.exchange.models import ImportBatch
from brobygger.followup.models import FollowUpContact, FollowUpPlan, StatusCheck
from brobygger.guide import services as guide_services
from brobygger.matching.models import MatchProfile, Round, RoundOffer, RoundSeat, YoungPersonChoice
from brobygger.outcomes.models import Attention, OpenDataRelease, Response
from brobygger.pathways.codes import load as load_status_codes
from brobygger.pathways.models import Pathway, PlanStep, StatusCode, StatusEntry, Track, Wish
from brobygger.people.models import ReferralSource, TeamMember, TeamRole, YoungPerson
from brobygger.reviews.models import Decision, Review
from brobygger.sensitive.models import SensitiveInformation
from brobygger.staircase.models import Activity, ActivityKind, Attendance, LearningPlan, MentorMessage, Talent
from brobygger.tenancy import services as tenancy
from brobygger.tenancy.models import Organisation
from tests.pdfs import pdf

FIXTURES = [
    "counsellor_on_team",
    "counsellor_off_team",
    "consultant",
    "workshop_leader",
    "lead",
    "mentor_with_consent",
    "mentor_without_consent",
    "young_a",
    "young_b",
    "analyst",
    "admin",
    "editor",
    "other_org_user",
    "anonymous",
]

FIXTURE_ROLES = {
    "counsellor_on_team": {Role.COUNSELLOR},
    "counsellor_off_team": {Role.COUNSELLOR},
    "consultant": {Role.CONSULTANT},
    "workshop_leader": {Role.WORKSHOP_LEADER},
    "lead": {Role.TEAM_LEAD},
    "mentor_with_consent": {Role.MENTOR},
    "mentor_without_consent": {Role.MENTOR},
    "young_a": {Role.YOUNG_PERSON},
    "young_b": {Role.YOUNG_PERSON},
    "analyst": {Role.ANALYST},
    "admin": {Role.ORG_ADMIN},
    "editor": {Role.EDITOR},
    # Holds every role, but in the other organisation.
    "other_org_user": set(Role),
    "anonymous": set(),
}


@dataclass
class World:
    org_a: Organisation
    org_b: Organisation
    users: dict = field(default_factory=dict)
    objects: dict = field(default_factory=dict)  # key -> object
    object_org: dict = field(default_factory=dict)  # key -> organisation
    object_young_person: dict = field(default_factory=dict)  # key -> young person key

    def user(self, name):
        return self.users.get(name)

    def facts(self, fixture, key):
        """Conditions that hold between a fixture and an object, stated as facts."""
        if fixture == "anonymous":
            return set()
        org = self.org_b if fixture == "other_org_user" else self.org_a
        if self.object_org[key] != org:
            # yp_b consented to share with org B.
            shared = fixture == "other_org_user" and self.object_young_person.get(key) == "yp_b"
            return {Cond.SHARED} if shared else set()
        found = {Cond.ORG}
        yp = self.object_young_person.get(key)
        if fixture == "other_org_user":
            # Holds every role in org B and is on yp_other's team.
            found |= {Cond.TEAM} if yp == "yp_other" else set()
            found |= {Cond.ROUND_OWNER} if key == "round_seat_other" else set()
            return found
        if (fixture, yp) in TEAM_FACTS:
            found.add(Cond.TEAM)
        if (fixture, yp) in {("young_a", "yp_a"), ("young_b", "yp_b")}:
            found.add(Cond.SELF)
        if (fixture, yp) in {("mentor_with_consent", "yp_a")}:
            found.add(Cond.CONSENT)
        if (fixture, key) in OWN_COMPANY_FACTS:
            found.add(Cond.OWN_COMPANY)
        if fixture == "consultant" and key in {"round_seat_a", "round_seat_b"}:
            found.add(Cond.ROUND_OWNER)  # the consultant made round A
        return found


OWN_COMPANY_FACTS = {
    ("mentor_with_consent", "company_1"),
    ("mentor_without_consent", "company_2"),
    ("mentor_with_consent", "offer_1"),
    ("mentor_without_consent", "offer_2"),
    ("mentor_with_consent", "round_offer_1"),
    ("mentor_without_consent", "round_offer_2"),
}

TEAM_FACTS = {
    ("counsellor_on_team", "yp_a"),
    ("workshop_leader", "yp_a"),
    ("counsellor_off_team", "yp_b"),
    ("consultant", "yp_b"),
}

# Which objects each kind is tested against.
OBJECTS_BY_KIND = {
    "young_person": ["yp_a", "yp_b", "yp_other"],
    "team_member": ["seat_a", "seat_b", "seat_other"],
    "consent": ["consent_a", "consent_b", "consent_other"],
    "company": ["company_1", "company_2", "company_other"],
    "membership": ["membership_a", "membership_other"],
    "shared_person": ["yp_a", "yp_b", "yp_other"],
    "plan_step": ["step_a", "step_b", "step_other"],
    "note": ["note_a", "note_b", "note_other"],
    "activity": ["activity_a", "placement_a", "activity_b", "activity_other"],
    "offer": ["offer_1", "offer_2", "offer_other"],
    "followup_contact": ["contact_a", "contact_other"],
    "status_check": ["check_a", "check_other"],
    "group": ["group_a", "group_other"],
    "meeting": ["meeting_a", "meeting_other"],
    "community": ["community_a", "community_other"],
    "review": ["review_a", "review_other"],
    "attention": ["attention_a", "attention_other"],
    "figures": ["release_a", "release_other"],
    "certificate": ["certificate_a", "certificate_b", "certificate_other"],
    "round": ["round_a", "round_other"],
    "round_seat": ["round_seat_a", "round_seat_b", "round_seat_other"],
    "round_offer": ["round_offer_1", "round_offer_2", "round_offer_other"],
    "import_batch": ["batch_a", "batch_other"],
    "attachment": ["attachment_a", "attachment_other"],
}


def _case_records(org, yp, author, suffix, company):
    """A plan step, a note and a proposed activity (at `company`) for one young person."""
    step = PlanStep.objects.create(
        organisation=org, young_person=yp, track=Track.DREAM, goal=f"Besøge et lydstudie {suffix}", created_by=author
    )
    note = Note.objects.create(
        organisation=org,
        young_person=yp,
        author=author,
        conversation_date=date(2026, 10, 1),
        text=f"Vi talte om lyd og lys {suffix}",
        tracks=["dream"],
    )
    activity = Activity.objects.create(
        organisation=org,
        young_person=yp,
        kind=ActivityKind.VISIT,
        title=f"Besøg hos Lumen {suffix}",
        proposed_by=author,
        company=company,
    )
    return step, note, activity


def _placement_records(org, yp, author, mentor, company, offer):
    """A running trial internship with an accepted learning plan, a day, a talent and a message."""
    placement = Activity.objects.create(
        organisation=org,
        young_person=yp,
        kind=ActivityKind.TRIAL_INTERNSHIP,
        title="Snusepraktik i lyd og lys",
        company=company,
        offer=offer,
        state=Activity.State.ACTIVE,
        starts_on=date(2026, 10, 1),
        hours_per_week=20,
        proposed_by=author,
    )
    LearningPlan.objects.create(
        organisation=org,
        young_person=yp,
        activity=placement,
        goals="Lære at sætte lys op",
        tasks="Hjælpe ved opstilling",
        written_by=mentor,
        accepted_at=timezone.now(),
    )
    Attendance.objects.create(
        organisation=org, young_person=yp, activity=placement, day=date(2026, 10, 2), hours=4, registered_by=mentor
    )
    Talent.objects.create(organisation=org, young_person=yp, spotted_by=author, talent="Sikker hånd med lydpulten")
    MentorMessage.objects.create(
        organisation=org, young_person=yp, activity=placement, author=mentor, text="Asta var god i dag"
    )
    return placement


def _pathway_records(org, yp, author):
    """The rest of what can be written about a young person, so every portal section has a row."""
    load_status_codes(StatusCode)  # a transactional test's flush empties the data migration's rows
    Pathway.objects.create(
        organisation=org, young_person=yp, state=Pathway.State.ACTIVE, accepted_on=date(2026, 9, 8), dream="Lydtekniker"
    )
    StatusEntry.objects.create(
        organisation=org,
        young_person=yp,
        activity=StatusCode.objects.get(axis="activity", code="assessment"),
        income=StatusCode.objects.get(axis="income", code="kontanthjaelp_basic"),
        valid_from=date(2026, 9, 8),
        recorded_by=author,
    )
    Wish.objects.create(organisation=org, young_person=yp, text="Prøve at sætte lys op til en koncert")
    SensitiveInformation.objects.create(
        organisation=org,
        young_person=yp,
        category="health",
        text="Angst i store grupper",
        why_needed="Planlægge praktik i små hold",
        recorded_by=author,
    )


def _aftercare_records(org, yp, author, suffix):
    """A follow-up plan with a done and an open contact, a status check, a network group with
    a meeting, another community the young person was pointed to, and a case review decision."""
    job = StatusCode.objects.get(axis="activity", code="ordinary_job")
    plan = FollowUpPlan.objects.create(
        organisation=org,
        young_person=yp,
        responsible=author,
        outcome=job,
        exit_on=date(2026, 6, 1),
        interval_days=14,
        months=12,
    )
    FollowUpContact.objects.create(
        organisation=org,
        plan=plan,
        young_person=yp,
        due_on=date(2026, 6, 15),
        done_on=date(2026, 6, 15),
        reached=True,
        how_it_goes="good",
        recorded_by=author,
    )
    contact = FollowUpContact.objects.create(organisation=org, plan=plan, young_person=yp, due_on=date(2026, 11, 1))
    check = StatusCheck.objects.create(
        organisation=org, plan=plan, young_person=yp, months_after=6, due_on=date(2026, 12, 1)
    )
    group = Group.objects.create(organisation=org, name=f"Netværksgruppen {suffix}")
    GroupMember.objects.create(organisation=org, group=group, young_person=yp, phase="in_activities")
    meeting = Meeting.objects.create(organisation=org, group=group, starts_at=timezone.now())
    Participation.objects.create(organisation=org, meeting=meeting, young_person=yp, attended=True)
    community = Community.objects.create(organisation=org, name=f"Spillestedet {suffix}", kind="culture")
    Pointer.objects.create(organisation=org, young_person=yp, community=community, pointed_by=author)
    response = Response.objects.create(
        organisation=org,
        young_person=yp,
        instrument="who5",
        version="1998",
        language="da",
        mode="self",
        respondent=author,
        answers={"1": 1, "2": 1, "3": 2, "4": 1, "5": 1},
        score=24,
    )
    attention = Attention.objects.create(organisation=org, young_person=yp, response=response, for_user=author)
    review = Review.objects.create(organisation=org, starts_at=timezone.now(), led_by=author)
    Decision.objects.create(
        organisation=org, review=review, young_person=yp, text="Fortsætter i værkstedet", decided_by=author
    )
    return contact, check, group, meeting, community, review, attention


# The public link of certificate_a, so the matrix can open its verify page.
CERTIFICATE_PUBLIC_ID = uuid.UUID("5e1f3c2a-7b4d-4e8f-9a10-3c5d7e9f1a2b")


def _certificate(org, yp, staff, young_user, company, public_id=None):
    """An ended internship at `company` with an issued learning certificate."""
    placement = Activity.objects.create(
        organisation=org,
        young_person=yp,
        kind=ActivityKind.INTERNSHIP,
        title="Praktik på lageret",
        company=company,
        state=Activity.State.ENDED,
        starts_on=date(2026, 8, 3),
        ended_on=date(2026, 9, 25),
        learned="At pakke ordrer",
        proposed_by=staff,
    )
    actor = Actor(staff, org, [org], {Role.CONSULTANT})
    data = {
        "title": "Praktik på lageret",
        "tasks": "Pakke ordrer",
        "skills": "Truckcertifikat\nOrden",
        "mentor_statement": "Stabil og grundig",
        "language": "da",
    }
    certificate = certificates.write(actor, placement, data=data)
    if public_id:
        Certificate.objects.filter(pk=certificate.pk).update(public_id=public_id)
        certificate.refresh_from_db()
    certificates.sign(actor, certificate, signed_name="Bo Mentor")
    return certificates.approve(Actor(young_user, org, [org], {Role.YOUNG_PERSON}), certificate, email=yp.email)


def _round(org, author, people, offers):
    """An open round of mutual choice; the first young person has chosen the first offer."""
    round_ = Round.objects.create(organisation=org, title="Efterårets praktikrunde", created_by=author)
    seats = [RoundSeat.objects.create(organisation=org, round=round_, young_person=yp) for yp in people]
    offers = [RoundOffer.objects.create(organisation=org, round=round_, offer=o, places=1) for o in offers]
    YoungPersonChoice.objects.create(organisation=org, seat=seats[0], round_offer=offers[0], rank=1)
    return round_, seats, offers


def _release(org, user):
    """An open-data release of the year before last (public files)."""
    return OpenDataRelease.objects.create(
        organisation=org,
        year=2025,
        schema_version=OpenDataRelease.SCHEMA_VERSION,
        rows=[{"initiative": "", "measure": "started", "category": "", "value": 40}],
        published_by=user,
    )


def _user(email, first, last=""):
    return create_verified_user(email, None, first_name=first, last_name=last)


def _young(org, first, last, user=None):
    return YoungPerson.objects.create(
        organisation=org,
        first_name=first,
        last_name=last,
        birth_date=date(2006, 5, 17),
        phone="+45 20 30 40 50",
        email=f"{first.lower()}@example.org",
        referral_date=date(2026, 9, 1),
        referral_source=ReferralSource.JOBCENTRE,
        user=user,
    )


PDF_BYTES = pdf()


def _attachment(org, yp, user):
    """A small PDF on the young person's case, its file on disk."""
    import hashlib

    from brobygger.attachments import storage
    from brobygger.attachments.models import Attachment

    name = storage.new_name()
    storage.write(name, PDF_BYTES)
    with scope(organisation=org.pk):
        return Attachment.objects.create(
            organisation=org,
            young_person=yp,
            stored_name=name,
            original_name="cv.pdf",
            kind="pdf",
            size=len(PDF_BYTES),
            sha256=hashlib.sha256(PDF_BYTES).hexdigest(),
            uploaded_by=user,
        )


def _import_batch(org, user):
    """A checked company file waiting to be imported."""
    with scope(organisation=org.pk):
        return ImportBatch.objects.create(
            organisation=org,
            kind="companies",
            file_name="virksomheder.csv",
            file_format="csv",
            content=b"cvr;navn\n;Ny Virksomhed\n",
            digest="0" * 64,
            created_by=user,
            state=ImportBatch.State.CHECKED,
            rows_total=1,
        )


CATALOGUE_SLUG = "energi-til-hinanden"
GUIDE_TOPIC = "ips"


def _public_content():
    """One catalogue entry, one guide page and one glossary word from the real data files."""
    data = catalogue_services.read_data()
    entries = [e for e in data["entry"] if e["slug"] == CATALOGUE_SLUG]
    catalogue_services.load_catalogue({"term": data["term"], "ingredient": data["ingredient"], "entry": entries})
    guide = guide_services.read_data()
    guide_services.load_guide(
        {
            "page": [p for p in guide["page"] if p["topic"] == GUIDE_TOPIC],
            "term": [t for t in guide["term"] if t["slug"] == GUIDE_TOPIC],
        }
    )


def build():
    org_a = Organisation.objects.create(name="Opgang Test", slug="a", kind=Organisation.Kind.NGO)
    org_b = Organisation.objects.create(name="Anden Kommune", slug="b", kind=Organisation.Kind.MUNICIPAL)
    world = World(org_a, org_b)
    u = world.users
    with scope(organisation=org_a.pk):
        staff = {
            "counsellor_on_team": (Role.COUNSELLOR, "Mette"),
            "counsellor_off_team": (Role.COUNSELLOR, "Jonas"),
            "consultant": (Role.CONSULTANT, "Ali"),
            "workshop_leader": (Role.WORKSHOP_LEADER, "Freja"),
            "lead": (Role.TEAM_LEAD, "Henrik"),
            "mentor_with_consent": (Role.MENTOR, "Bo"),
            "mentor_without_consent": (Role.MENTOR, "Lis"),
            "analyst": (Role.ANALYST, "Camilla"),
            "admin": (Role.ORG_ADMIN, "Karin"),
            "editor": (Role.EDITOR, "Erik"),
        }
        for name, (role, first) in staff.items():
            m = tenancy.add_member(organisation=org_a, email=f"{name}@a.example", role=role, first_name=first)
            u[name] = m.user
        for name, first in (("young_a", "Asta"), ("young_b", "Bertil")):
            m = tenancy.add_member(
                organisation=org_a, email=f"{name}@a.example", role=Role.YOUNG_PERSON, first_name=first
            )
            u[name] = m.user
        yp_a = _young(org_a, "Asta", "Andersen", u["young_a"])
        yp_b = _young(org_a, "Bertil", "Bendtsen", u["young_b"])
        TeamMember.objects.create(
            organisation=org_a,
            young_person=yp_a,
            user=u["counsellor_on_team"],
            role=TeamRole.COUNSELLOR,
            is_primary=True,
        )
        seat_a = TeamMember.objects.create(
            organisation=org_a, young_person=yp_a, user=u["workshop_leader"], role=TeamRole.WORKSHOP_LEADER
        )
        TeamMember.objects.create(
            organisation=org_a,
            young_person=yp_b,
            user=u["counsellor_off_team"],
            role=TeamRole.COUNSELLOR,
            is_primary=True,
        )
        seat_b = TeamMember.objects.create(
            organisation=org_a, young_person=yp_b, user=u["consultant"], role=TeamRole.CONSULTANT
        )
        actor_a = Actor(u["counsellor_on_team"], org_a, [org_a], {Role.COUNSELLOR})
        company_1 = companies.create_company(actor_a, data={"name": "Lumen", "cvr": "12345678", "city": "Aarhus"})
        company_2 = companies.create_company(actor_a, data={"name": "Radar", "city": "Aarhus"})
        companies.add_mentor(company_1, u["mentor_with_consent"])
        companies.add_mentor(company_2, u["mentor_without_consent"])
        consent_a = consent.give(
            actor_a, yp_a, company=company_1, categories=[FieldCategory.IDENTITY, FieldCategory.CONTACT]
        )
        actor_b = Actor(u["counsellor_off_team"], org_a, [org_a], {Role.COUNSELLOR})
        consent_b = consent.give(actor_b, yp_b, company=company_2, categories=[FieldCategory.IDENTITY])
        consent.withdraw(actor_b, consent_b)
        consent.give(
            actor_b, yp_b, recipient_organisation=org_b, categories=[FieldCategory.IDENTITY, FieldCategory.TEAM]
        )
        membership_a = u["analyst"].memberships.get()
        offer_1 = Offer.objects.create(
            organisation=org_a, company=company_1, kind="internship", title="Lys", capacity=2
        )
        offer_2 = Offer.objects.create(organisation=org_a, company=company_2, kind="visit", title="Besøg", capacity=1)
        step_a, note_a, activity_a = _case_records(org_a, yp_a, u["counsellor_on_team"], "A", company_1)
        _pathway_records(org_a, yp_a, u["counsellor_on_team"])
        contact_a, check_a, group_a, meeting_a, community_a, review_a, attention_a = _aftercare_records(
            org_a, yp_a, u["counsellor_on_team"], "A"
        )
        placement_a = _placement_records(
            org_a, yp_a, u["counsellor_on_team"], u["mentor_with_consent"], company_1, offer_1
        )
        step_b, note_b, activity_b = _case_records(org_a, yp_b, u["counsellor_off_team"], "B", company_2)
        release_a = _release(org_a, u["lead"])
        certificate_a = _certificate(
            org_a, yp_a, u["consultant"], u["young_a"], company_1, public_id=CERTIFICATE_PUBLIC_ID
        )
        certificate_b = _certificate(org_a, yp_b, u["consultant"], u["young_b"], company_2)
        MatchProfile.objects.create(organisation=org_a, young_person=yp_a, postcode="8000", interests="lyd, lys")
        round_a, (round_seat_a, round_seat_b), (round_offer_1, round_offer_2) = _round(
            org_a, u["consultant"], [yp_a, yp_b], [offer_1, offer_2]
        )
    with scope(organisation=org_b.pk):
        other = _user("other_org_user@b.example", "Ole")
        for role in Role:
            tenancy.add_member(organisation=org_b, email=other.email, role=role)
        u["other_org_user"] = other
        yp_other = _young(org_b, "Otto", "Olsen")
        seat_other = TeamMember.objects.create(
            organisation=org_b, young_person=yp_other, user=other, role=TeamRole.COUNSELLOR
        )
        actor_o = Actor(other, org_b, [org_b], {Role.COUNSELLOR})
        company_other = companies.create_company(actor_o, data={"name": "Randers Regnskov"})
        consent_other = consent.give(actor_o, yp_other, company=company_other, categories=[FieldCategory.IDENTITY])
        membership_other = other.memberships.filter(role=Role.ANALYST).get()
        offer_other = Offer.objects.create(organisation=org_b, company=company_other, kind="visit", title="Regnskov")
        step_other, note_other, activity_other = _case_records(org_b, yp_other, other, "O", company_other)
        contact_o, check_o, group_o, meeting_o, community_o, review_o, attention_o = _aftercare_records(
            org_b, yp_other, other, "O"
        )
        release_o = _release(org_b, other)
        certificate_o = _certificate(org_b, yp_other, other, other, company_other)
        round_other, (round_seat_other,), (round_offer_other,) = _round(org_b, other, [yp_other], [offer_other])

    batch_a = _import_batch(org_a, u["consultant"])
    batch_other = _import_batch(org_b, other)
    attachment_a = _attachment(org_a, yp_a, u["counsellor_on_team"])
    attachment_other = _attachment(org_b, yp_other, other)
    _public_content()
    objs = {
        "yp_a": (yp_a, org_a, "yp_a"),
        "yp_b": (yp_b, org_a, "yp_b"),
        "yp_other": (yp_other, org_b, "yp_other"),
        "seat_a": (seat_a, org_a, "yp_a"),
        "seat_b": (seat_b, org_a, "yp_b"),
        "seat_other": (seat_other, org_b, "yp_other"),
        "consent_a": (consent_a, org_a, "yp_a"),
        "consent_b": (consent_b, org_a, "yp_b"),
        "consent_other": (consent_other, org_b, "yp_other"),
        "company_1": (company_1, org_a, None),
        "company_2": (company_2, org_a, None),
        "company_other": (company_other, org_b, None),
        "step_a": (step_a, org_a, "yp_a"),
        "step_b": (step_b, org_a, "yp_b"),
        "step_other": (step_other, org_b, "yp_other"),
        "note_a": (note_a, org_a, "yp_a"),
        "note_b": (note_b, org_a, "yp_b"),
        "note_other": (note_other, org_b, "yp_other"),
        "activity_a": (activity_a, org_a, "yp_a"),
        "activity_b": (activity_b, org_a, "yp_b"),
        "activity_other": (activity_other, org_b, "yp_other"),
        "placement_a": (placement_a, org_a, "yp_a"),
        "offer_1": (offer_1, org_a, None),
        "offer_2": (offer_2, org_a, None),
        "offer_other": (offer_other, org_b, None),
        "contact_a": (contact_a, org_a, "yp_a"),
        "contact_other": (contact_o, org_b, "yp_other"),
        "check_a": (check_a, org_a, "yp_a"),
        "check_other": (check_o, org_b, "yp_other"),
        "group_a": (group_a, org_a, None),
        "group_other": (group_o, org_b, None),
        "meeting_a": (meeting_a, org_a, None),
        "meeting_other": (meeting_o, org_b, None),
        "community_a": (community_a, org_a, None),
        "community_other": (community_o, org_b, None),
        "review_a": (review_a, org_a, None),
        "review_other": (review_o, org_b, None),
        "attention_a": (attention_a, org_a, "yp_a"),
        "attention_other": (attention_o, org_b, "yp_other"),
        "certificate_a": (certificate_a, org_a, "yp_a"),
        "certificate_b": (certificate_b, org_a, "yp_b"),
        "certificate_other": (certificate_o, org_b, "yp_other"),
        "round_a": (round_a, org_a, None),
        "round_other": (round_other, org_b, None),
        "round_seat_a": (round_seat_a, org_a, "yp_a"),
        "round_seat_b": (round_seat_b, org_a, "yp_b"),
        "round_seat_other": (round_seat_other, org_b, "yp_other"),
        "round_offer_1": (round_offer_1, org_a, None),
        "round_offer_2": (round_offer_2, org_a, None),
        "round_offer_other": (round_offer_other, org_b, None),
        "release_a": (release_a, org_a, None),
        "release_other": (release_o, org_b, None),
        "membership_a": (membership_a, org_a, None),
        "membership_other": (membership_other, org_b, None),
        "batch_a": (batch_a, org_a, None),
        "attachment_a": (attachment_a, org_a, "yp_a"),
        "attachment_other": (attachment_other, org_b, "yp_other"),
        "batch_other": (batch_other, org_b, None),
    }
    for key, (obj, org, yp) in objs.items():
        world.objects[key] = obj
        world.object_org[key] = org
        if yp:
            world.object_young_person[key] = yp
    return world
