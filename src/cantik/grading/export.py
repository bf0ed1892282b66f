"""Grade export: CSV files and one Excel workbook (one sheet per module, per-question columns, totals).

Headers are Indonesian. Columns per module: ``ID``, ``Nama``, ``Peran``, ``Desa/Kelurahan``, ``Kohort``,
one column per question (``Soal: <id> (maks N)``), ``Total``, ``Nilai maksimum``, ``Persen``, ``Status``.
A ``Ringkasan`` sheet (and ``nilai_ringkasan.csv``) gives each learner's percentage per module.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cantik.grading.course import Course
from cantik.grading.results import cell_results
from cantik.grading.roster import load_roster
from cantik.helpers import column_letter

if TYPE_CHECKING:
    import pandas as pd

INFO_COLUMNS = ["ID", "Nama", "Peran", "Desa/Kelurahan", "Kohort"]


def question_column(grade_id: str, max_score: float) -> str:
    return f"Soal: {grade_id} (maks {max_score:g})"


def module_table(course: Course, modul: str) -> pd.DataFrame:
    """One row per learner in the roster (and anyone else with a submission), per-question scores."""
    import pandas as pd

    roster = {x.id: x for x in load_roster(course)}
    with course.gradebook() as gb:
        students = sorted({s.id for s in gb.students} | set(roster))
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
            row[question_column(gid, mx)] = r.score if r is not None else None
        maximum = sum(mx for _, _, mx in questions)
        total = sum(r.score or 0 for r in results.values())
        row["Total"] = total if results else None
        row["Nilai maksimum"] = maximum
        row["Persen"] = round(100 * total / maximum, 1) if results and maximum else None
        if not results:
            row["Status"] = "belum mengirim"
        elif any(r.status == "menunggu penilaian pelatih" for r in results.values()):
            row["Status"] = "menunggu penilaian pelatih"
        else:
            row["Status"] = "lengkap"
        records.append(row)
    return pd.DataFrame.from_records(records)


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


def export_grades(course: Course, folder: str | Path | None = None) -> ExportResult:
    """Write ``nilai_<modul>.csv``, ``nilai_ringkasan.csv`` and ``nilai_kelas.xlsx`` into ``folder``.

    Examples
    --------
    >>> export_grades(Course.open()).excel  # doctest: +SKIP
    PosixPath('.../grading/ekspor/nilai_kelas.xlsx')
    """
    import pandas as pd

    out = Path(folder) if folder else course.grading_dir / "ekspor"
    out.mkdir(parents=True, exist_ok=True)
    with course.gradebook() as gb:
        moduls = sorted(a.name for a in gb.assignments)
    result = ExportResult()
    if not moduls:
        return result
    tables = {m: module_table(course, m) for m in moduls}
    summary = None
    for modul, table in tables.items():
        path = out / f"nilai_{modul}.csv"
        table.to_csv(path, index=False, encoding="utf-8-sig")
        result.csv_files.append(path)
        part = table[[*INFO_COLUMNS, "Persen"]].rename(columns={"Persen": f"{modul} (%)"})
        summary = part if summary is None else summary.merge(part, on=INFO_COLUMNS, how="outer")
    assert summary is not None
    pct = [c for c in summary.columns if c.endswith("(%)")]
    summary["Rata-rata (%)"] = summary[pct].mean(axis=1, skipna=False).round(1)
    path = out / "nilai_ringkasan.csv"
    summary.to_csv(path, index=False, encoding="utf-8-sig")
    result.csv_files.append(path)

    result.excel = out / "nilai_kelas.xlsx"
    with pd.ExcelWriter(result.excel, engine="xlsxwriter") as writer:
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
            if name != "Ringkasan":
                n = len(table)
                first = len(INFO_COLUMNS)
                last = table.columns.get_loc("Total")
                ws.write(n + 1, 0, "Rata-rata kelas", bold)
                for col in range(first, last + 1):
                    letter = column_letter(col + 1)  # xlsxwriter counts columns from 0
                    ws.write_formula(n + 1, col, f'=IFERROR(AVERAGE({letter}2:{letter}{n + 1}),"")')
    return result


