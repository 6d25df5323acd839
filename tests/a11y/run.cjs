// pa11y (HTML_CodeSniffer, WCAG 2 AA) over the URLs given, in one Chromium (Debian's, no download).
// Usage: node run.cjs <light|dark> <url>...; prints {url: [issue, ...]} as JSON (errors only).
"use strict"
const pa11y = require("pa11y")
const puppeteer = require("puppeteer")

async function main() {
  const [scheme, ...urls] = process.argv.slice(2)
  const browser = await puppeteer.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
           "--disable-component-update", "--disable-sync"],
  })
  const results = {}
  try {
    for (const url of urls) {
      const page = await browser.newPage()
      await page.emulateMediaFeatures([{ name: "prefers-color-scheme", value: scheme }])
      const result = await pa11y(url, { browser, page, runners: ["htmlcs"], standard: "WCAG2AA", timeout: 60000 })
      results[url] = result.issues.filter(issue => issue.type === "error")
        .map(issue => ({ code: issue.code, selector: issue.selector, message: issue.message, context: issue.context }))
      await page.close()
    }
  } finally {
    await browser.close()
  }
  process.stdout.write(JSON.stringify(results))
}

main().catch(error => { console.error(error); process.exit(1) })
