"""Our own coffee-order intents (Home Assistant format) against the real human recordings in
../shared/data/voice/barista-human/, run the way a user would: ``cockpit voice test --intents``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cockpit.cli.main import main
from voice.understanding.intents import load_intents
from voice.understanding.parser import IntentParser

HERE = Path(__file__).parent
INTENTS = HERE / "intents.yaml"
HUMAN = Path(__file__).resolve().parents[4] / "shared" / "data" / "voice" / "barista-human"


def test_orders_in_words_give_the_labelled_slots():
    parser = IntentParser(load_intents([INTENTS]))
    [order] = parser.parse(
        "could i get a large double shot dark roast latte with a bit of cream and some sugar"
    )
    assert order.name == "orderDrink"
    assert order.slots == {
        "size": "large",
        "numberOfShots": "double shot",
        "roast": "dark roast",
        "coffeeDrink": "latte",
        "milkAmount": "a bit of cream",
        "sugarAmount": "some sugar",
    }
    assert parser.parse("what a lovely morning") == []


def test_human_recordings_are_understood_with_the_coffee_intents(capsys):
    if not HUMAN.is_dir():
        pytest.fail(f"the human recordings are expected in {HUMAN} (the project's shared/ folder)")
    labels = json.loads((HUMAN / "labels.json").read_text())
    names = sorted(labels)[:4]
    files = [str(HUMAN / n) for n in names]
    code = main(["voice", "test", *files, "--engine", "whisper", "--intents", str(INTENTS), "--json"])
    out, err = capsys.readouterr()
    rows = [json.loads(line) for line in out.splitlines()]
    assert "4 of 4 understood" in err and code == 0, out
    for name, row in zip(names, rows, strict=True):
        expected = {k: v.strip() for k, v in labels[name]["slots"].items()}
        assert (row["intent"], row["slots"]) == ("orderDrink", expected), row["text"]
