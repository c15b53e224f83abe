"""A partner professional works in Wijknet (issue 15): accepts a request the coach routed directly
to their organisation, and reports the actual start of care, which the coach then reads in the case."""
import datetime

from selenium.webdriver.common.by import By

from test_case_flow import choose_option_containing, click_and_wait, register_request, set_value, sign_in, submit


def switch_user(driver, base_url, username):
    driver.delete_all_cookies()
    sign_in(driver, base_url, username)


def test_a_partner_accepts_a_direct_route_and_reports_the_start_of_care(driver, base_url):
    sign_in(driver, base_url, "coach.noordwest")
    case_url = register_request(driver, base_url, "Pim", "Partner", "123456782", "Hulp bij het huishouden na een operatie.")

    # The coach routes it directly to the partner's organisation.
    driver.find_element(By.CSS_SELECTOR, "label[for='f-route-direct']").click()
    organisation = choose_option_containing("f-partnerId", driver, "Zorg aan Huis Noordwest 1").split(" – ")[0]
    submit(driver, "route")
    assert "wacht op reactie van de partner" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text

    # The partner finds it in the inbox and accepts it.
    switch_user(driver, base_url, "partner.noordwest")
    driver.find_element(By.LINK_TEXT, "Postvak").click()
    row = driver.find_element(By.XPATH, "//tr[td[contains(., 'Pim Partner')]]")
    assert "Directe route: accepteren of afwijzen" in row.text
    click_and_wait(driver, row.find_element(By.TAG_NAME, "a"))
    driver.find_element(By.CSS_SELECTOR, "label[for='f-accepted-true']").click()
    submit(driver, "reactie")
    assert driver.find_element(By.CSS_SELECTOR, ".flash").text == "Jullie hebben het verzoek geaccepteerd."
    assert "geaccepteerd op" in driver.find_element(By.CSS_SELECTOR, "dl.facts").text

    # The coach records the decision and the assignment with that provider.
    switch_user(driver, base_url, "coach.noordwest")
    driver.get(case_url)
    driver.find_element(By.ID, "f-care").click()
    choose_option_containing("f-careProvider", driver, organisation)
    submit(driver, "besluit")
    choose_option_containing("f-productId", driver, "Basisbegeleiding")
    driver.find_element(By.ID, "f-hoursPerWeek").send_keys("3")
    submit(driver, "toewijzing")

    # The partner reports the actual start; a day in the future is refused first.
    switch_user(driver, base_url, "partner.noordwest")
    driver.get(base_url + "/postvak")
    row = driver.find_element(By.XPATH, "//tr[td[contains(., 'Pim Partner')]]")
    assert "Start van de zorg melden" in row.text
    click_and_wait(driver, row.find_element(By.TAG_NAME, "a"))
    today = datetime.date.today()
    set_value(driver, "f-careStartedOn", (today + datetime.timedelta(days=3)).isoformat())
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "#zorg button[type=submit]"))
    assert "in de toekomst" in driver.find_element(By.ID, "f-careStartedOn-error").text
    set_value(driver, "f-careStartedOn", today.isoformat())
    submit(driver, "zorg")
    assert driver.find_element(By.CSS_SELECTOR, ".flash").text == "De melding over de zorg is opgeslagen."

    # The coach reads it in the case; the definitions page says K8 uses it.
    switch_user(driver, base_url, "coach.noordwest")
    driver.get(case_url)
    assert "Start van de zorg gemeld" in driver.find_element(By.CSS_SELECTOR, "ol.timeline").text
    assignments = driver.find_element(By.XPATH, "//h2[text()='Toewijzingen']/following-sibling::table[1]").text
    assert "vanaf " + today.strftime("%d-%m-%Y") in assignments
    driver.get(base_url + "/cijfers/definities")
    assert "werkelijke start die de aanbieder meldde" in driver.find_element(By.TAG_NAME, "main").text
