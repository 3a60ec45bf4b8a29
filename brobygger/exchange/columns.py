"""The columns of each kind of file: the Danish header (the one exports write),
other headers accepted, how a cell is read and whether it must be there."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from brobygger.catalogue.search import fold
from brobygger.companies.models import OfferKind
from brobygger.people.models import Gender, ReferralSource

from . import values
from .models import DataKind


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # written by exports; Danish, as the users' own files
    label: str | Promise
    parse: Callable = values.text
    required: bool = False
    aliases: tuple = ()
    choices: type | None = None
    choice_words: tuple = ()  # (word, code) pairs users write besides the labels
    max_length: int | None = None

    def names(self):
        return {header_key(n) for n in (self.header, self.key, *self.aliases)}


def header_key(text):
    return "".join(ch for ch in fold(str(text or "").lower()) if ch.isalnum())


def choice_lookup(column):
    """Code, Danish label, English label and the column's own words (folded) -> code."""
    choices = column.choices
    lookup = {header_key(word): code for word, code in column.choice_words}
    for code, label in choices.choices:
        lookup[header_key(code)] = code
        for language in ("da", "en"):
            with translation.override(language):
                lookup[header_key(str(label))] = code
                # "Internship (virksomhedspraktik)": the words before and inside the brackets count too.
                for part in str(label).replace(")", "").split("("):
                    lookup.setdefault(header_key(part), code)
    return lookup


NAME = Column(
    "name", "navn", _("Name"), required=True, aliases=("virksomhed", "virksomhedsnavn", "company"), max_length=200
)
CVR = Column("cvr", "cvr", _("CVR number"), values.cvr_value, aliases=("cvrnummer", "cvrnr"))
POSTCODE = Column("postcode", "postnummer", _("Postcode"), aliases=("postnr",), max_length=4)

COLUMNS = {
    DataKind.COMPANIES: (
        CVR,
        NAME,
        Column("address", "adresse", _("Address"), max_length=200),
        POSTCODE,
        Column("city", "by", _("City"), max_length=100),
        Column("sector", "branche", _("Sector"), max_length=100),
    ),
    DataKind.OFFERS: (
        Column("external_key", "nøgle", _("Key"), required=True, aliases=("id", "tilbudsid", "key"), max_length=64),
        Column("company_cvr", "cvr", _("CVR number"), values.cvr_value, aliases=("cvrnummer", "cvrnr")),
        Column(
            "company_name",
            "virksomhed",
            _("Company"),
            required=True,
            aliases=("virksomhedsnavn", "company"),
            max_length=200,
        ),
        Column(
            "kind",
            "type",
            _("Kind"),
            required=True,
            aliases=("tilbudstype", "kind"),
            choices=OfferKind,
            choice_words=(("praktik", "internship"), ("besøg", "visit"), ("opgave", "task"), ("småjob", "paid_hours")),
        ),
        Column("title", "titel", _("Title"), required=True, max_length=200),
        Column("description", "beskrivelse", _("Description"), max_length=2000),
        Column("capacity", "pladser", _("Places"), values.integer_value, aliases=("antalpladser", "capacity")),
        Column("hours_per_week", "timer pr. uge", _("Hours per week"), values.decimal_value, aliases=("timer",)),
        Column("place", "sted", _("Place"), aliases=("arbejdssted",), max_length=200),
        Column("postcode", "postnummer", _("Postcode"), aliases=("postnr",), max_length=4),
        Column("is_open", "åben", _("Open (yes/no)"), values.boolean_value, aliases=("open",)),
    ),
    DataKind.YOUNG_PEOPLE: (
        Column("external_key", "nøgle", _("Key"), required=True, aliases=("id", "key"), max_length=64),
        Column("first_name", "fornavn", _("First name"), required=True, max_length=100),
        Column("last_name", "efternavn", _("Last name"), required=True, max_length=100),
        Column("birth_date", "fødselsdato", _("Birth date"), values.date_value, required=True),
        Column("gender", "køn", _("Gender"), choices=Gender),
        Column("phone", "telefon", _("Phone"), aliases=("tlf", "mobil"), max_length=30),
        Column("email", "e-mail", _("E-mail"), aliases=("mail", "epost"), max_length=254),
        Column("referral_date", "henvisningsdato", _("Referral date"), values.date_value, required=True),
        Column("referral_source", "henvist af", _("Referred by"), aliases=("henviser",), choices=ReferralSource),
    ),
    DataKind.STATUS_HISTORY: (
        Column("young_person_key", "nøgle", _("Key"), required=True, aliases=("id", "key"), max_length=64),
        Column("valid_from", "fra", _("From"), values.date_value, required=True, aliases=("dato", "fradato")),
        Column("activity", "aktivitet", _("Activity"), required=True, aliases=("status",), max_length=40),
        Column("income", "forsørgelse", _("Income"), aliases=("ydelse",), max_length=40),
        Column("note", "note", _("Note"), aliases=("bemærkning",), max_length=300),
    ),
}


@dataclass
class Layout:
    """Which file column holds which of our columns."""

    positions: dict = field(default_factory=dict)  # key -> index in the row
    unknown: list = field(default_factory=list)
    missing: list = field(default_factory=list)


def layout(kind, header):
    found = Layout()
    by_name = {}
    for index, name in enumerate(header):
        by_name.setdefault(header_key(name), index)
    for column in COLUMNS[kind]:
        index = next((by_name[n] for n in column.names() if n in by_name), None)
        if index is None:
            if column.required:
                found.missing.append(column)
        else:
            found.positions[column.key] = index
    used = set(found.positions.values())
    found.unknown = [name for index, name in enumerate(header) if index not in used and name]
    return found
