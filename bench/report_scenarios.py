"""The load scenarios' tables of docs/benchmarks.md (``bench.report``), from the
``scenarios`` part of bench/results/<size>.json (``bench.scenarios``)."""

from __future__ import annotations


def _scenario_row(label, run, bar_text="", met=None, wall=False) -> str:
    """One run; ``wall``: its duration as it happened (the exam ends when every
    learner is done), not the planned one."""
    total, caches = run["total"], run.get("caches", {})
    seconds = round(run["wall_s"]) if wall else run["seconds"]
    think = run.get("think") or [0, 0]
    redis = caches.get("redis_hits", 0) + caches.get("redis_misses", 0)
    return (
        f"| {label} | {run['users']:,} | {think[0]:g}–{think[1]:g} | {seconds} "
        f"| {total.get('requests', 0):,} | {total.get('rps', 0):.1f} "
        f"| {total.get('p50', 0):.0f} | {total.get('p95', 0):.0f} "
        f"| {total.get('p99', 0):.0f} | {total.get('failures', 0)} "
        f"| on | {caches.get('page_cache_share', 0):.0%} "
        f"| {caches.get('kept_share', 0):.0%} "
        f"| {caches.get('redis_hits', 0) / redis if redis else 0:.0%} "
        f"| {bar_text} | {'' if met is None else ('yes' if met else '**no**')} |"
    )


def scenarios_tables(result) -> list[str]:
    block = result.get("scenarios")
    if not block:
        return ["Not run (no `--base-url`, or skipped)."]
    bars = block["bars"]
    learners = block["learners"]
    lines = [
        "Locust (headless, one process, FastHttpUser) on the same machine as the "
        "server; each simulated learner is a distinct person with their own "
        "session, walking their own enrolled courses (`bench/scenario.py`). Sessions "
        "are written "
        f"ahead into the session store ({learners['planned']:,} in "
        f"{learners['sessions_s']:.0f} s, `bench/learners.py`), not by signing in: "
        "see the notes. Times in ms; **caches**: production settings, all caches on; "
        "*page cache* = share of responses answered by the anonymous page cache "
        "(`X-Page-Cache: hit`; signed-in learners never are); *kept* = share of the "
        "routing and fragment look-ups answered by the process's copy or Redis "
        "instead of computed (`X-Bench-Cache`, bench settings only); *Redis* = "
        "Redis's own keyspace hit share over the run (sessions included).",
        "",
    ]
    if "signin" in block:
        sign = block["signin"]
        lines += [
            f"Real sign-in through allauth's form (`/accounts/login/`, password "
            f"hashed): **{sign['ok']} of {sign['count']}** learners signed in and "
            f'opened "my learning" with their new session; median '
            f"{sign['median_ms']:.0f} ms per sign-in (form, POST, page).",
            "",
        ]
    lines += [
        "| scenario | learners | think s | s | requests | req/s | p50 | p95 | p99 "
        "| errors | caches | page cache | kept | Redis | bar | met |",
        "| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- "
        "| ---: | ---: | ---: | --- | --- |",
    ]
    real = block.get("realistic")
    if real:
        lines.append(
            _scenario_row(
                "realistic, closed loop (throughput)",
                real["throughput"],
                f"÷ bare view ≥ {bars['ratio']:g}",
                real["ratio_wrk"] >= bars["ratio"] if real["ratio_wrk"] else None,
            )
        )
        lines.append(
            _scenario_row("bare view by locust (same users)", real["floor_locust"])
        )
        p95 = real["latency"]["total"].get("p95", 0)
        lines.append(
            _scenario_row(
                "realistic, with think time (latency)",
                real["latency"],
                f"p95 < {bars['latency_p95']}",
                p95 < bars["latency_p95"]
                and not real["latency"]["total"].get("failures"),
            )
        )
    moodle = block.get("moodle")
    if moodle:
        total = moodle["total"]
        lines.append(
            _scenario_row(
                f"Moodle (a): signed-in learners, {moodle['seconds']:,} s",
                moodle,
                f"no error, p95 < {bars['moodle_p95']}",
                not total.get("failures") and total.get("p95", 0) < bars["moodle_p95"],
            )
        )
    exam = block.get("exam")
    if exam:
        total, check = exam["total"], exam["check"]
        lines.append(
            _scenario_row(
                f"Moodle (b): exam start, {exam['users']:,} in "
                f"{exam['users'] / exam['spawn_rate']:.0f} s",
                exam,
                f"no error, no duplicate, p95 < {bars['exam_p95']}",
                not total.get("failures")
                and not check["duplicates"]
                and total.get("p95", 0) < bars["exam_p95"],
                wall=True,
            )
        )
    if real and real["floor_wrk"]["rps"]:
        floor = real["floor_wrk"]
        met = real["ratio_wrk"] >= bars["ratio"]
        lines += [
            "",
            f"**Realistic ÷ bare view: {real['ratio_wrk']:.3f}** (bar ≥ "
            f"{bars['ratio']:g}: {'met' if met else '**missed**'}): the closed-loop "
            f"run's {real['throughput']['total'].get('rps', 0):.1f} req/s against the "
            f"bare Django view answering {real['floor_bytes']:,} bytes (the lesson "
            f"page's average) measured by wrk right after it: "
            f"{floor['rps']:.0f} req/s (8 connections, 5 s). Against the same view "
            f"driven by locust with the same number of users "
            f"({real['floor_locust']['total'].get('rps', 0):.0f} req/s, where locust's "
            f"own CPU is the limit) it is {real['ratio_locust']:.3f}.",
        ]
    elif real:
        lines += [
            "",
            "**Realistic ÷ bare view: not measured by wrk in this run**: no wrk "
            "request finished in its 5 s (the closed-loop run had left its queued "
            "requests in gunicorn's backlog; the run now waits for them first). "
            "Against the bare view driven by locust with the same number of users "
            f"({real['floor_locust']['total'].get('rps', 0):.0f} req/s, where "
            "locust's own CPU is the limit, which flatters the ratio) it is "
            f"{real['ratio_locust']:.3f}.",
        ]
    if exam:
        check = exam["check"]
        lines += [
            "",
            f"Exam check in the database afterwards: {check['learners']:,} learners "
            f"finished, {check['forms']:,} distinct quiz forms submitted "
            f"({check['posts']:,} posts, {check['repeated_posts']:,} of them the same "
            f"form again), {check['attempts_stored']:,} attempts stored: "
            f"**{check['duplicates']} duplicate**, {check['missing']} missing.",
        ]
    lines += [
        "",
        "Per request:",
        "",
        "| scenario | request | requests | p50 | p95 | p99 | max | failed |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    named = [
        ("realistic, closed loop", (real or {}).get("throughput")),
        ("realistic, think time", (real or {}).get("latency")),
        ("Moodle (a)", moodle),
        ("Moodle (b)", exam),
    ]
    for label, run in named:
        for name, row in sorted(((run or {}).get("rows") or {}).items()):
            lines.append(
                f"| {label} | {name} | {row['requests']:,} | {row['p50']:.0f} "
                f"| {row['p95']:.0f} | {row['p99']:.0f} | {row['max']:.0f} "
                f"| {row['failures']} |"
            )
    failures = [
        (label, f) for label, run in named for f in (run or {}).get("failures", [])
    ]
    if failures:
        lines += ["", "Failures:", ""]
        lines += [
            f"- {label}: {f['name']}: {f['error']} × {f['count']}"
            for label, f in failures
        ]
    return lines
