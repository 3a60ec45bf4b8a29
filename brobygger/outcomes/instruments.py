"""Validated measures, as data, with their scoring in plain Python.

Item texts are the instruments' own wording per language, not app
translations: an answer records the instrument id, version and language.
WHO-5 is free to use (Psykiatrisk Center Nordsjælland / Region Hovedstaden);
the Danish text follows the official version. GSE-10 (Schwarzer & Jerusalem
1995) is free to use with recognition; its English text is the authors'
version, the Danish text is Brobygger's own rendering (not the validated
Danish translation, which should replace it once obtained; see the README). The loneliness items are the
3-item scale (Hughes et al. 2004) as asked in Den Nationale Sundhedsprofil,
with a direct item; the job-distance items are our own wording
(research/outcomes.md §1). Instruments under licence (WEMWBS, Outcomes Star)
are not bundled.
"""

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Item:
    key: str
    text: dict  # language -> text


@dataclass(frozen=True)
class Instrument:
    id: str
    version: str
    title: dict
    intro: dict
    items: tuple
    options: tuple  # (value, {language: label}), in the order shown
    respondent: str  # "young_person" or "staff"
    minutes: int
    scoring: str = "sum"  # "sum" (x multiplier), "prorated" (mean of answered x items) or "mean"
    multiplier: int = 1
    max_missing: int = 0

    def item_text(self, item, language):
        return item.text.get(language) or item.text["da"]

    def option_labels(self, language):
        return [(value, labels.get(language) or labels["da"]) for value, labels in self.options]

    def valid_values(self):
        return {value for value, _labels in self.options}


def _options(*rows):
    return tuple((value, {"da": da, "en": en}) for value, da, en in rows)


WHO5 = Instrument(
    id="who5",
    version="1998",
    title={"da": "Trivsel (WHO-5)", "en": "Well-being (WHO-5)"},
    intro={
        "da": "Vælg for hvert af de fem udsagn det svar, der bedst beskriver, "
        "hvordan du har haft det de sidste 2 uger.",
        "en": "For each of the five statements, choose the answer closest to "
        "how you have been feeling over the last 2 weeks.",
    },
    items=(
        Item(
            "1",
            {
                "da": "I de sidste 2 uger har jeg været glad og i godt humør",
                "en": "I have felt cheerful and in good spirits",
            },
        ),
        Item(
            "2", {"da": "I de sidste 2 uger har jeg følt mig rolig og afslappet", "en": "I have felt calm and relaxed"}
        ),
        Item(
            "3",
            {"da": "I de sidste 2 uger har jeg følt mig aktiv og energisk", "en": "I have felt active and vigorous"},
        ),
        Item(
            "4",
            {"da": "I de sidste 2 uger er jeg vågnet frisk og udhvilet", "en": "I woke up feeling fresh and rested"},
        ),
        Item(
            "5",
            {
                "da": "I de sidste 2 uger har min dagligdag været fyldt med ting, der interesserer mig",
                "en": "My daily life has been filled with things that interest me",
            },
        ),
    ),
    options=_options(
        (5, "Hele tiden", "All of the time"),
        (4, "Det meste af tiden", "Most of the time"),
        (3, "Lidt mere end halvdelen af tiden", "More than half of the time"),
        (2, "Lidt mindre end halvdelen af tiden", "Less than half of the time"),
        (1, "Lidt af tiden", "Some of the time"),
        (0, "På intet tidspunkt", "At no time"),
    ),
    respondent="young_person",
    minutes=1,
    multiplier=4,
)

LONELINESS = Instrument(
    id="loneliness3",
    version="tils-2004",
    title={"da": "Ensomhed", "en": "Loneliness"},
    intro={"da": "Tænk på, hvordan du har det for tiden.", "en": "Think of how you are these days."},
    items=(
        Item(
            "1",
            {
                "da": "Hvor ofte føler du, at du mangler nogen at være sammen med?",
                "en": "How often do you feel that you lack companionship?",
            },
        ),
        Item("2", {"da": "Hvor ofte føler du dig holdt udenfor?", "en": "How often do you feel left out?"}),
        Item(
            "3",
            {"da": "Hvor ofte føler du dig isoleret fra andre?", "en": "How often do you feel isolated from others?"},
        ),
    ),
    options=_options(
        (1, "Næsten aldrig", "Hardly ever"), (2, "En gang imellem", "Some of the time"), (3, "Ofte", "Often")
    ),
    respondent="young_person",
    minutes=1,
)

LONELINESS_DIRECT = Instrument(
    id="loneliness_direct",
    version="1",
    title={"da": "Ensom", "en": "Lonely"},
    intro={"da": "Et enkelt spørgsmål mere.", "en": "One more question."},
    items=(Item("1", {"da": "Hvor ofte føler du dig ensom?", "en": "How often do you feel lonely?"}),),
    options=_options(
        (1, "Ofte eller altid", "Often or always"),
        (2, "Noget af tiden", "Some of the time"),
        (3, "Af og til", "Occasionally"),
        (4, "Næsten aldrig", "Hardly ever"),
        (5, "Aldrig", "Never"),
    ),
    respondent="young_person",
    minutes=1,
)

GSE10 = Instrument(
    id="gse10",
    version="1995",
    title={"da": "Tro på egne evner (GSE)", "en": "Belief in yourself (GSE)"},
    intro={
        "da": "Hvor godt passer hvert udsagn på dig? Du må gerne springe et spørgsmål over.",
        "en": "How true is each statement of you? You may skip a question.",
    },
    items=tuple(
        Item(str(number), {"da": da, "en": en})
        for number, (da, en) in enumerate(
            (
                (
                    "Jeg kan altid klare svære problemer, hvis jeg prøver hårdt nok",
                    "I can always manage to solve difficult problems if I try hard enough",
                ),
                (
                    "Hvis nogen modarbejder mig, kan jeg finde måder at få det, jeg vil have",
                    "If someone opposes me, I can find the means and ways to get what I want",
                ),
                (
                    "Det er let for mig at holde fast i mine mål og nå dem",
                    "It is easy for me to stick to my aims and accomplish my goals",
                ),
                (
                    "Jeg er sikker på, at jeg kan klare uventede hændelser godt",
                    "I am confident that I could deal efficiently with unexpected events",
                ),
                (
                    "Fordi jeg er opfindsom, ved jeg, hvordan jeg klarer uforudsete situationer",
                    "Thanks to my resourcefulness, I know how to handle unforeseen situations",
                ),
                (
                    "Jeg kan løse de fleste problemer, hvis jeg gør den indsats, der skal til",
                    "I can solve most problems if I invest the necessary effort",
                ),
                (
                    "Jeg kan bevare roen, når det er svært, fordi jeg kan stole på mine evner til at klare det",
                    "I can remain calm when facing difficulties because I can rely on my coping abilities",
                ),
                (
                    "Når jeg står over for et problem, kan jeg som regel finde flere løsninger",
                    "When I am confronted with a problem, I can usually find several solutions",
                ),
                (
                    "Hvis jeg er i knibe, kan jeg som regel komme i tanke om en løsning",
                    "If I am in trouble, I can usually think of a solution",
                ),
                (
                    "Jeg kan som regel klare det, der sker for mig",
                    "I can usually handle whatever comes my way",
                ),
            ),
            start=1,
        )
    ),
    options=_options(
        (1, "Passer slet ikke", "Not at all true"),
        (2, "Passer næsten ikke", "Hardly true"),
        (3, "Passer nogenlunde", "Moderately true"),
        (4, "Passer helt", "Exactly true"),
    ),
    respondent="young_person",
    minutes=3,
    scoring="prorated",
    max_missing=3,
)

_ZERO_TO_TEN = tuple((v, {"da": str(v), "en": str(v)}) for v in range(11))

JOB_DISTANCE = Instrument(
    id="job_distance",
    version="1",
    title={"da": "Vejen til job eller uddannelse", "en": "The way to a job or an education"},
    intro={"da": "0 er slet ikke, 10 er helt sikkert.", "en": "0 is not at all, 10 is certainly."},
    items=(
        Item(
            "belief",
            {
                "da": "Hvor meget tror du på, at du kan få et job eller starte på en uddannelse og blive i det?",
                "en": "How much do you believe you can get a job or start an education and stay in it?",
            },
        ),
        Item(
            "health",
            {
                "da": "Hvor godt har du det med dit helbred lige nu (0–10)?",
                "en": "How good is your health right now (0–10)?",
            },
        ),
    ),
    options=_ZERO_TO_TEN,
    respondent="young_person",
    minutes=1,
    scoring="mean",
    max_missing=1,
)

JOB_DISTANCE_STAFF = Instrument(
    id="job_distance_staff",
    version="1",
    title={"da": "Fagpersonens vurdering", "en": "The professional's view"},
    intro={"da": "Din egen vurdering som fagperson, 0 til 10.", "en": "Your own view as a professional, 0 to 10."},
    items=(
        Item(
            "chance",
            {
                "da": "Hvor meget tror du på den unges chance for job eller uddannelse?",
                "en": "How much do you believe in the young person's chance of a job or an education?",
            },
        ),
    ),
    options=_ZERO_TO_TEN,
    respondent="staff",
    minutes=1,
    scoring="mean",
)

INSTRUMENTS = {i.id: i for i in (WHO5, GSE10, LONELINESS, LONELINESS_DIRECT, JOB_DISTANCE, JOB_DISTANCE_STAFF)}

WHO5_FOLLOW_UP_AT = 28  # a score this low asks the counsellor to get in touch (never a diagnosis)
WHO5_LOW_AT = 50
WHO5_IMPORTANT_CHANGE = 10  # points on the 0-100 scale (Topp et al. 2015)


def score(instrument_id, answers):
    """The score of one response, or None where the rules say it cannot be scored."""
    return score_with(INSTRUMENTS[instrument_id], answers)


def score_with(instrument, answers):
    """WHO-5: all five items, raw sum × 4 (0–100). GSE-10: sum 10–40; with up
    to three items missing, the mean of the answered items × 10 (the
    authors' rule). Loneliness: all three items, sum 3–9. Single-item
    measures: the answer itself (a mean when several items are answered)."""
    values = [answers.get(item.key) for item in instrument.items]
    given = [v for v in values if v is not None]
    if not given or len(values) - len(given) > instrument.max_missing:
        return None
    if instrument.scoring == "sum":
        return Decimal(sum(given) * instrument.multiplier)
    if instrument.scoring == "prorated":
        return (Decimal(sum(given)) * len(values) / len(given)).quantize(Decimal("0.1"))
    return (Decimal(sum(given)) / len(given)).quantize(Decimal("0.1"))
