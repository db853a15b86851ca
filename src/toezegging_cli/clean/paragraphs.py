"""Joining lines into paragraphs and the body text: hyphenation, list items, paragraph breaks."""

from __future__ import annotations

import re

from toezegging_cli.clean.layout import TextLine

# ---------------------------------------------------------------------------------------------
# Joining lines

_VOWELS = set("aeiouy")
_URL_TAIL = re.compile(r"(?:https?://|www\.)\S*$", re.I)
_ELLIPTIC_NEXT = {"en", "of", "tot", "noch", "dan"}


def join_lines(left: str, right: str, vocab: set[str] | None = None) -> str:
    """Join two lines of one paragraph, undoing end-of-line hyphenation.

    'gezond-' + 'heidsrisico's' gives 'gezondheidsrisico's'; a hyphen stays when the next part
    starts with a capital or digit ('GroenLinks-PvdA'), when the first part is an abbreviation
    ('RIVM-onderzoekprogramma'), when vowels meet ('economie-opgave'), and in 'om- en bijscholing'.
    Where the document spells the word elsewhere, that spelling (`vocab`) decides. A URL broken
    over a line is joined without a space.
    """
    left = left.rstrip()
    right = right.lstrip()
    if not left:
        return right
    if not right:
        return left
    if left.endswith("\u00ad"):
        return left[:-1] + right
    if _URL_TAIL.search(left.rsplit(None, 1)[-1]) and not left.endswith((".", ",", ";", ")")):
        return left + right
    if left.endswith("-") and len(left) > 1 and left[-2].isalnum():
        prefix = re.split(r"[\s/(]", left[:-1])[-1]
        head = re.match(r"[\w'’]+", right)
        first = head.group(0) if head else ""
        if first.lower() in _ELLIPTIC_NEXT:
            return left + " " + right
        if vocab and first:
            if f"{prefix}-{first}".lower() in vocab:
                return left + right
            if f"{prefix}{first}".lower() in vocab:
                return left[:-1] + right
        keep = (not right[0].islower()
                or sum(c.isupper() for c in prefix) >= 2 or prefix.isupper()
                or any(c.isdigit() for c in prefix)
                or (prefix[-1:].lower() in _VOWELS and right[0] in _VOWELS))
        return left + right if keep else left[:-1] + right
    return left + " " + right


_LIST_ITEM = re.compile(
    r"(?:[•\-–·▪●○◦*]|\d{1,2}[.)]|\d{1,2}(?:\.\d{1,2})+\.?|[a-z][.)]|\([a-z0-9]{1,2}\))\s+\S")
SENTENCE_END = re.compile(r"[.!?:;]['’”»)]*$")


def is_list_item(text: str) -> bool:
    """'1. ...', 'a) ...', '• ...', '- ...', '1.1 ...': a line that opens a list item or numbered heading."""
    return bool(_LIST_ITEM.match(text))


_STARTS_UPPER = re.compile(r"[\W_]*[A-ZÀ-Þ0-9]")
# a line ending in an article, preposition or conjunction goes on: '… tijdens het Commissiedebat X van' /
# '10 februari jl. …'
OPEN_END = re.compile(
    r"(?<![\w-])(?:van|de|het|een|op|in|en|of|met|voor|door|aan|bij|over|tot|naar|uit|om|te|dat|die|zoals"
    r"|tijdens|inzake|omtrent)$")


def breaks_paragraph(prev: TextLine, cur: TextLine) -> bool:
    """Whether a paragraph boundary lies between two consecutive body lines."""
    if cur.new_para or prev.heading != cur.heading or is_list_item(cur.text):
        return True
    starts_upper = bool(_STARTS_UPPER.match(cur.text))
    # (a line that leaves a bracket open goes on: '… van het lid Van der Lee (GroenLinks) (Handelingen' /
    # 'II 2018/19, nr. 25, item 24) de Ministers … verzocht')
    return (prev.ends_early and starts_upper and not prev.text.endswith((",", "-"))
            and not OPEN_END.search(prev.text) and prev.text.count("(") <= prev.text.count(")"))


_BLANKS = re.compile(r"[ \t]+")


def build_body(lines: list[TextLine], pages: int, vocab: set[str] | None = None) -> tuple[str, list[int]]:
    """Join body lines into paragraphs ('\\n\\n' between them); return body and page start offsets."""
    paras: list[str] = []
    marks: list[tuple[int, int, int]] = []  # (page, paragraph index, offset in paragraph)
    prev: TextLine | None = None
    for ln in lines:
        text = _BLANKS.sub(" ", ln.text).strip()
        if not text:
            continue
        if prev is None or breaks_paragraph(prev, ln):
            paras.append(text)
            offset = 0
        else:
            joined = join_lines(paras[-1], text, vocab)
            offset = max(0, len(joined) - len(text))
            paras[-1] = joined
        if not marks or ln.page > marks[-1][0]:
            marks.append((ln.page, len(paras) - 1, offset))
        prev = ln
    body = "\n\n".join(paras)
    para_start = []
    pos = 0
    for p in paras:
        para_start.append(pos)
        pos += len(p) + 2
    starts = [0] * max(pages, 1)
    known = {page: para_start[pi] + off for page, pi, off in marks}
    nxt = len(body)
    for page in range(max(pages, 1), 1, -1):
        nxt = min(known.get(page, nxt), nxt)
        starts[page - 1] = nxt
    for k in range(1, len(starts)):
        starts[k] = max(starts[k], starts[k - 1])
    return body, starts


_VOCAB_WORD = re.compile(r"[\w'’]+(?:-[\w'’]+)*")


def document_vocab(lines: list[TextLine]) -> set[str]:
    """Lower-cased words of the document, to settle hyphenation by the document's own spelling."""
    return {w.lower() for w in _VOCAB_WORD.findall("\n".join(ln.text for ln in lines))}
