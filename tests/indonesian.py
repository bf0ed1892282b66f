"""Checks of learner- and public-facing Indonesian text: EYD number writing, plain words, no typos.

One place for the rules, so that every text a learner or visitor reads (apps, and course notebooks when
their tests call it) is held to the same standard. Each rule names the fix, so a failing test says what
to write instead.

Examples
--------
>>> for problem in problems("Angka kemiskinan 4,54 % (Rp 644.107), margin of error 2,1."):
...     print(problem)
"4,54 %": tulis persen menempel pada angka: 4,54%
"Rp 644": tulis Rp menempel pada angka: Rp644.107
"margin of error": istilah Inggris; tulis: batas kesalahan
>>> problems("Perjalanan per 100 penduduk, menurut RT, Mei 2025.")
[]
"""

from __future__ import annotations

import html
import re

#: English (or mixed) terms and the Indonesian words to use instead.
ENGLISH_TERMS = {
    "margin of error": "batas kesalahan",
    "stunted": "pendek (stunting)",
    "severely": "sangat",
    "z-score": "nilai z",
    "z-skor": "nilai z",
    "skor-z": "nilai z",
    "sample size": "ukuran sampel",
    "confidence interval": "selang kepercayaan",
    "standard deviation": "simpangan baku",
    "outlier": "pencilan, atau nilai yang sangat jauh",
    "dashboard": "dasbor",
    "chart": "grafik",
    "headcount index": "persentase penduduk miskin (P0)",
    "poverty gap": "indeks kedalaman kemiskinan",
    "mean": "rata-rata",
    "percentage point": "poin persen",
}

#: Words written in capitals on purpose (acronyms and the synthetic-data notice).
CAPITALS = {"AMPUNKU", "BPS", "RSUD", "SSGI", "SIRUSA", "PPGBM", "WHO", "HSS", "DTKS", "DTSEN", "NIK", "LMS",
            "DATA", "SINTETIS", "SUSENAS", "EYD"}

MONTHS = "Jan|Feb|Mar|Apr|Mei|Jun|Jul|Agu|Agt|Sep|Okt|Nov|Des"

RULES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\d[\d.,]*\s+%"), "tulis persen menempel pada angka: 4,54%"),
    (re.compile(r"\bRp\s+\d{1,3}"), "tulis Rp menempel pada angka: Rp644.107"),
    (re.compile(r"(?<![\d.,])\d+\.\d{1,2}(?![\d.,])"), "pakai koma untuk desimal: 0,5"),
    (re.compile(r"\d{1,3},\d{3},\d{3}"), "pakai titik untuk ribuan: 1.234.567"),
    (re.compile(rf"\b(?:{MONTHS})\s\d{{2}}\b(?!\d)"), "tulis tahun lengkap: Mei 2025"),
    (re.compile(r"\b(?:naik|turun)\s+(?:sekitar\s+)?0(?:,0+)?\s?%"),
     "perubahan 0,0% tidak bermakna: tulis 'tidak berubah' atau 'kurang dari 0,1%'"),
    (re.compile(r"\brt\b"), "RT ditulis dengan huruf kapital"),
    (re.compile(r"\b([^\W\d_]{2,})\s+\1\b", re.IGNORECASE), "kata ganda: hapus salah satu"),
    (re.compile(r"\s[,.;:!?](?!\d)"), "tanpa spasi sebelum tanda baca"),
    (re.compile(r"[^\s] {2,}[^\s]"), "satu spasi saja di antara kata"),
]


#: Tags that start a new block of text (a heading, a list item, a table cell): their texts never run on.
BLOCKS = r"h[1-6]|p|li|ul|ol|div|section|header|nav|dt|dd|dl|tr|td|th|caption|table|br|summary|details"


def plain_text(markup: str) -> str:
    """The text of an HTML fragment, one line per block (heading, paragraph, item, cell).

    Inline tags (``<strong>``, ``<span>`` ...) are dropped without a space, so "**5**." stays "5.".
    """
    text = re.sub(r"<(script|style)\b.*?</\1>", "\n", markup, flags=re.S | re.I)
    text = re.sub(rf"</?(?:{BLOCKS})\b[^>]*>", "\n", text, flags=re.I)
    text = re.sub(r"<[^>]+>", "", text)
    lines = (re.sub(r"[ \t\r\f\v]+", " ", line).strip() for line in html.unescape(text).split("\n"))
    return "\n".join(line for line in lines if line)


def problems(text: str) -> list[str]:
    """The Indonesian-writing problems of ``text``, each as ``'"what": how to fix it'``.

    Each line is checked on its own (see :func:`plain_text`).
    """
    return [p for line in text.split("\n") for p in _line_problems(line)]


def _line_problems(text: str) -> list[str]:
    found = []
    for pattern, fix in RULES:
        for match in pattern.finditer(text):
            found.append(f'"{match.group(0).strip()}": {fix}')
    lowered = text.lower()
    for term, better in ENGLISH_TERMS.items():
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", lowered):
            found.append(f'"{term}": istilah Inggris; tulis: {better}')
    for word in re.findall(r"\b[A-Z]{4,}\b", text):
        if word not in CAPITALS:
            found.append(f'"{word}": huruf kapital semua; tebalkan, jangan kapitalkan')
    return found
