/*
 * Help center search worker. Material's search box, result list, keyboard
 * navigation and share link stay as they are: the page talks to this worker
 * with the messages it sends to Material's own worker (SETUP 0, READY 1,
 * QUERY 2, RESULT 3), and gets results in the same shape.
 *
 * The worker's URL ends in #<path of this language's search file>; it loads that
 * one file and builds nothing: Material's SETUP message (the root
 * search_index.json) is ignored. The file holds the lunr index lunr.py built
 * (hooks/helpcenter/search_index.py), which this worker reads as it is: terms
 * found by binary search in the sorted term list, each posting weighted with
 * lunr's BM25 formula as it is read, documents scored as lunr scores them.
 * tests/search_reference.py runs lunr.py on the same file and the tests check
 * that both give the same scores.
 */
/* global HelpcenterSearchText */
var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
var PREFETCH = "hc-prefetch"
var SNIPPET = 160 // characters of section text shown around the first match
var DETAILED = 10 // result groups with highlighted snippets: the 10 Material shows at once (more appear on scrolling)
var WORD = /[\p{L}\p{N}\p{M}]+/gu

// Material starts this worker on every page load, but most players never search:
// the language's index (hundreds of KB on a large help center) is downloaded when
// the player goes to search (PREFETCH) or on the first query, which keeps an
// article's first load light. A page opened with ?q= asks for it before
// Material's script has even run. The build serves this file bundled after
// search-text.js (hooks/search.py); run from its sources, it loads it.
if (typeof HelpcenterSearchText === "undefined") importScripts("search-text.js")

var engine = null
var loading = null
function load() {
  if (!loading) {
    loading = fetch(new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href), { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.url + ": HTTP " + response.status)
        return response.json()
      })
      .then(function (file) { engine = open(file) })
      .catch(function (error) { console.warn("Search is not available: " + error) })
  }
  return loading
}

function open(file) {
  var index = file.index
  var count = index.lengths.length ? index.lengths[0].length : 0
  var firstDoc = [] // page number -> its first document (the page's own text)
  file.docs.forEach(function (doc, number) { if (firstDoc[doc[0]] === undefined) firstDoc[doc[0]] = number })
  return {
    file: file,
    docs: file.docs,
    pages: file.pages,
    firstDoc: firstDoc,
    index: index,
    count: count,
    averages: index.lengths.map(function (perDoc) {
      var sum = 0
      for (var i = 0; i < perDoc.length; i++) sum += perDoc[i]
      return count ? sum / count : 0
    }),
    idf: new Map(),
    text: HelpcenterSearchText.compile(file.rules),
    ranking: file.ranking,
    labels: file.labels || {},
    memo: new Map()
  }
}

self.addEventListener("message", function (event) {
  var message = event.data
  // Sent by the page's first script (partials/helpcenter/search-start.html) when the
  // cursor enters the search box, or with the query when the page opens with ?q=:
  // the index is loaded (and that query answered) before Material asks.
  if (message.type === PREFETCH) {
    load().then(function () { if (typeof message.data === "string") answer(message.data) })
    return
  }
  if (message.type === SETUP) {
    self.postMessage({ type: READY })
    return
  }
  // Material queries the empty box as soon as the worker is ready: nothing to load for that.
  if (message.type === QUERY && !engine && !String(message.data || "").trim()) {
    self.postMessage({ type: RESULT, data: { items: [] } })
    return
  }
  load().then(function () {
    if (message.type === QUERY) self.postMessage({ type: RESULT, data: answer(message.data) })
  })
})

var last = { query: null, data: null } // the latest answer, kept for the same query asked again
function answer(query) {
  if (query === last.query) return last.data
  var data
  try {
    data = engine ? search(query) : { items: [] }
  } catch (error) {
    console.warn("Search failed for " + JSON.stringify(query) + ": " + error)
    data = { items: [] }
  }
  if (engine) last = { query: query, data: data }
  return data
}

function search(query) {
  var units = engine.text.queryUnits(query, engine.file.synonyms)
  if (!units.length) return { items: [] }
  var ranking = engine.ranking
  var clauses = []
  units.forEach(function (unit) {
    unit.words.forEach(function (word) { clauses.push({ term: word, boost: ranking.exact, prefix: false }) })
    clauses.push({ term: unit.words[unit.words.length - 1], boost: ranking.prefix, prefix: true })
    unit.synonyms.forEach(function (term) { clauses.push({ term: term, boost: ranking.synonym, prefix: false }) })
  })
  return { items: group(rank(lunrQuery(clauses), units), units, query) }
}

/* Index terms equal to `term`, or starting with it: positions in the sorted term list. */
function expand(term, prefix) {
  var terms = engine.index.terms
  var low = 0, high = terms.length
  while (low < high) {
    var middle = (low + high) >> 1
    if (terms[middle] < term) low = middle + 1
    else high = middle
  }
  var found = []
  for (var i = low; i < terms.length && (prefix ? terms[i].startsWith(term) : terms[i] === term); i++) found.push(i)
  return found
}

/* lunr's idf: over the postings of every field. */
function idfOf(term) {
  var known = engine.idf.get(term)
  if (known === undefined) {
    var documents = 0
    engine.index.postings[term].forEach(function (flat) { documents += flat.length / 2 })
    known = Math.log(1 + Math.abs((engine.count - documents + 0.5) / (documents + 0.5)))
    engine.idf.set(term, known)
  }
  return known
}

/*
 * lunr's Index.query for optional clauses: the query vector sums clause boosts per
 * expanded term; a document's score adds, per field, its dot product with the
 * field's vector (lunr.py's weights: BM25 times the field boost, 3 decimals) over
 * the query vector's magnitude. Returns [{ref, score, matched terms}], best first.
 */
function lunrQuery(clauses) {
  var index = engine.index, k1 = index.k1, b = index.b, fields = index.fields.length
  var vector = new Map()
  clauses.forEach(function (clause) {
    expand(clause.term, clause.prefix).forEach(function (term) { vector.set(term, (vector.get(term) || 0) + clause.boost) })
  })
  var order = Array.from(vector.keys()).sort(function (x, y) { return x - y })
  var magnitude = Math.sqrt(order.reduce(function (sum, term) { return sum + vector.get(term) * vector.get(term) }, 0))
  var found = new Map() // doc -> {dots per field, matched terms}
  order.forEach(function (term) {
    var weight = vector.get(term), idf = idfOf(term), name = index.terms[term]
    index.postings[term].forEach(function (flat, f) {
      var lengths = index.lengths[f], average = engine.averages[f], boost = index.boosts[f], doc = 0
      for (var i = 0; i < flat.length; i += 2) {
        doc += flat[i]
        var tf = flat[i + 1]
        var score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (lengths[doc] / average)) + tf)
        score *= boost
        var entry = found.get(doc)
        if (!entry) found.set(doc, entry = { dots: new Float64Array(fields), matched: [] })
        entry.dots[f] += weight * Number(score.toFixed(3))
        if (entry.matched[entry.matched.length - 1] !== name) entry.matched.push(name)
      }
    })
  })
  var results = []
  found.forEach(function (entry, doc) {
    var score = 0
    for (var f = 0; f < fields; f++) if (entry.dots[f]) score += entry.dots[f] / magnitude
    results.push({ ref: doc, score: score, matched: entry.matched })
  })
  return results.sort(function (x, y) { return y.score - x.score || x.ref - y.ref })
}

/* Sections scored with query coverage, then articles ordered by their best section plus a share of the others. */
function rank(results, units) {
  var ranking = engine.ranking
  var sections = results.map(function (result) {
    var covered = units.filter(function (unit) { return unitMatches(unit, result.matched) }).length / units.length
    return { ref: result.ref, article: engine.firstDoc[engine.docs[result.ref][0]], matched: result.matched, score: result.score * (1 + ranking.coverage * covered * covered) }
  })
  sections.sort(function (x, y) { return y.score - x.score || x.ref - y.ref })
  var articles = new Map()
  sections.forEach(function (section) {
    var entry = articles.get(section.article)
    if (!entry) articles.set(section.article, { best: section.score, rest: 0, sections: [section] })
    else { entry.rest += section.score; entry.sections.push(section) }
  })
  return Array.from(articles.entries())
    .map(function (pair) { return { article: pair[0], score: pair[1].best + ranking.spread * pair[1].rest, sections: pair[1].sections } })
    .sort(function (x, y) { return y.score - x.score || x.article - y.article })
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
  return articles.map(function (article, rank) {
    var detailed = rank < DETAILED
    var items = article.sections.map(function (section) { return item(section.ref, section.score, section.matched, units, shown, detailed) })
    if (!article.sections.some(function (section) { return section.ref === article.article })) items.push(item(article.article, 0, [], units, shown, detailed))
    return items
  })
}

/* Terms of one word of a document, remembered: result pages repeat the same words. */
function termsOf(word) {
  var known = engine.memo.get(word)
  if (!known) engine.memo.set(word, known = engine.text.terms(word))
  return known
}

function locationOf(doc) {
  var url = engine.pages[doc[0]][0]
  return doc[1] ? url + "#" + doc[1] : url
}

function item(ref, score, matched, units, shown, detailed) {
  var doc = engine.docs[ref]
  var page = engine.pages[doc[0]]
  var marks = new Set(matched)
  var title = highlight(doc[2], marks)
  var text = detailed ? snippet(doc[3], marks) : opening(doc[3])
  var found = {}
  units.forEach(function (unit, u) {
    if (!detailed) {
      if (matched.length) found[shown[u]] = unitMatches(unit, matched)
      return
    }
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
  if (!doc[1] && page[2]) heading += ' <span class="hc-search-fallback">' + escapeHtml(engine.labels.fallback || page[2]) + "</span>"
  return { location: locationOf(doc), title: heading, text: text.html, score: score, terms: found }
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

/* The start of `text`, escaped, for results far down the list (no search for the match: cheaper). */
function opening(text) {
  if (!text) return { html: "", forms: [] }
  var end = text.length > SNIPPET ? edge(text, SNIPPET) : text.length
  return { html: "<p>" + escapeHtml(text.slice(0, end).trim()) + (end < text.length ? " …" : "") + "</p>", forms: [] }
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
