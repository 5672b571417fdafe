"""Lectern's core from Python: the same C++ code as the command line and the page.

Every function calls the core (the compiled module ``_lectern``) and returns plain Python data:
the JSON the command line and the page write, parsed. Offsets count code points (Python ``str``
indices) unless ``offset_unit`` says otherwise. Bad input never raises for the JSON answers: the
core reports it (``problems``, or ``{"error": ...}``), as it does for the page.

    read_file(data, name)  -> {"articles": [article], "problems": [{file, where, message}]}
    read_article(data, name) -> the one article of a file, as a dict (ValueError when none)
    entities(text, date="") -> [{start, end, type, text, entity, value?}]
    sketch(text)           -> {"shingles", "minhash", "bands": numpy arrays, "fingerprint": int}
    verify(a, b)           -> {"jaccard", "containment", "overlap", "kept"} (exact)
    diff(a, b)             -> the sentence-aligned diff, as `lectern diff --json`
"""

import json

from . import _lectern

__all__ = [
    "version",
    "read_file",
    "read_article",
    "entities",
    "sketch",
    "verify",
    "diff",
    "cluster",
    "link_surnames",
    "entity_index",
    "LSH_FULL_BUCKET",
    "LSH_LEADS",
]

LSH_FULL_BUCKET = _lectern.LSH_FULL_BUCKET
LSH_LEADS = _lectern.LSH_LEADS
BANDS = _lectern.BANDS
MAX_PAIRS = _lectern.MAX_PAIRS


def version():
    """Lectern's version (package.json's)."""
    return _lectern.version()


def read_file(data, name, *, first_line=1, plain=False, offset_unit="codepoint"):
    """Reads the bytes of one file (format by the extension of ``name``: .jsonl/.json collections,
    .html, else text) as ``lectern segment --json`` does. ``first_line`` > 1 reads a chunk of a
    JSONL file that starts at that line (ids and messages then name the right lines)."""
    options = {"plain": plain, "offsetUnit": offset_unit, "firstLine": first_line}
    return json.loads(_lectern.read_file_json(data, name, json.dumps(options)))


def read_article(data, name, *, plain=False, offset_unit="codepoint"):
    """The article of a one-article file (text or HTML), or the first record of a collection."""
    result = read_file(data, name, plain=plain, offset_unit=offset_unit)
    if not result["articles"]:
        problems = "; ".join(p["message"] for p in result["problems"]) or "no article"
        raise ValueError(f"{name}: {problems}")
    return result["articles"][0]


def _answer(text):
    value = json.loads(text)
    if isinstance(value, dict) and set(value) == {"error"}:
        raise ValueError(value["error"])
    return value


def entities(text, date="", *, offset_unit="codepoint"):
    """Entity mentions of ``text``; ``date`` (YYYY-MM-DD) resolves relative dates."""
    options = {"offsetUnit": offset_unit}
    if date:
        options["date"] = date
    return _answer(_lectern.entities_json(text, json.dumps(options)))


def sketch(text):
    """The story sketch StoryIndex::Add makes of ``text``: sorted distinct shingle hashes
    (uint64), MinHash values (uint64, bands x rows), LSH band keys (uint32) and the fingerprint
    of the shingle set."""
    return _lectern.sketch(text)


def verify(a, b):
    """Exact figures of two shingle sets (sketch()["shingles"], or sketches themselves) and
    whether the keep rule keeps the pair, as the core verifies a candidate pair."""
    if isinstance(a, dict):
        a = a["shingles"]
    if isinstance(b, dict):
        b = b["shingles"]
    return _lectern.verify(a, b)


def diff(a, b, *, date_a="", date_b="", offset_unit="codepoint"):
    """The sentence-aligned diff of two texts, as ``lectern diff --json``."""
    options = {"offsetUnit": offset_unit, "dateA": date_a, "dateB": date_b}
    return _answer(_lectern.diff_json(a, b, json.dumps(options)))


def cluster(ids, texts, *, exact=False, max_pairs=MAX_PAIRS):
    """Stories of a collection held in memory, as ``lectern dedup --json`` (one process), listing
    at most ``max_pairs`` pairs."""
    return json.loads(_lectern.cluster_json(list(ids), list(texts), exact, max_pairs))


def link_surnames(ids):
    """The surname links the entity index makes among entity ids: {"PER:putin": "PER:vladimir
    putin"} when exactly one full name in ``ids`` ends with the surname."""
    return _lectern.link_surnames(set(ids))


def entity_index(articles, edits=None):
    """The entity index of [{id, source?, date?, text}] as ``lectern entities --index --json``."""
    return _answer(_lectern.entity_index_json(json.dumps(articles), json.dumps(edits) if edits else ""))
