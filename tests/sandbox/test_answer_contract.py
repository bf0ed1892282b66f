"""One answer contract: whatever ``cek()`` accepts crosses the grader's transport and gets the same verdict.

Property-based (hypothesis): answer shapes a learner may hold — scalars, numpy scalars and arrays, lists,
tuples, sets, dicts with number or text keys, Series and DataFrames with any index — are sent through the
real transport (the kernel-side extraction code of :mod:`cantik.sandbox.answers`, run here, and the
grader's decode), and

* everything ``cek`` can read (``ke_polos`` does not refuse it) arrives as a value that converts to the same
  plain answer;
* for real questions of every answer kind, the hidden test run in the grader on the decoded value
  (``run_test`` with the test cell's own source) passes exactly when ``periksa`` says right, and fails with
  ``periksa``'s own message and catalogue ids.
"""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from cantik.authoring.cells import tes
from cantik.checks import periksa
from cantik.checks.core import ambil, ke_json
from cantik.checks.mistakes import tandai
from cantik.checks.plain import Deret, JawabanDitolak, Tabel, ke_polos
from cantik.sandbox.answers import run_test, through_transport

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _plain(value: Any) -> str | None:
    """The plain answer ``cek`` reads, as canonical JSON (NaN-safe), or ``None`` when ``cek`` refuses it."""
    try:
        return json.dumps(ke_json(ke_polos(value)), sort_keys=True)
    except JawabanDitolak:
        return None


# ── answer shapes ─────────────────────────────────────────────────────────────────────────────────────
texts = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=8)
ints = st.integers(-(2**53), 2**53)
floats = st.floats(allow_nan=True, allow_infinity=True)
np_scalars = st.one_of(ints.map(np.int64), st.integers(-1000, 1000).map(np.int32),
                       floats.map(np.float64), st.floats(width=32).map(np.float32),
                       st.booleans().map(np.bool_), texts.map(np.str_))
pd_scalars = st.one_of(st.just(pd.NA), st.just(pd.NaT),
                       st.datetimes().map(pd.Timestamp),
                       st.integers(2000, 2030).map(lambda y: pd.Period(f"{y}-03", freq="M")),
                       st.integers(0, 80).map(lambda a: pd.Interval(a, a + 5, closed="left")))
scalars = st.one_of(st.none(), st.booleans(), ints, floats, texts, np_scalars, pd_scalars)
keys = st.one_of(ints, texts, st.floats(allow_nan=False), st.booleans(), st.tuples(ints, texts),
                 np_scalars.filter(lambda v: not (isinstance(v, np.floating) and np.isnan(v))))


def _index(n: int) -> st.SearchStrategy[pd.Index]:
    return st.one_of(
        st.just(pd.RangeIndex(n)),
        st.lists(ints, min_size=n, max_size=n, unique=True).map(pd.Index),
        st.lists(texts, min_size=n, max_size=n, unique=True).map(pd.Index),
        st.lists(texts, min_size=n, max_size=n, unique=True).map(pd.CategoricalIndex),
        st.just(pd.date_range("2024-07-01", periods=n, freq="MS")),
        st.just(pd.period_range("2024-07", periods=n, freq="M")),
        st.lists(st.tuples(st.integers(1, 30), st.sampled_from("LP")), min_size=n, max_size=n, unique=True)
        .map(lambda t: pd.MultiIndex.from_tuples(t, names=["rt", "jk"])),
    )


def _column(n: int) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.lists(ints, min_size=n, max_size=n).map(lambda v: pd.array(v, dtype="int64")),
        st.lists(floats, min_size=n, max_size=n).map(lambda v: np.array(v, dtype=float)),
        st.lists(st.one_of(st.none(), st.integers(-5, 5)), min_size=n, max_size=n)
        .map(lambda v: pd.array(v, dtype="Int64")),
        st.lists(texts, min_size=n, max_size=n).map(lambda v: pd.Categorical(v)),
        st.lists(st.one_of(st.none(), texts), min_size=n, max_size=n)
        .map(lambda v: np.array(v, dtype=object)),
        st.lists(st.booleans(), min_size=n, max_size=n).map(lambda v: np.array(v, dtype=bool)),
        st.lists(st.datetimes(), min_size=n, max_size=n).map(lambda v: pd.to_datetime(v).to_numpy()),
    )


@st.composite
def series(draw: st.DrawFn) -> pd.Series:
    n = draw(st.integers(0, 5))
    name = draw(st.one_of(st.none(), texts, ints, st.booleans().map(np.bool_)))
    return pd.Series(draw(_column(n)), index=draw(_index(n)), name=name)


@st.composite
def frames(draw: st.DrawFn) -> pd.DataFrame:
    n = draw(st.integers(0, 4))
    k = draw(st.integers(1, 3))
    cols = draw(st.lists(st.one_of(texts, st.integers(0, 9)), min_size=k, max_size=k, unique=True))
    data = {c: pd.Series(draw(_column(n)), index=pd.RangeIndex(n)) for c in cols}
    frame = pd.DataFrame(data)
    frame.index = draw(_index(n))
    return frame


answers = st.recursive(
    st.one_of(scalars, series(), frames(),
              hnp.arrays(st.sampled_from([np.int64, np.float64, np.bool_, np.dtype("<U3")]),
                         hnp.array_shapes(max_dims=2, max_side=4))),
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.lists(inner, max_size=4).map(tuple),
                            st.sets(keys, max_size=4), st.frozensets(keys, max_size=3),
                            st.dictionaries(keys, inner, max_size=4)),
    max_leaves=12,
)


@SETTINGS
@given(answers)
def test_what_cek_reads_crosses_the_transport_unchanged(value: Any) -> None:
    before = _plain(value)
    if before is None:
        return  # cek refuses it too (a value it cannot read safely): both sides refuse
    after = through_transport({"jawaban": value})["jawaban"]
    assert _plain(after) == before


# ── same verdict as cek on real questions of every kind ──────────────────────────────────────────────
#: one question per answer kind: number, per-group values (number and text labels), text, multiple choice,
#: set of labels, table, metadata dict
SOAL = ["2a", "4a", "1d", "4g", "3f", "3e", "6h", "4h", "5i", "7g", "8f"]


def _learner_shapes(plain: Any, draw: st.DrawFn) -> Any:
    """A learner-shaped answer holding (a perturbation of) ``plain``."""
    wrong = draw(st.booleans())
    if isinstance(plain, Deret):
        values = [v * draw(st.sampled_from([1.0, 1.5])) if wrong and isinstance(v, int | float) else v
                  for v in plain.nilai]
        labels = list(plain.label)
        shape = draw(st.sampled_from(["dict", "series", "frame", "list", "str-keys"]))
        if shape == "dict":
            return dict(zip(labels, values, strict=True))
        if shape == "str-keys":
            return {str(k): v for k, v in zip(labels, values, strict=True)}
        if shape == "list":
            return values
        s = pd.Series(values, index=pd.Index(labels, name="kelompok"), name="nilai")
        return s if shape == "series" else s.reset_index()
    if isinstance(plain, Tabel):
        frame = pd.DataFrame(list(plain.baris), columns=list(plain.kolom))
        if wrong:
            frame = frame.iloc[:-1]
        return frame.set_index(frame.columns[0]) if draw(st.booleans()) else frame
    if isinstance(plain, list | tuple) and all(isinstance(v, str | int) for v in plain):
        items = list(plain) if not wrong else [*plain, "lain"]
        shape = draw(st.sampled_from([list, tuple, set, np.array, pd.Series]))
        return shape(items)
    if isinstance(plain, tuple):  # metadata keys: a dict of texts
        return {k: ("..." if wrong and k == plain[0] else f"Isian {k} yang lengkap untuk data sintetis")
                for k in plain}
    if isinstance(plain, str):
        return draw(st.sampled_from([plain, plain.lower(), f"({plain})", "Z"]))
    x = float(plain) * (1.37 if wrong else 1.0)
    shape = draw(st.sampled_from([float, np.float64, np.float32, lambda v: [v], lambda v: pd.Series([v]),
                                  lambda v: np.array([v]), str]))
    return shape(x)


@st.composite
def question_answers(draw: st.DrawFn) -> tuple[str, Any]:
    sid = draw(st.sampled_from(SOAL))
    return sid, _learner_shapes(ambil(sid).nilai_harapan(), draw)


@SETTINGS
@given(question_answers())
def test_hidden_test_in_the_grader_agrees_with_cek(case: tuple[str, Any]) -> None:
    sid, value = case
    hasil = periksa(sid, value)
    source = "".join(tes("sel-uji", sid, "jawaban")["source"])  # the test cell as the master notebook has it
    _, error = run_test(source, through_transport({"jawaban": value}))
    assert (error is None) == hasil.benar, (sid, value, hasil, error)
    if error is not None:
        assert error["evalue"] == tandai(f"Soal {sid}: {hasil.pesan}", hasil.kode)


@pytest.mark.parametrize("value", [
    {3: 91.5, 7: 88.0}, {"3": 91.5}, {"P1", "P2"}, ("P1", "P2"), np.array([1.5, 2.5]), np.int64(7),
    pd.Series([1.5], index=pd.CategoricalIndex(["a"])),
    pd.DataFrame({"x": [1]}, index=pd.Index([5], name="rt")),
])
def test_beginner_shapes_are_not_refused_by_the_transport(value: Any) -> None:
    """The shapes graded 0 before (dict keyed by RT number, a set) arrive as the same answer."""
    assert _plain(through_transport({"jawaban": value})["jawaban"]) == _plain(value) is not None
