"""The reading copy in a real browser: Debian's headless Chromium driven by Playwright.

The site is built from the notebooks' stored outputs into a temporary folder,
then every page is opened from ``file://``. A page fails on a console error, a
request that would leave the machine, an image or SVG with no size, an internal
link to a missing file or anchor, or a solution visible before its click.
Screenshots of the landing page and the first notebook page go to
``_build/screenshots/``.

Where Chromium is missing the tests skip with the reason (``make test`` installs
it when it can); with ``CI=true`` a missing browser is a failure.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Iterator
from urllib.parse import unquote, urlsplit

import nbformat
import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
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


def _browser_missing_reason() -> str | None:
    if CHROMIUM.exists():
        return None
    reason = f"{CHROMIUM} not found; `make chromium` installs Debian's chromium when run as root with apt-get"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"CI=true and the browser test cannot run: {reason}")
    return reason


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site, built by the same script as ``make book``, into a fresh folder."""
    out = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_site.py"), "--out", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, f"build_site.py failed:\n{result.stdout}\n{result.stderr}"
    assert result.stderr == "", f"build_site.py wrote to stderr:\n{result.stderr}"
    return out


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    reason = _browser_missing_reason()
    if reason:
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        launched = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
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


def broken_links(site: Path, page: Path, hrefs: list[str], cache: dict[Path, set[str]]) -> list[str]:
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
        elif parts.fragment and target.suffix == ".html" and unquote(parts.fragment) not in _ids_in(target, cache):
            problems.append(f"{page.name}: link to missing anchor #{parts.fragment} in {target.name}")
    return problems


SIZES_JS = """() => [...document.querySelectorAll('img, svg')]
    .filter(el => !(el.tagName.toLowerCase() === 'svg' && el.parentElement.closest('svg')))
    .map(el => { const r = el.getBoundingClientRect();
                 return {tag: el.tagName.toLowerCase(), w: r.width, h: r.height,
                         natural: el.tagName.toLowerCase() === 'img' ? el.naturalWidth : -1,
                         label: (el.closest('figure') && el.closest('figure').getAttribute('aria-label')) || ''}; })"""


@pytest.mark.parametrize("name", PAGES)
def test_page_in_browser(site: Path, browser: Any, name: str) -> None:
    page_path = site / name
    assert page_path.is_file(), f"{name} was not built"
    problems: list[str] = []
    context = browser.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    # Anything not local is recorded and refused, so the test itself never reaches the network.
    context.route(re.compile(r"^(?!file:|data:|about:)"), lambda route: route.abort())
    page = context.new_page()
    page.on("console", lambda m: problems.append(f"console {m.type}: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda exc: problems.append(f"page error: {exc}"))
    page.on(
        "request",
        lambda r: None if r.url.startswith(LOCAL_SCHEMES) else problems.append(f"request leaves the machine: {r.url}"),
    )
    page.on("requestfailed", lambda r: problems.append(f"request failed: {r.url} ({r.failure})"))
    try:
        page.goto(page_path.as_uri(), wait_until="load")

        # Solutions: folded before the click, shown after it.
        solutions = page.locator("details.solution")
        for i in range(solutions.count()):
            block = solutions.nth(i)
            body = block.locator(":scope > .solution-body")
            if body.is_visible():
                problems.append(f"solution {i + 1} is visible before its summary is clicked")
            block.locator(":scope > summary").click()
            if not body.is_visible():
                problems.append(f"solution {i + 1} stays hidden after its summary is clicked")

        # Sizes: open every fold so that charts inside solutions are laid out too.
        page.evaluate("() => document.querySelectorAll('details').forEach(d => d.open = true)")
        for item in page.evaluate(SIZES_JS):
            if item["w"] <= 0 or item["h"] <= 0 or item["natural"] == 0:
                problems.append(f"<{item['tag']}> with zero size {item['w']}x{item['h']} {item['label'][:60]!r}")

        hrefs = page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
        problems += broken_links(site, page_path, hrefs, {})
    finally:
        context.close()
    assert not problems, f"{name}:\n  " + "\n  ".join(problems)


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_every_exercise_has_a_folded_solution(site: Path, notebook: Path) -> None:
    nb = nbformat.read(notebook, as_version=4)
    exercises = sum("exercise" in c.metadata.get("tags", []) for c in nb.cells)
    html = (site / (notebook.stem + ".html")).read_text(encoding="utf-8")
    assert exercises > 0, f"{notebook.name} has no exercise"
    assert html.count('<section class="exercise">') == exercises
    assert html.count('<details class="solution">') == exercises


def test_screenshots(site: Path, browser: Any) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shots = [("index.html", "landing.png")]
    if NOTEBOOKS:
        shots.append((NOTEBOOKS[0].stem + ".html", "notebook.png"))
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route(re.compile(r"^(?!file:|data:|about:)"), lambda route: route.abort())
    try:
        for name, png in shots:
            page = context.new_page()
            page.goto((site / name).as_uri(), wait_until="load")
            page.screenshot(path=str(SCREENSHOTS / png), full_page=True)
            assert (SCREENSHOTS / png).stat().st_size > 10_000, f"{png} looks empty"
    finally:
        context.close()
