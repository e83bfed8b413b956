/*
 * Korean search, inside Material's search worker.
 *
 * course_site.search_worker puts this script in front of Material's worker at
 * build time, so it runs first in the worker and wraps the two calls Material
 * makes there: addEventListener("message") and postMessage. Everything runs
 * off the page's main thread, and no request is added. It reads the data
 * scripts/hook_search.py writes into search_index.json (config.korean):
 *
 * - Query: particles are stripped from a word only down to a stem the
 *   analyser saw in the site (딥러닝이 -> 딥러닝; 강화도 stays, since 강화 is no
 *   word of its own there); a word of particles alone is dropped.
 * - Results: the title and a snippet of at most two blocks are marked again
 *   from the original text, so every matched word is highlighted, including
 *   matches found through the hidden parts fields (러닝 in 딥러닝은) and
 *   glossary spellings (Transformer for 트랜스포머). Sections are then
 *   ranked by how they answer the words as written (ranking()): the section
 *   named or introducing the phrase first, then those containing it, then
 *   those containing all the words, then the rest.
 */
;(() => {
  "use strict"

  // Material's SearchMessageType values (integrations/search/worker/message)
  const SETUP = 0
  const QUERY = 2
  const RESULT = 3
  // Score added per tier of ranking() (0-5); lunr scores stay far below it.
  const TIER = 1e9
  const SNIPPET_BLOCKS = 2
  const MARKED_PAGES = 10  // Material shows 10 pages of results first, 10 more per scroll
  const RANKED_SECTIONS = 300
  const VOID = new Set(["br", "hr", "img", "input", "wbr", "col", "source"])
  const GAP_CHARS = "[\\s\\-()\\[\\]{}·…,/\"'“”‘’]*"

  const site = {
    enabled: false,
    stems: new Set(),
    particles: null,   // RegExp: a string made only of particles/endings
    gap: "",           // what may stand between the words of a phrase
    separator: /\s+/,
    spellings: new Map(),  // normalised spelling -> every spelling of its term
    docs: new Map()        // location -> { title, text, boost } as indexed
  }
  const pending = []  // rewritten queries, in the order Material sent them

  const listen = self.addEventListener.bind(self)
  const post = self.postMessage.bind(self)

  self.addEventListener = function (type, listener, options) {
    if (type !== "message")
      return listen(type, listener, options)
    return listen(type, event => {
      const message = event.data
      if (message && message.type === SETUP) {
        setup(message.data)
      } else if (message && message.type === QUERY) {
        const query = rewrite(String(message.data))
        pending.push(query)
        return listener({ data: { type: QUERY, data: query.text } })
      }
      return listener(event)
    }, options)
  }

  self.postMessage = function (message, ...rest) {
    if (message && message.type === RESULT && pending.length)
      message = { type: RESULT, data: refine(message.data, pending.shift()) }
    return post(message, ...rest)
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
      for (const spelling of spellings)
        site.spellings.set(normal(spelling), spellings)
    for (const doc of docs)
      site.docs.set(doc.location, { title: doc.title, text: doc.text, boost: doc.boost ?? 1, plain: null })
  }

  /* Query ----------------------------------------------------------------- */

  function rewrite(text) {
    // Leave lunr's own syntax (+word, -word, "phrase", field:, ~, ^, *) alone.
    if (!site.enabled || /(^|\s)[+-]\S|[~^:*"]/.test(text))
      return { text, words: null }
    const words = []
    for (const piece of text.toLowerCase().split(site.separator))
      if (piece && !site.particles.test(piece))
        words.push(stem(piece))
    return { text: words.join(" "), words: [...new Set(words)] }
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

  function refine(result, query) {
    if (!query.words)
      return result
    if (!query.words.length)
      return { items: [] }
    const each = query.words.map(word => markPattern([word]))
    const marks = markPattern(query.words)
    const rank = ranking(query.words)
    const items = []
    for (const group of result.items)
      for (const item of group) {
        forgetParts(item)
        items.push(item)
      }

    /* Rank the best-scored sections by tier: reading every matching section's
       text would cost seconds on a phone at hundreds of pages, for sections
       no reader scrolls to. */
    items.sort((a, b) => b.score - a.score)
    for (const item of items.slice(0, RANKED_SECTIONS)) {
      const doc = site.docs.get(item.location)
      if (doc && item.score > 0 && doc.boost >= 1)
        item.score += TIER * rank(doc, Object.values(item.terms))
    }

    /* Sort again and group by page, best page first (as Material does) */
    items.sort((a, b) => b.score - a.score)
    const groups = new Map()
    for (const item of items) {
      const page = item.location.split("#")[0]
      if (!groups.has(page))
        groups.set(page, [])
      groups.get(page).push(item)
    }

    /* Mark the pages a reader can reach by scrolling a little; further down,
       Material's own marks stay (on a phone, hundreds of results would cost
       more than they are worth). */
    const pages = [...groups.values()]
    for (const group of pages.slice(0, MARKED_PAGES))
      for (const item of group) {
        const doc = site.docs.get(item.location)
        if (!doc || item.score <= 0)
          continue
        item.title = mark(doc.title, marks)
        const text = snippet(doc.text, marks, each, rank.phrase)
        if (text !== null)
          item.text = text
      }
    return { ...result, items: pages }
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

  // The hidden fields are for lunr only: not sent back to the page.
  function forgetParts(item) {
    for (const doc of [item, item.parent])
      if (doc) {
        delete doc.title_parts
        delete doc.text_parts
      }
  }

  function markPattern(words) {
    const sources = new Set()
    for (const word of words) {
      sources.add(formSource(word))
      for (const spelling of site.spellings.get(normal(word)) || [])
        sources.add(formSource(spelling.toLowerCase()))
    }
    const ordered = [...sources].sort((a, b) => b.length - a.length)
    return new RegExp(ordered.join("|"), "gi")
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

  function mark(html, pattern) {
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

  function normal(value) {
    return value.toLowerCase().replace(/\s+/g, "")
  }

  function isHangul(char) {
    return char >= "가" && char <= "힣"
  }
})();
/* end of course-site search prelude */
