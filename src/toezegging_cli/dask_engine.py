"""`toezegging extract DIR --engine dask [--scheduler ADDRESS]`: the batch on Dask distributed.

One letter is one task. Each Dask worker process sets up the extraction engine once (the same
`ExtractOptions.engine` local workers run: the spaCy pipeline loaded once) and keeps it for every
later task. Results are written as they complete, to the same sinks as a local batch (JSON lines,
CSV, ...); a letter that cannot be read becomes the same error record; `--resume` skips the same
letters (it works on the inputs before any engine runs).

`--timeout`: a Dask task cannot be stopped from outside its worker, so at most one letter per
worker thread is handed out at a time, its clock starting then; a letter over time is recorded as
timed out and the worker holding it is restarted by its nanny (as a local worker is killed and
replaced). A worker that dies on a letter (a crash) is, after Dask's own retries, recorded as
`worker process crashed on this letter`.

Without an address a `LocalCluster` with `--workers` single-threaded worker processes runs on this
machine; with one, the letters are read by the cluster's workers, which need toezegging installed
and the letters' paths readable. Dask is an optional extra: `pip install 'toezegging[dask]'`.
"""

from __future__ import annotations

import logging
import time
import traceback
from typing import Any

from toezegging_cli.batch import Outcome, Run, UsageError
from toezegging_cli.errors import LetterError

INSTALL_HINT = "--engine dask needs Dask distributed: pip install 'toezegging[dask]'"

_ENGINES: dict[Any, Any] = {}  # per Dask worker process: engine → the function it returned


def _letter(path: str, data: bytes | None, options: Any) -> tuple:
    """The task: one letter through the engine, set up once per worker process."""
    import io
    import sys

    key = options.engine
    run = _ENGINES.get(key)
    if run is None:
        run = _ENGINES[key] = options.engine(options)
    old_stdin = sys.stdin
    try:
        if data is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")
        return ("ok", run(path))
    except LetterError as exc:
        return ("fail", exc.reason, traceback.format_exc(), False)
    except Exception as exc:
        return ("fail", f"internal error: {type(exc).__name__}: {exc}", traceback.format_exc(), True)
    finally:
        sys.stdin = old_stdin


def require_distributed() -> Any:
    """The `distributed` module, or a usage error saying how to install it."""
    try:
        import distributed
    except ImportError as exc:
        raise UsageError(INSTALL_HINT) from exc
    return distributed


class DaskRun(Run):
    """A `Run` whose letters go to a Dask cluster; results are written in order of completion."""

    def execute(self) -> None:
        distributed = require_distributed()
        if self.progress is not None:
            self.task_id = self.progress.add_task("letters", total=len(self.inputs), failed=0, name="")
        queue = []
        for index, inp in enumerate(self.inputs):
            if inp.error is not None:
                self.emit(index, Outcome(reason=inp.error))
            else:
                queue.append(index)
        if not queue:
            return
        cluster = None
        scheduler = self.options.scheduler
        if scheduler is None:
            cluster = distributed.LocalCluster(
                n_workers=self.n_workers, threads_per_worker=1, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR)
        client = distributed.Client(cluster if cluster is not None else scheduler,
                                    set_as_default=False)
        try:
            self._schedule(client, distributed, queue)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()

    def _slots(self, client: Any) -> int:
        info = client.scheduler_info()
        return max(1, sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()))

    def _schedule(self, client: Any, distributed: Any, queue: list[int]) -> None:
        options = self.options
        timeout = options.timeout if options.timeout and options.timeout > 0 else None
        client.wait_for_workers(1)
        slots, recount = self._slots(client), time.monotonic() + 2
        waiting = list(reversed(queue))
        running: dict[Any, tuple[int, float | None]] = {}  # future → (input index, deadline)
        while (waiting or running) and self.stop_signal is None:
            while waiting and len(running) < slots:
                index = waiting.pop()
                inp = self.inputs[index]
                future = client.submit(_letter, inp.path, inp.data, options, pure=False,
                                       key=f"toezegging-{index}-{time.monotonic_ns()}")
                running[future] = (index, time.monotonic() + timeout if timeout else None)
            finished = [f for f in running if f.done()]
            if not finished:
                time.sleep(0.02)
            for future in finished:
                index, _ = running.pop(future)
                self.emit(index, self._outcome(future, distributed))
            self._expire(client, running, timeout)
            if time.monotonic() >= recount:  # workers may join or leave the cluster
                slots, recount = self._slots(client), time.monotonic() + 2
        for future in running:
            future.cancel()

    def _outcome(self, future: Any, distributed: Any) -> Outcome:
        try:
            result = future.result()
        except distributed.KilledWorker:
            return Outcome(reason="worker process crashed on this letter")
        except Exception as exc:
            return Outcome(reason=f"internal error: {type(exc).__name__}: {exc}",
                           details=traceback.format_exc(), internal=True)
        if result[0] == "ok":
            return Outcome(report=result[1])
        _, reason, details, internal = result
        return Outcome(reason=reason, details=details, internal=internal)

    def _expire(self, client: Any, running: dict, timeout: float | None) -> None:
        """Letters over time: record them and restart the workers that hold them."""
        if timeout is None:
            return
        now = time.monotonic()
        late = [f for f, (_, deadline) in running.items() if deadline is not None and now >= deadline]
        if not late:
            return
        keys = {f.key for f in late}
        holders = [w for w, tasks in client.processing().items() if keys & set(tasks)]
        for future in late:
            index, _ = running.pop(future)
            future.cancel()
            self.emit(index, Outcome(reason=f"timed out after {timeout:g} s"))
        if holders:
            client.restart_workers(holders, raise_for_error=False)
