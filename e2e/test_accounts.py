"""An administrator adds a coach; the coach chooses a password through the one-time link and signs in
(issue 15)."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_case_flow import click_and_wait, sign_in


def test_an_administrator_adds_a_coach_who_chooses_a_password(driver, base_url):
    sign_in(driver, base_url, "beheer")
    driver.find_element(By.LINK_TEXT, "Accounts").click()
    for field, value in {"username": "e2e.coach", "displayName": "E2E Coach", "email": "e2e.coach@arnhem.example"}.items():
        driver.find_element(By.ID, f"f-{field}").send_keys(value)
    Select(driver.find_element(By.ID, "f-role")).select_by_value("coach")
    Select(driver.find_element(By.ID, "f-areaId")).select_by_index(1)
    click_and_wait(driver, driver.find_element(By.XPATH, "//button[text()='Account aanmaken']"))
    assert driver.find_elements(By.CSS_SELECTOR, ".flash") and driver.find_element(By.CSS_SELECTOR, ".flash").text == "Het account e2e.coach is aangemaakt.", driver.find_element(By.TAG_NAME, "main").text[:600]
    link = next(c.text for c in driver.find_elements(By.CSS_SELECTOR, "main code") if "/wachtwoord/" in c.text)

    driver.delete_all_cookies()
    driver.get(base_url + link[link.index("/wachtwoord/"):])
    driver.find_element(By.ID, "f-password").send_keys("een fiets met drie wielen")
    driver.find_element(By.ID, "f-repeat").send_keys("een fiets met drie wielen")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert driver.find_element(By.CSS_SELECTOR, ".flash").text == "Je wachtwoord is ingesteld. Log nu in."

    driver.find_element(By.ID, "f-username").send_keys("e2e.coach")
    driver.find_element(By.ID, "f-password").send_keys("een fiets met drie wielen")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Welkom, E2E Coach"
