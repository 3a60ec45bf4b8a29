"""What the API reads and writes. Input schemas forbid unknown fields, so
`organisation`, `role` or any other field not listed is refused, never set."""

from datetime import date, datetime
from decimal import Decimal
from uuid import UUID

from ninja import Field, Schema
from pydantic import ConfigDict, field_validator
from pydantic_core import PydanticCustomError

from brobygger.companies.models import OfferKind
from brobygger.people.models import Gender, ReferralSource


class Strict(Schema):
    model_config = ConfigDict(extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def no_nul_character(cls, value):
        """PostgreSQL cannot store U+0000 in text (a 500 before): refused like any invalid value."""
        if isinstance(value, str) and "\x00" in value:
            raise PydanticCustomError("nul_character", "The text holds a NUL character.")
        return value


class Problem(Schema):
    detail: str
    errors: list[dict] = []


class Me(Schema):
    name: str
    email: str
    organisation: str
    roles: list[str]


class YoungPersonOut(Schema):
    """Fields the caller may not see (a mentor sees only what the young person consented to) are null."""

    id: UUID
    external_key: str
    first_name: str | None
    last_name: str | None
    birth_date: date | None
    gender: str | None
    phone: str | None
    email: str | None
    referral_date: date | None
    referral_source: str | None


class YoungPersonIn(Strict):
    first_name: str = Field(min_length=1, max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    birth_date: date
    referral_date: date
    referral_source: ReferralSource
    gender: Gender = Gender.NOT_STATED
    phone: str = Field("", max_length=30)
    email: str = Field("", max_length=254)
    external_key: str = Field("", max_length=64)


class StatusOut(Schema):
    valid_from: date
    activity: str
    activity_label: str
    income: str | None
    income_label: str | None
    note: str
    recorded_at: datetime


class StatusIn(Strict):
    activity: str = Field(max_length=40, description="An activity status code, e.g. `education`.")
    income: str | None = Field(None, max_length=40, description="An income status code; empty carries it over.")
    valid_from: date | None = None
    note: str = Field("", max_length=300)


class PlanStepOut(Schema):
    id: int
    track: str
    goal: str
    due: date | None
    done: bool


class NoteOut(Schema):
    id: int
    conversation_date: date
    author: str
    text: str
    keys: list[str]


class AttendanceOut(Schema):
    day: date
    present: bool
    hours: Decimal


class ActivityOut(Schema):
    id: int
    kind: str
    title: str
    state: str
    company_id: UUID | None
    starts_on: date | None
    ends_on: date | None
    hours_per_week: Decimal | None
    attendance: list[AttendanceOut]


class CompanyOut(Schema):
    id: UUID
    name: str
    cvr: str
    address: str
    postcode: str
    city: str
    sector: str


class CompanyIn(Strict):
    name: str = Field(min_length=1, max_length=200)
    cvr: str = Field("", max_length=20, description="Eight digits; spaces are allowed.")
    address: str = Field("", max_length=200)
    postcode: str = Field("", max_length=4)
    city: str = Field("", max_length=100)
    sector: str = Field("", max_length=100)


class OfferOut(Schema):
    id: int
    external_key: str
    company_id: UUID
    kind: str
    title: str
    description: str
    capacity: int
    hours_per_week: Decimal | None
    place: str
    postcode: str
    is_open: bool


class OfferIn(Strict):
    company_id: UUID
    kind: OfferKind
    title: str = Field(min_length=1, max_length=200)
    description: str = Field("", max_length=2000)
    capacity: int = Field(1, ge=1, le=100)
    hours_per_week: Decimal | None = Field(None, ge=0, le=60, decimal_places=1)
    place: str = Field("", max_length=200)
    postcode: str = Field("", max_length=4)
    external_key: str = Field("", max_length=64)


class FollowUpOut(Schema):
    id: int
    young_person_id: UUID
    due_on: date
    done_on: date | None
    reached: bool | None
    how_it_goes: str


class FigureRow(Schema):
    initiative: str
    measure: str
    category: str
    value: float | int | str | None


class CatalogueEntryOut(Schema):
    slug: str
    name: str
    owner: str
    phase: str
    target_group: str
    purpose: str
    results: str
    company_based: bool
    figures: list[dict]
    sources: list[dict]


def page_of(item_schema):
    """A page of items: {count, page, pages, items}."""
    return type(
        f"{item_schema.__name__}Page",
        (Schema,),
        {"__annotations__": {"count": int, "page": int, "pages": int, "items": list[item_schema]}},
    )


def answers(schema, status=200, *, public=False):
    """The responses an operation documents: its own, and the problems every operation can answer
    (400 a refusal, 401 no valid token, 404 not there or not yours, 422 invalid input)."""
    found = {status: schema, 400: Problem, 404: Problem, 422: Problem}
    if not public:
        found[401] = Problem
    return found
