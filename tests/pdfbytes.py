"""Hand-built PDF files for tests that need exact control of a PDF's objects."""

from __future__ import annotations


def raw_pdf(objects: list[bytes]) -> bytes:
    """A PDF file of these objects (1 0 obj is the catalog) with a correct cross-reference table."""
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


# A short letter in the officielebekendmakingen wording, for tests that need any good letter.
LETTER = [
    "Den Haag, 5 juni 2018",
    "",
    "Geachte voorzitter,",
    "",
    "Met deze brief informeer ik uw Kamer over de coördinatie van het beleid.",
    "Ik zal uw Kamer voor de zomer van 2025 nader informeren over de resultaten.",
    "",
    "De minister van Binnenlandse Zaken en Koninkrijksrelaties,",
    "",
    "F. Rijkaart",
]


def text_pdf(pages: list[list[str]]) -> bytes:
    """An A4 PDF with these lines of 10 pt Helvetica on each page, top to bottom."""
    import io

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen import canvas

    buf = io.BytesIO()
    c = canvas.Canvas(buf, pagesize=A4)
    for lines in pages:
        y = 780
        for line in lines:
            c.setFont("Helvetica", 10)
            c.drawString(72, y, line)
            y -= 14
        c.showPage()
    c.save()
    return buf.getvalue()
