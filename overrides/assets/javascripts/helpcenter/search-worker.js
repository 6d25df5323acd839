/*
 * Help center search worker. Material's search box, result list, keyboard
 * navigation and share link stay as they are: the page talks to this worker
 * with the messages it sends to Material's own worker (SETUP 0, READY 1,
 * QUERY 2, RESULT 3), and gets results in the same shape.
 *
 * The worker's URL ends in #<path of this language's search file>; it loads that
 * one file (a prebuilt lunr index, the documents and the language's rules) and
 * builds nothing: Material's SETUP message (the root search_index.json) is ignored.
 */
/* global lunr, HelpcenterSearchText */
importScripts("../vendor/lunr-2.3.9.min.js", "search-text.js")

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
var SNIPPET = 160 // characters of section text shown around the first match
var WORD = /[\p{L}\p{N}\p{M}]+/gu

var engine = null
var loaded = load(new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href))
  .then(function (value) { engine = value })
  .catch(function (error) { console.warn("Search is not available: " + error) })

function load(url) {
  return fetch(url, { credentials: "same-origin" }).then(function (response) {
    if (!response.ok) throw new Error(url + ": HTTP " + response.status)
    return response.json()
  }).then(function (file) {
    return {
      file: file,
      docs: file.docs,
      text: HelpcenterSearchText.compile(file.rules),
      index: lunr.Index.load(unpack(file.index)),
      ranking: file.ranking,
      labels: file.labels || {},
      memo: new Map()
    }
  })
}

/* The inverse of pack_index in hooks/helpcenter/search_index.py. */
function unpack(packed) {
  var fields = packed.fields
  var inverted = packed.terms.map(function (term, number) {
    var posting = { _index: number }
    fields.forEach(function (field) { posting[field] = {} })
    return [term, posting]
  })
  var vectors = []
  packed.vectors.forEach(function (perField, ref) {
    fields.forEach(function (field, f) {
      var flat = perField[f]
      vectors.push([field + "/" + ref, flat])
      for (var i = 0; i < flat.length; i += 2) inverted[flat[i]][1][field][ref] = {}
    })
  })
  return { version: packed.version, fields: fields, fieldVectors: vectors, invertedIndex: inverted, pipeline: packed.pipeline }
}

self.addEventListener("message", function (event) {
  var message = event.data
  loaded.then(function () {
    if (message.type === SETUP) {
      self.postMessage({ type: READY })
    } else if (message.type === QUERY) {
      var data
      try {
        data = engine ? search(message.data) : { items: [] }
      } catch (error) {
        console.warn("Search failed for " + JSON.stringify(message.data) + ": " + error)
        data = { items: [] }
      }
      self.postMessage({ type: RESULT, data: data })
    }
  })
})

function search(query) {
  var units = engine.text.queryUnits(query, engine.file.synonyms)
  if (!units.length) return { items: [] }
  var ranking = engine.ranking
  var results = engine.index.query(function (q) {
    units.forEach(function (unit) {
      unit.words.forEach(function (word) { q.term(word, { usePipeline: false, boost: ranking.exact }) })
      q.term(unit.words[unit.words.length - 1], { usePipeline: false, boost: ranking.prefix, wildcard: lunr.Query.wildcard.TRAILING })
      unit.synonyms.forEach(function (term) { q.term(term, { usePipeline: false, boost: ranking.synonym }) })
    })
  })
  return { items: group(rank(results, units), units, query) }
}

/* Sections scored with query coverage, then articles ordered by their best section plus a share of the others. */
function rank(results, units) {
  var ranking = engine.ranking
  var sections = results.map(function (result) {
    var matched = Object.keys(result.matchData.metadata)
    var covered = units.filter(function (unit) { return unitMatches(unit, matched) }).length / units.length
    var ref = Number(result.ref)
    var doc = engine.docs[ref]
    return { ref: ref, article: doc[3] < 0 ? ref : doc[3], matched: matched, score: result.score * (1 + ranking.coverage * covered * covered) }
  })
  sections.sort(function (a, b) { return b.score - a.score || a.ref - b.ref })
  var articles = new Map()
  sections.forEach(function (section) {
    var entry = articles.get(section.article)
    if (!entry) articles.set(section.article, { best: section.score, rest: 0, sections: [section] })
    else { entry.rest += section.score; entry.sections.push(section) }
  })
  return Array.from(articles.entries())
    .map(function (pair) { return { article: pair[0], score: pair[1].best + ranking.spread * pair[1].rest, sections: pair[1].sections } })
    .sort(function (a, b) { return b.score - a.score || a.article - b.article })
}

function unitMatches(unit, matched) {
  var last = unit.words[unit.words.length - 1]
  return matched.some(function (term) {
    return term.startsWith(last) || unit.words.indexOf(term) >= 0 || unit.synonyms.indexOf(term) >= 0
  })
}

/* Material's result shape: one list per article, its best sections first, the article itself always present. */
function group(articles, units, query) {
  var typed = query.match(WORD) || []
  var shown = units.map(function (unit) {
    var words = typed.filter(function (word) { return termsOf(word).some(function (term) { return unit.words.indexOf(term) >= 0 }) })
    return words.length ? words.join(" ") : unit.words.join(" ")
  })
  return articles.map(function (article) {
    var items = article.sections.map(function (section) { return item(section.ref, section.score, section.matched, units, shown) })
    if (!article.sections.some(function (section) { return section.ref === article.article })) items.push(item(article.article, 0, [], units, shown))
    return items
  })
}

/* Terms of one word of a document, remembered: result pages repeat the same words. */
function termsOf(word) {
  var known = engine.memo.get(word)
  if (!known) engine.memo.set(word, known = engine.text.terms(word))
  return known
}

function item(ref, score, matched, units, shown) {
  var doc = engine.docs[ref]
  var isArticle = doc[3] < 0
  var marks = new Set(matched)
  var title = highlight(doc[1], marks)
  var text = snippet(doc[2], marks)
  var found = {}
  units.forEach(function (unit, u) {
    var seen = new Set()
    var forms = title.forms.concat(text.forms).filter(function (form) {
      var folded = engine.text.fold(form)
      if (seen.has(folded) || !unitMatches(unit, termsOf(form))) return false
      seen.add(folded)
      return true
    })
    if (forms.length) forms.slice(0, 5).forEach(function (form) { found[form] = true })
    else if (matched.length && !unitMatches(unit, matched)) found[shown[u]] = false
  })
  var heading = title.html
  if (isArticle && doc[5]) heading += ' <span class="hc-search-fallback">' + escapeHtml(engine.labels.fallback || doc[5]) + "</span>"
  return { location: doc[0], title: heading, text: text.html, score: score, terms: found }
}

/* Escape `text` and mark the words whose terms matched; also return the marked word forms. */
function highlight(text, marks) {
  var html = ""
  var forms = []
  var last = 0
  text.replace(WORD, function (word, offset) {
    var hit = termsOf(word).some(function (term) { return marks.has(term) })
    if (!hit) return word
    html += escapeHtml(text.slice(last, offset)) + "<mark>" + escapeHtml(word) + "</mark>"
    last = offset + word.length
    if (forms.indexOf(word) < 0) forms.push(word)
    return word
  })
  return { html: html + escapeHtml(text.slice(last)), forms: forms }
}

/* About SNIPPET characters of `text` around its first marked word, cut at word edges. */
function snippet(text, marks) {
  if (!text) return { html: "", forms: [] }
  var first = -1
  text.replace(WORD, function (word, offset) {
    if (first < 0 && termsOf(word).some(function (term) { return marks.has(term) })) first = offset
    return word
  })
  var start = Math.max(0, first - SNIPPET / 3)
  if (start > 0) start = edge(text, start)
  var end = Math.min(text.length, start + SNIPPET)
  if (end < text.length) end = edge(text, end)
  var part = highlight(text.slice(start, end).trim(), marks)
  return { html: "<p>" + (start > 0 ? "… " : "") + part.html + (end < text.length ? " …" : "") + "</p>", forms: part.forms }
}

function edge(text, at) {
  var space = text.indexOf(" ", at)
  return space < 0 ? text.length : space + 1
}

function escapeHtml(value) {
  return String(value).replace(/[&<>"']/g, function (char) {
    return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[char]
  })
}
