/*
 * Runs the browser's search text code (search-text.js) on the shared test vectors
 * and prints what it computes as JSON; tests/unit/test_search_js.py compares that
 * with the expected values. Usage: node search_text_run.cjs RULES VECTORS
 */
"use strict"
const fs = require("fs")
const path = require("path")
const root = path.resolve(__dirname, "..", "..")
const text = require(path.join(root, "overrides/assets/javascripts/helpcenter/search-text.js"))
const rules = JSON.parse(fs.readFileSync(process.argv[2], "utf8"))
const vectors = JSON.parse(fs.readFileSync(process.argv[3], "utf8"))

const compiled = {}
function forLanguage(language) {
  if (!compiled[language]) {
    // What each language's search file carries (search_text.py Rules.for_browser): defaults, then the language's entry.
    const own = rules.languages[language] || {}
    const spec = Object.assign({}, rules.defaults, own)
    spec.stem = Object.assign({}, rules.defaults.stem, own.stem || {})
    compiled[language] = text.compile({ fold: Object.assign({}, rules.fold, own.fold || {}), marks: rules.marks, keep: rules.keep, each_character: rules.each_character, language: spec })
  }
  return compiled[language]
}

const out = {
  text: vectors.text.map(v => ({ words: forLanguage(v.language).words(v.text), terms: forLanguage(v.language).terms(v.text) })),
  query: vectors.query.map(v => ({ units: forLanguage(v.language).queryUnits(v.text, v.groups) }))
}
process.stdout.write(JSON.stringify(out))
