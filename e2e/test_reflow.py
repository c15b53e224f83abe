"""On a 390 px phone the main pages reflow (WCAG 2.1 AA 1.4.10): no sideways scrolling of the page,
the menu wraps, a wide table scrolls by itself; axe finds nothing (issue 13, point 6)."""
import pytest
from selenium.webdriver.common.by import By

from test_accessibility import first_link, violations
from test_case_flow import sign_in

PAGES = [
    ("coach.noordwest", ["/", "/verzoeken", "/inwoners", "/inwoners/nieuw", "/overleggen", "/cijfers", "/effectmetingen", "/enquete"]),
    ("voorzitter.noordwest", ["/", "/verzoeken", "/overleggen"]),
    ("analist", ["/cijfers", "/raadsbrief", "/profielen"]),
    ("auditor", ["/audit"]),
    ("beheer", ["/beheer", "/beheer/organisaties"]),
]


def page_scrolls_sideways(driver):
    """The elements that stick out to the right when the page is wider than the window, else []."""
    return driver.execute_script("""
        const w = document.documentElement.clientWidth;
        if (document.documentElement.scrollWidth <= w + 1) return [];
        return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > w + 1)
            .map(e => e.tagName + '.' + e.className).slice(0, 5);""")


@pytest.mark.parametrize("username, paths", PAGES)
def test_main_pages_reflow_at_390_px(driver, base_url, username, paths):
    driver.set_window_size(390, 844)
    sign_in(driver, base_url, username)
    for path in paths:
        driver.get(base_url + path)
        assert page_scrolls_sideways(driver) == [], f"{path} scrolls sideways at 390 px"
        assert violations(driver) == [], path
    if username == "coach.noordwest":
        driver.get(base_url + "/verzoeken")
        driver.get(first_link(driver, "/verzoeken/"))
        assert page_scrolls_sideways(driver) == [], "case page"
        assert violations(driver) == [], "case page"
        driver.save_screenshot("/tmp/wijknet-390-case.png")


def test_the_profiles_page_fits_a_desktop(driver, base_url):
    sign_in(driver, base_url, "analist")
    driver.get(base_url + "/profielen")
    assert page_scrolls_sideways(driver) == [], "/profielen is wider than the window"


def test_a_keyboard_user_sees_where_the_focus_is(driver, base_url):
    sign_in(driver, base_url, "coach.noordwest")
    driver.get(base_url + "/verzoeken")
    driver.get(first_link(driver, "/verzoeken/"))
    body = driver.find_element(By.TAG_NAME, "body")
    seen = set()
    for _ in range(12):
        body.send_keys("\t") if not seen else driver.switch_to.active_element.send_keys("\t")
        focused = driver.switch_to.active_element
        style = driver.execute_script(
            "const s = getComputedStyle(arguments[0]); return [arguments[0].tagName, s.outlineStyle, s.outlineWidth, s.outlineColor, s.boxShadow]", focused)
        seen.add(style[0])
        # A dark outline (19:1 on white) and a yellow ring (7:1 on the header's blue).
        assert style[1:4] == ["solid", "3px", "rgb(11, 12, 12)"], style
        assert "rgb(255, 221, 0)" in style[4], style
    assert "A" in seen and "BUTTON" in seen, seen
