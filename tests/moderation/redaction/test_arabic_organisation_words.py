"""More type words that open an organisation's name in Arabic script: a faction ("فرقة"), a
party ("حزب"), a Levantine sewing workshop ("مشغل"), Persian "church of" ("کلیسای"); not
Persian "کارگاه" (workshop), which describes any (issue 15, thirteenth round). Sentences
written for these tests."""

from __future__ import annotations

import pytest

from moderation.redaction import detect
from tests.moderation.suggestions import kinds_at


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("اعتقلوا ابني عناصر فرقة السلطان مراد بعفرين", "فرقة السلطان مراد"),
        ("اشتغلت سنتين بمشغل الوردة بإسطنبول بلا تأمين", "مشغل الوردة"),
        ("كان أبي عضوا في حزب البعث قبل الحرب", "حزب البعث"),
        ("هر جمعه به کلیسای امید هامبورگ می‌روم", "کلیسای امید"),
    ],
)
def test_an_organisation_after_its_type_word(text: str, name: str) -> None:
    assert kinds_at(text, name, "ar") == ["organisation"]


def test_a_workshop_described_is_no_name() -> None:
    text = "در یک کارگاه خیاطی در استانبول کار می‌کردم"
    assert [s for s in detect(text, language="fa") if s.kind == "organisation"] == []
