def normalise(text):
    """A CVR number as people write it ("12 34 56 78", "DK12345678") as its eight digits."""
    text = "".join(str(text or "").split())
    return text[2:] if text.upper().startswith("DK") else text
