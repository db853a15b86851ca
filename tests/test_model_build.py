"""The shipped pipeline is exactly what `toezegging build-model` makes from the package data, and it
loads without the data files."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest
from typer.testing import CliRunner

from toezegging_cli.cli import app
from toezegging_cli.tag import entity_data
from toezegging_cli.tag.pipeline import COMPONENTS, REPO_MODEL_DIR, build_and_save

REPO = Path(__file__).resolve().parents[1]
REFERENCE = REPO.parent / "shared" / "reference"


def files(folder: Path) -> dict[str, bytes]:
    """Every file of a saved pipeline; meta.json without its build date (the one field a rebuild of
    unchanged data changes)."""
    out = {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}
    if "meta.json" in out:
        meta = json.loads(out["meta.json"])
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", meta.pop("build_date", "")), "meta.json has no build_date"
        out["meta.json"] = json.dumps(meta, sort_keys=True).encode()
    return out


def test_fresh_build_equals_the_shipped_model(tmp_path):
    """Fails when data files or components changed and `toezegging build-model` was not run."""
    built = files(build_and_save(tmp_path / "model"))
    shipped = files(REPO_MODEL_DIR)
    assert sorted(built) == sorted(shipped)
    changed = [name for name in built if built[name] != shipped[name]]
    assert changed == [], "run `toezegging build-model` and commit models/toezegging_nl"


def test_fresh_training_equals_the_shipped_sentence_classifier(tmp_path):
    """The learned second opinion is trained deterministically from eval/gold/dev: a fresh training
    run gives the shipped model byte for byte."""
    from toezegging_cli.tag import sentence_classifier

    built = files(sentence_classifier.build_and_save(tmp_path / "sentences"))
    shipped = files(sentence_classifier.REPO_DIR)
    assert sorted(built) == sorted(shipped)
    changed = [name for name in built if built[name] != shipped[name]]
    assert changed == [], "run `toezegging build-model` and commit models/toezegging_sentences"


def test_build_model_command(tmp_path):
    out = tmp_path / "nl"
    result = CliRunner().invoke(app, ["build-model", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert (out / "config.cfg").exists()
    assert result.stdout == ""
    assert str(out) in result.stderr


def test_rebuild_replaces_an_old_pipeline_but_not_other_folders(tmp_path):
    out = build_and_save(tmp_path / "nl")
    (out / "stale.txt").write_text("from an older build")
    build_and_save(out)
    assert not (out / "stale.txt").exists()
    other = tmp_path / "documents"
    other.mkdir()
    (other / "brief.pdf").write_bytes(b"%PDF")
    with pytest.raises(FileExistsError):
        build_and_save(other)
    assert (other / "brief.pdf").exists()


def test_saved_pipeline_loads_through_the_factories_without_data_files(tmp_path):
    """A fresh process loads the model with spacy.load after importing the pipeline module and tags
    without reading one CSV (the data loaders are made to fail)."""
    code = f"""
import datetime as dt, spacy
import toezegging_cli.tag.entity_data as data
def refuse(name):
    raise AssertionError('read ' + name + ' at run time')
data._text = refuse
import toezegging_cli.tag.pipeline
nlp = spacy.load({str(REPO_MODEL_DIR)!r})
print(','.join(nlp.pipe_names))
doc = nlp.make_doc('Zoals toegezegd aan het lid Kröger in het commissiedebat Water op 14 februari 2024.')
doc._.ref_date = dt.date(2024, 5, 1)
for _, proc in nlp.pipeline:
    doc = proc(doc)
print(';'.join(f'{{e.label_}}={{e.text}}' for e in doc.ents))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    names, found = done.stdout.splitlines()
    assert names.split(",") == list(COMPONENTS)
    assert found == "MEMBER=Kröger;DEBATE=commissiedebat Water op 14 februari 2024"


def test_wheel_ships_the_model():
    """The wheel maps models/toezegging_nl into the package, where tag.model_path looks first."""
    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert include["models/toezegging_nl"] == "toezegging_cli/models/toezegging_nl"
    assert REPO_MODEL_DIR == REPO / "models" / "toezegging_nl"


@pytest.mark.skipif(not REFERENCE.is_dir(), reason=f"reference facts not found at {REFERENCE}")
def test_data_files_are_what_build_data_makes_from_the_reference(tmp_path):
    """data/parties.csv, members.csv and cabinet.csv regenerate unchanged from the reference folder."""
    from toezegging_cli import build_data

    written = build_data.build(REFERENCE, tmp_path)
    for path in written:
        assert path.read_bytes() == (build_data.DATA / path.name).read_bytes(), path.name


def test_a_member_with_seniority_from_an_earlier_kamer_gets_an_estimated_earlier_seat(tmp_path):
    """The reference list of 2021 gives each member's seniority in days; one who also sat in an earlier
    Kamer gets a row from the list's day less those days to the day before this term, marked estimated."""
    from toezegging_cli import build_data

    (tmp_path / "members.csv").write_text(
        "name,full_name,party,party_confidence,start,end,kamer_term,status,observed_on,tk_persoon_id,"
        "vlos_spreker_id,basis,source\n"
        "Jansen,Piet Jansen,VVD,official,,,2021-03-31/2023-12-05,ended,~2021-05-27,x,,member on snapshot; "
        "anciënniteit 1000 days (also in an earlier Kamer); start of this period not in source,JORIS\n"
        "Pietersen,Jan Pietersen,SP,official,,,2021-03-31/2023-12-05,ended,~2021-05-27,y,,member on "
        "snapshot; anciënniteit 57 days,JORIS\n"
        # changed party in the term: the earlier seat may have been for another party
        "Bakker,Kees Bakker,FVD,official,,2021-05-13,2021-03-31/2023-12-05,ended,~2021-05-27,z,,member on "
        "snapshot; anciënniteit 1300 days (also in an earlier Kamer),JORIS\n"
        "Bakker,Kees Bakker,Groep Bakker,official,2021-05-13,,2021-03-31/2023-12-05,ended,~2021-05-27,z,,"
        "split,NRC\n"
        # an earlier seat of days is the list's rounding, not a seat
        "Visser,Els Visser,CDA,official,,,2021-03-31/2023-12-05,ended,~2021-05-27,w,,member on snapshot; "
        "anciënniteit 60 days (also in an earlier Kamer),JORIS\n", encoding="utf-8")
    rows = [r for r in csv.DictReader(io.StringIO(build_data.build_members(tmp_path)))
            if r["name"] in ("Jansen", "Pietersen", "Bakker", "Visser")]
    assert [(r["name"], r["start"], r["end"], r["confidence"]) for r in rows] == [
        ("Jansen", "2021-03-31", "2023-12-05", "official"),
        ("Jansen", "2018-08-31", "2021-03-30", "estimated"),
        ("Pietersen", "2021-03-31", "2023-12-05", "official"),
        ("Bakker", "2021-03-31", "2021-05-13", "official"),
        ("Bakker", "2021-05-13", "2023-12-05", "official"),
        ("Visser", "2021-03-31", "2023-12-05", "official")]


def test_data_rows_keep_their_source():
    assert all(p.source for p in entity_data.parties())
    assert all(m.source for m in entity_data.members())
    assert all(c.source for c in entity_data.cabinet())
    # the members table answers "who sat for which party on a day"
    day = dt.date(2022, 12, 22)
    kroger = [m for m in entity_data.members() if m.surname == "Kröger" and m.seated_on(day)]
    assert [m.party for m in kroger] == ["GroenLinks"]
