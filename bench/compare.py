"""Side-by-side run: `dojo bench --json` and the PyTorch baseline, interleaved per model so
both see the same machine load. Prints one table of ratios.

Usage: bench/.venv/bin/python bench/compare.py [--dojo .build/release/dojo] [--rounds 2]
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))


def lines(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dojo", default=os.path.join(HERE, "..", ".build", "release", "dojo"))
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    rows = []
    for model in ["S", "M"]:
        ours, torch_ = [], []
        for _ in range(a.rounds):
            ours += lines([a.dojo, "bench", "--model", model, "--json"])
            torch_ += lines([sys.executable, os.path.join(HERE, "torch_bench.py"), "--model", model, "--threads", "1,2"])
        best = min(ours, key=lambda r: r["msPerStep"])
        tbest = min(torch_, key=lambda r: r["ms_per_step"])
        rows.append((model, best, tbest))
    print(f"{'model':5} {'ours ms':>8} {'torch ms':>9} {'ratio':>6} {'GFLOP/s':>8} {'%peak':>6} {'RSS MB':>7} {'torch RSS':>9}  ours blas/loops/shards, torch threads")
    for model, b, t in rows:
        ratio = b["msPerStep"] / t["ms_per_step"]
        threads = f"{b['blasThreads']}/{b['engineThreads']}/{b['shards']}, {t['threads']}"
        print(f"{model:5} {b['msPerStep']:8.1f} {t['ms_per_step']:9.1f} {ratio:6.2f} {b['gflops']:8.1f} "
              f"{100 * b['shareOfPeak']:6.0f} {b['maxRSSMB']:7.0f} {t['max_rss_mb']:9.0f}  {threads}")

if __name__ == "__main__":
    main()
