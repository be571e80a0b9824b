"""A kin word after a name: after "و" (and) it starts a new person ("وزوجته سالمة", and his
wife Salma); after a nasab particle it is a kin word too ("حمودي ابن اختي", Hamoudi, my
sister's son), and the name stops before the particle. (The word after "NAME KIN" is often
what that person did, "مازن ابنه يضرب"; a rule that left it out cost recall on the held-out
stories and was taken back: docs/redaction.md.)"""

from __future__ import annotations

from moderation.redaction import detect


def _people(text: str) -> list[str]:
    return [s.text for s in detect(text) if s.kind == "person"]


def test_after_and_a_kin_word_names_someone_else() -> None:
    assert "سالمة" in _people("عندنا جيران طيبين، الحاج مفتاح وزوجته سالمة.")


def test_a_kin_word_after_a_nasab_particle_is_not_part_of_the_name() -> None:
    assert "حمودي" in _people("حمودي ابن اختي مات بالقصف.")
    assert not any("اختي" in found for found in _people("حمودي ابن اختي مات بالقصف."))
    assert "خالد بن الوليد" in _people("درست في مدرسة، وكان خالد بن الوليد اسم الشارع.")


def test_a_given_name_that_is_a_word_before_a_possessed_kin_word() -> None:
    # "زياد" (Ziad) is also a word; "اخوها" (her brother) right after it names him
    assert "زياد" in _people("بعد القصف ما بقي معنا غير زياد اخوها الصغير.")
