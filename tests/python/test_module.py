# The Python module gives what the command line gives, from the same core.
import numpy as np
import pytest

import lectern
from conftest import SEEDS, SOURCE, cli_json


def test_read_article_is_the_cli_article_model():
    path = SEEDS[0]
    name = str(path.relative_to(SOURCE))
    article = lectern.read_article(path.read_bytes(), name)
    cli = cli_json("segment", "--json", "--offsets", "codepoint", name)
    assert article == cli  # one article: the CLI writes the article itself
    # Offsets count code points, so Python slices give the sentences.
    s = article["sentences"][3]
    assert article["body"][s["start"] : s["end"]] == s["text"]


def test_read_file_reports_a_bad_record_and_keeps_the_rest():
    data = b'{"id": "a", "text": "One good record here."}\n{not json\n{"id": "c", "text": "Another one."}\n'
    result = lectern.read_file(data, "x.jsonl")
    assert [a["id"] for a in result["articles"]] == ["a", "c"]
    assert result["problems"] == [{"file": "x.jsonl", "where": "line 2", "message": "not valid JSON"}]
    with pytest.raises(ValueError, match="empty"):
        lectern.read_article(b"", "empty.txt")


def test_read_file_chunk_names_lines_of_the_file():
    chunk = b'{"text": "A record without an id."}\n'
    result = lectern.read_file(chunk, "big.jsonl", first_line=41)
    assert result["articles"][0]["id"] == "big.jsonl#41"


def test_entities_match_the_cli():
    name = str(SEEDS[0].relative_to(SOURCE))
    article = lectern.read_article(SEEDS[0].read_bytes(), name)
    mentions = lectern.entities(article["body"], article["date"])
    cli = cli_json("entities", "--json", name)
    assert mentions == cli[0]["entities"]
    m = mentions[0]
    assert article["body"][m["start"] : m["end"]] == m["text"]
    assert {x["type"] for x in mentions} <= {"PER", "ORG", "LOC", "DATE"}


def test_sketch_and_verify_give_the_cli_pair():
    names = [str(p.relative_to(SOURCE)) for p in SEEDS[:2]]
    bodies = [lectern.read_article(p.read_bytes(), n)["body"] for p, n in zip(SEEDS[:2], names)]
    a, b = (lectern.sketch(t) for t in bodies)
    assert a["shingles"].dtype == np.uint64 and np.all(np.diff(a["shingles"].astype(object)) > 0)
    assert len(a["minhash"]) == 256 and len(a["bands"]) == lectern.BANDS
    check = lectern.verify(a, b)
    pair = cli_json("dedup", "--json", *names)["pairs"][0]
    assert round(check["jaccard"], 3) == pair["jaccard"]
    assert round(check["containment"], 3) == pair["containment"]
    assert check["kept"]
    # Identical texts, and texts without a word.
    assert lectern.verify(a, a) == {"jaccard": 1.0, "containment": 1.0, "overlap": len(a["shingles"]), "kept": True}
    empty = lectern.sketch("  ...  ")
    assert len(empty["shingles"]) == 0 and len(empty["minhash"]) == 0
    assert not lectern.verify(a, empty)["kept"]


def test_sketch_is_deterministic_and_similar_texts_share_bands():
    text = " ".join(f"word{i}" for i in range(300))
    edited = text.replace("word150", "changed")
    s1, s2, s3 = lectern.sketch(text), lectern.sketch(text), lectern.sketch(edited)
    assert s1["fingerprint"] == s2["fingerprint"] and np.array_equal(s1["bands"], s2["bands"])
    assert s1["fingerprint"] != s3["fingerprint"]
    assert np.sum(s1["bands"] == s3["bands"]) > lectern.BANDS // 2


def test_diff_matches_the_cli():
    names = [str(p.relative_to(SOURCE)) for p in SEEDS[:2]]
    bodies = [lectern.read_article(p.read_bytes(), n)["body"] for p, n in zip(SEEDS[:2], names)]
    d = lectern.diff(bodies[0], bodies[1])
    assert d["offsetUnit"] == "codepoint"
    assert d["summary"]["changed"] + d["summary"]["same"] > 0
    assert set(d) >= {"a", "b", "groups", "summary"}


def test_cluster_in_memory_is_the_cli_answer():
    names = [str(p.relative_to(SOURCE)) for p in SEEDS]
    bodies = [lectern.read_article(p.read_bytes(), n)["body"] for p, n in zip(SEEDS, names)]
    assert lectern.cluster(names, bodies) == cli_json("dedup", "--json", *names)


def test_link_surnames():
    ids = ["PER:vladimir putin", "PER:putin", "PER:smith", "PER:john smith", "PER:anna smith"]
    assert lectern.link_surnames(ids) == {"PER:putin": "PER:vladimir putin"}
