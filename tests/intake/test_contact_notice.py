"""The contact-details notice states the real retention period, from STORIES_RETENTION_DAYS,
in every language (issue 19 #3)."""

from __future__ import annotations

import html
import re

import httpx
import pytest

# Written here by hand, not read from the catalogues.
PERIOD_IN = {
    "en": "45 days after your story is published or declined",
    "es": "45 días después de que su historia se publique o se rechace",
    "fr": "45 jours après la publication ou le refus de votre histoire",
    "ar": "بعد 45 يومًا من نشر قصتك أو رفضها",
}
AT_ONCE_IN = {
    "en": "at once if you withdraw",
    "es": "enseguida si usted retira",
    "fr": "tout de suite si vous la retirez",
    "ar": "فورًا إذا سحبت قصتك",
}


def _notice(page: str) -> str:
    found = re.search(r'<p class="help" id="contact-help">([^<]+)</p>', page)
    assert found, "the contact field has its notice"
    # No-break spaces count as spaces here: the words and the number are what is checked.
    return re.sub("[\u00a0\u202f]", " ", html.unescape(found[1]))


@pytest.mark.parametrize("lang", sorted(PERIOD_IN))
async def test_the_notice_states_the_configured_period(
    client: httpx.AsyncClient, override_settings, lang: str
) -> None:
    override_settings(retention_days=45)
    client.cookies.set("lang", lang)
    notice = _notice((await client.get("/submit")).text)
    assert PERIOD_IN[lang] in notice
    assert AT_ONCE_IN[lang] in notice
    assert "30" not in notice


async def test_one_day_is_one_day(client: httpx.AsyncClient, override_settings) -> None:
    override_settings(retention_days=1)
    assert "delete it 1 day after" in _notice((await client.get("/submit")).text)
