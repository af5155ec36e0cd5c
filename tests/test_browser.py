"""The search page in a real browser: Debian's Chromium driven by Playwright's Python API (no
`playwright install`, no browser download), against the app served on a real port over the
sample postings. Search, tick a skill (search.js submits the filter form at once), see results
and facet counts follow, remove the filter by its breadcrumb, and get the first page back.

`make test` installs Chromium first (scripts/install-chromium.sh); without it this test fails.
"""
from __future__ import annotations

import contextlib
import threading
from pathlib import Path
from typing import Iterator
from urllib.parse import urlsplit

import pytest
import requests
from playwright.sync_api import Page, expect, sync_playwright
from werkzeug.serving import make_server

from searchapp.config import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SCREENSHOT = PROJECT_ROOT / "test-artifacts" / "browser-search.png"
TIMEOUT_MS = 15_000

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def live_url(app):
    """The app on a free local port, served by werkzeug in a background thread."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-app", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@contextlib.contextmanager
def chromium_page() -> Iterator[Page]:
    """A tab of Debian's Chromium; fails the test, with what to do, when Chromium is missing."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: the browser test needs Debian's chromium package; "
                    "run scripts/install-chromium.sh (make test does)", pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            tab = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
            tab.set_default_timeout(TIMEOUT_MS)
            yield tab
        finally:
            browser.close()


def shown(page: Page) -> dict:
    """What the page shows: the total, the job titles, the skill facet and the active filters."""
    return {
        "total": int(page.locator(".summary strong").first.inner_text().replace(",", "")),
        "titles": page.locator("article.job h2 a").all_inner_texts(),
        "skills": {box.get_attribute("value"): (int(box.locator("xpath=../../span[@class='count']").inner_text()),
                                                box.is_checked())
                   for box in page.locator("#facet-skill input[type=checkbox]").all()},
        "categories": dict(zip(page.locator("#facet-category input[type=checkbox]").evaluate_all(
                                   "boxes => boxes.map(b => b.value)"),
                               map(int, page.locator("#facet-category .count").all_inner_texts()))),
        "filters": page.locator(".breadcrumbs .crumb").all_inner_texts(),
    }


def twin(page: Page) -> dict:
    """The JSON the page names as its alternate, fetched outside the browser."""
    href = page.locator('link[rel=alternate][type="application/json"]').get_attribute("href")
    base = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    response = requests.get(base + href, timeout=30)
    response.raise_for_status()
    return response.json()


def test_search_tick_a_skill_and_remove_it_by_its_breadcrumb(live_url):
    with chromium_page() as page:
        search_tick_and_remove(page, live_url)


def search_tick_and_remove(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    expect(page.locator("#q")).to_be_visible()

    page.fill("#q", "engineer")
    with page.expect_navigation():
        page.press("#q", "Enter")
    assert urlsplit(page.url).query == "q=engineer"
    before = shown(page)
    data = twin(page)
    assert before["total"] == data["total"] > 1
    assert before["titles"] == [job["title"] for job in data["results"]]
    assert before["filters"] == []

    # a skill some but not all of the results ask for, so ticking it narrows them
    skill, count = next((value, n) for value, (n, checked) in before["skills"].items() if n < before["total"])
    with page.expect_navigation():
        page.locator("#facet-skill").get_by_role("checkbox", name=skill, exact=True).check()
    after = shown(page)
    filtered = twin(page)
    assert after["total"] == count  # the count shown next to the skill was exact
    assert after["titles"] == [job["title"] for job in filtered["results"]] and len(after["titles"]) == count
    assert all(skill in job["skills"] for job in filtered["results"])
    assert after["skills"][skill] == (count, True)
    assert len(after["filters"]) == 1 and after["filters"][0].startswith(f"Skill: {skill}")
    assert after["categories"] != before["categories"]  # the other facets count within the filter
    assert sum(after["categories"].values()) < sum(before["categories"].values())
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    with page.expect_navigation():
        page.get_by_label(f"Remove Skill {skill}").click()
    restored = shown(page)
    assert restored == before
    assert urlsplit(page.url).query == "q=engineer"
    assert SCREENSHOT.stat().st_size > 10_000
