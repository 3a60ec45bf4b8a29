"""Base58btc multibase and Ed25519 multikeys (the `z…` strings in keys and proofs).

Written here rather than taken from `base58` (last released 2021): it is a dozen
lines, and the multikey prefixes are checked against the W3C test vectors.
"""

ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_INDEX = {char: i for i, char in enumerate(ALPHABET)}

ED25519_PUBLIC = b"\xed\x01"
ED25519_PRIVATE = b"\x80\x26"


def b58encode(data: bytes) -> str:
    number = int.from_bytes(data, "big")
    out = []
    while number:
        number, rest = divmod(number, 58)
        out.append(ALPHABET[rest])
    zeros = len(data) - len(data.lstrip(b"\0"))
    return "1" * zeros + "".join(reversed(out))


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        if char not in _INDEX:
            raise ValueError("not base58btc")
        number = number * 58 + _INDEX[char]
    zeros = len(text) - len(text.lstrip("1"))
    body = number.to_bytes((number.bit_length() + 7) // 8, "big") if number else b""
    return b"\0" * zeros + body


def encode(data: bytes) -> str:
    return "z" + b58encode(data)


def decode(text: str) -> bytes:
    if not isinstance(text, str) or not text.startswith("z"):
        raise ValueError("not a base58btc multibase string")
    return b58decode(text[1:])


def public_multikey(raw: bytes) -> str:
    return encode(ED25519_PUBLIC + raw)


def private_multikey(raw: bytes) -> str:
    return encode(ED25519_PRIVATE + raw)


def key_from_multikey(text: str, prefix: bytes) -> bytes:
    data = decode(text)
    if not data.startswith(prefix) or len(data) != len(prefix) + 32:
        raise ValueError("not an Ed25519 multikey")
    return data[len(prefix) :]
