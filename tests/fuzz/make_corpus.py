#!/usr/bin/python3
"""Writes the fuzz targets' seed corpora (corpus/<target>/) from the tests' fixtures, so each
target starts from inputs in the shape it reads. Run from anywhere; rewrites only the seeds it
names (read_file and diff keep their hand-made ones too). Each seed stays under 4 KB, libFuzzer's
default -max_len, so mutations keep the whole of it."""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = ROOT / "tests/fuzz/corpus"
SEP = b"\xff"  # fuzz_input.h's part separator: never in UTF-8


def fixture(path, limit=None):
    data = (ROOT / path).read_bytes()
    return data[:limit] if limit else data


def write(target, name, data):
    assert len(data) <= 4096, (target, name, len(data))
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_bytes(data)


def annotation_file(fixture_name, *indices):
    """The fixture's AnnotationCollection with only its annotations at `indices`."""
    collection = json.loads(fixture(f"tests/fixtures/annotations/{fixture_name}"))
    collection["first"]["items"] = [collection["first"]["items"][i] for i in indices]
    collection["total"] = len(indices)
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":")).encode()


article = fixture("tests/fixtures/annotations/article.txt")
article_v2 = fixture("tests/fixtures/annotations/article-v2.txt")
seed0 = fixture("shared/seeds/000_c1e1a87b767bdb0e.txt", 1500)
seed1 = fixture("shared/seeds/001_cac242e89444e96e.txt", 1500)
golden = json.loads(fixture("tests/fixtures/golden-rules-en.json"))["cases"]

# read_file: the format byte (0 text, 1 HTML, 2 JSON, 3 JSONL; +4 plain), then the file.
write("read_file", "article-txt", b"\x00" + article)
jsonl = "\n".join(json.dumps({"id": c["name"], "text": c["text"]}) for c in golden[:8])
write("read_file", "golden-jsonl", b"\x03" + jsonl.encode())

# segment: the golden rules' texts, a few to a seed, and an article.
for i in range(0, 48, 16):
    write("segment", f"golden-{i:02d}", "\n\n".join(c["text"] for c in golden[i:i + 16]).encode())
write("segment", "article", article)

# entities: an article with and without its date (the part before 0xFF).
write("entities", "seed-000", seed0)
write("entities", "article-dated", b"2024-09-12" + SEP + article)
# Finding 5: an article date that is not one ("-024-09-1r") anchored "next month" at the year -24.
write("entities", "article-misdated", b"-024-09-1r" + SEP + b"The summit in Kazan next month.")

# entity_index: articles (texts, or mentions found before), 0xFF, the user's edits.
texts = [{"id": "a", "source": "Xinhua", "date": "2024-09-13", "text": seed0[:700].decode()},
         {"id": "b", "date": "2024-09-12", "text": article.decode()[:500]}]
stored = [{"id": "c", "entities": [{"type": "PER", "text": "Putin", "entity": "PER:putin"},
                                   {"type": "PER", "text": "Vladimir Putin",
                                    "entity": "PER:vladimir putin"}]}]
edits = {"merge": [["PER:wang yi", "PER:wang"]],
         "split": [{"entity": "PER:putin", "articles": ["c"], "as": "PER:putin 2"}],
         "alias": [{"text": "Okafor", "entity": "PER:maria okafor"}]}
write("entity_index", "texts-edits", json.dumps(texts).encode() + SEP + json.dumps(edits).encode())
write("entity_index", "stored", json.dumps(stored).encode())

# dedup: a byte of options (shingle size, pairs listed), then texts cut at 0xFF.
write("dedup", "seed-pair", b"\x04" + seed0[:1000] + SEP + seed1[:1000] + SEP + article[:400])
write("dedup", "versions", b"\x01" + article + SEP + article_v2 + SEP + article)

# anchor: flags, position (start: 2 bytes little-endian, length: 1 byte), then
# exact, prefix, suffix and the text, cut at 0xFF.
quote = "reopened on Saturday after three years"
start = article.decode().find(quote)
position = bytes([1, start & 0xFF, start >> 8, len(quote)])
write("anchor", "quote-in-v2",
      position + quote.encode() + SEP + b"The old fish market on the east quay " + SEP +
      b" of repairs, the city council said." + SEP + article_v2)
write("anchor", "quote-no-context", bytes([2, 0, 0, 0]) + b"42 stalls" + SEP + SEP + SEP + article)
# Finding 6: a range ending inside a long run of whitespace (its suffix all form feeds) was found
# at a copy of its quote at the text's end instead of at its own place.
quay = b"The old fish market on the east quay reopene"
spaced = quay + b"\f" * 70 + b" closed soon after. " + quay + b"\f\f"
start = spaced.find(b"y reopene")
write("anchor", "suffix-all-whitespace",
      bytes([0, start & 0xFF, start >> 8, 9 + 29]) + b"quay" + SEP + SEP + SEP + spaced)
# Finding 7: a range starting with form feeds and a soft hyphen, at the text's start.
write("anchor", "lead-soft-hyphen",
      bytes([2, 0, 0, 12]) + b"\f\f\xc2\xadThe port reopened on Monday.")

# annotations_parse: a collection from the fixtures, and the fixtures that are not annotations.
write("annotations_parse", "alice-2", annotation_file("alice.json", 0, 1))
write("annotations_parse", "not-annotations", fixture("tests/fixtures/annotations/not-annotations.json"))
write("annotations_parse", "not-json", fixture("tests/fixtures/annotations/not-json.json"))

# annotations_merge: mine, 0xFF, theirs: the same annotation on both sides, and one in conflict.
write("annotations_merge", "duplicate", annotation_file("alice.json", 0) + SEP +
      annotation_file("bob.json", 0))
write("annotations_merge", "conflict", annotation_file("alice.json", 2) + SEP +
      annotation_file("bob.json", 1))
