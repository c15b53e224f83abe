"""A coach walks one request from intake through the network meeting to an assignment."""
from selenium.webdriver.common.by import By
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.support.ui import Select, WebDriverWait


def click_and_wait(driver, button):
    """Submits a form and waits until the next page has replaced this one."""
    button.click()

    def replaced(_):
        # While the page is swapped, Chrome may answer "stale element" or "node does not belong
        # to the document": both mean the old page is gone.
        try:
            button.is_enabled()
            return False
        except WebDriverException:
            return True

    WebDriverWait(driver, 10).until(replaced)


def sign_in(driver, base_url, username):
    driver.get(base_url + "/inloggen")
    driver.find_element(By.ID, "f-username").send_keys(username)
    driver.find_element(By.ID, "f-password").send_keys("wijknet-demo")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Welkom" in driver.find_element(By.TAG_NAME, "h1").text


def set_value(driver, element_id, value):
    """Date fields are locale-dependent to type into; set them as the form would submit them."""
    driver.execute_script("arguments[0].value = arguments[1]", driver.find_element(By.ID, element_id), value)


def choose_option_containing(select_id, driver, text):
    select = Select(driver.find_element(By.ID, select_id))
    for option in select.options:
        if text in option.text:
            select.select_by_visible_text(option.text)
            return option.text
    raise AssertionError(f"no option with {text!r} in {select_id}")


def submit(driver, section_id):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"#{section_id} button[type=submit]"))
    summaries = driver.find_elements(By.CSS_SELECTOR, ".error-summary")
    assert not summaries, summaries[0].text


def test_coach_walks_a_request_from_intake_to_assignment(driver, base_url, hold_meeting):
    sign_in(driver, base_url, "coach.noordwest")

    # A resident, with one wrong BSN first: the form says why, in Dutch, next to the field.
    driver.get(base_url + "/inwoners/nieuw")
    for field, value in {"givenName": "Test", "familyName": "Browser", "bsn": "123456789", "street": "Markt",
                         "houseNumber": "1", "postcode": "6811 AB", "city": "Arnhem"}.items():
        driver.find_element(By.ID, f"f-{field}").send_keys(value)
    set_value(driver, "f-birthDate", "1980-05-01")
    Select(driver.find_element(By.ID, "f-districtId")).select_by_index(1)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "elfproef" in driver.find_element(By.ID, "f-bsn-error").text
    bsn = driver.find_element(By.ID, "f-bsn")
    bsn.clear()
    bsn.send_keys("111222333")
    set_value(driver, "f-birthDate", "1980-05-01")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))

    # The request after the keukentafelgesprek.
    assert "Nieuw verzoek voor Test Browser" in driver.find_element(By.TAG_NAME, "h1").text
    driver.find_element(By.ID, "f-summary").send_keys("Vastgelopen administratie en weinig contacten.")
    Select(driver.find_element(By.ID, "f-law")).select_by_value("wmo")
    driver.find_element(By.CSS_SELECTOR, "input[name='lifeDomains[]'][value='finances']").click()
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Verzoek van Test Browser" in driver.find_element(By.TAG_NAME, "h1").text

    # Route: to the network meeting.
    driver.find_element(By.CSS_SELECTOR, "label[for='f-route-meeting']").click()
    submit(driver, "route")
    assert "Op agenda overleg" in driver.find_element(By.CSS_SELECTOR, ".status").text

    # The meeting is held: from then on its decision can be recorded.
    case_url = driver.current_url.split("#")[0]
    hold_meeting(case_url.rstrip("/").split("/")[-1])
    driver.get(case_url)

    # The meeting's decision: indicated care at a network partner.
    driver.find_element(By.ID, "f-care").click()
    provider = choose_option_containing("f-careProvider", driver, "(netwerkpartner)")
    submit(driver, "besluit")
    assert "Besloten" in driver.find_element(By.CSS_SELECTOR, ".status").text

    # The assignment, with Dutch hours.
    Select(driver.find_element(By.ID, "f-law")).select_by_value("wmo")
    choose_option_containing("f-productId", driver, "Basisbegeleiding")
    choose_option_containing("f-providerId", driver, provider.split(" – ")[0])
    driver.find_element(By.ID, "f-hoursPerWeek").send_keys("2,5")
    submit(driver, "toewijzing")

    # The case page tells the story.
    assert "In uitvoering" in driver.find_element(By.CSS_SELECTOR, ".status").text
    timeline = driver.find_element(By.CSS_SELECTOR, "ol.timeline").text
    for step in ("Verzoek geregistreerd", "Op de agenda van het wijknetwerkoverleg", "Besluit vastgelegd", "Toewijzing vastgelegd"):
        assert step in timeline
    assignments = driver.find_element(By.XPATH, "//h2[text()='Toewijzingen']/following-sibling::table[1]").text
    assert "Binnen netwerk" in assignments and "2,5" in assignments
    driver.save_screenshot("/tmp/wijknet-case.png")
