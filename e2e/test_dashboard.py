"""The dashboard in the browser: change a filter, then read a figure and the table beside its chart."""
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from test_case_flow import click_and_wait, sign_in


def figure_rows(driver):
    """Each figure's line by its Dutch title (K4 has one line per law)."""
    return {row.find_elements(By.TAG_NAME, "td")[0].text: row for row in driver.find_elements(By.CSS_SELECTOR, "table.figures tbody tr")}


K4_WMO, K4_JEUGD = "Lopende toewijzingen bij netwerkpartners: Wmo", "Lopende toewijzingen bij netwerkpartners: Jeugd"


def test_a_filter_changes_the_figures_and_each_figure_matches_its_chart_table(driver, base_url):
    sign_in(driver, base_url, "analist")
    driver.get(base_url + "/cijfers")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Cijfers wijknetwerken"
    rows = figure_rows(driver)
    assert K4_JEUGD in rows, "both laws by default"
    assert "K4.jeugd" not in driver.find_element(By.TAG_NAME, "main").text, "no internal codes for people"

    Select(driver.find_element(By.ID, "f-law")).select_by_value("wmo")
    click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, "form.filters button[type=submit]"))

    assert "law=wmo" in driver.current_url
    assert driver.find_element(By.ID, "kerncijfers").text.endswith("Wmo")
    rows = figure_rows(driver)
    assert K4_WMO in rows and K4_JEUGD not in rows
    assert rows[K4_WMO].find_element(By.TAG_NAME, "th").text == "K4"
    value = rows[K4_WMO].find_elements(By.TAG_NAME, "td")[1].text
    assert value == "afgeschermd" or value.endswith("%")

    # The chart's table: one series now, and its last quarter is the period shown above.
    figure = driver.find_element(By.ID, "grafiek-K4")
    figure.find_element(By.TAG_NAME, "summary").click()
    series = figure.find_elements(By.CSS_SELECTOR, "details tbody tr")
    assert [s.find_element(By.TAG_NAME, "th").text for s in series] == ["Wmo"]
    assert series[0].find_elements(By.TAG_NAME, "td")[-1].text == value
    assert figure.find_element(By.CSS_SELECTOR, "svg[role=img] title").get_attribute("textContent").startswith("K4 ")
