"""Class report: one HTML file with embedded matplotlib charts (PNG, with alternative text).

Sections: what to reteach (the misconceptions behind most wrong answers, each with the lesson that teaches
it) and, one per module under its title ("Modul 2 · Struktur penduduk"): score distribution, per-question
difficulty, how many learners made which mistake per question (:mod:`cantik.grading.misconceptions`),
results by village and by cohort; then the learners who need help (below 60 % of the points graded so far,
not submitted, or failed autograding). Before the trainer has graded the written answers, those parts count
as "menunggu penilaian pelatih", not as zero: a learner with every code question right is not listed for
help. Trainers of the roster never appear. Every recorded mistake is also written as CSV next to the page
(``laporan_kesalahan.csv``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path

from cantik.grading import misconceptions
from cantik.grading.course import Course
from cantik.grading.export import GRADED, GRADED_MAX, module_table
from cantik.grading.results import WAITING, cell_results
from cantik.grading.titles import module_title
from cantik.helpers import figure_img

#: Below this percentage a learner is listed under "perlu bantuan".
HELP_THRESHOLD = 60.0


def graded_share(table):  # (pd.DataFrame) -> pd.Series
    """Each learner's percentage of the points graded so far (NaN: nothing submitted or graded).

    Examples
    --------
    >>> import pandas as pd
    >>> graded_share(pd.DataFrame({"_dinilai": [9.0, None, 0.0], "_maks_dinilai": [9.0, None, 0.0]}))
    0    100.0
    1      NaN
    2      NaN
    dtype: float64
    """
    maximum = table[GRADED_MAX].astype(float)
    return (100 * table[GRADED].astype(float) / maximum.where(maximum > 0)).round(1)


def _figure(fig, alt: str) -> str:
    """``fig`` (closed) as a captioned PNG ``<figure>``."""
    return f"<figure>{figure_img(fig, alt, close=True)}<figcaption>{html.escape(alt)}</figcaption></figure>"


@dataclass
class ReportResult:
    path: Path
    need_help: list[str] = field(default_factory=list)
    mistakes_csv: Path | None = None

    def summary(self) -> str:
        text = f"Laporan kelas ditulis: {self.path} (buka dengan peramban)."
        if self.mistakes_csv is not None:
            text += f"\nKesalahan setiap peserta per soal: {self.mistakes_csv}."
        if self.need_help:
            text += f"\nPeserta yang perlu bantuan: {', '.join(self.need_help)}."
        return text


def class_report(course: Course, output: str | Path | None = None) -> ReportResult:
    """Write the class report HTML and return its path and the learners who need help.

    Examples
    --------
    >>> class_report(Course.open()).path  # doctest: +SKIP
    PosixPath('.../grading/laporan_kelas.html')
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import pandas as pd

    from cantik.grading.state import load_state
    from cantik.safehtml import csp_meta

    e = html.escape
    out = Path(output) if output else course.grading_dir / "laporan_kelas.html"
    with course.gradebook() as gb:
        moduls = sorted(a.name for a in gb.assignments)
    state = load_state(course)
    sections: list[str] = []
    help_rows: list[dict[str, str]] = []
    records: list[misconceptions.Record] = []
    for modul in moduls:
        table = module_table(course, modul)
        table["Persen"] = graded_share(table)
        done = table.dropna(subset=["Persen"])
        waiting = int((done["Status"] == WAITING).sum())
        part = [
            f"<h2>{e(module_title(course, modul))}</h2>",
            f"<p>{len(done)} dari {len(table)} peserta sudah dinilai; "
            f"rata-rata {done['Persen'].mean():.1f} %, "
            f"median {done['Persen'].median():.1f} %.</p>"
            if len(done)
            else "<p>Belum ada kiriman yang dinilai.</p>",
        ]
        if waiting:
            part.append(
                f"<p class='tunggu'><strong>{waiting} peserta {WAITING}</strong>: jawaban tertulisnya belum "
                "dinilai di Formgrader. Persentase di sini dihitung dari bagian yang sudah dinilai saja; "
                "jalankan laporan lagi setelah menilai.</p>")
        if len(done):
            fig, ax = plt.subplots(figsize=(6, 3))
            ax.hist(done["Persen"], bins=range(0, 101, 10), color="#2f6f9f", edgecolor="white")
            ax.set_xlabel("Nilai (%)")
            ax.set_ylabel("Jumlah peserta")
            ax.set_title(f"Sebaran nilai – {module_title(course, modul)}")
            part.append("<h3>Sebaran nilai</h3>" + _figure(fig, f"Histogram nilai peserta modul {modul}"))

            rows, modul_records = [], []
            for sid in done["ID"]:
                results = cell_results(course, modul, sid)
                modul_records += misconceptions.records_of(results)
                for r in results:
                    rows.append(
                        {"soal": r.grade_id, "skor": (r.score or 0) / r.max_score if r.max_score else 0}
                    )
            records += modul_records
            diff = pd.DataFrame(rows).groupby("soal", sort=False)["skor"].mean().mul(100)
            fig, ax = plt.subplots(figsize=(6, 0.5 + 0.4 * len(diff)))
            ax.barh(diff.index[::-1], diff.values[::-1], color="#c8553d")
            ax.set_xlim(0, 100)
            ax.set_xlabel("Rata-rata skor (% dari maksimum)")
            ax.set_title("Tingkat kesulitan per soal (makin pendek makin sulit)")
            part.append(
                "<h3>Kesulitan per soal</h3>"
                + _figure(fig, f"Rata-rata skor per soal modul {modul}: "
                    + "; ".join(f"{k} {v:.0f} %" for k, v in diff.items()),
                )
            )
            part.append(misconceptions.html_per_question(modul_records))
            for col, label in (("Desa/Kelurahan", "desa/kelurahan"), ("Kohort", "kohort")):
                groups = (
                    done[done[col].astype(str).str.len() > 0].groupby(col)["Persen"].agg(["count", "mean"])
                )
                if len(groups):
                    fig, ax = plt.subplots(figsize=(6, 0.6 + 0.4 * len(groups)))
                    ax.barh(groups.index.astype(str), groups["mean"], color="#4d8b31")
                    ax.set_xlim(0, 100)
                    ax.set_xlabel("Rata-rata nilai (%)")
                    ax.set_title(f"Nilai per {label}")
                    alt = f"Rata-rata nilai per {label}: " + "; ".join(
                        f"{k} {v:.0f} % ({int(c)} orang)" for k, (c, v) in groups.iterrows()
                    )
                    part.append(f"<h3>Per {label}</h3>" + _figure(fig, alt))
        failed = {s for s, v in state.get(modul, {}).items() if not v.get("ok")}
        for _, row in table.iterrows():
            why = ""
            if row["ID"] in failed:
                why = "notebook gagal dinilai otomatis: " + state[modul][row["ID"]].get("reason", "")
            elif row["Status"] == "belum mengirim":
                why = "belum mengirim"
            elif pd.notna(row["Persen"]) and row["Persen"] < HELP_THRESHOLD:
                why = f"nilai {row['Persen']:.0f} % (di bawah {HELP_THRESHOLD:.0f} %)"
                if row["Status"] == WAITING:
                    why += f" dari bagian yang sudah dinilai; jawaban tertulis {WAITING}"
            if why:
                help_rows.append(
                    {
                        "id": row["ID"],
                        "nama": row["Nama"],
                        "desa": row["Desa/Kelurahan"],
                        "kohort": row["Kohort"],
                        "modul": modul,
                        "alasan": why,
                    }
                )
        sections.append("\n".join(part))
    help_html = "".join(
        f"<tr><td>{e(h['id'])}</td><td>{e(h['nama'])}</td><td>{e(h['desa'])}</td><td>{e(h['kohort'])}</td>"
        f"<td>{e(h['modul'])}</td><td>{e(h['alasan'])}</td></tr>"
        for h in help_rows
    )
    help_table = (
        "<table><thead><tr><th scope='col'>ID</th><th scope='col'>Nama</th>"
        "<th scope='col'>Desa/Kelurahan</th><th scope='col'>Kohort</th><th scope='col'>Modul</th>"
        f"<th scope='col'>Alasan</th></tr></thead><tbody>{help_html}</tbody></table>"
        if help_rows
        else "<p>Tidak ada: semua peserta di atas batas.</p>"
    )
    style = (
        "body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;"
        "line-height:1.5} table{border-collapse:collapse} th,td{border:1px solid #bbb;padding:.3rem .5rem;"
        "text-align:left} th{background:#eef2f7} img{max-width:100%} .tunggu{color:#6b4e00}"
    )
    titles = ", ".join(module_title(course, m) for m in moduls)
    page = f"""<!DOCTYPE html>
<html lang="id"><head>{csp_meta()}<meta charset="utf-8"><title>Laporan kelas – Kelas Cantik</title>
<style>{style}</style></head><body><main>
<h1>Laporan kelas Kelas Cantik</h1>
<p>Kursus: {e(course.course_id)}. Modul: {e(titles or "(belum ada)")}.</p>
<h2>Yang perlu diajarkan ulang</h2>
<p>Miskonsepsi di balik jawaban salah yang paling banyak peserta, dikenali dari katalog kesalahan setiap soal.
Jawaban yang tidak bisa diperiksa (waktu habis, galat) tidak dihitung di sini.</p>
{misconceptions.html_reteach(records)}
{"".join(sections)}
<h2>Peserta yang perlu bantuan</h2>
{help_table}
</main></body></html>"""
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(page, "utf-8")
    csv_path = misconceptions.write_csv(records, out.with_name(out.stem.replace("laporan_kelas", "laporan")
                                                                + "_kesalahan.csv"))
    return ReportResult(path=out, need_help=sorted({h["id"] for h in help_rows}), mistakes_csv=csv_path)
