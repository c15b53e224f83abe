"""The council letter printed to PDF in Chromium: every page names the municipality and the letter
in a running header and carries 'Pagina N van M' (issue 13, point 8)."""
import base64
import io

from pypdf import PdfReader
from selenium.webdriver.common.print_page_options import PrintOptions

from test_case_flow import sign_in


def test_the_printed_council_letter_has_a_running_header_and_page_numbers(driver, base_url):
    sign_in(driver, base_url, "raad")
    driver.get(base_url + "/raadsbrief")
    options = PrintOptions()
    options.page_width, options.page_height = 21.0, 29.7
    pdf = PdfReader(io.BytesIO(base64.b64decode(driver.print_page(options))))
    pages = [page.extract_text() for page in pdf.pages]
    assert len(pages) >= 2, "the letter runs over more than one A4"
    for number, text in enumerate(pages, start=1):
        assert f"Pagina {number} van {len(pages)}" in text, text[-200:]
        assert "Gemeente " in text and "Voortgang wijknetwerken" in text, text[:200]
