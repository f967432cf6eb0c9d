"""Side-by-side run: `dojo bench --json` and the PyTorch baseline, interleaved per model so
both see the same machine load. Prints one table of ratios and a verdict against issue 3's
targets: S in at most 0.25x PyTorch's time per step, M in at most 0.5x, M at >= 50% of the
measured sgemm peak, M's peak memory under 150 MB. Beside each time target it prints the
projection floor (the step's GEMMs alone, `Benchmark.projectionFloorMs`) and what the target
leaves above it.

Ours is the "auto" configuration (what `Parallelism.tuned` picks, i.e. what a caller gets
without measuring); the best configuration tried is shown beside it. PyTorch is its best of
1 and 2 threads. With --baseline, a second dojo build (e.g. main's) runs in the same rounds,
alternating with ours, for before/after tables.

Usage: bench/.venv/bin/python bench/compare.py [--dojo .build/release/dojo] [--baseline OTHER_DOJO] [--rounds 2]
"""
import argparse
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TARGET_RATIO = {"S": 0.25, "M": 0.5}


def lines(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(l) for l in out.splitlines() if l.startswith("{")]


def pick(results):
    """(auto, best): auto is the tuned configuration's fastest run, or best when the build
    predates the auto line."""
    best = min(results, key=lambda r: r["msPerStep"])
    autos = [r for r in results if r.get("auto")]
    return (min(autos, key=lambda r: r["msPerStep"]) if autos else best), best


def row(label, model, auto, best, t):
    ratio = auto["msPerStep"] / t["ms_per_step"]
    threads = f"{auto['blasThreads']}/{auto['engineThreads']}/{auto['shards']}"
    return (f"{label:9} {model:5} {auto['msPerStep']:8.1f} {best['msPerStep']:8.1f} {t['ms_per_step']:9.1f} {ratio:6.2f} "
            f"{auto['gflops']:8.1f} {100 * auto['shareOfPeak']:6.0f} {auto['maxRSSMB']:7.0f} {t['max_rss_mb']:9.0f}  {threads}, {t['threads']}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dojo", default=os.path.join(HERE, "..", ".build", "release", "dojo"))
    ap.add_argument("--baseline", help="another dojo build to time in the same rounds")
    ap.add_argument("--rounds", type=int, default=2)
    a = ap.parse_args()
    builds = [("ours", a.dojo)] + ([("baseline", a.baseline)] if a.baseline else [])
    table, verdicts = [], []
    for model in ["S", "M"]:
        runs = {label: [] for label, _ in builds}
        torch_ = []
        for _ in range(a.rounds):
            for label, dojo in builds:
                runs[label] += lines([dojo, "bench", "--model", model, "--json"])
            torch_ += lines([sys.executable, os.path.join(HERE, "torch_bench.py"), "--model", model, "--threads", "1,2"])
        t = min(torch_, key=lambda r: r["ms_per_step"])
        for label, _ in builds:
            auto, best = pick(runs[label])
            table.append(row(label, model, auto, best, t))
            if label != "ours":
                continue
            ratio = auto["msPerStep"] / t["ms_per_step"]
            goal = TARGET_RATIO[model]
            verdicts.append(f"{model} time: {auto['msPerStep']:.1f} ms vs torch {t['ms_per_step']:.1f} ms = {ratio:.2f}x, "
                            f"target <= {goal}x (needs <= {goal * t['ms_per_step']:.1f} ms): {'MET' if ratio <= goal else 'NOT MET'}")
            if "projectionFloorMs" in auto:
                floor = auto["projectionFloorMs"]
                left = goal * t["ms_per_step"] - floor
                verdicts.append(f"  {model} projection GEMMs alone (OpenBLAS, same threads): {floor:.1f} ms = "
                                f"{100 * floor / auto['msPerStep']:.0f}% of our step; the target leaves "
                                f"{left:.1f} ms for attention, norms, activations and the optimizer")
            if model == "M":
                share = auto["shareOfPeak"]
                verdicts.append(f"M share of peak: {100 * share:.0f}% ({auto['gflops']:.1f} of {auto['peakGflops']:.1f} GFLOP/s "
                                f"at {max(auto['blasThreads'], auto['engineThreads'], auto['shards'])} threads), "
                                f"target >= 50%: {'MET' if share >= 0.5 else 'NOT MET'}")
                rss = auto["maxRSSMB"]
                verdicts.append(f"M peak memory: {rss:.0f} MB (max RSS of the bench process), target < 150 MB: "
                                f"{'MET' if rss < 150 else 'NOT MET'}")
    print(f"{'build':9} {'model':5} {'auto ms':>8} {'best ms':>8} {'torch ms':>9} {'ratio':>6} {'GFLOP/s':>8} {'%peak':>6} "
          f"{'RSS MB':>7} {'torch RSS':>9}  auto blas/loops/shards, torch threads")
    for r in table:
        print(r)
    print()
    for v in verdicts:
        print(v)


if __name__ == "__main__":
    main()
