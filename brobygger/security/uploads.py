"""What an uploaded file really is, before anything keeps it (security.md R21-R22, ASVS 5.2).

The type comes from the file's own bytes, never from the browser's
content type, and must agree with the name's extension. Zip-based formats
(DOCX, XLSX) are opened only as far as their table of contents, to refuse
zip bombs and odd paths. SVG, HTML and anything that looks like a web page
is refused; so is a PDF that carries JavaScript or launch actions.
"""

import hashlib
import io
import unicodedata
import zipfile
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from pypdf import PdfReader
from pypdf.errors import PdfReadError, PdfStreamError
from pypdf.generic import ArrayObject, DictionaryObject, IndirectObject, NameObject

HEAD_BYTES = 8192
ZIP_MAX_ENTRIES = 2000
ZIP_MAX_UNPACKED = 200 * 1024 * 1024
ZIP_MAX_RATIO = 100
IMAGE_MAX_PIXELS = 50_000_000
# Bidirectional and other invisible control characters that make "gpj.exe" look like "exe.jpg".
INVISIBLE = (
    {"\u200e", "\u200f", "\u061c"} | {chr(c) for c in range(0x202A, 0x202F)} | {chr(c) for c in range(0x2066, 0x206A)}
)
WEB_PAGE_MARKERS = (b"<html", b"<!doctype html", b"<script", b"<svg", b"<body", b"<iframe", b"<?xml-stylesheet")
# Names that make a PDF act (scripts, launched programs, embedded files, XFA forms, rich media), looked
# for in every object once pypdf has parsed the file: a name written with #xx escapes, or an object
# inside a compressed object stream, is read as a viewer reads it.
PDF_ACTIVE_NAMES = frozenset(
    {"/JavaScript", "/JS", "/Launch", "/EmbeddedFile", "/EmbeddedFiles", "/XFA", "/RichMedia", "/SubmitForm"}
)


class FileKind(StrEnum):
    PDF = "pdf"
    JPEG = "jpeg"
    PNG = "png"
    DOCX = "docx"
    XLSX = "xlsx"
    CSV = "csv"


CONTENT_TYPES = {
    FileKind.PDF: "application/pdf",
    FileKind.JPEG: "image/jpeg",
    FileKind.PNG: "image/png",
    FileKind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    FileKind.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    FileKind.CSV: "text/csv",
}
EXTENSIONS = {
    "pdf": FileKind.PDF,
    "jpg": FileKind.JPEG,
    "jpeg": FileKind.JPEG,
    "png": FileKind.PNG,
    "docx": FileKind.DOCX,
    "xlsx": FileKind.XLSX,
    "csv": FileKind.CSV,
    "txt": FileKind.CSV,
}
ATTACHMENT_KINDS = frozenset({FileKind.PDF, FileKind.JPEG, FileKind.PNG, FileKind.DOCX, FileKind.XLSX, FileKind.CSV})
IMPORT_KINDS = frozenset({FileKind.CSV, FileKind.XLSX})


@dataclass(frozen=True)
class Inspected:
    kind: FileKind
    name: str
    size: int
    sha256: str
    content: bytes

    @property
    def content_type(self):
        return CONTENT_TYPES[self.kind]


def safe_name(name):
    """The file's own name without folders, invisible direction marks or control characters."""
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch not in INVISIBLE and unicodedata.category(ch)[0] != "C")
    name = name.strip().strip(".") or "file"
    return name[-150:]


def _refuse(message, code):
    raise ValidationError(message, code=code)


def inspect(uploaded, *, allowed, max_bytes):
    """Read and check an uploaded file; returns what it is, or raises ValidationError with a translated reason."""
    if uploaded.size > max_bytes:
        _refuse(_("The file is larger than %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)}, "too_large")
    content = uploaded.read(max_bytes + 1)
    if len(content) > max_bytes:
        _refuse(_("The file is larger than %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)}, "too_large")
    if not content:
        _refuse(_("The file is empty."), "empty")
    name = safe_name(uploaded.name)
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    claimed = EXTENSIONS.get(extension)
    names = ", ".join(sorted(k.upper() for k in allowed))
    if claimed not in allowed:
        _refuse(_("Files of this type cannot be uploaded here. Allowed: %(types)s.") % {"types": names}, "type")
    if any(marker in content[:HEAD_BYTES].lower() for marker in WEB_PAGE_MARKERS):
        _refuse(_("The file looks like a web page or an SVG drawing, which cannot be uploaded."), "web_page")
    found = _detect(content)
    if found != claimed:
        _refuse(
            _("The file's content is not what its name says: it is not a %(type)s file.") % {"type": extension.upper()},
            "mismatch",
        )
    CHECKS[found](content)
    return Inspected(found, name, len(content), hashlib.sha256(content).hexdigest(), content)


def _detect(content):
    if content.startswith(b"%PDF-"):
        return FileKind.PDF
    if content.startswith(b"\xff\xd8\xff"):
        return FileKind.JPEG
    if content.startswith(b"\x89PNG\r\n\x1a\n"):
        return FileKind.PNG
    if content.startswith(b"PK\x03\x04"):
        return _office_kind(content)
    if b"\x00" not in content[:HEAD_BYTES] and _is_text(content):
        return FileKind.CSV
    return None


def _is_text(content):
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = content[:HEAD_BYTES].decode(encoding)
        except UnicodeDecodeError:
            continue
        return all(ch.isprintable() or ch in "\r\n\t" for ch in text)
    return False


def _office_kind(content):
    try:
        names = set(zipfile.ZipFile(io.BytesIO(content)).namelist())
    except zipfile.BadZipFile:
        return None
    if "[Content_Types].xml" not in names:
        return None
    if "word/document.xml" in names:
        return FileKind.DOCX
    if "xl/workbook.xml" in names:
        return FileKind.XLSX
    return None


def _check_zip(content):
    archive = zipfile.ZipFile(io.BytesIO(content))
    entries = archive.infolist()
    if len(entries) > ZIP_MAX_ENTRIES:
        _refuse(_("The file holds too many parts to be a normal document."), "zip_entries")
    unpacked = sum(e.file_size for e in entries)
    packed = max(1, sum(e.compress_size for e in entries))
    if unpacked > ZIP_MAX_UNPACKED or unpacked / packed > ZIP_MAX_RATIO:
        _refuse(_("The file unpacks to far more than its size (a zip bomb), so it was refused."), "zip_bomb")
    for entry in entries:
        path = entry.filename.replace("\\", "/")
        if path.startswith("/") or ".." in path.split("/") or ":" in path:
            _refuse(_("The file holds parts with unsafe paths, so it was refused."), "zip_path")


def _check_pdf(content):
    try:
        active = _pdf_is_active(content)
    except (PdfReadError, PdfStreamError, ValueError, KeyError, TypeError, RecursionError, OSError):
        _refuse(
            _("The PDF cannot be read, so it cannot be checked. Save it again as PDF and upload that."), "pdf_unread"
        )
    if active:
        _refuse(_("The PDF contains scripts, attachments or actions, which cannot be uploaded."), "pdf_active")


def _pdf_is_active(content):
    reader = PdfReader(io.BytesIO(content), strict=False)
    if reader.is_encrypted and not reader.decrypt(""):
        raise PdfReadError("encrypted")
    numbers = {(number, generation) for generation, table in reader.xref.items() for number in table}
    numbers |= {(number, 0) for number in reader.xref_objStm}
    objects = [reader.trailer] + [reader.get_object(IndirectObject(n, g, reader)) for n, g in sorted(numbers)]
    return any(_pdf_names(obj) & PDF_ACTIVE_NAMES for obj in objects if obj is not None)


def _pdf_names(obj, depth=0):
    """Every name in one object, its keys and values and what it holds directly (references are
    objects of their own, each looked at once)."""
    if depth > 50:
        raise RecursionError("nested too deep")
    if isinstance(obj, NameObject):
        return {str(obj)}
    if isinstance(obj, DictionaryObject):
        names = {str(key) for key in obj}
        for value in obj.values():
            names |= _pdf_names(value, depth + 1)
        return names
    if isinstance(obj, ArrayObject):
        return set().union(*(_pdf_names(item, depth + 1) for item in obj)) if obj else set()
    return set()


def _check_image(content):
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(content)) as image:
            if image.width * image.height > IMAGE_MAX_PIXELS:
                _refuse(_("The picture is too large."), "image_pixels")
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, Image.DecompressionBombError):
        _refuse(_("The picture cannot be read; it may be damaged."), "image_broken")


CHECKS = {
    FileKind.PDF: _check_pdf,
    FileKind.JPEG: _check_image,
    FileKind.PNG: _check_image,
    FileKind.DOCX: _check_zip,
    FileKind.XLSX: _check_zip,
    FileKind.CSV: lambda content: None,
}
