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

var MAX_ARTICLES = 10 // articles a result lists: the ones Material shows at once, whose texts are fetched
var MIN_PREFIX = 3, MAX_TYPOS = 3, MIN_CANDIDATE = 4 // as hooks/helpcenter/search_fuzzy.py

/*
 * The language's search file is split (hooks/helpcenter/search_split.py): the
 * manifest (the URL after the #), term shards, the dictionary by first letter
 * and one text chunk per page. Each is fetched once, when a query needs it, and
 * kept (`cache`: URL -> promise of its JSON).
 */
var engine = null
var loading = null
var cache = new Map()
function fetchJson(path) {
  var url = new URL(path, engine ? engine.base : self.location.href).href
  if (!cache.has(url)) {
    cache.set(url, fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.url + ": HTTP " + response.status)
      return response.json()
    }))
  }
  return cache.get(url)
}
function load() {
  if (!loading) {
    var url = new URL(decodeURIComponent(self.location.hash.slice(1)), self.location.href)
    loading = fetchJson(url.href)
      .then(function (file) { engine = open(file, new URL(".", url).href) })
      .catch(function (error) { console.warn("Search is not available: " + error) })
  }
  return loading
}

function open(file, base) {
  var firstDoc = [0] // page number -> its first document (the page's own text)
  file.sections.forEach(function (count, page) { firstDoc[page + 1] = firstDoc[page] + count })
  return {
    base: base,
    file: file,
    firstDoc: firstDoc,
    index: file.index,
    count: file.index.count,
    averages: file.index.averages,
    shardStarts: file.shards.map(function (shard) { return shard[0] }),
    terms: new Map(), // term -> postings per field, from the shards fetched so far
    shardTerms: new Map(), // shard number -> its sorted terms
    idf: new Map(),
    text: HelpcenterSearchText.compile(file.rules),
    ranking: file.ranking,
    labels: file.labels || {},
    chunks: new Map(),
    memo: new Map()
  }
}

/* The shard that holds `term` (or would): the last whose first term is <= it. */
function shardOf(term) {
  var starts = engine.shardStarts, low = 0, high = starts.length
  while (low < high) {
    var middle = (low + high) >> 1
    if (starts[middle] <= term) low = middle + 1
    else high = middle
  }
  return Math.max(0, low - 1)
}
function shardsFor(term, prefix) {
  var first = shardOf(term), found = [first]
  if (prefix) for (var n = first + 1; n < engine.shardStarts.length && engine.shardStarts[n].startsWith(term); n++) found.push(n)
  return found
}
function loadShards(numbers) {
  return Promise.all(numbers.map(function (n) {
    if (engine.shardTerms.has(n)) return null
    return fetchJson(engine.file.shards[n][1]).then(function (shard) {
      shard.terms.forEach(function (term, i) { engine.terms.set(term, shard.postings[i]) })
      engine.shardTerms.set(n, shard.terms)
    })
  }))
}
function hasTerm(term) { return engine.terms.has(term) }
function prefixTerms(prefix) {
  var found = []
  shardsFor(prefix, true).forEach(function (n) {
    var terms = engine.shardTerms.get(n) || []
    terms.forEach(function (term) { if (term.startsWith(prefix)) found.push(term) })
  })
  return found
}
function dictionary(letter) {
  var name = engine.file.dictionary[letter]
  return name ? fetchJson(name) : Promise.resolve([])
}

/* What a query needs fetched first: the shards of its terms, and of their rewrites. */
function lookups(units, variants) {
  var needed = []
  function add(words, prefixed) {
    words.forEach(function (word, i) {
      var prefix = prefixed && i === words.length - 1 && word.length >= MIN_PREFIX
      shardsFor(word, prefix).forEach(function (n) { if (needed.indexOf(n) < 0) needed.push(n) })
    })
  }
  units.forEach(function (unit) { add(unit.words, true); add(unit.synonyms, false) })
  variants.forEach(function (variant) { variant.units.forEach(function (unit) { add(unit.words, true) }) })
  return needed
}

self.addEventListener("message", function (event) {
  var message = event.data
  // Sent by the page's first script (partials/helpcenter/search-start.html) when the
  // cursor enters the search box, or with the query when the page opens with ?q=:
  // the manifest is loaded (and that query answered) before Material asks.
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
  if (message.type !== QUERY) return
  // Answered in order, one RESULT per QUERY (Material and the tests count them). A player
  // typing sends a query per letter: one already followed by another gets the previous
  // answer at once instead of fetching for a word that is not finished.
  var asked = ++latest
  queue = queue.then(load).then(function () {
    return asked === latest ? answer(message.data) : last.data || { items: [] }
  }).then(function (data) { self.postMessage({ type: RESULT, data: data }) })
})

var latest = 0
var queue = Promise.resolve()
var last = { query: null, data: null } // the latest answer, kept for the same query asked again
function answer(query) {
  if (query === last.query) return Promise.resolve(last.data)
  if (!engine) return Promise.resolve({ items: [] })
  return search(query).catch(function (error) {
    console.warn("Search failed for " + JSON.stringify(query) + ": " + error)
    return { items: [] }
  }).then(function (data) {
    last = { query: query, data: data }
    return data
  })
}

function rewrite(text, map) {
  text = text.toLowerCase()
  var keys = Object.keys(map).sort(function (a, b) { return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0) })
  var alphabet = new Set(keys.join(""))
  var out = "", i = 0
  while (i < text.length) {
    if (!alphabet.has(text[i])) { out += text[i++]; continue }
    var key = null
    for (var k = 0; k < keys.length && !key; k++) if (text.startsWith(keys[k], i)) key = keys[k]
    if (key) { out += map[key]; i += key.length } else out += text[i++]
  }
  return out
}

function maxEdits(token) { return token.length >= 9 ? 2 : token.length >= 5 ? 1 : 0 }

/* Least edit distance (optimal string alignment) between `term` and a start of `word`, capped at limit + 1. */
function prefixDistance(term, word, limit) {
  var n = term.length, m = Math.min(word.length, term.length + limit)
  var previous2 = null, previous = []
  for (var j = 0; j <= m; j++) previous.push(j)
  for (var i = 1; i <= n; i++) {
    var row = [i]
    for (j = 1; j <= m; j++) {
      var cost = term[i - 1] === word[j - 1] ? 0 : 1
      row[j] = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
      if (previous2 && i > 1 && j > 1 && term[i - 1] === word[j - 2] && term[i - 2] === word[j - 1]) row[j] = Math.min(row[j], previous2[j - 2] + 1)
    }
    previous2 = previous
    previous = row
  }
  var best = limit + 1
  for (j = Math.max(0, n - limit); j <= m; j++) best = Math.min(best, previous[j])
  return Math.min(best, limit + 1)
}

function typoCandidates(token) {
  var limit = maxEdits(token)
  if (!limit) return Promise.resolve([])
  var letters = []
  token.slice(0, 2).split("").forEach(function (letter) { if (letters.indexOf(letter) < 0) letters.push(letter) })
  return Promise.all(letters.map(dictionary)).then(function (lists) {
    var scored = [], seen = new Set()
    lists.forEach(function (terms) {
      terms.forEach(function (term) {
        if (term.length < MIN_CANDIDATE || Math.abs(term.length - token.length) > token.length || seen.has(term)) return
        var distance = prefixDistance(term, token, limit)
        if (distance <= limit) { seen.add(term); scored.push([distance, -term.length, term]) }
      })
    })
    scored.sort(function (x, y) { return x[0] - y[0] || x[1] - y[1] || (x[2] < y[2] ? -1 : x[2] > y[2] ? 1 : 0) })
    return scored.slice(0, MAX_TYPOS).map(function (entry) { return entry[2] })
  })
}

/* hooks/helpcenter/search_fuzzy.py's expand_query: [{unit, extras: [[term, boost key, prefix]]}]. */
function expandQuery(query, units) {
  var text = engine.text, synonyms = engine.file.synonyms
  var typed = text.tokens(query)
  var variants = (engine.file.rules.rewrites || []).map(function (spec) {
    var rewritten = rewrite(query, spec.map)
    return { units: text.queryUnits(rewritten, synonyms), tokens: text.tokens(rewritten) }
  })
  return loadShards(lookups(units, variants)).then(function () {
    var typos = []
    var expanded = units.map(function (unit, number) {
      function holds(words, more) {
        return words.some(hasTerm) || (more || []).some(hasTerm) ||
          (words[words.length - 1].length >= MIN_PREFIX && prefixTerms(words[words.length - 1]).length > 0)
      }
      var extras = []
      if (!holds(unit.words, unit.synonyms)) {
        variants.forEach(function (variant) {
          if (variant.units.length !== units.length || !holds(variant.units[number].words)) return
          var words = variant.units[number].words
          words.forEach(function (word) { extras.push([word, "rewrite", false]) })
          if (words[words.length - 1].length >= MIN_PREFIX) extras.push([words[words.length - 1], "prefix", true])
        })
        if (!extras.length && unit.words.length === 1 && typed.length === units.length) {
          var seen = [typed[number]]
          variants.forEach(function (variant) {
            if (variant.tokens.length === typed.length && seen.indexOf(variant.tokens[number]) < 0) seen.push(variant.tokens[number])
          })
          typos.push({ extras: extras, tokens: seen })
        }
      }
      return { unit: unit, extras: extras }
    })
    if (!typos.length) return expanded
    return Promise.all(typos.map(function (typo) {
      return Promise.all(typo.tokens.map(typoCandidates)).then(function (lists) {
        lists.forEach(function (terms) {
          terms.forEach(function (term) {
            if (!typo.extras.some(function (extra) { return extra[0] === term })) typo.extras.push([term, "typo", false])
          })
        })
      })
    })).then(function () {
      var needed = []
      expanded.forEach(function (entry) {
        entry.extras.forEach(function (extra) { var n = shardOf(extra[0]); if (needed.indexOf(n) < 0) needed.push(n) })
      })
      return loadShards(needed).then(function () { return expanded })
    })
  })
}

function search(query) {
  var units = engine.text.queryUnits(query, engine.file.synonyms)
  if (!units.length) return Promise.resolve({ items: [] })
  var ranking = engine.ranking
  return expandQuery(query, units).then(function (expanded) {
    var clauses = []
    var matchUnits = expanded.map(function (entry, u) {
      var unit = entry.unit
      unit.words.forEach(function (word) { clauses.push({ term: word, boost: ranking.exact, prefix: false }) })
      // Every unit's last word also counts as a start of words, so each typed word weighs the
      // same wherever it stands; one too short to expand adds that weight to itself alone.
      var lastWord = unit.words[unit.words.length - 1]
      clauses.push({ term: lastWord, boost: ranking.prefix, prefix: lastWord.length >= MIN_PREFIX })
      unit.synonyms.forEach(function (term) { clauses.push({ term: term, boost: ranking.synonym, prefix: false }) })
      entry.extras.forEach(function (extra) { clauses.push({ term: extra[0], boost: ranking[extra[1]], prefix: extra[2] }) })
      return { words: unit.words, synonyms: unit.synonyms.concat(entry.extras.map(function (extra) { return extra[0] })), prefixes: entry.extras.filter(function (extra) { return extra[2] }).map(function (extra) { return extra[0] }), last: u === units.length - 1 }
    })
    var articles = rank(lunrQuery(clauses), matchUnits).slice(0, MAX_ARTICLES)
    var pages = []
    articles.forEach(function (article) { var page = pageOf(article.article); if (pages.indexOf(page) < 0) pages.push(page) })
    return Promise.all(pages.map(function (page) {
      return fetchJson(engine.file.language + "/p" + page + "." + engine.file.texts + ".json").then(function (chunk) { engine.chunks.set(page, chunk) })
    })).then(function () {
      var items = group(articles, matchUnits, query)
      var data = { items: items }
      // Not for the first letter or two of a word being typed (looked up exactly, they rarely match).
      var lastWord = units[units.length - 1].words.slice(-1)[0]
      if (!items.length && (units.length > 1 || lastWord.length >= MIN_PREFIX)) data.helpcenter = { nothing: query, problem: likelyProblem(matchUnits) }
      return data
    })
  })
}

/* The problem type whose label shares the most terms (or term starts) with the query, if any. */
function likelyProblem(units) {
  var best = null, bestCount = 0
  ;(engine.file.problems || []).forEach(function (problem) {
    var count = 0
    units.forEach(function (unit) {
      var words = unit.words.concat(unit.synonyms)
      if (problem.terms.some(function (term) { return words.some(function (word) { return word.length >= MIN_PREFIX && (term.startsWith(word) || word.startsWith(term)) }) })) count++
    })
    if (count > bestCount) { best = problem.id; bestCount = count }
  })
  return best
}

/* The page a document belongs to (firstDoc is sorted). */
function pageOf(doc) {
  var starts = engine.firstDoc, low = 0, high = starts.length - 1
  while (low < high) {
    var middle = (low + high + 1) >> 1
    if (starts[middle] <= doc) low = middle
    else high = middle - 1
  }
  return low
}

/* A document as [page, anchor, title, text], from its page's chunk. */
function docOf(ref) {
  var page = pageOf(ref)
  var doc = engine.chunks.get(page).docs[ref - engine.firstDoc[page]]
  return [page, doc[0], doc[1], doc[2]]
}

/* lunr's idf: over the postings of every field. */
function idfOf(term) {
  var known = engine.idf.get(term)
  if (known === undefined) {
    var documents = 0
    engine.terms.get(term).forEach(function (triples) { documents += triples.length / 3 })
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
 * Terms are ordered as lunr numbers them (sorted); postings come from the shards.
 */
function lunrQuery(clauses) {
  var index = engine.index, k1 = index.k1, b = index.b, fields = index.fields.length
  var vector = new Map()
  clauses.forEach(function (clause) {
    var expanded = clause.prefix ? prefixTerms(clause.term) : (hasTerm(clause.term) ? [clause.term] : [])
    expanded.forEach(function (term) { vector.set(term, (vector.get(term) || 0) + clause.boost) })
  })
  var order = Array.from(vector.keys()).sort()
  var magnitude = Math.sqrt(order.reduce(function (sum, term) { return sum + vector.get(term) * vector.get(term) }, 0))
  var found = new Map() // doc -> {dots per field, matched terms}
  order.forEach(function (name) {
    var weight = vector.get(name), idf = idfOf(name)
    engine.terms.get(name).forEach(function (triples, f) {
      var average = engine.averages[f], boost = index.boosts[f], doc = 0
      for (var i = 0; i < triples.length; i += 3) {
        doc += triples[i]
        var tf = triples[i + 1]
        var score = idf * ((k1 + 1) * tf) / (k1 * (1 - b + b * (triples[i + 2] / average)) + tf)
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
    return { ref: result.ref, article: engine.firstDoc[pageOf(result.ref)], matched: result.matched, score: result.score * (1 + ranking.coverage * covered * covered) }
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
  var prefixes = unit.prefixes || []
  return matched.some(function (term) {
    return term.startsWith(last) || unit.words.indexOf(term) >= 0 || unit.synonyms.indexOf(term) >= 0 ||
      prefixes.some(function (prefix) { return term.startsWith(prefix) })
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
  var url = engine.chunks.get(doc[0]).page[0]
  return doc[1] ? url + "#" + doc[1] : url
}

function item(ref, score, matched, units, shown, detailed) {
  var doc = docOf(ref)
  var page = engine.chunks.get(doc[0]).page
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
