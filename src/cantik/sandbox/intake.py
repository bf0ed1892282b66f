"""Check a submitted notebook file before grading: an Indonesian reason when it cannot be graded.

nbgrader stops on such files with an English traceback; this names the problem for the trainer and the
learner (empty file, not JSON, a Word document renamed ``.ipynb``, an old notebook format, too big).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024


def check_notebook(path: str | os.PathLike[str], max_bytes: int = MAX_BYTES) -> str | None:
    """``None`` when ``path`` looks like a gradable notebook, else the reason in Indonesian.

    Examples
    --------
    >>> check_notebook("grading/submitted/budi/modul1/modul1.ipynb")   # doctest: +SKIP
    'Berkas kosong (0 byte): kirim ulang notebook yang sudah disimpan.'
    """
    p = Path(path)
    name = p.name
    try:
        size = p.stat().st_size
    except OSError:
        return f"Berkas {name} tidak ditemukan atau tidak bisa dibaca."
    if size == 0:
        return f"Berkas {name} kosong (0 byte): kirim ulang notebook yang sudah disimpan."
    if size > max_bytes:
        return (f"Berkas {name} terlalu besar ({size / 1e6:.0f} MB, batas {max_bytes / 1e6:.0f} MB): "
                "hapus keluaran yang besar (Kernel > Restart & Clear Output) lalu kirim ulang.")
    with open(p, "rb") as f:
        head = f.read(8)
    if head.startswith(b"PK\x03\x04"):
        return (f"Berkas {name} bukan notebook, melainkan berkas ZIP/Office (mis. .docx yang diganti "
                "namanya). Kirim berkas .ipynb dari Jupyter.")
    if head.startswith(b"%PDF"):
        return f"Berkas {name} adalah PDF, bukan notebook. Kirim berkas .ipynb dari Jupyter."
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except UnicodeDecodeError:
        return f"Berkas {name} bukan teks UTF-8, jadi bukan notebook Jupyter yang sah."
    except json.JSONDecodeError as exc:
        return f"Berkas {name} rusak: bukan JSON yang sah (baris {exc.lineno}, kolom {exc.colno})."
    if not isinstance(data, dict) or "nbformat" not in data:
        return f"Berkas {name} berisi JSON, tetapi bukan notebook Jupyter (tidak ada 'nbformat')."
    if data.get("nbformat") != 4:
        return (f"Berkas {name} memakai format notebook lama (nbformat {data.get('nbformat')}); "
                "buka dan simpan ulang di JupyterLab, atau kerjakan ulang dari notebook kursus.")
    import nbformat

    try:
        nbformat.validate(nbformat.from_dict(data))
    except nbformat.ValidationError as exc:
        return f"Berkas {name} tidak sesuai skema notebook: {str(exc).splitlines()[0][:200]}"
    return None
