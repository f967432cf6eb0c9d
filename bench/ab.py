"""A/B timing of two dojo builds: runs `dojo bench --json` of each, alternating, so both see
the same machine load, and prints each side's median ms/step and the ratio B/A.

On a shared 2-core machine one run moves by 20% with the load; alternating several rounds
and comparing medians is how each engine change in this folder's README was measured.

Usage: python3 bench/ab.py A_DOJO B_DOJO [--model M] [--blas 1 --loops 1 --shards 1] [--rounds 5] [--steps N]
"""
import argparse
import json
import statistics
import subprocess


def one(dojo, a):
    cmd = [dojo, "bench", "--model", a.model, "--blas", str(a.blas), "--loops", str(a.loops),
           "--shards", str(a.shards), "--json"]
    if a.steps:
        cmd += ["--steps", str(a.steps)]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    rows = [json.loads(l) for l in out.splitlines() if l.startswith("{")]
    return min(r["msPerStep"] for r in rows)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--model", default="M")
    ap.add_argument("--blas", type=int, default=1)
    ap.add_argument("--loops", type=int, default=1)
    ap.add_argument("--shards", type=int, default=1)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--steps", type=int, default=0)
    a = ap.parse_args()
    ta, tb = [], []
    for _ in range(a.rounds):
        ta.append(one(a.a, a))
        tb.append(one(a.b, a))
    ma, mb = statistics.median(ta), statistics.median(tb)
    print(f"{a.model} blas {a.blas} loops {a.loops} shards {a.shards}: A {ma:.1f} ms  B {mb:.1f} ms  B/A {mb / ma:.3f}"
          f"   (A {' '.join(f'{x:.1f}' for x in ta)}; B {' '.join(f'{x:.1f}' for x in tb)})")


if __name__ == "__main__":
    main()
