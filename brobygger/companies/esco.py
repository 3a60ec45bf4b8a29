"""Load ESCO occupations (Danish labels) from a CSV file, matching on conceptUri."""

import csv
from pathlib import Path

BUNDLED = Path(__file__).parent / "data" / "esco_occupations_da.csv"


def rows(path=BUNDLED):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        for row in csv.DictReader(handle):
            alt = row.get("altLabels") or ""
            yield {
                "uri": row["conceptUri"].strip(),
                "isco_group": (row.get("iscoGroup") or "").strip(),
                "label": row["preferredLabel"].strip(),
                "alt_labels": " | ".join(a.strip() for a in alt.replace("\n", "|").split("|") if a.strip()),
            }


def load(EscoOccupation, path=BUNDLED):
    """Insert new occupations and update changed labels; returns (created, updated)."""
    existing = {o.uri: o for o in EscoOccupation.objects.all()}
    new, changed = [], []
    for row in rows(path):
        current = existing.get(row["uri"])
        if current is None:
            new.append(EscoOccupation(**row))
        elif (current.label, current.alt_labels, current.isco_group) != (
            row["label"],
            row["alt_labels"],
            row["isco_group"],
        ):
            current.label, current.alt_labels, current.isco_group = row["label"], row["alt_labels"], row["isco_group"]
            changed.append(current)
    EscoOccupation.objects.bulk_create(new, batch_size=1000)
    EscoOccupation.objects.bulk_update(changed, ["label", "alt_labels", "isco_group"], batch_size=1000)
    return len(new), len(changed)
