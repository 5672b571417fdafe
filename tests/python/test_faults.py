# A worker process killed in the middle of a job: Dask recomputes what it held and was doing, and
# the job finishes with the same files (every step is deterministic and free of side effects).
import os
import signal

from distributed import Client, LocalCluster

from lectern import corpus
from conftest import assert_same_answers, cli_answers, cli_json, read_jsonl, write_corpus


def test_a_killed_worker_costs_time_not_answers(tmp_path):
    path = tmp_path / "collection.jsonl"
    write_corpus(path, stories=300, copies=90)
    killed = []
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, Client(
        cluster
    ) as client:
        before = client.run(os.getpid)

        def progress(stage, done, total):
            # After the first partition is read: the rest of the reading, every shuffle and the
            # verification are still ahead, and both workers hold results.
            if stage == "read" and not killed:
                assert done < total
                victim = sorted(before)[0]
                os.kill(before[victim], signal.SIGKILL)
                killed.append((victim, done, total))

        summary = corpus.run([str(path)], tmp_path / "out", client, partition_bytes=40_000, progress=progress)
        after = client.run(os.getpid)
    assert killed, "the job ended before a worker could be killed"
    assert before[killed[0][0]] not in after.values()  # that process is gone (its nanny started another)
    assert summary["partitions"] >= 10

    dedup, index = cli_answers([str(path)])
    assert_same_answers(tmp_path / "out", dedup, index)
    articles = read_jsonl(tmp_path / "out" / "articles.jsonl")
    for a in articles:
        del a["entities"]
    assert articles == cli_json("segment", "--json", "--offsets", "codepoint", str(path))
    assert len(read_jsonl(tmp_path / "out" / "problems.jsonl")) == 2
