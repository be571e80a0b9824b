"""What every browser test checks on a page (issue 17): one main and one h1, nothing wider than
the screen, and axe-core finding no serious or critical violation. For Playwright's sync API
(the console tests) and its async API (the survivor pages, beside the in-process app)."""

from __future__ import annotations

from typing import Any

import pytest
from playwright.async_api import Page as AsyncPage
from playwright.sync_api import Page

from tests.conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The two sizes of issue 17's acceptance.
SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
OVERFLOW = "document.documentElement.scrollWidth - window.innerWidth"


def _require_axe() -> None:
    if not AXE.exists():
        pytest.skip("axe-core is not installed (make browser-deps)")


def serious_findings(result: dict[str, Any]) -> list[tuple[str, str, list[Any]]]:
    """axe's serious and critical violations, each with the first few elements it names."""
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


def check_page(page: Page, where: str) -> None:
    """One main and one h1, nothing wider than the screen, and no serious axe finding. The
    page's context needs ``bypass_csp=True``: only to inject axe-core."""
    assert page.locator("main").count() == 1, where
    assert page.locator("h1").count() == 1, where
    wide = page.evaluate(OVERFLOW)
    assert wide <= 0, (where, wide)
    _require_axe()
    page.add_script_tag(path=str(AXE))
    findings = serious_findings(page.evaluate("axe.run()"))
    assert findings == [], (where, findings)


async def check_page_async(page: AsyncPage, where: str) -> None:
    """``check_page`` for Playwright's async API."""
    assert await page.locator("main").count() == 1, where
    assert await page.locator("h1").count() == 1, where
    wide = await page.evaluate(OVERFLOW)
    assert wide <= 0, (where, wide)
    _require_axe()
    await page.add_script_tag(path=str(AXE))
    findings = serious_findings(await page.evaluate("axe.run()"))
    assert findings == [], (where, findings)
