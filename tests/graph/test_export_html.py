"""The HTML page in a real browser, as a person uses it: it opens offline with no console error,
shows every node of the view, finds a unit by its Chinese name, and shows a clicked task's text,
owners and source line.  Screenshots go to test-artifacts/ for a person to look at.

Chromium is Debian's (scripts/install-chromium.sh installs it); it is driven over the DevTools
protocol through a pipe (--remote-debugging-pipe), so no driver or Python browser package is needed.
"""
from __future__ import annotations

import base64
import json
import os
import select
import shutil
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest

from policykg import api
from policykg.graph import export
from policykg.graph.store import MemoryStore

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = (shutil.which(os.environ["POLICYKG_CHROMIUM"]) if os.environ.get("POLICYKG_CHROMIUM")
            else shutil.which("chromium") or shutil.which("chromium-browser"))

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="Chromium is not installed (run scripts/install-chromium.sh, or set POLICYKG_CHROMIUM)")

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--window-size=1600,1000", "--remote-debugging-pipe"]


class Browser:
    """Just enough of the DevTools protocol: one page, its console, JavaScript, clicks, screenshots."""

    def __init__(self) -> None:
        self.profile = tempfile.mkdtemp(prefix="policykg-chromium-")
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()

        def fds() -> None:  # Chromium reads commands on fd 3 and writes replies on fd 4
            a, b = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.proc = subprocess.Popen([CHROMIUM, *FLAGS, f"--user-data-dir={self.profile}", "about:blank"],
                                     preexec_fn=fds, pass_fds=(3, 4), stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._buf = b""
        self._next = 0
        self.events: list[dict[str, Any]] = []
        self.session = ""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Runtime", "Log", "Page", "Network"):
            self.call(f"{domain}.enable")

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self._buf:
            left = deadline - time.monotonic()
            if left <= 0 or not select.select([self._from_chrome], [], [], left)[0]:
                raise TimeoutError("Chromium did not answer in time")
            chunk = os.read(self._from_chrome, 1 << 20)
            if not chunk:
                raise RuntimeError("Chromium closed the DevTools pipe")
            self._buf += chunk
        raw, self._buf = self._buf.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method: str, params: dict[str, Any] | None = None, timeout: float = 60) -> dict[str, Any]:
        self._next += 1
        msg: dict[str, Any] = {"id": self._next, "method": method, "params": params or {}}
        if self.session and not method.startswith("Target."):
            msg["sessionId"] = self.session
        os.write(self._to_chrome, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            reply = self._read(deadline)
            if reply.get("id") == self._next:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def js(self, expression: str) -> Any:
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise AssertionError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def wait_for(self, expression: str, timeout: float = 90) -> Any:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            value = self.js(expression)
            if value:
                return value
            time.sleep(0.2)
        raise AssertionError(f"timed out waiting for {expression}")

    def open(self, path: Path) -> None:
        self.call("Page.navigate", {"url": path.resolve().as_uri()})
        self.wait_for("document.readyState === 'complete'")

    def click(self, x: float, y: float) -> None:
        for kind in ("mousePressed", "mouseReleased"):
            self.call("Input.dispatchMouseEvent", {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1})

    def click_element(self, selector: str) -> None:
        box = self.js(f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                      f" return [r.x + r.width / 2, r.y + r.height / 2]; }})()")
        self.click(*box)

    def type(self, selector: str, text: str) -> None:
        self.click_element(selector)
        self.call("Input.insertText", {"text": text})

    def screenshot(self, path: Path, selector: str | None = None) -> None:
        """The page, or only the element `selector` picks."""
        params: dict[str, Any] = {"format": "png"}
        if selector:
            x, y, w, h = self.js(f"(() => {{ const r = document.querySelector({json.dumps(selector)})"
                                 f".getBoundingClientRect(); return [r.x, r.y, r.width, r.height]; }})()")
            params["clip"] = {"x": x, "y": y, "width": w, "height": h, "scale": 1}
        data = self.call("Page.captureScreenshot", params)["data"]
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(base64.b64decode(data))

    def problems(self) -> list[str]:
        """Console errors, uncaught exceptions, error log entries, and any request that left the file."""
        out = []
        for e in self.events:
            m, p = e.get("method"), e.get("params", {})
            if m == "Runtime.consoleAPICalled" and p.get("type") in ("error", "assert"):
                out.append("console: " + " ".join(str(a.get("value", a.get("description"))) for a in p["args"]))
            elif m == "Runtime.exceptionThrown":
                out.append("exception: " + json.dumps(p["exceptionDetails"], ensure_ascii=False)[:300])
            elif m == "Log.entryAdded" and p["entry"]["level"] == "error":
                out.append("log: " + p["entry"]["text"])
            elif m == "Network.requestWillBeSent" and not p["request"]["url"].startswith(("file:", "data:", "about:")):
                out.append("network: " + p["request"]["url"])
        return out

    def close(self) -> None:
        try:
            self.call("Browser.close", timeout=10)
        except Exception:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self._to_chrome)
        os.close(self._from_chrome)
        shutil.rmtree(self.profile, ignore_errors=True)


@pytest.fixture(scope="module")
def browser():
    b = Browser()
    yield b
    b.close()


@pytest.fixture(scope="module")
def corpus_store(corpus_paths):
    return MemoryStore(api.build(corpus_paths).dataset)


def _node_center(browser: Browser, node_id: str) -> tuple[float, float]:
    """Where a node is drawn on the screen (vis-network canvas -> page coordinates)."""
    return tuple(browser.js(
        "(() => { const v = window.policykgView, id = " + json.dumps(node_id) + ";"
        " const p = v.network.canvasToDOM(v.network.getPositions([id])[id]);"
        " const r = document.getElementById('network').getBoundingClientRect();"
        " return [r.x + p.x, r.y + p.y]; })()"))


def _choose(browser: Browser, select_id: str, value: str) -> None:
    """Pick an option of a filter as a user does (the page listens for `change`)."""
    browser.js(f"(() => {{ const s = document.getElementById({json.dumps(select_id)}); s.value = {json.dumps(value)};"
               f" s.dispatchEvent(new Event('change')); }})()")


def test_responsibility_page_in_a_browser(browser, corpus_store, tmp_path):
    columns, tasks = api.query("tasks", corpus_store)
    _, units = api.query("units", corpus_store)
    # one node per task plus one per unit (units are per region; the units query lists them per plan)
    expected = len(tasks) + len({(u[1], u[2]) for u in units})
    assert expected == 207 + 97
    page = tmp_path / "responsibility.html"
    export.write(export.view(corpus_store, "responsibility"), page, "html")
    browser.open(page)
    browser.wait_for("document.body.dataset.ready === 'true'")
    assert browser.js("window.policykgView.visibleNodeCount()") == expected
    assert browser.js("document.getElementById('count').textContent").startswith(f"显示 {expected} / {expected} ")

    # the search finds a unit by its Chinese name: 乌达区 and 薛城区 each have a 区民政局
    browser.type("#search", "区民政局")
    hits = browser.wait_for("[...document.querySelectorAll('#results li')].map(li => li.textContent)")
    assert [h for h in hits if h.startswith("区民政局")] == ["区民政局单位 unit · 乌达区", "区民政局单位 unit · 薛城区"]
    browser.click_element("#results li")
    assert browser.js("document.querySelector('#panel h2').textContent") == "区民政局"
    selected = browser.js("window.policykgView.network.getSelectedNodes()")
    assert len(selected) == 1 and browser.js(f"window.policykgView.data.nodes.find(n => n.id === {json.dumps(selected[0])}).label") == "区民政局"

    # filtering by plan keeps that plan's tasks and units: 薛城区 has 32 tasks and 31 units
    xuecheng = next(r[1] for r in tasks if r[0].startswith("002_"))
    _choose(browser, "filter-plan", xuecheng)
    assert browser.js("window.policykgView.visibleNodeCount()") == 32 + 31

    # clicking a task shows its full text, owners and source line.  002 line 85 (read in the document):
    # "1. 巩固拓展脱贫攻坚成果同乡村振兴有效衔接。…（牵头单位：区乡村振兴局；责任单位：区残联、区民政局）"
    task = browser.js("window.policykgView.data.nodes.find(n => n.kind === 'task' && n.doc.startsWith('002_')"
                      " && n.line === 85).id")
    browser.js(f"window.policykgView.network.focus({json.dumps(task)}, {{scale: 1.5, animation: false}})")
    browser.click(*_node_center(browser, task))
    panel = browser.js("document.getElementById('panel').innerText")
    assert "巩固拓展脱贫攻坚成果同乡村振兴有效衔接" in panel
    assert "区乡村振兴局" in panel and "区残疾人联合会、区民政局" in panel
    assert "第 85 行" in panel and "全文 Full text" in panel
    ARTIFACTS.mkdir(exist_ok=True)
    browser.screenshot(ARTIFACTS / "responsibility-002-task.png")
    assert browser.problems() == []


def test_collaboration_page_in_a_browser(browser, corpus_store, tmp_path):
    g = export.view(corpus_store, "collaboration", plan="002")
    page = tmp_path / "collaboration-002.html"
    export.write(g, page)
    browser.events.clear()
    browser.open(page)
    browser.wait_for("document.body.dataset.ready === 'true'")
    assert browser.js("window.policykgView.visibleNodeCount()") == 31
    assert browser.js("window.policykgView.edges.length") == g.number_of_edges()
    # the department-type filter leaves one unit: 薛城区 has one civil-affairs body
    _choose(browser, "filter-type", "civil-affairs")
    assert browser.js("window.policykgView.visibleNodeCount()") == 1
    _choose(browser, "filter-type", "")
    browser.type("#search", "区残疾人联合会")
    browser.wait_for("document.querySelectorAll('#results li').length > 0")
    browser.click_element("#results li")
    assert browser.js("document.querySelector('#panel h2').textContent") == "区残疾人联合会"
    browser.js("window.policykgView.network.fit({animation: false})")
    ARTIFACTS.mkdir(exist_ok=True)
    browser.screenshot(ARTIFACTS / "collaboration-002.png")
    # the network alone, the size the README shows it (docs/collaboration.png is this picture)
    browser.js("(() => { const n = window.policykgView.network; n.unselectAll();"
               " n.moveTo({scale: n.getScale() * 1.25, animation: false}); })()")
    browser.screenshot(ARTIFACTS / "collaboration-002-network.png", "#network")
    assert browser.problems() == []
