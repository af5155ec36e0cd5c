"""How well `extract_skills` agrees with the hand labels in tests/data/skill_labels.jsonl.

Prints, per posting, the labelled skills it missed and the ones it added, then the micro-averaged
totals; the last line is `precision=… recall=… f1=… postings=…`. With --corpus it also runs the
extractor over every posting in the shared Ashby corpus and reports postings per second.

    .venv/bin/python bench/skills_quality.py [--corpus]
"""
from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from indexer.enrich.skills import extract_skills  # noqa: E402

SHARED_DATA = ROOT / ".." / "shared" / "data"
LABELS = ROOT / "tests" / "data" / "skill_labels.jsonl"


def labelled_postings() -> list[tuple[dict, dict]]:
    """(label record, posting) pairs; the posting text is read in place from the shared data."""
    records = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line]
    boards: dict[str, dict[str, dict]] = {}
    pairs = []
    for record in records:
        if record["file"] not in boards:
            with gzip.open(SHARED_DATA / record["file"], "rt", encoding="utf-8") as fh:
                boards[record["file"]] = {job["id"]: job for job in json.load(fh)["jobs"]}
        pairs.append((record, boards[record["file"]][record["job_id"]]))
    return pairs


def quality() -> tuple[float, float, float, int]:
    true_pos = false_pos = false_neg = 0
    pairs = labelled_postings()
    for record, job in pairs:
        found = set(extract_skills(job["title"], job.get("descriptionPlain") or ""))
        expected = set(record["skills"])
        missed, added = sorted(expected - found), sorted(found - expected)
        true_pos += len(expected & found)
        false_pos += len(added)
        false_neg += len(missed)
        if missed or added:
            print(f"{record['file']} {record['job_id'][:8]} {record['title'][:50]!r}")
            if missed:
                print(f"    missed: {', '.join(missed)}")
            if added:
                print(f"    added:  {', '.join(added)}")
    precision = true_pos / (true_pos + false_pos) if true_pos + false_pos else 0.0
    recall = true_pos / (true_pos + false_neg) if true_pos + false_neg else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"true_pos={true_pos} false_pos={false_pos} false_neg={false_neg}")
    return precision, recall, f1, len(pairs)


def throughput() -> None:
    jobs = []
    for path in sorted((SHARED_DATA / "ashby-2025-10").glob("*.json.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            jobs += json.load(fh)["jobs"]
    extract_skills("warm up", "")
    started, cpu_started = time.perf_counter(), time.process_time()
    total = sum(len(extract_skills(j["title"], j.get("descriptionPlain") or "")) for j in jobs)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu_started
    print(f"corpus: {len(jobs)} postings in {elapsed:.1f}s wall, {cpu:.1f}s CPU = "
          f"{len(jobs) / cpu:.0f} postings per CPU-second, {total / len(jobs):.1f} skills per posting")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="store_true", help="also time the whole shared corpus")
    args = parser.parse_args()
    if args.corpus:
        throughput()
    precision, recall, f1, postings = quality()
    print(f"precision={precision:.3f} recall={recall:.3f} f1={f1:.3f} postings={postings}")


if __name__ == "__main__":
    main()
