# The Dask pipeline gives the command line's answers: the same stories, pairs (with their
# figures), candidates, entity index, articles and problems, with inputs cut into many partitions.
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from distributed import Client, LocalCluster

import lectern
from lectern import corpus
from conftest import CLI, SEEDS, SOURCE, assert_same_answers, cli_answers, cli_json, read_jsonl, write_corpus

REUTERS = SOURCE.parent / "shared" / "data" / "bench" / "reuters21578.jsonl"


@pytest.fixture(scope="module")
def client():
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    with Client(cluster) as c:
        yield c
    cluster.close()


def test_seeds(client, tmp_path):
    names = [str(p) for p in SEEDS]
    # Tiny partitions: every seed in a partition of its own, so the shuffles cross partitions.
    summary = corpus.run(names, tmp_path, client, partition_bytes=1)
    assert summary["partitions"] == len(SEEDS) and summary["articles"] == len(SEEDS)
    dedup, index = cli_answers(names)
    assert dedup["clusters"], "the seeds hold one story told twice"
    assert_same_answers(tmp_path, dedup, index)


def test_synthetic_collection(client, tmp_path):
    path = tmp_path / "collection.jsonl"
    lines = write_corpus(path)
    out = tmp_path / "out"
    summary = corpus.run([str(path)], out, client, partition_bytes=40_000)
    assert summary["partitions"] >= 8
    dedup, index = cli_answers([str(path)])
    # What the collection was made to hold: the wire story's copies in one cluster, more of
    # them than one LSH bucket lists in full; reposts; cut-down versions.
    wire = [c for c in dedup["clusters"] if any(m.startswith("wire-") for m in c["members"])]
    assert len(wire) == 1 and len(wire[0]["members"]) > lectern.LSH_FULL_BUCKET
    assert any(p["jaccard"] == 1.0 and p["b"].endswith("-repost") for p in dedup["pairs"])
    assert any(p["jaccard"] < 0.5 <= p["containment"] for p in dedup["pairs"])
    assert_same_answers(out, dedup, index)

    # Articles: the CLI's article model, with the CLI's entities, in input order.
    articles = read_jsonl(out / "articles.jsonl")
    segmented = cli_json("segment", "--json", "--offsets", "codepoint", str(path))
    entities = cli_json("entities", "--json", str(path))
    assert [a.pop("entities") for a in articles] == [e["entities"] for e in entities]
    assert articles == segmented
    # Each broken record costs itself: listed with its line, as the CLI says it.
    problems = read_jsonl(out / "problems.jsonl")
    cli = subprocess.run([CLI, "dedup", str(path)], capture_output=True, text=True)
    said = [line for line in cli.stderr.splitlines() if line.startswith("lectern: ")]
    assert [f"lectern: {p['file']}: {p['where']}: {p['message']}" for p in problems] == said
    assert len(problems) == 2 and summary["articles"] == lines - 2


def test_command_line(tmp_path):
    path = tmp_path / "collection.jsonl"
    write_corpus(path, stories=12, copies=5)
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    run = subprocess.run(
        [sys.executable, "-m", "lectern.corpus", str(path), "--out", str(tmp_path / "out"),
         "--workers", "1", "--partition-mb", "0.01"],
        capture_output=True, text=True, env=env, timeout=300,
    )
    assert run.returncode == 1, run.stderr  # the broken records make the status 1, as in the CLI
    assert "lectern.corpus: read" in run.stderr and "2 problems" in run.stderr
    dedup, index = cli_answers([str(path)])
    assert_same_answers(tmp_path / "out", dedup, index)


@pytest.mark.skipif(not REUTERS.exists(), reason=f"no Reuters corpus at {REUTERS} (only on the bench machine)")
def test_reuters(client, tmp_path):
    summary = corpus.run([str(REUTERS)], tmp_path, client, partition_bytes=2 << 20)
    assert summary["partitions"] > 5 and summary["articles"] > 19000
    dedup, index = cli_answers([str(REUTERS)])
    assert_same_answers(tmp_path, dedup, index)


@pytest.mark.parametrize("max_pairs", [0, 40, 300])
def test_a_cut_pair_list_is_the_cores(client, tmp_path, max_pairs):
    # Fewer pairs allowed than kept: each clustered article's best pair first, then the rest in
    # the core's order (StoryClusters::pairs); 40 is fewer than the clustered articles, 300 more.
    path = tmp_path / "collection.jsonl"
    write_corpus(path, stories=40, copies=30)
    articles = lectern.read_file(path.read_bytes(), str(path))["articles"]
    core = lectern.cluster([a["id"] for a in articles], [a["body"] for a in articles], max_pairs=max_pairs)
    assert core["keptPairs"] > max_pairs and sum(len(c["members"]) for c in core["clusters"]) > 40
    summary = corpus.run([str(path)], tmp_path / "out", client, partition_bytes=30_000, max_pairs=max_pairs)
    assert summary["partitions"] > 3
    out = tmp_path / "out"
    assert [c["members"] for c in read_jsonl(out / "clusters.jsonl")] == [c["members"] for c in core["clusters"]]
    assert read_jsonl(out / "pairs.jsonl") == core["pairs"]
    assert (summary["candidates"], summary["keptPairs"]) == (core["candidates"], core["keptPairs"])
    assert len(core["pairs"]) == max_pairs
