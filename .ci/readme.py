#!/usr/bin/env python3
"""Write README.md from nbs/index.ipynb (nbdev_readme needs Quarto, which these machines lack).

    python .ci/readme.py          # rewrite README.md
    python .ci/readme.py --check  # exit 1 if README.md is out of date

Markdown cells are copied as they are; code cells become ```python blocks followed by their
text output; cells marked `#| hide` and nbdev directive lines (`#| ...`) are dropped; image
outputs are left out (they live on the docs site); raw cells (front matter) are skipped.
"""
import json, pathlib, sys

root = pathlib.Path(__file__).resolve().parent.parent


def cell_to_markdown(cell):
    src = "".join(cell["source"])
    if cell["cell_type"] == "markdown":
        return src.strip()
    if cell["cell_type"] != "code":
        return ""
    lines = src.split("\n")
    directives = [l for l in lines if l.startswith("#|")]
    if any(d.replace(" ", "") in ("#|hide", "#|include:false") for d in directives):
        return ""
    code = "\n".join(l for l in lines if not l.startswith("#|")).strip()
    parts = [f"```python\n{code}\n```"] if code else []
    for out in cell.get("outputs", []):
        text = out.get("text") or out.get("data", {}).get("text/plain")
        if text and "image/png" not in out.get("data", {}):
            parts.append("```\n" + "".join(text).rstrip() + "\n```")
    return "\n\n".join(parts)


def readme():
    nb = json.loads((root / "nbs" / "index.ipynb").read_text())
    blocks = [cell_to_markdown(c) for c in nb["cells"]]
    header = "<!-- Generated from nbs/index.ipynb by .ci/readme.py: edit the notebook, not this file. -->"
    return header + "\n\n" + "\n\n".join(b for b in blocks if b) + "\n"


if __name__ == "__main__":
    text = readme()
    path = root / "README.md"
    if "--check" in sys.argv:
        if not path.exists() or path.read_text() != text:
            print("README.md is out of date: run python .ci/readme.py")
            sys.exit(1)
        print("README.md matches nbs/index.ipynb")
    else:
        path.write_text(text)
