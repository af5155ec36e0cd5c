"""The HTML search page: the same data as its JSON twin, rendered without JavaScript: facets with
counts and checkboxes, drill-down, breadcrumbs, sorting, paging, "did you mean", the spelling
correction, the zero-results page, the understood place and work arrangement, the near filter,
and escaping everywhere."""
from __future__ import annotations

from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup

from searchapp.app import create_app

from .search_samples import XSS



def page(client, url: str, status: int = 200) -> BeautifulSoup:
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.mimetype == "text/html"
    return BeautifulSoup(response.get_data(as_text=True), "html.parser")


def twin(client, url: str) -> dict:
    """The JSON twin a page names in its Link header."""
    link = client.get(url).headers["Link"]
    assert link.endswith('>; rel="alternate"; type="application/json"')
    return client.get(link[1:link.index(">")]).get_json()


def sidebar(soup: BeautifulSoup, key: str) -> dict[str, tuple[int, bool, str]]:
    """Facet value -> (count, checked, link) as the sidebar shows it."""
    shown = {}
    for box in soup.select(f"form.filters input[type=checkbox][name={key}]"):
        item = box.find_parent("li")
        count = int(item.find("span", class_="count", recursive=False).text.replace(",", ""))
        shown[box["value"]] = (count, box.has_attr("checked"), box.find_next_sibling("a")["href"])
    return shown


def test_the_page_links_its_json_twin_and_shows_the_same_data(client):
    url = "/search?q=engineer&skill=Python"
    response = client.get(url)
    soup = BeautifulSoup(response.get_data(as_text=True), "html.parser")
    json_url = "/api/v1/search?q=engineer&skill=Python"
    assert response.headers["Link"] == f'<{json_url}>; rel="alternate"; type="application/json"'
    assert soup.find("link", rel="alternate", type="application/json")["href"] == json_url
    assert soup.select_one(".summary a.json-link")["href"] == json_url
    data = client.get(json_url).get_json()
    assert data["links"]["html"] == url
    assert [a.text for a in soup.select("article.job h2 a")] == [job["title"] for job in data["results"]]
    assert soup.select_one(".summary strong").text == str(data["total"])
    for key, facet in data["facets"].items():
        assert {v["value"]: (v["count"], v["selected"]) for v in facet["values"]} == \
            {value: (count, checked) for value, (count, checked, _) in sidebar(soup, key).items()
             if value in {v["value"] for v in facet["values"]}}


def test_every_facet_link_is_a_bookmarkable_page_with_that_many_jobs(client):
    soup = page(client, "/search?q=engineer")
    links = [(count, link) for key in ("location", "category", "skill", "company", "remote")
             for count, _, link in sidebar(soup, key).values()]
    assert len(links) > 10
    for count, link in links:
        assert page(client, link).select_one(".summary strong").text == str(count)


def test_multi_select_checkboxes_work_without_javascript(client):
    # the sidebar is one GET form: ticking two skills and pressing Apply sends both
    soup = page(client, "/search")
    form = soup.select_one("form.filters")
    assert form["method"] == "get" and form["action"] == "/search" and form.find("button", type="submit")
    both = page(client, "/search?skill=Python&skill=SQL")
    shown = sidebar(both, "skill")
    assert shown["Python"][1] and shown["SQL"][1] and not shown["Java"][1]
    assert twin(client, "/search?skill=Python&skill=SQL")["total"] == \
        len({*twin_ids(client, "skill=Python"), *twin_ids(client, "skill=SQL")})


def twin_ids(client, query: str) -> set[str]:
    return {job["id"] for job in client.get(f"/api/v1/search?per_page=100&{query}").get_json()["results"]}


def test_location_drills_down_in_the_sidebar(client):
    soup = page(client, "/search?location=1/US/California")
    shown = sidebar(soup, "location")
    assert shown["1/US/California"][1] and not shown["0/US"][1]
    assert {"2/US/California/San Francisco", "2/US/California/Oakland", "1/US/New York", "0/GB"} <= set(shown)
    us = soup.find("input", value="0/US").find_parent("li")
    assert us.find("input", value="2/US/California/Oakland")  # nested under its country and region
    assert [c.get_text(" ", strip=True).rstrip(" ✕") for c in soup.select(".breadcrumbs .crumb")] == \
        ["Location: California, United States"]


def test_breadcrumbs_remove_one_filter_each(client):
    url = "/search?" + urlencode([("q", "engineer"), ("skill", "Python"), ("location", "0/US"),
                                  ("posted_within", "30d"), ("salary_min", "100000"), ("near", "California")])
    soup = page(client, url)
    crumbs = soup.select(".breadcrumbs .crumb")
    assert len(crumbs) == 5
    for crumb in crumbs:
        remaining = page(client, crumb.a["href"]).select(".breadcrumbs .crumb")
        assert len(remaining) == 4 and crumb.get_text() not in {c.get_text() for c in remaining}
    cleared = page(client, soup.select_one(".breadcrumbs a.clear")["href"])
    assert not cleared.select(".breadcrumbs .crumb") and cleared.find("input", id="q")["value"] == "engineer"


def test_sort_and_paging_links(client):
    soup = page(client, "/search?per_page=5")
    sorts = {a.text: a["href"] for a in soup.select(".sorts a")}
    assert set(sorts) == {"Newest", "Highest salary"}
    assert soup.select_one(".sorts strong").text == "Best match"
    newest = page(client, sorts["Newest"] + "&per_page=5")
    titles = [a.text for a in newest.select("article.job h2 a")]
    second = page(client, newest.select_one(".pager a[rel=next]")["href"])
    assert second.select_one(".pager span").text == "Page 2 of 4"
    assert not {a.text for a in second.select("article.job h2 a")} & set(titles)
    assert page(client, second.select_one(".pager a[rel=prev]")["href"]).select_one(".pager span").text == \
        "Page 1 of 4"


def test_long_facets_link_to_more_values_and_skills_have_a_filter_box(client):
    soup = page(client, "/search")
    more = soup.select_one("#facet-skill a.more")
    assert more is not None and soup.select_one("#facet-category a.more") is None
    everything = page(client, more["href"])
    assert len(everything.select(".facet-values li")) == len(twin(client, more["href"])["values"]) > 15
    box = soup.select_one("form.facet-filter[action='/facets/skill']")
    assert box.find("input", attrs={"name": "contains"})
    found = page(client, "/facets/skill?contains=script")
    assert {li.a.get_text(strip=True) for li in found.select(".facet-values li")} == {"☐ TypeScript", "☐ JavaScript"}


def test_did_you_mean(client):
    soup = page(client, "/search?q=pyhton&correct=0")
    suggestion = soup.select_one(".did-you-mean a")
    assert suggestion.text == "python" and suggestion["href"] == "/search?q=python"
    assert soup.select_one(".spelling") is None and not soup.select("article.job")


def test_a_corrected_query_says_so_and_links_to_the_text_as_typed(client):
    soup = page(client, "/search?q=pyhton+engineer")
    banner = soup.select_one(".spelling")
    assert " ".join(banner.text.split()) == "Showing results for python engineer — search instead for pyhton engineer"
    assert banner.strong.text == "python engineer" and banner.a["href"] == "/search?q=pyhton+engineer&correct=0"
    assert len(soup.select("article.job")) == 3 and soup.select_one(".did-you-mean") is None
    assert "3 jobs for “python engineer”" in " ".join(soup.select_one(".summary p").text.split())
    # the search box and the filter form go on from the correction; a new text is corrected again
    assert soup.find("input", id="q")["value"] == "python engineer"
    assert soup.select_one("form.filters input[name=q]")["value"] == "python engineer"
    typed = page(client, banner.a["href"])
    assert typed.select_one(".spelling") is None and not typed.select("article.job")
    assert typed.select_one(".did-you-mean a")["href"] == "/search?q=python+engineer"
    assert not typed.select("form.searchbox input[name=correct]")


def test_the_correction_banner_escapes_both_texts(client):
    typed = "<b>pyhton</b> engineer"
    response = client.get(f"/search?{urlencode({'q': typed})}")
    html = response.get_data(as_text=True)
    assert "<b>" not in html and "&lt;b&gt;python&lt;/b&gt; engineer" in html
    banner = BeautifulSoup(html, "html.parser").select_one(".spelling")
    assert banner.strong.text == "<b>python</b> engineer" and banner.a.text == typed
    assert not banner.find_all("b")


def test_a_work_arrangement_in_the_query_is_a_removable_breadcrumb(client):
    soup = page(client, "/search?q=engineer+remote")
    (crumb,) = soup.select(".breadcrumbs .crumb")
    assert crumb.get_text(" ", strip=True).rstrip(" ✕") == "Remote: Remote"
    assert len(soup.select("article.job")) == 2 and {s.text for s in soup.select("article.job .remote")} == {"Remote"}
    everywhere = page(client, crumb.a["href"])
    assert crumb.a["href"] == "/search?q=engineer"
    assert not everywhere.select(".breadcrumbs .crumb") and len(everywhere.select("article.job")) > 2
    cleared = page(client, soup.select_one(".breadcrumbs a.clear")["href"])
    assert not cleared.select(".breadcrumbs .crumb")
    zero = page(client, "/search?q=nurse+remote").select_one("section.zero")
    assert zero and any(a.text == "Remove the filter Remote: Remote" and a["href"] == "/search?q=nurse"
                        for a in zero.select("a"))


def test_zero_results_page_helps(client):
    soup = page(client, "/search?q=python&category=Sales&location=0/GB")
    zero = soup.select_one("section.zero")
    assert zero and "No jobs match" in zero.h2.text
    removals = [a["href"] for a in zero.select("a") if a.text.startswith("Remove the filter")]
    assert len(removals) == 2
    assert any(twin(client, url)["total"] > 0 for url in removals)
    everywhere = next(a["href"] for a in zero.select("a") if "without any filters" in a.text)
    assert twin(client, everywhere)["total"] > 0


def test_a_place_in_the_query_is_shown_and_removable(client):
    soup = page(client, "/search?q=account+executive+london")
    banner = soup.select_one(".understood")
    assert "London, England, GB" in banner.text and "“london”" in banner.text
    assert len(soup.select("article.job")) == 1
    everywhere = page(client, banner.a["href"])
    assert everywhere.select_one(".understood") is None and len(everywhere.select("article.job")) >= 2


def test_near_filter_form_keeps_its_values(client):
    soup = page(client, "/search?near=San+Francisco&radius_km=25")
    assert soup.find("input", attrs={"name": "near"})["value"] == "San Francisco"
    assert soup.find("select", attrs={"name": "radius_km"}).find("option", selected=True)["value"] == "25"
    crumb = soup.select_one(".breadcrumbs .crumb").get_text(" ", strip=True)
    assert "within 25 km of San Francisco" in crumb
    assert len(soup.select("article.job")) == 4


@pytest.mark.parametrize("url", [
    "/search",
    "/search?q=alert+payload",
    f"/search?{urlencode({'q': XSS})}",
    f"/search?{urlencode({'company': '<i>Evil</i> Corp', 'skill': '<b>bold</b>'})}",
    f"/facets/skill?{urlencode({'contains': '<b>', 'q': XSS})}",
    f"/facets/company?{urlencode({'contains': 'evil'})}",
    f"/search?{urlencode({'sort': XSS})}",
    f"/search?{urlencode({'near': XSS})}",
    f"/search?{urlencode({'location': XSS})}",
    f"/jobs/{XSS}",
    f"/nothing/{XSS}",
])
def test_hostile_text_is_shown_as_text_everywhere(client, url):
    response = client.get(url)
    assert response.status_code in (200, 400, 404)
    html = response.get_data(as_text=True)
    for raw in (XSS, "<b>bold</b>", "<i>Evil</i>", "<img src=x", "<script>alert(3)"):
        assert raw not in html
    soup = BeautifulSoup(html, "html.parser")
    assert [s.get("src") for s in soup.find_all("script")] == ["/static/search.js"]
    assert not soup.find_all(["b", "i", "img", "iframe"])
    assert "default-src 'self'" in response.headers["Content-Security-Policy"]


def test_escaped_titles_and_snippets_read_as_the_text(client):
    soup = page(client, "/search?q=alert+payload")
    job = soup.select_one("article.job")
    assert job.h2.a.text == XSS and job.select_one(".company").text == "<i>Evil</i> Corp"
    snippet = job.select_one(".snippet")
    assert {tag.name for tag in snippet.find_all(True)} == {"mark"}
    assert "<img src=x onerror=alert(2)>" in snippet.text


def test_solr_down_is_a_503_page(silent_solr):
    app = create_app({"SOLR_URL": silent_solr, "COLLECTION": "jobs", "QUERY_TIMEOUT": 0.3})
    response = app.test_client().get("/search?q=python")
    assert response.status_code == 503 and response.mimetype == "text/html"
    assert "Search is unavailable" in BeautifulSoup(response.get_data(as_text=True), "html.parser").h1.text


def test_errors_are_pages(client):
    soup = page(client, "/search?per_page=1000", status=400)
    assert "per_page" in soup.select_one("section.error").text
    assert page(client, "/no/such/page", status=404).select_one("section.error h1").text == "Not found"
