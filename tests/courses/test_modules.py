"""Every course module on the real nbgrader pipeline, in one temporary copy of the whole course.

As a trainer would: every module is released (``generate_assignment``) into one course, and a single
``nbgrader autograde "*"`` call grades every module's learners at once: the source itself, the unanswered
learner version, learners with alternative correct solutions, learners with the common mistakes of
``tests/courses/cases.py`` (modules 0–4) and ``tests/courses/cases_5_8.py`` (5–8), and one learner per module
whose every value answer is a wrong value from the question's mistake catalogue
(``tests/courses/catalogue_answers.py``). The class report and the feedback are then made from this real
graded class.

All of it twice (issue 20): for Kandangan Utara (the project's course) and for Desa Malinau (the course built
for it, ``tests/courses/conftest.py``): the same cases, with the numbers a learner reads off a printed table
computed from each place's data; questions a place replaces with a variant (no AMPUNKU, no yearly lansia
table) have no cases there, their variants' catalogue answers stand in.
"""

from __future__ import annotations

import ast
import html
import json
from pathlib import Path

import pytest

from cantik.checks.core import PESAN_DINILAI
from cantik.data.loader import WILAYAH_ENV
from cantik.data.profile import load_profile, unit_words
from cantik.data.schema import DEFAULT_WILAYAH
from tests.courses import cases, cases_5_8, catalogue_answers
from tests.courses import pipeline as pl
from tests.courses.cases import kode
from tests.courses.conftest import OTHER_PLACE

# The session fixture grades the whole course (eight modules, about 60 submissions) in one nbgrader
# autograde call; on a 2-core machine loaded by other jobs this file took 22 minutes. Not a speed target
# (benchmarks/autograde.py measures speed), so its first test gets room beyond the suite's 900 s.
pytestmark = [pytest.mark.slow, pytest.mark.timeout(2700)]

BENAR = {**cases.BENAR, **cases_5_8.BENAR}
SALAH = {**cases.SALAH, **cases_5_8.SALAH}
MODULES = sorted(SALAH)
PLACES = [DEFAULT_WILAYAH, OTHER_PLACE]


def _names(code: str) -> tuple[set[str], set[str]]:
    """The names ``code`` assigns, and those it reads without assigning them."""
    try:
        tree = ast.parse(code)
    except SyntaxError:
        return set(), set()
    names = [n for n in ast.walk(tree) if isinstance(n, ast.Name)]
    stored = {n.id for n in names if isinstance(n.ctx, ast.Store)}
    return stored, {n.id for n in names if isinstance(n.ctx, ast.Load)} - stored


def _code(patch: object) -> str:
    return patch[1] if isinstance(patch, tuple) else str(patch)  # a case tuple, or code


def _read_by(code: str, patches: dict[str, object]) -> bool:
    """Does any of ``patches`` read a variable ``code`` assigns, or ``code`` read one that they assign?"""
    stored, read = _names(code)
    for p in patches.values():
        other_stored, other_read = _names(_code(p))
        if stored & other_read or read & other_stored:
            return True
    return False


def _spread(items: list[tuple[str, object]]) -> list[dict[str, object]]:
    """Put patches into as few learners as possible: at most one patch per answer cell each, and never one
    that reads what another of the learner's patches assigns (its wrong value would change the first one's
    result, e.g. 6f reads 6e's ``prevalensi_rt``)."""
    learners: list[dict[str, object]] = []
    for cid, patch in items:
        for learner in learners:
            if cid not in learner and not _read_by(_code(patch), learner):
                learner[cid] = patch
                break
        else:
            learners.append({cid: patch})
    return learners


def _spread_wrong(salah: list[tuple]) -> list[dict[str, object]]:
    """Learners for the mistakes: a mistake whose wrong value flows into later answers (it lists cascaded
    test cells) gets a learner of its own, so the later cells keep their solution code and their messages
    stay checkable; the others share learners as in ``_spread``."""
    alone = [{c[0]: c} for c in salah if len(c) > 4 and c[4]]
    return alone + _spread([(c[0], c) for c in salah if not (len(c) > 4 and c[4])])


class Graded:
    def __init__(self, root: Path, modul: str, names: list[str], plan: dict[str, dict[str, object]]):
        self.root, self.modul, self.names, self.plan = root, modul, names, plan
        self.scores = pl.scores(root, modul)
        self.place = self.source(names[0])["metadata"].get("cantik", {}).get("wilayah", DEFAULT_WILAYAH)

    def source(self, name: str) -> dict:
        return pl.read_nb(self.root / "courses" / self.modul / f"{name}.ipynb")

    def autograded(self, student: str, name: str) -> dict:
        return pl.read_nb(self.root / "grading" / "autograded" / student / self.modul / f"{name}.ipynb")


@pytest.fixture(scope="session", params=PLACES)
def course_graded(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, dict]]:
    """The whole course of a place released and its learners submitted, then graded in one autograde call."""
    place = request.param
    source = pl.ROOT if place == DEFAULT_WILAYAH else request.getfixturevalue("malinau")
    root = pl.course_copy(tmp_path_factory.mktemp("kursus"), MODULES, source=source)
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv(WILAYAH_ENV, place)  # cases and catalogue answers from the place's data
        plans = _plan_course(root)
    pl.nbgrader(root, "autograde", "*", "--force", timeout=2400)
    return root, plans


def _plan_course(root: Path) -> dict[str, dict[str, dict[str, object]]]:
    """Release every module and submit its learners (planned for the active place)."""
    plans: dict[str, dict[str, dict[str, object]]] = {}
    for modul in MODULES:
        pl.nbgrader(root, "generate_assignment", modul, "--force")
        names = sorted(p.stem for p in (root / "courses" / modul).glob("*.ipynb"))
        sources = {n: pl.read_nb(root / "courses" / modul / f"{n}.ipynb") for n in names}
        released = {n: pl.read_nb(root / "notebooks" / modul / f"{n}.ipynb") for n in names}
        cell_nb = {c["id"]: n for n in names for c in sources[n]["cells"]}

        def submission(patches: dict[str, object], released: dict = released, sources: dict = sources,
                       cell_nb: dict = cell_nb, names: list = names) -> dict[str, dict]:
            return {n: pl.fill(released[n], sources[n], {c: str(p) for c, p in patches.items()
                                                          if cell_nb.get(c) == n}) for n in names}

        plan: dict[str, dict[str, object]] = {}
        pl.submit(root, "sumber", modul, sources)
        pl.submit(root, "kosong", modul, released)
        alts = [(cid, k) for cid, codes in BENAR.get(modul, {}).items() if cid in cell_nb
                for k in map(kode, codes) if k]
        for i, learner in enumerate(_spread(alts)):
            plan[f"benar{i}"] = learner
            pl.submit(root, f"benar{i}", modul, submission(learner))
        katalog = {cid: entry for n in names for cid, entry in catalogue_answers.plan(sources[n]).items()}
        salah = [(case[0], kode(case[1]), *case[2:]) for case in SALAH[modul]
                 if case[0] in cell_nb and kode(case[1])]
        for i, learner in enumerate(_spread_wrong(salah)):
            patches = {cid: case[1] for cid, case in learner.items()}
            # free answer cells of this learner whose variable (``name = value``, the last line) no case of
            # this learner reads
            for cid in [c for c in katalog if c not in patches
                        and not _read_by(katalog[c][0].rsplit("\n", 1)[-1], learner)]:
                code, test_id, message = katalog.pop(cid)
                learner[cid] = (cid, code, test_id, message, (), "katalog")
                patches[cid] = code
            plan[f"salah{i}"] = learner
            pl.submit(root, f"salah{i}", modul, submission(patches))
        plans[modul] = plan
    return plans


@pytest.fixture(scope="module", params=MODULES)
def graded(request: pytest.FixtureRequest, course_graded: tuple[Path, dict[str, dict]]) -> Graded:
    root, plans = course_graded
    modul = request.param
    names = sorted(p.stem for p in (root / "courses" / modul).glob("*.ipynb"))
    return Graded(root, modul, names, plans[modul])


def test_every_module_of_the_course_is_tested() -> None:
    from cantik.authoring.build import daftar_modul

    assert {f"modul{i}" for i in range(0, 9)} <= set(daftar_modul(pl.ROOT)) == set(MODULES)


def _auto(g: Graded, student: str) -> dict[str, tuple[float | None, float]]:
    out = {}
    for name in g.names:
        ids = pl.auto_ids(g.source(name))
        out.update({k: v for k, v in g.scores[student][name].items() if k in ids})
    return out


def _why(graded: Graded, student: str, auto: dict[str, tuple[float, float]]) -> dict[str, object]:
    """The test cells short of full marks, each with the error the grader wrote into it."""
    cells = [c for name in graded.names for c in graded.autograded(student, name)["cells"]]
    errors = {c.get("metadata", {}).get("nbgrader", {}).get("grade_id"):
              [f"{o.get('ename')}: {o.get('evalue')}" for o in c.get("outputs", []) if o.get("ename")]
              for c in cells}
    return {k: (v, errors.get(k)) for k, v in auto.items() if v[0] != v[1] or v[1] == 0}


def test_source_scores_full_marks(graded: Graded) -> None:
    auto = _auto(graded, "sumber")
    assert len(auto) >= 6
    assert all(score == mx and mx > 0 for score, mx in auto.values()), _why(graded, "sumber", auto)
    for name in graded.names:
        manual = pl.manual_ids(graded.source(name))
        assert manual, "at least one rubric-graded written answer"
        assert all(graded.scores["sumber"][name][m][1] > 0 for m in manual)  # points for the trainer


def test_unanswered_learner_version_scores_zero(graded: Graded) -> None:
    auto = _auto(graded, "kosong")
    assert auto and all(score == 0 for score, _ in auto.values()), auto
    for name in graded.names:
        for m in pl.manual_ids(graded.source(name)):
            assert graded.scores["kosong"][name][m][0] == 0


def test_written_answers_are_scored_per_criterion(graded: Graded) -> None:
    """One gradebook score (max 4) per rubric criterion; an empty answer gets 0 for every criterion with an
    Indonesian note from the grader (never "No response.", never shown as the trainer's); a real answer waits
    for the trainer in every criterion."""
    from nbgrader.api import Gradebook

    from cantik.grading.course import Course
    from cantik.grading.preprocessors import TIDAK_ADA_JAWABAN
    from cantik.grading.results import cell_results

    db = f"sqlite:///{graded.root / 'grading' / 'gradebook.db'}"
    for name in graded.names:
        src = graded.source(name)
        ids = [c["id"] for c in src["cells"]]
        for answer in pl.manual_ids(src):
            criteria = [answer] + [i for i in ids if i.startswith(f"{answer}-k")]
            assert len(criteria) >= 2
            for student in ("sumber", "kosong"):
                got = graded.scores[student][name]
                assert all(got[k][1] == 4 for k in criteria), (student, answer)
            assert all(graded.scores["kosong"][name][k][0] == 0 for k in criteria)
            with Gradebook(db) as gb:
                for k in criteria:
                    comment = gb.find_comment(k, name, graded.modul, "kosong")
                    assert comment.auto_comment == TIDAK_ADA_JAWABAN and comment.manual_comment is None
                    assert not gb.find_grade(k, name, graded.modul, "kosong").needs_manual_grade
                    assert gb.find_grade(k, name, graded.modul, "sumber").needs_manual_grade
    rows = [r for r in cell_results(Course.open(graded.root), graded.modul, "kosong") if r.manual]
    assert rows and all(r.status == "tidak dijawab" and r.message == TIDAK_ADA_JAWABAN and not r.comment
                        for r in rows)
    assert all(" · K" in r.title for r in rows)


def test_unanswered_cells_show_the_error_explanation_and_still_fail(graded: Graded) -> None:
    """Under plain `nbgrader autograde` (sandboxed) the setup cell's error explainer runs too: every
    unanswered answer cell ends with its real error (the stub's NotImplementedError, or a NameError of a
    variable an earlier unanswered cell did not make) with the Indonesian explanation right above it, and
    the test cells still score 0 (test_unanswered_learner_version_scores_zero)."""
    for name in graded.names:
        cells = [c for c in graded.autograded("kosong", name)["cells"] if c["cell_type"] == "code"
                 and c["metadata"].get("nbgrader", {}).get("solution")]
        assert cells
        for cell in cells:
            *_, above, error = cell["outputs"]
            assert error["output_type"] == "error" and error["ename"] in ("NotImplementedError", "NameError")
            explanation = "".join(above["data"]["text/plain"])
            assert above["output_type"] == "display_data", cell["id"]
            assert explanation.startswith("💡 Penjelasan"), cell["id"]
            if error["ename"] == "NotImplementedError":
                assert "Sel jawaban ini belum diisi" in explanation


def test_alternative_correct_solutions_keep_full_marks(graded: Graded) -> None:
    correct = [s for s in graded.plan if s.startswith("benar")]
    assert correct, f"{graded.modul}: no correct submission was graded, so nothing here would be checked"
    for student in correct:
        auto = _auto(graded, student)
        assert auto, f"{student}: no autograded question found"
        lost = {k: v for k, v in auto.items() if v[0] != v[1]}
        if lost:
            name = graded.names[0]
            detail = {k: pl.cell_output_text(graded.autograded(student, name), k) for k in lost}
            pytest.fail(f"{student} ({graded.plan[student]}) lost points: {lost}\n{detail}")


def _flows_into(g: Graded, learner: dict[str, object]) -> set[str]:
    """Test cells of the answers (not patched in ``learner``) whose solution reads a variable that one of
    ``learner``'s cases assigns."""
    stored: set[str] = set().union(*(_names(_code(c))[0] for c in learner.values()))
    out = set()
    for name in g.names:
        for cell in g.source(name)["cells"]:
            meta = cell["metadata"].get("nbgrader", {})
            if cell["cell_type"] == "code" and meta.get("solution") and cell["id"] not in learner:
                code = pl.solution_code("".join(cell["source"]) if isinstance(cell["source"], list)
                                        else cell["source"])
                if _names(code)[1] & stored:
                    out.add(f"{cell['id']}-tes")
    return out


def test_common_mistakes_lose_points_with_targeted_message(graded: Graded) -> None:
    for student, learner in graded.plan.items():
        if not student.startswith("salah"):
            continue
        auto = _auto(graded, student)
        losing = {case[2] for case in learner.values()}  # type: ignore[index]
        # later answers a wrong value flows into: written for Kandangan Utara's numbers; elsewhere the
        # difference may vanish (the arithmetic and geometric rates of a slowly growing place give the same
        # projection within its tolerance) or appear (a count per RT and a prevalence per RT pick the same RT
        # in Kandangan Utara, not in Malinau), so there every answer whose solution reads a wrong value may
        # lose its points or keep them
        cascade = {t for case in learner.values() for t in (case[4] if len(case) > 4 else ())}  # type: ignore
        if graded.place != DEFAULT_WILAYAH:
            cascade |= _flows_into(graded, learner)
        for grade_id, (score, mx) in auto.items():
            if grade_id in losing or (grade_id in cascade and graded.place == DEFAULT_WILAYAH):
                assert score == 0, f"{student}: {grade_id} should lose its points ({learner})"
            elif grade_id not in cascade:
                assert score == mx, f"{student}: {grade_id} should keep its points"
        for cid, (_, code, test_id, message, *_cascade) in learner.items():  # type: ignore[misc]
            name = next(n for n in graded.names if any(c["id"] == test_id for c in graded.source(n)["cells"]))
            nb = graded.autograded(student, name)
            feedback = pl.cell_output_text(nb, test_id)
            message = unit_words(message, load_profile(graded.place).unit)  # "Satu RT …" → "Satu dusun …"
            assert message in feedback, f"{cid} <- {code!r}: {message!r} not in test output {feedback!r}"
            # A graded kernel holds no answer key (issue 17): cek says the grader checks, never the verdict.
            selfcheck = pl.cell_output_text(nb, cid)
            assert PESAN_DINILAI in selfcheck, f"{cid}: cek() printed {selfcheck!r}"


def test_catalogue_answers_are_graded_with_their_message(course_graded: tuple[Path, dict[str, dict]]) -> None:
    """Wrong values from the questions' mistake catalogues are graded for real (in the free answer cells of
    the common-mistake learners; test_common_mistakes_lose_points_with_targeted_message checks that each
    scores 0 and shows the entry's message in the grader's output and in cek()): a sample from most
    modules."""
    _, plans = course_graded
    katalog = {modul: [case[0] for learner in plan.values() for case in learner.values()
                       if case[-1] == "katalog"]
               for modul, plan in plans.items()}
    assert sum(map(len, katalog.values())) >= 20 and sum(1 for v in katalog.values() if v) >= 6, katalog


def test_feedback_does_not_show_hidden_tests(graded: Graded) -> None:
    for name in graded.names:
        released = json.dumps(pl.read_nb(graded.root / "notebooks" / graded.modul / f"{name}.ipynb"))
        assert "BEGIN HIDDEN TESTS" not in released and "uji('" not in released.replace("uji_bentuk('", "")
        assert "### BEGIN SOLUTION" not in released


@pytest.mark.parametrize("graded", ["modul8"], indirect=True)
def test_capstone_exports_a_shareable_html_page(graded: Graded, tmp_path: Path) -> None:
    """The graded capstone (source solutions, really executed by nbgrader) becomes one report page with its
    chart, table, metadata and written answers, the synthetic-data notice on top, and no code, grading cells,
    instructions or self-check messages."""
    from cantik.authoring.place import Tempat
    from cantik.data.schema import SYNTHETIC_NOTICE
    from cantik.publish import ekspor_html

    name = graded.names[0]
    src = graded.root / "grading" / "autograded" / "sumber" / graded.modul / f"{name}.ipynb"
    tempat = Tempat.dari(pl.read_nb(src)["metadata"].get("cantik", {}).get("wilayah", DEFAULT_WILAYAH))
    page = ekspor_html(src, tmp_path / "profil.html").read_text(encoding="utf-8")
    assert "data:image/png;base64," in page  # the learner's chart (8g)
    assert SYNTHETIC_NOTICE in page and page.index(SYNTHETIC_NOTICE) < page.index("Lembar indikator utama")
    assert f"{tempat.nama} berpenduduk sekitar" in page  # the written interpretation (8i)
    assert f"Indikator utama {tempat.label}" in page  # printed "dalam Angka" table
    assert "metode_perhitungan" in page  # the metadata table (8f)
    assert f"<title>Modul 8 · Proyek akhir: {tempat.nama} dalam Angka</title>" in page
    for hidden in ("uji(", "uji_bentuk(", "ind.poverty_indices(", "BEGIN SOLUTION", "# Tes otomatis soal",
                   "Benar! (soal", "diperiksa oleh penilai", "Tujuan pembelajaran", "Rubrik soal",
                   "Simpan di"):
        assert hidden not in page, hidden
    whole = ekspor_html(src, tmp_path / "lengkap.html", laporan=False).read_text(encoding="utf-8")
    # a graded kernel holds no answer key: its cek() says that the grader checks (cantik.checks.key)
    assert "Tujuan pembelajaran" in whole and "Rubrik soal 8i" in whole and "diperiksa oleh penilai" in whole
    assert "# Tes otomatis soal" not in whole and "uji_bentuk(" not in whole


def test_class_report_counts_the_misconceptions_of_the_graded_course(
        course_graded: tuple[Path, dict[str, dict]], tmp_path: Path) -> None:
    """From the real graded course: every wrong answer's catalogue id is recorded per learner and question,
    the class report shows per question how many learners made which mistake and a reteach list with the
    lesson of each misconception, and each learner's feedback shows the message (not the recorded id)."""
    import csv

    from cantik.checks.core import arti_kode
    from cantik.checks.mistakes import KONSEP
    from cantik.grading import misconceptions
    from cantik.grading.course import Course
    from cantik.grading.feedback import generate_feedback
    from cantik.grading.report import class_report
    from cantik.grading.titles import module_title

    root, plans = course_graded
    course = Course.open(root)
    records = [r for modul in MODULES for r in misconceptions.collect(course, modul, sorted(plans[modul]))]
    by_learner: dict[tuple[str, str, str], set[str]] = {}
    for r in records:
        by_learner.setdefault((r.modul, r.student, r.grade_id), set()).add(r.kode)
    # the common mistake of 2b (dividing by everyone) is recorded as the wrong part and as that catalogue
    # entry, for that learner
    (student,) = [s for s, p in plans["modul2"].items()
                  if "penyebutnya hanya penduduk 15–64" in str(p.get("m2-2b"))]
    assert by_learner[("modul2", student, "m2-2b-tes")] == {"2b/bagian", "2b/penyebut-semua"}
    # every wrong value taken from a catalogue is recorded as (among others with the same value) its entry
    for modul in MODULES:
        for student_id, learner in plans[modul].items():
            for case in learner.values():
                if case[-1] == "katalog":
                    kodes = by_learner[(modul, student_id, case[2])]
                    assert case[3] in {arti_kode(k)[0] for k in kodes}, (case, kodes)

    result = class_report(course, tmp_path / "laporan.html")
    page = result.path.read_text(encoding="utf-8")
    reteach = misconceptions.reteach(records)
    assert reteach and reteach[0][1] >= 3  # the most common misconception, made by several learners
    esc = html.escape
    for nama, _n, soal, pelajaran in reteach:
        assert esc(nama) in page and esc(pelajaran) in page and ", ".join(soal) in page
    first_module = page.index(f"<h2>{esc(module_title(course, 'modul1'))}</h2>")  # reteach list first
    assert page.index("Yang perlu diajarkan ulang") < page.index(esc(reteach[0][0])) < first_module
    assert esc(KONSEP["penyebut"].nama) in page
    assert "Kesalahan per soal" in page and "2b/penyebut-semua" in page
    rows = misconceptions.per_question(records)
    two_b = next(r for r in rows if r[0] == "2b" and r[1] == "2b/penyebut-semua")
    assert student in two_b[3]
    with result.mistakes_csv.open(encoding="utf-8-sig", newline="") as fh:  # messages may span lines
        written = list(csv.DictReader(fh))
    learners = {(m, s) for m in MODULES for s in plans[m]}
    assert sum((r["Modul"], r["ID"]) in learners for r in written) == len(records)
    # the report also lists the unanswered released notebook ("kosong"); the source solution has no row
    assert {r["ID"] for r in written if (r["Modul"], r["ID"]) not in learners} <= {"kosong"}

    feedback = generate_feedback(course, "modul2", exchange=False, before_graded=True)
    text = (feedback.folder / f"{student}.html").read_text(encoding="utf-8")
    assert "penyebutnya hanya penduduk 15–64 tahun" in text and "[kesalahan:" not in text
