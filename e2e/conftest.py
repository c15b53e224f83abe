"""Shared set-up for the browser tests: one headless Chromium per test, the server from scripts/test."""
import datetime
import os
import sqlite3

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


@pytest.fixture
def hold_meeting():
    """Lets time pass until the meeting a request is on: a decision may only be recorded once the
    meeting has been held, and the next meeting is usually days away. Sets that meeting's date to
    today in the server's database (SQLite in write-ahead mode, so the running server sees it)."""
    path = os.environ.get("WIJKNET_E2E_DB")
    if not path:
        pytest.skip("WIJKNET_E2E_DB (the server's SQLite file) is not set; scripts/test sets it")

    def hold(request_id):
        with sqlite3.connect(path) as db:
            changed = db.execute(
                "UPDATE meetings SET date = ? WHERE id = (SELECT meeting_id FROM agenda_items WHERE request_id = ?)",
                (datetime.date.today().isoformat(), request_id),
            ).rowcount
        assert changed == 1, f"no meeting for request {request_id}"

    return hold
