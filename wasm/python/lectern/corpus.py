"""The corpus pipeline on Dask: the stories and the entity index of a corpus too big for one process.

    python3 -m lectern.corpus INPUT... --out DIR [--scheduler ADDRESS | --workers N]

Inputs are read like `lectern dedup` / `lectern entities` read them (.jsonl/.json collections,
.html pages, anything else text), in the order given; a JSONL file is cut into partitions of about
--partition-mb at line boundaries (workers read their own bytes, so every worker must see the
inputs at the same paths). Per partition: read, clean, segment, entities (the core), sketch. Then
three all-to-all shuffles of numpy arrays between partitions: identical shingle sets grouped (by
fingerprint, compared exactly), LSH band keys to buckets (bounded exactly as StoryIndex::Cluster
bounds them) to candidate pairs, candidate pairs to the two shingle sets they need, verified
exactly (lectern.verify). The driver joins the kept pairs into clusters (union-find) and writes:

    articles.jsonl   the article model (lectern segment --json, offsets in code points) + entities
    pairs.jsonl      {a, b, jaccard, containment} as `lectern dedup --json` lists them
    clusters.jsonl   {members: [id...]} as `lectern dedup --json`
    entities.jsonl   the entity index as `lectern entities --index --json`
    problems.jsonl   {file, where, message}: records that could not be read (each costs itself only)
    summary.json     {articles, problems, candidates, keptPairs, partitions}

Article i of the CLI (its Add order) is article `part << 26 | ordinal` here: the same order without
a pass to count articles first. A task holds one partition or one of the N shuffle parts (1/N of
the corpus's sketches for N partitions), not the corpus; the driver holds the clustered articles'
ids, the kept pairs and the entity index (the size of the outputs).
"""

import argparse
import collections
import json
import os
import sys
import time

import numpy as np

import lectern

ORDINAL_BITS = 26  # articles per partition: at most 64 million (a partition is megabytes)
COLLECTIONS = (".jsonl", ".ndjson")


# --- Partitions ------------------------------------------------------------------------------------


def plan_partitions(paths, partition_bytes):
    """Pieces of input per partition: [(path, start, end, first_line)], in input order. JSONL files
    are cut at line boundaries; other files are read whole and grouped up to partition_bytes."""
    parts, current, current_bytes = [], [], 0

    def flush():
        nonlocal current, current_bytes
        if current:
            parts.append(current)
        current, current_bytes = [], 0

    for path in paths:
        try:
            size = os.path.getsize(path)
        except OSError:
            size = 0  # the reader says what is wrong with it
        if path.lower().endswith(COLLECTIONS) and size > partition_bytes and _plain_utf8(path):
            flush()
            for start, end, first_line in _line_chunks(path, partition_bytes):
                parts.append([(path, start, end, first_line)])
            continue
        if current_bytes + size > partition_bytes:
            flush()
        current.append((path, 0, None, 1))
        current_bytes += size
    flush()
    return parts


def _plain_utf8(path):
    # Only UTF-8 files can be read in chunks (the core decodes UTF-16 and Windows-1252 whole files).
    with open(path, "rb") as f:
        head = f.read(4096)
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as e:
        return e.start > len(head) - 4  # a character cut at the end of the sample
    return True


def _line_chunks(path, partition_bytes):
    """(start, end, first_line) of chunks of at least partition_bytes (but the last) that end
    after a newline, so that no record is cut."""
    chunks, start, first_line, pos, line = [], 0, 1, 0, 1
    with open(path, "rb") as f:
        for raw in iter(f.readline, b""):
            pos += len(raw)
            line += 1
            if pos - start >= partition_bytes:
                chunks.append((start, pos, first_line))
                start, first_line = pos, line
    if pos > start:
        chunks.append((start, pos, first_line))
    return chunks


def _read_piece(path, start, end):
    with open(path, "rb") as f:
        f.seek(start)
        return f.read() if end is None else f.read(end - start)


# --- Per partition: read, entities, sketch ---------------------------------------------------------


def read_partition(part, pieces):
    """Everything per article of one partition, and what the shuffles need of it."""
    lines, problems, mentions = [], [], []
    idx, ids, fps, shingles, bands = [], [], [], [], []
    ordinal = 0
    for path, start, end, first_line in pieces:
        try:
            data = _read_piece(path, start, end)
        except OSError as e:
            problems.append({"file": path, "where": "", "message": e.strerror or str(e)})
            continue
        result = lectern.read_file(data, path, first_line=first_line)
        del data
        problems.extend(result["problems"])
        for article in result["articles"]:
            i = part << ORDINAL_BITS | ordinal
            ordinal += 1
            found = lectern.entities(article["body"], article.get("date", ""))
            article["entities"] = found
            lines.append(json.dumps(article, ensure_ascii=False))
            mentions.append(
                (
                    i,
                    article["id"],
                    article.get("source", ""),
                    article.get("date", ""),
                    [(m["entity"], m["text"], m["type"]) for m in found],
                )
            )
            s = lectern.sketch(article["body"])
            if len(s["shingles"]) == 0:
                continue  # never similar to anything, as in the core
            idx.append(i)
            ids.append(article["id"])
            fps.append(s["fingerprint"])
            shingles.append(s["shingles"])
            bands.append(s["bands"])
    sketches = {
        "idx": np.array(idx, dtype=np.uint64),
        "id": ids,
        "fp": np.array(fps, dtype=np.uint64),
        "shingles": shingles,
        "bands": np.array(bands, dtype=np.uint32).reshape(len(idx), lectern.BANDS),
    }
    return {
        "text": "".join(line + "\n" for line in lines),
        "problems": problems,
        "count": ordinal,
        "sketches": sketches,
        "tally": tally_entities(mentions),
    }


# --- All-to-all shuffle of column tables ------------------------------------------------------------


def _mix(keys):
    """A 64-bit mix (fmix64) of uint64 keys: every bit of the key decides the partition."""
    x = np.asarray(keys, dtype=np.uint64).copy()
    with np.errstate(over="ignore"):
        x ^= x >> np.uint64(33)
        x *= np.uint64(0xFF51AFD7ED558CCD)
        x ^= x >> np.uint64(33)
        x *= np.uint64(0xC4CEB9FE1A85EC53)
        x ^= x >> np.uint64(33)
    return x


def part_of(keys, n):
    """The shuffle part (0..n-1) of each uint64 key."""
    return (_mix(keys) % np.uint64(n)).astype(np.int64)


def split_table(table, key, n):
    """The rows of a table (dict of equal-length columns: numpy arrays or lists) cut into n tables
    by the hash of column `key`, or by its values when `key` is "part" (already part numbers)."""
    target = np.asarray(table[key], dtype=np.int64) if key == "part" else part_of(table[key], n)
    order = np.argsort(target, kind="stable")
    bounds = np.searchsorted(target[order], np.arange(n + 1))
    return [
        {c: _take(v, order[bounds[j] : bounds[j + 1]]) for c, v in table.items()} for j in range(n)
    ]


def _take(column, rows):
    if isinstance(column, np.ndarray):
        return column[rows]
    return [column[r] for r in rows]


def concat_tables(tables):
    out = {}
    for c in tables[0]:
        cols = [t[c] for t in tables]
        if isinstance(cols[0], np.ndarray):
            out[c] = np.concatenate(cols)
        else:
            out[c] = [x for col in cols for x in col]
    return out


def shuffle(delayed_tables, key, n):
    """Delayed tables cut by the hash of `key` into n delayed tables (n * len(inputs) pieces)."""
    from dask import delayed

    splits = [delayed(split_table, nout=n)(t, key, n) for t in delayed_tables]
    return [delayed(concat_tables)([s[j] for s in splits]) for j in range(n)]


# --- Stories ---------------------------------------------------------------------------------------


def group_identical(table):
    """Groups of identical shingle sets among rows with one fingerprint per shuffle part: the
    first article (lowest index) is the rep, as in the core's GroupIdentical."""
    order = np.lexsort((table["idx"], table["fp"]))
    reps, rep_ids, sets, bands, members = [], [], [], [], []
    run = []

    def close(run):
        firsts = []  # [(set, [row...])] of each distinct set with this fingerprint
        for r in run:
            s = table["shingles"][r]
            for f in firsts:
                if len(f[0]) == len(s) and np.array_equal(f[0], s):
                    f[1].append(r)
                    break
            else:
                firsts.append((s, [r]))
        for s, rows in firsts:
            r0 = rows[0]
            reps.append(table["idx"][r0])
            rep_ids.append(table["id"][r0])
            sets.append(s)
            bands.append(table["bands"][r0])
            members.append([(int(table["idx"][r]), table["id"][r]) for r in rows])

    for r in order:
        if run and table["fp"][r] != table["fp"][run[0]]:
            close(run)
            run = []
        run.append(r)
    if run:
        close(run)
    return {
        "rep": np.array(reps, dtype=np.uint64),
        "id": rep_ids,
        "shingles": sets,
        "bands": np.array(bands, dtype=np.uint32).reshape(len(reps), lectern.BANDS),
        "members": members,
    }


def band_keys(groups):
    """One row per (rep, band): key = band << 32 | band key."""
    b = groups["bands"].astype(np.uint64)
    band = np.arange(b.shape[1], dtype=np.uint64)[None, :]
    keys = (band << np.uint64(32)) | b
    reps = np.repeat(groups["rep"], b.shape[1])
    return {"key": keys.reshape(-1), "rep": reps}


def bucket_candidates(table):
    """Candidate pairs (u < v) of the buckets in one shuffle part, bounded as the core bounds
    them: a bucket of up to LSH_FULL_BUCKET reps gives all its pairs, a larger one pairs its first
    LSH_FULL_BUCKET with each other and each later rep with the first LSH_LEADS."""
    full, leads = lectern.LSH_FULL_BUCKET, lectern.LSH_LEADS
    us, vs = [], []
    if len(table["key"]):
        order = np.lexsort((table["rep"], table["key"]))
        keys, reps = table["key"][order], table["rep"][order]
        starts = np.flatnonzero(np.r_[True, keys[1:] != keys[:-1]])
        ends = np.r_[starts[1:], len(keys)]
        for s, e in zip(starts[(ends - starts) > 1], ends[(ends - starts) > 1]):
            bucket = reps[s:e]
            head = bucket[:full]
            i, j = np.triu_indices(len(head), 1)
            us.append(head[i])
            vs.append(head[j])
            if len(bucket) > full:
                rest = bucket[full:]
                us.append(np.tile(bucket[:leads], len(rest)))
                vs.append(np.repeat(rest, leads))
    u = np.concatenate(us) if us else np.zeros(0, np.uint64)
    v = np.concatenate(vs) if vs else np.zeros(0, np.uint64)
    # Near-copies share buckets in many bands: drop the repeats before they are shuffled.
    u, v = _distinct_pairs(u, v)
    return {"u": u, "v": v}


def _distinct_pairs(u, v):
    if len(u) == 0:
        return u, v
    pairs = np.unique(np.stack([u, v], axis=1), axis=0)
    return pairs[:, 0].copy(), pairs[:, 1].copy()


def attach_first(cands, groups, n):
    """The distinct candidates of one part (every pair with its `u` lands here), as one row per
    (u, part of the v's): u's set travels once to each part that needs it, not once per pair."""
    u, v = _distinct_pairs(cands["u"], cands["v"])
    dest = part_of(v, n)
    order = np.lexsort((v, dest, u))
    u, v, dest = u[order], v[order], dest[order]
    where = {int(r): k for k, r in enumerate(groups["rep"])}
    out = {"part": [], "u": [], "u_id": [], "u_set": [], "vs": []}
    starts = np.flatnonzero(np.r_[True, (u[1:] != u[:-1]) | (dest[1:] != dest[:-1])])
    if len(u) == 0:
        starts = starts[:0]
    for s, e in zip(starts, np.r_[starts[1:], len(u)]):
        r = where[int(u[s])]
        out["part"].append(int(dest[s]))
        out["u"].append(int(u[s]))
        out["u_id"].append(groups["id"][r])
        out["u_set"].append(groups["shingles"][r])
        out["vs"].append(v[s:e])
    out["part"] = np.array(out["part"], dtype=np.int64)
    return out


def verify_part(cands, groups):
    """Verifies the candidates of one part (every pair with its `v` here) exactly; the kept ones
    and how many there were."""
    out = {"u": [], "v": [], "u_id": [], "v_id": [], "jaccard": [], "containment": [], "count": 0}
    where = {int(r): k for k, r in enumerate(groups["rep"])}
    for u, u_id, u_set, vs in zip(cands["u"], cands["u_id"], cands["u_set"], cands["vs"]):
        out["count"] += len(vs)
        for v in vs:
            r = where[int(v)]
            check = lectern.verify(u_set, groups["shingles"][r])
            if check["kept"]:
                out["u"].append(u)
                out["v"].append(int(v))
                out["u_id"].append(u_id)
                out["v_id"].append(groups["id"][r])
                out["jaccard"].append(check["jaccard"])
                out["containment"].append(check["containment"])
    return out


def group_members(groups):
    """Groups of two or more identical texts: [(rep, [(idx, id)...])]."""
    return [(int(r), m) for r, m in zip(groups["rep"], groups["members"]) if len(m) > 1]


def round3(x):
    # std::round(x * 1000) / 1000, as StoryClustersToJson writes figures (x >= 0 here).
    return float(np.floor(x * 1000.0 + 0.5) / 1000.0)


def _better(x, x_other, y, y_other):
    # The core's Better: more containment, then more Jaccard, then the earlier other article.
    if x[3] != y[3]:
        return x[3] > y[3]
    if x[2] != y[2]:
        return x[2] > y[2]
    return x_other < y_other


def _best_pairs(kept, group):
    """Each clustered article's best pair, as the core's BestPairs: within a group of identical
    texts, with its first member (the first with the second); alone in its group, its best kept
    pair of reps. Sorted by (a, b), once each."""
    best = []
    for rep in sorted(group):
        m = group[rep]
        best.extend((m[0][0], m[k][0], 1.0, 1.0) for k in range(1, len(m)))
    chosen = {}
    for k, p in enumerate(kept):
        for me, other in ((p[0], p[1]), (p[1], p[0])):
            if me in group:
                continue
            c = chosen.get(me)
            if c is None:
                chosen[me] = k
                continue
            q = kept[c]
            if _better(p, other, q, q[1] if q[0] == me else q[0]):
                chosen[me] = k
    best.extend(kept[k] for k in chosen.values())
    best.sort(key=lambda p: (p[0], p[1]))
    return [p for k, p in enumerate(best) if k == 0 or p[:2] != best[k - 1][:2]]


def assemble(kept_parts, member_lists, max_pairs=None):
    """Clusters and pairs from the kept pairs of reps and the groups of identical texts, as the
    core's AssembleClusters makes them: pairs sorted by (a, b), at most max_pairs listed (the
    core's DedupOptions::max_pairs by default) and then chosen as StoryClusters::pairs says, so
    a story sent 100,000 times costs its count, not its 5 billion pairs."""
    if max_pairs is None:
        max_pairs = lectern.MAX_PAIRS
    ids, group = {}, {}
    for rep, members in member_lists:
        group[rep] = members
        for i, name in members:
            ids[i] = name
    kept = []  # (u, v, jaccard, containment) of reps, in the order the core verifies them
    for part in kept_parts:
        for u, v, uid, vid, jac, con in zip(
            part["u"], part["v"], part["u_id"], part["v_id"], part["jaccard"], part["containment"]
        ):
            ids.setdefault(u, uid)
            ids.setdefault(v, vid)
            kept.append((u, v, jac, con))
    kept.sort(key=lambda p: (p[0], p[1]))
    parent = {}

    def find(x):
        parent.setdefault(x, x)
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(a, b):
        a, b = find(a), find(b)
        if a != b:
            parent[max(a, b)] = min(a, b)

    def members(rep):
        return group.get(rep) or [(rep, ids[rep])]

    kept_pairs = 0
    for rep, m in group.items():
        kept_pairs += len(m) * (len(m) - 1) // 2
        for k in range(1, len(m)):
            union(m[0][0], m[k][0])
    for u, v, _, _ in kept:
        union(u, v)
        kept_pairs += len(members(u)) * len(members(v))

    best = _best_pairs(kept, group)[:max_pairs] if kept_pairs > max_pairs else []
    pairs, listed = list(best), {p[:2] for p in best}

    def emit(a, b, jac, con):
        if len(pairs) >= max_pairs:
            return False
        pair = (min(a, b), max(a, b), jac, con)
        if pair[:2] not in listed:
            pairs.append(pair)
        return True

    def fill():
        for rep in sorted(group):
            m = group[rep]
            for x in range(len(m)):
                for y in range(x + 1, len(m)):
                    if not emit(m[x][0], m[y][0], 1.0, 1.0):
                        return
        for u, v, jac, con in kept:
            for a, _ in members(u):
                for b, _ in members(v):
                    if not emit(a, b, jac, con):
                        return

    fill()
    pairs.sort(key=lambda p: (p[0], p[1]))
    by_root = collections.defaultdict(list)
    for x in list(parent):
        by_root[find(x)].append(x)
    clusters = sorted((sorted(m) for m in by_root.values() if len(m) > 1), key=lambda m: m[0])
    return (
        [[ids[i] for i in c] for c in clusters],
        [
            {"a": ids[a], "b": ids[b], "jaccard": round3(j), "containment": round3(c)}
            for a, b, j, c in pairs
        ],
        kept_pairs,
    )


# --- The entity index ------------------------------------------------------------------------------


def tally_entities(mentions):
    """Per entity id (as the tagger gave it), what BuildEntityIndex counts of it, for one
    partition: {id: [mentions, forms, types, {article id: first index}, outlets, first, last]}."""
    tallies = {}
    for idx, article_id, source, date, found in mentions:
        for entity, text, kind in found:
            if not entity:
                continue
            t = tallies.get(entity)
            if t is None:
                t = tallies[entity] = [0, collections.Counter(), collections.Counter(), {}, set(), "", ""]
            _add(t, 1, {text: 1}, {kind: 1}, {article_id: idx}, {source} if source else set(), date, date)
    return tallies


def _add(t, mentions, forms, types, articles, outlets, first, last):
    t[0] += mentions
    t[1].update(forms)
    t[2].update(types)
    for a, i in articles.items():
        if a not in t[3] or i < t[3][a]:
            t[3][a] = i
    t[4] |= outlets
    if first and (not t[5] or first < t[5]):
        t[5] = first
    if last and (not t[6] or last > t[6]):
        t[6] = last


def merge_tallies(parts):
    out = {}
    for part in parts:
        for entity, t in part.items():
            if entity not in out:
                out[entity] = [0, collections.Counter(), collections.Counter(), {}, set(), "", ""]
            _add(out[entity], *t)
    return out


def _best(counts, longest_first):
    # The core's Best: keys in byte order (str order is code point order, the same), ties keep
    # the smallest; "longest" counts UTF-8 bytes, as std::string::size does.
    best, best_count, best_len = "", 0, 0
    for form in sorted(counts):
        count, length = counts[form], len(form.encode("utf-8"))
        if longest_first:
            better = length > best_len or (length == best_len and count > best_count)
        else:
            better = count > best_count
        if best_count == 0 or better:
            best, best_count, best_len = form, count, length
    return best


def entity_index(tallies):
    """The index from the merged tallies: surnames linked (the core's LinkSurnames) and the
    entries written as EntityIndexToJson writes them, in its order."""
    links = lectern.link_surnames(tallies.keys())
    merged, linked = {}, collections.defaultdict(set)
    for entity, t in tallies.items():
        target = links.get(entity, entity)
        if target != entity:
            linked[target].add(entity)
        if target not in merged:
            merged[target] = [0, collections.Counter(), collections.Counter(), {}, set(), "", ""]
        _add(merged[target], *t)
    index = []
    for entity, t in merged.items():
        item = {
            "entity": entity,
            "name": _best(t[1], True),
            "type": _best(t[2], False),
            "articles": [a for a, _ in sorted(t[3].items(), key=lambda kv: kv[1])],
            "mentions": t[0],
            "outlets": sorted(t[4]),
        }
        if t[5]:
            item["first"] = t[5]
        if t[6]:
            item["last"] = t[6]
        if linked.get(entity):
            item["linked"] = sorted(linked[entity])
        index.append(item)
    index.sort(key=lambda e: (-e["mentions"], e["name"], e["entity"]))
    return index


def _only(items):
    (item,) = items
    return item


def _field(result, name):
    return result[name]


def _flatten(lists):
    return [x for items in lists for x in items]


def _table_bytes(tables):
    from dask.sizeof import sizeof

    return sum(sizeof(t) for t in tables)


def _shuffled_bytes(tables):
    return _tree(sum, [delayed_call(_table_bytes, tables[k : k + 8]) for k in range(0, len(tables), 8)])


def delayed_call(func, *args):
    from dask import delayed

    return delayed(func)(*args)


def _tree(func, items, width=8):
    """A tree reduction of delayed values, `width` at a time, so no task holds them all."""
    from dask import delayed

    while len(items) > 1:
        items = [delayed(func)(items[k : k + width]) for k in range(0, len(items), width)]
    return items[0] if items else delayed(dict)()


# --- The job ---------------------------------------------------------------------------------------


def run(inputs, out_dir, client, partition_bytes=64 << 20, progress=None, max_pairs=None):
    """Runs the pipeline on `client` (a dask.distributed Client); writes DIR's files; returns the
    summary. `max_pairs`: the most pairs listed (the core's default, as `lectern dedup`). `progress(stage, done, total)` is called as partitions are read and written."""
    from dask import bag, delayed
    from distributed import as_completed

    say = progress or (lambda stage, done, total: None)
    os.makedirs(out_dir, exist_ok=True)
    plan = plan_partitions(inputs, partition_bytes)
    n = max(1, len(plan))
    say("plan", len(plan), len(plan))

    read = (
        bag.from_sequence(list(enumerate(plan)), npartitions=n)
        .map_partitions(lambda specs: [read_partition(p, pieces) for p, pieces in specs])
        .to_delayed()
    )
    parts = [delayed(_only)(r) for r in read]  # one partition of the bag: one input partition
    texts = [delayed(_field)(r, "text") for r in parts]
    problems = [delayed(_field)(r, "problems") for r in parts]
    counts = [delayed(_field)(r, "count") for r in parts]
    sketches = [delayed(_field)(r, "sketches") for r in parts]
    tallies = [delayed(_field)(r, "tally") for r in parts]

    by_fp = shuffle(sketches, "fp", n)
    groups = [delayed(group_identical)(t) for t in by_fp]
    members = _tree(_flatten, [delayed(group_members)(g) for g in groups])
    by_rep = shuffle(groups, "rep", n)  # each part: the sets of the reps hashed to it
    buckets = shuffle([delayed(band_keys)(g) for g in groups], "key", n)
    cands = shuffle([delayed(bucket_candidates)(b) for b in buckets], "u", n)
    firsts = shuffle([delayed(attach_first)(c, g, n) for c, g in zip(cands, by_rep)], "part", n)
    kept = [delayed(verify_part)(c, g) for c, g in zip(firsts, by_rep)]
    index_tally = _tree(merge_tallies, tallies)
    # What each shuffle moved (as dask.sizeof counts it; (n-1)/n of it crosses between workers
    # when partitions are spread evenly), for the benchmark and for sizing a cluster.
    moved = delayed(dict)(
        sets=_shuffled_bytes(by_fp), reps=_shuffled_bytes(by_rep), bands=_shuffled_bytes(buckets),
        candidates=_shuffled_bytes(cands), verify=_shuffled_bytes(firsts),
    )

    futures = client.compute(texts + problems + counts + kept + [members, index_tally, moved])
    f_texts, rest = futures[:n], futures[n:]
    f_problems, rest = rest[:n], rest[n:]
    f_counts, rest = rest[:n], rest[n:]
    f_kept, (f_members, f_tally, f_moved) = rest[:n], rest[n:]

    # Articles are written in input order as their partitions finish; a partition's text is
    # released once written, so the cluster holds only those not yet written.
    done = 0
    ready = as_completed(f_texts)
    finished = set()
    with open(os.path.join(out_dir, "articles.jsonl"), "w", encoding="utf-8") as out:
        next_part = 0
        for f in ready:
            finished.add(f.key)
            done += 1
            say("read", done, n)
            while next_part < n and f_texts[next_part].key in finished:
                out.write(f_texts[next_part].result())
                f_texts[next_part].release()
                next_part += 1
    problem_list = [p for f in f_problems for p in f.result()]
    with open(os.path.join(out_dir, "problems.jsonl"), "w", encoding="utf-8") as out:
        for p in problem_list:
            out.write(json.dumps(p, ensure_ascii=False) + "\n")
    articles = sum(f.result() for f in f_counts)

    kept_parts = []
    for k, f in enumerate(f_kept):
        kept_parts.append(f.result())
        say("verify", k + 1, n)
    clusters, pairs, kept_pairs = assemble(kept_parts, f_members.result(), max_pairs)
    candidates = sum(p["count"] for p in kept_parts)
    with open(os.path.join(out_dir, "clusters.jsonl"), "w", encoding="utf-8") as out:
        for c in clusters:
            out.write(json.dumps({"members": c}, ensure_ascii=False) + "\n")
    with open(os.path.join(out_dir, "pairs.jsonl"), "w", encoding="utf-8") as out:
        for p in pairs:
            out.write(json.dumps(p, ensure_ascii=False) + "\n")
    index = entity_index(f_tally.result())
    say("index", 1, 1)
    with open(os.path.join(out_dir, "entities.jsonl"), "w", encoding="utf-8") as out:
        for e in index:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
    summary = {
        "articles": articles,
        "problems": len(problem_list),
        "clusters": len(clusters),
        "candidates": candidates,
        "keptPairs": kept_pairs,
        "entities": len(index),
        "partitions": n,
        "shuffleBytes": f_moved.result(),
    }
    with open(os.path.join(out_dir, "summary.json"), "w", encoding="utf-8") as out:
        json.dump(summary, out)
        out.write("\n")
    return summary


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog="python3 -m lectern.corpus",
        description="Stories (near-duplicate clusters) and the entity index of a corpus, on Dask.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help=".jsonl/.json/.html/.txt files")
    parser.add_argument("--out", required=True, metavar="DIR", help="where the .jsonl files go")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS", help="a running dask-scheduler (tcp://…)")
    where.add_argument("--workers", type=int, default=2, metavar="N", help="local worker processes")
    parser.add_argument("--partition-mb", type=float, default=64, help="input bytes per partition")
    parser.add_argument(
        "--max-pairs", type=int, default=None, metavar="N",
        help=f"the most pairs listed in pairs.jsonl (default {lectern.MAX_PAIRS:,}, as lectern dedup)",
    )
    args = parser.parse_args(argv)

    from distributed import Client, LocalCluster

    start = time.time()
    last = [0.0]

    def progress(stage, done, total):
        now = time.time()
        if done == total or now - last[0] > 1:
            last[0] = now
            print(f"lectern.corpus: {stage} {done}/{total} ({now - start:.0f} s)", file=sys.stderr)

    if args.scheduler:
        client = Client(args.scheduler)
        cluster = None
    else:
        cluster = LocalCluster(
            n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        client = Client(cluster)
    try:
        summary = run(
            args.inputs, args.out, client, int(args.partition_mb * (1 << 20)), progress, args.max_pairs
        )
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
    print(
        f"lectern.corpus: {summary['articles']} articles, {summary['clusters']} stories, "
        f"{summary['keptPairs']} pairs, {summary['entities']} entities, "
        f"{summary['problems']} problems in {time.time() - start:.1f} s -> {args.out}",
        file=sys.stderr,
    )
    return 1 if summary["problems"] else 0


if __name__ == "__main__":
    sys.exit(main())
