"""The closing of a letter: greeting, the signers' offices and printed names.

Reads the signature block as a letter prints it: stacked ('De minister van X,' / 'A. Naam'), side by
side (columns), names above their offices, a portfolio that runs over a line, 'mede namens' lines.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from toezegging_cli.clean import TextLine
from toezegging_cli.clean.ministries import known_ministry, ministries, portfolio_ministries, proper_case
from toezegging_cli.model import Signatory

_ROLE = re.compile(
    r"(?:de\s+)?(?:demissionaire?\s+)?(minister-president|minister|staatssecretaris)\b"
    r"(?:\s*,\s*minister\s+van\s+algemene\s+zaken)?\s*(?:(van|voor)(?:\s+|$))?(.*)", re.I)
_TITLES = r"drs|dr|mr|ir|ing|prof|ds|mw|dhr|bc|ba|ma|msc|mba|jhr|jkvr"
_TITLE = rf"(?:{_TITLES})\.?"
_INITIALS = r"(?:[A-ZÀ-Þ]\.)+(?:[A-ZÀ-Þ][a-zà-ÿ]?\.)*"
_CALL_NAME = r"\([A-ZÀ-Þ][a-zà-ÿ'’-]+\)"  # the call name in brackets after the initials: 'R. (Robert)'
_PARTICLES = r"van|de|der|den|ter|ten|te|het|'t|’t|d'|le|la|du|von"
# titles may run together: 'Mr.dr. J.P. Balkenende'
_NAME_TOKEN = re.compile(rf"(?i:(?:{_TITLES})\.)*(?i:{_TITLE})|"
                         rf"{_INITIALS}|[A-ZÀ-Þ][\w'’À-ÿ-]*\.?|"
                         # initials glued to the surname or its particle: 'M.van', 'J.Jansen'
                         r"(?:[A-ZÀ-Þ]\.)+(?:van|de|der|den|ter|ten|[A-ZÀ-Þ][\w'’À-ÿ-]+)|"
                         rf"{_CALL_NAME}|{_PARTICLES}|in")
# a dash sets a portfolio's part apart: 'Infrastructuur en Waterstaat – Openbaar Vervoer en Milieu'
_PORTFOLIO_WORD = re.compile(r"[A-ZÀ-Þ(][\w'’()-]*,?|en|van|voor|de|der|het|in|op|[–—-]|(?i:en|van|voor)")


_SPACED_INITIALS = re.compile(r"\b([A-ZÀ-Þ]\.)\s+(?=[A-ZÀ-Þ]\.)")


def is_name(text: str) -> bool:
    """A printed name: 'Mark Harbers', 'F. Rijkaart', 'drs. V.L.W.A. Heijnen'."""
    # spaced initials count as one token: 'M. L. L. E. Veldhuijzen van Zanten-Hyllner'
    tokens = _SPACED_INITIALS.sub(r"\1", text.strip()).split()
    if not 1 <= len(tokens) <= 6 or len(text) > 60 or text.rstrip().endswith((",", ":", ";")):
        return False
    if not all(_NAME_TOKEN.fullmatch(t) for t in tokens):
        return False
    if not any(re.fullmatch(r"[A-ZÀ-Þ][a-zà-ÿ'’-]+", t.rstrip(".")) or re.fullmatch(r"[A-ZÀ-Þ][\w'’-]{2,}", t)
               for t in tokens):
        return False
    caps = [t for t in tokens if t[0].isupper()]
    return bool(caps) and not all(t.isupper() and len(t) > 3 for t in caps)


@dataclass
class Role:
    role: str
    portfolio: str | None
    preposition: str | None
    open: bool = False  # no closing comma yet: the portfolio may go on on the next line


def parse_role(text: str) -> tuple[Role, str | None] | None:
    """'De minister van X,' -> (Role, None); 'De Staatssecretaris van Defensie, B. Visser' -> (Role, name)."""
    text = text.strip()
    name = None
    if not text.endswith(","):
        head, sep, tail = text.rpartition(",")
        if sep and is_name(tail):
            text, name = head + ",", tail.strip()
    m = _ROLE.fullmatch(text)
    if not m or len(text.split()) > 14:
        return None
    role = m.group(1).lower()
    if re.search(r"minister-president", text, re.I):
        role = "minister-president"
    rest = m.group(3).strip()
    is_open = not rest.endswith(",") and not text.endswith(",")
    rest = rest.rstrip(",").strip()
    if rest and not all(_PORTFOLIO_WORD.fullmatch(w) for w in rest.split()):
        return None
    if role == "minister-president" and not rest:
        rest = "Algemene Zaken"
    return Role(role, proper_case(rest) if rest else None, (m.group(2) or "").lower() or None, is_open), name


def split_columns(text: str) -> list[str]:
    """Side-by-side columns of a line (tab from the PDF gap, or three spaces in text)."""
    return [c.strip() for c in re.split(r"\t| {3,}", text) if c.strip()]


_GREETING = re.compile(r"(?:Hoogachtend|Met\s+(?:vriendelijke|hoogachtende|de\s+meeste\s+hoogachting)"
                       r"(?:\s+groet(?:en)?)?|Met\s+vriendelijke\s+groet(?:en)?)\s*,?", re.I)


@dataclass
class Closing:
    start: int
    end: int
    signatories: list[Signatory] = field(default_factory=list)
    offices: list[Role] = field(default_factory=list)


# a sentence's end, also with a note number glued to it ('… toekomen.1')
BODY_END = re.compile(r"[.!?]\d{0,2}$")


def find_closing(lines: list[TextLine]) -> Closing | None:
    """The last signature block: greeting, role line(s), 'mede namens' lines and printed names."""
    for i in range(len(lines) - 1, -1, -1):
        if not _is_role_line(lines[i].text):
            continue
        starts_block = i == 0 or lines[i].new_para or lines[i - 1].ends_early or _GREETING.fullmatch(
            lines[i - 1].text.strip()) is not None
        # a sentence ends on the line before, and the block runs to the letter's end (a text copy
        # that sets the closing right under the last line of the body)
        after_sentence = BODY_END.search(lines[i - 1].text.rstrip()) is not None
        if not (starts_block or after_sentence):
            continue
        if (pairs := _read_pairs(lines, i)) is not None:
            return pairs
        closing = _read_closing(lines, i) or _read_name_first_closing(lines, i)
        if closing is None or not (starts_block or closing.end >= len(lines) - 2):
            continue
        # signers stacked one under the other: an earlier role line whose block runs on to here
        for j in range(i - 1, max(-1, i - 8), -1):
            earlier = _read_closing(lines, j) if _is_role_line(lines[j].text) else None
            if earlier is not None and earlier.end >= closing.end:
                closing = earlier
        return closing
    return None


def _read_pairs(lines: list[TextLine], i: int) -> Closing | None:
    """Signers printed name over office, one after the other, right after the greeting ('Hoogachtend,' /
    'Femke Marije Wiersma' / 'Minister van …' / 'Jean Rummenie' / 'Staatssecretaris van …'), whatever
    follows them; i is one of their role lines."""
    j = i - 1
    while j >= 2 and _is_role_line(lines[j - 1].text) and is_name(lines[j - 2].text.strip()):
        j -= 2
    if j < 1 or not is_name(lines[j].text.strip()) or not _GREETING.fullmatch(lines[j - 1].text.strip()):
        return None
    sigs: list[Signatory] = []
    offices: list[Role] = []
    k = j
    while k + 1 < len(lines) and is_name(lines[k].text.strip()) and (
            parsed := parse_role(lines[k + 1].text.strip())):
        role = parsed[0]
        offices.append(role)
        sigs.append(Signatory(name=lines[k].text.strip(), role=role.role, portfolio=role.portfolio))
        k += 2
    if not sigs:
        return None
    return Closing(start=_greeting_start(lines, j), end=k, signatories=sigs, offices=offices)


def _read_name_first_closing(lines: list[TextLine], i: int) -> Closing | None:
    """A signature with the printed names above their role lines ('M.A.M. Adriaansens' / 'Minister
    van Economische Zaken en Klimaat'), at the end of the letter: names and roles pair up by column."""
    j = i
    while j > 0 and i - j < 2 and (segs := split_columns(lines[j - 1].text.strip())) and all(
            is_name(g) for g in segs):
        j -= 1
    if j == i or not (j == 0 or lines[j].new_para or lines[j - 1].ends_early
                      or _GREETING.fullmatch(lines[j - 1].text.strip())):
        return None
    k = i
    roles: list[Role] = []
    while k < len(lines) and _is_role_line(lines[k].text):
        roles += [r for r, _ in (parse_role(g) for g in split_columns(lines[k].text.strip()))]
        k += 1
    if len(lines) - k > 2:
        return None  # a role line followed by more text is no closing
    names = [g for line in lines[j:i] for g in split_columns(line.text.strip())]
    sigs = [Signatory(name=n, role=r.role, portfolio=r.portfolio) for n, r in zip(names, roles, strict=False)]
    if not sigs:
        return None
    return Closing(start=_greeting_start(lines, j), end=k, signatories=sigs, offices=roles)


def _is_role_line(text: str) -> bool:
    segs = split_columns(text)
    return bool(segs) and all(parse_role(s) for s in segs)


def _read_closing(lines: list[TextLine], i: int) -> Closing | None:
    pending: list[Role] = []
    offices: list[Role] = []
    sigs: list[Signatory] = []
    k = i
    while k < len(lines):
        text = lines[k].text.strip()
        segs = split_columns(text)
        roles = [parse_role(s) for s in segs]
        closed = bool(pending) and not any(r.open for r in pending)
        if segs and all(roles):
            for role, name in roles:
                offices.append(role)
                if name:
                    sigs.append(Signatory(name=name, role=role.role, portfolio=role.portfolio))
                else:
                    pending.append(role)
        elif re.match(r"mede\s+namens\b", text, re.I):
            pass
        elif segs and len(segs) < len(pending) and any(r.open and not r.portfolio for r in pending) and all(
                _known_portfolio(g.rstrip(",")) for g in segs):
            # a column's office cut after 'van' goes on under it, the other column empty: 'De
            # Staatssecretaris van' / 'Sociale Zaken'
            for seg, role in zip(segs, [r for r in pending if r.open and not r.portfolio], strict=False):
                role.portfolio = proper_case(seg.rstrip(","))
                role.open = not seg.endswith(",")
        elif segs and any(r.open for r in pending) and all(g.endswith(",") and not is_name(g) for g in segs):
            # the portfolio ran over onto this line (per column when signers stand side by side)
            for seg, role in zip(segs, [r for r in pending if r.open], strict=False):
                role.portfolio = proper_case(f"{role.portfolio or ''} {seg.rstrip(',')}")
                role.open = False
        elif segs and len(segs) <= len(pending) and all(completed := [
                _ministry_goes_on(r, g) for r, g in zip(pending[-len(segs):], segs, strict=True)]):
            # a closed-looking portfolio the next line completes: 'de minister van Volksgezondheid,' /
            # 'Welzijn en Sport,'
            for role, ministry in zip(pending[-len(segs):], completed, strict=True):
                role.portfolio = ministry
        elif closed and len(segs) == 1 and _is_portfolio_title(segs[0]) and k + 1 < len(lines) and is_name(
                lines[k + 1].text.strip()):
            # the signer's own portfolio between the office and the name: 'De staatssecretaris van
            # Binnenlandse Zaken en Koninkrijksrelaties,' / 'Herstel Groningen, Koninkrijksrelaties en …'
            pass
        elif pending and segs and all(is_name(s) or (closed and s.endswith(",") and is_name(s[:-1]))
                                      for s in segs):
            # (a name with a comma after it, where the role line has closed: 'J. M. van Bijsterveldt,')
            for name in (s.rstrip(",") for s in segs):
                if not pending:
                    break
                role = pending.pop(0)
                sigs.append(Signatory(name=name, role=role.role, portfolio=role.portfolio))
        else:
            break
        k += 1
    if not sigs:
        return None
    return Closing(start=_greeting_start(lines, i), end=k, signatories=sigs, offices=offices)


def _is_portfolio_title(text: str) -> bool:
    """A portfolio's name standing alone ('Herstel Groningen, Koninkrijksrelaties en Digitalisering'):
    capitalised words joined by commas and 'en', no name and no sentence."""
    words = text.rstrip(",").split()
    return (2 <= len(words) <= 10 and not is_name(text) and words[0][0].isupper()
            and all(_PORTFOLIO_WORD.fullmatch(w) for w in words))


def _ministry_goes_on(role: Role, seg: str) -> str | None:
    """The ministry or cabinet portfolio a role's portfolio and the line after it name together, when
    the portfolio alone is neither ('Volksgezondheid' + 'Welzijn en Sport,', 'Langdurige Zorg' + 'Jeugd
    en Sport,')."""
    if not role.portfolio or role.preposition != "van" or known_ministry(role.portfolio):
        return None
    for joined in (f"{role.portfolio}, {seg.rstrip(',')}", f"{role.portfolio} {seg.rstrip(',')}"):
        if found := ministries().get(joined.lower()):
            return found
        if joined.lower() in portfolio_ministries():
            return proper_case(joined)
    return None


def _greeting_start(lines: list[TextLine], i: int) -> int:
    """Where a signature block starting at line i begins, with the greeting lines above it."""
    while i > 0 and _GREETING.fullmatch(lines[i - 1].text.strip()):
        i -= 1
    return i


# ---------------------------------------------------------------------------------------------
# A closing run into other text

# where a signature may start inside a line: at its start, after a sentence, the greeting or '(w.g.)'
_RUN_ON_OPENER = re.compile(r"(?:^|(?:[.!?)]|Hoogachtend,|\(w\.g\.\))\s+)(?=\S)")
_OFFICE_WORD = re.compile(r"(?i:minister(?:-president)?|staatssecretaris),?")
_TITLE_RUN = re.compile(rf"(?i:(?:{_TITLES})\.)+")
_INITIALS_WORD = re.compile(_INITIALS)
_PARTICLE_WORD = re.compile(_PARTICLES)
_CALL_NAME_WORD = re.compile(_CALL_NAME)
_WORD_NAME = re.compile(r"[A-ZÀ-Þ][a-zà-ÿ'’]+(?:-[A-ZÀ-Þ]?[a-zà-ÿ'’]+)*")
_TRAILER = re.compile(r"[,…]+$|\.{3}$")


def run_on_signers(text: str) -> list[Signatory]:
    """The signers of a closing that a copy ran into one line with the text around it ('… (34 000 XV).
    De Minister van Sociale Zaken De Staatssecretaris van Sociale Zaken en Werkgelegenheid, en
    Werkgelegenheid, L.F. Asscher Jetta Klijnsma Schriftelijke antwoorden …', '… termijn. (w.g.) H.G.J.
    Kamp Minister van Economische Zaken BIJLAGE …'): offices and names after a sentence, the greeting
    or '(w.g.)', the names right after the offices (or one name right before its office); the first
    such closing whose names are followed by no lower-case word (a sentence going on)."""
    text = _ministry_names().sub(lambda m: ministries()[m.group(0).lower()], text)
    for m in _RUN_ON_OPENER.finditer(text):
        words = text[m.end():].split()
        if found := _offices_then_names(words) or _name_then_office(words):
            return found
    return []


@functools.cache
def _ministry_names() -> re.Pattern[str]:
    """The tables' ministry names of two words or more, in any case ('Sociale zaken en Werkgelegenheid')."""
    names = sorted((k for k in ministries() if " " in k), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b", re.I)


def _offices_then_names(words: list[str]) -> list[Signatory]:
    offices, k = _read_offices(words, 0)
    if not offices:
        return []
    # a portfolio the next column ran over: 'en Werkgelegenheid,' completes the first open office
    while k < len(words) and words[k] in ("en", "van", "voor"):
        j = k
        while j < len(words) and not words[j].endswith(","):
            j += 1
        opened = next((o for o in offices if o.open), None)
        if opened is None or j - k > 4:
            break
        opened.portfolio = proper_case(f"{opened.portfolio} {' '.join(words[k:j + 1]).rstrip(',')}")
        opened.open = False
        k = j + 1
    k = _portfolios_go_on(words, k, offices)
    sigs = []
    for office in offices:
        name, k = _read_name(words, k)
        if name is None:
            break
        sigs.append(Signatory(name=name, role=office.role, portfolio=office.portfolio))
    if not sigs or (k < len(words) and words[k][0].islower()):
        return []
    return sigs


def _portfolios_go_on(words: list[str], k: int, offices: list[Role]) -> int:
    """Two columns flattened line by line put each office's second portfolio line after all the
    offices ('de minister van Volksgezondheid, de minister van Langdurige Zorg, Welzijn en Sport, Jeugd
    en Sport,'): each comma-ended run from word k completes the next office it makes a ministry or
    cabinet portfolio with; the word after the last one taken."""
    for office in offices:
        j = k
        while j < len(words) and not words[j].endswith(",") and j - k < 4:
            j += 1
        if j >= len(words) or not words[k][:1].isupper() or not (
                completed := _ministry_goes_on(office, " ".join(words[k:j + 1]))):
            continue
        office.portfolio = completed
        k = j + 1
    return k


def _name_then_office(words: list[str]) -> list[Signatory]:
    name, k = _read_name(words, 0)
    if name is None or not (k < len(words) and re.fullmatch(r"(?i:minister|staatssecretaris)", words[k])):
        return []
    offices, _ = _read_offices(words, k)
    return [Signatory(name=name, role=offices[0].role, portfolio=offices[0].portfolio)] if offices else []


def _read_offices(words: list[str], k: int) -> tuple[list[Role], int]:
    """Offices one after the other from word k ('De Minister van Sociale Zaken De Staatssecretaris van
    …,'), each ending at a comma or where the next one starts; an office without a comma keeps only
    the words that make a ministry or portfolio the tables know."""
    offices: list[Role] = []
    while k < len(words):
        j = k + (words[k] in ("De", "de", "DE"))
        if j >= len(words) or not _OFFICE_WORD.fullmatch(words[j]):
            break
        end = j + 1
        if words[j].endswith(","):  # 'DE MINISTER-PRESIDENT, Minister van Algemene Zaken,'
            if end + 3 < len(words) and words[end].lower() == "minister" and words[end + 1] == "van":
                end += 3
                while end < len(words) and not words[end - 1].endswith(","):
                    end += 1
        else:
            while end < len(words) and not words[end - 1].endswith(",") and words[end] not in ("De", "DE") \
                    and _PORTFOLIO_WORD.fullmatch(words[end]) and end - j < 12:
                end += 1
        parsed = _known_office(words[k:end])
        if parsed is None:
            break
        offices.append(parsed)
        k = end
    return offices, k


def _known_office(words: list[str]) -> Role | None:
    """The office the words name, cut back to a portfolio the tables know unless a comma closes it."""
    for end in range(len(words), 0, -1):
        text = " ".join(words[:end])
        parsed = parse_role(text if text.endswith(",") else text + ",")
        if parsed is None:
            continue
        role = parsed[0]
        role.open = not text.endswith(",")
        if not role.open or not role.portfolio or _known_portfolio(role.portfolio):
            return role
    return None


def _known_portfolio(portfolio: str) -> bool:
    """A ministry, the start of one ('Sociale Zaken'), or a portfolio of the tables, as written."""
    low = re.sub(r"\s+", " ", portfolio).strip().lower()
    return low in ministries() or low in portfolio_ministries() or any(
        key.startswith(low + " ") for key in ministries())


def _read_name(words: list[str], k: int) -> tuple[str | None, int]:
    """A printed name from word k: titles, then initials (a call name in brackets may follow) or one
    given name, particles and a surname; the word after it is where the text goes on."""
    start = k
    while k < len(words) and _TITLE_RUN.fullmatch(words[k]):
        k += 1
    if k < len(words) and _INITIALS_WORD.fullmatch(words[k]):
        k += 1
        if k < len(words) and _CALL_NAME_WORD.fullmatch(words[k]):
            k += 1
    elif k < len(words) and _WORD_NAME.fullmatch(words[k]) and not words[k].isupper():
        k += 1
    else:
        return None, start
    while k < len(words) and _PARTICLE_WORD.fullmatch(words[k]):
        k += 1
    if k >= len(words) or not _WORD_NAME.fullmatch(_TRAILER.sub("", words[k])):
        return None, start
    k += 1
    name = _TRAILER.sub("", " ".join(words[start:k]))
    return (name, k) if is_name(name) else (None, start)
