"""k-fold cross-validation of the learned second opinion on the dev half (and its score on test).

    python3 eval/cross_validate.py [--folds 5] [--test]

Letters of eval/gold/dev are split into k folds by name order; for each fold a sentence classifier
is trained on the other folds (the labelling and training of `toezegging build-model`, body
sentences only) and the fold's letters are scored rules-only and rules + classifier at each
threshold. Prints pooled precision/recall/F1 and field accuracy per threshold. With --test, the
classifier trained on all of dev is scored once on eval/gold/test at the shipped thresholds (the
test half is only scored, never studied).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import asdict
from pathlib import Path

from toezegging_cli import assemble as rules
from toezegging_cli.assemble import learned
from toezegging_cli.evaluate import EvalResult, gold_cases, score_one
from toezegging_cli.read import read_letter
from toezegging_cli.tag import sentence_classifier as sc
from toezegging_cli.tag import tag_letters

EVAL = Path(__file__).resolve().parent
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95)


def prepare(gold_dir: Path, letters_dir: Path = EVAL / "letters") -> list[dict]:
    """Per letter: gold, metadata, rules-only commitments, and the sentences the rules left unused."""
    cases = gold_cases(gold_dir, letters_dir)
    letters = [read_letter(str(path)) for _, _, path in cases]
    items = []
    for (name, gold, _), (letter, tagged) in zip(cases, tag_letters(letters), strict=True):
        body = tagged.body
        sents, headings = rules._sentences(body.text, body.sentences, body.entities, letter.page_at)
        ref = tagged.ref_date.isoformat() if tagged.ref_date else letter.meta.date
        _, _, used = rules._text_commitments(letter, sents, headings, rules.triggers(), ref)
        items.append({"name": name, "gold": gold, "letter": letter, "sents": sents, "used": used,
                      "ref": ref, "rules": rules.assemble(letter, tagged, second_opinion=False)})
    return items


def score(items: list[dict], nlp, threshold: float | None) -> EvalResult:
    """Pooled scores of `items`, rules only (threshold None) or with the classifier's additions."""
    scores = []
    for item in items:
        commitments = list(item["rules"])
        if threshold is not None:
            todo = learned.candidates(item["sents"], item["used"])
            adds = learned.additions(item["letter"], item["sents"], item["used"], item["ref"],
                                     thresholds=dict.fromkeys(sc.LABELS, threshold),
                                     scores=sc.score([s.text for s in todo], nlp))
            commitments = sorted(commitments + adds, key=lambda c: c.evidence.start)
        pred = {"letter": asdict(item["letter"].meta), "commitments": [asdict(c) for c in commitments]}
        scores.append(score_one(item["name"], item["gold"], pred))
    return EvalResult.pooled(scores)


def examples_of(items: list[dict]) -> list[sc.LabelledSentence]:
    """Training sentences of `items`, labelled from their gold as build-model labels them (body
    sentences; build-model also takes the footnotes')."""
    return [sc.LabelledSentence(item["name"], s.text, sc.label(s.text, item["gold"]))
            for item in items for s in item["sents"] if len(s.text.split()) >= sc.MIN_SENTENCE_WORDS]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--test", action="store_true", help="also score the test half once")
    parser.add_argument("--corpus", type=Path, help="also train on this gold corpus (its gold/ and letters/)")
    args = parser.parse_args()
    dev = prepare(EVAL / "gold" / "dev")
    extra = examples_of(prepare(args.corpus / "gold", args.corpus / "letters")) if args.corpus else []
    folds = [dev[i:: args.folds] for i in range(args.folds)]
    pooled: dict[float | None, list[EvalResult]] = {t: [] for t in (None, *THRESHOLDS)}
    for k, held in enumerate(folds):
        train_items = [item for j, f in enumerate(folds) if j != k for item in f]
        nlp = sc.train(examples_of(train_items) + extra)
        for t in pooled:
            pooled[t].append(score(held, nlp, t))
    print(f"{args.folds}-fold cross-validation on dev ({len(dev)} letters):")
    for t, parts in pooled.items():
        total = EvalResult.pooled([s for p in parts for s in p.letters])
        label = "rules only" if t is None else f"rules + classifier ≥ {t:.2f}"
        print(f"  {label:32} {total.summary()}")
    if args.test:
        test = prepare(EVAL / "gold" / "test")
        nlp = sc.train(examples_of(dev) + extra)
        threshold = min(learned.settings()["threshold"].values())
        for t in (None, threshold):
            label = "rules only" if t is None else f"rules + classifier ≥ {t:.2f}"
            print(f"test ({len(test)} letters) {label:32} {score(test, nlp, t).summary()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
