"""Build the reading copy: a static site made from the notebooks' stored outputs.

Used by ``make book`` after the notebooks have run. Nothing is executed here:
each ``notebooks/NN_*.ipynb`` is rendered as committed (tables, SVG charts,
Markdown outputs), with a table of contents, previous and next links, a
download link, exercise solutions folded away and plotting code folded. A
landing page, a sources page and a glossary page are generated from the
notebooks' opening cells and from ``data/`` (through ``helpers``).

The site is fully offline: one local stylesheet, no JavaScript, no fonts or
scripts from the network, relative links only, so it opens from ``file://``.
The same inputs give byte-identical files.

Usage: python scripts/build_site.py [--notebooks DIR] [--out DIR]
"""

from __future__ import annotations

import argparse
import html
import re
import shutil
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import mistune
import nbformat
from bs4 import BeautifulSoup
from latex2mathml.converter import convert as latex_to_mathml
from pygments import highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import PythonLexer

import helpers

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK_NAME = re.compile(r"^(\d\d)_[A-Za-z0-9_]+\.ipynb$")
TITLE_LINE = re.compile(r"^#\s+(\d\d)\s*·\s*(.+?)\s*$")
READING_TIME = re.compile(r"\*\*Reading time:\*\*\s*about\s+(\d+)\s+minutes?", re.IGNORECASE)
SITE_TITLE = "Zhipu and MiniMax: two AI listings in Hong Kong"
PAPERMILL_EXAMPLE = (
    ".venv/bin/papermill notebooks/03_cash_runway_sensitivity.ipynb "
    "_build/my_case.ipynb -p burn_growth_per_month 0.02"
)
KIND_LABELS = {
    "source_article": "the source article",
    "press_report": "press report of a prospectus or results",
    "forum_post": "forum post",
    "exchange_rule": "exchange rule",
    "research_compilation": "research compilation relaying filings (kept in a public repository)",
}
LANGUAGE_LABELS = {
    "en": "English",
    "zh-Hans": "Chinese (Simplified)",
    "zh-Hant": "Chinese (Traditional)",
}


class BuildError(RuntimeError):
    """A notebook or data file cannot be turned into a page; the message names it."""


# --------------------------------------------------------------------------- Markdown


def slugify(text: str) -> str:
    """An id for a heading: lower case words joined by hyphens. Example: ``slugify("How long? 2") == "how-long-2"``"""
    text = re.sub(r"<[^>]+>", "", text)
    text = html.unescape(text).lower()
    text = re.sub(r"[^\w\s-]", "", text)
    return re.sub(r"[\s_-]+", "-", text).strip("-") or "section"


#: Raw HTML the collection's authors may write in Markdown: tag -> attributes allowed on it. Any other tag
#: or attribute in Markdown (a notebook's text or a computed output carrying a value from data/) is shown
#: as text, never made an element: the reading copy runs no one's script. CONTRIBUTING.md lists these.
ALLOWED_HTML: dict[str, frozenset[str]] = {
    "sup": frozenset(),
    "sub": frozenset(),
    "br": frozenset(),
    "abbr": frozenset({"title"}),
    "small": frozenset(),
    "a": frozenset(
        {"id"}
    ),  # an anchor to link to (no href: a link is written in Markdown, and checked)
}
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9]*)((?:\s+[A-Za-z-]+=\"[^\"<>]*\")*)\s*(/?)>")
_ATTR = re.compile(r'([A-Za-z-]+)="([^"<>]*)"')


def _allowed_tag(raw: str) -> str | None:
    """``raw`` (one tag) rebuilt when it is on the allow-list, else None. Example: ``_allowed_tag("<sup>")``"""
    m = _TAG.fullmatch(raw.strip())
    if not m or m[2].lower() not in ALLOWED_HTML:
        return None
    name, attrs = m[2].lower(), _ATTR.findall(m[3])
    if m[1] and (attrs or m[4]):
        return None
    if any(a.lower() not in ALLOWED_HTML[name] for a, _ in attrs):
        return None
    kept = "".join(f' {a.lower()}="{html.escape(html.unescape(v))}"' for a, v in attrs)
    return f"<{m[1]}{name}{kept}>"


def safe_html(fragment: str) -> str:
    """Raw HTML from Markdown with only allow-listed tags kept; everything else shown as text.

    Example: ``safe_html("x<sup>2</sup><script>go()</script>")`` keeps ``<sup>`` and escapes the script.
    """
    out, last = [], 0
    for m in re.finditer(r"<[^<>]*>", fragment):
        out.append(html.escape(fragment[last : m.start()], quote=False))
        out.append(_allowed_tag(m[0]) or html.escape(m[0], quote=False))
        last = m.end()
    out.append(html.escape(fragment[last:], quote=False))
    return "".join(out)


class _Renderer(mistune.HTMLRenderer):
    """Mistune renderer that gives every heading a unique id and records it for the table of contents.

    Raw HTML passes only through :func:`safe_html` (the allow-list); text and links are escaped by mistune,
    and its ``safe_url`` refuses ``javascript:`` and other harmful link targets.
    """

    def __init__(self, page: Page) -> None:
        super().__init__(escape=True)
        self.page = page

    def inline_html(self, html: str) -> str:
        return safe_html(html)

    def block_html(self, html: str) -> str:
        return "<p>" + safe_html(html.strip()) + "</p>\n"

    def heading(self, text: str, level: int, **attrs: Any) -> str:
        anchor = self.page.unique_id(slugify(text))
        if level in (2, 3) and self.page.collect_toc:
            self.page.toc.append((level, anchor, re.sub(r"<[^>]+>", "", text)))
        return f'<h{level} id="{anchor}">{text}</h{level}>\n'

    def link(self, text: str, url: str, title: str | None = None) -> str:
        return super().link(text, self.page.rewrite_link(url), title)

    def image(self, text: str, url: str, title: str | None = None) -> str:
        return super().image(text, self.page.rewrite_link(url), title)


@dataclass
class Page:
    """State of one page while it is rendered: used ids, the table of contents, the link targets."""

    notebook_pages: dict[str, str] = field(default_factory=dict)
    ids: set[str] = field(default_factory=set)
    toc: list[tuple[int, str, str]] = field(default_factory=list)
    collect_toc: bool = True

    def unique_id(self, base: str) -> str:
        anchor, n = base, 2
        while anchor in self.ids:
            anchor, n = f"{base}-{n}", n + 1
        self.ids.add(anchor)
        return anchor

    def rewrite_link(self, url: str) -> str:
        """Point links between notebooks and into ``data/`` at their copies in the site."""
        if re.match(r"^[a-z]+:", url) or url.startswith("#"):
            return url
        path, _, fragment = url.partition("#")
        name = Path(path).name
        if name in self.notebook_pages:
            path = self.notebook_pages[name]
        elif path.startswith("../data/"):
            path = path[len("../") :]
        return path + (f"#{fragment}" if fragment else "")

    def markdown(self, text: str) -> str:
        render = mistune.create_markdown(
            renderer=_Renderer(self), plugins=["table", "strikethrough", "url", "math"]
        )
        # Formulas become MathML at build time, which browsers draw natively: no script, no network.
        render.renderer.register(
            "block_math", lambda _, tex: f'<div class="math">{mathml(tex, "block")}</div>\n'
        )
        render.renderer.register("inline_math", lambda _, tex: mathml(tex, "inline"))
        return str(render(text))


def mathml(tex: str, display: str) -> str:
    """A LaTeX formula as MathML. Example: ``mathml("x^2", "inline")`` starts ``'<math'``."""
    try:
        out = str(latex_to_mathml(tex.strip(), display=display))
    except Exception as error:  # the converter raises several kinds for LaTeX it cannot read
        raise BuildError(
            f"cannot render the formula {tex!r} as MathML: {type(error).__name__} {error}"
        ) from error
    unknown = re.search(r">(\\[A-Za-z]+)", out)
    if unknown:  # the converter passes commands it does not know through as text
        raise BuildError(
            f"cannot render the formula {tex!r} as MathML: unknown command {unknown.group(1)}"
        )
    return out


# --------------------------------------------------------------------------- notebooks


@dataclass(frozen=True)
class Notebook:
    """What the landing page and the navigation need to know about one notebook."""

    path: Path
    number: str
    title: str
    summary: str
    minutes: int

    @property
    def page(self) -> str:
        return self.path.stem + ".html"

    @property
    def label(self) -> str:
        return f"{self.number} · {self.title}"

    @property
    def first_sentence(self) -> str:
        return re.split(r"(?<=[.!?])\s+(?=[A-Z0-9(“\"])", self.summary, maxsplit=1)[0]


def parse_opening(path: Path, nb: nbformat.NotebookNode) -> Notebook:
    """Title, summary and reading time from the opening cell, in the form CONTRIBUTING.md fixes.

    Example: ``parse_opening(path, nbformat.read(path, 4)).minutes``
    """
    match = NOTEBOOK_NAME.match(path.name)
    if not match:
        raise BuildError(f"{path}: a notebook is named NN_topic.ipynb")
    if not nb.cells or nb.cells[0].cell_type != "markdown":
        raise BuildError(f"{path}: the opening cell must be Markdown (see CONTRIBUTING.md)")
    lines = nb.cells[0].source.strip().splitlines()
    title = TITLE_LINE.match(lines[0]) if lines else None
    if not title or title[1] != match[1]:
        raise BuildError(
            f"{path}: the opening cell must start '# {match[1]} · Title', found {lines[:1]!r}"
        )
    summary_lines: list[str] = []
    for line in lines[1:]:
        if line.startswith("**"):
            break
        summary_lines.append(line.strip())
    summary = " ".join(" ".join(summary_lines).split())
    if not summary:
        raise BuildError(f"{path}: no summary between the title and '**Learning objectives**'")
    minutes = READING_TIME.search(nb.cells[0].source)
    if not minutes:
        raise BuildError(f"{path}: the opening cell needs '**Reading time:** about N minutes'")
    return Notebook(path, match[1], title[2], summary, int(minutes[1]))


def discover(folder: Path) -> list[tuple[Notebook, nbformat.NotebookNode]]:
    """Every ``NN_*.ipynb`` in ``folder``, in reading order, with its parsed opening cell."""
    found = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        found.append((parse_opening(path, nb), nb))
    return found


# --------------------------------------------------------------------------- cells and outputs

_FORMATTER = HtmlFormatter(cssclass="highlight", nowrap=False)
_LEXER = PythonLexer()
_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")


def tags(cell: nbformat.NotebookNode) -> set[str]:
    return set(cell.get("metadata", {}).get("tags", []))


def code_block(source: str) -> str:
    return highlight(source, _LEXER, _FORMATTER) if source.strip() else ""


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def inline_svg(svg: str) -> str:
    """The ``<svg>`` element alone (no XML prolog or doctype), ready to sit inside HTML."""
    start = svg.find("<svg")
    if start < 0:
        raise BuildError("an image/svg+xml output holds no <svg> element")
    return svg[start:].strip()


NUMBER = re.compile(
    r"^[-−+]?(?:(?:USD|RMB|HKD|HK\$|US\$)\s?)?[-−+]?\d[\d,]*(?:\.\d+)?\s*"
    r"(?:%|x|×|pp|months?|million|billion|bn)?$|^(?:nan|NaN|None|—|–|-|inf|∞)$"
)


DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?$")


#: Elements and attributes an HTML output (a pandas table) may hold; anything else is shown as text.
HTML_OUTPUT_TAGS = frozenset(
    "table thead tbody tfoot tr th td caption colgroup col div span p br b i em strong code sup sub style".split()
)
HTML_OUTPUT_ATTRS = frozenset(
    {"class", "id", "colspan", "rowspan", "border", "style", "title", "scope", "valign"}
)


def _keep_allowed(soup: BeautifulSoup) -> None:
    """Turn every element not on the output allow-list into its own text, and drop other attributes."""
    for tag in list(soup.find_all(True)):
        if tag.name not in HTML_OUTPUT_TAGS:
            tag.replace_with(str(tag))
            continue
        for attr in list(tag.attrs):
            if attr.lower() not in HTML_OUTPUT_ATTRS:
                del tag[attr]


def tidy_table_html(text: str) -> str:
    """Pandas tables in our style: no inline style block or border attribute; numeric columns marked ``num``.

    Example: ``tidy_table_html('<table class="dataframe"><tr><td>1.5</td></tr></table>')``
    """
    soup = BeautifulSoup(text, "html.parser")
    _keep_allowed(soup)
    if 'class="dataframe"' not in text:
        return str(soup).strip()
    for style in soup.find_all("style"):
        style.decompose()
    for table in soup.find_all("table", class_="dataframe"):
        del table["border"]
        for row in table.find_all("tr"):
            if row.get("style"):
                del row["style"]
        body_rows = [r for r in table.find_all("tr") if r.find_parent("thead") is None]
        width = max((len(r.find_all("td")) for r in body_rows), default=0)
        for col in range(width):
            cells = [r.find_all("td")[col] for r in body_rows if len(r.find_all("td")) > col]
            texts = [c.get_text(strip=True) for c in cells]
            for c, t in zip(cells, texts):
                if DATE.match(t):
                    c["class"] = ["date"]
            if (
                texts
                and all(NUMBER.match(t) for t in texts)
                and any(re.search(r"\d", t) for t in texts)
            ):
                for c in cells:
                    c["class"] = ["num"]
                head = table.find("thead")
                if head:
                    last = head.find_all("tr")[-1].find_all("th")
                    index_cols = len(last) - width
                    if 0 <= index_cols and col + index_cols < len(last):
                        last[col + index_cols]["class"] = ["num"]
    return str(soup).strip()


def render_output(output: nbformat.NotebookNode, page: Page) -> str:
    kind = output.output_type
    if kind == "stream":
        cls = "stream stderr" if output.get("name") == "stderr" else "stream"
        return f'<pre class="{cls}">{html.escape(_ANSI.sub("", _text(output.text)))}</pre>\n'
    if kind == "error":
        trace = _ANSI.sub("", "\n".join(output.get("traceback", [])))
        return f'<pre class="error">{html.escape(trace)}</pre>\n'
    data = output.get("data", {})
    if "image/svg+xml" in data:
        alt = html.escape(_text(data.get("text/plain", "chart")).removeprefix("[chart] "))
        svg = inline_svg(_text(data["image/svg+xml"]))
        return f'<figure class="chart" role="img" aria-label="{alt}">{svg}</figure>\n'
    for mime in ("image/png", "image/jpeg"):
        if mime in data:
            alt = html.escape(_text(data.get("text/plain", "image")))
            src = f"data:{mime};base64,{_text(data[mime]).strip()}"
            return f'<figure class="chart"><img src="{src}" alt="{alt}"></figure>\n'
    if "text/html" in data:
        return f'<div class="output html">{tidy_table_html(_text(data["text/html"]))}</div>\n'
    if "text/markdown" in data:
        return f'<div class="output markdown">{page.markdown(_text(data["text/markdown"]))}</div>\n'
    if "text/plain" in data:
        text = _text(data["text/plain"])
        return f'<pre class="output text">{html.escape(_ANSI.sub("", text))}</pre>\n'
    return ""


def render_code_cell(cell: nbformat.NotebookNode, page: Page) -> str:
    cell_tags = tags(cell)
    source = code_block(cell.source)
    parts = []
    if "hide-input" in cell_tags and source:
        parts.append(
            f'<details class="code-fold"><summary>Show the plotting code</summary>{source}</details>\n'
        )
    elif cell.get("metadata", {}).get("jupyter", {}).get("source_hidden") and source:
        parts.append(
            f'<details class="code-fold"><summary>Show the code of this finding</summary>{source}</details>\n'
        )
    elif "parameters" in cell_tags:
        parts.append(
            '<div class="parameters"><p class="cell-label">Parameters: the assumptions you may change '
            f"(papermill replaces this cell)</p>{source}</div>\n"
        )
    elif source:
        parts.append(source)
    outputs = "".join(render_output(o, page) for o in cell.get("outputs", []))
    if outputs:
        parts.append(f'<div class="outputs">{outputs}</div>\n')
    return f'<div class="cell code">{"".join(parts)}</div>\n'


def render_cell(cell: nbformat.NotebookNode, page: Page) -> str:
    if cell.cell_type == "markdown":
        return f'<div class="cell text">{page.markdown(cell.source)}</div>\n'
    if cell.cell_type == "code":
        return render_code_cell(cell, page)
    return ""


def render_cells(cells: list[nbformat.NotebookNode], page: Page) -> str:
    """All cells in order; an exercise and the solution cells after it become one block, solution folded."""
    out: list[str] = []
    i = 0
    while i < len(cells):
        cell = cells[i]
        if "exercise" in tags(cell):
            j = i + 1
            while j < len(cells) and "solution" in tags(cells[j]):
                j += 1
            page.collect_toc = False
            body = render_cell(cell, page)
            solution = "".join(render_cell(c, page) for c in cells[i + 1 : j])
            page.collect_toc = True
            folded = (
                f'<details class="solution"><summary>Show the solution</summary>'
                f'<div class="solution-body">{solution}</div></details>\n'
                if solution
                else ""
            )
            out.append(f'<section class="exercise">{body}{folded}</section>\n')
            i = j
        elif "solution" in tags(cell):  # a solution with no exercise before it: still folded
            out.append(
                f'<details class="solution"><summary>Show the solution</summary>'
                f'<div class="solution-body">{render_cell(cell, page)}</div></details>\n'
            )
            i += 1
        else:
            out.append(render_cell(cell, page))
            i += 1
    return "".join(out)


# --------------------------------------------------------------------------- pages


def layout(
    title: str, body: str, *, current: str, notebooks: list[Notebook], aside: str = ""
) -> str:
    """The frame shared by every page: header with the site navigation, main column, footer."""
    links = [("index.html", "Contents"), ("sources.html", "Sources"), ("glossary.html", "Glossary")]
    here = ' aria-current="page"'
    nav = "".join(
        f'<a href="{href}"{here if href == current else ""}>{label}</a>' for href, label in links
    )
    full_title = title if title == SITE_TITLE else f"{title} · {SITE_TITLE}"
    aside_html = f'<aside class="toc">{aside}</aside>' if aside else ""
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(full_title)}</title>
<link rel="stylesheet" href="style.css">
</head>
<body>
<header class="site"><div class="bar"><a class="home" href="index.html">{html.escape(SITE_TITLE)}</a>\
<nav>{nav}</nav></div></header>
<div class="page{" with-toc" if aside else ""}">
{aside_html}<main>
{body}
</main>
</div>
<footer class="site"><p>Built from the notebooks' stored outputs and the tables in <code>data/</code>; nothing on
these pages is loaded from the network. Licences: see the repository's README.</p></footer>
</body>
</html>
"""


def pager(notebooks: list[Notebook], index: int) -> str:
    prev = notebooks[index - 1] if index > 0 else None
    nxt = notebooks[index + 1] if index + 1 < len(notebooks) else None
    left = (
        f'<a class="prev" rel="prev" href="{prev.page}"><span>Previous</span>{html.escape(prev.label)}</a>'
        if prev
        else '<a class="prev" href="index.html"><span>Back to</span>Contents</a>'
    )
    right = (
        f'<a class="next" rel="next" href="{nxt.page}"><span>Next</span>{html.escape(nxt.label)}</a>'
        if nxt
        else '<a class="next" href="sources.html"><span>Then see</span>Sources</a>'
    )
    return f'<nav class="pager" aria-label="Previous and next notebook">{left}{right}</nav>\n'


def notebook_page(notebooks: list[Notebook], index: int, nb: nbformat.NotebookNode) -> str:
    meta = notebooks[index]
    page = Page(notebook_pages={n.path.name: n.page for n in notebooks})
    opening = f'<header class="opening">{page.markdown(nb.cells[0].source)}</header>\n'
    body = opening + render_cells(list(nb.cells[1:]), page)
    toc_items = "".join(
        f'<li class="level{level}"><a href="#{anchor}">{text}</a></li>'
        for level, anchor, text in page.toc
    )
    download = (
        f'<p class="download"><a href="notebooks/{meta.path.name}" download>Download the notebook '
        f"({meta.path.name})</a> to run it yourself.</p>"
    )
    aside = (
        f'<nav aria-label="On this page"><h2>On this page</h2><ol>{toc_items}</ol></nav>{download}'
    )
    content = f'{pager(notebooks, index)}<article class="notebook">{body}</article>\n{pager(notebooks, index)}'
    return layout(meta.label, content, current=meta.page, notebooks=notebooks, aside=aside)


def landing_page(notebooks: list[Notebook]) -> str:
    items = "".join(
        f'<li><div class="row"><a href="{n.page}"><span class="num">{n.number}</span> {html.escape(n.title)}</a>'
        f'<span class="minutes">about {n.minutes} min</span></div><p>{html.escape(n.first_sentence)}</p></li>'
        for n in notebooks
    )
    total = sum(n.minutes for n in notebooks)
    sequence = (
        f'<ol class="sequence">{items}</ol><p class="total">All {len(notebooks)} notebooks: '
        f"about {total} minutes of reading.</p>"
        if notebooks
        else "<p>No notebook has been built yet: run <code>make book</code>.</p>"
    )
    body = f"""<h1>{html.escape(SITE_TITLE)}</h1>
<p class="lead">An open set of Jupyter notebooks on the Hong Kong listings of Zhipu (智譜) and MiniMax (稀宇科技),
China's two independent large-model companies. It starts from one Finet article written just after both passed
their listing hearings, checks it against press reports of the prospectuses, and works out what the figures mean:
revenue, losses, how long the cash lasts, and who controls the votes.</p>

<h2 id="who">Who is it for?</h2>
<p>Analysts who want the arithmetic behind the headlines, students learning to read a prospectus, and teachers who
need worked cases with exercises. You need a little Python and pandas; the finance is explained as it comes.</p>

<h2 id="how-to-read">How should I read it?</h2>
<p>Read the notebooks in order: each builds on the ones before. Every page opens with what it covers and what you
will learn, asks its questions in the headings, and answers each with code and its result. Every number is
computed from the tables in <code>data/</code> when the notebook runs, with the source of each figure named in
tables and under each chart; the <a href="sources.html">sources page</a> lists them all, and the
<a href="glossary.html">glossary</a> gives each term in English and Chinese. Plotting code and exercise solutions
are folded: click to open them, and try the exercise first.</p>

<h2 id="sequence">The notebooks</h2>
{sequence}

<h2 id="rerun">How do I re-run it with my own assumptions?</h2>
<p>In a copy of the repository, on a machine with Python 3.11:</p>
<pre class="shell"><code>make book   # set up .venv, run every notebook, build this site
make test   # unit, data and notebook tests, and this site in a headless browser</code></pre>
<p>Each notebook keeps the assumptions you may change in one cell tagged <code>parameters</code>. Change them in
JupyterLab, or let papermill write a new copy with other values, for example a burn that grows by two per cent a
month:</p>
<pre class="shell"><code>{html.escape(PAPERMILL_EXAMPLE)}</code></pre>
"""
    return layout(SITE_TITLE, body, current="index.html", notebooks=notebooks)


def _fact_list(ids: list[str], facts_by_id: dict[str, Any]) -> str:
    if not ids:
        return '<span class="none">none</span>'
    items = []
    for fid in ids:
        row = facts_by_id[fid]
        hint = " · ".join(
            str(x)
            for x in (row["company"], row["metric"], row["breakdown"], row["period_label"])
            if x
        )
        status = (
            "" if row["status"] == "reported" else f' <span class="status">{row["status"]}</span>'
        )
        items.append(f'<li><code title="{html.escape(hint)}">{fid}</code>{status}</li>')
    return f'<ul class="fact-ids">{"".join(items)}</ul>'


def sources_page(notebooks: list[Notebook]) -> str:
    sources = helpers.load_sources()
    facts = helpers.load_facts()
    rates = helpers.load_rates()
    facts_by_id = {row["fact_id"]: row for row in facts.to_dict("records")}
    blocks = []
    for src in sources.to_dict("records"):
        sid = src["source_id"]
        primary = facts.loc[facts["source_id"] == sid, "fact_id"].tolist()
        backing = [
            f["fact_id"] for f in facts_by_id.values() if sid in f["corroborated_by"].split(";")
        ]
        rate_ids = rates.loc[rates["source_id"] == sid, "rate_id"].tolist()
        address = html.escape(src["address"])
        if " " not in src["address"] and "." in src["address"]:
            address = f'<a href="https://{address}">{address}</a>'
        lang = src["language"]
        title = html.escape(src["title"])
        note = f'<p class="note">{html.escape(src["note"])}</p>' if src["note"] else ""
        rates_html = (
            '<dt>Exchange rates</dt><dd><ul class="fact-ids">'
            f"{''.join(f'<li><code>{r}</code></li>' for r in rate_ids)}</ul></dd>"
            if rate_ids
            else ""
        )
        blocks.append(
            f"""<section class="source" id="{sid}">
<h2><span class="sid">{sid}</span> {html.escape(src["publisher"])}</h2>
<p class="source-title" lang="{"en" if lang == "en" else lang}">{title}</p>
<dl>
<dt>Kind</dt><dd>{KIND_LABELS.get(src["kind"], src["kind"])}\
{" (secondary: reports the document)" if src["secondary"] else ""}</dd>
<dt>Address</dt><dd class="address">{address}</dd>
<dt>Date</dt><dd>{src["date"] or "not known"}</dd>
<dt>Language</dt><dd>{LANGUAGE_LABELS.get(lang, lang)}</dd>
<dt>Figures read here ({len(primary)})</dt><dd>{_fact_list(primary, facts_by_id)}</dd>
<dt>Figures it corroborates ({len(backing)})</dt><dd>{_fact_list(backing, facts_by_id)}</dd>
{rates_html}</dl>
{note}</section>
"""
        )
    body = f"""<h1>Sources</h1>
<p class="lead">Every source a figure in <code>data/facts.csv</code> relies on, generated from
<code>data/sources.csv</code>. For each: what kind of source it is, where it was read (addresses as recorded,
without the scheme), and the ids of the figures read in it or confirmed by it. Hover over an id to see what it
measures; figures marked superseded, erroneous, alternative or translation are kept for the audit in notebook 00
but are not the ones the notebooks use.</p>
<p>Download the data: <a href="data/facts.csv">facts.csv</a>, <a href="data/sources.csv">sources.csv</a>,
<a href="data/rates.csv">rates.csv</a>, <a href="data/datapackage.json">datapackage.json</a> (the schema).</p>
{"".join(blocks)}"""
    return layout("Sources", body, current="sources.html", notebooks=notebooks)


def glossary_page(notebooks: list[Notebook]) -> str:
    glossary = helpers.load_table("glossary").sort_values("term_en", key=lambda s: s.str.lower())
    page = Page()
    entries = []
    for term in glossary.to_dict("records"):
        anchor = page.unique_id(slugify(term["term_en"]))
        zh = '<span class="sep">·</span>'.join(
            f'<span lang="zh">{html.escape(t.strip())}</span>' for t in term["term_zh"].split(";")
        )
        entries.append(
            f'<div class="term" id="{anchor}"><dt><span class="en">{html.escape(term["term_en"])}</span>'
            f'<span class="zh">{zh}</span></dt>'
            f'<dd>{html.escape(term["definition"])} <a class="sid" href="sources.html#{term["source_id"]}">'
            f"{term['source_id']}</a></dd></div>"
        )
    body = f"""<h1>Glossary</h1>
<p class="lead">The terms the notebooks use, with the Chinese terms the Hong Kong and mainland financial press and
HKEX documents use for them (Traditional or Simplified characters as they usually appear; alternatives separated by
a dot), and our own short definitions. The id after each definition names a source in which the term matters.</p>
<dl class="glossary">{"".join(entries)}</dl>
<p>Download: <a href="data/glossary.csv">glossary.csv</a>.</p>"""
    return layout("Glossary", body, current="glossary.html", notebooks=notebooks)


# --------------------------------------------------------------------------- build


def stylesheet() -> str:
    css = (Path(__file__).resolve().parent / "site.css").read_text(encoding="utf-8")
    return (
        css
        + "\n/* Code highlighting (pygments) */\n"
        + _FORMATTER.get_style_defs(".highlight")
        + "\n"
    )


def build(notebook_dir: Path, out: Path) -> Path:
    """Write the whole site into ``out`` (emptied first) and return the landing page.

    Example: ``build(Path("notebooks"), Path("_build/site"))``
    """
    found = discover(notebook_dir)
    notebooks = [meta for meta, _ in found]
    if out.exists():
        shutil.rmtree(out)
    (out / "notebooks").mkdir(parents=True)
    (out / "data").mkdir()
    pages = {
        "index.html": landing_page(notebooks),
        "sources.html": sources_page(notebooks),
        "glossary.html": glossary_page(notebooks),
        "style.css": stylesheet(),
    }
    for index, (meta, nb) in enumerate(found):
        pages[meta.page] = notebook_page(notebooks, index, nb)
        shutil.copyfile(meta.path, out / "notebooks" / meta.path.name)
    for name, text in pages.items():
        (out / name).write_text(text, encoding="utf-8")
    data = helpers.data_dir()
    for path in sorted(data.glob("*.csv")) + [data / "datapackage.json"]:
        shutil.copyfile(path, out / "data" / path.name)
    return out / "index.html"


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--notebooks", type=Path, default=ROOT / "notebooks", help="folder of NN_*.ipynb"
    )
    parser.add_argument(
        "--out", type=Path, default=ROOT / "_build" / "site", help="folder to write the site into"
    )
    args = parser.parse_args(argv)
    started = time.perf_counter()
    try:
        landing = build(args.notebooks, args.out)
    except BuildError as exc:
        print(f"build_site: {exc}", file=sys.stderr)
        return 1
    pages = len(list(args.out.glob("*.html")))
    print(f"built {pages} pages in {time.perf_counter() - started:.1f} s")
    print(f"reading copy: {landing.resolve()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
