"""Shared set-up for the browser tests: one headless Chromium per test, the server from scripts/test."""
import os

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service


@pytest.fixture
def base_url():
    return os.environ.get("WIJKNET_URL", "http://127.0.0.1:8080")


@pytest.fixture
def driver():
    options = webdriver.ChromeOptions()
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,2000", "--lang=nl-NL"):
        options.add_argument(arg)
    browser = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    browser.implicitly_wait(5)
    yield browser
    browser.quit()
