""""Coba ini": one concrete challenge per app, predict first, then see the answer the data give.

The visitor reads a question, picks a guess, and only then can ask for the answer. Revealing sets the
app's controls to the situation asked about (so the chart shows it) and compares the guess with the answer
computed from the data at that moment: never a typed-in answer.

Examples
--------
>>> c = Challenge("Berapa 2 + 2?", [("3", "3"), ("4", "4")],
...               lambda: Answer("4", "Dua ditambah dua sama dengan empat."))
>>> c.reveal()                     # no guess yet: the visitor is asked to guess first
>>> c.status.message
'Pilih dulu tebakan Anda, lalu tekan tombolnya.'
>>> c.guess.value = "3"
>>> c.reveal()
>>> c.correct, "kurang tepat" in c.result.value
(False, True)
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import NamedTuple

import ipywidgets as widgets

from cantik.apps.layout import bold, button, labelled
from cantik.apps.messages import Status, UserInputError, safe_callback


class Answer(NamedTuple):
    """The answer of a challenge: the key of the right option and why (computed from the data)."""

    key: str
    explanation: str


class Challenge:
    """A "Coba ini" box: question, guesses, a reveal button, and the answer with its explanation."""

    def __init__(self, question: str, options: list[tuple[str, str]], answer: Callable[[], Answer],
                 action: str = "Lihat jawabannya") -> None:
        self.question = question
        self.options = options
        self._answer = answer
        self.status = Status()
        self.guess = labelled(widgets.RadioButtons(options=options, value=None), "Tebakan Anda")
        self.guess.add_class("cantik-guess")
        self.show = button(action, primary=True)
        self.again = button("Coba lagi")
        self.again.layout.display = "none"
        self.result = widgets.HTML()
        self.correct: bool | None = None
        self.show.on_click(lambda _b: self.reveal())
        self.again.on_click(lambda _b: self.reset())
        self.reveal = safe_callback(self.status, self._clear_result)(self.reveal)  # type: ignore[method-assign]
        self.root = widgets.VBox(
            [widgets.HTML(f'<h2>Coba ini</h2><p class="cantik-question">{bold(html.escape(question))}</p>'),
             self.guess, widgets.Box([self.show, self.again], layout=widgets.Layout(flex_flow="row wrap")),
             self.status, self.result],
            layout=widgets.Layout(width="100%"),
        )
        self.root.add_class("cantik-challenge")

    def reveal(self) -> None:
        """Show the answer, if the visitor has guessed (else ask them to guess first)."""
        if self.guess.value is None:
            raise UserInputError("Pilih dulu tebakan Anda, lalu tekan tombolnya.")
        answer = self._answer()
        labels = dict((key, label) for label, key in self.options)
        self.correct = self.guess.value == answer.key
        verdict = ("✅ Tebakan Anda tepat." if self.correct else
                   f"🤔 Tebakan Anda kurang tepat: jawabannya **{labels[answer.key]}**.")
        self.result.value = (
            f'<div class="cantik-answer" aria-live="polite"><p>{bold(html.escape(verdict))}</p>'
            f"<p>{bold(html.escape(answer.explanation))}</p></div>"
        )
        self.guess.disabled = True
        self.show.layout.display = "none"
        self.again.layout.display = ""

    def reset(self) -> None:
        """Start again: no guess, no answer."""
        self._clear_result()
        self.guess.disabled = False
        self.guess.value = None
        self.show.layout.display = ""
        self.again.layout.display = "none"
        self.status.clear()

    def _clear_result(self) -> None:
        self.correct = None
        self.result.value = ""
