"""A realistic database of N findings published from April 2009 to October 2026, built in minutes.

A small demo corpus is written by the demo generator and ingested through the real pipeline into
a template database (cached), so the catalogue, reports, findings, themes and population tags there
are exactly what ingest writes; a copy is then multiplied to N findings with bulk INSERTs in one
transaction (multiply.py). The file is cached under var/bench/ with the schema it was built for.

Only SQLite: the file is also what Datasette serves in `scrutiny bench serve`.
"""

import hashlib
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

from scrutiny.benchmarks.multiply import multiply

# Raise when the rows multiply.py writes change, so a cached database is built again.
BUILD_VERSION = 1
DEFAULT_CACHE = Path("var") / "bench"
TEMPLATE_REPORTS = 63  # seven reports of each demo family: about 1,200 ingested findings


@dataclass
class BenchDatabase:
    path: Path
    findings: int
    seed: int
    built_seconds: float | None  # None when a cached file was reused

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path.resolve()}"

    @property
    def size_bytes(self) -> int:
        return sum(p.stat().st_size for p in (self.path, Path(f"{self.path}-wal")) if p.exists())


def ensure_database(findings: int, seed: int = 2026, rebuild: bool = False, cache: Path = DEFAULT_CACHE,
                    template_reports: int = TEMPLATE_REPORTS, say=print) -> BenchDatabase:
    """The database of `findings` findings for `seed`, from the cache when it is there and was
    written by this schema and this builder; else built (and the search engine's index with it)."""
    cache.mkdir(parents=True, exist_ok=True)
    path = cache / f"findings-{findings}-seed{seed}.sqlite3"
    facts = _read_facts(path)
    wanted = {"schema": schema_version(), "findings": findings, "template_reports": template_reports}
    if not rebuild and path.exists() and facts.get("schema") != wanted["schema"] and all(
        facts.get(k) == wanted[k] for k in ("findings", "template_reports")
    ):
        # Newer migrations (a new app's tables, say) are applied to the cached file: building a
        # million findings again takes minutes and would give the same rows. --rebuild forces it.
        _run(scrutiny_command("migrate"), bench_environment(path, cache))
        facts = {**facts, "schema": wanted["schema"]}
        _write_facts(path, facts)
        say(f"database: {path} migrated to the current schema")
    if not rebuild and path.exists() and all(facts.get(k) == v for k, v in wanted.items()):
        database = BenchDatabase(path, findings, seed, None)
        say(f"database: {path} (cached, built in {facts.get('built_seconds', 0):.0f} s; "
            f"{database.size_bytes / 2**20:,.0f} MiB; --rebuild to build it again)")
    else:
        started = time.perf_counter()
        template = template_database(cache, seed, template_reports, say)
        _remove(path)
        partial = path.with_name(path.name + ".partial")
        _remove(partial)
        shutil.copyfile(template, partial)
        multiplied = time.perf_counter()
        multiply(partial, findings, seed)
        say(f"multiplied to {findings:,} findings in {time.perf_counter() - multiplied:.1f} s")
        partial.rename(path)
        facts = {**wanted, "seed": seed, "built_seconds": time.perf_counter() - started}
        _write_facts(path, facts)
        database = BenchDatabase(path, findings, seed, facts["built_seconds"])
        say(f"database: {path} built in {facts['built_seconds']:.1f} s; {database.size_bytes / 2**20:,.0f} MiB")
    _build_engine_if_changed(database, cache, facts, say)
    return database


def schema_version() -> str:
    """Every migration on disk and the builder's version: a cached file from older code is rebuilt."""
    root = Path(importlib.util.find_spec("scrutiny").origin).parent
    names = sorted(str(p.relative_to(root)) for p in root.glob("*/migrations/0*.py"))
    return hashlib.sha256("\n".join([*names, f"build {BUILD_VERSION}"]).encode()).hexdigest()[:16]


def bench_environment(database: Path, cache: Path) -> dict:
    """What a `scrutiny` subprocess needs to work on this database and nothing else."""
    env = dict(os.environ)
    env.update({
        "SCRUTINY_DATABASE_URL": f"sqlite:///{database.resolve()}",
        "DJANGO_SETTINGS_MODULE": "scrutiny.settings.base",
        "SCRUTINY_FILES_DIR": str((cache / "files").resolve()),
        "SCRUTINY_STATE_DIR": str(cache.resolve()),
        "SCRUTINY_DEBUG": "0",
    })
    return env


def scrutiny_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "scrutiny.cli", *args]


def template_database(cache: Path, seed: int, reports: int, say=print) -> Path:
    """A demo corpus ingested by the real pipeline (cached beside the databases)."""
    path = cache / f"template-{reports}r-seed{seed}.sqlite3"
    if path.exists() and _read_facts(path).get("schema") == schema_version():
        return path
    corpus = cache / f"corpus-{reports}r-seed{seed}"
    started = time.perf_counter()
    if not (corpus / ".generated").exists():
        shutil.rmtree(corpus, ignore_errors=True)
        _run(scrutiny_command("demo", "generate", "--reports", str(reports), "--seed", str(seed), str(corpus)),
             bench_environment(path, cache))
        (corpus / ".generated").touch()
    _remove(path)
    _run(scrutiny_command("ingest", str(corpus)), bench_environment(path, cache))
    _write_facts(path, {"schema": schema_version()})
    say(f"template: {reports} demo reports generated and ingested in {time.perf_counter() - started:.1f} s")
    return path


def _run(command: list[str], env: dict) -> None:
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[2:])} failed:\n{done.stdout[-2000:]}\n{done.stderr[-4000:]}")


def _remove(path: Path) -> None:
    for extra in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{extra}").unlink(missing_ok=True)


def _facts_path(path: Path) -> Path:
    return path.with_suffix(".json")


def _read_facts(path: Path) -> dict:
    try:
        return json.loads(_facts_path(path).read_text())
    except (FileNotFoundError, ValueError):
        return {}


def _write_facts(path: Path, facts: dict) -> None:
    _facts_path(path).write_text(json.dumps(facts, indent=1))


def _build_engine_if_changed(database: BenchDatabase, cache: Path, facts: dict, say) -> None:
    """Let the in-memory search engine (scrutiny.findings.engine, when it exists) save its index
    now, so the server starts quickly; again whenever the engine's code changes."""
    spec = importlib.util.find_spec("scrutiny.findings.engine")
    if spec is None or not spec.origin:
        return
    engine_code = hashlib.sha256(Path(spec.origin).read_bytes()).hexdigest()[:16]
    if facts.get("engine") == engine_code:
        return
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", "from scrutiny.benchmarks.build import build_engine_index; build_engine_index()"],
        env=bench_environment(database.path, cache), capture_output=True, text=True,
    )
    if done.returncode != 0:
        say(f"engine: its build step failed, the server will build its index itself:\n{done.stderr[-3000:]}")
        return
    say(f"engine: {done.stdout.strip() or 'built'} ({time.perf_counter() - started:.1f} s)")
    _write_facts(database.path, {**facts, "engine": engine_code})


def build_engine_index() -> None:
    """Run in a subprocess on the bench database: the engine's build (or rebuild) step, if any."""
    from scrutiny.django_setup import start_django

    start_django(migrate=True)
    engine = importlib.import_module("scrutiny.findings.engine")
    for name in ("build", "rebuild"):
        step = getattr(engine, name, None)
        if callable(step):
            step()
            print(f"scrutiny.findings.engine.{name}() done")
            return
    print("scrutiny.findings.engine has no build step")
