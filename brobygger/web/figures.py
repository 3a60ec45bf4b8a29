"""Small anonymised figures for the analyst and lead home screens.

Any cell under MIN_CELL young people is suppressed; if exactly one cell of a
table is suppressed, the next smallest is suppressed as well, so that the
total minus the visible cells cannot reveal it (complementary suppression).
"""

MIN_CELL = 3


def suppress(counts):
    """counts: list of (label, n). Returns rows of (label, n or None) and the total."""
    hidden = {label for label, n in counts if 0 < n < MIN_CELL}
    if len(hidden) == 1:
        visible = sorted((n, label) for label, n in counts if label not in hidden and n > 0)
        if visible:
            hidden.add(visible[0][1])
    rows = [(label, None if label in hidden else n) for label, n in counts]
    total = sum(n for _, n in counts)
    return rows, (total if total >= MIN_CELL else None)
