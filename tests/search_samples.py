"""Hand-built, varied postings for the search app tests: places with coordinates (one city with a
"/" in its name, one place unknown), salaries in several currencies and periods, dates, and
hostile text (a `<script>` title, values full of quotes, commas, braces and `{!`)."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from indexer.model import Location, Posting, Salary, assign_id

NOW = datetime.now(timezone.utc).replace(microsecond=0)

SF = Location("San Francisco, California, US", "San Francisco", "California", "US", 37.77493, -122.41942)
OAKLAND = Location("Oakland, California, US", "Oakland", "California", "US", 37.80437, -122.2708)
LA = Location("Los Angeles, California, US", "Los Angeles", "California", "US", 34.05223, -118.24368)
NYC = Location("New York City, New York, US", "New York City", "New York", "US", 40.71427, -74.00597)
LONDON = Location("London, England, GB", "London", "England", "GB", 51.50853, -0.12574)
BERLIN = Location("Berlin, DE", "Berlin", "Berlin", "DE", 52.52437, 13.41053)
COPENHAGEN = Location("Copenhagen, Capital Region, DK", "Copenhagen", "Capital Region", "DK", 55.67594, 12.56553)
BIEL = Location("Biel/Bienne, Bern, CH", "Biel/Bienne", "Bern", "CH", 47.13713, 7.24608)
NOWHERE = Location("Mars Base One")

XSS = "<script>alert(1)</script>"
NASTY_COMPANY = 'Acme "Rockets", {!Inc} (Intl) [x] \\ AND OR'
NASTY_SKILL = '{!lucene}*:* "quoted, with comma"'
NASTY_CATEGORY = 'R&D, "Labs" {!term f=id}'


def _posting(key: str, title: str, company: str, days_ago: int | None, locations: list[Location],
             skills: list[str], category: str, description: str, salary: Salary | None = None,
             seniority: str | None = None, employment_type: str = "full_time", remote: str = "onsite",
             description_html: str | None = None) -> Posting:
    return assign_id(Posting(
        source="tests/search_fixtures.py", title=title, company=company, url=f"https://jobs.example.com/{key}",
        apply_url=f"https://jobs.example.com/{key}/apply", category=category, seniority=seniority,
        employment_type=employment_type, locations=locations, location_texts=[loc.name for loc in locations],
        remote=remote, salary=salary, posted_at=NOW - timedelta(days=days_ago) if days_ago is not None else None,
        description=description, description_html=description_html, skills=skills, language="en",
    ))


def sample_postings() -> dict[str, Posting]:
    usd = lambda low, high, period="year": Salary(low, high, "USD", period)  # noqa: E731
    postings = [
        _posting("python-sf", "Senior Python Engineer", "Acme", 2, [SF], ["Python", "Django", "PostgreSQL"],
                 "Engineering", "Build Python APIs with Django and PostgreSQL for our payments platform.",
                 usd(150_000, 190_000), "senior", remote="hybrid"),
        _posting("data-london", "Python Data Engineer", "Globex", 10, [LONDON], ["Python", "Spark", "SQL"],
                 "Data", "Design Spark pipelines in Python; SQL warehouse modelling.",
                 Salary(70_000, 90_000, "GBP", "year"), "mid"),
        _posting("java-nyc", "Java Backend Developer", "Initech", 40, [NYC], ["Java", "Spring", "SQL"],
                 "Engineering", "Java and Spring services on a large SQL estate.", usd(120_000, 160_000)),
        _posting("ae-london", "Account Executive", "Globex", 5, [LONDON], ["Salesforce"], "Sales",
                 "Own the full sales cycle with enterprise customers across the UK.",
                 Salary(50_000, 60_000, "GBP", "year")),
        _posting("ae-nyc", "Account Executive", "Umbrella", 3, [NYC], ["Salesforce", "HubSpot"], "Sales",
                 "Close new business with mid-market customers on the east coast."),
        _posting("frontend-oakland", "Frontend Engineer (React)", "Acme", 1, [OAKLAND],
                 ["React", "TypeScript", "JavaScript"], "Engineering",
                 "React and TypeScript user interfaces for the payments dashboard.",
                 usd(10_000, 12_000, "month"), remote="remote"),
        _posting("ml-sf-london", "Machine Learning Engineer", "Hooli", 20, [SF, LONDON], ["Python", "PyTorch"],
                 "Engineering", "Train PyTorch models in Python as a senior member of the research team.",
                 usd(200_000, 250_000), "senior"),
        _posting("xss", XSS, "<i>Evil</i> Corp", 6, [BERLIN], ["<b>bold</b>", "Python"], "Engineering",
                 "alert payload <img src=x onerror=alert(2)> and <script>alert(3)</script> in text",
                 description_html="<p>Hi <strong>there</strong></p><script>alert(3)</script>"
                                  "<img src=x onerror=alert(4)><a href=\"javascript:alert(5)\">x</a>"),
        _posting("nasty", "Rocket Scientist", NASTY_COMPANY, 9, [BIEL], ["C++", "C#", NASTY_SKILL],
                 NASTY_CATEGORY, "Rockets and orbital mechanics in C++.", Salary(90_000, None, "CHF", "year")),
        _posting("analyst-la", "Junior Data Analyst", "Initech", 60, [LA], ["SQL", "Excel"], "Data",
                 "SQL reporting and Excel models for the finance team.", None, "junior", "part_time"),
        _posting("pm-berlin", "Product Manager", "Hooli", 15, [BERLIN], ["Roadmapping"], "Product",
                 "Lead the roadmap for our developer platform.", Salary(80_000, 100_000, "EUR", "year")),
        _posting("devops-cph", "DevOps Engineer", "Umbrella", 8, [COPENHAGEN], ["Kubernetes", "Terraform", "AWS"],
                 "Engineering", "Kubernetes clusters on AWS, provisioned with Terraform, next to senior engineers.",
                 None,
                 employment_type="contract", remote="remote"),
        _posting("nurse", "Registered Nurse", "St. Mary's Hospital", None, [NOWHERE], [], "Healthcare",
                 "Care for patients on the night shift."),
        _posting("staff-sf", "Staff Software Engineer, Platform", "Acme", 30, [SF], ["Go", "Kubernetes"],
                 "Engineering", "Go services and Kubernetes platform work.", usd(220_000, 280_000), "staff"),
        _posting("sdr-remote", "Sales Development Representative", "Acme", 4, [], ["Salesforce"], "Sales",
                 "Book meetings for the account executives, from anywhere.", remote="remote"),
        _posting("ds-nyc", "Data Scientist", "Globex", 12, [NYC], ["Python", "R", "SQL"], "Data",
                 "Python and R statistics; SQL for data wrangling.", usd(130_000, 170_000)),
    ]
    keys = [p.url.rsplit("/", 1)[1] for p in postings]
    return dict(zip(keys, postings))
