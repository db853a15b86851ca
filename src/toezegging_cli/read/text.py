"""Decode a text letter: UTF-8 (with or without BOM), UTF-16 (BOM or NUL pattern), cp1252 fallback.

Binary content (a PDF or Word file saved as .txt, random bytes) is refused with a `LetterError`.
"""

from __future__ import annotations

import codecs

from toezegging_cli.errors import LetterError

_SIGNATURES = [
    (b"%PDF", "a PDF"),
    (b"PK\x03\x04", "a ZIP archive (Word .docx?)"),
    (b"\xd0\xcf\x11\xe0", "an old Office document (.doc?)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"{\\rtf", "an RTF document"),
]

# the stream an encrypted .docx/.xlsx is wrapped in (an OLE container, not a ZIP), named in UTF-16
_ENCRYPTED = "EncryptedPackage".encode("utf-16-le")


def sniff(data: bytes) -> str:
    """A short guess at what some bytes are, for error messages ('HTML', 'a ZIP archive', ...)."""
    head = data[:1024]
    if head.startswith(b"\xd0\xcf\x11\xe0") and _ENCRYPTED in data:
        return "a password-protected Office document (save it without a password)"
    for magic, name in _SIGNATURES:
        if head.startswith(magic):
            return name
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low[:512]:
        return "HTML"
    if low.startswith(b"<?xml") or low.startswith(b"<"):
        return "XML/HTML markup"
    if not head:
        return "empty"
    text_like = sum(32 <= b < 127 or b in (9, 10, 13) or b >= 128 for b in head) / len(head)
    return "text" if text_like > 0.95 and b"\x00" not in head else "binary data"


def _utf16_by_nuls(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' when every other byte of the start is NUL (ASCII-range UTF-16)."""
    sample = data[:400]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.8 * len(odd) and even.count(0) < 0.2 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.8 * len(even) and odd.count(0) < 0.2 * len(odd):
        return "utf-16-be"
    return None


def decode_text(data: bytes, path: str) -> str:
    """Bytes of a text letter as a str; raises LetterError for binary content."""
    utf16_bom = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    encoding = "utf-16" if utf16_bom and not data.startswith(codecs.BOM_UTF32_LE) else _utf16_by_nuls(data)
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise LetterError(path, "undecodable UTF-16 text") from exc
    else:
        if b"\x00" in data[:4096]:
            raise LetterError(path, f"binary content, not text (looks like {sniff(data)})")
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
            if text.count("\ufffd") > 0.01 * len(text):
                text = data.decode("latin-1")
    text = text.lstrip("\ufeff")
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\t\n\r\f")
    kind = sniff(data)
    textual = {"text", "empty", "XML/HTML markup", "HTML"}
    suspicious = controls > 0.01 * max(len(text), 1) or kind not in textual
    if suspicious and not _mostly_text(text):
        raise LetterError(path, f"binary content, not text (looks like {kind})")
    return text


def _mostly_text(text: str) -> bool:
    """Printable characters make up nearly all of the text."""
    if not text:
        return True
    ok = sum(1 for c in text if c.isprintable() or c in "\t\n\r\f")
    return ok >= 0.97 * len(text)
