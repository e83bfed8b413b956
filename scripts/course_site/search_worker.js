/*
 * Korean search, inside Material's search worker.
 *
 * course_site.search_worker puts this script in front of Material's worker at
 * build time, so it runs first in the worker: it wraps Material's
 * addEventListener("message") and keeps hold of the lunr index Material
 * builds. Everything runs off the page's main thread. The page hands the
 * worker only Material's settings and config.full_index: the worker fetches
 * and parses the index itself (search/full_index.json, megabytes in a large
 * course), and meanwhile keeps the messages that come in. It reads the data
 * scripts/hook_search.py writes into that index (config.korean):
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
 *   ten pages of. It reads lunr's inverted index and field vectors directly
 *   (lookUp()): the same score lunr's Index.query gives, without the sets,
 *   match data and whole-vector products lunr builds for every posting.
 *   A word counts as found in a section when one of its forms is (all words
 *   of that form); sections where none is are no result. Material's boost
 *   is computed for words, not forms. Sections are ranked by how they answer
 *   the words as written (ranking()): the section named or introducing the
 *   phrase first, then those containing it, then those containing all the
 *   words, then the rest. Titles are marked in their HTML; a snippet is the
 *   plain text around the words (at most two short windows), marked, so
 *   every matched word is highlighted, including tails inside compounds
 *   (러닝 in 딥러닝은) and glossary spellings (Transformer for 트랜스포머).
 *   Only the sections Material shows open carry a snippet; those it folds
 *   under "more on this page" carry their marked titles.
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
  const RANKED_SECTIONS = 300
  // A snippet window, in characters of plain text: two or three lines of the
  // result list on a phone. A snippet has at most two windows (the second
  // for words the first misses), and starts a little before its first word.
  const WINDOW = 110
  const LEAD = 24
  // Longer than any marked spelling (with the spaces a phrase may hold).
  const LONGEST_MARK = 200
  // Query terms whose expansion (the index words they start) is remembered:
  // typing a query asks for the same terms again and again.
  const REMEMBERED_TERMS = 500
  // The terms of a page heading added to group its sections (it matched nothing).
  const NO_TERMS = Object.freeze({})
  // Milliseconds of warm-up work (warmUp()) between chances to answer a query.
  const WARM_UP_SLICE = 4
  // At most this many forms per query word: a one-syllable word can be the
  // tail of hundreds of compounds, and each form costs lunr a lookup.
  const MAX_FORMS = 16
  // lunr's query operators; a form holding one is skipped (lunr reads * in a
  // term as a wildcard, and the rest come only from noise in the index).
  const OPERATORS = /[+\-~^:*"]/
  const ENTITIES = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }
  const DECODED = { amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'", "#x27": "'", nbsp: " " }
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
    index: null,           // the lunr index Material built from the docs
    words: null,           // every word of that index, sorted (see expand())
    expansions: new Map()  // query term -> the index words it starts (see expand())
  }

  const listen = self.addEventListener.bind(self)
  const post = self.postMessage.bind(self)

  /* Material's bundle sets self.lunr and builds its index by calling lunr();
     the call is watched, so the queries this script answers run on the very
     index Material built, with no second copy. lunr's builder sorts the
     index's words to make its token set; the sorted list is kept, so the
     words a query term starts are a binary search away (expand()). */
  let lunrFunction
  Object.defineProperty(self, "lunr", {
    configurable: true,
    get: () => lunrFunction,
    set: value => {
      site.lunr = value
      lunrFunction = new Proxy(value, {
        apply: (target, that, args) => {
          const { TokenSet } = target
          const fromArray = TokenSet.fromArray
          TokenSet.fromArray = function (words) {
            site.words = words
            return fromArray.call(this, words)
          }
          try {
            return (site.index = Reflect.apply(target, that, args))
          } finally {
            TokenSet.fromArray = fromArray
          }
        }
      })
    }
  })

  self.addEventListener = function (type, listener, options) {
    if (type !== "message")
      return listen(type, listener, options)
    let waiting = null  // messages that came while the full index was fetched
    return listen(type, event => {
      const setupData = event.data && event.data.type === SETUP && event.data.data
      if (setupData && setupData.config && setupData.config.full_index) {
        waiting = []
        fullIndex(setupData).then(data => {
          receive({ data: { type: SETUP, data } })
          const queued = waiting
          waiting = null
          queued.forEach(receive)
        })
      } else if (waiting) {
        waiting.push(event)
      } else {
        return receive(event)
      }
    }, options)

    function receive(event) {
      const message = event.data
      if (message && message.type === SETUP) {
        setup(message.data)
        // After Material has built its index in this same task.
        setTimeout(warmUp, 0)
      } else if (message && message.type === QUERY && site.enabled && site.index) {
        const query = rewrite(String(message.data))
        if (query.words)
          return post({ type: RESULT, data: answer(query) })
      }
      return listener(event)
    }
  }

  /* The index the build wrote for the worker (config.full_index, relative to
     this script), with Material's options from the page's message. Without it
     (offline, a half-copied site) Material gets the page's settings and no
     documents: a search that finds nothing, not a broken page. */
  function fullIndex(data) {
    const url = new URL(data.config.full_index, self.location.href)
    return fetch(url)
      .then(response => {
        if (!response.ok)
          throw new Error(`${url}: HTTP ${response.status}`)
        return response.json()
      })
      .then(full => ({ ...data, config: full.config, docs: full.docs }))
      .catch(error => {
        console.error("검색 색인을 받지 못했습니다:", error)
        return { ...data, docs: [] }
      })
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
        page: doc.location.split("#")[0], flatTitle: flat(doc.title), plain: null, vectors: null
      })
  }

  /* While the reader types the first query, each section's lunr vectors are
     found in small slices of work (a query that arrives meanwhile is answered
     between two slices): the first time a query meets a section, finding
     them by name among all fields' vectors was a fifth of its answer
     (지도학습은 at 500 pages). */
  function warmUp() {
    if (!site.enabled || !site.index)
      return
    const fields = FIELDS.filter(field => site.index.fields.includes(field))
    const docs = site.docs.values()
    const slice = () => {
      const until = performance.now() + WARM_UP_SLICE
      for (let next = docs.next(); !next.done; next = docs.next()) {
        vectorsOf(next.value.location, fields)
        if (performance.now() > until)
          return setTimeout(slice, 0)
      }
    }
    slice()
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
    // Each form as the positions of its terms in terms, as lookUp() reports them.
    const position = new Map([...terms].map((term, index) => [term, index]))
    const needs = unique.map(word => forms.get(word).map(form => form.map(term => position.get(term))))
    return { words: unique, forms, terms: [...terms], needs }
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
    const present = new Uint8Array(query.terms.length)
    // Which words a section holds, as Material reads it ({word: found}): one
    // object per combination, shared by every section with it. The message
    // copies a shared object once, and the page reads thousands fewer.
    const combinations = new Map()
    const termsOf = key => {
      let terms = combinations.get(key)
      if (!terms) {
        terms = Object.fromEntries(query.words.map((word, index) => [word, key[index] === "1"]))
        combinations.set(key, terms)
      }
      return terms
    }
    for (const hit of lookUp(query.terms).values()) {
      const doc = site.docs.get(hit.ref)
      if (!doc)
        continue
      for (const position of hit.terms)
        present[position] = 1
      let key = ""
      let found = 0
      for (const forms of query.needs) {
        const holds = forms.some(form => form.every(position => present[position]))
        key += holds ? "1" : "0"
        found += holds
      }
      present.fill(0)
      // A section where no word was found matched only part of a form
      // (engineer of data engineer): it is no result.
      if (!found)
        continue
      // Material's boost (1 for a page, plus the share of the query found),
      // counted in the words the reader typed rather than in forms.
      const boost = +(doc.page === hit.ref) + found / query.words.length
      items.push({ location: hit.ref, doc, score: hit.score * (1 + boost ** 2), terms: termsOf(key), found })
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
       Each page keeps its article, which Material shows as the group's
       heading. */
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
      if (!group.some(item => item.location === page) && site.docs.has(page))
        group.push({ location: page, doc: site.docs.get(page), score: 0, terms: NO_TERMS, found: 0 })
      pages.push(group)
    }

    const each = query.words.map(word => markPattern([word]))
    const marks = markPattern(query.words)
    return {
      items: pages.map(group => group.map((item, index) => {
        const { doc } = item
        const shown = {
          location: item.location,
          title: mark(doc.title, marks, doc.flatTitle),
          text: "",
          score: item.score,
          terms: item.terms
        }
        // Material gives every section its page's tags, and draws them under
        // each result; the page's heading shows them once for its sections.
        if (doc.tags && item.location === doc.page)
          shown.tags = doc.tags.map(tag => mark(tag, marks))
        // Material shows a page's best-scored result open and the others folded
        // under "N more on this page", but draws them all at once: only the
        // open ones carry a snippet, the folded ones their marked titles. On a
        // phone, drawing the folded snippets of ten pages took longer than
        // the search (표현 학습 at 500 pages: 175 snippets drawn instead of 20).
        if (index === 0 || item.score >= group[0].score)
          shown.text = snippet(doc, marks, each, rank.phrase)
        return shown
      }))
    }
  }

  // Every section holding a term, or a word it starts, in any field: its
  // score as lunr's Index.query gives it to Material's queries (each term
  // optional, found by prefix) and the positions in terms of the terms it
  // holds, in order. Keyed by location.
  //
  // lunr's score for a field is the dot product of the query's vector (how
  // often each index word is asked for, over all terms) with the field's
  // vector, divided by the query vector's length; a section's score is the
  // sum over its fields. The product needs only the index words the section
  // holds, so each posting adds its word's weight, looked up in the field's
  // vector. lunr itself builds a set, a field reference and match data per
  // posting and multiplies whole vectors: at 500 pages with the benchmark's
  // glued words, 트랜스포머 expands to hundreds of index words.
  function lookUp(terms) {
    const { index } = site
    const fields = FIELDS.filter(field => index.fields.includes(field))
    const expanded = terms.map(expand)
    const asked = new Map()
    for (const words of expanded)
      for (const word of words)
        asked.set(word, (asked.get(word) || 0) + 1)
    let squares = 0
    for (const count of asked.values())
      squares += count * count
    const length = Math.sqrt(squares)

    const hits = new Map()
    const scored = new Set()
    for (let position = 0; position < expanded.length; position++)
      for (const word of expanded[position]) {
        const posting = index.invertedIndex[word]
        // A word several terms start (transformer for trans and transformer)
        // is weighted by how often it is asked for, and scored once.
        const weight = scored.has(word) ? 0 : asked.get(word) / length
        scored.add(word)
        for (let number = 0; number < fields.length; number++) {
          const refs = posting[fields[number]]
          for (const ref in refs) {
            let hit = hits.get(ref)
            if (!hit)
              hits.set(ref, (hit = { ref, score: 0, terms: [], vectors: vectorsOf(ref, fields) }))
            if (hit.terms[hit.terms.length - 1] !== position)
              hit.terms.push(position)
            if (weight)
              hit.score += weight * weightIn(hit.vectors[number], posting._index)
          }
        }
      }
    return hits
  }

  // A section's lunr vectors, one per field, found once (by a key built from
  // field and location) and kept with the section.
  function vectorsOf(ref, fields) {
    const doc = site.docs.get(ref)
    if (doc && doc.vectors)
      return doc.vectors
    const vectors = fields.map(field => site.index.fieldVectors[`${field}/${ref}`])
    if (doc)
      doc.vectors = vectors
    return vectors
  }

  // The index words a query term starts (lunr's trailing wildcard): a range
  // of the sorted words, in the order lunr's token set lists them (scores are
  // summed in that order, and equal scores keep it). Walking the token set for
  // them took milliseconds per term, for a term like transformer that starts
  // hundreds of words.
  function expand(term) {
    let words = site.expansions.get(term)
    if (!words) {
      if (site.words) {
        const found = prefixed(site.words, term, word => word)
        words = found.length ? site.words.slice(found[0], found[found.length - 1] + 1).sort(tokenSetOrder) : []
      } else {
        const pattern = site.lunr.TokenSet.fromString(`${term}*`)
        words = site.index.tokenSet.intersect(pattern).toArray()
      }
      if (site.expansions.size >= REMEMBERED_TERMS)
        site.expansions.clear()
      site.expansions.set(term, words)
    }
    return words
  }

  // lunr's TokenSet.toArray order: a word before the words it starts; where
  // words part, the later character first, except that digits (which objects
  // list before other keys) come after every other character.
  function tokenSetOrder(a, b) {
    const length = Math.min(a.length, b.length)
    for (let at = 0; at < length; at++) {
      const x = a.charCodeAt(at)
      const y = b.charCodeAt(at)
      if (x !== y) {
        const xDigit = x >= 48 && x <= 57
        const yDigit = y >= 48 && y <= 57
        return xDigit !== yDigit ? (xDigit ? 1 : -1) : y - x
      }
    }
    return a.length - b.length
  }

  // The weight of an index word in a field's lunr vector (index, weight, ...
  // sorted by index), or 0.
  function weightIn(vector, wordIndex) {
    if (!vector)
      return 0
    const { elements } = vector
    let low = 0
    let high = elements.length >> 1
    while (low < high) {
      const middle = (low + high) >> 1
      const at = elements[middle << 1]
      if (at < wordIndex)
        low = middle + 1
      else if (at > wordIndex)
        high = middle
      else
        return elements[(middle << 1) + 1]
    }
    return 0
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
    // Most titles hold no tag: one replace, without splitting tags from text.
    if (!html.includes("<"))
      return html.replace(pattern, "<mark>$&</mark>")
    return html.replace(/(<[^>]*>)|([^<]+)/g, (_, tag, text) =>
      tag || text.replace(pattern, "<mark>$&</mark>"))
  }

  // The section's plain text around the query's words, marked: a window
  // around the phrase, or else where most of the words are close together,
  // and a second window for a word the first misses. A section found by its
  // title alone shows the start of its text. Material would draw the whole
  // section; a phone lays out every character of the ten pages it draws at
  // once, and a reader needs a line or two to judge a result.
  function snippet(doc, pattern, each, phrase) {
    const text = plainOf(doc)[1]
    if (!text)
      return ""
    const windows = []
    const at = each.length > 1 ? text.search(phrase) : -1
    if (at >= 0) {
      windows.push(around(text, at))
    } else {
      // One word's window is around its first match: no later match is looked for.
      const firsts = each.map(word => firstMatches(text, word, each.length > 1 ? 8 : 1))
      const all = firsts.flat().sort((a, b) => a - b)
      if (!all.length)
        return `<p>${escapeHtml(text.slice(0, wordEnd(text, WINDOW)))}${WINDOW < text.length ? "…" : ""}</p>`
      // The window holding most words, the earliest of those.
      let best = all[0]
      let most = 0
      for (const start of all) {
        const held = firsts.filter(list => list.some(at => at >= start && at < start + WINDOW - LEAD)).length
        if (held > most) {
          best = start
          most = held
        }
      }
      windows.push(around(text, best))
      const [from, to] = windows[0]
      const missed = firsts.find(list => list.length && !list.some(at => at >= from && at < to))
      if (missed)
        windows.push(around(text, missed[0]))
    }
    windows.sort((a, b) => a[0] - b[0])
    // Windows that overlap are drawn as one.
    const merged = [windows[0]]
    for (const window of windows.slice(1)) {
      const last = merged[merged.length - 1]
      if (window[0] <= last[1])
        last[1] = Math.max(last[1], window[1])
      else
        merged.push(window)
    }
    const parts = merged.map(([start, end]) => markPlain(text, start, end, pattern))
    const before = merged[0][0] > 0 ? "…" : ""
    const after = merged[merged.length - 1][1] < text.length ? "…" : ""
    return `<p>${before}${parts.join(" … ")}${after}</p>`
  }

  // The start positions of a word's first few matches in text.
  function firstMatches(text, pattern, few) {
    const found = []
    pattern.lastIndex = 0
    for (let match; found.length < few && (match = pattern.exec(text)); ) {
      found.push(match.index)
      if (!match[0])
        pattern.lastIndex++
    }
    pattern.lastIndex = 0
    return found
  }

  // [start, end) of a window that starts a little before position, on word
  // boundaries where there are any near.
  function around(text, position) {
    let start = Math.max(0, position - LEAD)
    if (start > 0) {
      const space = text.indexOf(" ", start)
      start = space >= 0 && space < position ? space + 1 : start
    }
    return [start, wordEnd(text, start + WINDOW)]
  }

  function wordEnd(text, end) {
    if (end >= text.length)
      return text.length
    const space = text.lastIndexOf(" ", end)
    return space > end - LEAD ? space : end
  }

  // text[start, end) escaped, with the pattern's matches marked; a match
  // running past end is marked whole. The search stops a match's length past
  // end: left to run, it would read the rest of a long section for the next
  // match, once per result.
  function markPlain(text, start, end, pattern) {
    const near = text.slice(0, end + LONGEST_MARK)
    let html = ""
    let from = start
    pattern.lastIndex = start
    for (let match; (match = pattern.exec(near)) && match.index < end; ) {
      if (!match[0]) {
        pattern.lastIndex++
        continue
      }
      html += escapeHtml(text.slice(from, match.index)) + `<mark>${escapeHtml(match[0])}</mark>`
      from = match.index + match[0].length
    }
    pattern.lastIndex = 0
    return html + escapeHtml(text.slice(from, Math.max(from, end)))
  }

  function escapeHtml(text) {
    return text.replace(/[&<>"]/g, char => ENTITIES[char])
  }

  // Title and text as a reader sees them: no tags, entities decoded (runs of
  // spaces stay: the page draws them as one). Kept for the sections a query
  // ranks or shows.
  function plainOf(doc) {
    if (!doc.plain)
      doc.plain = [doc.title, doc.text].map(html => {
        const text = html.replace(/<[^>]*>/g, " ")
        if (!text.includes("&"))
          return text
        return text.replace(/&(amp|lt|gt|quot|#39|#x27|nbsp);/g, (_, name) => DECODED[name])
      })
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
