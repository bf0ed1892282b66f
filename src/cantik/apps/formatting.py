"""Numbers written the Indonesian way (EYD) in everything the apps show: text, alt texts and chart ticks.

Built on the shared :func:`cantik.helpers.format_number` (re-exported here for the apps).

Dot for thousands, comma for decimals; the percent sign and ``Rp`` written against the number ("4,54%",
"Rp644.107"); a true minus sign (−) for negative changes.

Examples
--------
>>> format_percent(4.54, 2), format_rupiah(644_107), signed(-0.53, 2)
('4,54%', 'Rp644.107', '−0,53')
"""

from __future__ import annotations

import math

from cantik.helpers import format_number

__all__ = ["NO_VALUE", "format_number", "format_percent", "format_rupiah", "format_typed", "signed"]

#: Shown where a number cannot be computed (NaN, infinity, missing): what ``format_number`` shows.
NO_VALUE = format_number(None)


def format_percent(value: float | None, decimals: int = 1) -> str:
    """A percentage with its sign written against the number (EYD): ``'4,54%'``.

    Examples
    --------
    >>> format_percent(11.678, 1)
    '11,7%'
    """
    text = format_number(value, decimals)
    return text if text == NO_VALUE else text + "%"


def format_rupiah(value: float | None, round_to: int = 0) -> str:
    """Rupiah with ``Rp`` against the number (EYD); ``round_to=3`` rounds to the thousand.

    Examples
    --------
    >>> format_rupiah(1_234_567, round_to=3)
    'Rp1.235.000'
    """
    if value is None or not math.isfinite(value):
        return NO_VALUE
    return "Rp" + format_number(round(value, -round_to) if round_to else value)


def signed(value: float | None, decimals: int) -> str:
    """A change with its sign: ``+`` for a rise, a true minus ``−`` for a fall, none for zero.

    Zero is judged after rounding, so a tiny change is not shown as "+0,0".

    Examples
    --------
    >>> signed(0.53, 2), signed(-11.67, 1), signed(0.001, 1)
    ('+0,53', '−11,7', '0,0')
    """
    if value is None or not math.isfinite(value):
        return NO_VALUE
    text = format_number(abs(value), decimals)
    if round(value, decimals) == 0:
        return text
    return ("+" if value > 0 else "−") + text


def format_typed(value: float, max_decimals: int = 4) -> str:
    """A number as a visitor would type it: no trailing zeros (``4,5``, ``0,001``, ``1.000``).

    Examples
    --------
    >>> format_typed(4.5), format_typed(0.001), format_typed(1000.0)
    ('4,5', '0,001', '1.000')
    """
    text = format_number(value, max_decimals)
    if "," in text:
        text = text.rstrip("0").rstrip(",")
    return text
