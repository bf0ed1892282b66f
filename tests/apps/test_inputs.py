"""Numbers in and out, the Indonesian way: the one input parser and the formatting of every app."""

from __future__ import annotations

import pytest

from cantik.apps.formatting import format_number, format_percent, format_rupiah, format_typed, signed
from cantik.apps.inputs import parse_number
from cantik.apps.messages import UserInputError


@pytest.mark.parametrize(("text", "expected"), [
    ("1.000", 1000.0),  # a thousand, as Indonesians write it (the bug: read as 1)
    ("12.500", 12500.0),
    ("1.234.567", 1234567.0),
    ("1.234,5", 1234.5),
    ("1,5", 1.5),  # one and a half
    ("85,5", 85.5),
    ("0,25", 0.25),
    ("85.5", 85.5),  # a dot before one or two digits can only be a decimal point
    ("4.54", 4.54),
    ("0.500", 0.5),  # "0.500" cannot be thousands (no group starts with 0)
    (" 90 ", 90.0),
    ("1 000", 1000.0),
    ("−0,5", -0.5),
    ("-12", -12.0),
    ("+3", 3.0),
    (7, 7.0),
    (2.5, 2.5),
])
def test_parse_number_reads_indonesian_numbers(text: str | float, expected: float) -> None:
    assert parse_number(text, "Isian") == expected


def test_parse_number_takes_a_percent_sign_only_where_asked() -> None:
    assert parse_number("4,54%", "Angka awal", percent=True) == 4.54
    assert parse_number("4,54 %", "Angka awal", percent=True) == 4.54
    with pytest.raises(UserInputError, match="harus berupa angka"):
        parse_number("84%", "Tinggi badan")


@pytest.mark.parametrize(("text", "message"), [
    ("1,000", "bisa dibaca dua cara: 1.000 (titik untuk ribuan) atau 1 (koma untuk desimal)"),
    ("12,500", "bisa dibaca dua cara: 12.500 (titik untuk ribuan) atau 12,5 (koma untuk desimal)"),
    ("1,234.5", "pakai titik hanya untuk ribuan dan koma hanya untuk desimal"),
    ("1.00.0", "harus berupa angka"),
    ("12.34.567", "harus berupa angka"),
    ("1,2,3", "harus berupa angka"),
    ("", "belum diisi"),
    ("   ", "belum diisi"),
    ("abc", "harus berupa angka"),
    ("inf", "harus berupa angka"),
    ("nan", "harus berupa angka"),
    (float("inf"), "angka biasa"),
    (True, "harus berupa angka"),
])
def test_parse_number_refuses_ambiguous_and_broken_forms(text: str | float, message: str) -> None:
    with pytest.raises(UserInputError, match=message.replace("(", r"\(").replace(")", r"\)")) as refused:
        parse_number(text, "Angka awal")
    assert str(refused.value).startswith("Angka awal")  # names the field


def test_every_app_input_uses_the_one_parser() -> None:
    """No app parses typed numbers on its own: float() of a widget value, or a second parser."""
    import ast
    from pathlib import Path

    import cantik.apps

    folder = Path(cantik.apps.__file__).parent
    for path in folder.glob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            own_parser = isinstance(node, ast.FunctionDef) and node.name.startswith("parse")
            if own_parser and path.name != "inputs.py":
                pytest.fail(f"{path.name} defines its own parser {node.name}")
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float"
                    and node.args and isinstance(node.args[0], ast.Attribute) and node.args[0].attr == "value"
                    and isinstance(node.args[0].value, ast.Attribute)
                    and node.args[0].value.attr in {"height", "before", "after"}):
                pytest.fail(f"{path.name} reads a typed number with float(): use inputs.parse_number")


def test_formatting_is_eyd() -> None:
    assert format_number(1234567.891, 2) == "1.234.567,89"
    assert format_number(-0.001, 2) == "0,00"  # never "-0,00"
    assert format_number(float("nan")) == "–"
    assert format_percent(4.54, 2) == "4,54%"
    assert format_rupiah(644_107) == "Rp644.107"
    assert format_rupiah(1_234_567, round_to=3) == "Rp1.235.000"
    assert signed(-0.53, 2) == "−0,53" and signed(11.68, 1) == "+11,7" and signed(0.01, 1) == "0,0"
    assert format_typed(0.001) == "0,001" and format_typed(4.5) == "4,5" and format_typed(1000) == "1.000"
    # What is shown can be typed back and gives the same number.
    for value in (0.001, 4.54, 1000.0, 12500.75, 99.99):
        assert parse_number(format_typed(value), "x") == value
