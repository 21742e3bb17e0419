"""The reading copy in a real browser: Debian's headless Chromium driven by Playwright.

The site is built from the notebooks' stored outputs into a temporary folder,
then every page is opened from ``file://``. A page fails on a console error, a
request that would leave the machine, an image or SVG with no size, an internal
link to a missing file or anchor, or a solution visible before its click.
Screenshots of the landing page (whole) and of the first notebook page (first
screen) go to ``_build/screenshots/``.

``SITE_DIR=_build/site`` checks an already built site instead of building one.
Where Chromium is missing the tests skip with the reason (``make test`` installs
it when it can); with ``CI=true`` a missing browser is a failure.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import sys
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urlsplit

import nbformat
import pytest
from nbfiles import load_runner

ROOT = Path(__file__).resolve().parent.parent


def _find_chromium() -> Path:
    """``$CHROMIUM``, else Debian's ``/usr/bin/chromium``, else another Chromium build on the PATH (hosted CI)."""
    if os.environ.get("CHROMIUM"):
        return Path(os.environ["CHROMIUM"])
    debian = Path("/usr/bin/chromium")
    if debian.exists():
        return debian
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if found := shutil.which(name):
            return Path(found)
    return debian


CHROMIUM = _find_chromium()
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = ROOT / "_build" / "screenshots"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
PAGES = ["index.html", "sources.html", "glossary.html"] + [p.stem + ".html" for p in NOTEBOOKS]
LOCAL_SCHEMES = ("file:", "data:", "about:")
#: Screenshots taken as each page loads, before any fold is opened: the landing page whole, a notebook's first screen.
SHOTS = {"index.html": ("landing.png", True)}
if NOTEBOOKS:
    SHOTS[NOTEBOOKS[0].stem + ".html"] = ("notebook.png", False)


def _browser_missing_reason() -> str | None:
    if CHROMIUM.exists():
        return None
    reason = f"{CHROMIUM} not found; `make chromium` installs Debian's chromium when run as root with apt-get"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and the browser test cannot run: {reason}")
    return reason


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_site", ROOT / "scripts" / "build_site.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_site"] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built by the same code as ``make book`` (in this process), into a fresh folder.

    With ``SITE_DIR`` set, the already built site in that folder is checked instead (e.g. ``_build/site``).
    """
    if os.environ.get("SITE_DIR"):
        return Path(os.environ["SITE_DIR"]).resolve()
    out = tmp_path_factory.mktemp("site")
    landing = _load_builder().build(ROOT / "notebooks", out)
    assert landing == out / "index.html" and landing.is_file()
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _browser_missing_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        try:
            yield launched
        finally:
            launched.close()


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("id", "name") and value:
                self.ids.add(value)


def _ids_in(path: Path, cache: dict[Path, set[str]]) -> set[str]:
    if path not in cache:
        parser = _Ids()
        parser.feed(path.read_text(encoding="utf-8"))
        cache[path] = parser.ids
    return cache[path]


def broken_links(
    site: Path, page: Path, hrefs: list[str], cache: dict[Path, set[str]]
) -> list[str]:
    """Internal links (resolved ``file://`` URLs) whose file or anchor does not exist in the site."""
    problems = []
    for href in hrefs:
        parts = urlsplit(href)
        if parts.scheme != "file":
            continue
        target = Path(unquote(parts.path))
        if not target.is_file():
            problems.append(f"{page.name}: link to missing file {href}")
        elif not target.resolve().is_relative_to(site.resolve()):
            problems.append(f"{page.name}: link leaves the site: {href}")
        elif (
            parts.fragment
            and target.suffix == ".html"
            and unquote(parts.fragment) not in _ids_in(target, cache)
        ):
            problems.append(
                f"{page.name}: link to missing anchor #{parts.fragment} in {target.name}"
            )
    return problems


FOLDED_JS = """() => [...document.querySelectorAll('details.solution')].map(d => {
    const body = d.querySelector(':scope > .solution-body');
    return !body || !body.checkVisibility(); })"""

SIZES_JS = """() => [...document.querySelectorAll('img, svg')]
    .filter(el => !(el.tagName.toLowerCase() === 'svg' && el.parentElement.closest('svg')))
    .map(el => { const r = el.getBoundingClientRect();
                 return {tag: el.tagName.toLowerCase(), w: r.width, h: r.height,
                         natural: el.tagName.toLowerCase() === 'img' ? el.naturalWidth : -1,
                         label: (el.closest('figure') && el.closest('figure').getAttribute('aria-label')) || ''}; })"""


#: Text outside code that still holds TeX between dollar signs: a formula the build did not render.
UNRENDERED_JS = r"""() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const found = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.parentElement.closest('pre, code, math, script, style')) continue;
        const hit = node.textContent.match(/\$\$?[^$\n]*[=\\^_{][^$\n]*\$/);
        if (hit) found.push(hit[0].slice(0, 60));
    }
    return found; }"""

#: Every MathML formula is laid out with a size (the browser drew it).
MATH_JS = """() => [...document.querySelectorAll('math')].map(m => {
    const r = m.getBoundingClientRect(); return {w: r.width, h: r.height, text: m.textContent.slice(0, 40)}; })"""


def new_context(browser: Any) -> Any:
    """A browser context in which anything not local is refused, so the test itself never reaches the network."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.route(re.compile(r"^(?!file:|data:|about:)"), lambda route: route.abort())
    return context


@pytest.fixture(scope="module")
def context(browser: Any) -> Iterator[Any]:
    shared = new_context(browser)
    try:
        yield shared
    finally:
        shared.close()


_ID_CACHE: dict[Path, set[str]] = {}


def check_page(
    context: Any, site: Path, page_path: Path, screenshot: tuple[Path, bool] | None = None
) -> list[str]:
    """Open one page from ``file://`` and list everything wrong with it (empty when all is well)."""
    problems: list[str] = []
    page = context.new_page()
    page.on(
        "console",
        lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on(
        "request",
        lambda r: (
            None
            if r.url.startswith(LOCAL_SCHEMES)
            else problems.append(f"request leaves the machine: {r.url}")
        ),
    )
    page.on(
        "requestfailed",
        lambda r: (
            None
            if not r.url.startswith("file:")
            else problems.append(f"missing file: {r.url} ({r.failure})")
        ),
    )
    try:
        page.goto(page_path.as_uri(), wait_until="load")
        if screenshot:
            screenshot[0].parent.mkdir(parents=True, exist_ok=True)
            page.screenshot(path=str(screenshot[0]), full_page=screenshot[1])

        # Solutions: folded before the click, shown after it (the first by a real mouse click).
        hidden = page.evaluate(FOLDED_JS)
        problems += [
            f"solution {i + 1} is visible before its summary is clicked"
            for i, h in enumerate(hidden)
            if not h
        ]
        if hidden:
            page.locator("details.solution > summary").first.click()
            page.evaluate(
                "() => document.querySelectorAll('details.solution > summary').forEach((s, i) => i && s.click())"
            )
            shown = page.evaluate(FOLDED_JS)
            problems += [
                f"solution {i + 1} stays hidden after its click" for i, h in enumerate(shown) if h
            ]

        # Sizes: open every fold so that charts inside solutions are laid out too.
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        for item in page.evaluate(SIZES_JS):
            if item["w"] <= 0 or item["h"] <= 0 or item["natural"] == 0:
                problems.append(
                    f"<{item['tag']}> with zero size {item['w']}x{item['h']} {item['label'][:60]!r}"
                )

        problems += [f"unrendered formula: {tex!r}" for tex in page.evaluate(UNRENDERED_JS)]
        for item in page.evaluate(MATH_JS):
            if item["w"] <= 0 or item["h"] <= 0:
                problems.append(f"formula drawn with zero size: {item['text']!r}")

        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        problems += broken_links(site, page_path, hrefs, _ID_CACHE)
    finally:
        page.close()
    return problems


@pytest.mark.parametrize("name", PAGES)
def test_page_in_browser(site: Path, context: Any, name: str) -> None:
    page_path = site / name
    assert page_path.is_file(), f"{name} was not built"
    shot = (SCREENSHOTS / SHOTS[name][0], SHOTS[name][1]) if name in SHOTS else None
    problems = check_page(context, site, page_path, shot)
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)


BROKEN_PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>broken</title>
<link rel="stylesheet" href="missing.css"></head><body>
<script src="https://cdn.example.invalid/require.js"></script>
<script>console.error("boom")</script>
<svg width="0" height="0"></svg>
<details class="solution" open><summary>Show the solution</summary><div class="solution-body">x = 1</div></details>
<p>A runway is $T = C/b$ months.</p>
<a href="nowhere.html">dead</a> <a href="#no-such-anchor">dead anchor</a> <a href="https://example.org">outside</a>
</body></html>"""


def test_checks_catch_a_broken_page(browser: Any, tmp_path: Path) -> None:
    """The page checks can fail: a page with each fault the test looks for is caught on every count."""
    (tmp_path / "broken.html").write_text(BROKEN_PAGE, encoding="utf-8")
    context = new_context(browser)
    try:
        text = "\n".join(check_page(context, tmp_path, tmp_path / "broken.html"))
    finally:
        context.close()
    for expected in (
        "request leaves the machine: https://cdn.example.invalid/require.js",
        "console error: boom",
        "missing file: file://",
        "<svg> with zero size",
        "solution 1 is visible before",
        "link to missing file",
        "missing anchor #no-such-anchor",
        "unrendered formula: '$T = C/b$'",
    ):
        assert expected in text, f"the page check misses {expected!r}:\n{text}"
    assert "example.org" not in text, "a link to an outside page (not a request) is not a fault"


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_exercise_has_a_folded_solution(site: Path, notebook: Path) -> None:
    nb = nbformat.read(notebook, as_version=4)
    exercises = sum("exercise" in c.metadata.get("tags", []) for c in nb.cells)
    html = (site / (notebook.stem + ".html")).read_text(encoding="utf-8")
    assert exercises > 0, f"{notebook.name} has no exercise"
    assert html.count('<section class="exercise">') == exercises
    assert html.count('<details class="solution">') == exercises


def test_formulas_become_mathml_and_code_keeps_its_dollars() -> None:
    """Inline and display LaTeX turn into MathML at build time; a dollar inside code stays text."""
    builder = _load_builder()
    page = builder.Page()
    out = page.markdown(
        "Runway $T = C/b$ and\n\n$$\nT = \\frac{\\ln(1 + C g / b)}{g}\n$$\n\n`cost $5`"
    )
    assert out.count("<math") == 2 and 'display="block"' in out and 'display="inline"' in out
    assert "<code>cost $5</code>" in out
    with pytest.raises(builder.BuildError, match="cannot render the formula"):
        page.markdown("$x^$")
    with pytest.raises(builder.BuildError, match="unknown command"):
        page.markdown("$\\foo x$")


# ----------------------------------------------------------------------------- markup from data never runs

PLANT = '<img src="x" data-planted="1" onerror="window.__planted=1"><script>window.__planted=1</script>PLANTED'

#: Free-text fields a contributor fills in, per table: the planted markup goes at the end of each.
PLANTED_FIELDS = {
    "facts.csv": ["locator", "note"],
    "sources.csv": ["publisher", "title", "note"],
    "rates.csv": ["locator", "note"],
    "profile.csv": ["value", "locator"],
    "events.csv": ["event", "locator"],
    "glossary.csv": ["definition"],
}


def plant(data: Path) -> int:
    """Append the planted markup to every free-text field (profile values that are numbers stay numbers)."""
    import csv
    import io

    count = 0
    for name, columns in PLANTED_FIELDS.items():
        path = data / name
        rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
        for row in rows:
            for col in columns:
                if col == "value" and not re.search(r"[A-Za-z] ", row[col]):
                    continue
                row[col] += PLANT
                count += 1
        out = io.StringIO(newline="")
        writer = csv.DictWriter(out, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
        path.write_text(out.getvalue(), encoding="utf-8")
    return count


PLANT_JS = """() => ({elements: document.querySelectorAll('[data-planted], script').length,
                     ran: window.__planted === 1, text: document.body.innerText.includes('PLANTED')})"""


@pytest.fixture(scope="module")
def planted_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The notebooks run on a copy of data/ with markup planted in every text field, and the site built from them."""
    root = tmp_path_factory.mktemp("planted")
    shutil.copytree(ROOT / "data", root / "data")
    assert plant(root / "data") > 100
    shutil.copytree(ROOT / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".*"))
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("HELPERS_DATA_DIR", str(root / "data"))
        mp.setenv("JUPYTER_DATA_DIR", str(root / "jupyter-data"))
        runner = load_runner()
        assert (
            runner.main([str(p) for p in sorted((root / "notebooks").glob("[0-9][0-9]_*.ipynb"))])
            == 0
        )
        _load_builder().build(root / "notebooks", root / "site")
    return root / "site"


def test_planted_markup_never_becomes_an_element_or_runs(planted_site: Path, context: Any) -> None:
    shown = []
    for name in PAGES:
        page = context.new_page()
        try:
            page.goto((planted_site / name).as_uri(), wait_until="load")
            page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
            found = page.evaluate(PLANT_JS)
        finally:
            page.close()
        assert found["elements"] == 0 and not found["ran"], (
            f"{name}: planted markup became an element: {found}"
        )
        if found["text"]:
            shown.append(name)
    assert {"sources.html", "glossary.html"} <= set(shown), (
        "the planted text must reach the pages as text"
    )
    assert any(n.startswith("0") for n in shown), (
        f"no notebook page showed a planted value: {shown}"
    )


def test_markdown_keeps_allowed_tags_and_escapes_the_rest() -> None:
    page = _load_builder().Page()
    out = page.markdown(
        'H<sub>2</sub>O, x<sup>2</sup><br>line <abbr title="a &amp; b">AB</abbr> '
        '<script>alert(1)</script> <img src=x onerror=alert(1)> <sup onclick="x()">3</sup> '
        '<span style="color:red">s</span> [link](javascript:alert(1)) <a id="here"></a> '
        '<a href="javascript:alert(1)">x</a>\n\n<div>block</div>\n\n$x^2$'
    )
    for kept in (
        "<sub>2</sub>",
        "<sup>2</sup>",
        "<br>",
        '<abbr title="a &amp; b">AB</abbr>',
        '<a id="here"></a>',
        "<math",
    ):
        assert kept in out, f"{kept} missing from {out}"
    for gone in ("<script", "<img", "<sup onclick", "<span", "<div>", '<a href="javascript'):
        assert gone not in out, f"{gone} survived in {out}"
    assert "&lt;script&gt;" in out and "&lt;div&gt;block&lt;/div&gt;" in out


def test_html_outputs_keep_tables_and_lose_scripts() -> None:
    builder = _load_builder()
    table = (
        '<table class="dataframe" border="1"><thead><tr><th>a</th></tr></thead><tbody>'
        '<tr><td onclick="x()">1.5</td></tr><tr><td><script>bad()</script>2</td></tr></tbody></table>'
    )
    out = builder.tidy_table_html(table)
    assert "<table" in out and "<td" in out and "onclick" not in out and "<script" not in out
    assert "&lt;script&gt;bad()&lt;/script&gt;" in out


def test_describe_escapes_text_from_data() -> None:
    import helpers as h
    from helpers.formatting import describe
    from helpers.words import Markup, sentence

    item = h.fact("minimax", "revenue", "9M2025")
    planted = type(item)(**{**item.__dict__, "locator": "4.1<script>x()</script>_[a]"})
    text = describe(planted)
    assert isinstance(text, Markup) and "<script>" not in text and r"\_\[a\]" in text
    assert sentence("{d}", d=text) == text, "describe's text is escaped once, not twice"
