"""The 11 elements of promising practice (lovende praksis) and our own questions.

The element names are Socialstyrelsen's; the questions and the 4-level scale
are ours (research/outcomes.md §4: the official tool's items and scale are not
public), so every page that shows them says "inspired by".
"""

from django.utils.translation import gettext_lazy as _

ELEMENTS = (
    (
        1,
        _("Theory and knowledge"),
        _("Which theory or knowledge does the initiative build on, and how does it show in daily work?"),
    ),
    (
        2,
        _("Effect"),
        _(
            "What tells you that the initiative makes a difference for the young people "
            "(results, evaluations, their own words)?"
        ),
    ),
    (
        3,
        _("Description"),
        _("Is the initiative described so a new colleague can see the target group, activities and roles?"),
    ),
    (4, _("Goals"), _("Are there clear goals for the young people and for the initiative, and are they followed?")),
    (5, _("Transferability"), _("Could another place run the initiative from your description, and has anyone tried?")),
    (6, _("Economy"), _("Do you know what the initiative costs per young person and what it saves or brings?")),
    (
        7,
        _("Professional reflection"),
        _("Do the staff regularly reflect together on their practice, and does it change it?"),
    ),
    (
        8,
        _("Relational cooperation"),
        _("How do you build trusting relations with the young people and cooperation with the others around them?"),
    ),
    (
        9,
        _("Individual planning"),
        _("Is each young person's course planned around their own wishes, needs and resources?"),
    ),
    (
        10,
        _("Monitoring"),
        _("Do you record systematically what happens for each young person (status, progress, measures)?"),
    ),
    (
        11,
        _("Follow-up"),
        _("Do you use what you record to follow up and adjust, for each young person and the initiative?"),
    ),
)

LEVELS = (
    (1, _("Not in place")),
    (2, _("Partly in place")),
    (3, _("In place")),
    (4, _("In place and documented")),
)
LEVEL_NAMES = dict(LEVELS)
MONITORING = 10


def element_rows(answers):
    """(number, name, question, level, level name, evidence) for each element, in order."""
    rows = []
    for number, name, question in ELEMENTS:
        answer = answers.get(str(number)) or {}
        level = answer.get("level")
        rows.append((number, name, question, level, LEVEL_NAMES.get(level, ""), answer.get("evidence", "")))
    return rows
