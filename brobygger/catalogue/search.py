"""Danish full-text search over the catalogue.

PostgreSQL ranks a weighted tsvector built with the `danish` configuration;
SQLite (the embedded default) keeps a side FTS5 table of the same four
weighted texts, stemmed in Python with the Snowball Danish stemmer, the
algorithm PostgreSQL's `danish` configuration uses. Both sides fold æ/ø/å (and
accents) to ae/oe/aa before anything else, in the documents and in the query,
so "Ree Park", "ree park", "Loentilskud" and "Løntilskud" meet.
"""

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import snowballstemmer
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import F, Value

WEIGHTS = ("A", "B", "C", "D")  # name and search words; owner and places; target and themes; the rest
BM25_WEIGHTS = (10.0, 6.0, 3.0, 1.0)

# Snowball's Danish stop words (the same list PostgreSQL's danish.stop holds),
# dropped from queries on both databases so they behave alike.
STOP_WORDS = frozenset(
    """
    og i jeg det at en den til er som paa de med han af for ikke der var mig sig men et har om vi min
    havde ham hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil
    blev kunne ind naar vaere dog noget ville jo deres efter ned skulle denne end dette mit ogsaa under
    have dig anden hende mine alt meget sit sine vor mod disse hvis din nogle hos blive mange ad bliver
    hendes vaeret thi jer saadan
    """.split()  # noqa: SIM905 (a word list reads best as words)
)
_FOLD = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "ae", "Ø": "oe", "Å": "aa"})
_WORD = re.compile(r"[a-z0-9]+")


def fold(text):
    """Lower case, æ→ae, ø→oe, å→aa, accents dropped: the one spelling both sides search in."""
    text = (text or "").translate(_FOLD).lower()
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


@lru_cache(maxsize=1)
def _stemmer():
    return snowballstemmer.stemmer("danish")


def words(text):
    return _WORD.findall(fold(text))


def query_words(text):
    return [w for w in words(text) if w not in STOP_WORDS][:12]


def stemmed(text):
    return " ".join(_stemmer().stemWords(words(text)))


def documents(entry):
    """The four weighted texts of one entry, most telling first."""
    terms = list(entry.terms.all())

    def names(kind):
        return " ".join(t.name for t in terms if t.kind == kind)

    return (
        f"{entry.name} {entry.keywords}",
        f"{entry.owner} {names('municipality')}",
        f"{entry.target_group} {names('target')} {names('theme')}",
        " ".join([entry.purpose, entry.anchoring, entry.methods, entry.results]),
    )


def is_postgres():
    return connection.vendor == "postgresql"


def reindex(entries):
    """Bring the search index up to date for these entries (a write, inside the caller's transaction)."""
    from .models import Entry

    entries = list(entries)
    if is_postgres():
        for entry in entries:
            parts = [
                SearchVector(Value(fold(text)), weight=weight, config="danish")
                for text, weight in zip(documents(entry), WEIGHTS, strict=True)
            ]
            vector = parts[0]
            for part in parts[1:]:
                vector = vector + part
            Entry.objects.filter(pk=entry.pk).update(search_vector=vector)
        return
    with connection.cursor() as cursor:
        cursor.executemany("DELETE FROM catalogue_entry_fts WHERE rowid = %s", [(e.pk,) for e in entries])
        cursor.executemany(
            "INSERT INTO catalogue_entry_fts (rowid, name, place, target, body) VALUES (%s, %s, %s, %s, %s)",
            [(e.pk, *(stemmed(text) for text in documents(e))) for e in entries],
        )


def forget(entry_ids):
    if not is_postgres():
        with connection.cursor() as cursor:
            cursor.executemany("DELETE FROM catalogue_entry_fts WHERE rowid = %s", [(pk,) for pk in entry_ids])


def matching(queryset, text):
    """The entries of `queryset` matching every word of `text` (a word may be
    the start of a longer one), best first. An empty query changes nothing."""
    wanted = query_words(text)
    if not wanted:
        return queryset
    if is_postgres():
        tsquery = " & ".join(f"{w}:*" for w in wanted)
        query = SearchQuery(tsquery, search_type="raw", config="danish")
        return (
            queryset.filter(search_vector=query)
            .annotate(rank=SearchRank(F("search_vector"), query))
            .order_by("-rank", "name")
        )
    stems = _stemmer().stemWords(wanted)
    match = " AND ".join(f'"{s}"*' for s in stems)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT rowid FROM catalogue_entry_fts WHERE catalogue_entry_fts MATCH %s"
            " ORDER BY bm25(catalogue_entry_fts, %s, %s, %s, %s)",
            [match, *BM25_WEIGHTS],
        )
        ranked = [row[0] for row in cursor.fetchall()]
    allowed = set(queryset.values_list("pk", flat=True))
    return Ranked(queryset, [pk for pk in ranked if pk in allowed])


class Ranked(Sequence):
    """Entries in a given order of ids, fetched a page at a time (what a Paginator needs)."""

    def __init__(self, queryset, ids):
        self.queryset, self.ids = queryset, ids

    def __len__(self):
        return len(self.ids)

    def __iter__(self):
        return iter(self[:])

    def __getitem__(self, index):
        if isinstance(index, int):
            return self[index : index + 1][0]
        ids = self.ids[index]
        found = {e.pk: e for e in self.queryset.order_by().filter(pk__in=ids)}
        return [found[pk] for pk in ids]
