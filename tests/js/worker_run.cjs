/*
 * Runs the real search worker (search-worker.js) in node, as a browser would:
 * its own global scope, importScripts, fetch of its search file, and Material's
 * messages (SETUP, then one QUERY per query). Prints the RESULT messages as JSON.
 * Usage: node worker_run.cjs SEARCH_FILE QUERIES_JSON
 */
"use strict"
const fs = require("fs")
const path = require("path")
const vm = require("vm")
const root = path.resolve(__dirname, "..", "..")
const workerDir = path.join(root, "overrides/assets/javascripts/helpcenter")
const searchFile = path.resolve(process.argv[2])
const queries = JSON.parse(fs.readFileSync(process.argv[3], "utf8"))

const listeners = []
const posted = []
const fetched = []
const scope = {
  console,
  URL,
  Map,
  Set,
  location: { href: "http://127.0.0.1/assets/javascripts/helpcenter/search-worker.js#file", hash: "#file" },
  addEventListener: (type, fn) => { if (type === "message") listeners.push(fn) },
  postMessage: message => posted.push(JSON.parse(JSON.stringify(message))),
  // The manifest is the URL's #file; the other pieces are beside it, as on the site.
  fetch: async url => {
    fetched.push(String(url))
    const rest = String(url).replace("http://127.0.0.1/assets/javascripts/helpcenter/", "")
    const file = rest === "file" ? searchFile : path.join(path.dirname(searchFile), rest)
    if (!fs.existsSync(file)) return { ok: false, status: 404, url: String(url), json: async () => null }
    return { ok: true, status: 200, json: async () => JSON.parse(fs.readFileSync(file, "utf8")) }
  },
  importScripts: (...files) => {
    for (const file of files) {
      const full = path.resolve(workerDir, file)
      vm.runInContext(fs.readFileSync(full, "utf8"), scope, { filename: full })
    }
  }
}
scope.self = scope
vm.createContext(scope)
vm.runInContext(fs.readFileSync(path.join(workerDir, "search-worker.js"), "utf8"), scope, { filename: "search-worker.js" })

async function send(message) {
  const before = posted.length
  listeners.forEach(fn => fn({ data: message }))
  while (posted.length === before) await new Promise(resolve => setTimeout(resolve, 1))
  return posted[posted.length - 1]
}

;(async () => {
  const ready = await send({ type: 0, data: { config: {}, docs: [], options: {} } })
  const results = []
  const requests = []
  for (const query of queries) {
    const before = fetched.length
    results.push(await send({ type: 2, data: query }))
    requests.push(fetched.slice(before).map(url => url.replace("http://127.0.0.1/assets/javascripts/helpcenter/", "")))
  }
  process.stdout.write(JSON.stringify({ ready, results, requests }))
})().catch(error => { console.error(error); process.exit(1) })
