"""Benchmarks of the course, each against a reference measured in the same run.

    python benchmarks/run.py --out _build/bench.json      (or: make bench)
    python benchmarks/run.py --only pages --html _build/html   (page weight only, a few minutes)

- Cold build (every notebook executed) per page, against the template book that
  `jupyter-book create` makes, built with the same install.
- Warm rebuild with nothing changed, as a fraction of the cold build.
- Every exercise notebook, both editions: wall time and peak memory of a fresh-kernel run (the
  fastest of two runs, so that a passing load on the machine does not count), against a fresh
  kernel that only imports the helper package (the fastest of three, after a warm-up run).
- First-visit bytes of every page (HTML and everything it loads, as a browser fetches it on a first
  visit with an empty cache), against the template book's pages: the median page and the largest
  page as fractions of the template's median page. ``--only pages`` measures only this, from an
  existing build of the course (``--html``) and of the template (``--template-html``, or built here).

Nothing here is asserted: the script reports, and says which targets are met.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))
from conftest import copy_project, html_pages  # noqa: E402

from tools.learner import instructor_edition, learner_edition, read_source  # noqa: E402

JUPYTER_BOOK = Path(sys.executable).parent / "jupyter-book"
PEAK_RSS_CELL = "import resource; print('PEAK_RSS_KB', resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)"
TARGETS = {
    "build_ratio": 2.0,
    "warm_over_cold": 0.15,
    "notebook_seconds": 5.0,
    "notebook_peak_rss_mb": 300.0,
    "page_bytes_median_ratio": 0.35,
    "page_bytes_largest_ratio": 0.45,
}


def build(project: Path) -> float:
    started = time.perf_counter()
    subprocess.run(
        [str(JUPYTER_BOOK), "build", str(project), "--quiet"],
        check=True,
        capture_output=True,
        env={**__import__("os").environ, "MIGDEV_SAVE": "0"},
    )
    return time.perf_counter() - started


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # no line per request
        pass


REPEATS = 2  # each notebook runs this many times in fresh kernels; the fastest run is reported


def run_notebook(notebook: nbformat.NotebookNode, repeats: int = REPEATS) -> tuple[float, float]:
    """Best of ``repeats`` fresh-kernel runs: (wall seconds including kernel start, peak MB)."""
    runs = [run_notebook_once(notebook) for _ in range(repeats)]
    return min(seconds for seconds, _ in runs), max(peak for _, peak in runs)


def run_notebook_once(notebook: nbformat.NotebookNode) -> tuple[float, float]:
    """(wall seconds including kernel start, kernel peak RSS in MB) of a fresh-kernel run."""
    notebook = nbformat.from_dict(notebook)
    notebook.cells.append(nbformat.v4.new_code_cell(PEAK_RSS_CELL))
    with tempfile.TemporaryDirectory() as folder:
        client = NotebookClient(
            notebook, timeout=300, kernel_name="python3", resources={"metadata": {"path": folder}}
        )
        started = time.perf_counter()
        client.execute()
        seconds = time.perf_counter() - started
    text = "".join(o.get("text", "") for o in notebook.cells[-1].outputs)
    peak_kb = int(text.split("PEAK_RSS_KB")[1].split()[0])
    return seconds, peak_kb / 1024


def first_visit_bytes(html: Path, pages: list[Path], browser) -> list[int]:
    handler = functools.partial(QuietHandler, directory=str(html))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    sizes = []
    try:
        for page_path in pages:
            context = browser.new_context()  # empty cache: a first visit
            page = context.new_page()
            responses = []
            page.on("response", lambda response, found=responses: found.append(response))
            page.goto(f"{base}/{page_path.relative_to(html).as_posix()}", wait_until="networkidle")
            total = 0
            for response in responses:
                try:
                    total += len(response.body())
                except Exception:  # noqa: BLE001 - a redirect or aborted request has no body
                    pass
            sizes.append(total)
            context.close()
    finally:
        server.shutdown()
    return sizes


def build_template(work: Path) -> tuple[Path, float]:
    """The book that `jupyter-book create` makes, built with the same install: (html, seconds)."""
    subprocess.run([str(JUPYTER_BOOK), "create", str(work / "template")], check=True, capture_output=True)
    seconds = build(work / "template")
    return work / "template" / "_build" / "html", seconds


def measure_pages(html: Path, template_html: Path) -> dict:
    """First-visit bytes of every course page and the template's median page, in headless Chromium."""
    from playwright.sync_api import sync_playwright

    course_pages = html_pages(html)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
        )
        sizes = first_visit_bytes(html, course_pages, browser)
        template_sizes = first_visit_bytes(template_html, html_pages(template_html), browser)
        browser.close()
    return {
        "pages": [
            {"page": p.relative_to(html).as_posix(), "first_visit_bytes": s}
            for p, s in zip(course_pages, sizes, strict=True)
        ],
        "template_first_visit_bytes": statistics.median(template_sizes),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out", type=Path, help="JSON report (default _build/bench.json, or bench-pages.json)"
    )
    parser.add_argument("--only", choices=["pages"], help="measure only the first-visit bytes of the pages")
    parser.add_argument("--html", type=Path, help="with --only pages: the course's built HTML")
    parser.add_argument("--template-html", type=Path, help="with --only pages: the template's built HTML")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-"))
    if args.only == "pages":
        return pages_only(args, work)
    report: dict = {}

    # Builds: the course (cold, then warm) and the template book, same install, same run.
    course = copy_project(work / "course")
    cold = build(course)
    warm = build(course)
    course_pages = html_pages(course / "_build" / "html")
    template_html, template_seconds = build_template(work)
    template_pages = html_pages(template_html)
    report["build_s_per_page"] = cold / len(course_pages)
    report["template_build_s_per_page"] = template_seconds / len(template_pages)
    report["cold_build_s"], report["warm_build_s"] = cold, warm
    report["pages_built"], report["template_pages_built"] = len(course_pages), len(template_pages)
    report["warm_over_cold"] = warm / cold

    # Notebooks, both editions, and the bare kernel (after one warm-up run that fills the caches).
    bare = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import migdev")])
    run_notebook_once(bare)
    seconds, peak = run_notebook(bare, repeats=3)
    report["kernel_baseline"] = {"seconds": seconds, "peak_rss_mb": peak}
    report["notebooks"] = []
    for path in sorted((ROOT / "exercises").glob("*/tasks.yaml")):
        source = read_source(path.parent / f"{path.parent.name}.md")
        for edition, notebook in [
            ("solution", instructor_edition(source)),
            ("learner", learner_edition(source)),
        ]:
            seconds, peak = run_notebook(notebook)
            report["notebooks"].append(
                {"name": path.parent.name, "edition": edition, "seconds": seconds, "peak_rss_mb": peak}
            )

    # First-visit bytes, in Debian's headless Chromium.
    report |= measure_pages(course / "_build" / "html", template_html)
    return finish(report, args.out or ROOT / "_build" / "bench.json", work, summary(report))


def pages_only(args, work: Path) -> int:
    if args.html is None or not args.html.is_dir():
        sys.exit("--only pages needs --html, the folder of a built course (e.g. _build/html).")
    template_html = args.template_html or build_template(work)[0]
    report = measure_pages(args.html, template_html)
    return finish(report, args.out or ROOT / "_build" / "bench-pages.json", work, pages_summary(report))


def finish(report: dict, out: Path, work: Path, text: str) -> int:
    report["targets"] = TARGETS
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
    shutil.rmtree(work, ignore_errors=True)
    print(text)
    print(f"\nWritten to {out}")
    return 0


def summary(report: dict) -> str:
    ok = lambda met: "met" if met else "NOT met"  # noqa: E731
    build_ratio = report["build_s_per_page"] / report["template_build_s_per_page"]
    slowest = max(report["notebooks"], key=lambda n: n["seconds"])
    heaviest = max(report["notebooks"], key=lambda n: n["peak_rss_mb"])
    lines = [
        f"Cold build: {report['build_s_per_page']:.2f} s/page over {report['pages_built']} pages; "
        f"template {report['template_build_s_per_page']:.2f} s/page -> ratio {build_ratio:.2f} "
        f"(target <= {TARGETS['build_ratio']}: {ok(build_ratio <= TARGETS['build_ratio'])})",
        f"Warm rebuild: {report['warm_build_s']:.1f} s = {report['warm_over_cold']:.2f} of cold "
        f"(target <= {TARGETS['warm_over_cold']}: {ok(report['warm_over_cold'] <= TARGETS['warm_over_cold'])})",
        f"Kernel baseline (import migdev): {report['kernel_baseline']['seconds']:.2f} s, "
        f"{report['kernel_baseline']['peak_rss_mb']:.0f} MB",
        f"Notebooks ({len(report['notebooks'])} runs): slowest {slowest['name']} ({slowest['edition']}) "
        f"{slowest['seconds']:.2f} s; heaviest {heaviest['name']} ({heaviest['edition']}) "
        f"{heaviest['peak_rss_mb']:.0f} MB (targets < {TARGETS['notebook_seconds']} s: "
        f"{ok(slowest['seconds'] < TARGETS['notebook_seconds'])}; < {TARGETS['notebook_peak_rss_mb']} MB: "
        f"{ok(heaviest['peak_rss_mb'] < TARGETS['notebook_peak_rss_mb'])})",
        pages_summary(report),
    ]
    return "\n".join(lines)


def pages_summary(report: dict) -> str:
    """Median and largest page against the template's median page, and the targets."""
    ok = lambda met: "met" if met else "NOT met"  # noqa: E731
    template = report["template_first_visit_bytes"]
    median = statistics.median(p["first_visit_bytes"] for p in report["pages"])
    biggest = max(report["pages"], key=lambda p: p["first_visit_bytes"])
    median_ratio, largest_ratio = median / template, biggest["first_visit_bytes"] / template
    median_target, largest_target = TARGETS["page_bytes_median_ratio"], TARGETS["page_bytes_largest_ratio"]
    return (
        f"First-visit bytes ({len(report['pages'])} pages): template median {template / 1e3:.0f} kB; "
        f"median page {median / 1e3:.0f} kB -> ratio {median_ratio:.2f} "
        f"(target <= {median_target}: {ok(median_ratio <= median_target)}); "
        f"largest {biggest['page']} {biggest['first_visit_bytes'] / 1e3:.0f} kB -> ratio {largest_ratio:.2f} "
        f"(target <= {largest_target}: {ok(largest_ratio <= largest_target)})"
    )


if __name__ == "__main__":
    sys.exit(main())
