"""A user links an authenticator app by scanning the QR code and signs in with a code from it
(issue 15). The QR code on the page is read back with zbar, as a phone would read it, and the
codes are computed here after RFC 6238, independently of Wijknet's own implementation."""
import base64
import hashlib
import hmac
import shutil
import struct
import subprocess
import time
import urllib.parse

import pytest
from selenium.webdriver.common.by import By

from test_case_flow import click_and_wait, sign_in


def totp(secret, step):
    mac = hmac.new(secret, struct.pack(">Q", step), hashlib.sha1).digest()
    offset = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def test_a_user_scans_the_qr_code_and_signs_in_with_a_code(driver, base_url, tmp_path):
    if not shutil.which("zbarimg"):
        pytest.skip("zbarimg (Debian's zbar-tools) is not installed; scripts/test installs it")
    sign_in(driver, base_url, "coach.rkv")
    driver.find_element(By.LINK_TEXT, "Tweede factor").click()

    # The phone's view: the QR code as pixels, decoded.
    image = tmp_path / "qr.png"
    image.write_bytes(driver.find_element(By.CSS_SELECTOR, "div.qr svg").screenshot_as_png)
    scanned = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=True).stdout.strip()
    address = urllib.parse.urlparse(scanned)
    assert address.scheme == "otpauth" and address.netloc == "totp" and address.path == "/Wijknet:coach.rkv", scanned
    query = urllib.parse.parse_qs(address.query)
    assert query["issuer"] == ["Wijknet"] and query["digits"] == ["6"] and query["period"] == ["30"]
    typed = driver.find_element(By.CSS_SELECTOR, "code.secret").text.replace(" ", "")
    assert query["secret"] == [typed], "the key to type in is the one in the QR code"
    secret = base64.b32decode(typed + "=" * (-len(typed) % 8))

    step = int(time.time()) // 30
    driver.find_element(By.ID, "f-code").send_keys(totp(secret, step))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Tweede factor staat aan"
    assert len(driver.find_elements(By.CSS_SELECTOR, "ul.recovery-codes li")) == 10

    # Signing in now takes the password and then the app's code; the one used above is spent,
    # the next one (a phone clock a step ahead) works.
    driver.delete_all_cookies()
    driver.get(base_url + "/inloggen")
    driver.find_element(By.ID, "f-username").send_keys("coach.rkv")
    driver.find_element(By.ID, "f-password").send_keys("wijknet-demo")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert driver.find_element(By.TAG_NAME, "h1").text == "Code invullen"
    driver.find_element(By.ID, "f-code").send_keys(totp(secret, step + 1))
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "main form button[type=submit]"))
    assert "Welkom" in driver.find_element(By.TAG_NAME, "h1").text
