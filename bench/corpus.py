"""The Dask pipeline at scale, against the single-process CLI in the same run.

    PYTHONPATH=build/python /usr/bin/python3 bench/corpus.py [--copies K] [--workers 1,2]
        [--partition-mb M] [--reuters PATH] [--keep DIR]

Builds Reuters-21578 replicated: the corpus itself and K perturbed copies of every article (a
sentence dropped, a few words replaced, the dateline changed, a tail cut: edits that keep most
copies within the keep rule and some outside it), about 21,578 * (K + 1) records. Then runs
`lectern.corpus` with each worker count and `lectern dedup --json`, `lectern dedup --exact --json`
and `lectern entities --index --json` once, and prints per run: articles per second per worker,
peak resident memory per worker (ru_maxrss of each worker process), what each shuffle moved, and
the recall of the exact answer's pairs: listed (the pair is in pairs.jsonl) and clustered (both
articles in one cluster), and whether clusters, pairs and the entity index equal the CLI's.
"""

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLI = ROOT / "build" / "bin" / "lectern"


def perturb(text, rng):
    sentences = [s for s in text.replace("\n", " ").split(". ") if s]
    if len(sentences) > 3 and rng.random() < 0.6:
        del sentences[rng.randrange(1, len(sentences))]
    words = ". ".join(sentences).split(" ")
    for _ in range(rng.randint(0, 6)):
        if words:
            words[rng.randrange(len(words))] = rng.choice(["reportedly", "also", "said", "new", "the"])
    if len(words) > 40 and rng.random() < 0.3:
        words = words[: int(len(words) * rng.uniform(0.6, 0.95))]
    return " ".join(words)


def build_corpus(reuters, copies, path):
    rng = random.Random(20240913)
    records = [json.loads(line) for line in open(reuters, encoding="utf-8")]
    n = 0
    with open(path, "w", encoding="utf-8") as out:
        for r in records:
            out.write(json.dumps(r) + "\n")
            n += 1
        for c in range(copies):
            for r in records:
                copy = dict(r)
                copy["id"] = f"{r.get('id', n)}~{c}"
                if "text" in r:
                    copy["text"] = perturb(r["text"], rng)
                if r.get("dateline"):
                    copy["dateline"] = f"{rng.choice(['LONDON', 'NEW YORK', 'TOKYO'])}, {r['dateline'].split(',')[-1].strip()}"
                out.write(json.dumps(copy) + "\n")
                n += 1
    return n


def run_cli(*args):
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.time()
    out = subprocess.run([str(CLI), *args], capture_output=True)
    seconds = time.time() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the largest child so far
    return json.loads(out.stdout), seconds, max(peak, before) * 1024


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def recall(exact_pairs, pairs, clusters):
    listed = {(p["a"], p["b"]) for p in pairs}
    cluster_of = {m: k for k, c in enumerate(clusters) for m in c["members"]}
    want = [(p["a"], p["b"]) for p in exact_pairs]
    if not want:
        return 1.0, 1.0
    found = sum(pair in listed for pair in want)
    joined = sum(a in cluster_of and cluster_of.get(a) == cluster_of.get(b) for a, b in want)
    return found / len(want), joined / len(want)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--partition-mb", type=float, default=16)
    parser.add_argument("--reuters", default=str(ROOT.parent / "shared" / "data" / "bench" / "reuters21578.jsonl"))
    parser.add_argument("--keep", help="keep the corpus and outputs in this folder")
    args = parser.parse_args()

    from distributed import Client, LocalCluster

    from lectern import corpus

    work = Path(args.keep or tempfile.mkdtemp(prefix="lectern-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    path = work / "corpus.jsonl"
    records = build_corpus(args.reuters, args.copies, path)
    size = path.stat().st_size
    print(f"corpus: {records} records, {size / 1e6:.0f} MB ({args.copies} perturbed copies of Reuters-21578)")

    dedup, t_dedup, _ = run_cli("dedup", "--json", str(path))
    index, t_index, _ = run_cli("entities", "--index", "--json", str(path))
    exact, t_exact, peak_cli = run_cli("dedup", "--exact", "--json", str(path))
    print(
        f"CLI, one process: dedup {t_dedup:.1f} s, entities --index {t_index:.1f} s, dedup --exact "
        f"{t_exact:.1f} s; peak {peak_cli / 1e6:.0f} MB; {dedup['keptPairs']} kept pairs "
        f"(exact {exact['keptPairs']})"
    )

    for workers in [int(w) for w in args.workers.split(",")]:
        out = work / f"out-{workers}"
        with LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(
            cluster
        ) as client:
            client.run(lambda: None)  # workers up before the clock starts
            start = time.time()
            summary = corpus.run([str(path)], out, client, int(args.partition_mb * (1 << 20)))
            seconds = time.time() - start
            peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)
        driver = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
        pairs = read_jsonl(out / "pairs.jsonl")
        clusters = read_jsonl(out / "clusters.jsonl")
        listed, clustered = recall(exact["pairs"], pairs, clusters)
        same = (
            [c["members"] for c in clusters] == [c["members"] for c in dedup["clusters"]]
            and pairs == dedup["pairs"]
            and read_jsonl(out / "entities.jsonl") == index
        )
        moved = summary["shuffleBytes"]
        print(
            f"{workers} worker{'s' if workers > 1 else ''}: {seconds:.1f} s, "
            f"{summary['articles'] / seconds / workers:.0f} articles/s/worker, {summary['partitions']} partitions; "
            f"peak per worker {max(peaks.values()) / 1e6:.0f} MB, driver {driver / 1e6:.0f} MB; "
            f"shuffled {sum(moved.values()) / 1e6:.0f} MB "
            f"({', '.join(f'{k} {v / 1e6:.1f}' for k, v in moved.items())}); "
            f"recall of exact pairs: listed {listed:.4f}, clustered {clustered:.4f}; "
            f"same answers as the CLI: {same}"
        )
        sys.stdout.flush()


if __name__ == "__main__":
    main()
