"""Kalkulator stunting: driven by setting widget values, checked against cantik.indicators."""

from __future__ import annotations

import datetime as dt

import pytest

from cantik import indicators as ind
from cantik.apps.charts import output_alt
from cantik.apps.formatting import signed
from cantik.apps.stunting import StuntingApp, years_before


@pytest.fixture
def app() -> StuntingApp:
    return StuntingApp()


def test_default_inputs_give_a_result(app: StuntingApp) -> None:
    assert app.status.message == ""
    assert app.measured.value == dt.date.today()  # not a fixed date in the past (issue 21)
    assert (app.measured.value - app.dob.value).days in (730, 731)
    assert app.result is not None
    expected = ind.height_for_age_z("L", app.dob.value, app.measured.value, 84.0)
    assert app.result.z == expected
    assert app.result.category == ind.stunting_category(expected)
    assert "Kategori" in app.summary.value
    assert "Bukan diagnosis medis" in app.summary.value
    assert output_alt(app.chart).startswith("Grafik: nilai z")


def test_changing_height_updates_z_category_chart_and_summary(app: StuntingApp) -> None:
    before_chart, before_summary = app.chart.outputs, app.summary.value
    app.sex.value = "P"
    app.height.value = "78,0"
    z = ind.height_for_age_z("P", app.dob.value, app.measured.value, 78.0)
    assert app.result.z == z
    assert app.result.category == ind.stunting_category(z) == "pendek"
    assert app.chart.outputs != before_chart
    assert app.summary.value != before_summary
    assert signed(z, 2) in app.summary.value
    assert "Pendek (stunting)" in app.summary.value and "stunted" not in app.summary.value


def test_measure_choice_is_passed_to_anthro(app: StuntingApp) -> None:
    app.measure.value = "H"
    standing = app.result.z
    app.measure.value = "L"
    lying = app.result.z
    assert standing != lying


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("height", "abc", "harus berupa angka"),
        ("height", "", "belum diisi"),
        ("height", "300", "tidak masuk akal"),
        ("height", "-5", "tidak masuk akal"),
        ("height", "45", "di luar ±6"),
        ("height", "1,000", "bisa dibaca dua cara"),
        ("height", "1.000", "tidak masuk akal"),  # a thousand centimetres
        ("dob", None, "Tanggal lahir belum diisi"),
        ("dob", dt.date(2015, 1, 1), "60 bulan"),
        ("dob", dt.date.today() + dt.timedelta(days=10), "masa depan"),
    ],
)
def test_impossible_inputs_show_a_message_and_keep_the_inputs(
    app: StuntingApp, field: str, value: object, message: str
) -> None:
    getattr(app, field).value = value
    assert message in app.status.message
    assert app.status.kind == "warning"
    assert app.result is None
    assert app.chart.outputs == ()  # no stale chart for other inputs
    assert "ditandai" not in app.summary.value and "pesan di atas" in app.summary.value
    assert getattr(app, field).value == value  # nothing lost
    app.height.value = "84"
    if field == "dob":
        app.dob.value = years_before(dt.date.today(), 2)
    assert app.status.message == ""
    assert app.result is not None


def test_measurement_before_birth(app: StuntingApp) -> None:
    app.measured.value = dt.date(2022, 1, 1)
    assert "lebih awal dari tanggal lahir" in app.status.message
