"""Load the shared status code lists from data (never Python enums: the
benefit codes change with the law, outcomes.md §0.2)."""

import json
from datetime import date
from pathlib import Path

DATA = Path(__file__).parent / "data" / "status_codes.json"


def load(StatusCode):
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for axis in ("activity", "income"):
        for order, row in enumerate(data[axis]):
            StatusCode.objects.update_or_create(
                axis=axis,
                code=row["code"],
                valid_from=date.fromisoformat(row["from"]),
                defaults={
                    "label_da": row["da"],
                    "label_en": row["en"],
                    "valid_to": date.fromisoformat(row["to"]) if row.get("to") else None,
                    "order": order,
                    "neet": row.get("neet", True),
                    "positive_outcome": row.get("positive", False),
                },
            )
