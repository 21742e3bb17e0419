"""Tests for helpers.control: worked examples, edge cases, bad input and hypothesis properties."""

from __future__ import annotations

import math

import matplotlib
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from helpers import control
from helpers.control import (
    REMAINDER,
    implied_share_count,
    issue_size_for_economic_below,
    min_economic_for_voting,
    min_votes_per_wvr_share,
    non_wvr_voting_share,
    with_remainder,
)
from helpers.facts import fact
from helpers.ownership import dilute, founder_voting_after_issue, implied_wvr_fraction, voting_share
from helpers.params import cases, check

matplotlib.use("Agg")

FAST = settings(max_examples=200, deadline=None)

# --- worked examples -------------------------------------------------------


def test_with_remainder_minimax_article_holders() -> None:
    named = {
        "alisoft": 0.1504,
        "mihoyo": 0.0705,
        "idg": 0.0308,
        "tencent": 0.0284,
        "founder": 0.2235,
    }
    out = with_remainder(named)
    assert out[REMAINDER] == pytest.approx(0.4964)
    assert math.fsum(out.values()) == pytest.approx(1.0)
    assert list(out)[:-1] == list(named)


def test_with_remainder_custom_name_and_full_table() -> None:
    assert with_remainder({"a": 1.0}, name="rest") == {"a": 1.0, "rest": 0.0}
    assert with_remainder({}) == {REMAINDER: 1.0}


def test_non_wvr_voting_share_formula() -> None:
    assert non_wvr_voting_share(0.1) == pytest.approx(0.9 / 1.9)
    assert non_wvr_voting_share(0.0) == 1.0
    assert non_wvr_voting_share(0.1, 10, 0.25) == pytest.approx(1.15 / 2.15)
    assert non_wvr_voting_share(0.5, 1.0) == pytest.approx(0.5)


def test_min_votes_per_wvr_share_article_numbers() -> None:
    v = min_votes_per_wvr_share(0.2235, 0.5921)
    assert v == pytest.approx(1 + 0.3686 / (0.2235 * 0.4079))
    # at that many votes every one of his shares must be a WVR share
    assert implied_wvr_fraction(0.2235, 0.5921, v) == pytest.approx(0.2235)
    assert voting_share(0.2235, 0.2235, votes_per_wvr_share=v) == pytest.approx(0.5921)


def test_min_votes_per_wvr_share_no_uplift_needed() -> None:
    assert min_votes_per_wvr_share(0.6, 0.5) == 1.0
    assert min_votes_per_wvr_share(0.5, 0.5) == 1.0


def test_min_economic_for_voting_examples() -> None:
    assert min_economic_for_voting(0.5, 10) == pytest.approx(1 / 11)
    assert min_economic_for_voting(0.5, 20) == pytest.approx(1 / 21)
    assert min_economic_for_voting(0.5, 1) == pytest.approx(0.5)
    assert min_economic_for_voting(0.0, 10) == 0.0
    assert min_economic_for_voting(1.0, 10) == pytest.approx(1.0)


def test_issue_size_for_economic_below_examples() -> None:
    n = issue_size_for_economic_below(0.2235, 0.10)
    assert n == pytest.approx(1.235)
    assert dilute({"founder": 0.2235}, n)["founder"] == pytest.approx(0.10)
    assert issue_size_for_economic_below(0.05, 0.10) == 0.0


def test_implied_share_count_examples() -> None:
    assert implied_share_count(51100, 116.2) == pytest.approx(51100 / 116.2)
    assert implied_share_count(0, 10) == 0.0


# --- bad input names the value --------------------------------------------


@pytest.mark.parametrize(
    ("call", "match"),
    [
        (lambda: with_remainder({"a": 0.7, "b": 0.4}), "sum to <= 1"),
        (lambda: with_remainder({"a": 1.5}), r"shares\['a'\]"),
        (lambda: with_remainder({REMAINDER: 0.1}), "must not already contain"),
        (lambda: non_wvr_voting_share(1.2), "wvr_fraction"),
        (lambda: non_wvr_voting_share(0.1, 0.5), "votes_per_wvr_share"),
        (lambda: non_wvr_voting_share(0.1, 10, -0.1), "new_shares_fraction"),
        (lambda: min_votes_per_wvr_share(0.0, 0.5), "economic must be > 0"),
        (lambda: min_votes_per_wvr_share(0.2, 1.0), "voting must be < 1"),
        (lambda: min_votes_per_wvr_share(0.2, float("nan")), "voting must be finite"),
        (lambda: min_economic_for_voting(-0.1), "voting"),
        (lambda: issue_size_for_economic_below(0.2, 0.0), "threshold must be > 0"),
        (lambda: implied_share_count(100, 0), "price must be > 0"),
        (lambda: implied_share_count(-1, 10), "market_cap must be >= 0"),
        (lambda: implied_share_count("x", 10), "market_cap must be a real number"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_raises_with_the_value(call: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()  # type: ignore[operator]


# --- properties -------------------------------------------------------------


@FAST
@given(st.floats(0.0, 1.0), st.floats(1.0, 20.0), st.floats(0.0, 10.0))
def test_non_wvr_plus_wvr_votes_is_one(x: float, v: float, n: float) -> None:
    wvr_votes = v * x / (1 + (v - 1) * x + n)
    assert non_wvr_voting_share(x, v, n) + wvr_votes == pytest.approx(1.0)


@FAST
@given(st.floats(0.01, 0.99), st.floats(0.01, 0.99))
def test_min_votes_reaches_the_target_exactly(e: float, vt: float) -> None:
    assume(vt > e)
    v = min_votes_per_wvr_share(e, vt)
    assert v >= 1
    assert voting_share(e, e, votes_per_wvr_share=v) == pytest.approx(vt, rel=1e-9)


@FAST
@given(st.floats(0.0, 0.99), st.floats(1.0, 50.0))
def test_min_economic_round_trip_and_monotone(vt: float, v: float) -> None:
    e = min_economic_for_voting(vt, v)
    assert 0 <= e <= vt + 1e-12
    assert voting_share(e, e, votes_per_wvr_share=v) == pytest.approx(vt, abs=1e-9)
    # more votes per WVR share never needs a larger stake
    assert min_economic_for_voting(vt, v + 1) <= e + 1e-12


@FAST
@given(st.floats(0.001, 1.0), st.floats(0.001, 1.0))
def test_issue_size_for_economic_below_round_trip(e: float, t: float) -> None:
    assume(t < e)
    n = issue_size_for_economic_below(e, t)
    assert dilute({"h": e}, n)["h"] == pytest.approx(t, rel=1e-9)


@FAST
@given(st.floats(0.0, 1.0), st.floats(1.0, 20.0), st.floats(0.0, 10.0))
def test_non_wvr_votes_rise_with_the_issue(x: float, v: float, n: float) -> None:
    assert non_wvr_voting_share(x, v, n + 0.1) >= non_wvr_voting_share(x, v, n) - 1e-12


def test_founder_and_non_wvr_votes_agree_when_he_owns_only_wvr_shares() -> None:
    # if all his shares are WVR shares, non-WVR votes are exactly everyone else's votes
    e = x = 0.2
    for n in (0.0, 0.1, 0.5):
        assert non_wvr_voting_share(x, 10, n) == pytest.approx(
            1 - founder_voting_after_issue(e, x, n)
        )


# --- notebook 04: data, tables and findings (every verdict branch, both directions) -------------

GROSS = fact("minimax", "ipo_gross_proceeds", "2026-01-09")
ALT = fact("minimax", "shareholding", "pre-IPO", "mihoyo", status="alternative")
CONCERT = fact("zhipu", "shareholding", "pre-IPO", "concert_party")
RULES = control.rules()
STRUCTURE = dict(v=10.0, e=0.2235, x=0.1004, s=0.5921, n=0.106)


def text(md: object) -> str:
    return str(md.data)


def test_fraction_of_reads_percent_and_refuses_other_units() -> None:
    assert control.fraction_of(
        fact("minimax", "voting_power", "pre-IPO", "yan_junjie")
    ) == pytest.approx(0.5921)
    with pytest.raises(ValueError, match="not percent"):
        control.fraction_of(GROSS)


def test_rounding_unit() -> None:
    assert [control.rounding_unit(v) for v in (57900, 105400, 4818, 116.2, 0, 40000)] == [
        100,
        100,
        1,
        1,
        1,
        10000,
    ]


def test_rules_come_from_data_with_the_rule_as_locator() -> None:
    assert RULES["max_votes"].value == 10 and RULES["controlling"].value == 30
    assert RULES["min_mcap"].value == 40000 and RULES["min_mcap"].currency == "HKD"
    assert RULES["min_mcap_rev"].value == 10000 and RULES["min_revenue"].value == 1000
    assert RULES["controlling"].locator == "19A.14" and "8A.06" in RULES["min_mcap"].locator


def test_parameters_accept_every_documented_case_and_the_defaults() -> None:
    defaults = dict(
        wvr_votes_per_share=None,
        majority_share_of_votes=0.5,
        minimax_market_cap_case="low",
        post_ipo_basis="offer_shares",
        value_currency="USD",
        dilution_chart_max_new_shares_pct=60.0,
        exercise_votes_per_wvr_share=20.0,
    )
    check(control.PARAMETERS, **defaults)
    for name, value in cases(control.PARAMETERS):
        check(control.PARAMETERS, **(defaults | {name: value}))
    # every allowed vote count can produce the founder's reported vote share
    low = control.PARAMETERS["wvr_votes_per_share"].alternatives()[0]
    assert isinstance(low, (int, float)) and low > min_votes_per_wvr_share(0.2235, 0.5921)


def test_the_offer_shares_price_is_the_proceeds_by_construction_so_the_share_count_decides() -> (
    None
):
    """Route 1's stake at the offer is shares sold x offer price whatever the data; Alisoft's n fails the count."""
    mcap = fact("minimax", "market_cap_close", "2026-01-09", "low")
    close, offer = (
        fact("minimax", "share_price_close", "2026-01-09"),
        fact("minimax", "offer_price", "2026-01-09"),
    )
    sold = fact("minimax", "ipo_shares_issued", "2026-01-09").value / 1e6
    for total in (
        implied_share_count(mcap.value, close.value),
        500.0,
        1000.0,
    ):  # any count: the identity holds
        n_offer = sold / (total - sold)
        assert n_offer / (1 + n_offer) * total * offer.value == pytest.approx(sold * offer.value)
    total = implied_share_count(mcap.value, close.value)
    routes = {"offer_shares": sold / (total - sold), "alisoft_reported": 0.1504 / 0.1252 - 1}
    assert control.matching_share_count(routes, total - sold, sold) == ["offer_shares"]
    assert control.matching_share_count({b: 0.5 for b in control.BASES}, 100.0, 50.0) == list(
        control.BASES
    )
    assert control.matching_share_count({b: 0.3 for b in control.BASES}, 100.0, 50.0) == []


@pytest.mark.parametrize(
    ("basis", "verdict"),
    [
        ("offer_shares", "the basis built on the shares the offer sold"),
        ("alisoft_reported", "which does not match the shares"),
    ],
)
def test_basis_finding_names_the_run_basis_and_the_share_count_test(
    basis: str, verdict: str
) -> None:
    routes = {"offer_shares": 29.2 / 276.3, "alisoft_reported": 0.2013}
    out = text(control.basis_finding(routes, 276.3, 29.2, GROSS, (0.1504, 0.1252), basis, "USD"))
    assert verdict in out and control.BASES[basis] in out and "cannot fail" in out
    assert (
        "HKD 4,818 million (S13 listing results), about USD 618 million at 7.8 HKD per USD (2026-01-09)"
        in out
    )
    assert (
        "about 55.6 million new shares" in out
        and "1.9x the 29.2 million" in out
        and "cannot tell which" in out
    )
    hkd = text(control.basis_finding(routes, 276.3, 29.2, GROSS, (0.1504, 0.1252), basis, "HKD"))
    assert "HKD 4,818 million (S13 listing results), by the identity" in hkd
    agree = text(
        control.basis_finding(
            {b: 29.2 / 276.3 for b in control.BASES},
            276.3,
            29.2,
            GROSS,
            (0.1504, 0.1361),
            basis,
            "HKD",
        )
    )
    assert "the two routes agree" in agree and "the basis built on" in agree
    with pytest.raises(ValueError, match="basis must be one of"):
        control.basis_finding({}, 1.0, 1.0, GROSS, (0.1, 0.1), "both", "HKD")


def test_listing_finding_judges_each_basis_against_the_line() -> None:
    votes = {"before": 0.5921, "offer_shares": 0.561, "alisoft_reported": 0.5355}
    out = text(control.listing_finding(votes, 0.5))
    assert "fell from 59.21% to **56.10%**" in out and "still above 50%, and to 53.55%" in out
    assert out.count("still above") == 2 and "miHoYo" not in out
    out = text(control.listing_finding(votes, 0.55))
    assert "still above 55%" in out and "no longer above it" in out
    assert "votes rose from" in text(control.listing_finding(votes | {"offer_shares": 0.6}, 0.5))


def test_base_gap_is_a_range_from_the_rounding_of_both_figures() -> None:
    out = text(control.base_gap_finding(fact("minimax", "shareholding", "pre-IPO", "mihoyo"), ALT))
    # 7.045 / 6.45 - 1 = 9.2%; 7.055 / 6.35 - 1 = 11.1%; 7.05 / 6.4 - 1 = 10.2%
    assert "**9.2% to 11.1% larger**" in out and ": 10.2% at the printed figures" in out
    assert "about 6.4% (S12 offering report)" in out


def test_rounding_half_unit() -> None:
    assert [control.rounding_half_unit(v) for v in (6.4, 7.05, 33.03, 57900, 4818, 0.5)] == [
        0.05,
        0.005,
        0.005,
        50,
        0.5,
        0.05,
    ]


@pytest.mark.parametrize(
    ("share", "word"),
    [
        (0.306, "above"),
        (0.305, "about at"),
        (0.3022, "about at"),
        (0.30, "about at"),
        (0.2984, "about at"),
        (0.295, "about at"),
        (0.294, "below"),
    ],
)
def test_line_verdict_has_a_band_on_both_sides(share: float, word: str) -> None:
    assert control.line_verdict(share, 0.30) == word
    assert control.line_verdict(0.3022, 0.30, tolerance=0.001) == "above"
    assert control.line_verdict(0.2984, 0.30, tolerance=0.001) == "below"


def _tests(**kw: float) -> list[control.RuleTest]:
    args = STRUCTURE | {"mcap_offer_hkd": 50400.0, "revenue_hkd": 238.0} | kw
    return control.listing_tests(RULES, **args)


def test_listing_tests_pass_on_the_data_and_each_fails_when_broken() -> None:
    assert [t.passes for t in _tests()] == ["yes"] * 5 + ["no"]
    assert [t.rule for t in _tests()][:3] == [
        "8A.10",
        "8A.09, cautious reading",
        "8A.09, literal reading",
    ]
    assert _tests(v=11.0)[0].passes == "no"  # 8A.10
    high = dict(s=0.95, e=0.2235, x=0.2235, v=100.0)  # a founder with almost all votes
    assert [t.passes for t in _tests(**high)][1:3] == ["no", "no"]  # both readings of 8A.09
    assert _tests(n=1.5)[3].passes == "no"  # 8A.12: 22.35% / 2.5 < 10%
    assert _tests(mcap_offer_hkd=39000.0)[4].passes == "no"  # 8A.06 value route
    assert _tests(revenue_hkd=1000.0)[5].passes == "yes"  # 8A.06 revenue route
    assert _tests(revenue_hkd=1000.0, mcap_offer_hkd=9000.0)[5].passes == "no"


def test_literal_reading_counts_his_ordinary_shares_so_it_is_never_stricter() -> None:
    for t in (_tests(), _tests(n=0.5)):
        cautious, literal = (float(t[i].at_listing.rstrip("%")) for i in (1, 2))
        assert literal >= cautious


def test_rules_finding_every_branch() -> None:
    rev = fact("minimax", "revenue", "FY2024")
    ok = text(control.rules_finding(_tests(), RULES, 50400, rev, 238, 0.2021, 0.5, "S17 8A.24"))
    assert "meets every" in ok and "(passes)" in ok and "was closed" in ok and "short of 50%" in ok
    bad = text(
        control.rules_finding(
            _tests(v=11.0, mcap_offer_hkd=39000.0), RULES, 39000, rev, 238, 0.6, 0.5, "x"
        )
    )
    assert "does not meet" in bad and "(fails)" in bad and "above 50%" in bad
    open_ = text(
        control.rules_finding(_tests(revenue_hkd=1200.0), RULES, 50400, rev, 1200, 0.2, 0.5, "x")
    )
    assert "open as well" in open_


def test_stakes_dilute_every_holder_by_one_factor_and_give_new_holders_the_rest() -> None:
    table = control.stakes(
        {"yan_junjie": 0.2, "idg": 0.1}, 0.25, {"round": 100.0, "offer": 200.0, "close": 300.0}
    )
    assert table.loc["Yan Junjie (founder)", "round"] == pytest.approx(20.0)
    assert table.loc["Yan Junjie (founder)", "close"] == pytest.approx(48.0)
    assert (
        table.loc["new holders", "offer"] == pytest.approx(40.0)
        and table.loc["new holders", "round"] == 0
    )
    shown = control.stakes_table(table, {"yan_junjie": 0.2, "idg": 0.1}, 0.25, "USD")
    assert shown.loc["new holders", "share after"] == "20.00%"
    assert shown.loc["new holders", "round (USD billion)"] == "-"


@pytest.mark.parametrize(("n", "word"), [(0.1, "below"), (0.0, "equal to")])
def test_stake_chart_title_sets_the_stake_against_the_company(n: float, word: str) -> None:
    table = control.stakes({"yan_junjie": 0.2}, n, {"round": 100.0, "close": 300.0})
    title = control.stake_chart(table, 3.0, n, "about", "USD", "S0", "2026").get_suptitle()
    assert f"{word} the company's about 3.00x" in " ".join(title.split())


@pytest.mark.parametrize(("mark", "word"), [(0.106, "stayed short of"), (0.5, "went beyond")])
def test_dilution_chart_title_judges_the_listing_against_the_control_line(
    mark: float, word: str
) -> None:
    title = control.dilution_chart(
        0.2235, 0.1004, 10, 0.5, 0.6, {"offer": mark}, "S0", "2026"
    ).get_suptitle()
    assert word in " ".join(title.split()) and "more than 50% of the votes" in " ".join(
        title.split()
    )


def test_step_up_finding_consistent_or_not() -> None:
    floor = fact("zhipu", "market_cap_offer", "2026-01-08")
    ok = text(control.step_up_finding(floor, 51164, (51120, 51208), 27267, "HKD 0.1 billion"))
    assert "**over 1.87x**" in ok and "**1.88x**" in ok and "consistent with the floor" in ok
    assert (
        "in RMB terms" in ok
        and "a move of more than 0.13% in the RMB" in ok
        and "uses the same scaling" in ok
    )
    bad = text(control.step_up_finding(floor, 50900, (50850, 50950), 27267, "HKD 0.1 billion"))
    assert "wholly below the floor" in bad


def test_step_table_reads_missing_values_as_not_in_the_data() -> None:
    table = control.step_table(
        {"A": 100.0, "B": 50.0}, {"s": {"A": (200.0, ""), "B": (math.nan, "")}}
    )
    assert (
        table.loc["s", "A"] == "2.00x (HKD 0.20 billion)"
        and table.loc["s", "B"] == "not in the data"
    )


@pytest.mark.parametrize(
    ("after", "words"),
    [
        (
            0.3022,
            [
                "**at about the 30% line** of rule 19A.14, 0.22 percentage points above it",
                "within the data's",
            ],
        ),
        (0.2984, ["**at about the 30% line**", "0.16 percentage points below it"]),
        (
            0.32,
            ["2.00 percentage points above the 30% line", "still a controlling shareholder group"],
        ),
        (
            0.28,
            [
                "2.00 percentage points below the 30% line",
                "no longer a controlling shareholder group",
            ],
        ),
    ],
)
def test_concert_finding_every_branch(after: float, words: list[str]) -> None:
    out = text(control.concert_finding(CONCERT, 0.093, after, RULES["controlling"], 0.5))
    assert all(w in out for w in words) and "within 0.5 percentage points of the line" in out


def test_votes_exercise_names_the_failing_rule_or_none() -> None:
    assert "Failing: 8A.10" in text(control.votes_exercise(0.2235, 0.5921, 20, 10, 0.5, RULES))
    assert "implied if he is the sole WVR holder" in text(
        control.votes_exercise(0.2235, 0.5921, 20, 10, 0.5, RULES)
    )
    assert "Failing: none" in text(control.votes_exercise(0.2235, 0.5921, 10, 10, 0.5, RULES))


def test_oa_finding_every_branch() -> None:
    oa = fact("minimax", "ipo_shares_issued", "2026-01-09", "full_over_allotment")
    out = text(control.oa_finding(0.1215, oa, 276.3, (0.1504, 0.1341, 0.1252), 0.5566, 0.5))
    assert "does not close" in out and "above its reported" in out and "still above 50%" in out
    out = text(control.oa_finding(0.2, oa, 276.3, (0.1504, 0.1252, 0.1252), 0.49, 0.5))
    assert "closes the gap" in out and "no longer above 50%" in out and "at its reported" in out


def test_founder_and_majority_findings_carry_their_numbers() -> None:
    founder = text(control.founder_finding(0.2235, 0.5921, 0.1004, 0.5921, 10, 5.04))
    assert "**10.04% of all shares** if he is the sole WVR holder" in founder
    founder = text(control.founder_finding(0.2235, 0.5921, 0.1004, 0.5921, 10, 5.04, 0.2896))
    assert (
        "(his WVR shares if he were the sole holder, which the class B count below contradicts)"
        in founder
    )
    founder = text(control.founder_finding(0.2235, 0.5921, 0.1004, 0.5921, 10, 5.04, 0.1010))
    assert "which the class B count below bears out" in founder
    assert "**35.1% of the pre-listing" in text(control.majority_finding(0.351, 0.5, 276.3, 29.2))


def _takeaways(**kw: object) -> str:
    args: dict[str, object] = dict(
        e=0.2235,
        s=0.5921,
        x=0.1004,
        v=10,
        votes={"before": 0.5921, "offer_shares": 0.561, "alisoft_reported": 0.5355},
        basis="offer_shares",
        n_routes={"offer_shares": 29.2 / 276.3, "alisoft_reported": 0.201},
        n_end=0.351,
        m=0.5,
        tests=_tests(),
        counts=(276.3, 29.2),
        mcap_offer=50400,
        rules=RULES,
        company_step=3.19,
        n=0.106,
        step_q="about",
        zp_steps=(fact("zhipu", "market_cap_offer", "2026-01-08"), 27267, 1.876),
        concert=(CONCERT, 0.3022),
    )
    return text(control.takeaways(**(args | kw)))  # type: ignore[arg-type]


def test_takeaways_every_branch() -> None:
    out = _takeaways()
    assert (
        "share count decides the dilution basis: the offer's new shares" in out
        and "fell at listing" in out
    )
    assert (
        "about 55.5 million, 1.9x as many" in out
        and "by construction" in out
        and "sole WVR holder" in out
    )
    assert "still above 50%" in out and "meets the Chapter 8A" in out and "value test passes" in out
    assert "at about the 30% controlling-shareholder line" in out
    out = _takeaways(
        counts=(276.3, 40.0),
        votes={"before": 0.5921, "offer_shares": 0.49, "alisoft_reported": 0.6},
        tests=_tests(v=11.0, mcap_offer_hkd=39000.0),
        concert=(CONCERT, 0.29),
    )
    assert "basis: neither" in out and "no longer above 50%" in out and "does not meet" in out
    assert "value test fails" in out and "below the 30% controlling-shareholder line" in out
    assert "above the 30% controlling" in _takeaways(concert=(CONCERT, 0.32))
    assert "votes rose at listing" in _takeaways(
        basis="alisoft_reported",
        votes={"before": 0.5, "offer_shares": 0.6, "alisoft_reported": 0.6},
    )


def test_cap_table_and_holders_after() -> None:
    pre = control.minimax_holders()
    shares = with_remainder({k: control.fraction_of(f) for k, f in pre.items()})
    table = control.cap_table(pre, shares)
    assert table.loc[REMAINDER, "share before the IPO"] == "49.64%"
    after = control.holders_after(
        shares,
        {"offer_shares": 0.1, "alisoft_reported": 0.2},
        {"idg": "x"},
        {"before": 0.59, "offer_shares": 0.56, "alisoft_reported": 0.53},
    )
    assert (
        after.loc["IDG", "reported elsewhere"] == "x"
        and after.loc["Founder's share of votes", "before"] == "59.00%"
    )
    assert "Yan Junjie" in control.cap_chart(pre, shares, "before the IPO").get_suptitle()


def test_rates_note_gives_rates_as_numbers() -> None:
    assert control.rates_note(["USD", "HKD"], "RMB") == (
        "values in RMB at 7.04 RMB per USD (2025-12-21); 0.894 RMB per HKD (2026-01-13), one rate for every stage"
    )
    assert control.rates_note(["USD"], "USD") == "values in USD, no conversion"
    assert control.rate_text("RMB", "HKD") == "0.894 RMB per HKD (2026-01-13)"


def test_step_up_finding_keeps_the_hedge_of_the_scaled_value() -> None:
    floor = fact("zhipu", "market_cap_offer", "2026-01-08")
    out = text(
        control.step_up_finding(
            floor, 51164, (51120, 51208), 27267, "HKD 0.1 billion", "r", hedge="about"
        )
    )
    assert "gives about HKD 51.16 billion, a step-up of **about 1.88x**" in out
    assert "Rates behind the table: r." in out and "one January 2026 rate" in out


def test_votes_assumed_defaults_to_the_cap_and_checks_the_reader_value() -> None:
    assert control.votes_assumed(None) == RULES["max_votes"].value
    assert control.votes_assumed(6) == 6.0
    with pytest.raises(ValueError, match="votes_per_wvr_share"):
        control.votes_assumed(0.5)


@pytest.mark.parametrize("v", [6.0, 8.0, 10.0, 20.0])
def test_given_e_and_s_the_votes_after_any_issue_do_not_depend_on_v(v: float) -> None:
    """(v - 1) x = (s - e) / (1 - s) whatever v is, so s(n) and n* are the same for every v; x is not."""
    e, s = 0.2235, 0.5921
    x = implied_wvr_fraction(e, s, v)
    assert (v - 1) * x == pytest.approx((s - e) / (1 - s))
    for n in (0.0, 0.106, 0.35, 1.0):
        assert founder_voting_after_issue(e, x, n, v) == pytest.approx(
            founder_voting_after_issue(e, implied_wvr_fraction(e, s, 10.0), n, 10.0)
        )
    assert x != pytest.approx(implied_wvr_fraction(e, s, 10.0)) or v == 10.0
    note = control.dilution_chart(e, x, v, 0.5, 0.6, {"offer": 0.106}, "S0", "2026").texts
    assert not any("Assumes" in t.get_text() for t in note)


CLASS_A = fact("minimax", "shares_in_issue", "2026-09-30", "class_a")
CLASS_B = fact("minimax", "shares_in_issue", "2026-09-30", "class_b")
COUNT_AFTER_OA = fact("minimax", "shares_in_issue", "post-IPO")
MM_OA = fact("minimax", "ipo_shares_issued", "2026-01-09", "full_over_allotment")
ZP_GROUP = fact("zhipu", "shares_held", "2026-07-13", "controlling_group")
ZP_OA = fact("zhipu", "over_allotment_shares", "2026-02-04")


@pytest.mark.parametrize(
    ("x", "e", "share", "word"),
    [
        (0.1004, 0.2235, 0.2896, "contradicts"),  # above his whole stake
        (0.1004, 0.2235, 0.15, "contradicts"),  # below his stake but far from x
        (0.1004, 0.2235, 0.1010, "bears out"),  # within 5% of x
        (0.1004, 0.2235, 0.1004, "bears out"),  # tie
        (0.1004, 0.09, 0.1004, "contradicts"),  # equal to x but above the stake
    ],
)
def test_sole_holder_premise_every_branch(x: float, e: float, share: float, word: str) -> None:
    assert control.sole_holder_premise(x, e, share) == word


def test_wvr_count_finding_every_branch() -> None:
    floor = RULES["min_non_wvr"]
    out = text(control.wvr_count_finding(CLASS_B, CLASS_A, 280.06, 0.1004, 0.2235, 10, floor))
    assert (
        "81.1 million class B (WVR) shares on 2026-09-30" in out
        and "29.0% of the 280.1 million" in out
    )
    assert "above the 10.04% a sole holder would need and above his whole 22.35% stake" in out
    assert (
        "he cannot be the only WVR holder" in out
        and "**25.07%** of the votes, above the 10% floor" in out
    )
    # a larger pre-listing count: the class B share (8.1%) sits below x and below the stake, far from x
    out = text(control.wvr_count_finding(CLASS_B, CLASS_A, 1000.0, 0.1004, 0.2235, 10, floor))
    assert (
        "below the 10.04%" in out
        and "below his whole" in out
        and "others may hold WVR shares" in out
    )
    # a count that matches x within 5%, and a literal reading below the floor at many votes a share
    out = text(
        control.wvr_count_finding(
            CLASS_B, CLASS_A, CLASS_B.value / 1e6 / 0.1004, 0.1004, 0.2235, 40, floor
        )
    )
    assert "about the 10.04%" in out and "consistent with his being the sole holder" in out
    assert "below the 10% floor" in out
    out = text(
        control.wvr_count_finding(
            CLASS_B, CLASS_A, CLASS_B.value / 1e6 / 0.2235, 0.1004, 0.2235, 10, floor
        )
    )
    assert "equal to his whole 22.35% stake" in out


def test_reported_count_and_count_finding_every_branch() -> None:
    pre, base = control.reported_count(COUNT_AFTER_OA, MM_OA, 29.1976)
    assert pre == pytest.approx(280.055308) and base == pytest.approx(309.252908)
    out = text(control.count_finding(COUNT_AFTER_OA, MM_OA, 29.1976, 305.5, "low"))
    assert (
        "**280.1 million before listing** and 309.3 million after" in out
        and "understates it by 1.2%" in out
    )
    assert "added 10.4% on the reported count" in out and "low market value, 305.5 million" in out
    assert "matches it within half a percent (0.1% apart)" in text(
        control.count_finding(COUNT_AFTER_OA, MM_OA, 29.1976, 309.0, "high")
    )
    assert "overstates it by 3.5%" in text(
        control.count_finding(COUNT_AFTER_OA, MM_OA, 29.1976, 320.0, "high")
    )


def test_concert_count_finding_every_branch() -> None:
    counts = (402.8107, 440.2302, 445.8431)
    out = text(
        control.concert_count_finding(ZP_GROUP, CONCERT, counts, ZP_OA, RULES["controlling"])
    )
    assert "exercised in full (5,612,900 shares, 2026-02-04" in out and "which corroborates" in out
    assert (
        "30.22% of the 440.23 million at listing, about at the 30% line (0.22 percentage points above"
        in out
    )
    assert (
        "**29.84%** of the 445.84 million after the over-allotment, below the line: no longer"
        in out
    )
    assert "06_one_year_on.ipynb" in out
    # a smaller group: no match with the reported percentage, below at listing, below after
    out = text(
        control.concert_count_finding(
            ZP_GROUP, CONCERT, (420.0, 460.0, 470.0), ZP_OA, RULES["controlling"]
        )
    )
    assert (
        "which does not match" in out
        and "below the 30% line (1.08 percentage points below it)" in out
    )
    # a larger group share: above at listing, still above after the over-allotment
    out = text(
        control.concert_count_finding(
            ZP_GROUP, CONCERT, (380.0, 400.0, 410.0), ZP_OA, RULES["controlling"]
        )
    )
    assert (
        "above the 30% line (3.26 percentage points above it)" in out
        and "above the line: still a" in out
    )
    # exactly at the line after the over-allotment counts as at it, and still controlling (at least 30%)
    out = text(
        control.concert_count_finding(
            ZP_GROUP,
            CONCERT,
            (400.0, 420.0, ZP_GROUP.value / 1e6 / 0.3),
            ZP_OA,
            RULES["controlling"],
        )
    )
    assert "at the line: still a controlling" in out


def test_takeaways_reported_counts_and_class_b() -> None:
    out = _takeaways(class_b_share=0.2896, concert_counts=(0.3022, 0.2984, "2026-02-04"))
    assert "if he were the sole WVR holder, which the reported class B count contradicts" in out
    assert (
        "30.22% at listing, about at the line, and 29.84% after the over-allotment (exercised in full"
        in out
    )
    assert "2026-02-04), below it." in out
    out = _takeaways(class_b_share=0.1004, concert_counts=(0.32, 0.31, "2026-02-04"))
    assert (
        "class B count bears out" in out
        and "32.00% at listing, above the line" in out
        and "), above it." in out
    )
