"""Link the rows of a key-task division table to the body tasks they implement.

A division-table row restates a body task in other words ("完善困难残疾人生活补贴和重度残疾人护理补贴
制度" under the body task "完善残疾人社会福利制度").  The rule, documented and tested: compare
character bigrams weighted by how rare they are among the body tasks (so 残疾人 counts for nothing);
a row links to the best-scoring task when that task covers at least `MIN_SCORE` of the row's weight
and beats the runner-up by `MIN_MARGIN`.  Otherwise the row stays unlinked: no guess.  A row whose
task is printed as a body task's title, whole (the table's task column printing the title, 加强残疾人就业服务),
implements the one body task so titled, however many others hold the same words in their text
(加强残疾人基础设施和服务机构建设, 完善残疾人就业创业政策): a title names its task.
"""
from __future__ import annotations

import math
import re

from policykg.loaders.model import Task

MIN_SCORE = 0.35
MIN_MARGIN = 0.08
_NON_HAN = re.compile(r"[^\u4e00-\u9fff]+")
#: what a title printed in a cell may carry that is no part of it: spaces, its closing stop
_TITLE_DEBRIS = re.compile(r"[\s\u3000]+|[。；;：:，,.]+$")


def _titled(text: str) -> str:
    return _TITLE_DEBRIS.sub("", text)


def _bigrams(text: str) -> set[str]:
    out: set[str] = set()
    for run in _NON_HAN.split(text):
        out.update(run[i:i + 2] for i in range(len(run) - 1))
    return out


def link_rows(rows: list[Task], body: list[Task]) -> dict[int, tuple[Task, float]]:
    """Map id(row) -> (body task, score) for rows whose match is clear."""
    if not rows or not body:
        return {}
    body_grams = [_bigrams(t.text) for t in body]
    df: dict[str, int] = {}
    for grams in body_grams:
        for g in grams:
            df[g] = df.get(g, 0) + 1
    n = len(body)
    # each bigram's weight worked out once (rows are compared with every body task)
    weights = {g: math.log((n + 1) / (k + 0.5)) for g, k in df.items()}
    unseen = math.log((n + 1) / 0.5)

    titles: dict[str, list[Task]] = {}
    for t in body:
        if _titled(t.title):
            titles.setdefault(_titled(t.title), []).append(t)
    links: dict[int, tuple[Task, float]] = {}
    for row in rows:
        named = titles.get(_titled(row.title), [])
        if len(named) == 1:  # the row prints the task's title: that task, whatever else the words match
            links[id(row)] = (named[0], 1.0)
            continue
        grams = _bigrams(row.text)
        total = sum(weights.get(g, unseen) for g in grams)
        if total <= 0:
            continue
        scored = sorted(((sum(weights[g] for g in grams & bg) / total, i) for i, bg in enumerate(body_grams)),
                        reverse=True)
        best, i = scored[0]
        runner = scored[1][0] if len(scored) > 1 else 0.0
        if best >= MIN_SCORE and best - runner >= MIN_MARGIN:
            links[id(row)] = (body[i], best)
    return links
