---@meta lectern
-- LuaLS (lua-language-server) annotations for Lectern scripts.
--
-- Nothing here runs: the host provides every name below. Point your editor at
-- this folder and it completes article fields, hook arguments and the text
-- module; see docs/SCRIPTING.md ("Editor support"). For example, .luarc.json:
--
--   { "runtime.version": "Lua 5.4", "workspace.library": ["/path/to/lectern/lua"] }
--
-- Hook arguments are typed when you annotate them, as the examples do not need
-- to but may:   ---@param a Article
--               function article(a) ... end

-- ===========================================================================
-- The article model (CONTRACT.md). A field the article does not have is nil;
-- lists are empty, never nil.
-- ===========================================================================

---One article, as parsed. The same names as `lectern parse` prints in JSON.
---Fields are built on first use and cached, so reading only `a.title` never
---builds the paragraph list. The table is valid only while its hooks run:
---copy what you need (`local title = a.title`), do not keep `a`.
---@class Article
---@field source string the path as given on the command line (`-` for standard input, `FILE#OFFSET` for a WARC record)
---@field format "text"|"html" which reader produced the model
---@field url string? the page's canonical URL, when the page gives one
---@field site string? the host of `url` (lowercased, no "www."), else the name of the directory holding the file as the path was given; nil for standard input and a bare file name
---@field id string 16 hex digits: the start of the SHA-256 of `record_id`, else `url`, else `source`
---@field language string? ISO 639-1 code: the page's declaration, else detected from the body; nil when the body does not tell
---@field title string? the headline
---@field author string? the writer's name, from a byline ("By X") or the author bio
---@field authors string[] every person the byline names, roles and agencies left out
---@field author_role string? what the byline adds to the names, e.g. "AP National Political Writer"
---@field author_bio string? the "X is a writer ..." paragraph, whole
---@field published string? the publication date as `YYYY-MM-DD`
---@field published_time string? `YYYY-MM-DDTHH:MM[:SS][±HH:MM|Z]` when the page gives a time of day with the date
---@field image_credit string? the lead image's credit line, e.g. `MaoNo / Pixabay`
---@field sections Section[] the body, in order; text before the first heading is a section whose heading is nil
---@field paragraphs Paragraph[] every body paragraph, in order (the same tables as in `sections`)
---@field boilerplate Boilerplate[] every block that is neither body nor another field: widgets, promos, share bars, ...
---@field navigation Navigation the "Previous article" / "Next article" titles
---@field tags string[] from a "Tags:" line
---@field comments Comment[] readers' comments, in order
---@field comments_closed boolean the page says "Comments are closed."
---@field fetched string? WARC records: when the page was fetched (`WARC-Date`, ISO 8601 as given); nil for other inputs
---@field record_id string? WARC records: the `WARC-Record-ID`, without angle brackets; nil for other inputs
local Article = {}

---The body: the paragraphs' text joined by a blank line ("\n\n").
---@return string
function Article:text() end

---Runs an XPath 1.0 expression over the saved HTML page; returns the matching
---nodes' text (an attribute's value for `/@name`), in document order. On text
---articles it returns an empty list.
---
---    local site = a:xpath("//meta[@property='og:site_name']/@content")[1]
---@param expr string
---@return string[]
function Article:xpath(expr) end

---A run of body paragraphs under one heading.
---@class Section
---@field heading string? the heading, nil for the text before the first heading; headings in a row are joined by "\n" (a heading no paragraph follows is boilerplate of kind "heading")
---@field paragraphs Paragraph[] its paragraphs, in order
---@field index integer its position among the article's sections, from 1

---One body paragraph.
---@class Paragraph
---@field text string the paragraph's text
---@field index integer its position in `a.paragraphs`, from 1
---@field section integer the index of its section in `a.sections`
---@field line integer its line in the source page (1-based; 0 when unknown)

---A block that is neither body nor another field.
---@class Boilerplate
---@field kind string one short lowercase word: "widget", "promo", "advert", "share", "related", "newsletter", "form", ...
---@field text string the block's text
---@field index integer its position in `a.boilerplate`, from 1

---The "Previous article" / "Next article" links, without those words.
---@class Navigation
---@field previous string?
---@field next string?

---One reader's comment.
---@class Comment
---@field number integer? the number the page shows ("1."), if any
---@field text string the comment without its number
---@field index integer its position in `a.comments`, from 1

---A label a block can carry; `classify` returns one of these (or nil).
---"boilerplate:KIND" takes any short lowercase kind ("boilerplate:quiz").
---@alias BlockLabel
---| "paragraph"
---| "heading"
---| "title"
---| "byline"
---| "date"
---| "image_credit"
---| "author_bio"
---| "nav_previous"
---| "nav_next"
---| "tags"
---| "comment"
---| "comments_closed"
---| "ignored"
---| "boilerplate"
---| "boilerplate:widget"
---| "boilerplate:promo"
---| "boilerplate:advert"
---| "boilerplate:share"
---| "boilerplate:related"
---| "boilerplate:newsletter"
---| "boilerplate:form"
---| string

---One unit of a page before the article is built, as `classify` sees it.
---`lectern parse PATH --explain` prints the same blocks.
---@class Block
---@field text string the block's text, trimmed
---@field label BlockLabel the label the parser gave it
---@field rule string why: the rule or score that decided the label
---@field index integer its position in the page, from 1
---@field line integer its line in the page (1-based; 0 when unknown)
---@field tag string for HTML pages the element's tag name ("p", "h2", "li"); "" for text pages
---@field value string? an extracted value: a byline's name, a normalised date, a navigation title

-- ===========================================================================
-- Script metadata (read by `lectern info SCRIPT` and by --arg checking)
-- ===========================================================================

---One declared script argument.
---@class ScriptArg
---@field default string? the value setup(args) receives when --arg does not give one
---@field help string? one line for `lectern info`

---What the script does, in one sentence; `lectern info SCRIPT` prints it.
---@type string
description = nil

---The script's --arg names, with defaults and help. An --arg not declared here
---is an error (when the script declares `args` at all).
---
---    args = { top = { default = "20", help = "how many words" } }
---@type table<string, ScriptArg|string>
args = nil

-- ===========================================================================
-- Hooks: define any of these as globals (or as keys of a table the script
-- returns). A hook you do not define costs nothing.
-- ===========================================================================

---Once before any article (in every worker). `args` holds the --arg values and
---the declared defaults, all as strings.
---@param args table<string, string>
function setup(args) end

---Per block of a page, before the article is built. Return a label to relabel
---the block, or nil to keep the parser's label.
---@param block Block
---@return BlockLabel|nil
function classify(block) end

---Once per article.
---@param a Article
function article(a) end

---Per body section, in document order (before its paragraphs).
---@param s Section
---@param a Article
function section(s, a) end

---Per body paragraph, in document order.
---@param p Paragraph
---@param a Article
function paragraph(p, a) end

---Per boilerplate block, in document order.
---@param b Boilerplate
---@param a Article
function boilerplate(b, a) end

---Per reader comment, in document order.
---@param c Comment
---@param a Article
function comment(c, a) end

---Once after the last article. `state` then holds every worker's state, merged
---as if one worker had read the whole corpus in order.
function finish() end

-- ===========================================================================
-- Output and state
-- ===========================================================================

---A value a record field may hold (nested tables are written as JSON).
---@alias RecordValue string|number|boolean|table

---Writes one record to the output, in --format jsonl|csv|json|table|markdown.
---Records from article hooks come out in corpus order, whatever --jobs is.
---
---    emit { word = "china", count = 29 }
---@param record table<string, RecordValue>
function emit(record) end

---Fixes the order of the output columns (otherwise they are sorted by name).
---Call it at the top of the script or in setup. Fields not listed follow, sorted.
---`object = {...}` names fields that are JSON objects: their empty table is {} (not []).
---
---    columns { "country", "mentions" }
---    columns { "source", "meta", object = { "meta" } }
---@param names string[]
function columns(names) end

---Writes one record to the named output NAME (letters, digits, `_`, `-`; not
---"records"). With --output-dir DIR it goes to DIR/NAME.EXT (EXT from --format:
---jsonl, csv, json, txt, md, html); without, to the main output with a field
---`_output` = NAME. In corpus order like emit.
---
---    emit_to("edges", { Source = "China", Target = "Russia", Weight = 11 })
---@param name string
---@param record table<string, RecordValue>
function emit_to(name, record) end

---Fixes the columns of the named output NAME (as columns does for emit); a csv
---file with declared columns gets its header even when no record comes.
---Call it at the top of the script or in setup.
---
---    columns_for("edges", { "Source", "Target", "Weight" })
---@param name string
---@param names string[]
function columns_for(name, names) end

---@class ChartSpec
---@field kind "bar"|"line"|"histogram"|"scatter"|"network"
---@field x? string the field on the x axis (bar names, line dates, histogram values)
---@field y? string|string[] the field(s) of the bar lengths, line sums, scatter y
---@field title? string
---@field top? integer how many bars (25) or network nodes (30) to draw
---@field bins? integer about how many histogram bins (10)
---@field by? "day"|"month"|"year" the line chart's time unit
---@field label? string the scatter points' name field
---@field source? string network edge field (default "source")
---@field target? string network edge field (default "target")
---@field weight? string network edge field (default "weight")
---@field only? table<string, string> draw only records with these field values
---@field except? table<string, string> leave out records with these field values

---Declares a chart for --format html (docs/REPORTS.md). At the top of the
---script or in setup, like columns.
---
---    chart { kind = "bar", x = "word", y = "count", title = "Most frequent words" }
---@param spec ChartSpec
function chart(spec) end

---@alias MergeKind "sum"|"max"|"min"|"first"|"last"|"list"|"set"|"counts"|"mean"|"keep"

---Declares how `state` values combine across chunks (docs/SCRIPTING.md,
---"Merging state"). Keys are state paths; `*` stands for any key. At the top
---of the script or in setup.
---
---    merge { longest = "max", hist = "counts", ["by_site.*.longest"] = "max" }
---@overload fun(kinds: table<string, MergeKind>)
merge = {}

---Adds `x` to a mean kept as {sum, count, mean}; declare the key "mean".
---
---    state.words = merge.mean(state.words, n)
---@param m {sum: number, count: integer, mean: number}|nil
---@param x number
---@return {sum: number, count: integer, mean: number}
function merge.mean(m, x) end

---Writes its arguments, tab-separated, and a newline to standard output, in
---article order (like Lua's print, but ordered under --jobs).
---@param ... any
function print(...) end

---What hooks accumulate for finish. Before finish runs, every worker's state is
---merged as if one worker had read the corpus in order: numbers add, tables
---merge key by key, lists (1..n) concatenate in corpus order, strings and
---booleans take the last value. During article hooks it holds only the current
---chunk's contributions: read totals in finish only. Holds strings, numbers,
---booleans and tables of them (no functions, no cycles).
---@type table<any, any>
state = {}

-- ===========================================================================
-- text: Unicode-aware helpers (implemented in Swift)
-- ===========================================================================

---One concordance line from text.kwic.
---@class KwicHit
---@field left string up to `width` characters before the keyword
---@field keyword string the keyword as written in the text
---@field right string up to `width` characters after it
---@field word integer the position of the keyword's first word in text.words(s), from 1

---Options of text.words: what counts as one token.
---@class WordOptions
---@field numbers? boolean keep words without a letter ("1949", "5.2", "4,100,000"); default true
---@field urls? boolean "https://example.com/a?b=1" and "www.example.org" as one token; default false
---@field emails? boolean "first.last@example.co.uk" as one token; default false
---@field hyphens? boolean "Sino-Russian" as one token; default false (UAX #29 splits at hyphens)

---Options of text.kwic.
---@class KwicOptions
---@field width? integer characters of context on each side (default 40)
---@field case_sensitive? boolean match case exactly (default false)

---Steps of text.normalize, all on by default.
---@class NormalizeOptions
---@field nfc? boolean Unicode NFC
---@field apostrophes? boolean ’ ‘ ʼ as '
---@field dashes? boolean every dash and hyphen (– — ‐ − ...) as -
---@field whitespace? boolean runs of white space as one space (line breaks as "\n" or "\n\n"), soft hyphens and zero-width spaces removed, ends trimmed

---One entry of a ranked count.
---@class CountEntry
---@field key string
---@field count number

---A counter over a plain table of key -> count. The table stays yours (and may
---live in `state`): text.counter(state.words):add(w) counts into state.words.
---@class Counter
---@field counts table<string, number> the wrapped table
local Counter = {}

---Adds n (default 1) to key's count.
---@param key string
---@param n? number
function Counter:add(key, n) end

---key's count (0 when absent).
---@param key string
---@return number
function Counter:get(key) end

---The n highest counts (all when n is nil), by count descending, then key ascending.
---@param n? integer
---@return CountEntry[]
function Counter:top(n) end

---The sum of all counts.
---@return number
function Counter:total() end

---@class textlib
text = {}

---The words of s by Unicode word segmentation (UAX #29), pieces with a letter
---or digit: "U.S." gives "U.S", "5.2%" gives "5.2", "don’t" and "Moscow’s" stay
---whole, "Sino-Russian" splits, Han and Hiragana one word per character. Case
---is kept.
---@param s string
---@param opts? WordOptions
---@return string[]
function text.words(s, opts) end

---The sentences of s. "Mr.", "Dr.", "U.S." inside a sentence and decimals
---("4.2") do not end one; "the U.S. China is" does split before "China"; a
---blank line always ends one.
---@param s string
---@return string[]
function text.sentences(s) end

---s in lower case (Unicode-aware: "ÉTÉ" -> "été").
---@param s string
---@return string
function text.lower(s) end

---s in upper case (Unicode-aware).
---@param s string
---@return string
function text.upper(s) end

---The n-grams of a list of words, each as one string (words joined by a space).
---@param words string[]
---@param n integer
---@return string[]
function text.ngrams(words, n) end

---Every occurrence of term in s, matched on the words of s as text.words
---splits them (a phrase word by word), case-insensitive unless
---opts.case_sensitive; ’ and ' alike; the term's last word also matches its
---possessive ("Moscow" finds "Moscow’s"); `*` in a term word matches any
---letters ("mus*"). Context: `width` characters on each side (default 40; line
---breaks become spaces).
---@param s string
---@param term string
---@param opts? integer|KwicOptions the width, or options
---@return KwicHit[]
function text.kwic(s, term, opts) end

---A stopword set: stop["the"] == true, with both ' and ’ spellings of every
---contraction. "en" (Lectern's list) and the stopwords-iso lists for ar ca cs
---da de el es fi fr hi id it ja ms nl no pl pt ro ru sk sv tl uk zh.
---@param lang string
---@return table<string, boolean>
function text.stopwords(lang) end

---s in NFC, apostrophes as ', dashes as -, white space collapsed (see NormalizeOptions).
---@param s string
---@param opts? NormalizeOptions
---@return string
function text.normalize(s, opts) end

---As string.find, with code points for characters and Unicode classes (%a is
---any letter, [’'] matches either apostrophe). Positions are bytes.
---@param s string
---@param pattern string
---@param init? integer
---@param plain? boolean
---@return integer? start
---@return integer? end
---@return any ... captures
function text.find(s, pattern, init, plain) end

---As string.match, with code points and Unicode classes.
---@param s string
---@param pattern string
---@param init? integer
---@return any ... captures, or the whole match
function text.match(s, pattern, init) end

---As string.gmatch, with code points and Unicode classes.
---@param s string
---@param pattern string
---@return fun(): any
function text.gmatch(s, pattern) end

---Whether every code point of x (a string, or one code point number) is a letter.
---@param x string|integer
---@return boolean
function text.isletter(x) end

---Whether every code point of x (a string, or one code point number) is a decimal digit.
---@param x string|integer
---@return boolean
function text.isdigit(x) end

---Whether x has a letter and none of its letters is lower case ("U.S." is).
---@param x string|integer
---@return boolean
function text.isupper(x) end

---Whether x has a letter and none of its letters is upper case.
---@param x string|integer
---@return boolean
function text.islower(x) end

---A Counter over t (a new empty table when t is nil).
---@param t? table<string, number>
---@return Counter
function text.counter(t) end

---The n highest counts of a plain key -> count table (all when n is nil), by
---count descending, then key ascending. Same as text.counter(t):top(n).
---@param t table<string, number>
---@param n? integer
---@return CountEntry[]
function text.top(t, n) end

-- ===========================================================================
-- lectern: the plugin API
-- ===========================================================================

---@class lecternlib
---@field version string the host's version
lectern = {}

---Declares a hook of your own (a plugin does this), so that lectern.fire can
---call it. The name must be an identifier that is not a built-in name.
---@param name string
function lectern.hook(name) end

---Registers fn for a built-in hook; it is called with the same arguments as
---the script's own function of that name, before it.
---@overload fun(name: "setup", fn: fun(args: table<string, string>))
---@overload fun(name: "classify", fn: fun(block: Block): BlockLabel|nil)
---@overload fun(name: "article", fn: fun(a: Article))
---@overload fun(name: "section", fn: fun(s: Section, a: Article))
---@overload fun(name: "paragraph", fn: fun(p: Paragraph, a: Article))
---@overload fun(name: "boilerplate", fn: fun(b: Boilerplate, a: Article))
---@overload fun(name: "comment", fn: fun(c: Comment, a: Article))
---@overload fun(name: "finish", fn: fun())
---@param name string
---@param fn function
function lectern.on(name, fn) end

---Calls every loaded script's function named `name` (a global, or a key of the
---table the script returned) with the given arguments. The hook must have been
---declared with lectern.hook. An error in one script's function is reported
---and does not stop the others.
---@param name string
---@param ... any
function lectern.fire(name, ...) end

---Writes its arguments, space-separated, as one line to standard error,
---prefixed with the current article's path.
---@param ... any
function lectern.log(...) end

--- A readable one-line rendering of any value, tables included (keys sorted,
--- nesting and length bounded), for print debugging.
---@param value any
---@return string
function lectern.inspect(value) end
