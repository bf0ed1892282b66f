"""Grade export: CSV files and one Excel workbook (one sheet per module, per-question columns, totals).

Headers are Indonesian and readable. Columns per module: ``ID``, ``Nama``, ``Peran``, ``Desa/Kelurahan``,
``Kohort``, one column per graded part (``2a · Rasio jenis kelamin (maks 1)``, see
:mod:`cantik.grading.titles`), ``Total``, ``Nilai maksimum``, ``Persen``, ``Status``. A ``Ringkasan``
sheet (and ``nilai_ringkasan.csv``) gives each learner's percentage per module, 0 for a module not sent
(named in ``Belum mengirim``), so the average and sorting never hide anyone. Trainers of the roster are
never listed.

CSV files follow Excel in Indonesian by default: ``;`` between columns and a decimal comma
(``csv_format="internasional"``: ``,`` and a decimal point). In the workbook every number is a value;
the class-average row is a formula that also carries its computed value, so viewers that do not
recalculate show the number, not 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cantik.grading.course import Course
from cantik.grading.results import WAITING, cell_results
from cantik.grading.roster import load_roster, trainer_ids
from cantik.helpers import column_letter

if TYPE_CHECKING:
    import pandas as pd

INFO_COLUMNS = ["ID", "Nama", "Peran", "Desa/Kelurahan", "Kohort"]
#: CSV dialects: column separator and decimal mark.
CSV_FORMATS = {"indonesia": (";", ","), "internasional": (",", ".")}
#: Internal columns of :func:`module_table` (share of the points graded so far), never exported.
GRADED, GRADED_MAX = "_dinilai", "_maks_dinilai"


def question_column(label: str, max_score: float) -> str:
    """The export header of one graded part.

    Examples
    --------
    >>> question_column("2a · Rasio jenis kelamin", 1.0)
    '2a · Rasio jenis kelamin (maks 1)'
    """
    return f"{label} (maks {max_score:g})"


def module_table(course: Course, modul: str) -> pd.DataFrame:
    """One row per learner in the roster (and anyone else with a submission; never a trainer), with
    per-part scores, totals and the points graded so far (internal columns ``_dinilai``/``_maks_dinilai``).
    """
    import pandas as pd

    from cantik.grading.titles import part_labels

    roster = {x.id: x for x in load_roster(course)}
    trainers = trainer_ids(course)
    labels = part_labels(course, modul)
    with course.gradebook() as gb:
        students = sorted(({s.id for s in gb.students} | set(roster)) - trainers)
        assignment = gb.find_assignment(modul)
        questions = [
            (nb.name, gc.name, float(gc.max_score)) for nb in assignment.notebooks for gc in nb.grade_cells
        ]
        submitted = {s.student.id for s in assignment.submissions}
    records = []
    for sid in students:
        info = roster.get(sid)
        row: dict[str, object] = {
            "ID": sid,
            "Nama": info.nama if info else "",
            "Peran": info.peran if info else "",
            "Desa/Kelurahan": info.desa if info else "",
            "Kohort": info.kohort if info else "",
        }
        results = (
            {(r.notebook, r.grade_id): r for r in cell_results(course, modul, sid)}
            if sid in submitted
            else {}
        )
        for nb, gid, mx in questions:
            r = results.get((nb, gid))
            row[question_column(labels.get((nb, gid), gid), mx)] = r.score if r is not None else None
        maximum = sum(mx for _, _, mx in questions)
        total = sum(r.score or 0 for r in results.values())
        row["Total"] = total if results else None
        row["Nilai maksimum"] = maximum
        row["Persen"] = round(100 * total / maximum, 1) if results and maximum else None
        if not results:
            row["Status"] = "belum mengirim"
        elif any(r.status == WAITING for r in results.values()):
            row["Status"] = WAITING
        else:
            row["Status"] = "lengkap"
        graded = [r for r in results.values() if r.status != WAITING]
        row[GRADED] = sum(r.score or 0 for r in graded) if results else None
        row[GRADED_MAX] = sum(r.max_score for r in graded) if results else None
        records.append(row)
    return pd.DataFrame.from_records(records)


def _public(table: pd.DataFrame) -> pd.DataFrame:
    return table[[c for c in table.columns if not str(c).startswith("_")]]


@dataclass
class ExportResult:
    csv_files: list[Path] = field(default_factory=list)
    excel: Path | None = None

    def summary(self) -> str:
        if self.excel is None:
            return "Belum ada modul di buku nilai.\nLangkah berikutnya: `cantik kelas rilis MODUL`."
        return (
            f"Nilai diekspor: {self.excel} (satu lembar per modul + Ringkasan) dan "
            f"{len(self.csv_files)} berkas CSV di {self.excel.parent}."
        )


def export_grades(course: Course, folder: str | Path | None = None, *,
                  csv_format: str = "indonesia") -> ExportResult:
    """Write ``nilai_<modul>.csv``, ``nilai_ringkasan.csv`` and ``nilai_kelas.xlsx`` into ``folder``.

    Examples
    --------
    >>> export_grades(Course.open()).excel  # doctest: +SKIP
    PosixPath('.../grading/ekspor/nilai_kelas.xlsx')
    """
    from cantik.grading.titles import module_title

    sep, decimal = CSV_FORMATS[csv_format]
    out = Path(folder) if folder else course.grading_dir / "ekspor"
    out.mkdir(parents=True, exist_ok=True)
    with course.gradebook() as gb:
        moduls = sorted(a.name for a in gb.assignments)
    result = ExportResult()
    if not moduls:
        return result
    tables = {m: _public(module_table(course, m)) for m in moduls}
    for modul, table in tables.items():
        path = out / f"nilai_{modul}.csv"
        table.to_csv(path, index=False, encoding="utf-8-sig", sep=sep, decimal=decimal)
        result.csv_files.append(path)
    summary = summary_table(tables, {m: module_title(course, m) for m in moduls})
    path = out / "nilai_ringkasan.csv"
    summary.to_csv(path, index=False, encoding="utf-8-sig", sep=sep, decimal=decimal)
    result.csv_files.append(path)
    result.excel = out / "nilai_kelas.xlsx"
    _write_workbook(result.excel, summary, tables)
    return result


def summary_table(tables: dict[str, pd.DataFrame], titles: dict[str, str]) -> pd.DataFrame:
    """Each learner's percentage per module (0 when not sent), the average, and the modules not sent."""
    summary = None
    missing: dict[str, list[str]] = {}
    for modul, table in tables.items():
        column = f"{titles.get(modul, modul)} (%)"
        part = table[[*INFO_COLUMNS, "Persen"]].rename(columns={"Persen": column})
        for sid in table.loc[table["Status"] == "belum mengirim", "ID"]:
            missing.setdefault(sid, []).append(titles.get(modul, modul))
        summary = part if summary is None else summary.merge(part, on=INFO_COLUMNS, how="outer")
    assert summary is not None
    pct = [c for c in summary.columns if c.endswith("(%)")]
    summary[pct] = summary[pct].fillna(0.0)
    summary["Rata-rata (%)"] = summary[pct].mean(axis=1).round(1)
    summary["Belum mengirim"] = summary["ID"].map(lambda sid: "; ".join(missing.get(sid, [])))
    return summary


def _write_workbook(path: Path, summary: pd.DataFrame, tables: dict[str, pd.DataFrame]) -> None:
    """One sheet per module and a Ringkasan sheet; the class-average row carries formula and value."""
    import pandas as pd

    with pd.ExcelWriter(path, engine="xlsxwriter") as writer:
        bold = writer.book.add_format(
            {"bold": True, "text_wrap": True, "valign": "top", "bg_color": "#EEF2F7"}
        )
        for name, table in [("Ringkasan", summary), *tables.items()]:
            sheet = name[:31]
            table.to_excel(writer, sheet_name=sheet, index=False)
            ws = writer.sheets[sheet]
            for col, header in enumerate(table.columns):
                ws.write(0, col, header, bold)
                ws.set_column(col, col, max(10, min(28, len(str(header)) + 2)))
            ws.freeze_panes(1, 2)
            if name == "Ringkasan":
                continue
            n = len(table)
            ws.write(n + 1, 0, "Rata-rata kelas (yang mengirim)", bold)
            for col in range(len(INFO_COLUMNS), table.columns.get_loc("Persen") + 1):
                letter = column_letter(col + 1)  # xlsxwriter counts columns from 0
                mean = pd.to_numeric(table.iloc[:, col], errors="coerce").mean()
                value = round(float(mean), 2) if pd.notna(mean) else ""
                ws.write_formula(n + 1, col, f'=IFERROR(AVERAGE({letter}2:{letter}{n + 1}),"")', None, value)


