"""The demo postings the project makes itself, so a fresh clone shows a full search page.

A few hundred postings from fictional companies, generated deterministically (a fixed random
seed) from the project's own vocabularies: jobs across the canonical categories, the shipped
skills, every seniority level, real cities (resolved through the gazetteer, so they carry coordinates and
a country), pay in each country's own currency and period, and descriptions assembled from
templates that name the skills. Only the dates move: they are spread over the 60 days before
`today`, so the demo never looks stale.

The output is JSON Lines in the mapping `indexer.sources.records` reads; `jobsearch
demo-data PATH` writes it and `make demo` indexes it like any other source.
"""
from __future__ import annotations

import json
import random
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from html import escape
from pathlib import Path

from indexer.enrich.gazetteer import gazetteer
from indexer.enrich.locations import resolve_place
from indexer.enrich.seniority import SENIORITY_LEVELS
from indexer.enrich.skills import load_vocabulary

SEED = 20251001  # changing it changes every demo posting
DEFAULT_COUNT = 400
DAYS_BACK = 60

# --- places and pay ---------------------------------------------------------------------------

# Location texts as job boards write them; every one must resolve to a city in the gazetteer.
CITIES = (
    "San Francisco, CA", "New York, NY", "Seattle, WA", "Austin, TX", "Boston, MA", "Chicago, IL",
    "Denver, CO", "Atlanta, GA", "Toronto, ON, Canada", "Vancouver, BC, Canada", "Montreal, QC, Canada",
    "Mexico City, Mexico", "São Paulo, Brazil", "London, United Kingdom", "Manchester, United Kingdom",
    "Edinburgh, United Kingdom", "Dublin, Ireland", "Paris, France", "Lyon, France", "Berlin, Germany",
    "Munich, Germany", "Hamburg, Germany", "Amsterdam, Netherlands", "Copenhagen, Denmark",
    "Aarhus, Denmark", "Stockholm, Sweden", "Oslo, Norway", "Helsinki, Finland", "Zurich, Switzerland",
    "Madrid, Spain", "Barcelona, Spain", "Lisbon, Portugal", "Milan, Italy", "Warsaw, Poland",
    "Prague, Czech Republic", "Vienna, Austria", "Tel Aviv, Israel", "Dubai, United Arab Emirates",
    "Bangalore, India", "Mumbai, India", "Singapore", "Tokyo, Japan", "Seoul, South Korea",
    "Sydney, Australia", "Melbourne, Australia", "Auckland, New Zealand", "Cape Town, South Africa",
    "Nairobi, Kenya",
)


@dataclass(frozen=True)
class Pay:
    """What a senior software engineer is paid in a country, in its currency and usual period."""

    currency: str
    amount: int
    period: str  # "year" or "month": how salaries are quoted there
    symbol: str = ""  # written before the amount ("$"), else the code is written after it


PAY = {
    "US": Pay("USD", 175_000, "year", "$"), "CA": Pay("CAD", 145_000, "year", "CA$"),
    "MX": Pay("MXN", 960_000, "year"), "BR": Pay("BRL", 22_000, "month", "R$"),
    "GB": Pay("GBP", 85_000, "year", "£"), "IE": Pay("EUR", 85_000, "year", "€"),
    "FR": Pay("EUR", 65_000, "year", "€"), "DE": Pay("EUR", 80_000, "year", "€"),
    "NL": Pay("EUR", 75_000, "year", "€"), "DK": Pay("DKK", 62_000, "month"),
    "SE": Pay("SEK", 58_000, "month"), "NO": Pay("NOK", 850_000, "year"),
    "FI": Pay("EUR", 5_600, "month", "€"), "CH": Pay("CHF", 140_000, "year"),
    "ES": Pay("EUR", 55_000, "year", "€"), "PT": Pay("EUR", 45_000, "year", "€"),
    "IT": Pay("EUR", 50_000, "year", "€"), "PL": Pay("PLN", 24_000, "month"),
    "CZ": Pay("CZK", 100_000, "month"), "AT": Pay("EUR", 70_000, "year", "€"),
    "IL": Pay("ILS", 40_000, "month"), "AE": Pay("AED", 32_000, "month"),
    "IN": Pay("INR", 3_600_000, "year", "₹"), "SG": Pay("SGD", 130_000, "year", "S$"),
    "JP": Pay("JPY", 11_000_000, "year", "¥"), "KR": Pay("KRW", 90_000_000, "year"),
    "AU": Pay("AUD", 170_000, "year", "A$"), "NZ": Pay("NZD", 140_000, "year", "NZ$"),
    "ZA": Pay("ZAR", 950_000, "year"), "KE": Pay("KES", 450_000, "month"),
}
# The language spoken at work besides English, where it is a plus.
LOCAL_LANGUAGE = {
    "MX": "Spanish", "BR": "Portuguese", "FR": "French", "DE": "German", "NL": "Dutch", "DK": "Danish",
    "SE": "Swedish", "NO": "Norwegian", "FI": "Finnish", "CH": "German", "ES": "Spanish",
    "PT": "Portuguese", "IT": "Italian", "PL": "Polish", "CZ": "Czech", "AT": "German", "IL": "Hebrew",
    "AE": "Arabic", "JP": "Japanese", "KR": "Korean",
}
PERKS_BY_REGION = {
    "us": ("comprehensive health, dental and vision cover", "a 401(k) plan with a 4% match",
                 "a yearly learning budget of $2,000", "16 weeks of paid parental leave"),
    "europe": ("30 days of paid holiday", "a pension contribution on top of your salary",
               "a yearly learning budget of €1,500", "a public transport pass"),
    "other": ("private health insurance for you and your family", "a home-office allowance",
              "a yearly learning budget", "generous parental leave"),
}
EUROPE = frozenset("GB IE FR DE NL DK SE NO FI CH ES PT IT PL CZ AT".split())

# --- companies --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Company:
    name: str
    sector: str
    pitch: str  # completes "<name> ..."


COMPANIES = (
    Company("Northwind Analytics", "software", "builds forecasting software that helps retailers plan their stock"),
    Company("Bluefin Robotics", "hardware", "designs autonomous underwater drones that inspect offshore wind farms"),
    Company("Harborlight Health", "health", "runs virtual-first primary care clinics for 400,000 members"),
    Company("Copperleaf Energy", "hardware", "develops battery storage systems that keep the power grid stable"),
    Company("Quillstone", "software", "makes collaborative document software for legal teams"),
    Company("Ferncastle Bank", "finance", "is a digital bank for small businesses and freelancers"),
    Company("Lumora Labs", "ai", "trains speech and language models for customer service teams"),
    Company("Tidewater Logistics", "logistics", "operates a network of same-day delivery warehouses"),
    Company("Brightpath Learning", "education", "teaches data and software skills through online courses and bootcamps"),
    Company("Helix Biosciences", "biotech", "uses single-cell genomics to find new drug targets"),
    Company("Orchard & Vale", "retail", "is a direct-to-consumer furniture brand with a growing showroom network"),
    Company("Kestrel Security", "software", "builds cloud security monitoring for mid-size companies"),
    Company("Meridian Stays", "travel", "is a booking platform for independent hotels"),
    Company("Pinecrest Games", "games", "is an independent studio making cooperative multiplayer games"),
    Company("Saltmarsh Kitchen", "food", "produces plant-based ready meals for supermarkets"),
    Company("Vantage Payroll", "finance", "runs payroll and benefits for companies with international teams"),
    Company("Aurora Mobility", "hardware", "builds electric cargo bikes and the software that runs their fleets"),
    Company("Cobalt Cloud", "software", "offers managed databases and container hosting to developers"),
    Company("Greenway Homes", "software", "manages rental apartments through a tenant app"),
    Company("Stellar Mutual", "finance", "sells usage-based car and home insurance"),
    Company("Larkspur Media", "media", "publishes podcasts and newsletters about science and culture"),
    Company("Ironbridge Precision", "manufacturing", "machines precision parts for aerospace and medical customers"),
    Company("Nimbus Lingo", "language", "translates and localizes software for companies entering new markets"),
    Company("Redwood Trials", "biotech", "runs clinical trials for biotech sponsors in eleven countries"),
    Company("Pebble Commerce", "software", "is an online store builder for small retailers"),
    Company("Fjordline Analytics", "software", "builds product analytics for mobile apps"),
    Company("Oakhaven Care", "health", "provides home nursing and care services for older adults"),
    Company("Silverline Networks", "hardware", "builds private 5G networks for factories and ports"),
    Company("Marigold Market", "retail", "connects local food producers with shoppers through its grocery app"),
    Company("Tessellate AI", "ai", "builds computer vision models that inspect products on factory lines"),
    Company("Granite Ledger", "finance", "makes accounting software for growing companies"),
    Company("Wayfarer Freight", "logistics", "matches shippers with truck carriers across the continent"),
)

# --- roles ------------------------------------------------------------------------------------

IC = ("intern", "entry", "mid", "senior", "lead", "staff", "principal")
LEADERS = ("manager", "director", "vp", "executive")
# Which levels a track has: not every job has a "Staff" or a "VP".
TECH = IC + LEADERS + (None,)
BUSINESS = ("intern", "entry", "mid", "senior", "lead", "principal") + LEADERS + (None,)
PROFESSIONAL = BUSINESS[1:]  # jobs that are not open to interns
FRONTLINE = ("entry", "senior", "lead", "manager", "director", None)
LEVEL_WEIGHTS = {None: 14, "intern": 4, "entry": 11, "mid": 12, "senior": 24, "lead": 7, "staff": 5,
                 "principal": 3, "manager": 7, "director": 5, "vp": 3, "executive": 2}
# How a level reads in a title: a prefix, or a grade after the job name ("{}" is the job).
LEVEL_TITLES = {
    "intern": ("{} Intern",), "entry": ("Junior {}", "{} I", "Graduate {}"), "mid": ("{} II", "Mid-level {}"),
    "senior": ("Senior {}", "Sr. {}"), "lead": ("Lead {}",), "staff": ("Staff {}",), "principal": ("Principal {}",),
}
# Pay relative to the level's senior colleague.
LEVEL_PAY = {None: 0.95, "intern": 0.3, "entry": 0.62, "mid": 0.8, "senior": 1.0, "lead": 1.1, "staff": 1.25,
             "principal": 1.4, "manager": 1.2, "director": 1.5, "vp": 1.85, "executive": 2.2}
LEADER_PAY_FLOOR = 0.9  # leaders are paid like the function's professionals, whatever job they came from
YEARS = {None: 3, "intern": 0, "entry": 1, "mid": 3, "senior": 5, "lead": 6, "staff": 8, "principal": 10,
         "manager": 6, "director": 10, "vp": 12, "executive": 15}


@dataclass(frozen=True)
class Function:
    """A department and the titles of the people who lead it (None: no such post there)."""

    department: str
    manager: str | None
    director: str | None
    vp: str | None
    executive: str | None


FUNCTIONS = {
    "engineering": Function("Engineering", "Engineering Manager", "Director of Engineering",
                            "VP of Engineering", "Chief Technology Officer"),
    "ml": Function("Machine Learning", "Machine Learning Engineering Manager", "Director of Machine Learning",
                   "VP of AI", "Chief AI Officer"),
    "data": Function("Data", "Data Science Manager", "Director of Data Science", "VP of Data",
                     "Chief Data Officer"),
    "infrastructure": Function("Infrastructure", "Infrastructure Engineering Manager",
                               "Director of Infrastructure", "VP of Infrastructure", None),
    "security": Function("Security", "Security Engineering Manager", "Director of Security", "VP of Security",
                         None),
    "qa": Function("Quality", "QA Manager", None, None, None),
    "it": Function("IT", "IT Manager", "Director of IT", "VP of IT", None),
    "hardware": Function("Hardware", "Hardware Engineering Manager", "Director of Hardware Engineering",
                         "VP of Hardware", None),
    "product": Function("Product", None, "Director of Product", "VP of Product", "Chief Product Officer"),
    "design": Function("Design", "Design Manager", "Head of Design", None, None),
    "sales": Function("Sales", "Sales Manager", "Director of Sales", "VP of Sales", "Chief Revenue Officer"),
    "marketing": Function("Marketing", "Marketing Team Manager", "Director of Marketing", "VP of Marketing",
                          "Chief Marketing Officer"),
    "support": Function("Customer Experience", "Support Manager", "Director of Customer Success",
                        "VP of Customer Success", None),
    "writing": Function("Content", None, "Director of Localization", None, None),
    "operations": Function("Operations", "Operations Manager", "Director of Operations", "VP of Operations",
                           "Chief Operating Officer"),
    "finance": Function("Finance", "Finance Manager", "Director of Finance", "VP of Finance",
                        "Chief Financial Officer"),
    "legal": Function("Legal", None, "Head of Legal", "VP of Legal", "Chief Legal Officer"),
    "people": Function("People", "Recruiting Manager", "Head of People", None, "Chief People Officer"),
    "clinical": Function("Clinical", "Nurse Manager", "Director of Nursing", None, "Chief Medical Officer"),
    "research": Function("Research", None, None, None, None),
    "education": Function("Education", None, None, None, None),
    "admin": Function("Workplace", None, None, None, None),
    "facilities": Function("Facilities", "Maintenance Manager", "Director of Facilities", None, None),
}


@dataclass(frozen=True)
class Role:
    title: str
    function: str  # key of FUNCTIONS
    skills: tuple[str, ...]  # canonical names from indexer/data/skills.tsv
    duties: tuple[str, ...]  # complete "You will ..." / "In this role you will ..."
    pay: float  # relative to a senior software engineer
    levels: tuple = TECH
    sectors: frozenset | None = None  # company sectors that hire for it; None: all
    specialties: tuple[str, ...] = ()  # written after a comma: "Backend Engineer, Payments"


def _sectors(*names: str) -> frozenset:
    return frozenset(names)


ROLES = (
    Role("Backend Engineer", "engineering",
         ("Python", "Go", "Java", "Kotlin", "PostgreSQL", "Kafka", "gRPC", "REST APIs", "Microservices",
          "Distributed Systems", "Docker", "Kubernetes", "AWS", "Redis", "GraphQL", "Elixir"),
         ("design and build the services behind our product", "own features from the first design document to production",
          "improve the performance and reliability of our APIs", "review code and help shape our engineering practices",
          "work closely with product and design to decide what to build next"),
         1.0, specialties=("Payments", "Platform", "Integrations", "Core Services")),
    Role("Frontend Engineer", "engineering",
         ("TypeScript", "JavaScript", "React", "Next.js", "Vue.js", "HTML", "CSS", "GraphQL", "Jest", "Cypress",
          "Storybook", "Accessibility", "Design Systems", "Webpack"),
         ("build fast, accessible interfaces used by thousands of customers every day",
          "turn designs into reusable components in our design system", "improve page load times and Core Web Vitals",
          "work closely with designers on interaction details", "write tests that keep the interface reliable"),
         0.97, specialties=("Web", "Growth", "Design Systems")),
    Role("Full-Stack Engineer", "engineering",
         ("TypeScript", "Node.js", "React", "Ruby on Rails", "Python", "Django", "PostgreSQL", "GraphQL", "AWS",
          "Docker", "REST APIs", "Tailwind CSS"),
         ("ship features across the whole stack, from the database to the browser",
          "talk to customers to understand the problems behind feature requests",
          "keep our codebase simple and well tested", "take part in a fair, light on-call rotation"),
         0.97, specialties=("Product", "Internal Tools")),
    Role("iOS Engineer", "engineering",
         ("Swift", "SwiftUI", "UIKit", "iOS", "Objective-C", "Unit Testing", "REST APIs", "Firebase"),
         ("build and ship our iOS app to hundreds of thousands of users", "own app performance and crash-free rates",
          "work with backend engineers on the APIs the app needs", "help shape the architecture of the app"),
         1.0, specialties=("Mobile",)),
    Role("Android Engineer", "engineering",
         ("Kotlin", "Jetpack Compose", "Android", "Java", "Unit Testing", "REST APIs", "Firebase", "Git"),
         ("build and ship our Android app", "improve startup time and battery use on low-end devices",
          "write clean, well-tested Kotlin", "mentor engineers who are new to Android"),
         1.0, specialties=("Mobile",)),
    Role("Machine Learning Engineer", "ml",
         ("Python", "PyTorch", "TensorFlow", "MLOps", "Machine Learning", "Deep Learning", "Kubernetes", "Spark",
          "Feature Engineering", "Recommender Systems", "Model Evaluation", "Amazon SageMaker", "MLflow",
          "scikit-learn", "Ray"),
         ("train, evaluate and deploy models that run in production", "build pipelines for features and training data",
          "measure model quality offline and online", "work with product teams to find where models help"),
         1.12, TECH, _sectors("software", "ai", "finance", "retail", "travel", "logistics", "health", "media")),
    Role("Applied Scientist", "ml",
         ("NLP", "LLMs", "Transformers", "PyTorch", "Hugging Face", "Fine-Tuning", "RAG", "Embeddings",
          "Model Evaluation", "Python", "Generative AI", "Prompt Engineering", "Speech Recognition"),
         ("research and build language models for our product", "design evaluations that tell us when a model is better",
          "fine-tune open models on our own data", "publish and present your work internally and at conferences"),
         1.2, TECH, _sectors("ai", "language", "software"), ("NLP", "Speech", "LLMs")),
    Role("Computer Vision Engineer", "ml",
         ("Computer Vision", "Deep Learning", "PyTorch", "Python", "C++", "OpenCL", "CUDA", "TensorRT", "ONNX",
          "Data Annotation", "Sensor Fusion"),
         ("build models that detect defects in camera images", "make models run in real time on edge hardware",
          "design the data collection and labelling process", "work with hardware engineers on cameras and lighting"),
         1.12, TECH, _sectors("ai", "hardware", "manufacturing")),
    Role("Data Engineer", "data",
         ("SQL", "Python", "Airflow", "dbt", "Snowflake", "BigQuery", "Kafka", "Spark", "Data Modeling", "ETL",
          "Data Pipelines", "Data Warehousing", "Fivetran", "Terraform", "Data Quality"),
         ("build and run the pipelines that feed our data warehouse", "model data so analysts can trust it",
          "improve the quality and freshness of our data", "make the data platform cheaper and easier to use"),
         0.98, specialties=("Data Platform", "Analytics")),
    Role("Data Analyst", "data",
         ("SQL", "Tableau", "Looker", "Excel", "Python", "A/B Testing", "Statistics", "Data Visualization",
          "Data Analysis", "Power BI", "Google Sheets", "Business Intelligence"),
         ("answer questions from teams across the company with data", "build dashboards the leadership team uses weekly",
          "design and read experiments", "find the story in the numbers and present it clearly"),
         0.75, BUSINESS, specialties=("Marketing", "Operations", "Finance")),
    Role("Data Scientist", "data",
         ("Python", "Statistics", "scikit-learn", "Causal Inference", "Experiment Design", "SQL", "pandas", "R",
          "Machine Learning", "Bayesian Statistics", "Time Series Analysis", "XGBoost", "Forecasting"),
         ("build forecasting and pricing models", "design experiments and measure their impact",
          "turn messy data into clear recommendations", "work with engineers to put models into production"),
         1.0, specialties=("Pricing", "Forecasting", "Product")),
    Role("Site Reliability Engineer", "infrastructure",
         ("Kubernetes", "Terraform", "Prometheus", "Grafana", "Linux", "AWS", "Go", "Incident Response",
          "Observability", "Site Reliability Engineering", "Google Cloud", "Helm", "OpenTelemetry", "PagerDuty"),
         ("keep our services fast and available", "automate away toil in deployments and operations",
          "lead incident response and blameless reviews", "set service level objectives with product teams"),
         1.02),
    Role("Platform Engineer", "infrastructure",
         ("Kubernetes", "Terraform", "AWS", "Azure", "CI/CD", "GitHub Actions", "Argo CD", "Docker", "Python",
          "Go", "Infrastructure as Code", "Linux", "Ansible", "HashiCorp Vault"),
         ("build the internal platform our engineers deploy to", "make builds and deployments fast and safe",
          "manage cloud infrastructure as code", "help teams run their services well"),
         1.0),
    Role("Security Engineer", "security",
         ("Application Security", "Threat Modeling", "Penetration Testing", "Cloud Security", "SIEM",
          "Incident Response", "Python", "AWS", "Identity and Access Management", "Vulnerability Management",
          "Zero Trust", "Cryptography", "SOC 2"),
         ("find and fix security weaknesses before attackers do", "review designs and code for security issues",
          "build detection and response for our cloud environment", "run our security awareness programme"),
         1.05, specialties=("Application Security", "Detection & Response")),
    Role("QA Engineer", "qa",
         ("Test Automation", "Selenium", "Cypress", "Playwright", "Postman", "Python", "Jira", "Quality Assurance",
          "Manual Testing", "Integration Testing", "Performance Testing", "CI/CD"),
         ("plan and run tests for every release", "build automated end-to-end tests",
          "work with developers to prevent bugs, not just find them", "track quality and report it clearly"),
         0.8, BUSINESS),
    Role("Help Desk Technician", "it",
         ("Help Desk", "Jamf", "Okta", "Google Workspace", "Microsoft Office", "Active Directory", "ITIL",
          "Technical Support", "Networking", "Windows Server", "SSO"),
         ("support colleagues with laptops, accounts and software", "set up equipment for new starters",
          "keep our device fleet patched and secure", "write guides so people can help themselves"),
         0.5, FRONTLINE),
    Role("Electrical Engineer", "hardware",
         ("PCB Design", "Altium", "Circuit Design", "Power Electronics", "Signal Processing", "FPGA",
          "Embedded Systems", "Firmware", "MATLAB", "Simulink", "Failure Analysis"),
         ("design circuit boards from schematic to production", "bring up and debug new hardware in the lab",
          "work with suppliers and contract manufacturers", "write test plans and run validation"),
         0.95, TECH, _sectors("hardware", "manufacturing")),
    Role("Mechanical Engineer", "hardware",
         ("SolidWorks", "CAD", "FEA", "GD&T", "DFM", "Ansys", "Injection Molding", "Sheet Metal", "3D Printing",
          "Prototyping", "FMEA"),
         ("design parts and assemblies for our next product", "build and test prototypes",
          "prepare designs for manufacturing at volume", "run analysis to make sure designs survive the field"),
         0.9, TECH, _sectors("hardware", "manufacturing")),
    Role("Firmware Engineer", "hardware",
         ("C", "C++", "RTOS", "Embedded Linux", "Firmware", "Microcontrollers", "Embedded Systems", "Rust",
          "Python", "Linux Kernel", "Unit Testing"),
         ("write firmware for our devices", "bring up new boards with the hardware team",
          "make devices update safely over the air", "debug problems that only show up in the field"),
         1.0, TECH, _sectors("hardware")),
    Role("Product Manager", "product",
         ("Product Management", "Product Strategy", "Product Roadmapping", "Product Discovery", "User Stories",
          "SQL", "Amplitude", "Jira", "A/B Testing", "User Research", "Stakeholder Management", "Go-to-Market Strategy"),
         ("decide what we build and why, with engineering and design", "talk to customers every week",
          "set goals and measure whether we reached them", "write clear specs and keep the roadmap honest"),
         1.0, BUSINESS, specialties=("Growth", "Platform", "Payments", "Mobile")),
    Role("Product Designer", "design",
         ("Figma", "Prototyping", "User Research", "Design Systems", "Interaction Design", "Usability Testing",
          "Wireframing", "UX Design", "UI Design", "Accessibility", "Visual Design"),
         ("design flows from the first sketch to the shipped product", "test ideas with real users early and often",
          "contribute to our design system", "work side by side with engineers and product managers"),
         0.9, TECH),
    Role("Brand Designer", "design",
         ("Illustrator", "Photoshop", "InDesign", "Brand Design", "Typography", "Motion Design", "After Effects",
          "Graphic Design", "Figma", "Illustration"),
         ("shape how our brand looks everywhere", "design campaigns, the website and events",
          "build templates the whole company can use", "work with marketing on launches"),
         0.75, BUSINESS),
    Role("Account Executive", "sales",
         ("Salesforce", "Enterprise Sales", "MEDDIC", "Negotiation", "Pipeline Management", "SaaS Sales",
          "Prospecting", "Gong", "Solution Selling", "Sales Forecasting", "Account Management", "Product Demos"),
         ("own the full sales cycle from first call to signed contract", "build pipeline with your SDR partner",
          "run discovery and demos for buying committees", "forecast accurately and hit your quota"),
         0.85, BUSINESS, specialties=("Enterprise", "Mid-Market", "Public Sector")),
    Role("Sales Development Representative", "sales",
         ("Prospecting", "Cold Calling", "Cold Emailing", "Outreach", "HubSpot", "LinkedIn Sales Navigator",
          "Lead Generation", "Salesforce", "Inside Sales"),
         ("find and qualify new customers", "book meetings for our account executives",
          "write outreach that people actually answer", "learn the product and the market fast"),
         0.5, FRONTLINE),
    Role("Solutions Engineer", "sales",
         ("Pre-Sales", "Product Demos", "REST APIs", "Python", "SQL", "Solutions Architecture", "RFPs",
          "Salesforce", "Cloud Architecture"),
         ("run technical discovery and demos with prospects", "design how customers will integrate our product",
          "answer security questionnaires and RFPs", "bring what customers ask for back to product"),
         0.95, BUSINESS),
    Role("Product Marketing Manager", "marketing",
         ("Product Marketing", "Positioning", "Go-to-Market Strategy", "Competitive Analysis", "Market Research",
          "Content Strategy", "Sales Enablement", "Customer Segmentation", "Copywriting"),
         ("own positioning and messaging for our products", "plan and run launches",
          "arm the sales team with the right material", "learn what buyers care about and why they choose us"),
         0.9, PROFESSIONAL),
    Role("Growth Marketing Manager", "marketing",
         ("Performance Marketing", "Google Ads", "Meta Ads", "SEO", "Google Analytics", "Marketing Automation",
          "A/B Testing", "HubSpot", "Lifecycle Marketing", "Conversion Rate Optimization", "Braze", "SQL"),
         ("run paid and organic acquisition channels", "test landing pages, offers and emails",
          "own the budget and the numbers behind it", "work with data to measure what really works"),
         0.85, PROFESSIONAL),
    Role("Content Marketing Manager", "marketing",
         ("Content Marketing", "Copywriting", "SEO", "WordPress", "Email Marketing", "Content Strategy",
          "Social Media Marketing", "Copyediting", "Semrush"),
         ("plan and write content our customers want to read", "run the blog, newsletter and social channels",
          "work with experts inside the company on guides and reports", "grow organic traffic"),
         0.75, PROFESSIONAL),
    Role("Customer Success Manager", "support",
         ("Customer Success", "Account Management", "Gainsight", "Salesforce", "Zendesk", "Upselling",
          "Stakeholder Management", "Product Demos", "Negotiation"),
         ("own relationships with a book of customers", "help customers get value from the product quickly",
          "spot risks and opportunities in your accounts", "bring customer feedback to product"),
         0.7, PROFESSIONAL),
    Role("Customer Support Specialist", "support",
         ("Customer Service", "Zendesk", "Intercom", "Technical Support", "Help Desk", "Freshdesk",
          "Google Workspace"),
         ("answer customers by chat, email and phone", "solve problems on the first contact where you can",
          "write and improve help centre articles", "spot patterns in tickets and report them"),
         0.45, FRONTLINE),
    Role("Technical Writer", "writing",
         ("Technical Writing", "Content Design", "Git", "API Design", "Confluence", "Information Architecture",
          "Copyediting", "REST APIs"),
         ("write and maintain our developer documentation", "work with engineers to document new features",
          "organise the docs so people find answers fast", "review writing across the product"),
         0.8, BUSINESS),
    Role("Localization Specialist", "writing",
         ("Localization", "Translation", "Proofreading", "Computer-Assisted Translation", "Internationalization",
          "Transcreation", "Machine Translation"),
         ("translate and review product text and marketing", "manage translation memories and glossaries",
          "work with freelance translators", "check the quality of machine translation"),
         0.6, FRONTLINE, _sectors("language", "games", "travel", "software")),
    Role("Supply Chain Analyst", "operations",
         ("Supply Chain Management", "Demand Planning", "Excel", "SQL", "SAP", "Inventory Management", "Logistics",
          "Procurement", "Forecasting", "Power BI", "S&OP"),
         ("forecast demand and plan stock", "work with suppliers on lead times and costs",
          "find savings across the supply chain", "build reports the operations team relies on"),
         0.7, BUSINESS, _sectors("logistics", "retail", "food", "manufacturing", "hardware")),
    Role("Warehouse Associate", "operations",
         ("Forklift Operation", "Warehouse Management", "Inventory Management", "OSHA", "Data Entry",
          "Quality Control"),
         ("pick, pack and ship orders accurately", "receive and check deliveries", "keep the warehouse safe and tidy",
          "use handheld scanners and our warehouse system"),
         0.3, FRONTLINE, _sectors("logistics", "retail", "food")),
    Role("Program Manager", "operations",
         ("Program Management", "Project Management", "Stakeholder Management", "Jira", "Agile", "Scrum",
          "Risk Management", "Change Management", "Confluence"),
         ("run programmes that span several teams", "keep plans, risks and decisions visible",
          "make sure launches happen on time", "improve how teams plan and work together"),
         0.9, PROFESSIONAL),
    Role("Financial Analyst", "finance",
         ("Financial Modeling", "FP&A", "Excel", "Budgeting", "Forecasting", "Variance Analysis", "NetSuite",
          "Financial Reporting", "Anaplan", "SQL"),
         ("build the models behind our budget and forecast", "explain variances to budget holders",
          "support fundraising and board reporting", "automate the monthly reporting pack"),
         0.75, BUSINESS),
    Role("Accountant", "finance",
         ("Accounting", "GAAP", "IFRS", "Month-End Close", "Reconciliation", "General Ledger", "NetSuite", "Xero",
          "Accounts Payable", "Revenue Recognition", "Tax Compliance"),
         ("run parts of the month-end close", "reconcile accounts and keep the ledger clean",
          "prepare numbers for the auditors", "improve our finance processes and systems"),
         0.65, FRONTLINE),
    Role("Legal Counsel", "legal",
         ("Commercial Contracts", "Contract Negotiation", "Data Privacy", "GDPR", "Intellectual Property",
          "Corporate Law", "Employment Law", "Regulatory Compliance", "Contract Drafting"),
         ("draft and negotiate customer and supplier contracts", "advise teams on privacy and data protection",
          "keep our policies up to date with new rules", "manage outside counsel"),
         1.0, PROFESSIONAL, specialties=("Commercial", "Privacy", "Employment")),
    Role("Compliance Analyst", "legal",
         ("Regulatory Compliance", "AML", "KYC", "Risk Management", "SOC 2", "ISO 27001", "Fraud Prevention",
          "Auditing"),
         ("review customers and transactions for financial crime risk", "keep our compliance controls working",
          "prepare for audits and regulator questions", "help product teams build compliant features"),
         0.7, BUSINESS, _sectors("finance", "health", "software")),
    Role("Technical Recruiter", "people",
         ("Recruiting", "Talent Sourcing", "Greenhouse", "Applicant Tracking Systems", "Employer Branding",
          "Stakeholder Management", "Workforce Planning"),
         ("find and hire engineers, designers and product managers", "run a fair, fast and friendly interview process",
          "advise hiring managers on the market", "improve how we attract people"),
         0.7, BUSINESS),
    Role("People Partner", "people",
         ("Employee Relations", "Performance Management", "HRIS", "Workday", "Compensation Planning",
          "Learning & Development", "Employment Law", "Organizational Development", "Payroll"),
         ("advise managers on people questions", "run performance and compensation cycles",
          "shape policies that are fair and clear", "support employees through change"),
         0.8, BUSINESS),
    Role("Registered Nurse", "clinical",
         ("Patient Care", "BLS", "ACLS", "EHR", "Epic", "Medication Administration", "Care Coordination",
          "Telehealth", "Wound Care", "Infection Control", "Vital Signs"),
         ("care for patients at home and in our clinics", "coordinate care with doctors and families",
          "keep accurate records in our electronic health record", "teach patients how to manage their conditions"),
         0.55, FRONTLINE, _sectors("health")),
    Role("Clinical Research Coordinator", "research",
         ("Clinical Trials", "Good Clinical Practice", "Clinical Research", "Regulatory Affairs", "EHR",
          "Clinical Documentation", "Pharmacovigilance", "Medical Terminology"),
         ("coordinate study visits and patient follow-up", "keep trial documents audit-ready",
          "work with investigators and sponsors", "make sure every study follows the protocol"),
         0.55, FRONTLINE, _sectors("biotech", "health")),
    Role("Bioinformatics Scientist", "research",
         ("Bioinformatics", "Genomics", "Python", "R", "Next-Generation Sequencing", "Single-Cell Analysis",
          "Statistics", "Molecular Biology", "CRISPR", "Computational Biology", "Flow Cytometry"),
         ("design and run experiments to find new drug targets", "analyse sequencing data with our computational team",
          "present results and decide next steps with the team", "publish with academic partners"),
         0.95, BUSINESS, _sectors("biotech")),
    Role("Data Science Instructor", "education",
         ("Python", "Statistics", "Machine Learning", "SQL", "pandas", "Jupyter", "Public Speaking",
          "Data Visualization"),
         ("teach live classes to adult learners", "give feedback on projects and code",
          "improve the course material every cohort", "mentor students into their first data jobs"),
         0.6, FRONTLINE, _sectors("education")),
    Role("Executive Assistant", "admin",
         ("Calendar Management", "Google Workspace", "Microsoft Office", "Event Planning", "Office Management",
          "Stakeholder Management", "Notion"),
         ("manage busy calendars across time zones", "plan travel, offsites and board meetings",
          "keep the leadership team organised", "handle confidential information with care"),
         0.5, FRONTLINE),
    Role("Maintenance Technician", "facilities",
         ("PLC Programming", "Welding", "OSHA", "Root Cause Analysis", "CNC Machining", "Lean",
          "Quality Control"),
         ("keep production machines running", "carry out planned maintenance", "find and fix faults quickly",
          "follow and improve our safety procedures"),
         0.45, FRONTLINE, _sectors("manufacturing", "food", "logistics", "hardware")),
)

REMOTE_WEIGHTS = {"onsite": 40, "hybrid": 38, "remote": 22}
EMPLOYMENT_WEIGHTS = {"FullTime": 86, "Contract": 7, "PartTime": 5, "Temporary": 2}
PART_TIME_ROLES = frozenset({"Registered Nurse", "Customer Support Specialist", "Warehouse Associate",
                                       "Data Science Instructor"})


# --- generation -------------------------------------------------------------------------------

def demo_records(count: int = DEFAULT_COUNT, today: date | None = None) -> list[dict]:
    """`count` postings as flat records (JSON Lines mapping of indexer.sources.records).

    Always the same postings (a smaller count gives the first ones of a larger); `today`
    (default: today in UTC) only moves their dates, spread over the DAYS_BACK days before it.
    Every role and every seniority level appears once the count reaches their number.
    """
    if count < 0:
        raise ValueError("count must be 0 or more")
    today = today or datetime.now(timezone.utc).date()
    midnight = datetime.combine(today, time(0), tzinfo=timezone.utc)
    written = _written_forms()
    rng = random.Random(SEED)
    offices = {company.name: rng.sample(CITIES, 3) for company in COMPANIES}
    seen: set[tuple] = set()
    records = []
    for number in range(1, count + 1):
        while True:
            record = _record(rng, number, offices, midnight, written)
            key = (record["company"], record["title"].lower(), tuple(record["locations"]))
            if key not in seen:  # the indexer merges same company + title + places
                seen.add(key)
                break
        records.append(record)
    return records


def write_demo_postings(path: str | Path, count: int = DEFAULT_COUNT, today: date | None = None) -> int:
    """Write the demo postings as JSON Lines (UTF-8) to `path`; returns how many."""
    records = demo_records(count, today)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return len(records)


def _record(rng: random.Random, number: int, offices: dict, midnight: datetime, written: dict) -> dict:
    role, level = _role_and_level(rng, number)
    company = rng.choice([c for c in COMPANIES if role.sectors is None or c.sector in role.sectors])
    title = _title(rng, role, level)
    remote = _weighted(rng, REMOTE_WEIGHTS)
    places = [rng.choice(offices[company.name])]
    if remote != "remote" and rng.random() < 0.15:
        places.append(rng.choice([p for p in offices[company.name] if p != places[0]]))
    country = resolve_place(places[0]).country_code
    location_texts = [f"Remote, {_country_name(country)}"] if remote == "remote" and rng.random() < 0.5 else places
    employment = _employment(rng, role, level)
    skills = [written[name] for name in _skills(rng, role, level)]
    posted_at = midnight - timedelta(minutes=rng.randrange(1, DAYS_BACK * 24 * 60))
    slug = re.sub(r"[^a-z0-9]+", "-", company.name.lower()).strip("-")
    source_id = f"demo-{number:04d}"
    record = {
        "id": source_id,
        "title": title,
        "company": company.name,
        "department": FUNCTIONS[role.function].department,
        "locations": location_texts,
        "workplace_type": remote,
        "employment_type": employment,
        "date_posted": posted_at.strftime("%Y-%m-%dT%H:%M:%SZ"),
        "url": f"https://{slug}.example/careers/{source_id}",
        "apply_url": f"https://{slug}.example/careers/{source_id}/apply",
        "description_html": _description(rng, role, level, title, company, places[0], country, remote,
                                         employment, skills),
        "language": "en",
    }
    if country == "US" or rng.random() < 0.7:  # pay transparency: most US postings must state it
        record.update(_salary(rng, role, level, country, employment))
    return record


def _role_and_level(rng: random.Random, number: int) -> tuple[Role, str | None]:
    """Posting `number`'s job and level. The first postings take each role, then each level,
    once, so that even a small demo set shows them all."""
    if number <= len(ROLES):
        role = ROLES[number - 1]
    elif number <= len(ROLES) + len(SENIORITY_LEVELS):
        level = SENIORITY_LEVELS[number - len(ROLES) - 1]
        return rng.choice([role for role in ROLES if _has_level(role, level)]), level
    else:
        role = rng.choice(ROLES)
    levels = [level for level in role.levels if _has_level(role, level)]
    return role, _weighted(rng, {level: LEVEL_WEIGHTS[level] for level in levels})


def _has_level(role: Role, level: str | None) -> bool:
    if level not in role.levels:
        return False
    return level not in LEADERS or getattr(FUNCTIONS[role.function], level) is not None


def _title(rng: random.Random, role: Role, level: str | None) -> str:
    if level in LEADERS:
        return getattr(FUNCTIONS[role.function], level)
    title = role.title if level is None else rng.choice(LEVEL_TITLES[level]).format(role.title)
    if role.specialties and rng.random() < 0.35:
        title = f"{title}, {rng.choice(role.specialties)}"  # "Backend Engineer II, Payments"
    return title


def _employment(rng: random.Random, role: Role, level: str | None) -> str:
    if level == "intern":
        return "Intern"
    if level in LEADERS:
        return "FullTime"
    kind = _weighted(rng, EMPLOYMENT_WEIGHTS)
    if kind == "PartTime" and role.title not in PART_TIME_ROLES:
        return "FullTime"
    return kind


def _skills(rng: random.Random, role: Role, level: str | None) -> list[str]:
    return rng.sample(role.skills, min(len(role.skills), 4 if level == "intern" else rng.randint(5, 7)))


def _salary(rng: random.Random, role: Role, level: str | None, country: str, employment: str) -> dict:
    """Structured pay and its wording, in the country's currency and usual period."""
    pay = PAY[country]
    relative = max(role.pay, LEADER_PAY_FLOOR) if level in LEADERS else role.pay  # a Director of Operations
    yearly = pay.amount * (12 if pay.period == "month" else 1) * relative * LEVEL_PAY[level]
    yearly *= rng.uniform(0.92, 1.08)
    if level == "intern" or employment == "PartTime":
        period, base = ("hour", yearly / 2080) if country in ("US", "CA") else ("month", yearly / 12)
    elif employment == "Contract":
        period, base = ("hour", yearly / 2080 * 1.3) if country in ("US", "CA") else ("day", yearly / 220 * 1.3)
    else:
        period, base = pay.period, yearly / (12 if pay.period == "month" else 1)
    low, high = _round(base * 0.9), _round(base * 1.15)
    return {
        "salary_min": low, "salary_max": high, "salary_currency": pay.currency, "salary_period": period,
        "salary": f"{_amounts(low, high, pay)} per {period}",
    }


def _round(value: float) -> int:
    """To a figure a posting would print: three significant digits (164,000; 5,570; 125)."""
    step = 10 ** max(0, len(str(int(value))) - 3)
    return int(round(value / step) * step)


def _amounts(low: int, high: int, pay: Pay) -> str:
    """ "$150,000 – $190,000", or with the code in front: "DKK 55,800 – 71,300"."""
    if pay.symbol:
        return f"{pay.symbol}{low:,} – {pay.symbol}{high:,}"
    return f"{pay.currency} {low:,} – {high:,}"


def _description(rng: random.Random, role: Role, level: str | None, title: str, company: Company, city: str,
                 country: str, remote: str, employment: str, skills: list[str]) -> str:
    """A few paragraphs and lists, the way careers pages write them, naming the skills."""
    function = FUNCTIONS[role.function]
    must, nice = skills[:-2], skills[-2:]
    duties = rng.sample(role.duties, min(3, len(role.duties)))
    if level in LEADERS:
        duties = [f"lead and grow the {function.department.lower()} team",
                  "hire great people and help them do their best work", *duties[:2]]
    requirements = [
        _experience(rng, role, level),
        f"Hands-on experience with {_joined(must)}.",
        rng.choice(("You write clearly and explain your thinking to people outside your field.",
                    "You like working with people from many backgrounds and disciplines.",
                    "You take ownership and follow through without being asked.")),
    ]
    language = LOCAL_LANGUAGE.get(country)
    if language and remote != "remote":
        requirements.append(f"Fluent English; {language} is a plus.")
    where = {
        "remote": f"This is a remote role open to people living in {_in_country(country)}.",
        "hybrid": f"This is a hybrid role: we work together in our {_city(city)} office two or three days a week.",
        "onsite": f"This role is based in our {_city(city)} office.",
    }[remote]
    if employment == "Contract":
        where += " It is a six-month contract with the option to extend."
    elif employment == "PartTime":
        where += " It is part-time, around 24 hours a week, with flexible shifts."
    elif employment == "Temporary":
        where += " It is a temporary position covering our busy season."
    region = "us" if country == "US" else "europe" if country in EUROPE else "other"
    perks = rng.sample(PERKS_BY_REGION[region], 3)
    paragraphs = [
        f"<p>{escape(company.name)} {escape(company.pitch)}. We are looking for {_a(title)} {escape(title)} to join our "
        f"{escape(function.department)} team.</p>",
        "<h3>What you will do</h3>",
        _list(f"{duty[0].upper()}{duty[1:]}." for duty in duties),
        "<h3>What you bring</h3>",
        _list(requirements),
        f"<p>Nice to have: experience with {escape(nice[0])} or {escape(nice[1])}.</p>",
        f"<p>{escape(where)}</p>",
        "<h3>What we offer</h3>",
        _list(f"{perk[0].upper()}{perk[1:]}." for perk in perks),
        f"<p>{escape(company.name)} is an equal opportunity employer. We welcome applications from people of "
        "every background and provide reasonable accommodation during the hiring process.</p>",
    ]
    return "\n".join(paragraphs)


def _experience(rng: random.Random, role: Role, level: str | None) -> str:
    years = YEARS[level]
    if years == 0:
        return rng.choice(("You are studying towards a degree in a related field, or recently finished one.",
                           "You are early in your career and eager to learn from experienced colleagues."))
    return f"{years}+ years of experience as {_a(role.title)} {role.title} or in a similar role."


def _a(title: str) -> str:
    return "an" if title[0] in "AEIOUi" else "a"


def _joined(names: list[str]) -> str:
    return ", ".join(names[:-1]) + f" and {names[-1]}" if len(names) > 1 else names[0]


def _list(items) -> str:
    return "<ul>" + "".join(f"<li>{escape(item)}</li>" for item in items) + "</ul>"


def _city(location_text: str) -> str:
    return location_text.split(",")[0]


def _country_name(code: str) -> str:
    return gazetteer().countries[code].name


def _in_country(code: str) -> str:
    """ "Germany", "the United States", "the Netherlands": as the name reads after "in"."""
    name = _country_name(code)
    if name.startswith("The "):
        return "the " + name[4:]
    return f"the {name}" if name.startswith("United ") else name


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _written_forms() -> dict[str, str]:
    """How the descriptions write each demo skill: its name, or for a name the extractor only
    displays ("Accessibility", "CAD") the first form it matches ("wcag", "computer-aided design").
    Also checks that the demo names only skills the vocabulary has and places the gazetteer knows."""
    vocabulary = {skill.name: skill for skill in load_vocabulary()}
    unknown = sorted({s for role in ROLES for s in role.skills} - set(vocabulary))
    if unknown:
        raise ValueError(f"demo skills missing from indexer/data/skills.tsv: {', '.join(unknown)}")
    for text in CITIES:
        place = resolve_place(text)
        if place is None or place.city is None or place.country_code not in PAY:
            raise ValueError(f"demo city {text!r} does not resolve to a city with known pay")
    return {name: name if any(form.text == name for form in skill.forms) else skill.forms[0].text
            for name, skill in vocabulary.items()}
