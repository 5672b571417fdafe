# Shared by the Python tests: where the sources, the seeds and the command line are. CTest sets
# LECTERN_CLI and LECTERN_SOURCE_DIR (tests/python/CMakeLists.txt) and PYTHONPATH to build/python.
import json
import os
import subprocess
from pathlib import Path

import pytest

SOURCE = Path(os.environ.get("LECTERN_SOURCE_DIR", Path(__file__).resolve().parents[2]))
SEEDS = sorted((SOURCE / "shared" / "seeds").glob("*.txt"))
CLI = os.environ.get("LECTERN_CLI", str(SOURCE / "build" / "bin" / "lectern"))


def cli_json(*args):
    """`lectern ARGS` parsed (it must succeed)."""
    out = subprocess.run([CLI, *args], check=True, capture_output=True, cwd=SOURCE)
    return json.loads(out.stdout)


@pytest.fixture
def seed_texts():
    return [(str(p.relative_to(SOURCE)), p.read_bytes()) for p in SEEDS]
