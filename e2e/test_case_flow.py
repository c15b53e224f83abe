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


def work_counts(driver):
    """The coach's home: each line of 'Wat op je wacht' with its count."""
    return {li.find_element(By.TAG_NAME, "a").text: int(li.find_element(By.CSS_SELECTOR, ".count").text.replace(".", ""))
            for li in driver.find_elements(By.CSS_SELECTOR, ".work-list li")}


def test_coach_walks_a_request_from_intake_to_assignment(driver, base_url, hold_meeting):
    sign_in(driver, base_url, "coach.noordwest")
    decided_before = work_counts(driver)["Besloten, nog zonder toewijzing of toeleiding"]

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

    # The meeting's decision: indicated care at a partner of this network (listed first).
    driver.find_element(By.ID, "f-care").click()
    partner = driver.find_element(By.CSS_SELECTOR, "#f-careProvider optgroup[label='Netwerkpartners van dit wijknetwerk'] option")
    provider = partner.get_attribute("value")
    Select(driver.find_element(By.ID, "f-careProvider")).select_by_value(provider)
    submit(driver, "besluit")
    assert "Besloten" in driver.find_element(By.CSS_SELECTOR, ".status").text
    assert driver.find_element(By.CSS_SELECTOR, ".flash").text == "Het besluit is vastgelegd."

    # The work list has it: decided, waiting for its assignment.
    driver.get(base_url + "/")
    assert work_counts(driver)["Besloten, nog zonder toewijzing of toeleiding"] == decided_before + 1
    driver.get(case_url)

    # The assignment: provider and law come from the decision; the coach adds product and Dutch hours.
    assert Select(driver.find_element(By.ID, "f-providerId")).first_selected_option.get_attribute("value") == provider
    assert Select(driver.find_element(By.ID, "f-law")).first_selected_option.get_attribute("value") == "wmo"
    choose_option_containing("f-productId", driver, "Basisbegeleiding")
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


def register_request(driver, base_url, given_name, family_name, bsn, summary, domain="housing", urgency=None, consent=False):
    """A coach registers a resident and a Wmo request; the browser is left on the case page."""
    driver.get(base_url + "/inwoners/nieuw")
    for field, value in {"givenName": given_name, "familyName": family_name, "bsn": bsn, "street": "Markt",
                         "houseNumber": "2", "postcode": "6811 AB", "city": "Arnhem"}.items():
        driver.find_element(By.ID, f"f-{field}").send_keys(value)
    set_value(driver, "f-birthDate", "1975-03-02")
    Select(driver.find_element(By.ID, "f-districtId")).select_by_index(1)
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    driver.find_element(By.ID, "f-summary").send_keys(summary)
    Select(driver.find_element(By.ID, "f-law")).select_by_value("wmo")
    if urgency:
        Select(driver.find_element(By.ID, "f-urgency")).select_by_value(urgency)
    driver.find_element(By.CSS_SELECTOR, f"input[name='lifeDomains[]'][value='{domain}']").click()
    if consent:
        driver.find_element(By.CSS_SELECTOR, "label[for='f-consentForMeeting']").click()
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    return driver.current_url.split("#")[0]


def register_and_route(driver, base_url, given_name, bsn, summary):
    """A coach registers a resident and a request and sends it to the network meeting."""
    register_request(driver, base_url, given_name, "Agenda", bsn, summary, urgency="high", consent=True)
    driver.find_element(By.CSS_SELECTOR, "label[for='f-route-meeting']").click()
    submit(driver, "route")
    return driver.current_url.split("#")[0]


def test_chair_goes_through_the_agenda_item_by_item(driver, base_url, hold_meeting):
    sign_in(driver, base_url, "coach.noordwest")
    first = register_and_route(driver, base_url, "Eerste", "312000005", "Dreigende huisuitzetting, wil hulp bij betalingsregeling.")
    register_and_route(driver, base_url, "Tweede", "312000017", "Mantelzorger overbelast, vraagt om respijtzorg.")
    hold_meeting(first.rstrip("/").split("/")[-1])
    driver.delete_all_cookies()

    sign_in(driver, base_url, "voorzitter.noordwest")
    driver.get(base_url + "/overleggen")
    meeting = driver.find_element(By.XPATH, "//strong[text()='Volgend overleg']/preceding-sibling::a")
    meeting.click()
    agenda = driver.find_element(By.CSS_SELECTOR, "main table").text
    assert "Dreigende huisuitzetting" in agenda and "Mantelzorger overbelast" in agenda, "the agenda says what each item is about"
    assert driver.find_elements(By.CSS_SELECTOR, "main table .badge.urgent"), "high urgency stands out"

    driver.get(first)
    driver.find_element(By.ID, "f-ownNetwork").click()
    submit(driver, "besluit")
    assert driver.find_element(By.CSS_SELECTOR, ".flash").text == "Het besluit is vastgelegd."
    click_and_wait(driver, driver.find_element(By.LINK_TEXT, "Volgend agendapunt van dit overleg"))
    assert driver.find_element(By.TAG_NAME, "h1").text != "Verzoek van Eerste Agenda"
    assert driver.find_element(By.ID, "besluit"), "the next item opens at its decision"
