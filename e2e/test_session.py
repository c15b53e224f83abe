"""A coach whose session ends while typing loses nothing (issue 13, point 1)."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from test_case_flow import click_and_wait, sign_in


def test_a_session_that_ends_while_typing_loses_nothing(driver, base_url):
    sign_in(driver, base_url, "coach.noordwest")
    driver.get(base_url + "/verzoeken?status=inProgress")
    case_url = driver.find_element(By.CSS_SELECTOR, "main table a[href*='/verzoeken/']").get_attribute("href")
    driver.get(case_url)
    driver.find_element(By.LINK_TEXT, "Verzoek wijzigen").click()

    text = "Sinds de zomer lukt het niet meer om de post te openen; de buurvrouw helpt soms. Wil hulp bij \"geldzaken\" & contact."
    summary = driver.find_element(By.ID, "f-summary")
    summary.clear()
    summary.send_keys(text)
    # The session ends while the coach types: the server forgets it, the browser loses its cookie.
    driver.delete_cookie("wijknet-sessie")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))

    assert driver.find_element(By.TAG_NAME, "h1").text == "Je sessie is verlopen"
    assert "Wat je had ingevuld, is niet weg" in driver.find_element(By.TAG_NAME, "main").text
    driver.save_screenshot("/tmp/wijknet-session-expired.png")
    driver.find_element(By.ID, "f-username").send_keys("coach.noordwest")
    driver.find_element(By.ID, "f-password").send_keys("wijknet-demo")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))

    assert driver.find_element(By.TAG_NAME, "h1").text == "Je bent weer ingelogd"
    driver.save_screenshot("/tmp/wijknet-session-resubmit.png")
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[text()='Opnieuw versturen']"))

    assert driver.current_url.split("#")[0] == case_url
    assert driver.find_element(By.CSS_SELECTOR, ".flash").text == "De wijzigingen zijn opgeslagen."
    assert driver.find_element(By.CSS_SELECTOR, "p.summary").text == text


def test_the_session_warning_comes_before_the_end_and_keeps_the_session(driver, base_url):
    # Time runs 120 times faster for the page's timers: the 30-minute session warns after 14 s.
    driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        const slow = window.setTimeout.bind(window);
        window.setTimeout = (f, ms, ...rest) => slow(f, ms / 120, ...rest);
    """})
    sign_in(driver, base_url, "coach.noordwest")
    warning = driver.find_element(By.CSS_SELECTOR, ".session-warning")
    assert warning.get_attribute("data-minutes") == "30"
    assert not warning.is_displayed(), "hidden until two minutes before the end"
    WebDriverWait(driver, 30).until(lambda _: warning.is_displayed())
    assert "verloopt over 2 minuten" in warning.text
    driver.save_screenshot("/tmp/wijknet-session-warning.png")
    warning.find_element(By.XPATH, ".//button[text()='Ingelogd blijven']").click()
    WebDriverWait(driver, 5).until(lambda _: not warning.is_displayed())
    driver.get(base_url + "/verzoeken")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Verzoeken", "still signed in"
