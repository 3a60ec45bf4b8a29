from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from brobygger.companies.models import EscoOccupation, Offer, Pace, Setting, Social, WorkplaceSize
from brobygger.core.postcodes import Mode
from brobygger.pathways.models import DreamDistance
from brobygger.people.models import YoungPerson
from brobygger.tenancy.models import TenantModel

from .engine import DEFAULT_WEIGHTS, Signal


class TravelMode(models.TextChoices):
    WALK = Mode.WALK, _("on foot")
    BIKE = Mode.BIKE, _("by bike")
    PUBLIC = Mode.PUBLIC, _("by bus or train")
    CAR = Mode.CAR, _("by car")


class MatchProfile(TenantModel):
    """What a young person looks for in a place to work: the match's side of the young person."""

    young_person = models.OneToOneField(YoungPerson, on_delete=models.CASCADE, related_name="match_profile")
    occupations = models.ManyToManyField(
        EscoOccupation, blank=True, related_name="+", verbose_name=_("dream occupations (ESCO)")
    )
    interests = models.CharField(
        _("interests"),
        max_length=300,
        blank=True,
        help_text=_("Separate with commas, for example: sound, light, music"),
    )
    accepted_distance = models.PositiveSmallIntegerField(
        _("how far from the dream is all right"), choices=DreamDistance.choices, default=DreamDistance.FAR
    )
    postcode = models.CharField(_("postcode"), max_length=4, blank=True)
    travel_mode = models.CharField(
        _("gets there"), max_length=10, choices=TravelMode.choices, default=TravelMode.PUBLIC
    )
    max_travel_minutes = models.PositiveSmallIntegerField(
        _("longest trip, in minutes"), default=45, validators=[MinValueValidator(5), MaxValueValidator(180)]
    )
    hours_min = models.PositiveSmallIntegerField(
        _("at least hours a week"), null=True, blank=True, validators=[MaxValueValidator(37)]
    )
    hours_max = models.PositiveSmallIntegerField(
        _("at most hours a week"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(37)]
    )
    size = models.CharField(_("workplace"), max_length=10, choices=WorkplaceSize.choices, blank=True)
    pace = models.CharField(_("pace"), max_length=10, choices=Pace.choices, blank=True)
    social = models.CharField(_("alone or in a team"), max_length=10, choices=Social.choices, blank=True)
    setting = models.CharField(_("indoors or outdoors"), max_length=10, choices=Setting.choices, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("match profile")
        verbose_name_plural = _("match profiles")


def _weight(signal, label):
    return models.PositiveSmallIntegerField(label, default=DEFAULT_WEIGHTS[signal], validators=[MaxValueValidator(10)])


class MatchWeights(TenantModel):
    """How much each signal counts in this organisation's suggestions (0 to 10)."""

    occupation = _weight(Signal.OCCUPATION, _("close to the dream occupation"))
    interests = _weight(Signal.INTERESTS, _("interests"))
    dream_distance = _weight(Signal.DREAM_DISTANCE, _("no further from the dream than agreed"))
    environment = _weight(Signal.ENVIRONMENT, _("work culture and environment"))
    hours = _weight(Signal.HOURS, _("hours a week"))
    commute = _weight(Signal.COMMUTE, _("the trip to work"))
    record = _weight(Signal.RECORD, _("the company's record"))
    readiness = _weight(Signal.READINESS, _("the company's readiness (mentor, knows the target group)"))
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("match weights")
        verbose_name_plural = _("match weights")
        constraints = [models.UniqueConstraint(fields=["organisation"], name="one_weights_per_organisation")]

    def as_dict(self):
        return {signal: getattr(self, signal.value) for signal in Signal}


class Round(TenantModel):
    """A round of mutual choice in a company network (NExTWORK: "mange til mange", "magtskifte")."""

    class State(models.TextChoices):
        OPEN = "open", _("Open for choices")
        PUBLISHED = "published", _("Published")
        CLOSED = "closed", _("Closed without a result")

    title = models.CharField(_("title"), max_length=200)
    choose_by = models.DateField(_("choose by"), null=True, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices, default=State.OPEN)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    changed_at = models.DateTimeField(auto_now_add=True)  # last change of anyone's choices or of who takes part
    computed_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    finished_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", null=True, blank=True
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("round of mutual choice")
        verbose_name_plural = _("rounds of mutual choice")

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.state == self.State.OPEN

    @property
    def result_is_current(self):
        return self.computed_at is not None and self.computed_at >= self.changed_at


class RoundOffer(TenantModel):
    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="offers")
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="+")
    places = models.PositiveSmallIntegerField(_("places"), validators=[MinValueValidator(1)])

    class Meta:
        ordering = ["offer__company__name", "offer__title"]
        constraints = [models.UniqueConstraint(fields=["round", "offer"], name="offer_once_per_round")]

    def __str__(self):
        return str(self.offer)


class RoundSeat(TenantModel):
    """A young person taking part in a round, and the result proposed for them."""

    round = models.ForeignKey(Round, on_delete=models.CASCADE, related_name="seats")
    young_person = models.ForeignKey(YoungPerson, on_delete=models.CASCADE, related_name="round_seats")
    note_to_companies = models.CharField(
        _("what I want the companies to know"),
        max_length=300,
        blank=True,
        help_text=_("The companies you choose see your first name, your age and this."),
    )
    joined_at = models.DateTimeField(auto_now_add=True)
    left_at = models.DateTimeField(_("left the round"), null=True, blank=True)
    result = models.ForeignKey(
        RoundOffer, on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("result")
    )
    unmatched_reason = models.CharField(max_length=30, blank=True)

    class Meta:
        ordering = ["young_person__first_name", "young_person__last_name"]
        constraints = [models.UniqueConstraint(fields=["round", "young_person"], name="young_person_once_per_round")]

    def __str__(self):
        return str(self.round)


class YoungPersonChoice(TenantModel):
    """The young person's private ranking of the offers in the round."""

    seat = models.ForeignKey(RoundSeat, on_delete=models.CASCADE, related_name="choices")
    round_offer = models.ForeignKey(RoundOffer, on_delete=models.CASCADE, related_name="applications")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["seat", "round_offer"], name="offer_once_per_young_ranking"),
            models.UniqueConstraint(fields=["seat", "rank"], name="one_offer_per_young_rank"),
        ]


class CompanyChoice(TenantModel):
    """The company's private ranking of the young people who applied to its offer."""

    round_offer = models.ForeignKey(RoundOffer, on_delete=models.CASCADE, related_name="choices")
    seat = models.ForeignKey(RoundSeat, on_delete=models.CASCADE, related_name="+")
    rank = models.PositiveSmallIntegerField()

    class Meta:
        ordering = ["rank"]
        constraints = [
            models.UniqueConstraint(fields=["round_offer", "seat"], name="young_once_per_company_ranking"),
            models.UniqueConstraint(fields=["round_offer", "rank"], name="one_young_per_company_rank"),
        ]
