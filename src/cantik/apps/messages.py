"""What a visitor is told when something goes wrong: the status line and the callback wrapper.

Callbacks are wrapped by :func:`safe_callback`: a :class:`UserInputError` shows its own Indonesian message;
a data loader error shows the loader's message; any other exception shows :data:`GENERIC_ERROR` and its
traceback goes to the server log (never to the visitor). An ``on_failure`` hook lets the app take its
results off the screen, so that a failed update never leaves the previous result standing.
"""

from __future__ import annotations

import functools
import html
import logging
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import ipywidgets as widgets

from cantik.errors import DataFormatError, DataNotFoundError

F = TypeVar("F", bound=Callable[..., Any])

log = logging.getLogger("cantik.apps")
if not log.handlers:
    # In a Voilà kernel, sys.__stderr__ is the kernel process's stderr: the server log, not the page.
    _handler = logging.StreamHandler(sys.__stderr__)
    _handler.setFormatter(logging.Formatter("[cantik.apps] %(levelname)s %(message)s"))
    log.addHandler(_handler)
    log.setLevel(logging.INFO)
    log.propagate = False

#: Shown when a callback fails for a reason the visitor cannot fix: what happened, and what to do.
GENERIC_ERROR = (
    "Maaf, hasil untuk pilihan ini tidak dapat dihitung. Isian Anda tidak hilang: ubah salah satu pilihan, "
    "atau muat ulang halaman."
)

#: Errors of the data loader: their messages are Indonesian and say what to do.
DATA_ERRORS = (DataNotFoundError, DataFormatError)


class UserInputError(ValueError):
    """An input the visitor can correct; its message (Indonesian) is shown as-is."""


def user_error(exc: ValueError) -> UserInputError:
    """Turn a ``ValueError`` of :mod:`cantik.indicators` (Indonesian message) into a visitor message."""
    return UserInputError(str(exc))


class Status(widgets.HTML):
    """A line for short messages to the visitor (empty when all is well)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(value="", **kwargs)
        self.add_class("cantik-status")
        self.kind = ""

    def show(self, message: str, kind: str = "warning") -> None:
        """Show ``message``; ``kind`` is ``"warning"`` (fixable input) or ``"error"``."""
        self.kind = kind
        icon = "⚠️" if kind == "warning" else "❌"
        self.value = (
            f'<div role="alert" class="cantik-msg cantik-msg-{kind}">{icon} {html.escape(message)}</div>'
        )

    def clear(self) -> None:
        """Remove any message."""
        self.kind = ""
        self.value = ""

    @property
    def message(self) -> str:
        """The shown message as plain text (empty when none)."""
        if not self.value:
            return ""
        text = self.value.split(">", 1)[1].rsplit("<", 1)[0]
        return html.unescape(text.split(" ", 1)[1])


def safe_callback(status: Status, on_failure: Callable[[], None] | None = None) -> Callable[[F], F]:
    """Decorate a widget callback so that no exception reaches the visitor as a traceback.

    On success the status line is cleared. A :class:`UserInputError` shows its message; any other
    exception shows :data:`GENERIC_ERROR` and logs the traceback to the server log. On any failure
    ``on_failure()`` runs (an app clears its chart and summary there). The callback returns ``None`` when
    it failed.

    Examples
    --------
    >>> status = Status()
    >>> @safe_callback(status)
    ... def update(change=None):
    ...     raise UserInputError("Umur harus antara 0 dan 60 bulan.")
    >>> update()
    >>> status.message
    'Umur harus antara 0 dan 60 bulan.'
    """

    def decorate(fn: F) -> F:
        @functools.wraps(fn)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                result = fn(*args, **kwargs)
            except UserInputError as exc:
                _failed(on_failure)
                status.show(str(exc), "warning")
                return None
            except DATA_ERRORS as exc:
                log.warning("data not available: %s", exc)
                _failed(on_failure)
                status.show(str(exc), "error")
                return None
            except Exception:
                log.exception("callback %s failed", getattr(fn, "__qualname__", fn))
                _failed(on_failure)
                status.show(GENERIC_ERROR, "error")
                return None
            status.clear()
            return result

        return wrapper  # type: ignore[return-value]

    return decorate


def _failed(on_failure: Callable[[], None] | None) -> None:
    """Run the failure hook; if even that fails, log it (the message to the visitor is shown anyway)."""
    if on_failure is None:
        return
    try:
        on_failure()
    except Exception:
        log.exception("clearing the results after a failure failed")
