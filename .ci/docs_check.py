#!/usr/bin/env python3
"""Docs check (Quarto cannot be installed here): render every notebook to HTML with nbconvert.

    python .ci/docs_check.py [OUTDIR]

The docs site shows each notebook with the outputs stored in it, so this checks the stored
notebooks: no cell may hold an error output; every cell that draws a figure (calls plot_drr,
plot_mask, plot_img_and_mask, plt., imshow or .plot() must carry an image output (unless it closes its figure with plt.close); every notebook
renders to HTML, and every <img> in the HTML holds a decodable PNG. Prints one line per notebook
and exits 1 on any problem. OUTDIR (default: a temporary folder) receives the HTML pages.
"""
import base64, json, pathlib, re, sys, tempfile

import nbformat
from nbconvert import HTMLExporter

root = pathlib.Path(__file__).resolve().parent.parent
out = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(tempfile.mkdtemp(prefix="diffdrr-docs-"))
out.mkdir(parents=True, exist_ok=True)
DRAWS = re.compile(r"\b(plot_drr|plot_mask|plot_img_and_mask|imshow)\(|\bplt\.|\.plot\(")
PNG = b"\x89PNG\r\n\x1a\n"
problems = 0
exporter = HTMLExporter()
for path in sorted(p for p in (root / "nbs").rglob("*.ipynb") if not p.name.startswith(("_", ".")) and ".ipynb_checkpoints" not in p.parts):
    nb = nbformat.read(path, as_version=4)
    issues = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        src = cell.source
        if any(o.get("output_type") == "error" for o in cell.get("outputs", [])):
            issues.append(f"cell {i} stores an error")
        hidden = src.lstrip().startswith(("#| export", "#|export", "#| hide", "#|hide"))
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        closed = "plt.close(" in src  # a test cell that draws off the page on purpose
        if DRAWS.search(src) and not hidden and not images and not closed and "def " not in src:
            issues.append(f"cell {i} draws a figure but stores no image")
    html, _ = exporter.from_notebook_node(nb)
    for src in re.findall(r'<img[^>]+src="data:image/png;base64,([^"]+)"', html):
        if not base64.b64decode(src).startswith(PNG):
            issues.append("an <img> holds no PNG")
    page = out / path.relative_to(root / "nbs").with_suffix(".html")
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_text(html)
    n_img = len(re.findall(r"<img", html))
    status = "ok  " if not issues else "FAIL"
    print(f"{status} {path.relative_to(root)} -> {page.name} ({n_img} images)" + ("" if not issues else ": " + "; ".join(issues)))
    problems += bool(issues)
print(f"docs written to {out}")
sys.exit(1 if problems else 0)
