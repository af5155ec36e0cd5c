"""Relevance against graded judgments: the app's search path next to an untuned BM25 baseline.

    python bench/relevance.py --judgments ../shared/data/judgments/dev.tsv \
        --index ../shared/data/ashby-2025-10      # a fresh collection on a Solr of its own
    python bench/relevance.py --judgments FILE --solr-url URL --collection NAME   # one you filled

Every query of the judgments file (`qid<TAB>query<TAB>job_url<TAB>grade`, grades 0-3) runs twice
in the same run against the same collection:

- tuned:    the JSON API's /api/v1/search, in-process through Flask's test client: query
            understanding, the `/search` handler's edismax defaults, spelling correction;
- baseline: BM25 over title + description with no tuning: the standard query parser over the
            `text_general` field `baseline_text` (lower-cased standard tokens, no stemming,
            synonyms, boosts or phrase matching), terms OR-ed.

Metrics (docs/relevance.md says why these): nDCG@10 with graded gains 2^grade - 1 and the ideal
ranking taken from every judged posting; P@5 and MRR@10 count a posting as relevant at grade >= 2
("clearly relevant" in criteria.md). Postings without a judgment count as grade 0. The last line
is machine-readable.
"""
from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pysolr
import requests

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))
from solr_for_bench import solr_for_bench  # noqa: E402

from indexer import pipeline  # noqa: E402

from indexer.solr_document import F  # noqa: E402
from searchapp.app import create_app  # noqa: E402
from searchapp.config import Settings  # noqa: E402
from searchapp.solr.admin import SolrAdmin  # noqa: E402

RELEVANT_GRADE = 2
TOP_K = 10


@dataclass
class Query:
    qid: str
    text: str
    grades: dict[str, int] = field(default_factory=dict)  # job URL -> grade


def read_judgments(path: Path) -> list[Query]:
    """Judged queries in file order; a malformed line is an error naming the line."""
    queries: OrderedDict[str, Query] = OrderedDict()
    with path.open(encoding="utf-8", newline="") as fh:
        for number, row in enumerate(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE), 1):
            if not row or row[0].startswith("#") or (number == 1 and row[0] == "qid"):
                continue
            if len(row) != 4 or not row[3].strip().isdigit() or not 0 <= int(row[3]) <= 3:
                raise ValueError(f"{path}:{number}: expected qid, query, job_url, grade 0-3; got {row!r}")
            qid, text, url, grade = (cell.strip() for cell in row)
            query = queries.setdefault(qid, Query(qid, text))
            query.grades[url] = max(int(grade), query.grades.get(url, 0))
    return list(queries.values())


# --- metrics ------------------------------------------------------------------------------
def dcg(grades: list[int]) -> float:
    return sum((2 ** g - 1) / math.log2(rank + 2) for rank, g in enumerate(grades))


def ndcg_at(k: int, ranked: list[str], judged: dict[str, int]) -> float:
    ideal = dcg(sorted(judged.values(), reverse=True)[:k])
    return dcg([judged.get(url, 0) for url in ranked[:k]]) / ideal if ideal else 0.0


def precision_at(k: int, ranked: list[str], judged: dict[str, int]) -> float:
    return sum(judged.get(url, 0) >= RELEVANT_GRADE for url in ranked[:k]) / k


def reciprocal_rank(ranked: list[str], judged: dict[str, int], k: int = TOP_K) -> float:
    for rank, url in enumerate(ranked[:k], 1):
        if judged.get(url, 0) >= RELEVANT_GRADE:
            return 1 / rank
    return 0.0


def first_relevant_rank(ranked: list[str], judged: dict[str, int]) -> int | None:
    rr = reciprocal_rank(ranked, judged)
    return round(1 / rr) if rr else None


@dataclass
class Scores:
    ndcg10: float
    p5: float
    mrr: float


def score(run: dict[str, list[str]], queries: list[Query]) -> Scores:
    n = len(queries)
    return Scores(
        ndcg10=sum(ndcg_at(10, run[q.qid], q.grades) for q in queries) / n,
        p5=sum(precision_at(5, run[q.qid], q.grades) for q in queries) / n,
        mrr=sum(reciprocal_rank(run[q.qid], q.grades) for q in queries) / n,
    )


# --- the two systems ----------------------------------------------------------------------
Search = Callable[[str], list[str]]  # query text -> job URLs, best first


def baseline_search(solr_url: str, collection: str) -> Search:
    """Plain BM25 over title + description: standard parser, one OR-ed term per word."""
    http = requests.Session()

    def search(text: str) -> list[str]:
        words = re.findall(r"\w+", text)
        params = {"q": " OR ".join(f"{F.BASELINE_TEXT}:{w}" for w in words) or "*:*",
                  "defType": "lucene", "fl": F.URL, "rows": TOP_K, "wt": "json"}
        response = http.get(f"{solr_url}/{collection}/select", params=params, timeout=30)
        response.raise_for_status()
        return [doc.get(F.URL, "") for doc in response.json()["response"]["docs"]]

    return search


def tuned_search(solr_url: str, collection: str) -> Search:
    """The JSON API's /search, called in-process: understanding, handler defaults, spelling."""
    client = create_app({"SOLR_URL": solr_url, "COLLECTION": collection, "QUERY_TIMEOUT": 60}).test_client()

    def search(text: str) -> list[str]:
        response = client.get("/api/v1/search", query_string={"q": text, "per_page": TOP_K})
        if response.status_code != 200:
            raise RuntimeError(f"the API answered {response.status_code} to q={text!r}: {response.text[:300]}")
        return [job["url"] or "" for job in response.get_json()["results"]]

    return search


# --- the report ---------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--judgments", type=Path, required=True, help="qid<TAB>query<TAB>job_url<TAB>grade")
    parser.add_argument("--solr-url", default=Settings.from_env().solr_url)
    parser.add_argument("--collection", default=Settings.from_env().collection, help="alias or collection")
    parser.add_argument("--index", nargs="+", metavar="SOURCE",
                        help="index these sources into a fresh collection first (on SOLR_URL or a "
                             "Solr started for the run), and delete it at the end")
    args = parser.parse_args(argv)
    if not args.index:
        return report(args)
    with solr_for_bench() as solr_url:
        admin = SolrAdmin(solr_url)
        collection = admin.create_empty("bench_relevance")
        try:
            summary = pipeline.index(args.index, pysolr.Solr(f"{solr_url}/{collection}", timeout=300))
            print(f"indexed {summary.indexed} postings into {collection}", file=sys.stderr)
            args.solr_url, args.collection = solr_url, collection
            return report(args)
        finally:
            admin.delete_collection(collection)


def report(args: argparse.Namespace) -> int:
    try:
        queries = read_judgments(args.judgments)
        systems = {"tuned": tuned_search(args.solr_url, args.collection),
                   "baseline": baseline_search(args.solr_url, args.collection)}
        runs = {name: {q.qid: search(q.text) for q in queries} for name, search in systems.items()}
    except (OSError, ValueError, RuntimeError, requests.RequestException) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2

    print(f"{'qid':<5} {'query':<28} {'nDCG@10':>8} {'base':>6} {'P@5':>5} {'base':>5} {'1st rel':>7}")
    for q in queries:
        tuned, base = runs["tuned"][q.qid], runs["baseline"][q.qid]
        first = first_relevant_rank(tuned, q.grades)
        print(f"{q.qid:<5} {q.text[:28]:<28} {ndcg_at(10, tuned, q.grades):>8.3f} "
              f"{ndcg_at(10, base, q.grades):>6.3f} {precision_at(5, tuned, q.grades):>5.2f} "
              f"{precision_at(5, base, q.grades):>5.2f} {first or '-':>7}")
    tuned, base = score(runs["tuned"], queries), score(runs["baseline"], queries)
    missing = [q.qid for q in queries if not reciprocal_rank(runs["tuned"][q.qid], q.grades, k=3)]
    print(f"\n{len(queries)} queries; tuned vs baseline: nDCG@10 {tuned.ndcg10:.3f} vs {base.ndcg10:.3f} "
          f"({tuned.ndcg10 - base.ndcg10:+.3f}), P@5 {tuned.p5:.3f} vs {base.p5:.3f}, "
          f"MRR {tuned.mrr:.3f} vs {base.mrr:.3f}")
    print(f"queries without a relevant (grade >= {RELEVANT_GRADE}) posting in the top 3: "
          f"{', '.join(missing) or 'none'}")
    print(f"ndcg10={tuned.ndcg10:.4f} p5={tuned.p5:.4f} mrr={tuned.mrr:.4f} "
          f"baseline_ndcg10={base.ndcg10:.4f} baseline_p5={base.p5:.4f} baseline_mrr={base.mrr:.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
