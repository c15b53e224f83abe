"""Issue 17: policy staff keep the programme register in the browser (a programme, an opgave, an
initiative and a milestone), see the opgave's status with the facts behind it, and every page of
the register passes axe (WCAG 2.1 A and AA), a form with errors included."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_accessibility import violations
from test_case_flow import click_and_wait, set_value, sign_in


def submit(driver, form_selector):
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, form_selector + " button[type=submit]"))


def test_policy_staff_keep_the_register(driver, base_url):
    sign_in(driver, base_url, "analist")
    driver.find_element(By.LINK_TEXT, "Programma").click()
    assert violations(driver) == [], "list"

    driver.find_element(By.CSS_SELECTOR, "#nieuw-programma summary").click()
    Select(driver.find_element(By.ID, "f-municipalityId")).select_by_index(1)
    driver.find_element(By.ID, "f-name").send_keys("Transformatie Sociaal Domein (e2e)")
    set_value(driver, "f-firstDay", "2026-01-01")
    set_value(driver, "f-lastDay", "2027-12-31")
    submit(driver, "#nieuw-programma form")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Transformatie Sociaal Domein (e2e)"

    driver.find_element(By.CSS_SELECTOR, "#nieuwe-opgave summary").click()
    driver.find_element(By.ID, "f-number").send_keys("6")
    driver.find_element(By.ID, "f-name").send_keys("Juiste interventie op het juiste moment")
    driver.find_element(By.ID, "f-goal").send_keys("Geïndiceerde zorg anders organiseren.")
    submit(driver, "#nieuwe-opgave form")
    assert "Opgave 6: Juiste interventie op het juiste moment" in driver.find_element(By.TAG_NAME, "main").text
    assert violations(driver) == [], "programme"

    driver.find_element(By.PARTIAL_LINK_TEXT, "Initiatief toevoegen").click()
    submit(driver, "main form")  # empty: the messages, and the page still passes axe
    assert "De naam van het initiatief is verplicht." in driver.find_element(By.TAG_NAME, "main").text
    assert violations(driver) == [], "initiative form with errors"
    driver.find_element(By.ID, "f-title").send_keys("Multiproblemaanpak")
    set_value(driver, "f-start", "2026-01-01")
    Select(driver.find_element(By.ID, "f-status")).select_by_value("running")
    submit(driver, "main form")

    driver.find_element(By.PARTIAL_LINK_TEXT, "Mijlpaal toevoegen").click()
    assert violations(driver) == [], "milestone form"
    driver.find_element(By.ID, "f-title").send_keys("Aanpak gemeentebreed")
    driver.find_element(By.ID, "f-planned").send_keys("2026Q1")
    driver.find_element(By.ID, "f-lateReason").send_keys("Wacht op de inkoop van Beschermd thuis")
    submit(driver, "main form")
    main = driver.find_element(By.TAG_NAME, "main").text
    assert "Mijlpaal ‘Aanpak gemeentebreed’ is te laat" in main
    assert "Status: Achter op schema" in main or "Status: Aandacht nodig" in main

    driver.find_element(By.PARTIAL_LINK_TEXT, "Wijzigen").click()
    assert violations(driver) == [], "milestone change"
