"""Tests of work done in other processes run in a fresh process of their own."""

from __future__ import annotations

import functools
import inspect
import multiprocessing
import os
import subprocess
import sys

import pytest

from reader.core import pool

FRESH = "READER_TEST_FRESH_PROCESS"


def forking(test):
    """Run the test in a process of its own: one the earlier tests left threads in may not fork (the
    pool then rightly works in-process), and the test is of the workers."""
    @functools.wraps(test)
    def run(*args, **kwargs):
        if os.environ.get(FRESH) == "1":
            if not pool.can_fork():
                pytest.skip("this process cannot fork safely")
            return test(*args, **kwargs)
        if "fork" not in multiprocessing.get_all_start_methods():
            pytest.skip("this platform cannot fork")
        r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-p", "no:randomly",
                            f"{inspect.getfile(test)}::{test.__name__}"], env=dict(os.environ, **{FRESH: "1"}),
                           capture_output=True, text=True, timeout=300)
        assert r.returncode == 0 and "1 passed" in r.stdout, r.stdout[-4000:] + r.stderr[-2000:]
    return run
