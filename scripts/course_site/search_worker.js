/*
 * Korean search, inside Material's search worker.
 *
 * course_site.search_worker puts this script in front of Material's worker at
 * build time, so it runs first in the worker: it wraps Material's
 * addEventListener("message") and keeps hold of the lunr index Material
 * builds. Everything runs off the page's main thread, and no request is
 * added. It reads the data scripts/hook_search.py writes into
 * search_index.json (config.korean):
 *
 * - Query: particles are stripped from a word only down to a stem the
 *   analyser saw in the site (딥러닝이 -> 딥러닝; 강화도 stays, since 강화 is no
 *   word of its own there); a word of particles alone is dropped. Each word
 *   is then also looked for as the compounds it is the tail of (러닝 ->
 *   딥러닝, 머신러닝), as the two words it joins (차원축소 -> 차원 축소) and as
 *   the other spellings of the glossary term it starts (트랜스포머 ->
 *   Transformer). lunr indexes only what Material displays, so a phone builds
 *   the index as fast as stock Material's; the site's vocabulary does the rest.
 * - Results: the worker answers a query itself, on the lunr index Material
 *   built (kept when Material calls lunr()), instead of handing the
 *   rewritten query to Material's search: Material would mark and copy
 *   every matching section, thousands at 500 pages, for a list a reader sees
 *   ten pages of. A word counts as found in a section when one of its forms
 *   is (all words of that form), and Material's score is computed for words,
 *   not forms. Sections are ranked by how they answer the words as written
 *   (ranking()): the section named or introducing the phrase first, then
 *   those containing it, then those containing all the words, then the
 *   rest. Titles and snippets of at most two blocks are marked from the
 *   original text, so every matched word is highlighted, including tails
 *   inside compounds (러닝 in 딥러닝은) and glossary spellings (Transformer for
 *   트랜스포머). Only the sections Material shows open carry a snippet; those
 *   it folds under "more on this page" carry their marked titles.
 * - Queries in lunr's own syntax, or with Han characters (which Material
 *   segments), and sites without config.korean go to Material unchanged.
 */
;(() => {
  "use strict"

  // Material's SearchMessageType values (integrations/search/worker/message)
  const SETUP = 0
  const QUERY = 2
  const RESULT = 3
  const FIELDS = ["title", "text", "tags"]  // the fields Material's queries search
  // Score added per tier of ranking() (0-5); lunr scores stay far below it.
  const TIER = 1e9
  const SNIPPET_BLOCKS = 2
  const RANKED_SECTIONS = 300
  // At most this many forms per query word: a one-syllable word can be the
  // tail of hundreds of compounds, and each form costs lunr a lookup.
  const MAX_FORMS = 16
  // lunr's query operators; a form holding one is skipped (lunr reads * in a
  // term as a wildcard, and the rest come only from noise in the index).
  const OPERATORS = /[+\-~^:*"]/
  const VOID = new Set(["br", "hr", "img", "input", "wbr", "col", "source"])
  const GAP_CHARS = "[\\s\\-()\\[\\]{}·…,/\"'“”‘’]*"

  const site = {
    enabled: false,
    stems: new Set(),
    particles: null,   // RegExp: a string made only of particles/endings
    gap: "",           // what may stand between the words of a phrase
    separator: /\s+/,
    spellings: new Map(),  // normalised spelling -> every spelling of its term
    tails: [],             // sorted tails of compounds
    sources: [],           // for each tail, the words the index holds for it
    glossary: [],          // sorted [spelling without spaces, every spelling of its term, one word?]
    docs: new Map(),       // location -> { title, text, tags, boost, page location, flat title } as indexed
    lunr: null,            // the lunr library Material loaded
    index: null            // the lunr index Material built from the docs
  }

  const listen = self.addEventListener.bind(self)
  const post = self.postMessage.bind(self)

  /* Material's bundle sets self.lunr and builds its index by calling lunr();
     the call is watched, so the queries this script answers run on the very
     index Material built, with no second copy. */
  let lunrFunction
  Object.defineProperty(self, "lunr", {
    configurable: true,
    get: () => lunrFunction,
    set: value => {
      site.lunr = value
      lunrFunction = new Proxy(value, {
        apply: (target, that, args) => (site.index = Reflect.apply(target, that, args))
      })
    }
  })

  self.addEventListener = function (type, listener, options) {
    if (type !== "message")
      return listen(type, listener, options)
    return listen(type, event => {
      const message = event.data
      if (message && message.type === SETUP) {
        setup(message.data)
      } else if (message && message.type === QUERY && site.enabled && site.index) {
        const query = rewrite(String(message.data))
        if (query.words)
          return post({ type: RESULT, data: answer(query) })
      }
      return listener(event)
    }, options)
  }

  /* Setup ----------------------------------------------------------------- */

  function setup({ config, docs }) {
    const korean = config.korean
    if (!korean)
      return
    delete config.korean
    site.enabled = true
    site.stems = new Set(korean.stems)
    site.particles = new RegExp(`^(?:${korean.particles})+$`)
    site.gap = `(?:${korean.particles})?${GAP_CHARS}`
    site.separator = new RegExp(config.separator, "g")
    for (const spellings of korean.glossary)
      for (const spelling of spellings) {
        site.spellings.set(normal(spelling), spellings)
        const words = spelling.toLowerCase().split(site.separator).filter(Boolean)
        site.glossary.push([words.join(""), spellings, words.length === 1])
      }
    site.glossary.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
    for (const [tail, sources] of korean.tails || []) {
      site.tails.push(tail)
      site.sources.push(sources)
    }
    for (const doc of docs)
      site.docs.set(doc.location, {
        title: doc.title, text: doc.text, tags: doc.tags, boost: doc.boost ?? 1,
        page: doc.location.split("#")[0], flatTitle: flat(doc.title), plain: null
      })
  }

  /* Query ----------------------------------------------------------------- */

  function rewrite(text) {
    // lunr's own syntax (+word, -word, "phrase", field:, ~, ^, *) and Han
    // characters (which Material segments) are left to Material's search.
    if (/(^|\s)[+-]\S|[~^:*"]/.test(text) || /\p{sc=Han}/u.test(text))
      return { words: null }
    const words = []
    for (const piece of text.toLowerCase().split(site.separator))
      if (piece && !site.particles.test(piece))
        words.push(stem(piece))
    const unique = [...new Set(words)]
    // Words that together spell a glossary term (machine learning) are each
    // also looked for as the term's other spellings (머신러닝).
    const phrase = unique.length > 1 ? site.spellings.get(normal(unique.join(""))) || [] : []
    const forms = new Map(unique.map(word => [word, formsOf(word, phrase)]))
    const terms = new Set()
    for (const list of forms.values())
      for (const form of list)
        for (const term of form)
          terms.add(term)
    return { words: unique, forms, terms: [...terms] }
  }

  // The forms a query word is looked for as, each a list of words that must
  // all be in a section: the word itself, the compounds it is the tail of,
  // and the other spellings of the glossary term it starts.
  function formsOf(word, phrase) {
    const forms = [[word]]
    const seen = new Set([word])
    // A form holding a word that starts with the query word adds nothing:
    // lunr already finds that word by prefix.
    const add = words => {
      const key = words.join(" ")
      const useful = words.length && !words.some(w => w.startsWith(word) || OPERATORS.test(w))
      if (useful && !seen.has(key) && forms.length < MAX_FORMS) {
        seen.add(key)
        forms.push(words)
      }
    }
    for (const index of prefixed(site.tails, word, tail => tail))
      for (const source of site.sources[index])
        add(source.split(" "))
    // A glossary term by a whole spelling (허깅페이스, 인공신경망), or by the start
    // of a one-word spelling (트랜스 of 트랜스포머). The start of a spelling of
    // several words brings no forms: 데이터 would pull in data engineer, data
    // analyst and more, and lunr would then look at every section saying data.
    const glossary = prefixed(site.glossary, word, entry => entry[0])
      .filter(index => site.glossary[index][0] === word || site.glossary[index][2])
    const spellings = [...glossary.flatMap(index => site.glossary[index][1]), ...phrase]
    for (const spelling of spellings) {
      const words = spelling.toLowerCase().split(site.separator).filter(Boolean)
      add(words)
      if (words.length > 1 && words.every(isHangulWord))
        add([words.join("")])
    }
    return forms
  }

  // Positions of the entries of a sorted list whose key starts with prefix.
  function prefixed(list, prefix, key) {
    let low = 0
    let high = list.length
    while (low < high) {
      const middle = (low + high) >> 1
      if (key(list[middle]) < prefix)
        low = middle + 1
      else
        high = middle
    }
    const found = []
    for (let index = low; index < list.length && key(list[index]).startsWith(prefix); index++)
      found.push(index)
    return found
  }

  function isHangulWord(word) {
    return /[가-힣]/.test(word)
  }

  function stem(word) {
    if (site.stems.has(word))
      return word
    // A Latin word with Hangul after it (rnn은): the Hangul can only be particles.
    const latin = /^([a-z0-9]+)([가-힣]+)$/.exec(word)
    if (latin && site.particles.test(latin[2]))
      return latin[1]
    for (let cut = word.length - 1; cut > 0; cut--)
      if (site.stems.has(word.slice(0, cut)) && site.particles.test(word.slice(cut)))
        return word.slice(0, cut)
    return word
  }

  /* Results --------------------------------------------------------------- */

  function answer(query) {
    if (!query.words.length)
      return { items: [] }
    const items = []
    for (const { ref, score, matchData } of lookUp(query.terms)) {
      const doc = site.docs.get(ref)
      if (!doc)
        continue
      const terms = wordsFound(query, Object.keys(matchData.metadata))
      // Material's boost (1 for a page, plus the share of the query found),
      // counted in the words the reader typed rather than in forms.
      const found = Object.values(terms).filter(Boolean).length
      const boost = +(doc.page === ref) + found / query.words.length
      items.push({ location: ref, doc, score: score * (1 + boost ** 2), terms, found })
    }

    /* Rank the best-scored sections by tier: reading every matching section's
       text would cost seconds on a phone at hundreds of pages, for sections
       no reader scrolls to. */
    const rank = ranking(query.words)
    items.sort((a, b) => b.score - a.score)
    for (const item of items.slice(0, RANKED_SECTIONS))
      if (item.score > 0 && item.doc.boost >= 1)
        item.score += TIER * rank(item.doc, Object.values(item.terms))

    /* Sort again and group by page, best page first (as Material does).
       A section where no word was found matched only part of a form
       (engineer of data engineer): it is no result, and a page with no
       such section is dropped. Each page keeps its article, which Material
       shows as the group's heading. */
    items.sort((a, b) => b.score - a.score)
    const groups = new Map()
    for (const item of items) {
      const page = groups.get(item.doc.page)
      if (page)
        page.push(item)
      else
        groups.set(item.doc.page, [item])
    }
    const pages = []
    for (const [page, group] of groups) {
      const kept = group.filter(item => item.found > 0)
      if (!kept.length)
        continue
      if (!kept.some(item => item.location === page) && site.docs.has(page))
        kept.push({ location: page, doc: site.docs.get(page), score: 0, terms: {}, found: 0 })
      pages.push(kept)
    }

    const each = query.words.map(word => markPattern([word]))
    const marks = markPattern(query.words)
    return {
      items: pages.map(group => group.map((item, index) => {
        const { doc } = item
        const shown = {
          location: item.location, title: mark(doc.title, marks, doc.flatTitle), text: "", score: item.score, terms: item.terms
        }
        if (doc.tags)
          shown.tags = doc.tags.map(tag => mark(tag, marks))
        // Material shows a page's best-scored result open and the others folded
        // under "N more on this page", but draws them all at once: only the
        // open ones carry a snippet, the folded ones their marked titles. On a
        // phone, drawing the folded snippets of ten pages took longer than
        // the search (표현 학습 at 500 pages: 175 snippets drawn instead of 20).
        // A section found by its title alone shows its first block, unmarked.
        if (index === 0 || item.score >= group[0].score)
          shown.text = snippet(doc.text, marks, each, rank.phrase) ?? (blocks(doc.text)[0] || "")
        return shown
      }))
    }
  }

  // Every section holding a term, or a word it starts, in any field; scored
  // by lunr as Material's queries are (each term optional, found by prefix).
  //
  // lunr copies the positions of every term in every matching section into
  // its MatchData, for Material's highlighting; this script marks from the
  // text and needs only which index words matched. While it queries, lunr
  // gets a MatchData that keeps the words alone (at 500 pages that copying
  // was most of the time lunr took).
  function lookUp(terms) {
    const lunr = site.lunr
    const { Query } = lunr
    const positions = lunr.MatchData
    lunr.MatchData = WordsMatched
    try {
      return site.index.query(builder => {
        for (const term of terms)
          builder.term(term, { fields: FIELDS, wildcard: Query.wildcard.TRAILING, usePipeline: false })
      })
    } finally {
      lunr.MatchData = positions
    }
  }

  // The part of lunr.MatchData's interface lunr's Index.query uses, keeping
  // only the matched index words as the keys of metadata.
  class WordsMatched {
    constructor(term) {
      this.metadata = Object.create(null)
      if (term !== undefined)
        this.metadata[term] = true
    }

    add(term) {
      this.metadata[term] = true
    }

    combine(other) {
      for (const term in other.metadata)
        this.metadata[term] = true
    }
  }

  // Which of the query's words a section answers, given the index words lunr
  // matched in it: a word is found when all the terms of one of its forms are
  // (a term is matched by the index words it starts).
  function wordsFound(query, matched) {
    const present = new Set()
    for (const key of matched)
      for (const term of termsStarting(query, key))
        present.add(term)
    const found = {}
    for (const word of query.words)
      found[word] = query.forms.get(word).some(form => form.every(term => present.has(term)))
    return found
  }

  // The same index words come back in section after section: each is
  // compared with the query's terms once per query.
  function termsStarting(query, key) {
    query.starts ??= new Map()
    let terms = query.starts.get(key)
    if (!terms) {
      terms = query.terms.filter(term => key.startsWith(term))
      query.starts.set(key, terms)
    }
    return terms
  }

  // How well a section answers the words as written, best first: its heading
  // is the phrase (5); its heading contains the phrase (4); its text
  // introduces the phrase with a gloss in brackets, as 장바구니 분석(market
  // basket analysis) (3); its text contains the phrase (2); it matches every
  // word somewhere (1). Spaces inside Hangul words are optional, so 차원 축소
  // and 차원축소 rank alike. Pages with a search boost below 1 (the 용어집) are
  // not tiered: they follow the sections that teach.
  function ranking(words) {
    // The phrase as typed, or as any spelling of the glossary term it names
    // (machine learning ranks the section titled 머신러닝 first).
    const variants = [words]
    for (const spelling of site.spellings.get(normal(words.join(""))) || [])
      variants.push(spelling.toLowerCase().split(site.separator).filter(Boolean))
    const source = variants
      .map(variant => (isHangul(variant[0][0]) ? "(?<![가-힣])" : "") + variant.map(formSource).join(site.gap))
      .map(one => `(?:${one})`)
      .join("|")
    const phrase = new RegExp(source, "i")
    const introduced = new RegExp(`(?:${source})\\s*[(（]`, "i")
    const joined = new Set(variants.map(variant => variant.join("")))
    const rank = (doc, found) => {
      const [title, text] = plainOf(doc)
      if (joined.has(headingKey(title)))
        return 5
      if (phrase.test(title))
        return 4
      if (introduced.test(text))
        return 3
      if (phrase.test(text))
        return 2
      return found.length > 0 && found.every(Boolean) ? 1 : 0
    }
    rank.phrase = phrase
    return rank
  }

  // A heading without its number, glosses in brackets, spaces and punctuation.
  function headingKey(title) {
    return title
      .replace(/^\s*\d+(?:\.\d+)*\.?\s*/, "")
      .replace(/\([^)]*\)/g, "")
      .replace(/[\s\p{P}]/gu, "")
      .toLowerCase()
  }

  function markPattern(words) {
    const spellings = [...words]
    for (const word of words)
      spellings.push(...(site.spellings.get(normal(word)) || []).map(spelling => spelling.toLowerCase()))
    const sources = [...new Set(spellings.map(formSource))].sort((a, b) => b.length - a.length)
    const pattern = new RegExp(sources.join("|"), "gi")
    // What any match holds once spaces and hyphens are gone: a cheap test
    // that spares the regex the thousands of titles holding none of it.
    pattern.needles = [...new Set(spellings.map(flat))]
    return pattern
  }

  // A spelling as a regex: spaces optional between Hangul syllables (차원 축소 =
  // 차원축소), a Latin word matched from its start.
  function formSource(form) {
    let source = ""
    const chars = [...form.trim()]
    chars.forEach((char, index) => {
      if (/\s/.test(char)) {
        if (!source.endsWith("[\\s\\-]*"))
          source += "[\\s\\-]*"
        return
      }
      if (index > 0 && isHangul(char) && isHangul(chars[index - 1]))
        source += "\\s?"
      source += char.replace(/[.*+?^${}()|[\]\\\-/]/g, "\\$&")
    })
    return /^[a-z0-9]/i.test(chars[0] || "") ? `(?<![a-z0-9])${source}` : source
  }

  // flattened: flat(html), when the caller keeps it (titles: from setup).
  function mark(html, pattern, flattened = flat(html)) {
    if (!pattern.needles.some(needle => flattened.includes(needle)))
      return html
    return html.replace(/(<[^>]*>)|([^<]+)/g, (_, tag, text) =>
      tag || text.replace(pattern, "<mark>$&</mark>"))
  }

  // Like Material, at most two blocks (top-level elements) of the text, in
  // their order; chosen by how many of the query's words they contain (the
  // phrase counts for all of them), so 표현 학습 shows the block of the phrase.
  function snippet(html, pattern, each, phrase) {
    const scored = []
    blocks(html).forEach((block, position) => {
      const plain = block.replace(/<[^>]*>/g, " ")
      let hits = each.filter(word => contains(plain, word)).length
      if (hits && each.length > 1 && phrase.test(plain))
        hits += each.length
      if (hits)
        scored.push({ block, position, hits })
    })
    if (!scored.length)
      return null
    const chosen = scored
      .sort((a, b) => b.hits - a.hits || a.position - b.position)
      .slice(0, SNIPPET_BLOCKS)
      .sort((a, b) => a.position - b.position)
    return chosen.map(({ block }) => mark(block, pattern)).join("")
  }

  function contains(text, pattern) {
    pattern.lastIndex = 0
    const hit = pattern.test(text)
    pattern.lastIndex = 0
    return hit
  }

  function blocks(html) {
    const found = []
    const keep = part => { if (part.trim()) found.push(part) }
    const tags = /<(\/)?([a-zA-Z][a-zA-Z0-9]*)[^>]*>/g
    let depth = 0
    let start = 0
    for (let match; (match = tags.exec(html)); ) {
      if (VOID.has(match[2].toLowerCase()) || match[0].endsWith("/>"))
        continue
      if (!match[1]) {
        if (depth++ === 0) {
          keep(html.slice(start, match.index))
          start = match.index
        }
      } else if (--depth <= 0) {
        depth = 0
        keep(html.slice(start, tags.lastIndex))
        start = tags.lastIndex
      }
    }
    keep(html.slice(start))
    return found
  }

  function plainOf(doc) {
    if (!doc.plain)
      doc.plain = [doc.title, doc.text].map(html => html.replace(/<[^>]*>/g, " ").replace(/&amp;/g, "&"))
    return doc.plain
  }

  function flat(value) {
    return value.toLowerCase().replace(/[\s\-]+/g, "")
  }

  function normal(value) {
    return value.toLowerCase().replace(/\s+/g, "")
  }

  function isHangul(char) {
    return char >= "가" && char <= "힣"
  }
})();
/* end of course-site search prelude */
