"""bench/relevance.py: the judgments reader and the metrics, on hand-computed examples."""
from __future__ import annotations

import importlib.util
import math
import sys

import pytest

from searchapp.config import PROJECT_ROOT

_spec = importlib.util.spec_from_file_location("relevance", PROJECT_ROOT / "bench" / "relevance.py")
relevance = importlib.util.module_from_spec(_spec)
sys.modules["relevance"] = relevance  # dataclasses look their module up there
_spec.loader.exec_module(relevance)

GRADES = {"a": 3, "b": 2, "c": 1, "d": 0}


def test_ndcg_is_one_for_the_ideal_order_and_counts_unjudged_as_zero():
    assert relevance.ndcg_at(10, ["a", "b", "c", "d"], GRADES) == pytest.approx(1.0)
    # x is unjudged: DCG = 7/log2(3) + 3/log2(4); ideal = 7 + 3/log2(3) + 1/log2(4)
    expected = (7 / math.log2(3) + 3 / 2) / (7 + 3 / math.log2(3) + 1 / 2)
    assert relevance.ndcg_at(10, ["x", "a", "b"], GRADES) == pytest.approx(expected)


def test_ndcg_ideal_uses_every_judged_posting_not_only_the_retrieved():
    assert relevance.ndcg_at(1, ["b"], GRADES) == pytest.approx(3 / 7)


def test_precision_and_reciprocal_rank_count_grade_two_and_up():
    assert relevance.precision_at(5, ["c", "a", "d", "b", "x"], GRADES) == pytest.approx(2 / 5)
    assert relevance.reciprocal_rank(["c", "d", "b"], GRADES) == pytest.approx(1 / 3)
    assert relevance.reciprocal_rank(["c", "d", "x"], GRADES) == 0.0
    assert relevance.reciprocal_rank(["c", "d", "x", "a"], GRADES, k=3) == 0.0


def test_judgments_are_grouped_by_query_in_file_order(tmp_path):
    path = tmp_path / "j.tsv"
    path.write_text("qid\tquery\tjob_url\tgrade\nq2\tpm\tu1\t3\nq1\tae\tu2\t0\nq2\tpm\tu3\t1\n")
    queries = relevance.read_judgments(path)
    assert [(q.qid, q.text, q.grades) for q in queries] == [
        ("q2", "pm", {"u1": 3, "u3": 1}), ("q1", "ae", {"u2": 0})]


@pytest.mark.parametrize("line", ["q1\tpm\tu1\t4", "q1\tpm\tu1", "q1\tpm\tu1\tthree"])
def test_a_malformed_judgment_names_its_line(tmp_path, line):
    path = tmp_path / "j.tsv"
    path.write_text(f"qid\tquery\tjob_url\tgrade\nq0\tok\tu0\t2\n{line}\n")
    with pytest.raises(ValueError, match=r"j\.tsv:3"):
        relevance.read_judgments(path)


def test_a_missing_judgments_file_is_a_one_line_error(tmp_path, capsys):
    assert relevance.main(["--judgments", str(tmp_path / "nope.tsv")]) == 2
    assert capsys.readouterr().err.startswith("error: ")
