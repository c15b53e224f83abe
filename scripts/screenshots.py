#!/usr/bin/env python3
"""Screenshots of the working day's pages, for a change's before/after (issue 13).

    scripts/screenshots.py http://127.0.0.1:8080 PREFIX OUTDIR

Runs against a `wijknet serve --demo` and saves PREFIX-NAME.png: the coach's home, a case page
after a failed step, the agenda, the audit log, the sign-in after a session ended, and the case
page and figures on a 390 px phone. Needs selenium and Debian's chromium-driver (scripts/test
installs both into .venv-e2e)."""
import re
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.expected_conditions import staleness_of
from selenium.webdriver.support.ui import WebDriverWait

base, prefix, out = sys.argv[1], sys.argv[2], sys.argv[3]


def browser(width, height):
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", f"--window-size={width},{height}", "--lang=nl-NL"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # The command-line size stops at 500 px wide; the window can be made narrower afterwards.
    driver.set_window_size(width, height)
    driver.implicitly_wait(3)
    return driver


def sign_in(driver, username):
    driver.delete_all_cookies()
    driver.get(base + "/inloggen")
    driver.find_element(By.ID, "f-username").send_keys(username)
    driver.find_element(By.ID, "f-password").send_keys("wijknet-demo")
    driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: "Welkom" in d.find_element(By.TAG_NAME, "h1").text)


def first_case(driver, query):
    driver.get(base + "/verzoeken" + query)
    links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "main table a")]
    return next(h for h in links if re.search(r"/verzoeken/[0-9A-Fa-f-]{36}$", h))


def shot(driver, name):
    driver.save_screenshot(f"{out}/{prefix}-{name}.png")


desktop = browser(1366, 900)
sign_in(desktop, "coach.noordwest")
shot(desktop, "coach-home")
case = first_case(desktop, "?status=decided")
desktop.get(case)
# A failed step: the assignment sent without product or hours.
form = desktop.find_element(By.CSS_SELECTOR, "#toewijzing form")
desktop.execute_script("arguments[0].noValidate = true; arguments[0].submit()", form)
shot(desktop, "case-failed-step")
desktop.get(base + "/overleggen")
desktop.find_element(By.CSS_SELECTOR, "main table a").click()
shot(desktop, "agenda")
# The session ends while the coach types.
desktop.get(case)
desktop.find_element(By.PARTIAL_LINK_TEXT, "wijzigen").click()
desktop.find_element(By.ID, "f-summary").send_keys(" Aangevuld na telefoontje.")
desktop.delete_all_cookies()
button = desktop.find_element(By.CSS_SELECTOR, "main form button[type=submit]")
button.click()
WebDriverWait(desktop, 10).until(staleness_of(button))
shot(desktop, "session-ended")
sign_in(desktop, "auditor")
desktop.get(base + "/audit")
shot(desktop, "audit-log")
desktop.quit()

phone = browser(390, 844)
sign_in(phone, "coach.noordwest")
phone.get(case)
shot(phone, "phone-case")
phone.get(base + "/cijfers")
shot(phone, "phone-figures")
phone.quit()
