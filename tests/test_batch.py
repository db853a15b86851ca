"""The extract runner: inputs, worker processes, time limits, ordered output, --resume, signals, pipes.

These tests drive `batch.run_extract` with `fake_engine` (the real reader, no spaCy) so they check
the runner itself, fast and whatever state the pipeline is in; the CLI with the real pipeline is
tested in test_bad_input.py. Fixtures are written to tmp_path by each test.
"""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from toezegging_cli.batch import ExtractOptions, expand_inputs, run_extract, shown, walk_letters
from toezegging_cli.model import Commitment, Evidence, Report

TESTS = Path(__file__).resolve().parent


def letter_text(n: int, extra: str = "") -> str:
    return (
        f"Den Haag, {n} juni 2018\n\nGeachte voorzitter,\n\n"
        f"Met deze brief informeer ik uw Kamer over het beleid voor regio {n} en de planning.\n"
        f"Ik zal uw Kamer voor de zomer van 2025 informeren over regio {n}. {extra}\n\n"
        "De minister van Financiën,\n\nW.B. Hoekstra\n"
    )


# A sentence (ending in a full stop before white space) with the word 'zal'.
SENTENCE_WITH_ZAL = r"[^\s.](?:[^.\n]|\.(?!\s))*?\bzal\b(?:[^.\n]|\.(?!\s))*\.(?=\s|$)"


def fake_engine(options: ExtractOptions):
    """Engine for runner tests: the real reader, no spaCy. Every sentence with 'zal' becomes a
    commitment; words in a letter steer the engine: TRAAG sleeps a minute, KAPOT raises, CRASH
    ends the worker process."""
    from toezegging_cli.read import read_letter

    def run(path: str) -> Report:
        letter = read_letter(path, reader=options.reader, password=options.password,
                             max_pages=options.max_pages)
        if "TRAAG" in letter.body:
            time.sleep(60)
        if "KAPOT" in letter.body:
            raise ValueError("onverwacht")
        if "CRASH" in letter.body:
            os._exit(7)
        commitments = [
            Commitment(kind="new", status="open", subject=None, debate=None, members=[], made_by=None,
                       deadline=None, confidence=0.5,
                       evidence=Evidence(page=letter.page_at(m.start()), start=m.start(), end=m.end(),
                                         sentence=m.group()))
            for m in re.finditer(SENTENCE_WITH_ZAL, letter.body)
        ]
        return Report(source=letter.source, letter=letter.meta, commitments=commitments,
                      entities=[], warnings=list(letter.warnings))

    return run


def broken_engine(options: ExtractOptions):
    raise RuntimeError("pipeline files missing")


def options(**kw) -> ExtractOptions:
    kw.setdefault("timeout", 30)
    return ExtractOptions(engine=fake_engine, **kw)


def make_folder(root: Path, n: int = 3, **extra: str) -> Path:
    """A folder of n good letters (b1.txt...), plus extra files {name: text}."""
    root.mkdir(parents=True, exist_ok=True)
    for i in range(1, n + 1):
        (root / f"b{i}.txt").write_text(letter_text(i), encoding="utf-8")
    for name, text in extra.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def jsonl(text: str) -> list[dict]:
    assert text == "" or text.endswith("\n")
    return [json.loads(line) for line in text.splitlines()]


def drive(spec: str) -> int:
    """Entry for subprocess tests: run_extract with fake_engine; `spec` is JSON of the arguments."""
    args = json.loads(spec)
    opts = options(timeout=args.pop("timeout", 30))
    output = args.pop("output", None)
    return run_extract(args.pop("paths"), opts, output=Path(output) if output else None, **args)


def drive_cmd(**spec) -> list[str]:
    code = f"import sys; sys.path.insert(0, {str(TESTS)!r}); import test_batch; " \
           "sys.exit(test_batch.drive(sys.argv[1]))"
    return [sys.executable, "-c", code, json.dumps(spec)]


# --- inputs -------------------------------------------------------------------------------------


def test_folder_walk_is_recursive_sorted_and_skips_other_files(tmp_path):
    make_folder(tmp_path / "a", 2, **{"notes.md": "x", ".verborgen.txt": "x"})
    make_folder(tmp_path / "a" / "sub", 1)
    (tmp_path / "a" / "HOOFD.PDF").write_bytes(b"%PDF-1.4")
    paths = [i.path for i in walk_letters(str(tmp_path / "a"))]
    base = str(tmp_path / "a")
    assert paths == [f"{base}/HOOFD.PDF", f"{base}/b1.txt", f"{base}/b2.txt", f"{base}/sub/b1.txt"]


def test_symlink_loops_are_reported_not_followed(tmp_path):
    folder = make_folder(tmp_path / "brieven", 1)
    (folder / "lus").symlink_to(folder, target_is_directory=True)
    (folder / "zelf.pdf").symlink_to(folder / "zelf.pdf")
    inputs = walk_letters(str(folder))
    by_path = {i.path: i.error for i in inputs}
    assert by_path[str(folder / "b1.txt")] is None
    assert "symbolic link loop" in by_path[str(folder / "lus")]
    assert by_path[str(folder / "zelf.pdf")] == "symbolic link loop"
    assert len(inputs) == 3


def test_globs_missing_paths_and_single_detection(tmp_path, monkeypatch):
    make_folder(tmp_path, 3)
    monkeypatch.chdir(tmp_path)
    inputs, single = expand_inputs(["b*.txt"])
    assert [i.path for i in inputs] == ["b1.txt", "b2.txt", "b3.txt"] and not single
    inputs, single = expand_inputs(["b1.txt"])
    assert single and inputs[0].error is None
    inputs, single = expand_inputs(["weg.pdf", "z*.txt"])
    assert [(i.path, i.error) for i in inputs] == [("weg.pdf", "no such file"),
                                                   ("z*.txt", "no files match this pattern")]


def test_shown_escapes_control_characters():
    assert shown("a\x1b[31mb\nc\u202ed") == "a\\x1b[31mb\\nc\\u202ed"
    assert shown("brief [bold] é.pdf") == "brief [bold] é.pdf"


# --- a batch ------------------------------------------------------------------------------------


@pytest.mark.parametrize("workers", [1, 2])
def test_batch_jsonl_in_input_order_with_failures(tmp_path, capsys, workers):
    folder = make_folder(tmp_path / "brieven", 4, **{"c_kapot.txt": letter_text(9, "KAPOT")})
    (folder / "a_html.pdf").write_text("<html><body>niet gevonden</body></html>")
    code = run_extract([str(folder), str(tmp_path / "weg.txt")], options(), workers=workers)
    out, err = capsys.readouterr()
    records = jsonl(out)
    paths = [r["source"]["path"] for r in records]
    assert paths == [str(folder / n) for n in ("a_html.pdf", "b1.txt", "b2.txt", "b3.txt", "b4.txt",
                                               "c_kapot.txt")] + [str(tmp_path / "weg.txt")]
    assert records[0] == {"source": {"path": str(folder / "a_html.pdf")},
                          "error": "not a PDF (looks like HTML)"}
    assert records[5]["error"] == "internal error: ValueError: onverwacht"
    assert records[6]["error"] == "no such file"
    for r in records[1:5]:
        assert r["commitments"][0]["evidence"]["sentence"].startswith("Ik zal uw Kamer")
        assert r["letter"]["date"] is not None
    lines = err.splitlines()
    assert lines[:3] == [f"toezegging: {folder}/a_html.pdf: not a PDF (looks like HTML)",
                         f"toezegging: {folder}/c_kapot.txt: internal error: ValueError: onverwacht",
                         f"toezegging: {tmp_path}/weg.txt: no such file"]
    assert lines[3] == "toezegging: 4 letters done, 4 commitments, 3 failed"
    assert len(lines) == 4 and "Traceback" not in err
    assert code == 3  # an internal error outranks ordinary failures


def test_bad_files_only_exit_1(tmp_path, capsys):
    folder = make_folder(tmp_path / "brieven", 2)
    (folder / "leeg.pdf").write_bytes(b"")
    assert run_extract([str(folder)], options()) == 1
    out, err = capsys.readouterr()
    assert [r.get("error") for r in jsonl(out)] == [None, None, "empty file (0 bytes)"]
    assert f"toezegging: {folder}/leeg.pdf: empty file (0 bytes)" in err.splitlines()


def test_all_good_exit_0_and_summary(tmp_path, capsys):
    assert run_extract([str(make_folder(tmp_path, 2))], options()) == 0
    out, err = capsys.readouterr()
    assert len(jsonl(out)) == 2
    assert err == "toezegging: 2 letters done, 2 commitments, 0 failed\n"


def test_debug_shows_traceback_of_a_failure(tmp_path, capsys):
    folder = make_folder(tmp_path, 1, **{"c.txt": letter_text(2, "KAPOT")})
    assert run_extract([str(folder)], options(debug=True)) == 3
    err = capsys.readouterr().err
    assert "Traceback" in err and "ValueError: onverwacht" in err


def test_timeout_kills_the_letter_and_the_batch_goes_on(tmp_path, capsys):
    folder = make_folder(tmp_path, 3, **{"b2.txt": letter_text(2, "TRAAG")})
    start = time.monotonic()
    code = run_extract([str(folder)], options(timeout=1.5), workers=1)
    elapsed = time.monotonic() - start
    out, err = capsys.readouterr()
    records = jsonl(out)
    assert [r.get("error") for r in records] == [None, "timed out after 1.5 s", None]
    assert records[2]["commitments"], "the letter after the timeout is processed by a fresh worker"
    assert f"toezegging: {folder}/b2.txt: timed out after 1.5 s" in err.splitlines()
    assert code == 1 and elapsed < 30


def test_timeout_on_a_fifo_that_never_delivers(tmp_path, capsys):
    """A named pipe nobody writes to blocks any reader forever: a real input the limit must stop."""
    good = make_folder(tmp_path / "brieven", 1)
    fifo = tmp_path / "pijp.txt"
    os.mkfifo(fifo)
    code = run_extract([str(fifo), str(good)], options(timeout=1), workers=2)
    out, err = capsys.readouterr()
    assert [r.get("error") for r in jsonl(out)] == ["timed out after 1 s", None]
    assert f"toezegging: {fifo}: timed out after 1 s" in err.splitlines()
    assert code == 1


def test_crashing_worker_becomes_an_error_record(tmp_path, capsys):
    folder = make_folder(tmp_path, 2, **{"a.txt": letter_text(5, "CRASH")})
    assert run_extract([str(folder)], options()) == 1
    out, _ = capsys.readouterr()
    records = jsonl(out)
    assert records[0]["error"] == "worker process crashed on this letter (exit code 7)"
    assert all("commitments" in r for r in records[1:])


def test_engine_that_cannot_start_is_one_internal_error(tmp_path, capsys):
    opts = ExtractOptions(engine=broken_engine)
    assert run_extract([str(make_folder(tmp_path, 2))], opts) == 3
    out, err = capsys.readouterr()
    assert out == ""
    assert err == "toezegging: internal error: RuntimeError: pipeline files missing\n"


def test_finished_reports_are_written_and_dropped(tmp_path, capsys, monkeypatch):
    """The runner holds at most its window of finished reports (4 per worker), however far the
    other workers could run ahead of a slow letter: a batch of thousands never piles up in memory.

    Counted, not timed: the memory itself is measured in benchmarks/bench.py. (Regression: a
    tracemalloc ratio of two batch sizes failed on a loaded CI machine.)"""
    from toezegging_cli import batch

    held: list[int] = []
    handle = batch.Run._handle

    def counting(self, w, message):
        handle(self, w, message)
        held.append(len(self.results))

    monkeypatch.setattr(batch.Run, "_handle", counting)
    folder = make_folder(tmp_path / "b", 0)
    (folder / "a00.txt").write_text(letter_text(0, "TRAAG"), encoding="utf-8")
    for i in range(1, 24):
        (folder / f"a{i:02d}.txt").write_text(letter_text(i), encoding="utf-8")
    out_file = tmp_path / "uit.jsonl"
    assert run_extract([str(folder)], options(timeout=4), output=out_file, workers=2) == 1
    capsys.readouterr()
    records = jsonl(out_file.read_text(encoding="utf-8"))
    assert [r.get("error") for r in records] == ["timed out after 4 s"] + [None] * 23
    assert max(held) <= 8, max(held)


# --- one letter ---------------------------------------------------------------------------------


def test_single_letter_is_one_json_object(tmp_path, capsys):
    path = tmp_path / "brief.txt"
    path.write_text(letter_text(1), encoding="utf-8")
    assert run_extract([str(path)], options()) == 0
    out, err = capsys.readouterr()
    report = json.loads(out)
    assert report["source"]["path"] == str(path) and len(report["commitments"]) == 1
    assert err == ""


def test_single_letter_error_is_one_line_exit_2(tmp_path, capsys):
    path = tmp_path / "brief.pdf"
    path.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert run_extract([str(path)], options()) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == f"toezegging: {path}: not a PDF (looks like a ZIP archive (Word .docx?))\n"
    assert run_extract([str(tmp_path / "weg.pdf")], options()) == 2
    assert capsys.readouterr().err == f"toezegging: {tmp_path}/weg.pdf: no such file\n"


def test_single_letter_internal_error_exit_3(tmp_path, capsys):
    path = tmp_path / "brief.txt"
    path.write_text(letter_text(1, "KAPOT"), encoding="utf-8")
    assert run_extract([str(path)], options()) == 3
    assert capsys.readouterr().err == f"toezegging: {path}: internal error: ValueError: onverwacht\n"


def test_single_letter_warnings_on_stderr(tmp_path, capsys):
    path = tmp_path / "letter.txt"
    sentence = "With this letter I inform the House about the planning of the work and its results. "
    path.write_text("Dear Speaker,\n\n" + sentence * 4, encoding="utf-8")
    assert run_extract([str(path)], options()) == 0
    out, err = capsys.readouterr()
    assert "text does not look Dutch" in json.loads(out)["warnings"]
    assert f"toezegging: {path}: warning: text does not look Dutch" in err.splitlines()


def test_stdin(tmp_path, capsys, monkeypatch):
    import io

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(letter_text(4).encode("utf-8"))))
    assert run_extract(["-"], options()) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["source"]["format"] == "stdin" and report["commitments"]


# --- formats and output files ---------------------------------------------------------------------


def test_json_of_a_batch_is_an_array_with_error_objects(tmp_path, capsys):
    folder = make_folder(tmp_path, 2)
    (folder / "c.pdf").write_bytes(b"")
    assert run_extract([str(folder)], options(), format="json") == 1
    data = json.loads(capsys.readouterr().out)
    assert [d.get("error") for d in data] == [None, None, "empty file (0 bytes)"]
    assert data[0]["schema_version"]


def test_csv_header_once_and_ics_wrapped(tmp_path, capsys):
    folder = make_folder(tmp_path, 3)
    assert run_extract([str(folder)], options(), format="csv") == 0
    out = capsys.readouterr().out
    assert out.startswith("\ufeffTekst,") and out.count("Tekst,Status") == 1
    assert out.count("\r\n") == 4  # header and one commitment per letter
    assert run_extract([str(folder)], options(), output=tmp_path / "agenda.ics") == 0
    ics = (tmp_path / "agenda.ics").read_text(encoding="utf-8")
    assert ics.startswith("BEGIN:VCALENDAR") and ics.rstrip().endswith("END:VCALENDAR")


def test_table_format_is_plain_text_when_not_a_terminal(tmp_path, capsys):
    assert run_extract([str(make_folder(tmp_path, 2))], options(), format="table") == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and out.count("Ik zal uw Kamer") == 2


def test_output_file_default_jsonl_and_suffix(tmp_path, capsys):
    folder = make_folder(tmp_path / "b", 2)
    assert run_extract([str(folder)], options(), output=tmp_path / "uit.data") == 0
    assert len(jsonl((tmp_path / "uit.data").read_text())) == 2
    assert run_extract([str(folder)], options(), output=tmp_path / "uit.json") == 0
    assert len(json.loads((tmp_path / "uit.json").read_text())) == 2
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("target", ["missing/uit.jsonl", "dir"])
def test_unwritable_output_fails_before_any_work(tmp_path, capsys, target):
    (tmp_path / "dir").mkdir()
    opts = ExtractOptions(engine=broken_engine)  # would fail loudly if any worker started
    assert run_extract([str(make_folder(tmp_path / "b", 1))], opts, output=tmp_path / target) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"toezegging: {tmp_path / target}: cannot write output (")
    assert len(err.splitlines()) == 1


def test_usage_errors(tmp_path, capsys):
    (tmp_path / "leeg").mkdir()
    (tmp_path / "leeg" / "notitie.md").write_text("x")
    assert run_extract([str(tmp_path / "leeg")], options()) == 2
    assert capsys.readouterr().err == (
        f"toezegging: no documents (.pdf, .txt, .html, .htm, .xml, .docx, .odt) in {tmp_path}/leeg\n")
    folder = str(make_folder(tmp_path / "b", 1))
    assert run_extract([folder], options(), resume=True) == 2
    assert capsys.readouterr().err == "toezegging: --resume needs --output\n"
    assert run_extract([folder], options(), resume=True, output=tmp_path / "u.csv") == 2
    assert capsys.readouterr().err == "toezegging: --resume works only with --format jsonl\n"


# --- resume ---------------------------------------------------------------------------------------


def test_resume_after_interruption(tmp_path, capsys):
    folder = make_folder(tmp_path / "b", 4)
    out = tmp_path / "uit.jsonl"
    assert run_extract([str(folder / "b1.txt"), str(folder / "b2.txt")], options(), output=out) == 0
    first = out.read_text()
    # an interrupted run: an error line for b3, then half a record
    out.write_text(first + json.dumps({"source": {"path": str(folder / "b3.txt")}, "error": "x"}) + "\n"
                   + '{"schema_version":"1.0","sour')
    capsys.readouterr()
    assert run_extract([str(folder)], options(), output=out, resume=True) == 0
    err = capsys.readouterr().err
    assert err == f"toezegging: 2 letters done, 2 commitments, 0 failed, 2 skipped (already in {out})\n"
    records = jsonl(out.read_text())
    assert out.read_text().startswith(first)
    assert sorted(r["source"]["path"] for r in records) == [str(folder / f"b{i}.txt") for i in range(1, 5)]
    assert all("error" not in r for r in records)


def test_resume_redoes_a_letter_whose_content_changed(tmp_path, capsys):
    folder = make_folder(tmp_path / "b", 2)
    out = tmp_path / "uit.jsonl"
    assert run_extract([str(folder)], options(), output=out) == 0
    (folder / "b2.txt").write_text(letter_text(7), encoding="utf-8")
    assert run_extract([str(folder)], options(), output=out, resume=True) == 0
    assert "1 letter done" in capsys.readouterr().err
    records = jsonl(out.read_text())
    assert [r["source"]["path"] for r in records] == [str(folder / "b1.txt"), str(folder / "b2.txt")]
    assert "regio 7" in records[1]["commitments"][0]["evidence"]["sentence"]


# --- processes: signals and pipes ---------------------------------------------------------------


def _wait_for_lines(path: Path, n: int, limit: float = 60) -> None:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if path.exists() and path.read_text().count("\n") >= n:
            return
        time.sleep(0.05)
    raise AssertionError(f"{path} never got {n} lines")


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGINT, 130), (signal.SIGTERM, 143)])
def test_signal_stops_cleanly_and_keeps_finished_letters(tmp_path, sig, code):
    folder = make_folder(tmp_path / "b", 2, **{"c.txt": letter_text(3, "TRAAG")})
    out = tmp_path / "uit.jsonl"
    proc = subprocess.Popen(drive_cmd(paths=[str(folder)], output=str(out), timeout=120),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        _wait_for_lines(out, 2)
        time.sleep(0.3)
        os.killpg(proc.pid, sig)  # as a terminal does: the whole process group
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    assert proc.returncode == code, err
    assert f"stopped by {sig.name} after 2 of 3 letters: 2 letters done" in err
    assert "Traceback" not in err
    assert len(jsonl(out.read_text())) == 2
    # and --resume finishes the job once the slow letter is fixed
    (folder / "c.txt").write_text(letter_text(3), encoding="utf-8")
    done = subprocess.run(drive_cmd(paths=[str(folder)], output=str(out), resume=True),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [r["source"]["path"] for r in jsonl(out.read_text())] == [str(folder / n) for n in
                                                                     ("b1.txt", "b2.txt", "c.txt")]


def test_killed_runner_leaves_whole_lines_and_no_workers(tmp_path):
    folder = make_folder(tmp_path / "b", 2, **{"c.txt": letter_text(3, "TRAAG")})
    out = tmp_path / "uit.jsonl"
    token = f"toezegging-test-{os.getpid()}-{time.time_ns()}"
    env = {**os.environ, "TOEZEGGING_TEST_TOKEN": token}
    proc = subprocess.Popen(drive_cmd(paths=[str(folder)], output=str(out)), env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _wait_for_lines(out, 2)
    proc.kill()
    proc.wait()
    assert len(jsonl(out.read_text())) == 2

    def survivors() -> list[str]:
        found = []
        for pid in os.listdir("/proc"):
            try:
                if pid.isdigit() and token.encode() in Path(f"/proc/{pid}/environ").read_bytes():
                    found.append(pid)
            except OSError:
                continue
        return found

    if not Path("/proc/self/environ").exists():
        return
    end = time.monotonic() + 10
    while survivors() and time.monotonic() < end:
        time.sleep(0.2)
    assert survivors() == [], "worker processes outlived their killed parent"


def test_stdout_closed_early_exits_quietly(tmp_path):
    folder = make_folder(tmp_path / "b", 30)
    proc = subprocess.Popen(drive_cmd(paths=[str(folder)], workers=2), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    first = proc.stdout.readline()
    proc.stdout.close()  # like `| head -1`
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert json.loads(first)["source"]["path"] == str(folder / "b1.txt")
    assert proc.returncode == 141
    assert err == "", err  # no traceback, no 'Exception ignored', no summary


# --- the one-letter path: a forked worker -----------------------------------------------------------


def test_start_method_forks_only_a_single_letter_in_a_one_thread_process():
    """A single letter's worker is forked (it reuses the imported modules); a batch, or a process
    with another thread running (a fork could copy a held lock), spawns a fresh interpreter."""
    code = ("import sys, threading, time; from toezegging_cli.batch.workers import start_method; "
            "one = start_method(True); batch = start_method(False); "
            "threading.Thread(target=time.sleep, args=(1,), daemon=True).start(); "
            "print(one, batch, start_method(True))")
    shown = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert shown.stdout.split() == (["fork", "spawn", "spawn"] if sys.platform.startswith("linux")
                                    else ["spawn", "spawn", "spawn"])


@pytest.mark.parametrize(("word", "reason", "code"), [
    ("TRAAG", "timed out after 1.5 s", 2),
    ("CRASH", "worker process crashed on this letter (exit code 7)", 2),
])
def test_single_letter_in_a_fresh_process_times_out_or_crashes_with_one_line(tmp_path, word, reason, code):
    """The forked worker of a single letter is killed at its time limit, and its crash is reported,
    as a spawned worker's is."""
    letter = tmp_path / "brief.txt"
    letter.write_text(letter_text(1, word), encoding="utf-8")
    start = time.monotonic()
    done = subprocess.run(drive_cmd(paths=[str(letter)], timeout=1.5), capture_output=True, text=True,
                          timeout=60)
    assert done.stdout == ""
    assert done.stderr.splitlines() == [f"toezegging: {letter}: {reason}"]
    assert done.returncode == code
    assert time.monotonic() - start < 30


def test_sigterm_to_the_worker_of_a_single_letter_ends_that_worker(tmp_path):
    """The forked worker does not keep the runner's SIGTERM handler (which only sets a flag): a
    SIGTERM sent to the worker alone ends it, and the run reports the letter in one line."""
    letter = tmp_path / "brief.txt"
    letter.write_text(letter_text(1, "TRAAG"), encoding="utf-8")
    proc = subprocess.Popen(drive_cmd(paths=[str(letter)], timeout=120), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    children = Path(f"/proc/{proc.pid}/task/{proc.pid}/children")
    if not children.exists():
        proc.kill()
        pytest.skip("needs /proc/PID/task/PID/children (Linux) to find the worker")
    try:
        end = time.monotonic() + 20
        while not children.read_text().split() and time.monotonic() < end:
            time.sleep(0.05)
        time.sleep(1)  # the worker is on the letter (TRAAG sleeps a minute)
        os.kill(int(children.read_text().split()[0]), signal.SIGTERM)
        _, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    crashed = "worker process crashed on this letter (killed by SIGTERM)"
    assert err.splitlines() == [f"toezegging: {letter}: {crashed}"]
    assert proc.returncode == 2
