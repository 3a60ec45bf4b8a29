"""Generated data at municipal scale for benchmarks and drills: bulk inserts only.

`municipal` is 100 organisations, 50,000 young people (pathways, status histories, plans, teams),
3,000 companies, 10,000 offers and 1,000,000 notes, follow-up contacts and attendance rows.
The data is made one organisation at a time (so memory stays flat) from a fixed random seed,
so two runs give the same data. Every login has the password `PASSWORD`.
"""

import random
import time
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django_scopes import scopes_disabled

from brobygger.access.rules import FieldCategory
from brobygger.companies.models import Company, CompanyMentor, ContactLogEntry, Offer, OfferKind
from brobygger.consent.models import Consent
from brobygger.consent.texts import CURRENT_VERSION as CONSENT_TEXT_VERSION
from brobygger.conversations.models import Note
from brobygger.core.roles import Role
from brobygger.demo.names import FIRST_NAMES, LAST_NAMES
from brobygger.followup.models import FollowUpContact, FollowUpPlan, HowItGoes
from brobygger.pathways.models import Pathway, PlanStep, StatusCode, StatusEntry, Track
from brobygger.people.models import ReferralSource, TeamMember, TeamRole, YoungPerson
from brobygger.staircase.models import Activity, ActivityKind, Attendance
from brobygger.tenancy.models import Membership, Organisation

PASSWORD = "brobygger-scale-2026"
SLUG_PREFIX = "scale-"
BATCH = 5000


@dataclass(frozen=True)
class Scale:
    organisations: int
    young_people: int
    companies: int
    offers: int
    notes: int
    followup_contacts: int
    attendance: int

    def per_organisation(self, total):
        return total // self.organisations


FIELDS = ("young_people", "companies", "offers", "notes", "followup_contacts", "attendance")
SCALES = {
    "small": Scale(4, 2_000, 120, 400, 24_000, 8_000, 8_000),
    "municipal": Scale(100, 50_000, 3_000, 10_000, 600_000, 200_000, 200_000),
}
STAFF = [(Role.TEAM_LEAD, 1), (Role.COUNSELLOR, 8), (Role.CONSULTANT, 2), (Role.WORKSHOP_LEADER, 1), (Role.ANALYST, 1)]
NOTE_TEXTS = [
    "Vi talte om drømmen om at arbejde med dyr, og om hvad der skal til for at komme derhen.",
    "Snakkede om søvn og om at komme op om morgenen. Aftalte at prøve med vækkeur i køkkenet.",
    "Besøg hos værkstedet gik godt; mesteren roste hende for at spørge, når hun var i tvivl.",
    "Rugbrødssporet: fritidsjobbet i Netto fortsætter, 8 timer om ugen.",
]
SECTORS = ["Detail", "Byggeri", "Landbrug", "Pleje", "Restauration", "Lager og logistik", "Industri", "Kontor"]


def already_seeded(scale_name):
    return Organisation.objects.filter(slug=f"{SLUG_PREFIX}{scale_name}-001").exists()


def seed(scale_name, progress=print):
    """Insert the data set; returns {table: rows} and the seconds it took."""
    scale = SCALES[scale_name]
    rng = random.Random(13)
    password = make_password(PASSWORD)
    codes = _status_codes()
    counts, started = {}, time.monotonic()
    with scopes_disabled():
        for number in range(1, scale.organisations + 1):
            with transaction.atomic():
                for table, rows in _organisation(scale, scale_name, number, rng, password, codes).items():
                    counts[table] = counts.get(table, 0) + rows
            if number % 10 == 0 or number == scale.organisations:
                progress(f"{number}/{scale.organisations} organisations, {time.monotonic() - started:.0f} s")
    _refresh_statistics()
    return counts, time.monotonic() - started


def _refresh_statistics():
    """After a bulk load, as after any large import: fresh planner statistics, and on PostgreSQL the
    visibility map, so the first queries do not run on plans for empty tables (or race autovacuum)."""
    vacuum = connection.vendor == "postgresql" and not connection.in_atomic_block  # VACUUM needs autocommit
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if vacuum else "ANALYZE")


def _status_codes():
    codes = {}
    for code in StatusCode.objects.all():
        codes.setdefault(code.axis, []).append(code)
    return codes


def _bulk(model, rows):
    return model.objects.bulk_create(rows, batch_size=BATCH)


def _organisation(scale, scale_name, number, rng, password, codes):
    org = Organisation.objects.create(
        name=f"Skala {scale_name} {number:03d}",
        slug=f"{SLUG_PREFIX}{scale_name}-{number:03d}",
        kind=Organisation.Kind.MUNICIPAL if number % 3 == 0 else Organisation.Kind.NGO,
    )
    users = _users(org, number, password)
    share = Scale(1, *(scale.per_organisation(getattr(scale, f)) for f in FIELDS))
    counts = populate(org, users, f"{number:03d}", share, rng, password, codes)
    return counts | {"organisations": 1, "users": counts["users"] + sum(len(u) for u in users.values())}


def populate(org, users, label, share, rng, password, codes=None):
    """Young people with everything around them, and a company network, added to `org`.
    `users` holds at least the counsellors and consultants ({role: [user]}); `label` keeps
    the e-mail addresses of the mentors made here apart from other calls."""
    codes = codes or _status_codes()
    today = date.today()
    counsellors = users[Role.COUNSELLOR]
    young = _young_people(org, share.young_people, rng, today)
    _bulk(
        TeamMember,
        [
            TeamMember(
                organisation=org,
                young_person=yp,
                user=counsellors[i % len(counsellors)],
                role=TeamRole.COUNSELLOR,
                is_primary=True,
            )
            for i, yp in enumerate(young)
        ],
    )
    _bulk(
        Pathway,
        [
            Pathway(organisation=org, young_person=yp, state=Pathway.State.ACTIVE, accepted_on=yp.referral_date)
            for yp in young
        ],
    )
    statuses = _bulk(StatusEntry, list(_status_history(org, young, codes, counsellors, rng)))
    steps = _bulk(
        PlanStep,
        [
            PlanStep(organisation=org, young_person=yp, track=track, goal=goal, created_by=counsellors[0])
            for yp in young
            for track, goal in ((Track.DREAM, "Arbejde med dyr"), (Track.LIVELIHOOD, "Fritidsjob i weekenden"))
        ],
    )
    notes = _bulk(Note, list(_notes(org, young, counsellors, share.notes, rng, today)))
    companies, offers, mentors = _network(org, label, share, users, password, rng, today)
    activities, attendance = _placements(org, young, offers, counsellors, share.attendance, today)
    consents = _consents_to_mentored_companies(org, activities, mentors, counsellors[0])
    plans, contacts = _followup(org, young, counsellors, codes, share.followup_contacts, today)
    return {
        "users": len(mentors),
        "young_people": len(young),
        "status_entries": len(statuses),
        "plan_steps": len(steps),
        "notes": len(notes),
        "companies": companies,
        "offers": len(offers),
        "activities": len(activities),
        "consents": consents,
        "attendance": attendance,
        "followup_plans": plans,
        "followup_contacts": contacts,
    }


def _users(org, number, password):
    User = get_user_model()
    made = {}
    for role, count in STAFF:
        people = _bulk(
            User,
            [
                User(
                    email=f"{role}{i}@org{number:03d}.scale.example",
                    password=password,
                    first_name=role.label.split()[0],
                    last_name=f"{number:03d}-{i}",
                )
                for i in range(1, count + 1)
            ],
        )
        _bulk(Membership, [Membership(organisation=org, user=u, role=role) for u in people])
        _verified_addresses(people)
        made[role] = people
    return made


def _verified_addresses(users):
    """The data set's logins log in like the demo's: the operator vouches for their addresses."""
    _bulk(EmailAddress, [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users])


def _young_people(org, count, rng, today):
    return _bulk(
        YoungPerson,
        [
            YoungPerson(
                organisation=org,
                first_name=rng.choice(FIRST_NAMES),
                last_name=rng.choice(LAST_NAMES),
                birth_date=today - timedelta(days=rng.randint(15 * 365, 29 * 365)),
                referral_date=today - timedelta(days=rng.randint(30, 900)),
                referral_source=rng.choice(ReferralSource.values),
            )
            for _ in range(count)
        ],
    )


def _status_history(org, young, codes, counsellors, rng):
    for yp in young:
        start = yp.referral_date
        for step in range(rng.randint(2, 4)):
            yield StatusEntry(
                organisation=org,
                young_person=yp,
                activity=rng.choice(codes["activity"]),
                income=rng.choice(codes["income"]),
                valid_from=start + timedelta(days=60 * step),
                recorded_by=counsellors[0],
            )


def _notes(org, young, counsellors, count, rng, today):
    for i in range(count):
        yp = young[i % len(young)]
        yield Note(
            organisation=org,
            young_person=yp,
            author=counsellors[i % len(counsellors)],
            conversation_date=today - timedelta(days=rng.randint(0, 700)),
            text=NOTE_TEXTS[i % len(NOTE_TEXTS)],
        )


def _network(org, label, share, users, password, rng, today):
    User = get_user_model()
    company_n, offer_n = share.companies, share.offers
    companies = _bulk(
        Company,
        [
            Company(organisation=org, name=f"Virksomhed {label}-{i}", sector=SECTORS[i % len(SECTORS)])
            for i in range(company_n)
        ],
    )
    mentors = _bulk(
        User,
        [
            User(
                email=f"mentor{i}@org{label}.scale.example",
                password=password,
                first_name="Mentor",
                last_name=str(i),
            )
            for i in range(0, company_n, 3)
        ],
    )
    _bulk(Membership, [Membership(organisation=org, user=u, role=Role.MENTOR) for u in mentors])
    _verified_addresses(mentors)
    seats = _bulk(
        CompanyMentor,
        [CompanyMentor(organisation=org, company=companies[i * 3], user=u) for i, u in enumerate(mentors)],
    )
    kinds = [OfferKind.VISIT, OfferKind.TRIAL_INTERNSHIP, OfferKind.INTERNSHIP, OfferKind.PAID_HOURS]
    offers = _bulk(
        Offer,
        [
            Offer(organisation=org, company=companies[i % company_n], kind=kinds[i % len(kinds)], title=f"Praktik {i}")
            for i in range(offer_n)
        ],
    )
    consultant = users[Role.CONSULTANT][0]
    _bulk(
        ContactLogEntry,
        [
            ContactLogEntry(
                organisation=org,
                company=c,
                user=consultant,
                day=today - timedelta(days=rng.randint(0, 200)),
                note="Ringede",
            )
            for c in companies
        ],
    )
    return len(companies), offers, seats


def _placements(org, young, offers, counsellors, attendance_n, today):
    """One internship for every other young person, with attendance days until `attendance_n` rows."""
    placed = young[::2]
    activities = _bulk(
        Activity,
        [
            Activity(
                organisation=org,
                young_person=yp,
                kind=ActivityKind.INTERNSHIP,
                title=offer.title,
                company_id=offer.company_id,
                offer=offer,
                state=Activity.State.ACTIVE,
                starts_on=today - timedelta(days=60),
                proposed_by=counsellors[0],
            )
            for yp, offer in zip(placed, (offers[i % len(offers)] for i in range(len(placed))), strict=False)
        ],
    )
    days_each = max(1, attendance_n // max(1, len(activities)))
    rows = _bulk(
        Attendance,
        [
            Attendance(
                organisation=org,
                activity=a,
                young_person_id=a.young_person_id,
                day=today - timedelta(days=d),
                present=d % 7 != 3,
                hours=Decimal(0) if d % 7 == 3 else Decimal(6),
                registered_by=counsellors[0],
            )
            for a in activities
            for d in range(days_each)
        ],
    )
    return activities, len(rows)


def _consents_to_mentored_companies(org, activities, mentors, counsellor):
    """Young people placed with a company that has a mentor let that company see their name and
    their activities, so the mentors' pages have something to show."""
    mentored = {mentor.company_id for mentor in mentors}
    made = _bulk(
        Consent,
        [
            Consent(
                organisation=org,
                young_person_id=a.young_person_id,
                company_id=a.company_id,
                categories=[FieldCategory.IDENTITY, FieldCategory.ACTIVITIES],
                text_version=CONSENT_TEXT_VERSION,
                recorded_by=counsellor,
            )
            for a in activities
            if a.company_id in mentored
        ],
    )
    return len(made)


def _followup(org, young, counsellors, codes, contact_n, today):
    """A follow-up plan (a contact every 14 days) for one in five young people, until `contact_n` contacts."""
    job = next(c for c in codes["activity"] if c.code == "ordinary_job")
    chosen = young[::5]
    plans = _bulk(
        FollowUpPlan,
        [
            FollowUpPlan(
                organisation=org,
                young_person=yp,
                responsible=counsellors[0],
                outcome=job,
                exit_on=today - timedelta(days=120),
                interval_days=14,
                months=12,
            )
            for yp in chosen
        ],
    )
    each = max(1, contact_n // max(1, len(plans)))
    contacts = _bulk(
        FollowUpContact,
        [
            _contact(org, plan, number, plan.exit_on + timedelta(days=14 * k), counsellors[0], today)
            for number, plan in enumerate(plans)
            for k in range(1, each + 1)
        ],
    )
    return len(plans), len(contacts)


def _contact(org, plan, number, due_on, counsellor, today):
    """Past contacts are done, as in a working team, except one plan in ten left a little behind."""
    done = due_on < today - timedelta(days=7) and number % 10 != 0
    return FollowUpContact(
        organisation=org,
        plan=plan,
        young_person_id=plan.young_person_id,
        due_on=due_on,
        done_on=due_on if done else None,
        reached=True if done else None,
        how_it_goes=HowItGoes.GOOD if done else "",
        recorded_by=counsellor if done else None,
    )
