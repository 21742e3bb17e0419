"""Notebook 00's finding layer: which source to prefer, how a printed figure is checked, and the audit D1-D8.

The arithmetic is visible in the notebook; this module holds the tables it
shows and the sentences it states, each verdict word from :mod:`helpers.words`.

Example:
    >>> rounding_interval(363.0, 0)
    (362.5, 363.5)
    >>> decimals(190.9)
    1
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import cast

import pandas as pd
from IPython.display import Markdown

from helpers import words
from helpers.facts import Fact, fact_by_id
from helpers.formatting import as_given, count, money, pct, times
from helpers.params import Choice
from helpers.periods import months_in
from helpers.plotting import NAMES
from helpers.words import say

#: Figures a reader can check against the filing, with where the filing prints them (our own words).
WHERE_IN_FILING: dict[str, str] = {
    "zp_revenue_h1_2025": "Zhipu's listing document on HKEXnews; Accountants' Report (Appendix I); consolidated "
    "statement of profit or loss; column for the six months ended 30 June 2025; line Revenue",
    "mm_revenue_9m2025": "MiniMax's listing document on HKEXnews; Accountants' Report (Appendix I); consolidated "
    "statement of profit or loss; column for the nine months ended 30 September 2025; line Revenue",
    "zp_cash_2025_06_30": "Zhipu's listing document on HKEXnews; Accountants' Report (Appendix I); consolidated "
    "statement of financial position at 30 June 2025; line Cash and cash equivalents",
    "mm_cash_2025_09_30": "MiniMax's listing document on HKEXnews; Accountants' Report (Appendix I); consolidated "
    "statement of financial position at 30 September 2025; line Cash and cash equivalents",
}

#: The parameters cell of notebook 00.
PARAMETERS = {"checked_fact_id": Choice(tuple(WHERE_IN_FILING))}

#: The rule of source preference that each status in ``data/facts.csv`` records.
RULE_FOR_STATUS: dict[str, str] = {
    "superseded": "precision beats rounding",
    "erroneous": "consistency beats one printing",
    "alternative": "two reports disagree: keep the one whose document supplies the other figures used, record both",
    "translation": "not a rival figure: the source's own currency translation, kept for the rate it implies",
}


#: Rows where the status alone does not say which rule decided (our reading, recorded here).
RULE_FOR_FACT: dict[str, str] = {
    "zp_share_on_premise_h1_2025_article": "precision beats rounding: the article's floor is a rounded claim "
    "that the one-decimal report contradicts",
    "zp_customers_article": "the hedge differs: the report's over is a lower bound, the article's about is not; "
    "keep the report's",
    "zp_arr_target_2026_earlier": "not a rival figure: an earlier aim that management later raised",
    "zp_net_loss_fy2025_attributable": "not a rival figure: the same source's loss attributable to owners, "
    "a narrower scope than the consolidated loss in use",
    "zp_capex_fy2025_mdna": "not a rival figure: the same source's wider measure (it adds right-of-use "
    "assets); the cash-flow statement's is in use",
    "mm_share_overseas_fy2025_s53": "the same share in two reports, one hedged; both recorded",
}

#: The rule for a later, more precise printing of a figure already in use, within that figure's rounding.
LATER_PRINTING = (
    "a later, more precise printing inside the rounding of the figure in use: notebooks 01 to 05 keep the figure "
    "of their time, notebook 06 reads the surest"
)


def rule_for(row_fact_id: str, status: str, kept: float, used: float) -> str:
    """The rule that decided between a row kept aside and the row in use.

    Example: ``rule_for("x", "alternative", 312.414, 312.4)`` names a later, more precise printing.
    """
    if row_fact_id in RULE_FOR_FACT:
        return RULE_FOR_FACT[row_fact_id]
    if (
        status == "alternative"
        and decimals(kept) > decimals(used)
        and fits_rounding(used, decimals(used), kept)
    ):
        return LATER_PRINTING
    return RULE_FOR_STATUS[status]


def decimals(value: float) -> int:
    """Decimal places of a figure as the data store it (trailing zeros are lost). Example: ``decimals(362.6)`` is 1."""
    text = as_given(value).replace(",", "")
    return len(text.split(".")[1]) if "." in text else 0


def rounding_interval(printed: float, places: int) -> tuple[float, float]:
    """The values a figure printed to ``places`` decimals can stand for: half a unit of its last digit either side.

    Example: ``rounding_interval(190.9, 1)`` gives ``(190.85, 190.95)``.
    """
    if places < 0:
        raise ValueError(f"places must be 0 or more, got {places!r}")
    half = 0.5 * 10.0**-places
    return round(printed - half, places + 1), round(printed + half, places + 1)


def fits_rounding(printed: float, places: int, other: float) -> bool:
    """Whether ``other`` lies in the rounding interval of ``printed``. Example: ``fits_rounding(363, 0, 362.6)``"""
    low, high = rounding_interval(printed, places)
    return low - 1e-9 <= other <= high + 1e-9


def filing_check(item: Fact) -> pd.DataFrame:
    """What a reader looks for in the filing to check one of our figures: where, and which amounts would agree.

    Example: ``filing_check(fact_by_id("zp_revenue_h1_2025"))`` asks for 190,850 to 190,950 RMB thousand.
    """
    if item.fact_id not in WHERE_IN_FILING:
        raise ValueError(
            f"no filing location recorded for {item.fact_id!r}: choose one of {sorted(WHERE_IN_FILING)}"
        )
    places = decimals(item.value)
    low, high = rounding_interval(item.value, places)
    unit = f"{item.currency} thousand"
    return pd.DataFrame(
        {
            "our figure": [f"{item.currency} {as_given(item.value)} million ({item.citation})"],
            "printed to": [words.plural(places, "decimal")],
            "where the filing prints it": [WHERE_IN_FILING[item.fact_id]],
            "filing amounts that agree": [f"{count(low * 1000)} to {count(high * 1000)} {unit}"],
        }
    ).T.rename(columns={0: item.fact_id})


def preference_table(facts: pd.DataFrame) -> pd.DataFrame:
    """Every row of the data that is not the one to use, beside the row that is, and the rule that decided.

    Example: ``preference_table(load_facts())`` has one row per status other than ``reported``.
    """
    rows = []
    for row in facts[facts["status"] != "reported"].itertuples():
        use = fact_by_id(str(row.superseded_by))
        kept = cast(float, row.value)
        rows.append(
            {
                "figure kept aside": f"{as_given(kept)} ({row.source_id} {row.locator})",
                "status": row.status,
                "figure used": f"{as_given(use.value)} ({use.citation})",
                "what": str(row.metric).replace("_", " "),
                "rule": rule_for(str(row.fact_id), str(row.status), kept, use.value),
            }
        )
    return pd.DataFrame(rows)


def sequence_table(folder: Path) -> pd.DataFrame:
    """Each notebook's file, title and first summary sentence, read from its opening cell.

    Example: ``sequence_table(Path("notebooks"))`` starts with ``00_sources_and_data.ipynb``.
    """
    rows = []
    for path in sorted(folder.glob("[0-9][0-9]_*.ipynb")):
        first = json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"]
        paragraphs = [
            " ".join(block.split()) for block in "".join(first).split("\n\n") if block.strip()
        ]
        title = paragraphs[0].lstrip("# ").strip()
        summary = paragraphs[1].split(". ")[0].rstrip(".") + "."
        rows.append((path.name, title, summary))
    return pd.DataFrame(rows, columns=["notebook", "title", "what it answers"])


def source_table(facts: pd.DataFrame, sources: pd.DataFrame) -> pd.DataFrame:
    """Each source with the rows it supplies and the rows it agrees with. Example: ``source_table(facts, sources)``

    ``figures corroborated`` counts agreement only: two pages of one aggregator or one wire agree by copying.
    """
    cited = facts.groupby("source_id").size().rename("figures cited")
    backing = facts["corroborated_by"].str.split(";").explode()
    corroborated = backing[backing != ""].value_counts().rename("figures corroborated")
    table = (
        sources.set_index("source_id")[["publisher", "date", "kind"]].join(cited).join(corroborated)
    )
    table = table.fillna({"figures cited": 0, "figures corroborated": 0})
    table = table.astype({"figures cited": int, "figures corroborated": int}).reset_index()
    table["date"] = table["date"].replace("", "unknown")
    return table


def sources_finding(table: pd.DataFrame) -> Markdown:
    """How many sources supply rows, and which supplies most. Example: ``sources_finding(source_table(f, s))``"""
    ranked = table.sort_values("figures cited", ascending=False)
    first, second = ranked.iloc[0], ranked.iloc[1]
    by_kind = table.groupby("kind")["figures cited"].sum().sort_values(ascending=False)
    return say(
        "The data hold {rows} of figures from {suppliers} of the {n} sources; {rest}. "
        "By kind of source: {kinds}. The single largest supplier is {leader} ({publisher}), with {lead}, "
        "{verdict} the next ({second}): the article is where the audit starts, not where it ends.",
        rows=words.plural(int(table["figures cited"].sum()), "row"),
        suppliers=int((table["figures cited"] > 0).sum()),
        n=len(table),
        rest=words.choose(
            bool((table.loc[table["figures cited"] == 0, "figures corroborated"] > 0).all()),
            "each of the others only agrees with rows that others supply",
            "some of the others only agree with rows that others supply, and some give none yet",
        ),
        kinds=words.listing([f"{str(k).replace('_', ' ')} {n}" for k, n in by_kind.items()]),
        leader=first["source_id"],
        publisher=str(first["publisher"]).split(" (")[0],
        lead=words.plural(int(first["figures cited"]), "row"),
        verdict=words.compare(
            first["figures cited"],
            second["figures cited"],
            more="more than",
            less="fewer than",
            same="as many as",
        ),
        second=f"{second['source_id']}, {second['figures cited']}",
    )


def leader_title(table: pd.DataFrame) -> str:
    """Chart title: which source supplies most rows (a tie is said as one). Example: ``leader_title(table)``"""
    ranked = table.sort_values("figures cited", ascending=False)
    first, second = ranked.iloc[0], ranked.iloc[1]
    claim = words.compare(
        first["figures cited"],
        second["figures cited"],
        more="more figures than any other",
        less="fewer figures than another",
        same="as many figures as any other",
    )
    return (
        f"{first['source_id']} ({str(first['publisher']).split(' (')[0]}) supplies {claim} source"
    )


def d1_table(
    ai_native: Fact, talkie: Fact, open_platform: Fact, printed: Fact, corrected: Fact
) -> pd.DataFrame:
    """MiniMax's nine-month revenue split under each reading of Hailuo AI's share (percent of revenue).

    No total column: the remainder is a plug, so every reading sums to AI-native plus open platform.

    Example: ``d1_table(...)`` leaves 33.4 points for the other AI-native products as printed, 3.4 as corrected.
    """
    rows = []
    readings = (
        ("as printed in the article", printed),
        ("as press reports of the prospectus give it", corrected),
    )
    for label, item in readings:
        other = round(ai_native.value - talkie.value - item.value, 10)
        rows.append((label, item.value, talkie.value, other, open_platform.value, item.citation))
    return pd.DataFrame(
        rows,
        columns=[
            "Hailuo AI reading",
            "Hailuo AI %",
            "Talkie/Xingye %",
            "other AI-native % (remainder)",
            "open platform %",
            "Hailuo source",
        ],
    ).set_index("Hailuo AI reading")


def d1_title(table: pd.DataFrame, printed: Fact) -> str:
    """Chart title: how the printed share's remainder compares with Hailuo AI. Example: ``d1_title(d1, printed)``"""
    other = float(table.iloc[0]["other AI-native % (remainder)"])
    verb = words.compare(
        other,
        printed.value,
        more="would outearn",
        less="would earn less than",
        same="would earn as much as",
    )
    return f"As printed, products without a share of their own {verb} Hailuo AI"


def d1_finding(table: pd.DataFrame, printed: Fact, corrected: Fact, talkie: Fact) -> Markdown:
    """Why the printed Hailuo AI share cannot stand, from the remainder it leaves. Example: ``d1_finding(...)``"""
    as_printed = table.iloc[0]
    parts = as_printed[
        ["Hailuo AI %", "Talkie/Xingye %", "other AI-native % (remainder)", "open platform %"]
    ]
    rank = int((parts > printed.value).sum()) + 1
    return say(
        "Read as printed, the AI-native products without a share of their own would earn {other} of revenue, "
        "{vs_hailuo} Hailuo AI's {printed} and {vs_talkie} Talkie/Xingye's {talkie}; Hailuo AI would rank "
        "{rank} of {n} parts, so it {main} one of the two main sources the same sentence calls it. With "
        "{corrected} ({source}) the remainder is {rest}, and the printed figure is the corrected one "
        "{digit}. The rule at work: **consistency beats one printing**.",
        other=pct(as_printed["other AI-native % (remainder)"]),
        vs_hailuo=words.compare(
            as_printed["other AI-native % (remainder)"],
            printed.value,
            more="more than",
            less="less than",
            same="as much as",
        ),
        printed=pct(printed.value),
        vs_talkie=words.compare(
            as_printed["other AI-native % (remainder)"],
            talkie.value,
            rel_tol=0.1,
            more="more than",
            less="less than",
            same="close to",
        ),
        talkie=pct(talkie.value),
        rank=f"number {rank}",
        n=len(parts),
        main=words.choose(rank <= 2, "could still be", "could not be"),
        corrected=pct(corrected.value),
        source=corrected.citation,
        rest=pct(table.iloc[1]["other AI-native % (remainder)"]),
        digit=words.choose(
            as_given(corrected.value).endswith(as_given(printed.value)),
            "with its leading digit lost",
            "misprinted in more than one digit",
        ),
    )


def d1_echo(share: Fact, revenue: Fact, payers: Fact, reported: Fact) -> Markdown:
    """The per-payer figure agrees with the corrected share, and why that is no corroboration: ``d1_echo(...)``"""
    each = share.value / 100 * revenue.value * 1e6 / payers.value
    return say(
        "A tempting second check: {share} of {revenue} over {payers} paying users of Hailuo AI is {each} each, "
        "kept to the digits of the print since a hedged count supports no more, which {agrees} the figure "
        "{source} prints, {reported} per paying user. It is **not** corroboration. "
        "{source} is also where the {share} comes from, and our sources give the payer count no period (nor say "
        "whether it counts payers at a date, over the months or on average): "
        "the data record it for {period} *because* this division then fits (see the note in `data/facts.csv`). "
        "A check whose inputs were chosen to fit can only agree.",
        share=pct(share.value),
        revenue=money(revenue.value, revenue.currency, 3),
        payers=f"{payers.qualifier} {count(payers.value)}".strip(),
        each=f"about {revenue.currency} {as_given(like_printed(each, reported.value))}",
        agrees=words.match_or_closest(each, reported.value, match="matches", near="does not match"),
        reported=f"{reported.qualifier} {reported.currency} {as_given(reported.value)}".strip(),
        source=reported.source_id,
        period=payers.period_label,
    )


def d2_finding(parts: list[Fact], total: Fact, printed: Fact, precise: Fact) -> Markdown:
    """Whether the cash components add up, and whether rounding explains the gap. Example: ``d2_finding(...)``"""
    as_printed = sum(p.value for p in parts) + printed.value
    with_precise = sum(p.value for p in parts) + precise.value
    places = decimals(printed.value)
    return say(
        "As printed, the components sum to {sum}, against a stated total of {total}: {gap}. The article's cash "
        "figure, {printed}, is printed to {places}, so it stands for anything from {low} to {high}; the precise "
        "{precise} ({source}) {fits} that interval, and with it the components sum to {sum2}, which {agrees} "
        "the total. The check rests on that one source; the other components are still the article's own "
        "figures, so the sum is tested only to their last printed digit. The rule at work: **precision beats "
        "rounding**.",
        sum=money(as_printed, total.currency, scale="million"),
        total=money(total.value, total.currency, scale="million"),
        gap=words.sign(
            round(as_printed - total.value, 9),
            positive=f"{money(as_printed - total.value, total.currency)} too much",
            negative=f"{money(total.value - as_printed, total.currency)} too little",
            zero="no gap",
        ),
        printed=money(printed.value, printed.currency, 0),
        places=words.choose(places == 0, "whole millions", words.plural(places, "decimal")),
        low=as_given(rounding_interval(printed.value, places)[0]),
        high=as_given(rounding_interval(printed.value, places)[1]),
        precise=money(precise.value, precise.currency),
        source=precise.citation,
        fits=words.choose(
            fits_rounding(printed.value, places, precise.value), "lies in", "lies outside"
        ),
        sum2=money(with_precise, total.currency, scale="million"),
        agrees=words.agreement(
            with_precise, total.value, abs_tol=1e-6, yes="equals", no="still differs from"
        ),
    )


def d3_finding(runways: pd.Series, stated: Fact, burn: Fact) -> Markdown:
    """The runway on each definition of cash against the article's months. Example: ``d3_finding(r, stated, burn)``"""
    full = float(runways.iloc[-1])
    total = full * burn.value
    low, high = rounding_interval(burn.value, decimals(burn.value))
    return say(
        "On the article's own total the cash lasts {full} at {burn} a month ({span} over the rounding of that "
        "burn), the burn MiniMax expected for {year}: a management projection that the article relays, not a "
        "measured outflow. That is {verdict} its {stated}. The total counts unused bank facilities, credit not "
        "yet drawn, as cash. On cash and cash equivalents alone it lasts {cash}; without the bank facilities, "
        "{mid}. The definition of cash, not the arithmetic, decides the answer; notebook 03 works the runway "
        "out in full.",
        full=f"{full:.1f} months",
        burn=f"{burn.qualifier} {money(burn.value, burn.currency)}".strip(),
        span=f"{total / high:.1f} to {total / low:.1f} months",
        year=burn.period_label,
        verdict=words.agreement(
            full,
            stated.value,
            abs_tol=1.0,
            yes="consistent with",
            no="not consistent with",
        ),
        stated=f"{stated.qualifier} {as_given(stated.value)} months".strip(),
        cash=f"{float(runways.iloc[0]):.1f} months",
        mid=f"{float(runways.iloc[1]):.1f} months",
    )


def d4_finding(claimed: Fact, reported: Fact, full_year: Fact) -> Markdown:
    """The article's floor for on-premise revenue against the reported share. Example: ``d4_finding(c, r, fy)``"""
    gap = round(reported.value - claimed.value, 10)
    return say(
        "The prospectus, as reported, puts the on-premise share at {reported} for {period}, {gap} {side} the "
        "article's floor of {claimed}: the claim as worded is {verdict}. For comparison, the full year "
        "{fy_period} gives {fy}, {fy_side} the floor. A report of the filing beats the article's rounding.",
        reported=pct(reported.value),
        period=reported.period_label,
        gap=f"{abs(gap):.1f} percentage points",
        side=words.sign(gap, positive="above", negative="below", zero="exactly at"),
        claimed=f"{claimed.qualifier} {pct(claimed.value, 0)}".strip(),
        verdict=words.choose(gap >= 0, "true", "false, if only just"),
        fy_period=full_year.period_label,
        fy=pct(full_year.value),
        fy_side=words.compare(
            full_year.value, claimed.value, more="above", less="below", same="at"
        ),
    )


def d5_finding(loss: Fact, revenue: Fact, said: Fact) -> Markdown:
    """The adjusted loss as a multiple of revenue under both readings of the article's phrase: ``d5_finding(...)``"""
    multiple = loss.value / revenue.value
    return say(
        "The adjusted loss of {loss} over revenue of {revenue} is **{multiple}**. Read as {n} times revenue, the "
        "claim that it exceeds {n_x} is {first}; read as {n} times *more than* revenue, i.e. above {n1_x}, it is "
        "{second}. The figures settle the multiple; only the reading of the words decides the verdict.",
        loss=money(loss.value, loss.currency),
        revenue=money(revenue.value, revenue.currency, 3),
        multiple=times(multiple),
        n=as_given(said.value),
        n_x=times(said.value, 0),
        n1_x=times(said.value + 1, 0),
        first=words.choose(multiple > said.value, "true", "false"),
        second=words.choose(multiple > said.value + 1, "true", "false"),
    )


def d6_table(first: Fact, second: Fact) -> pd.DataFrame:
    """What each company's headline revenue covers: months, season, currency. Example: ``d6_table(zp, mm)``"""
    rows = [
        (
            NAMES[f.company],
            f.period_label,
            months_in(f.period_label),
            f.currency,
            money(f.value, f.currency, 1),
            f.citation,
        )
        for f in (first, second)
    ]
    return pd.DataFrame(
        rows, columns=["company", "period", "months", "currency", "revenue", "source"]
    )


def rate_finding(translations: list[Fact], rate: float) -> Markdown:
    """The USD/RMB rate the article's own translations imply, against the one rate row. Example: ``rate_finding``"""
    implied = [f.value / fact_by_id(f.superseded_by).value for f in translations]
    return say(
        "The article gives two figures in both currencies; they imply {rates} RMB per USD, and we keep one "
        "rate row of {rate} RMB per USD. Every conversion in the collection uses that one rate for every period "
        "(a **constant rate**): it removes the currency from a comparison but not the fact that actual rates "
        "moved between 2022 and 2025, so a gap of a few percent between two converted figures is a tie.",
        rates=words.listing([f"{r:.3f}" for r in implied]),
        rate=as_given(rate),
    )


def d7_table(counts: list[tuple[str, str, Fact]]) -> pd.DataFrame:
    """Zhipu's institutional customer counts, each with the kind of count it is. Example: ``d7_table([...])``"""
    return pd.DataFrame(
        [
            (who, f"{f.qualifier} {count(f.value)}".strip(), f.period_label, kind, f.citation)
            for who, kind, f in counts
        ],
        columns=["who says", "customers", "period or date", "kind of count", "source"],
    )


def d8_finding(holding: Fact, other: Fact, before: Fact, after: Fact) -> Markdown:
    """Two stakes for one holder: a share-base difference, not the listing. Example: ``d8_finding(m, m6, a1, a2)``"""
    base = holding.value / other.value
    factor = after.value / before.value
    return say(
        "{holding} against {other}: the second source's share base would be {hedge}{larger} {direction} the first. The "
        "listing does not explain it: Alisoft China's fall from {before} to {after} implies a dilution factor of "
        "{factor}, which would take miHoYo to {diluted}, not {other_short}. That factor holds for miHoYo only if "
        "neither holder bought shares in the offering and the over-allotment is treated alike in both stakes. "
        "The likeliest cause is a different share base, but without the bases the two sources used it is "
        "unconfirmed; we keep both and use the article's.",
        holding=f"{pct(holding.value, 2)} ({holding.citation})",
        other=f"{other.qualifier} {pct(other.value)} ({other.citation})".strip(),
        larger=pct(abs(base - 1) * 100),
        hedge=(other.qualifier + " ").lstrip(),
        direction=words.compare(
            base, 1.0, more="larger than", less="smaller than", same="the same as"
        ),
        before=pct(before.value, 2),
        after=pct(after.value, 2),
        factor=f"{factor:.3f}",
        diluted=pct(holding.value * factor, 2),
        other_short=f"{other.qualifier} {pct(other.value)}".strip(),
    )


def takeaways(
    facts: pd.DataFrame,
    d1: pd.DataFrame,
    d2_gap: float,
    d2_rounding: bool,
    runways: pd.Series,
    d4_gap: float,
    multiple: float,
    said: float,
) -> Markdown:
    """The notebook's key takeaways as short Markdown lessons. Example: ``takeaways(...)``"""
    return say(
        "- **Choose by a rule, keep the loser:** {aside} stay in the data beside the figure to use.\n"
        "- **Test a figure by what it implies (D1, D2):** a misprint left a {other} hole in the revenue split; "
        "a {gap} gap in a sum {explained}.\n"
        "- **Ask what is counted (D3, D7):** the runway runs from {cash} to {full} with the definition of cash; "
        "counts of different kinds do not divide revenue alike.\n"
        "- **Check worded claims exactly (D4, D5):** the on-premise floor {d4}; the multiple, {multiple}, "
        "settles the claim {d5}.\n"
        "- **Compare like with like (D6, D8):** period, season, currency and share base first.\n"
        "- **Agreement is not independence:** an echo or a figure fitted to agree confirms nothing.",
        aside=words.plural(int((facts["status"] != "reported").sum()), "row"),
        other=pct(d1.iloc[0]["other AI-native % (remainder)"]),
        gap=money(abs(d2_gap), "USD"),
        explained=words.choose(d2_rounding, "was rounding", "was more than rounding"),
        full=f"{float(runways.iloc[-1]):.1f} months",
        cash=f"{float(runways.iloc[0]):.1f} months",
        d4=words.sign(round(d4_gap, 10), positive="held", negative="failed", zero="held exactly"),
        multiple=times(multiple),
        d5=words.choose(
            (multiple > said) != (multiple > said + 1),
            "once the phrase is read one way",
            "on either reading of the phrase",
        ),
    )


def data_dictionary(package: dict[str, object]) -> pd.DataFrame:
    """The columns of facts, sources and rates as ``datapackage.json`` defines them. Example: ``data_dictionary(p)``"""
    rows = []
    for resource in package["resources"]:  # type: ignore[attr-defined]
        if resource["name"] not in ("facts", "sources", "rates"):
            continue
        for column in resource["schema"]["fields"]:
            constraints = column.get("constraints", {})
            rows.append(
                {
                    "table": resource["path"],
                    "column": column["name"],
                    "type": column["type"],
                    "required": bool(constraints.get("required", False)),
                    "allowed values": ", ".join(
                        v or "(empty)" for v in constraints.get("enum", [])
                    ),
                    "meaning": column.get("description", ""),
                }
            )
    return pd.DataFrame(rows)


def cross_rules(package: dict[str, object]) -> Markdown:
    """The rules that span several columns, as a Markdown list. Example: ``cross_rules(package)``"""
    rules = package["x-rules"]
    assert isinstance(rules, list), "datapackage.json: x-rules must be a list"
    return say(
        "{rules}", rules=words.Markup("\n".join(f"- {words.escape(rule)}" for rule in rules))
    )


def small_checks(rounded: Fact, precise: Fact, rates: dict[str, float]) -> pd.DataFrame:
    """Two small consistency checks: a rounded count, and rates from different days. Example: ``small_checks(...)``

    No check of the HKD rate against the first-day market value: the rate row is derived from that very figure.
    """
    cross = rates["usd_rmb"] / rates["usd_hkd"]
    return pd.DataFrame(
        [
            (
                "MiniMax's cumulative users: rounded / precise",
                f"{rounded.qualifier} {count(rounded.value)} / {precise.qualifier} {count(precise.value)}",
                f"{rounded.citation}; {precise.citation}",
            ),
            (
                "RMB per HKD: direct row / through the dollar",
                f"{rates['hkd_rmb']:.3f} / {cross:.3f}",
                "rows hkd_rmb_listing; usd_rmb_article and usd_hkd_listing",
            ),
        ],
        columns=["check", "values", "sources"],
    )


def fits_in_unit(printed: float, precise: float, scale: float = 1.0) -> bool:
    """Whether ``precise`` rounds to ``printed`` when both are written in units of ``scale`` (1e6: millions).

    Example: ``fits_in_unit(27_600_000, 27_622_000, 1e6)`` is True; with ``scale=1`` it is False.
    """
    if scale <= 0:
        raise ValueError(f"scale must be positive, got {scale!r}")
    return fits_rounding(printed / scale, decimals(printed / scale), precise / scale)


def intervals_meet(a: float, b: float, places: int) -> bool:
    """Whether the rounding intervals of two figures printed to ``places`` decimals overlap or touch.

    Example: ``intervals_meet(1752, 1751, 0)`` is True (they touch at 1751.5); with 1750 it is False.
    """
    low_a, high_a = rounding_interval(a, places)
    low_b, high_b = rounding_interval(b, places)
    return low_a <= high_b + 1e-9 and low_b <= high_a + 1e-9


def like_printed(value: float, printed: float) -> float:
    """``value`` rounded to the decimals ``printed`` shows: no more digits than the inputs carry.

    Example: ``like_printed(56.2, 56.0)`` is 56.0; ``like_printed(7.8071, 7.81)`` is 7.81.
    """
    return round(value, decimals(printed))


def finest_unit(printed: float, precise: float, units: dict[str, float]) -> str:
    """The finest of ``units`` in which ``precise`` rounds to ``printed``; ``"none"`` if no unit fits.

    A unit larger than the printed figure is skipped: a figure is written in at least one whole unit.

    Example: ``finest_unit(200e6, 212e6, {"one": 1, "ten million": 1e7, "hundred million": 1e8})`` is
    ``'hundred million'``.
    """
    for name, scale in sorted(units.items(), key=lambda item: item[1]):
        if scale <= abs(printed) and fits_in_unit(printed, precise, scale):
            return name
    return "none"


def season_finding(first_half: Fact, full_year: Fact) -> Markdown:
    """How much of a year's revenue its first half brought, from one year only. Example: ``season_finding(h1, fy)``"""
    share = first_half.value / full_year.value * 100
    return say(
        "Zhipu's {half} brought {share} of its {year} revenue ({h1} of {fy}; {sources}): {verdict}. "
        "That is one year, so it is a pattern to test, not a law.",
        half=first_half.period_label,
        year=full_year.period_label,
        share=pct(share),
        h1=money(first_half.value, first_half.currency),
        fy=money(full_year.value, full_year.currency),
        sources=f"{first_half.citation}; {full_year.citation}",
        verdict=words.compare(
            share,
            50.0,
            rel_tol=0.02,
            more="most of its revenue came early in the year",
            less="most of its revenue came late in the year",
            same="the year was evenly split",
        ),
    )


#: What a per-customer figure built on a hedged count can claim.
PER_CUSTOMER_BOUND: dict[str, str] = {
    "over": "at most",
    "more than": "at most",
    "at least": "at most",
    "about": "about",
    "": "",
}


def per_customer_table(rows: list[tuple[Fact, float, Fact]]) -> pd.DataFrame:
    """Revenue (times a share, percent) over a customer count, with the periods set side by side.

    Example: ``per_customer_table([(revenue_9m, 28.9, payers)])`` gives about USD 6,200 per paying customer
    (to the hundred; a bound from an "over" count is rounded up, so it stays a bound).
    """
    out = []
    for revenue, share, customers in rows:
        amount = revenue.value * share / 100
        each = amount * 1e6 / customers.value
        shown = words.choose(
            PER_CUSTOMER_BOUND.get(customers.qualifier) == "at most",
            count(math.ceil(each / 100) * 100),
            count(round(each, -2)),
        )
        if customers.qualifier not in PER_CUSTOMER_BOUND:
            raise ValueError(
                f"{customers.fact_id}: no bound known for qualifier {customers.qualifier!r}"
            )
        out.append(
            {
                "revenue": f"{money(amount, revenue.currency)} ({revenue.period_label})",
                "customers": f"{customers.qualifier} {count(customers.value)} ({customers.period_label})".strip(),
                "same period": words.choose(
                    customers.period_label == revenue.period_label, "yes", "no"
                ),
                "revenue per customer": f"{PER_CUSTOMER_BOUND[customers.qualifier]} {revenue.currency} {shown}".strip(),
                "count": customers.metric.replace("_", " "),
            }
        )
    return pd.DataFrame(out)
