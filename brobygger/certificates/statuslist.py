"""W3C Bitstring Status List (Recommendation, 15 May 2025), the pure part.

Index 0 is the most significant bit of byte 0. The list holds 131,072 entries, the
spec's minimum for herd privacy, and indices are handed out at random.
"""

import base64
import gzip
import secrets

ENTRIES = 131_072
SIZE = ENTRIES // 8


class StatusListError(ValueError):
    pass


def empty():
    return bytes(SIZE)


def is_set(bits: bytes, index: int) -> bool:
    if not 0 <= index < len(bits) * 8:
        raise StatusListError("index outside the list")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def with_bit(bits: bytes, index: int) -> bytes:
    if not 0 <= index < len(bits) * 8:
        raise StatusListError("index outside the list")
    changed = bytearray(bits)
    changed[index // 8] |= 0x80 >> (index % 8)
    return bytes(changed)


def encode(bits: bytes) -> str:
    """Multibase base64url (no padding) of the GZIP-compressed bitstring."""
    compressed = gzip.compress(bits, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).decode().rstrip("=")


def decode(encoded: str) -> bytes:
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise StatusListError("encodedList is not multibase base64url")
    body = encoded[1:]
    try:
        bits = gzip.decompress(base64.urlsafe_b64decode(body + "=" * (-len(body) % 4)))
    except (ValueError, OSError, EOFError) as error:
        raise StatusListError("encodedList does not decode") from error
    if len(bits) < SIZE:
        raise StatusListError("STATUS_LIST_LENGTH_ERROR: shorter than 131,072 entries")
    return bits


def random_free_index(allocated: bytes) -> int:
    """A random index whose bit in `allocated` is not set (herd privacy: no order to read)."""
    if int.from_bytes(allocated, "big").bit_count() >= ENTRIES:
        raise StatusListError("the status list is full")
    while True:
        index = secrets.randbelow(ENTRIES)
        if not is_set(allocated, index):
            return index
