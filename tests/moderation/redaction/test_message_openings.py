"""How messages open: the greeted one and who writes ("selam tesfay this is luwam"), a greeting
the lists lacked (salam, selam, coucou, mbote, "yo c ..."), "its" typed without its apostrophe,
a listed given name that is also a word after "it is" ("hi aunty its mercy"), and a letter's
salutation after its place and date (issue 15). Sentences written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction.message_names import find_message_names


def _names(text: str, language: str) -> list[str]:
    return [s.text for s in sorted(find_message_names(text, language), key=lambda s: s.start)]


@pytest.mark.parametrize(
    ("text", "language", "names"),
    [
        ("selam tesfay this is luwam, we are in sabha", "en", ["tesfay", "luwam"]),
        ("salam hamid its rania. im ok", "en", ["hamid", "rania"]),
        ("kibrom its senait, call me", "en", ["kibrom", "senait"]),
        ("hi aunty its mercy. we reached arua", "en", ["mercy"]),
        ("coucou fidele, jsuis bien arrivee", "fr", ["fidele"]),
        ("mbote tata kabeya, tout va bien", "fr", ["kabeya"]),
        ("Querida Lupita: te escribo desde Tapachula", "es", ["Lupita"]),
        ("Kinshasa, le 3 mai 2024. Chère Solange, nous sommes bien arrivés.", "fr", ["Solange"]),
    ],
)
def test_who_opens_a_message(text: str, language: str, names: list[str]) -> None:
    assert _names(text, language) == names


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("hola soy nueva en el grupo y tengo miedo", "es"),  # the greeting is nobody's name
        ("yo tambien soy hondureña y tengo miedo", "es"),  # "yo" is I, no greeting
        ("Today it is raining, we stay inside", "en"),  # how things are, not who writes
        ("hi its raining here, call me", "en"),
        ("mama its me, call me", "en"),  # a kin word of address and "me"
        ("ça coûte cher là-bas, tu sais", "fr"),  # "cher" the adjective
        ("hi mama its late here, call me", "en"),  # a kin word and a word
        ("Cher monsieur, je vous écris pour mon dossier", "fr"),  # a title alone
        ("dear friends, thank you for everything", "en"),
    ],
)
def test_openings_without_a_name(text: str, language: str) -> None:
    assert _names(text, language) == []
