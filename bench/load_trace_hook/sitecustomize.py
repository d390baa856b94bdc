"""Loaded by the bot process `bench/load.py --trace` starts (this folder is put first on
its PYTHONPATH): records where each interaction's time goes (bench/load_trace.py)."""

import os
import sys

if os.environ.get("LOAD_TRACE") and "run" in sys.argv:
    sys.path.append(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    import load_trace

    load_trace.install(os.environ["LOAD_TRACE"], int(os.environ.get("LOAD_TRACE_SKIP", "0")))
