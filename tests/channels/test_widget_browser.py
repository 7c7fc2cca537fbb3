"""The website widget in a real browser (headless Debian Chromium driven by Playwright), against a live assistant."""

from __future__ import annotations

import urllib.request
from pathlib import Path
from typing import Iterator

import pytest

from tests.channels.conftest import LiveAssistant
from tests.conftest import PROJECT_ROOT

pytestmark = pytest.mark.model

CHROMIUM = "/usr/bin/chromium"
AXE = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
REPORTS = PROJECT_ROOT / "reports"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        raise RuntimeError("Debian chromium is not installed: run `make browser`")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser, live_assistant: LiveAssistant):
    context = browser.new_context(viewport={"width": 1024, "height": 800})
    page = context.new_page()
    page.goto(f"{live_assistant.base}/widget/")
    page.wait_for_function("document.querySelector('.bw-launcher') !== null")
    yield page
    context.close()


def open_chat(page) -> None:
    page.click(".bw-launcher")
    page.wait_for_selector("#bw-input:focus")
    page.wait_for_function("typeof io !== 'undefined' && !!sessionStorage.getItem('benzo-widget-token')")


def ask(page, text: str) -> None:
    before = page.locator(".bw-bot").count()
    page.fill("#bw-input", text)
    page.keyboard.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.bw-bot').length > {before}", timeout=30_000)


def test_a_side_effect_question_gets_a_cited_answer_and_a_screenshot_is_saved(page) -> None:
    open_chat(page)
    ask(page, "does klonopin cause dizziness when you stand up")
    assert "Source:" in page.locator(".bw-bot").first.inner_text()
    REPORTS.mkdir(exist_ok=True)
    page.screenshot(path=str(REPORTS / "widget.png"))


def test_a_crisis_statement_gets_a_distinct_crisis_reply_with_988_and_911(page) -> None:
    open_chat(page)
    ask(page, "honestly tonight i want to end my life")
    crisis = page.locator(".bw-crisis").first
    crisis.wait_for()
    text = crisis.inner_text()
    assert "988" in text and "911" in text
    assert crisis.get_attribute("role") == "alert"
    assert page.locator(".bw-crisis a[href^='tel:']").count() >= 2


def test_a_quick_reply_can_be_clicked(page) -> None:
    open_chat(page)
    ask(page, "what can you help me with")
    buttons = page.locator(".bw-choice")
    buttons.first.wait_for()
    before = page.locator(".bw-bot").count()
    buttons.first.click()
    page.wait_for_function(f"document.querySelectorAll('.bw-bot').length > {before}", timeout=30_000)
    assert page.locator(".bw-user").last.inner_text().endswith(buttons.first.inner_text())


def test_history_survives_a_reload(page) -> None:
    open_chat(page)
    ask(page, "how long does klonopin withdrawal last")
    transcript = page.locator(".bw-log").inner_text()
    page.reload()
    page.wait_for_function("document.querySelectorAll('.bw-message').length >= 2", timeout=30_000)
    assert "how long does klonopin withdrawal last" in page.locator(".bw-log").inner_text()
    assert page.locator(".bw-message").count() >= transcript.count("Assistant:")


def test_an_xss_payload_is_shown_as_text_and_never_runs(page) -> None:
    open_chat(page)
    payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'
    ask(page, payload)
    assert page.locator(".bw-user").last.inner_text().endswith(payload)
    assert page.locator(".bw-log img, .bw-log script").count() == 0
    assert page.evaluate("window.__xss === undefined")


def test_get_help_now_works_when_the_assistant_is_down(browser, live_assistant: LiveAssistant) -> None:
    script = urllib.request.urlopen(f"{live_assistant.base}/widget/widget.js").read().decode()
    context = browser.new_context()
    page = context.new_page()
    # The page keeps the widget it loaded earlier; the assistant it points at is gone (nothing listens on port 9).
    page.set_content("<!doctype html><html lang='en'><head><title>Offline</title></head><body><main><h1>Clinic</h1></main></body></html>")
    page.add_script_tag(content=script.replace("var script = document.currentScript;", "var script = null;").replace(
        "var server = data.server ||", "var server = 'http://127.0.0.1:9' ||"))
    page.click(".bw-help-button")
    help_text = page.locator("#bw-help").inner_text()
    assert "911" in help_text and "988" in help_text and "1-800-222-1222" in help_text
    page.select_option("#bw-country", "GB")
    assert "999" in page.locator("#bw-help").inner_text() and "116 123" in page.locator("#bw-help").inner_text()
    context.close()


def test_keyboard_only_use_and_narrow_screens(browser, live_assistant: LiveAssistant) -> None:
    context = browser.new_context(viewport={"width": 320, "height": 640})
    page = context.new_page()
    page.goto(f"{live_assistant.base}/widget/")
    page.wait_for_selector(".bw-launcher")
    page.focus(".bw-launcher")
    page.keyboard.press("Enter")
    page.wait_for_selector("#bw-input:focus")
    box = page.locator("#bw-panel").bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= 320
    page.keyboard.press("Escape")
    assert page.locator("#bw-panel").is_hidden()
    assert page.evaluate("document.activeElement.classList.contains('bw-launcher')")
    context.close()


def test_axe_finds_no_wcag_a_or_aa_violations(page) -> None:
    open_chat(page)
    ask(page, "what is clonazepam")
    ask(page, "how long does klonopin withdrawal last")  # long enough that the log scrolls
    assert page.evaluate("document.querySelector('.bw-log').scrollHeight > document.querySelector('.bw-log').clientHeight")
    page.click(".bw-help-button")
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => (await axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})).violations"
        ".map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))}))"
    )
    assert result == []
