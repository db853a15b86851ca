"""Text quality: does the text read as Dutch, or is it garbage (fonts without Unicode mapping)?"""

from __future__ import annotations

import re

# ---------------------------------------------------------------------------------------------
# Text quality

def _wordset(text: str) -> frozenset[str]:
    return frozenset(text.split())


_DUTCH = _wordset("""de het een en van in is dat op te voor met zijn niet aan er om ook als bij door
die dit deze wordt worden naar over ik u uw we wij zij hij heeft hebben zal kan nog of maar
tot uit meer al dan wel wat geen werd waar zo onder tussen hun haar ons onze mijn""")
_OTHER = _wordset("""the and of to is in that for with on are be this by as from at it not have has
which will an or der die und das ist nicht mit den zu von le la les et des est une pour dans
que qui sur pas""")


_OTHER_ONLY = _OTHER - _DUTCH


def stopword_shares(text: str) -> tuple[float, float, int]:
    """(share of Dutch stop words, share of English/German/French ones, number of words)."""
    words = re.findall(r"[^\W\d_]+", text.lower())
    if not words:
        return 0.0, 0.0, 0
    nl = sum(map(_DUTCH.__contains__, words)) / len(words)
    other = sum(map(_OTHER_ONLY.__contains__, words)) / len(words)
    return nl, other, len(words)


_CID = re.compile(r"\(cid:\d+\)")
_UNREADABLE = re.compile("[\ue000-\uf8ff\x00-\x1f\ufffd]")  # private use, control, replacement


_LETTERS = re.compile(r"[^\W\d_]+")  # runs of letters, removed to count them


def looks_garbled(text: str) -> bool:
    """True for a text layer whose fonts map to no Unicode: (cid:NN), private-use or control
    characters, too few letters, or words from no language at all."""
    compact = "".join(text.split())
    if not compact:
        return False
    cids = len(_CID.findall(text))
    if cids * 6 > 0.1 * len(compact):
        return True
    if len(_UNREADABLE.findall(compact)) > 0.1 * len(compact):
        return True
    letters = len(compact) - len(_LETTERS.sub("", compact))
    if len(compact) >= 200 and letters < 0.4 * len(compact):
        return True
    nl, other, n = stopword_shares(text)
    return n >= 40 and nl + other < 0.04


def looks_dutch(text: str) -> bool:
    """Whether enough of the words are Dutch stop words (a Dutch text has about a third)."""
    nl, other, n = stopword_shares(text)
    return n < 30 or (nl >= 0.12 and nl >= other)
