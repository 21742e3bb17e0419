"""Every notebook has the frame that CONTRIBUTING.md fixes, and clean stored outputs.

Checked for each ``notebooks/NN_*.ipynb`` that exists: the opening cell (title,
two-sentence summary, learning objectives, builds on, prerequisites, reading
time), one code cell tagged ``parameters``, ``## Key takeaways`` followed by a
code cell that displays Markdown, ``## Exercises`` with ``exercise`` cells each
followed by ``solution`` cells (at least one of them code), kernelspec
``python3``, execution counts 1..N in order, no stderr or error outputs and no
absolute paths in any output.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
ABSOLUTE_PATH = re.compile(r"/root/|/home/|/tmp/|/work/|site-packages")
SENTENCE_END = re.compile(r"[.!?](?=\s+[A-Z0-9(“\"]|\s*$)")


def tags(cell: nbformat.NotebookNode) -> list[str]:
    return list(cell.get("metadata", {}).get("tags", []))


def opening_problems(name: str, cell: nbformat.NotebookNode) -> list[str]:
    """What the opening cell lacks, in the words of CONTRIBUTING.md."""
    if cell.cell_type != "markdown":
        return ["the opening cell is not Markdown"]
    text = cell.source.strip()
    lines = text.splitlines()
    problems = []
    number = name[:2]
    if not lines or not re.fullmatch(rf"#\s+{number}\s*·\s*\S.*", lines[0]):
        problems.append(f"the opening cell must start '# {number} · Title', found {lines[:1]!r}")
    summary = " ".join(line.strip() for line in _until_bold(lines[1:]))
    sentences = len(SENTENCE_END.findall(summary))
    if sentences != 2:
        problems.append(
            f"the summary after the title must be two sentences, found {sentences}: {summary[:120]!r}"
        )
    objectives = re.search(
        r"^\*\*Learning objectives\*\*:?\s*\n+((?:\s*(?:[-*]|\d+\.)\s+\S.*\n?)+)", text, re.M
    )
    if not objectives:
        problems.append("'**Learning objectives**' must be followed by a list")
    for label in ("Builds on:", "Prerequisites:"):
        if not re.search(rf"^\*\*{label}\*\*\s*\S", text, re.M):
            problems.append(f"missing the line '**{label}** ...'")
    if not re.search(r"^\*\*Reading time:\*\*\s*about\s+\d+\s+minutes?\.?\s*$", text, re.M):
        problems.append("missing the line '**Reading time:** about N minutes'")
    return problems


def _until_bold(lines: list[str]) -> list[str]:
    out = []
    for line in lines:
        if line.startswith("**"):
            break
        out.append(line)
    return out


def _heading_index(cells: list[nbformat.NotebookNode], heading: str) -> int | None:
    for index, cell in enumerate(cells):
        if cell.cell_type == "markdown" and re.search(
            rf"^##\s+{re.escape(heading)}\s*$", cell.source, re.M
        ):
            return index
    return None


def structure_problems(cells: list[nbformat.NotebookNode]) -> list[str]:
    problems = []
    params = [i for i, c in enumerate(cells) if "parameters" in tags(c)]
    if len(params) != 1 or cells[params[0]].cell_type != "code":
        problems.append(f"needs exactly one code cell tagged 'parameters', found cells {params}")

    takeaways = _heading_index(cells, "Key takeaways")
    if takeaways is None:
        problems.append("missing the heading '## Key takeaways'")
    else:
        following = cells[takeaways + 1] if takeaways + 1 < len(cells) else None
        if following is None or following.cell_type != "code":
            problems.append("'## Key takeaways' must be followed by a code cell")
        elif not any("text/markdown" in o.get("data", {}) for o in following.get("outputs", [])):
            problems.append(
                "the cell after '## Key takeaways' must display Markdown built from computed numbers"
            )

    exercises_at = _heading_index(cells, "Exercises")
    if exercises_at is None:
        problems.append("missing the heading '## Exercises'")
        return problems
    exercise_cells = [i for i, c in enumerate(cells) if "exercise" in tags(c)]
    if not exercise_cells:
        problems.append("'## Exercises' has no cell tagged 'exercise'")
    for n, index in enumerate(exercise_cells, start=1):
        cell = cells[index]
        if index < exercises_at:
            problems.append(f"exercise cell {index} comes before '## Exercises'")
        if cell.cell_type != "markdown" or not cell.source.lstrip().startswith(
            f"**Exercise {n}.**"
        ):
            problems.append(f"exercise cell {index} must be Markdown starting '**Exercise {n}.**'")
        solution = []
        for later in cells[index + 1 :]:
            if "solution" not in tags(later):
                break
            solution.append(later)
        if not any(c.cell_type == "code" for c in solution):
            problems.append(
                f"exercise {n} (cell {index}) must be followed by solution-tagged cells, one of them code"
            )
    for index, cell in enumerate(cells):
        if "solution" in tags(cell):
            before = index - 1
            while before >= 0 and "solution" in tags(cells[before]):
                before -= 1
            if before < 0 or "exercise" not in tags(cells[before]):
                problems.append(f"solution cell {index} does not follow an exercise")
    return problems


def output_problems(cells: list[nbformat.NotebookNode]) -> list[str]:
    problems = []
    counts = [c.get("execution_count") for c in cells if c.cell_type == "code"]
    if counts and all(c is None for c in counts):
        problems.append("no code cell has been executed: store the outputs with `make book`")
    elif counts != list(range(1, len(counts) + 1)):
        problems.append(f"execution counts must run 1..{len(counts)} in order, found {counts}")
    for index, cell in enumerate(cells):
        code_lines = (
            [line.split("#", 1)[0].rstrip() for line in cell.source.splitlines()]
            if cell.cell_type == "code"
            else []
        )
        code_lines = [line for line in code_lines if line]
        if code_lines and code_lines[-1].endswith(";"):
            problems.append(
                f"cell {index} ends with a semicolon that hides its result: {code_lines[-1][-60:]!r}"
            )
        for output in cell.get("outputs", []):
            if output.get("output_type") == "stream" and output.get("name") == "stderr":
                problems.append(
                    f"cell {index} wrote to stderr: {str(output.get('text', ''))[:120]!r}"
                )
            if output.get("output_type") == "error":
                problems.append(
                    f"cell {index} raised {output.get('ename')}: {output.get('evalue')}"
                )
            text = json.dumps(output, ensure_ascii=False)
            found = ABSOLUTE_PATH.search(text)
            if found:
                start = max(found.start() - 40, 0)
                problems.append(
                    f"cell {index} shows an absolute path: ...{text[start : found.end() + 40]!r}"
                )
    return problems


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_frame(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    nbformat.validate(nb)
    problems = []
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        problems.append(f"kernelspec must be python3, found {nb.metadata.get('kernelspec')}")
    problems += opening_problems(path.name, nb.cells[0]) if nb.cells else ["the notebook is empty"]
    problems += structure_problems(nb.cells)
    problems += output_problems(nb.cells)
    assert not problems, f"{path.name} breaks the frame of CONTRIBUTING.md:\n  " + "\n  ".join(
        problems
    )


def test_frame_check_catches_a_broken_notebook() -> None:
    """The checks can fail: a notebook without the frame yields every kind of problem."""
    bad = [
        nbformat.v4.new_markdown_cell(
            "# 7 · No number\n\nOne sentence only\n\n**Reading time:** soon"
        ),
        nbformat.v4.new_code_cell("x = 1;", execution_count=2),
        nbformat.v4.new_markdown_cell("**Exercise 1.** Orphan", metadata={"tags": ["exercise"]}),
    ]
    bad[1].outputs = [nbformat.v4.new_output("stream", name="stderr", text="Warning at /tmp/x.py")]
    problems = (
        opening_problems("07_bad.ipynb", bad[0]) + structure_problems(bad) + output_problems(bad)
    )
    text = "\n".join(problems)
    for expected in (
        "must start '# 07",
        "two sentences",
        "Learning objectives",
        "Builds on:",
        "Reading time",
        "parameters",
        "Key takeaways",
        "Exercises",
        "execution counts",
        "stderr",
        "absolute path",
        "semicolon",
    ):
        assert expected in text, f"the frame check misses {expected!r}:\n{text}"
