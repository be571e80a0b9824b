import pytest

from stories_service.i18n.language_tags import normalise_language_tag, text_direction


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("EN", "en"), ("pt_br", "pt-BR"), ("sr-latn-rs", "sr-Latn-RS"), ("es-419", "es-419")],
)
def test_normalise(raw: str, expected: str) -> None:
    assert normalise_language_tag(raw) == expected


@pytest.mark.parametrize("raw", ["", "english", "e", "en--GB", "12", "en GB"])
def test_reject(raw: str) -> None:
    with pytest.raises(ValueError):
        normalise_language_tag(raw)


@pytest.mark.parametrize(
    ("tag", "direction"),
    [
        ("ar", "rtl"),
        ("fa-IR", "rtl"),
        ("ur", "rtl"),
        ("he", "rtl"),
        ("en", "ltr"),
        ("az-Arab", "rtl"),
        ("ku-Latn", "ltr"),
        ("fr", "ltr"),
    ],
)
def test_direction(tag: str, direction: str) -> None:
    assert text_direction(tag) == direction
