"""Real PDF files for the upload tests, written object by object: with a classic cross-reference
table, or with the objects packed in a compressed object stream and an xref stream (PDF 1.5)."""

import struct
import zlib


def _classic(objects):
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _packed(objects):
    """Objects 1..n inside one object stream (n+1), found through an xref stream (n+2)."""
    count = len(objects)
    header, data = [], bytearray()
    for number, body in enumerate(objects, start=1):
        header.append(b"%d %d" % (number, len(data)))
        data += body + b"\n"
    first = b" ".join(header) + b"\n"
    stream = zlib.compress(first + bytes(data))
    out = bytearray(b"%PDF-1.5\n%\xe2\xe3\xcf\xd3\n")
    stream_offset = len(out)
    out += b"%d 0 obj\n<< /Type /ObjStm /N %d /First %d /Filter /FlateDecode /Length %d >>\nstream\n" % (
        count + 1,
        count,
        len(first),
        len(stream),
    )
    out += stream + b"\nendstream\nendobj\n"
    xref_offset = len(out)
    rows = [struct.pack(">BIH", 0, 0, 65535)]
    rows += [struct.pack(">BIH", 2, count + 1, index) for index in range(count)]
    rows += [struct.pack(">BIH", 1, stream_offset, 0), struct.pack(">BIH", 1, xref_offset, 0)]
    table = b"".join(rows)
    out += b"%d 0 obj\n<< /Type /XRef /Size %d /W [1 4 2] /Root 1 0 R /Length %d >>\nstream\n" % (
        count + 2,
        count + 3,
        len(table),
    )
    out += table + b"\nendstream\nendobj\nstartxref\n%d\n%%%%EOF\n" % xref_offset
    return bytes(out)


def pdf(catalogue_extra=b"", *, packed=False, extra_objects=()):
    """A one-page PDF; `catalogue_extra` goes into the catalogue, `extra_objects` are objects 4...."""
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R " + catalogue_extra + b" >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>",
        *extra_objects,
    ]
    return _packed(objects) if packed else _classic(objects)
