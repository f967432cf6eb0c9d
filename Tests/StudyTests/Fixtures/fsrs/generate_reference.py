#!/usr/bin/env python3
"""Writes reference.json: FSRS-6 review histories replayed through the PyPI `fsrs` package.

Run by hand (not by CI) after changing the case mix:

    python3 -m venv /tmp/fsrsenv && /tmp/fsrsenv/bin/pip install 'fsrs==6.3.*'
    /tmp/fsrsenv/bin/python Tests/StudyTests/Fixtures/fsrs/generate_reference.py

Fuzz is off for every case, so the Swift scheduler must reproduce each state exactly.
Times are Unix seconds (whole seconds for reviews; dues may carry sub-second parts when a
learning step is scaled). The fuzz table records the reference fuzz bounds per interval.
"""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from importlib.metadata import version
from pathlib import Path

import fsrs.scheduler as reference
from fsrs import Card, Rating, Scheduler, State

OUT = Path(__file__).with_name("reference.json")
SEED = 20260123
EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
PHASES = {State.Learning: "learning", State.Review: "review", State.Relearning: "relearning"}
DAY = 86400


def seconds(t: datetime) -> float:
    return (t - EPOCH) / timedelta(seconds=1)


def at(s: float) -> datetime:
    return EPOCH + timedelta(seconds=s)


def describe(scheduler: Scheduler) -> dict:
    return {
        "desired_retention": scheduler.desired_retention,
        "learning_steps": [s.total_seconds() for s in scheduler.learning_steps],
        "relearning_steps": [s.total_seconds() for s in scheduler.relearning_steps],
        "maximum_interval": scheduler.maximum_interval,
    }


def snapshot(card: Card) -> dict:
    return {
        "state": PHASES[card.state],
        "step": card.step,
        "stability": card.stability,
        "difficulty": card.difficulty,
        "due": seconds(card.due),
        "last_review": seconds(card.last_review),
    }


def replay(name: str, scheduler: Scheduler, reviews: list[tuple[int, int]], start: Card | None = None) -> dict:
    """Replays (rating, unix-seconds) pairs; records the state after each and R just before it."""
    card = start if start is not None else Card(card_id=1)
    case = {"name": name, "scheduler": describe(scheduler), "start": None, "reviews": []}
    if start is not None:
        case["start"] = snapshot(start)
    for rating, t in reviews:
        when = at(t)
        before = scheduler.get_card_retrievability(card, when) if card.last_review else None
        card, _ = scheduler.review_card(card, Rating(rating), when)
        case["reviews"].append({
            "rating": rating,
            "time": t,
            "retrievability_before": before,
            "retrievability_after": scheduler.get_card_retrievability(card, when),
            "after": snapshot(card),
        })
    return case


def next_gap(rng: random.Random, card: Card, now: int) -> int:
    """A realistic pause before the next review: same-minute retries up to years away."""
    scheduled = max(1, int(seconds(card.due)) - now)
    kind = rng.random()
    if kind < 0.10:
        return rng.randint(1, 59)                       # immediate retry
    if kind < 0.25:
        return rng.randint(60, 6 * 3600)                # later the same day
    if kind < 0.45:
        return scheduled                                # exactly when due
    if kind < 0.60:
        return max(1, int(scheduled * rng.uniform(0.05, 0.95)))  # early
    if kind < 0.80:
        return int(scheduled * rng.uniform(1.0, 3.0)) + rng.randint(0, 3600)  # somewhat late
    if kind < 0.92:
        return int(scheduled * rng.uniform(3.0, 20.0)) + rng.randint(0, DAY)  # long overdue
    return rng.randint(1, 400) * DAY + rng.randint(0, DAY - 1)  # hundreds of days, ignoring due


def random_case(rng: random.Random, index: int, scheduler: Scheduler) -> dict:
    t = int(seconds(datetime(2024, 1, 1, tzinfo=timezone.utc))) + rng.randint(0, 365 * DAY)
    card = Card(card_id=1)
    reviews = []
    for _ in range(rng.randint(1, 30)):
        rating = rng.choices([1, 2, 3, 4], weights=[2, 2, 5, 1])[0]
        reviews.append((rating, t))
        card, _ = scheduler.review_card(card, Rating(rating), at(t))
        t += next_gap(rng, card, t)
    return replay(f"random-{index:03d}", scheduler, reviews)


def evenly(start: int, ratings: list[int], gap: int) -> list[tuple[int, int]]:
    return [(r, start + i * gap) for i, r in enumerate(ratings)]


def on_due(scheduler: Scheduler, start: int, ratings: list[int], late_by: int = 0) -> list[tuple[int, int]]:
    """Each review lands exactly when the previous one made the card due (plus `late_by`)."""
    card, t, out = Card(card_id=1), start, []
    for r in ratings:
        out.append((r, t))
        card, _ = scheduler.review_card(card, Rating(r), at(t))
        t = int(seconds(card.due)) + late_by
    return out


def edge_cases() -> list[dict]:
    t0 = int(seconds(datetime(2025, 3, 9, 8, 30, tzinfo=timezone.utc)))
    plain = Scheduler(enable_fuzzing=False)
    m, h = 60, 3600
    cases = [
        replay("again-repeatedly-same-day", plain, evenly(t0, [1] * 12, 30)),
        replay("again-repeatedly-across-days", plain, evenly(t0, [1] * 10, 2 * DAY + 7)),
        replay("easy-on-new-card", plain, [(4, t0)]),
        replay("hard-on-new-card", plain, [(2, t0)]),
        replay("good-on-new-card", plain, [(3, t0)]),
        replay("again-on-new-card", plain, [(1, t0)]),
        replay("learning-steps-exhausted", plain, on_due(plain, t0, [3, 3, 3, 3])),
        replay("hard-stays-on-step", plain, on_due(plain, t0, [3, 2, 2, 3, 3])),
        replay("relearning", plain, on_due(plain, t0, [3, 3, 3, 1, 2, 1, 3, 3, 4])),
        replay("relearning-easy-exit", plain, on_due(plain, t0, [4, 3, 1, 4, 3])),
        replay("same-day-review-short-term", plain, evenly(t0 + 5 * DAY, [3, 3, 3, 4, 2, 1, 3], 3 * h)),
        replay("review-early-and-overdue", plain,
               [(3, t0), (3, t0 + 10 * m), (3, t0 + 1 * DAY), (3, t0 + 900 * DAY), (2, t0 + 901 * DAY + 5),
                (1, t0 + 2000 * DAY), (3, t0 + 2000 * DAY + 600), (4, t0 + 2003 * DAY)]),
        replay("easy-streak-hits-maximum-interval", plain, on_due(plain, t0, [4] * 14)),
        replay("easy-streak-long-overdue", plain, on_due(plain, t0, [4] * 12, late_by=200 * DAY)),
        replay("good-streak-on-due", plain, on_due(plain, t0, [3] * 20)),
        replay("hard-streak-on-due", plain, on_due(plain, t0, [3, 3] + [2] * 18)),
        replay("again-streak-on-due", plain, on_due(plain, t0, [3, 3] + [1] * 10)),
        replay("alternating", plain, on_due(plain, t0, [1, 4] * 8, late_by=h)),
    ]

    short_max = Scheduler(enable_fuzzing=False, maximum_interval=30)
    cases.append(replay("maximum-interval-30", short_max, on_due(short_max, t0, [4, 3, 4, 3, 4, 3])))

    one_step = Scheduler(enable_fuzzing=False, learning_steps=[timedelta(minutes=5)],
                         relearning_steps=[timedelta(minutes=7)])
    cases.append(replay("single-step-hard", one_step, on_due(one_step, t0, [2, 2, 3, 3, 1, 2, 2, 3])))

    three = Scheduler(enable_fuzzing=False,
                      learning_steps=[timedelta(seconds=45), timedelta(minutes=10), timedelta(hours=1)],
                      relearning_steps=[timedelta(minutes=10), timedelta(hours=4)])
    cases.append(replay("three-learning-two-relearning-steps", three,
                        on_due(three, t0, [3, 2, 3, 2, 3, 3, 1, 2, 3, 2, 3, 3])))

    none = Scheduler(enable_fuzzing=False, learning_steps=[], relearning_steps=[])
    cases.append(replay("no-steps", none, on_due(none, t0, [1, 3, 1, 1, 2, 4, 1])))

    for retention in (0.7, 0.8, 0.95, 0.99):
        s = Scheduler(enable_fuzzing=False, desired_retention=retention)
        cases.append(replay(f"retention-{retention}", s, on_due(s, t0, [3, 3, 2, 3, 1, 3, 4, 3], late_by=h)))

    # A learning card whose step lies beyond this scheduler's steps (it was scheduled with more).
    beyond = Card(card_id=1, state=State.Learning, step=4, stability=2.5, difficulty=6.0,
                  due=at(t0), last_review=at(t0 - 2 * h))
    for r in (1, 2, 3, 4):
        cases.append(replay(f"learning-step-beyond-steps-rated-{r}", plain, [(r, t0), (3, t0 + 3 * DAY)], start=beyond))
    re_beyond = Card(card_id=1, state=State.Relearning, step=3, stability=4.0, difficulty=8.5,
                     due=at(t0), last_review=at(t0 - 3 * DAY))
    for r in (1, 2, 3, 4):
        cases.append(replay(f"relearning-step-beyond-steps-rated-{r}", plain, [(r, t0)], start=re_beyond))
    return cases


def fuzz_table() -> list[dict]:
    """The reference fuzz bounds: draw 0 gives the lowest interval; a draw just under 1 gives one
    more than the highest (its rounding can overshoot), so the highest is that minus one."""
    s = Scheduler(maximum_interval=10**9)
    rows = []
    original = reference.random
    try:
        for days in [1, 2, 3, 4, 5, 6, 7, 8, 10, 13, 15, 20, 21, 25, 30, 45, 60, 100, 180, 365, 1000, 5000, 36500]:
            reference.random = lambda: 0.0
            low = s._get_fuzzed_interval(interval=timedelta(days=days)).days
            reference.random = lambda: 1.0 - 1e-12
            high = s._get_fuzzed_interval(interval=timedelta(days=days)).days
            if days >= 3:
                high -= 1
            rows.append({"interval": days, "min": low, "max": high})
    finally:
        reference.random = original
    return rows


def main() -> None:
    rng = random.Random(SEED)
    plain = Scheduler(enable_fuzzing=False)
    cases = edge_cases() + [random_case(rng, i, plain) for i in range(400)]
    document = {
        "generator": "generate_reference.py",
        "fsrs_version": version("fsrs"),
        "seed": SEED,
        "parameters": list(reference.DEFAULT_PARAMETERS),
        "fuzz": fuzz_table(),
        "cases": cases,
    }
    with OUT.open("w") as f:
        # One case per line keeps diffs of regenerated data readable.
        f.write("{\n")
        head = [k for k in document if k != "cases"]
        for k in head:
            f.write(f"  {json.dumps(k)}: {json.dumps(document[k])},\n")
        f.write('  "cases": [\n')
        f.write(",\n".join("    " + json.dumps(c, separators=(",", ":")) for c in cases))
        f.write("\n  ]\n}\n")
    reviews = sum(len(c["reviews"]) for c in cases)
    print(f"wrote {OUT.name}: {len(cases)} cases, {reviews} reviews (fsrs {version('fsrs')})")


if __name__ == "__main__":
    main()
