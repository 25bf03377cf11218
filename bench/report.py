"""docs/benchmarks.md from bench/results/*.json (written by bench/run.py). Run alone
(``python -m bench.report``) to rewrite the page from the stored figures."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bench.report_scenarios import scenarios_tables

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
OUT = ROOT / "docs" / "benchmarks.md"
NOTES = ROOT / "bench" / "NOTES.md"  # hand-written part, appended as is

SIZES = ("small", "large")
GROWTH = ["HR board, filtered", "HR board, first page", "verification"]


def _load() -> dict[str, dict]:
    found = {}
    for size in ("small", "large"):
        path = RESULTS / f"{size}.json"
        if path.exists():
            found[size] = json.loads(path.read_text())
    return found


def _machine(result) -> list[str]:
    m = result["machine"]
    return [
        f"- machine: {m['cores']} cores ({m['cpu']}), RAM {m['ram']}",
        f"- software: {m['database']}; {m['redis']}; {m['nginx']}; {m['wrk']}; "
        f"Python {m['python']}; settings `{result['settings']}`"
        + (
            f"; gunicorn {m['gunicorn_workers']} sync workers"
            if m.get("gunicorn_workers")
            else ""
        ),
    ]


def _load_table(result) -> list[str]:
    load = result.get("load")
    if not load:
        return ["Not run (no `--base-url`)."]
    lines = [
        f"wrk, 2 threads, {load['connections']} connections, {load['seconds']} s per "
        "URL after a 1 s warm-up, on the same machine as the server (wrk takes CPU "
        "from gunicorn). Floors answer the same number of bytes: the bare Django view "
        "(`/bench/floor/<bytes>/`, full middleware) and nginx (a static file). "
        "**ratio** = page req/s ÷ bare Django view req/s.",
        "",
        "| page | who | KiB | req/s | p50 ms | p99 ms | errors | Django floor "
        "req/s | nginx req/s | ratio | bar | met |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: "
        "| --- |",
    ]
    for row in load["rows"]:
        if "error" in row:
            lines.append(
                f"| {row['label']} (`{row['path']}`) | {row['who']} | | | | | "
                f"{row['error']} | | | | | |"
            )
            continue
        page, floor, nginx = row["page"], row["django_floor"], row["nginx_floor"]
        if not page["requests"]:
            lines.append(
                f"| {row['label']} | {row['who']} | {row['bytes'] / 1024:.1f} | 0 "
                f"| no request finished in {load['seconds']} s | | | "
                f"{floor['rps']:.0f} | {nginx['rps']:.0f} | 0 | | |"
            )
            continue
        bar = row.get("bar")
        met = "" if bar is None else ("yes" if row["ratio"] >= bar else "**no**")
        lines.append(
            f"| {row['label']} | {row['who']} | {row['bytes'] / 1024:.1f} "
            f"| {page['rps']:.0f} | {page['p50']:.1f} | {page['p99']:.1f} "
            f"| {page['errors']} | {floor['rps']:.0f} | {nginx['rps']:.0f} "
            f"| {row['ratio']:.2f} | {'' if bar is None else f'≥ {bar:g}'} | {met} |"
        )
    return lines


def _in_process_table(result) -> list[str]:
    block = result["in_process"]
    lines = [
        f"Django test client in the benchmark process, {block['repeat']} timed "
        "requests after 2 warm-ups; the anonymous page cache is off here, so these "
        "are the pages' own costs.",
        "",
        "| page | URL | who | status | median ms | p95 ms | queries | KiB |",
        "| --- | --- | --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for row in block["rows"]:
        if "error" in row:
            lines.append(f"| {row['label']} | `{row['path']}` | | {row['error']} |||||")
            continue
        lines.append(
            f"| {row['label']} | `{row['path']}` | {row['who']} | {row['status']} "
            f"| {row['median']:.1f} | {row['p95']:.1f} | {row['queries']} "
            f"| {row['kb']:.0f} |"
        )
    return lines


def _growth(results) -> list[str]:
    if not {"small", "large"} <= results.keys():
        return [
            "Needs a small and a large run; only " + ", ".join(results) + " so far."
        ]
    lines = [
        "| page | in-process median small → large ms | ratio | under load p50 small "
        "→ large ms | ratio |",
        "| --- | --- | ---: | --- | ---: |",
    ]

    def by_label(result, part):
        rows = (result.get(part) or {}).get("rows", [])
        return {r["label"]: r for r in rows if "error" not in r}

    small_in, large_in = (by_label(results[s], "in_process") for s in SIZES)
    small_load, large_load = (by_label(results[s], "load") for s in SIZES)
    for label in GROWTH:
        cells = [label]
        if label in small_in and label in large_in:
            a, b = small_in[label]["median"], large_in[label]["median"]
            cells += [f"{a:.1f} → {b:.1f}", f"{b / a:.1f}×"]
        else:
            cells += ["", ""]
        loads = [x.get(label) for x in (small_load, large_load)]
        if all(r and r["page"]["requests"] for r in loads):
            a, b = small_load[label]["page"]["p50"], large_load[label]["page"]["p50"]
            cells += [f"{a:.1f} → {b:.1f}", f"{b / a:.1f}×"]
        else:
            cells += ["", ""]
        lines.append("| " + " | ".join(cells) + " |")
    return lines


def write(out=sys.stdout) -> None:
    results = _load()
    lines = [
        "# Benchmarks",
        "",
        "Written by `make bench` (small) and `BENCH_SIZE=large make bench` "
        "(`bash .ci/services.sh bench`: PostgreSQL 15 and Redis 7 on loopback, "
        "`migrate`, `load_demo`, `python -m bench.generate`, gunicorn with the "
        "production settings, a Celery worker and nginx, then `python -m bench.run`, "
        "whose load scenarios run locust). `BENCH_QUICK=1` makes a tiny run "
        "(`bench/results/<size>-quick.json`, not shown here). Figures are kept "
        "in `bench/results/<size>.json`; this page is generated from them "
        "(`python -m bench.report`), except the notes at the end "
        "(`bench/NOTES.md`). Do not edit the tables by hand.",
        "",
    ]
    for size, result in results.items():
        data = result["data"]
        lines += [
            f"## Size `{size}` (run {result['when']})",
            "",
            *_machine(result),
            "- data: " + ", ".join(f"{v:,} {k}" for k, v in data.items()),
        ]
        if "generation_s" in result:
            lines.append(
                f"- generation (`python -m bench.generate --size {size}`): "
                f"{result['generation_s']:.0f} s"
            )
        if "load_average" in result:
            load = result["load_average"]
            lines.append(
                f"- load average when the run began: {load[0]:.2f}, {load[1]:.2f}, "
                f"{load[2]:.2f} (1, 5, 15 min)"
            )
        lines += ["", f"### Throughput and latency ({size})", "", *_load_table(result)]
        lines += ["", f"### Load scenarios: many learners ({size})", ""]
        lines += scenarios_tables(result)
        if "imports" in result:
            imp = result["imports"]
            lines += [
                "",
                f"### Certificate import ({size} data)",
                "",
                f"{imp['rows']:,} CSV rows through the certificate import "
                "(`lms/certification/services/imports/`) "
                "(dry run `import_batch_check`, then `import_batch_commit`, the bodies "
                "of the Celery tasks, called in this process), against a plain "
                "`bulk_create` of the same certificates (holder and occupation ids "
                "already known, batches of the same size, rolled back).",
                "",
                "| step | seconds | rows/s |",
                "| --- | ---: | ---: |",
                f"| check (parse, resolve, compare) | {imp['check_s']:.1f} "
                f"| {imp['rows'] / imp['check_s']:,.0f} |",
                f"| commit (check again, write, history) | {imp['commit_s']:.1f} "
                f"| {imp['commit_rows_per_s']:,.0f} |",
                f"| whole import | {imp['check_s'] + imp['commit_s']:.1f} "
                f"| {imp['import_rows_per_s']:,.0f} |",
                f"| plain bulk insert | {imp['plain_s']:.1f} "
                f"| {imp['plain_rows_per_s']:,.0f} |",
                "",
                f"Whole import ÷ plain insert: **{imp['ratio']:.2f}** of the plain "
                "insert's speed.",
            ]
        if "pdfs" in result:
            pdf = result["pdfs"]
            lines += [
                "",
                f"### Certificate PDFs ({size} data)",
                "",
                "A loop calling `lms.certification.pdf.certificate_pdf` over different "
                "certificates "
                f"in one process for {pdf['seconds']:.0f} s (what a worker or the PDF "
                f"view does per request, without the queue): **{pdf['per_s']:.1f} "
                f"PDFs/s** per process ({pdf['count']} made, {pdf['kb']:.1f} KiB "
                "each). A worker with concurrency N on N cores makes about N times "
                "that.",
            ]
        lines += ["", f"### In-process page timings ({size})", ""]
        lines += _in_process_table(result)
        lines.append("")
    lines += ["## Growth: small → large", "", *_growth(results), ""]
    if NOTES.exists():
        lines += [NOTES.read_text().rstrip(), ""]
    OUT.write_text("\n".join(lines))
    out.write(f"written {OUT}\n")


if __name__ == "__main__":
    write()
