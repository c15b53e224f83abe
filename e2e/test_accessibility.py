"""axe-core checks every main page against WCAG 2.1 A and AA, in the roles that see them."""
import importlib.util
import pathlib
import re

import pytest
from selenium.webdriver.common.by import By

from test_case_flow import click_and_wait, sign_in

# axe-core itself, as shipped in the axe-playwright-python wheel (installed without its Playwright
# dependency: only the script is used, injected through selenium).
AXE_JS = (pathlib.Path(importlib.util.find_spec("axe_playwright_python").origin).parent / "axe.min.js").read_text()
RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
   .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' – ' + JSON.stringify(v.nodes.slice(0, 3).map(n => n.target)))))
   .catch(e => done(['axe failed: ' + e]));
"""


def violations(driver):
    driver.execute_script(AXE_JS)
    return driver.execute_async_script(RUN)


def first_link(driver, prefix):
    hrefs = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, f"a[href^='{prefix}']")]
    hrefs = [h for h in hrefs if re.search(r"/[0-9A-Fa-f-]{36}", h)]
    assert hrefs, f"no link to {prefix}"
    return hrefs[0]


def test_login_page(driver, base_url):
    driver.get(base_url + "/inloggen")
    assert violations(driver) == []


@pytest.mark.parametrize("username, paths", [
    ("coach.noordwest", ["/", "/verzoeken", "/verzoeken?status=inProgress&q=a", "/inwoners", "/inwoners/nieuw", "/overleggen", "/api-tokens",
                         "/cijfers", "/cijfers?period=2026-01-01..2025-01-01", "/cijfers/K1/verzoeken", "/effectmetingen", "/enquete"]),
    ("raad", ["/cijfers", "/cijfers/definities", "/raadsbrief", "/cijfers/effecten"]),
    ("analist", ["/raadsbrief", "/enquete", "/enquete/vragen", "/import/toewijzingen", "/profielen", "/account/tweede-factor"]),
    ("beheer", ["/beheer", "/beheer/organisaties", "/beheer/producten", "/beheer/accounts"]),
    ("auditor", ["/audit", "/audit?action=read", "/audit/inwoner"]),
    ("partner.noordwest", ["/", "/postvak", "/postvak/gemeld", "/verzoeken"]),
])
def test_pages(driver, base_url, username, paths):
    sign_in(driver, base_url, username)
    for path in paths:
        driver.get(base_url + path)
        assert violations(driver) == [], path


def test_case_meeting_and_network_pages(driver, base_url):
    sign_in(driver, base_url, "coach.noordwest")
    driver.get(base_url + "/verzoeken")
    driver.get(first_link(driver, "/verzoeken/"))
    assert violations(driver) == [], "case page"
    zrm = driver.find_element(By.PARTIAL_LINK_TEXT, "Zelfredzaamheid").get_attribute("href")
    effects = driver.find_element(By.PARTIAL_LINK_TEXT, "Effectmeting").get_attribute("href")
    for path in (zrm, effects):
        driver.get(path)
        assert violations(driver) == [], path
    driver.get(base_url + "/overleggen")
    driver.get(first_link(driver, "/overleggen/"))
    assert violations(driver) == [], "meeting page"
    driver.get(base_url + "/verzoeken/nieuw")
    driver.get(base_url + "/inwoners/nieuw")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "fout" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert violations(driver) == [], "form with errors"


def test_network_admin_page(driver, base_url):
    sign_in(driver, base_url, "beheer")
    driver.get(base_url + "/beheer")
    driver.get(first_link(driver, "/beheer/netwerken/"))
    assert violations(driver) == []


def test_zrm_2010_import_and_the_resident_page_that_shows_it(driver, base_url, tmp_path):
    """A coach imports an older ZRM 2010 assessment for a demo resident of their area (the demo's
    first resident, BSN 999990007, lives in Noordwest) and finds it apart on the ZRM page."""
    sign_in(driver, base_url, "coach.noordwest")
    driver.get(base_url + "/import/zrm2010")
    assert violations(driver) == [], "import page"
    columns = "bsn;datum;financien;dagbesteding;huisvesting;huiselijke_relaties;geestelijke_gezondheid;" \
              "lichamelijke_gezondheid;verslaving;adl;sociaal_netwerk;maatschappelijke_participatie;justitie"
    bad = tmp_path / "fout.csv"
    bad.write_text(columns + "\n999990007;2015-05-05;7;3;4;5;1;2;3;4;;1;2\n", encoding="utf-8")
    driver.find_element(By.ID, "f-file").send_keys(str(bad))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "niet geïmporteerd" in driver.find_element(By.CSS_SELECTOR, ".error-summary").text
    assert violations(driver) == [], "import page with problems"
    good = tmp_path / "goed.csv"
    good.write_text(columns + "\n999990007;2015-05-05;2;3;4;5;1;2;3;4;;1;2\n", encoding="utf-8")
    driver.find_element(By.ID, "f-file").send_keys(str(good))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "geïmporteerd" in driver.find_element(By.CSS_SELECTOR, ".flash").text
    driver.get(base_url + "/inwoners")
    driver.find_element(By.ID, "f-q").send_keys("999990007")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    click_and_wait(driver, driver.find_element(By.PARTIAL_LINK_TEXT, "Zelfredzaamheid (ZRM)"))
    assert "Oudere metingen (ZRM 2010)" in driver.page_source
    assert "gesplitst in Werk &amp; opleiding en Tijdsbesteding" in driver.page_source
    assert violations(driver) == [], "ZRM page with a 2010 assessment"
