"""The Dutch words of dates and terms: months, numbers, seasons, weekdays, recesses."""

from __future__ import annotations

import datetime as dt

DAY = dt.timedelta(days=1)

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
}  # fmt: skip
MONTH_ABBR = {
    "jan": 1, "feb": 2, "febr": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}  # fmt: skip
NUMBERS = {
    "een": 1, "één": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7,
    "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13, "veertien": 14,
    "vijftien": 15, "twintig": 20, "dertig": 30, "enkele": 3, "een paar": 3, "een aantal": 3,
    "anderhalf": 1.5, "anderhalve": 1.5, "een half": 0.5, "een halve": 0.5,
}  # fmt: skip
ORDINALS = {
    "eerste": 1, "1e": 1, "1ste": 1, "tweede": 2, "2e": 2, "2de": 2, "derde": 3, "3e": 3,
    "3de": 3, "vierde": 4, "4e": 4, "4de": 4, "laatste": 4,
}  # fmt: skip
# season -> (first month, last month); winter runs into the next year
SEASONS = {
    "voorjaar": (3, 6), "lente": (3, 6), "zomer": (6, 8), "zomerperiode": (6, 8),
    "zomermaanden": (6, 8), "najaar": (9, 12), "herfst": (9, 12), "winter": (12, 2),
    "wintermaanden": (12, 2),
}  # fmt: skip
WEEKDAYS = {
    "maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6,
}  # fmt: skip
RECESS_WORDS = {
    "zomerreces": "zomerreces", "zomervakantie": "zomerreces", "kerstreces": "kerstreces",
    "kerstvakantie": "kerstreces", "herfstreces": "herfstreces", "herfstvakantie": "herfstreces",
    "voorjaarsreces": "voorjaarsreces", "krokusreces": "voorjaarsreces",
    "krokusvakantie": "voorjaarsreces", "voorjaarsvakantie": "voorjaarsreces",
    "meireces": "meireces", "meivakantie": "meireces", "verkiezingsreces": "verkiezingsreces",
    "reces": "",
}  # fmt: skip
