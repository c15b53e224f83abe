"""Single sign-on in a real browser (issue 15): from Wijknet's sign-in page to the identity
provider that scripts/test starts (authlib, scripts/oidc-provider.py) and back, signed in with the
role the provider's group gives. The demo server runs with WIJKNET_OIDC_* pointing at it."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

from test_case_flow import click_and_wait

BUTTON = "Inloggen met je account van de gemeente"


def sign_in_at_provider(driver, base_url, username):
    driver.get(base_url + "/inloggen")
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, BUTTON))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Testprovider: inloggen"
    Select(driver.find_element(By.ID, "username")).select_by_value(username)
    driver.find_element(By.ID, "sign-in").click()


def test_a_coach_signs_in_with_the_identity_provider(driver, base_url):
    sign_in_at_provider(driver, base_url, "j.dewit")
    # Back at Wijknet, which moves on to the home page by itself.
    WebDriverWait(driver, 10).until(lambda d: d.current_url.rstrip("/") == base_url and "Welkom" in d.find_element(By.TAG_NAME, "h1").text)
    assert "Jasmijn de Wit" in driver.find_element(By.TAG_NAME, "h1").text
    # A coach's work: the request list of the area the group maps to.
    driver.find_element(By.LINK_TEXT, "Verzoeken").click()
    assert driver.find_element(By.TAG_NAME, "h1").text.startswith("Verzoeken")
    assert "Noordwest" in driver.page_source


def test_a_person_whose_groups_give_no_role_is_told_so(driver, base_url):
    sign_in_at_provider(driver, base_url, "k.jansen")
    summary = WebDriverWait(driver, 10).until(lambda d: d.find_element(By.CSS_SELECTOR, ".error-summary"))
    assert "geeft geen toegang tot Wijknet" in summary.text
    assert driver.current_url.startswith(base_url + "/inloggen/sso/terug")
    driver.get(base_url + "/")
    assert driver.current_url.startswith(base_url + "/inloggen")
