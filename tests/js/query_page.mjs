// Open policykg's query page (YASGUI) in headless Chromium, pick a named query, run it with
// Ctrl+Enter, and print what the page shows as JSON: the examples offered, the status line,
// the results table, and any request that left the server (the page must work offline).
import { chromium } from "playwright-core";

const [url, example] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  const origin = new URL(url).origin;
  const external = [];
  await page.route("**/*", (route) => {
    const target = route.request().url();
    if (target.startsWith(origin) || target.startsWith("data:")) return route.continue();
    external.push(target);
    return route.abort();
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  await page.goto(url);
  await page.waitForSelector(`#examples option[value="${example}"]`, { state: "attached" });
  await page.waitForSelector(".yasqe .CodeMirror");
  const examples = await page.$$eval("#examples option", (os) => os.map((o) => o.value).filter(Boolean));
  await page.selectOption("#examples", example);
  await page.click(".yasqe .CodeMirror");
  await page.keyboard.press("Control+Enter");
  await page.waitForFunction(() => /rows in|answered in|error|\d{3}:/.test(document.getElementById("status").textContent));
  await page.waitForSelector(".yasr table tbody tr");
  const status = await page.textContent("#status");
  const header = await page.$$eval(".yasr table thead th", (ths) => ths.map((t) => t.textContent.trim()));
  const rows = await page.$$eval(".yasr table tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent.trim())));
  const editor = await page.evaluate(() => document.querySelector(".yasqe .CodeMirror").CodeMirror.getValue());
  console.log(JSON.stringify({ examples, status, header, rows, external, errors, editor: editor.slice(0, 200) }));
} finally {
  await browser.close();
}
