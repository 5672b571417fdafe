# Shared by the Python tests: where the sources, the seeds and the command line are. CTest sets
# LECTERN_CLI and LECTERN_SOURCE_DIR (tests/python/CMakeLists.txt) and PYTHONPATH to build/python.
import json
import os
import subprocess
from pathlib import Path

import pytest

SOURCE = Path(os.environ.get("LECTERN_SOURCE_DIR", Path(__file__).resolve().parents[2]))
SEEDS = sorted((SOURCE / "shared" / "seeds").glob("*.txt"))
CLI = str(Path(os.environ.get("LECTERN_CLI", SOURCE / "build" / "bin" / "lectern")).resolve())


def cli_json(*args):
    """`lectern ARGS` parsed: status 0, or 1 when some records could not be read."""
    out = subprocess.run([CLI, *args], capture_output=True, cwd=SOURCE)
    assert out.returncode in (0, 1), out.stderr
    return json.loads(out.stdout)


@pytest.fixture
def seed_texts():
    return [(str(p.relative_to(SOURCE)), p.read_bytes()) for p in SEEDS]


def write_corpus(path, stories=40, copies=90, seed=7):
    """A JSONL collection that exercises every step of story clustering, deterministically:
    `stories` unrelated stories; one story sent `copies` times with a different opening each
    (more than LSH_FULL_BUCKET near-copies, so buckets are bounded); exact reposts (identical
    sets); cut-down versions (kept by containment); records without an id; and broken records
    (bad JSON, no text), each of which must cost only itself. Returns the number of lines."""
    import random

    rng = random.Random(seed)
    vocab = [
        "".join(rng.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rng.randint(3, 9)))
        for _ in range(3000)
    ]
    places = ["Paris", "Berlin", "Moscow", "Beijing", "Nairobi", "Lima", "Oslo", "Cairo"]

    def sentence():
        words = [rng.choice(vocab) for _ in range(rng.randint(8, 16))]
        return " ".join(words).capitalize() + "."

    def story():
        return " ".join(sentence() for _ in range(rng.randint(8, 20)))

    records, n = [], 0
    base = [story() for _ in range(stories)]
    # Long, so that the copies' few different shingles leave most bands' buckets whole.
    wire = " ".join(story() for _ in range(12))
    for k, text in enumerate(base):
        place = places[k % len(places)]
        records.append({"id": f"story-{k}", "source": f"Outlet {k % 5}", "date": f"2024-03-{1 + k % 28:02d}",
                        "title": f"Story {k}", "text": f"{place.upper()} - {text} President Anna Novak of {place} spoke."})
        if k % 4 == 0:  # an exact repost
            records.append({"id": f"story-{k}-repost", "text": records[-1]["text"]})
        if k % 5 == 0:  # cut down to its first part
            records.append({"text": text[: len(text) // 2]})  # no id: named by its line
            # ... and that cut with a word added: closer to the cut (more Jaccard) than to the
            # original, which is earlier: its best pair is not its first.
            records.append({"id": f"story-{k}-cut-edited", "text": "Update: " + text[: len(text) // 2]})
        if k == 7:
            records.append("{this is not json")
            records.append({"id": "no-text", "title": "nothing here"})
    for c in range(copies):
        records.append({"id": f"wire-{c}", "source": "Wire", "text": f"{places[c % 8].upper()}, March {1 + c % 28} ({c}) - {wire} Novak said."})
    with open(path, "w", encoding="utf-8") as f:
        for r in records:
            f.write((r if isinstance(r, str) else json.dumps(r)) + "\n")
            n += 1
    return n


def cli_answers(paths):
    """What the command line says of a collection: dedup --json, entities --index --json."""
    return cli_json("dedup", "--json", *paths), cli_json("entities", "--index", "--json", *paths)


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def assert_same_answers(out_dir, dedup, index):
    """The pipeline's files say what the command line says."""
    summary = json.loads((Path(out_dir) / "summary.json").read_text())
    assert [c["members"] for c in read_jsonl(Path(out_dir) / "clusters.jsonl")] == [
        c["members"] for c in dedup["clusters"]
    ]
    assert read_jsonl(Path(out_dir) / "pairs.jsonl") == dedup["pairs"]
    assert (summary["candidates"], summary["keptPairs"]) == (dedup["candidates"], dedup["keptPairs"])
    assert read_jsonl(Path(out_dir) / "entities.jsonl") == index
