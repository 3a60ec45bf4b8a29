import re
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from .models import Entry, Ingredient, Phase, Term
from .practice import ELEMENTS, LEVELS
from .selectors import Filters

MIN_COMPARE, MAX_COMPARE = 2, 4


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    phase = forms.ChoiceField(label=_("Phase"), required=False, choices=[("", _("All phases")), *Phase.choices])
    theme = forms.CharField(required=False, max_length=80)
    target = forms.CharField(required=False, max_length=80)
    municipality = forms.CharField(required=False, max_length=80)
    company = forms.ChoiceField(
        label=_("Company-based"),
        required=False,
        choices=[("", _("Either")), ("yes", _("Yes")), ("no", _("No"))],
    )
    platform = forms.BooleanField(label=_("Has platform data"), required=False)

    def __init__(self, *args, facets, **kwargs):
        super().__init__(*args, **kwargs)
        for name, kind, label, everything in (
            ("theme", Term.Kind.THEME, _("Theme"), _("All themes")),
            ("target", Term.Kind.TARGET, _("Target group"), _("All target groups")),
            ("municipality", Term.Kind.MUNICIPALITY, _("Municipality"), _("All municipalities")),
        ):
            choices = [("", everything)] + [(t.slug, f"{t.name} ({t.n})") for t in facets[kind]]
            self.fields[name] = forms.ChoiceField(label=label, required=False, choices=choices)

    def filters(self):
        data = self.cleaned_data
        company = {"yes": True, "no": False}.get(data["company"])
        terms = tuple(data[k] for k in ("theme", "target", "municipality") if data[k])
        return Filters(
            text=data["q"], phase=data["phase"], terms=terms, company_based=company, platform_data=data["platform"]
        )


def _lines(value):
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


def sources_as_text(sources):
    return "\n".join(f"{s['title']} | {s.get('url', '')}" for s in sources or [])


def parse_sources(text):
    """Sources from lines of "title | address" (the address may be left out)."""
    sources = []
    for number, line in enumerate(_lines(text), start=1):
        title, _sep, url = (p.strip() for p in line.rpartition("|")) if "|" in line else (line, "", "")
        if not title:
            raise ValidationError(_("Line %(n)s: a source needs a title."), params={"n": number})
        if url:
            try:
                URLValidator(schemes=["http", "https"])(url)
            except ValidationError:
                raise ValidationError(
                    _("Line %(n)s: %(url)s is not a web address."), params={"n": number, "url": url}
                ) from None
        sources.append({"title": title, "url": url})
    return sources


class EntryForm(forms.ModelForm):
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=Term.objects.filter(kind=Term.Kind.THEME),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    targets = forms.ModelMultipleChoiceField(
        label=_("Target groups"),
        queryset=Term.objects.filter(kind=Term.Kind.TARGET),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    municipality_names = forms.CharField(
        label=_("Municipalities"), max_length=500, help_text=_("Separated by commas, for example: Aarhus, Odense")
    )
    ingredients = forms.ModelMultipleChoiceField(
        label=_("Active ingredients and barriers it shows"),
        queryset=Ingredient.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    figures_text = forms.CharField(
        label=_("Figures"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One per line: number | unit | what it counts, for example: 65 | % | finished in a job or an education"
        ),
    )
    sources_text = forms.CharField(
        label=_("Sources"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line: title | address"),
    )
    comment = forms.CharField(label=_("What changed and why"), max_length=300)

    class Meta:
        model = Entry
        fields = [
            "name",
            "slug",
            "owner",
            "phase",
            "target_group",
            "purpose",
            "anchoring",
            "methods",
            "results",
            "keywords",
            "company_based",
            "run_by",
            "initiative_slug",
            "last_reviewed",
        ]
        widgets = {
            "target_group": forms.Textarea(attrs={"rows": 2}),
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "methods": forms.Textarea(attrs={"rows": 6}),
            "results": forms.Textarea(attrs={"rows": 4}),
            "last_reviewed": forms.DateInput(attrs={"type": "date"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entry = self.instance
        if entry.pk:
            self.fields["themes"].initial = entry.themes
            self.fields["targets"].initial = entry.target_terms
            self.fields["municipality_names"].initial = ", ".join(t.name for t in entry.municipalities)
            self.fields["ingredients"].initial = list(entry.ingredients.all())
            self.fields["figures_text"].initial = "\n".join(
                f"{f['value']} | {f.get('unit', '')} | {f['label']}" for f in entry.figures
            )
            self.fields["sources_text"].initial = sources_as_text(entry.sources)

    def clean_figures_text(self):
        figures = []
        for number, line in enumerate(_lines(self.cleaned_data["figures_text"]), start=1):
            parts = [p.strip() for p in line.split("|")]
            if len(parts) != 3 or not parts[2]:
                raise ValidationError(_("Line %(n)s: write number | unit | what it counts."), params={"n": number})
            try:
                value = Decimal(parts[0].replace(",", "."))
            except InvalidOperation:
                raise ValidationError(
                    _("Line %(n)s: %(v)s is not a number."), params={"n": number, "v": parts[0]}
                ) from None
            figures.append(
                {
                    "value": int(value) if value == value.to_integral() else float(value),
                    "unit": parts[1],
                    "label": parts[2],
                }
            )
        return figures

    def clean_sources_text(self):
        return parse_sources(self.cleaned_data["sources_text"])

    def clean_municipality_names(self):
        names = [n.strip() for n in re.split(r"[,;\n]", self.cleaned_data["municipality_names"]) if n.strip()]
        if not names:
            raise ValidationError(_("Name at least one municipality (or 'Hele landet')."))
        return names

    def clean(self):
        data = super().clean()
        if data.get("initiative_slug") and not data.get("run_by"):
            self.add_error("run_by", _("Choose the organisation whose initiative this is."))
        return data


class AssessmentForm(forms.Form):
    """The 11 elements: a level and the evidence behind it for each."""

    def __init__(self, *args, answers=None, **kwargs):
        super().__init__(*args, **kwargs)
        answers = answers or {}
        for number, name, question in ELEMENTS:
            given = answers.get(str(number)) or {}
            self.fields[f"level_{number}"] = forms.TypedChoiceField(
                label=f"{number}. {name}",
                help_text=question,
                choices=[("", "—"), *LEVELS],
                coerce=int,
                initial=given.get("level"),
                error_messages={"required": _("Choose a level for this element.")},
            )
            self.fields[f"evidence_{number}"] = forms.CharField(
                label=_("Evidence"),
                widget=forms.Textarea(attrs={"rows": 2}),
                max_length=2000,
                initial=given.get("evidence", ""),
                error_messages={"required": _("Say what shows it: a document, a figure, a routine.")},
            )

    def answers(self):
        return {
            str(number): {
                "level": self.cleaned_data[f"level_{number}"],
                "evidence": self.cleaned_data[f"evidence_{number}"].strip(),
            }
            for number, _name, _q in ELEMENTS
        }

    def pairs(self):
        return [(self[f"level_{n}"], self[f"evidence_{n}"]) for n, _name, _q in ELEMENTS]


def compare_slugs(values):
    """The distinct entry slugs chosen for comparison, in order, or a ValidationError."""
    slugs = list(dict.fromkeys(v for v in values if v))
    if not MIN_COMPARE <= len(slugs) <= MAX_COMPARE:
        raise ValidationError(
            _("Choose between %(min)s and %(max)s initiatives to compare (you chose %(n)s)."),
            params={"min": MIN_COMPARE, "max": MAX_COMPARE, "n": len(slugs)},
        )
    return slugs
