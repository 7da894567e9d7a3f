"""One view across pages: the filters follow the reader, and every page states a shared fact
(a spread of figures, an actor's events) with the same number and the same words."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest

from tests.test_pages import open_page


def open_app(page: str = "home", **params) -> AppTest:
    return open_page(page, **params)


def links(app: AppTest) -> dict[str, str]:
    """Every in-app link drawn (top bar and page links): page -> query string."""
    found = {}
    for element in app.get("page_link"):
        proto = element.proto
        found[proto.label or proto.page] = proto.query_string
    return found


def test_the_top_bar_and_page_links_carry_the_filters():
    app = open_app("timeline", region="Kidal", type="Battles")
    carried = links(app)
    top_bar = [label for label in carried if label in ("The story", "Estimates", "Explore the data", "Methodology")]
    assert len(top_bar) == 4
    for label in top_bar:
        assert "region=Kidal" in carried[label] and "type=Battles" in carried[label], (label, carried[label])


def test_filters_survive_a_page_change_and_the_count_agrees():
    timeline = open_app("timeline", region="Kidal", type="Battles")
    shown = int(" ".join(c.value for c in timeline.caption).split("**")[1].split()[0])
    timeline.switch_page("pages/explore.py").run()
    assert timeline.query_params["region"] in ("Kidal", ["Kidal"])
    caption = " ".join(c.value for c in timeline.caption)
    assert f"**{shown} events** match" in caption
    assert len(timeline.dataframe[0].value) == shown


def test_front_page_and_estimates_state_the_same_spread():
    home = open_app("home")
    estimates = open_app("estimates")
    home_caption = next(c.value for c in home.caption if "figures from" in c.value)
    heading = estimates.subheader[0].value
    assert home_caption.rstrip(".") == heading.rstrip(".")
    low, high = home.metric[0].value.rstrip("+").split("–")
    assert f"between {low} and" in heading and high in heading


def test_timeline_detail_states_the_estimates_spread_for_moura():
    estimates = open_app("estimates", subject="moura_2022_killed")
    heading = estimates.subheader[0].value.rstrip(".")
    timeline = open_app("timeline", event="ev0214")
    detail = " ".join(m.value for m in timeline.markdown)
    assert heading in detail.replace("**Published figures:** ", "").replace("Published figures: ", "") or \
        heading.lower() in detail.lower()
    assert "between 203 " not in heading and " 203 people" not in heading, \
        "the army's count of fighters (203) stays out of the band of people killed"


def test_with_several_actors_chosen_the_network_profiles_the_first_and_links_its_page():
    both = open_app("actors", actor="france,fama")
    assert "France" in [h.value for h in both.header]
    assert any(link.page == "actor" for link in both.get("page_link"))


def test_the_selected_event_is_in_the_link():
    app = open_app("timeline", event="ev0303", end="2025-11-09")
    assert app.subheader[0].value == "General Abass Dembélé arrested in Kati"
    assert app.query_params["event"] in ("ev0303", ["ev0303"])
    unknown = open_app("timeline", event="nope")
    assert any("`nope`" in w.value for w in unknown.warning)


def test_every_page_says_what_the_counts_are():
    for page in ("home", "timeline", "explore", "actors"):
        app = open_app(page)
        assert any("curated selection of notable events" in c.value for c in app.caption), page
