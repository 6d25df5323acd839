/*
 * Search text normalization and query units: the browser's twin of
 * hooks/helpcenter/search_text.py and search_query.py. Both read the same rules
 * (hooks/helpcenter/search_rules.json, shipped inside each language's search
 * file) and must give the same terms; tests/search_vectors.json checks both.
 * Loaded by the search worker with importScripts, and by node in the tests.
 */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory()
  else root.HelpcenterSearchText = factory()
})(typeof self !== "undefined" ? self : this, function () {
  "use strict"

  var DIGITS = /^[0-9]+$/
  var WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u

  function ranges(pairs) {
    return pairs.map(function (pair) { return [parseInt(pair[0], 16), parseInt(pair[1], 16)] })
  }

  function within(code, list) {
    for (var i = 0; i < list.length; i++) if (code >= list[i][0] && code <= list[i][1]) return true
    return false
  }

  /* rules: {fold, marks, keep, each_character, language: {casing, stopwords, stem}} */
  function compile(rules) {
    var fold = rules.fold
    var marks = ranges(rules.marks)
    var each = ranges(rules.each_character)
    var keep = new Set(rules.keep)
    var language = rules.language
    var turkic = language.casing === "turkic"
    var stopwords = new Set(language.stopwords)
    var stem = language.stem
    var final = stem.final || {}
    var suffixes = stem.suffixes.slice().sort(function (a, b) {
      return b.length - a.length || (a < b ? -1 : a > b ? 1 : 0)
    })
    var seen = new Map()

    /* One character (a code point) as search_text.py's CharacterMap maps it. */
    function mapChar(char) {
      if (Object.prototype.hasOwnProperty.call(fold, char)) return fold[char]
      var code = char.codePointAt(0)
      if (within(code, each)) return " " + char + " "
      if (!WORD_CHAR.test(char)) return " "
      if (keep.has(char)) return char
      var decomposed = char.normalize("NFD"), bare = ""
      for (var part of decomposed) if (!within(part.codePointAt(0), marks)) bare += part
      return bare === decomposed ? char : bare.normalize("NFC")
    }

    function foldText(text) {
      text = text.normalize("NFKC")
      if (turkic) text = text.replace(/I/g, "\u0131").replace(/\u0130/g, "i")
      text = text.toLowerCase()
      var out = ""
      for (var char of text) {
        var mapped = seen.get(char)
        if (mapped === undefined) seen.set(char, mapped = mapChar(char))
        out += mapped
      }
      return out
    }

    function words(text) {
      return foldText(text).split(" ").filter(function (word) { return word.length > 0 })
    }

    function tokens(text) {
      var found = words(text)
      var kept = found.filter(function (word) { return !stopwords.has(word) })
      return kept.length ? kept : found
    }

    function stemToken(token) {
      if (DIGITS.test(token)) return token
      for (var pass = 0; pass < stem.passes; pass++) {
        var stripped = false
        for (var i = 0; i < suffixes.length; i++) {
          var suffix = suffixes[i]
          if (token.endsWith(suffix) && token.length - suffix.length >= stem.min_stem) {
            token = token.slice(0, token.length - suffix.length)
            stripped = true
            break
          }
        }
        if (!stripped) break
      }
      if (stem.max_length) token = token.slice(0, stem.max_length)
      var last = token.slice(-1)
      if (last && Object.prototype.hasOwnProperty.call(final, last)) token = token.slice(0, -1) + final[last]
      return token
    }

    function terms(text) {
      return tokens(text).map(stemToken)
    }

    /* groups: [[phrase, ...], ...], a phrase being a list of terms */
    function phraseTable(groups) {
      var table = new Map()
      groups.forEach(function (group) {
        group.forEach(function (phrase) {
          var key = phrase.join(" ")
          if (!table.has(key)) table.set(key, { phrase: phrase, extra: [] })
          var extra = table.get(key).extra
          group.forEach(function (other) {
            if (other.join(" ") === key) return
            other.forEach(function (term) {
              if (extra.indexOf(term) < 0 && phrase.indexOf(term) < 0) extra.push(term)
            })
          })
        })
      })
      return Array.from(table.values()).sort(function (a, b) {
        if (a.phrase.length !== b.phrase.length) return b.phrase.length - a.phrase.length
        var x = a.phrase.join("\u0000"), y = b.phrase.join("\u0000")
        return x < y ? -1 : x > y ? 1 : 0
      })
    }

    function queryUnits(text, groups) {
      var typed = terms(text)
      var table = phraseTable(groups || [])
      var units = []
      var index = 0
      while (index < typed.length) {
        var found = null
        for (var i = 0; i < table.length && !found; i++) {
          var phrase = table[i].phrase
          var same = index + phrase.length <= typed.length && phrase.every(function (term, k) { return typed[index + k] === term })
          if (same) found = table[i]
        }
        if (found) {
          units.push({ words: found.phrase.slice(), synonyms: found.extra.slice() })
          index += found.phrase.length
        } else {
          units.push({ words: [typed[index]], synonyms: [] })
          index += 1
        }
      }
      return units
    }

    return {
      fold: foldText,
      words: words,
      tokens: tokens,
      stem: stemToken,
      terms: terms,
      queryUnits: queryUnits
    }
  }

  return { compile: compile }
})
