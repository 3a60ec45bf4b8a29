"""A tally of the attack inputs the suite tries, by kind; printed at the end of every run."""

from collections import Counter

TRIED = Counter()


def tried(kind, count=1):
    TRIED[kind] += count
