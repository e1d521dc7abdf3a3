// Open policykg's query page in headless Chromium, pick a named query, run it, and print
// what the page shows as JSON: the examples offered, the status line and the table.
import { chromium } from "playwright-core";

const [url, example] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync"],
});
try {
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForSelector(`#examples option[value="${example}"]`, { state: "attached" });
  const examples = await page.$$eval("#examples option", (os) => os.map((o) => o.value).filter(Boolean));
  await page.selectOption("#examples", example);
  await page.click("#run");
  await page.waitForFunction(() => /rows in|answered in|^\d{3}:/.test(document.getElementById("status").textContent));
  const status = await page.textContent("#status");
  const header = await page.$$eval("#results th", (ths) => ths.map((t) => t.textContent));
  const rows = await page.$$eval("#results tbody tr", (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
  console.log(JSON.stringify({ examples, status, header, rows }));
} finally {
  await browser.close();
}
