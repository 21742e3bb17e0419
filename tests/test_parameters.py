"""Every documented parameter value runs, a misspelt name stops the run, and verdicts ignore the display currency.

For each notebook whose helper module declares ``PARAMETERS`` (found through the notebook's own
``h.params.check_namespace(<module>.PARAMETERS, globals())`` call, see tests/nbcases.py and CONTRIBUTING.md),
the notebook runs once per value from ``helpers.params.cases`` with that one parameter changed:

- no cell may raise or write to stderr;
- a misspelt parameter name must stop the run with ``ParameterError``;
- for a parameter whose values are currency codes (a display currency), the Markdown and plain-text outputs
  must be identical across its values once numbers, currency codes and scale words are masked: a verdict
  ("above", "more", "agrees") may not depend on the currency the numbers are shown in.

A notebook that declares no PARAMETERS yet is skipped with the reason. The engine is proved on a small
synthetic notebook (good, failing, misspelt and currency-dependent cases) in a temporary folder.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from nbcases import Case, Result, cases_for, currency_parameters, discover, mask, misspelt, run_all
from nbfiles import write_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
SPECS = {nb: discover(nb) for nb in NOTEBOOKS}
ALL_CASES = [case for nb, spec in SPECS.items() if spec for case in cases_for(nb, spec)]


def _files(folder: Path) -> dict[str, tuple[int, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size)
        for p in folder.rglob("*")
        if p.is_file()
    }


#: The notebooks' folder before and after the sweep (filled by the ``results`` fixture).
FOLDER: dict[str, dict[str, tuple[int, int]]] = {}


@pytest.fixture(scope="module")
def results() -> dict[Case, Result]:
    """Every case of every notebook (tests/nbsweep.py: each forked from the notebook's as-written run)."""
    folder = ROOT / "notebooks"
    FOLDER["before"] = _files(folder)
    found = run_all(ALL_CASES)
    FOLDER["after"] = _files(folder)
    return found


def test_no_case_writes_a_file_beside_the_notebooks(results: dict[Case, Result]) -> None:
    """Cases run side by side in the notebooks' folder, so a notebook may write no file there (nor change one)."""
    before, after = FOLDER["before"], FOLDER["after"]
    changed = sorted(
        name for name in set(before) | set(after) if before.get(name) != after.get(name)
    )
    assert not changed, f"files written or changed by the notebooks under the sweep: {changed}"


def _problems(result: Result) -> list[str]:
    if result.case.expect_error:
        names = [name for name, _ in result.errors]
        if result.case.expect_error not in names:
            return [
                f"expected {result.case.expect_error}, got {names or 'no error'}"
            ] + result.problems
        return []
    return result.problems


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_parameter_value_runs(notebook: Path, results: dict[Case, Result]) -> None:
    if SPECS[notebook] is None:
        pytest.skip(
            f"{notebook.name} declares no PARAMETERS yet (no check_namespace(<module>.PARAMETERS, globals()))"
        )
    failed = {
        c.label: _problems(r) for c, r in results.items() if c.notebook == notebook and _problems(r)
    }
    assert not failed, "\n".join(f"{label}: {'; '.join(p)}" for label, p in failed.items())


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_verdicts_do_not_depend_on_the_display_currency(
    notebook: Path, results: dict[Case, Result]
) -> None:
    spec = SPECS[notebook]
    if spec is None:
        pytest.skip(f"{notebook.name} declares no PARAMETERS yet")
    names = currency_parameters(spec)
    if not names:
        pytest.skip(f"{notebook.name} has no display-currency parameter")
    for name in names:
        assert_same_masked_text(
            {c: r for c, r in results.items() if c.notebook == notebook and c.name == name}
        )


def assert_same_masked_text(runs: dict[Case, Result]) -> None:
    """The masked Markdown and text outputs are the same under every value (first difference shown)."""
    masked = {case.value: [mask(t) for t in result.texts] for case, result in runs.items()}
    (first, reference), *others = masked.items()
    for value, texts in others:
        for i, (a, b) in enumerate(zip(reference, texts)):
            assert a == b, f"output {i} differs between {first!r} and {value!r}:\n  {a}\n  {b}"
        assert len(reference) == len(texts), (
            f"{first!r} shows {len(reference)} outputs, {value!r} {len(texts)}"
        )


# ----------------------------------------------------------------------------- the harness, proved

MODULE = """
from helpers.params import Choice, Number

PARAMETERS = {
    "currency": Choice(("USD", "RMB")),
    "growth": Number(low=0.0, high=1.0, edges=(0.5,)),
}
RATE = {"USD": 1.0, "RMB": 7.04}
"""


def _notebook(folder: Path, name: str, body: list[str], check: bool = True) -> Path:
    """A synthetic notebook: a parameters cell, the check (or none), then ``body`` cells."""
    call = (
        "h.params.check_namespace(synth.PARAMETERS, globals())"
        if check
        else "h.params.cases(synth.PARAMETERS)"
    )
    return write_notebook(
        folder / name,
        "# Growth per month, a fraction\ncurrency = 'USD'\ngrowth = 0.1",
        f"import helpers as h\nimport synth\n\n{call}",
        *body,
        parameters=True,
    )


GOOD = [
    "from IPython.display import Markdown\nvalue = 100 * synth.RATE[currency]",
    "Markdown(f'Revenue is {currency} {value:.1f} million, which is above the cost.')",
]
BAD = [
    "from IPython.display import Markdown\nvalue = 100 * synth.RATE[currency]\nmonths = 1 / (1 - growth)",
    "import sys\nif growth == 0.5:\n    print('careful', file=sys.stderr)",
    "word = 'above' if value < 200 else 'below'\nMarkdown(f'Revenue {currency} {value:.1f} million is {word} cost.')",
]


@pytest.fixture(scope="module")
def synth_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A temporary folder holding MODULE as ``synth.py``, importable while the module's tests run."""
    folder = tmp_path_factory.mktemp("synthetic")
    (folder / "synth.py").write_text(MODULE, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(folder))
        yield folder


@pytest.fixture(scope="module")
def synthetic(synth_folder: Path) -> dict[str, dict[Case, Result]]:
    """Three synthetic notebooks (good, bad, unchecked), all their cases run in one go."""
    good = _notebook(synth_folder, "01_good.ipynb", GOOD)
    bad = _notebook(synth_folder, "02_bad.ipynb", BAD)
    unchecked = _notebook(synth_folder, "03_unchecked.ipynb", ["x = 1"], check=False)
    runs = {nb: cases_for(nb, discover(nb) or {}) for nb in (good, bad)}
    runs[unchecked] = [Case(unchecked, misspelt("currency"), "USD", "ParameterError")]
    results = run_all(case for cases in runs.values() for case in cases)
    return {nb.stem: {c: r for c, r in results.items() if c.notebook == nb} for nb in runs}


def test_harness_finds_the_spec_and_lists_the_cases(
    synthetic: dict[str, dict[Case, Result]],
) -> None:
    runs = list(synthetic["01_good"])
    assert [(c.name, c.value) for c in runs] == [
        ("currency", "USD"),
        ("currency", "RMB"),
        ("growth", 0.0),
        ("growth", 1.0),
        ("growth", 0.5),
        (misspelt("currency"), "USD"),
    ]
    assert runs[-1].expect_error == "ParameterError"


def test_harness_passes_a_good_notebook(synthetic: dict[str, dict[Case, Result]]) -> None:
    results = synthetic["01_good"]
    assert all(not _problems(r) for r in results.values()), {
        c.label: r.problems for c, r in results.items()
    }
    assert_same_masked_text({c: r for c, r in results.items() if c.name == "currency"})
    assert any("above the cost" in t for r in results.values() for t in r.texts), (
        "the outputs were collected"
    )


def test_harness_fails_a_crash_stderr_and_a_currency_dependent_verdict(
    synthetic: dict[str, dict[Case, Result]],
) -> None:
    results = synthetic["02_bad"]
    by_value = {(c.name, c.value): _problems(r) for c, r in results.items()}
    assert "raised ZeroDivisionError" in " ".join(by_value[("growth", 1.0)])
    assert "wrote to stderr" in " ".join(by_value[("growth", 0.5)])
    assert by_value[("growth", 0.0)] == [] and by_value[(misspelt("currency"), "USD")] == []
    with pytest.raises(AssertionError, match="differs between 'USD' and 'RMB'"):
        assert_same_masked_text({c: r for c, r in results.items() if c.name == "currency"})


def test_harness_fails_a_misspelt_name_that_is_not_stopped(
    synthetic: dict[str, dict[Case, Result]],
) -> None:
    """A notebook that ignores its spec (no check_namespace) lets a typo through: the harness reports it."""
    (result,) = synthetic["03_unchecked"].values()
    assert _problems(result) == ["expected ParameterError, got no error"]


#: A notebook built to catch a wrong fork point: state built by cells that name no parameter, a cell that
#: names one, and a cell that reads one through globals() without naming it.
REACH = [
    "from IPython.display import Markdown\ntotal = []",
    "total.append(100)",
    "Markdown(f'total {sum(total)}')",
    "Markdown(f'Shown in {currency}: {sum(total) * synth.RATE[currency]:.1f}')",
    "seen = globals()['growth']\nMarkdown(f'growth read without its name: {seen}')",
]


@pytest.fixture(scope="module")
def reach(synth_folder: Path) -> dict[str, dict[Case, Result]]:
    """The REACH notebook's cases, forked from the as-written run and run from the top."""
    nb = _notebook(synth_folder, "04_reach.ipynb", REACH)
    runs = cases_for(nb, discover(nb) or {})
    return {"fork": run_all(runs), "top": run_all(runs, fork=False)}


def test_forked_cases_give_what_runs_from_the_top_give(
    reach: dict[str, dict[Case, Result]],
) -> None:
    forked, top = reach["fork"], reach["top"]
    for case, result in forked.items():
        other = top[case]
        assert (result.texts, result.problems, result.errors) == (
            other.texts,
            other.problems,
            other.errors,
        ), case.label
    assert any(
        "growth read without its name: 0.5" in t for t in forked[Case(*_growth(forked))].texts
    )


def _growth(results: dict[Case, Result]) -> tuple[Path, str, float]:
    (case,) = [c for c in results if c.name == "growth" and c.value == 0.5]
    return case.notebook, "growth", 0.5


@pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="cases are forked on Linux only (tests/nbsweep.py)"
)
def test_each_case_starts_at_the_first_cell_that_can_see_its_parameter(
    reach: dict[str, dict[Case, Result]],
) -> None:
    """Code cells: 0 parameters, 1 check, 2-4 build state, 5 names currency, 6 reads growth via globals()."""
    starts = {(c.name, c.value): r.start for c, r in reach["fork"].items()}
    assert starts == {
        ("currency", "USD"): None,  # the as-written value: the as-written run itself
        ("currency", "RMB"): 5,
        ("growth", 0.0): 6,
        ("growth", 1.0): 6,
        ("growth", 0.5): 6,
        (misspelt("currency"), "USD"): 6,  # named nowhere, but cell 6 reaches every name
    }
    assert all(r.start in (0, None) for r in reach["top"].values())
    (typo,) = [r for c, r in reach["fork"].items() if c.expect_error]
    assert typo.problems[0].startswith("cell 1 raised ParameterError"), typo.problems


def test_names_in_sees_names_and_treats_dynamic_access_as_every_name() -> None:
    from nbsweep import first_reach, names_in

    assert names_in("y = f(x)") == {"y", "f", "x"}
    assert names_in("h.params.check_namespace(m.PARAMETERS, globals())") == {"h", "m"}
    for dynamic in ("globals()['x']", "eval('x')", "vars()", "get_ipython().user_ns", "%who"):
        assert names_in(dynamic) is None, dynamic
    assert names_in("import __main__") is None
    assert names_in("def f():\n    return growth") == {"growth"}
    assert first_reach(["a = 1", "b = 2", "c = growth"], 1, "growth") == 2
    assert first_reach(["a = 1", "b = 2"], 1, "growth") == 2


def test_a_notebook_without_parameters_is_found_as_none(tmp_path: Path) -> None:
    path = write_notebook(tmp_path / "00_plain.ipynb", "x = 1", parameters=True)
    assert discover(path) is None


def test_mask_hides_numbers_currencies_and_scales_only() -> None:
    assert (
        mask("USD 1,046.2 million is above RMB 7.4 billion") == "CUR N SCALE is above CUR N SCALE"
    )
    assert mask("above") != mask("below")
    one = "Zhipu's revenue was 1.3x MiniMax's (7.04 RMB per USD (dated 2025-12-21), one rate)."
    two = (
        "Zhipu's revenue was 1.3x MiniMax's (7.04 RMB per USD (dated 2025-12-21) and "
        "7.8 HKD per USD (dated 2026-01-09), one rate)."
    )
    assert mask(one) == mask(two)
    with_conversion = "the proceeds, HKD 4,818 million (S13), about USD 618 million at 7.8 HKD per USD (2026-01-09), by"
    assert mask(with_conversion) == mask("the proceeds, HKD 4,818 million (S13), by")
    assert mask("Zhipu grew faster at 7.04 RMB per USD (dated 2025-12-21)") != mask(
        "Zhipu grew slower"
    )
