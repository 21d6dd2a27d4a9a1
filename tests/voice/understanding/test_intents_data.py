"""The intent templates against the sentence → intent + slots files in tests/voice/intents/en/."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from voice.understanding.intents import default_intents_file, load_intents
from voice.understanding.parser import IntentParser

DATA = Path(__file__).resolve().parents[1] / "intents" / "en"
KO = DATA.parent / "ko"


def _files() -> list[Path]:
    return sorted(p for p in DATA.glob("*.yaml") if not p.name.startswith("_"))


def _cases() -> list[tuple[str, str, dict]]:
    cases = []
    for path in _files():
        for test in yaml.safe_load(path.read_text())["tests"]:
            for sentence in test["sentences"]:
                cases.append((sentence, test["intent"]["name"], test["intent"].get("slots", {})))
    return cases


@pytest.fixture(scope="module")
def parser() -> IntentParser:
    return IntentParser(load_intents())


@pytest.mark.parametrize(("sentence", "intent", "slots"), _cases())
def test_sentence_gives_intent_and_slots(parser: IntentParser, sentence: str, intent: str, slots: dict):
    found = parser.parse(sentence)
    assert [(i.name, i.slots) for i in found] == [(intent, slots)]


def test_every_intent_has_test_sentences():
    tested = {case[1] for case in _cases()}
    assert set(load_intents().intents) <= tested


@pytest.mark.parametrize(
    "case", yaml.safe_load((DATA / "dialogue.yaml").read_text())["multi"], ids=lambda c: c["sentence"]
)
def test_several_commands_in_one_utterance(parser: IntentParser, case: dict):
    found = parser.parse(case["sentence"])
    assert [(i.name, i.slots) for i in found] == [(i["name"], i["slots"]) for i in case["intents"]]


@pytest.mark.parametrize("sentence", yaml.safe_load((DATA / "_out_of_domain.yaml").read_text())["sentences"])
def test_out_of_domain_is_rejected(parser: IntentParser, sentence: str):
    assert parser.parse(sentence) == []


def test_a_command_followed_by_nonsense_is_rejected_whole(parser: IntentParser):
    assert parser.parse("turn on the a c and sing a song") == []


def test_the_korean_templates_against_their_test_data():
    parser = IntentParser(load_intents(language="ko"))
    for test in yaml.safe_load((KO / "commands.yaml").read_text(encoding="utf-8"))["tests"]:
        for sentence in test["sentences"]:
            found = [(i.name, i.slots) for i in parser.parse(sentence)]
            assert found == [(test["intent"]["name"], test["intent"]["slots"])], sentence
    for sentence in yaml.safe_load((KO / "_out_of_domain.yaml").read_text(encoding="utf-8"))["sentences"]:
        assert parser.parse(sentence) == [], sentence


def test_every_template_word_can_be_heard():
    # A word outside the recognizer's dictionary can never be heard.
    from voice.engines.pocketsphinx_engine import PocketsphinxEngine

    assert PocketsphinxEngine(load_intents()).missing == []


def test_no_template_glues_an_optional_part_to_a_word():
    # hassil reads "stretch[ing]" as "stretching", but a recognizer's grammar gets "stretch" and "ing".
    text = default_intents_file().read_text(encoding="utf-8")
    assert re.findall(r"\w\[\w+\]", text) == []
