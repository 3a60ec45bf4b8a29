"""Secrets handed to a person or a system (an API token, a calendar address, an invitation link) are
stored only as their digest, so the database never holds what would open the door."""

import hashlib


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()
