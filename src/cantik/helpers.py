"""Small helpers shared by every layer: Indonesian numbers, spreadsheet column letters, files written whole
(atomic, or private to their owner), and figures as HTML ``<img>`` elements.

Only the standard library is imported here (matplotlib only inside :func:`figure_img`, on a figure the
caller already made), so even the lightest module may use these.
"""

from __future__ import annotations

import base64
import contextlib
import html
import io
import math
import os
import secrets
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any


# ── numbers ──────────────────────────────────────────────────────────────────────────────────────
def format_number(value: float | None, decimals: int = 0) -> str:
    """Format ``value`` the Indonesian way (EYD): dot for thousands, comma for decimals.

    A missing or non-finite value is shown as a dash.

    Examples
    --------
    >>> format_number(1234567.891, 2)
    '1.234.567,89'
    >>> format_number(-0.53, 2)
    '-0,53'
    >>> format_number(float("nan"))
    '–'
    >>> format_number(-0.001, 2)  # rounds to zero: no minus sign
    '0,00'
    """
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "–"
    if round(value, decimals) == 0:
        value = 0.0
    text = f"{value:,.{decimals}f}"
    return text.replace(",", "_").replace(".", ",").replace("_", ".")


def daftar_kata(items: list[str]) -> str:
    """Indonesian list of words: "A", "A dan B", "A, B dan C".

    Examples
    --------
    >>> daftar_kata(["Taluk Haur"]), daftar_kata(["Taluk Haur", "Gambah Luar"])
    ('Taluk Haur', 'Taluk Haur dan Gambah Luar')
    >>> daftar_kata(["Kandangan Utara", "Taluk Haur", "Gambah Luar"])
    'Kandangan Utara, Taluk Haur dan Gambah Luar'
    """
    if len(items) < 2:
        return "".join(items)
    return ", ".join(items[:-1]) + " dan " + items[-1]


def column_letter(number: int) -> str:
    """Spreadsheet name of the 1-based column ``number`` (A … Z, AA …).

    Examples
    --------
    >>> column_letter(1), column_letter(26), column_letter(28)
    ('A', 'Z', 'AB')
    """
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


# ── files ────────────────────────────────────────────────────────────────────────────────────────
@contextlib.contextmanager
def open_atomic(path: str | os.PathLike[str], mode: int = 0o644,
                newline: str | None = None) -> Iterator[IO[str]]:
    """Open a new file beside ``path`` for writing; on success it replaces ``path`` in one step.

    A crash or an error leaves the old file as it was, never half a file. ``mode`` is set when the new file
    is created (``0o600``: readable by its owner only, from the first byte).

    Examples
    --------
    >>> import tempfile
    >>> target = Path(tempfile.mkdtemp()) / "status.json"
    >>> with open_atomic(target) as fh:
    ...     _ = fh.write("{}")
    >>> target.read_text()
    '{}'
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
    try:
        os.fchmod(fd, mode)  # whatever the umask
        with os.fdopen(fd, "w", encoding="utf-8", newline=newline) as fh:
            yield fh
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def write_atomic(path: str | os.PathLike[str], text: str, mode: int = 0o644) -> None:
    """Write ``text`` to ``path`` whole or not at all (see :func:`open_atomic`)."""
    with open_atomic(path, mode) as fh:
        fh.write(text)


def write_secret(path: str | os.PathLike[str], text: str) -> None:
    """Write ``text`` (a password, a database URL with its password) readable by its owner only (0600)."""
    write_atomic(path, text, mode=0o600)


# ── figures ──────────────────────────────────────────────────────────────────────────────────────
def figure_img(fig: Any, alt: str, fmt: str = "png", close: bool = False, **attrs: str) -> str:
    """A matplotlib figure as an ``<img>`` element with its data inline and ``alt`` as its text.

    ``fmt`` is ``"png"`` (96 dpi, tight) or ``"svg"`` (no time stamp: the same figure gives the same
    bytes); ``attrs`` are further attributes (``class_`` for ``class``); ``close`` closes the figure.

    Examples
    --------
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> fig, ax = plt.subplots()
    >>> figure_img(fig, "Nilai per modul", close=True)[:42]
    '<img src="data:image/png;base64,iVBORw0KGg'
    """
    buf = io.BytesIO()
    if fmt == "svg":
        fig.savefig(buf, format="svg", metadata={"Date": None})
        mime = "image/svg+xml"
    else:
        fig.savefig(buf, format="png", dpi=96, bbox_inches="tight")
        mime = "image/png"
    if close:
        import matplotlib.pyplot as plt

        plt.close(fig)
    data = base64.b64encode(buf.getvalue()).decode("ascii")
    cls = f' class="{html.escape(attrs.pop("class_"), quote=True)}"' if "class_" in attrs else ""
    extra = "".join(f' {k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())
    return f'<img{cls} src="data:{mime};base64,{data}" alt="{html.escape(alt, quote=True)}"{extra}>'
