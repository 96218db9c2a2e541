import VanBan

/// The search page: the box alone, or the documents found for `q` with their best passages,
/// how the query was read, the counts by type, issuer and year as filters, and the pages before
/// and after.
enum SearchPage {
    static func render(_ call: Call) throws -> String {
        guard call.query["q"] != nil else { return try home(call.archive) }
        let request = try SearchRequest(call.query, rules: call.archive.rules)
        let results = try call.archive.search(request)
        var body = "<p class=\"meta\">\(HTML.escape(UI.found(results.total, query: request.query)))\(filterSummary(request, scope: results.scope))"
        if !request.inForce, results.total > 0 {
            var inForce = request
            inForce.inForce = true
            inForce.offset = 0
            body += " · <a href=\"/?\(parameters(of: inForce))\">\(HTML.escape(UI.inForceOnly))</a>"
        }
        body += "</p>\n"
        body += reading(request, interpretedAs: results.interpretedAs, rules: call.archive.rules)
        if results.notice != nil { body += "<p class=\"notice\">\(HTML.escape(UI.anyWordNotice))</p>\n" }
        body += facets(results.facets, request: request)
        if results.hits.isEmpty {
            body += results.total > 0 && request.offset > 0
                ? "<p>\(HTML.escape(UI.pastTheEnd(offset: request.offset, total: results.total)))</p>\n"
                : "<p>\(HTML.escape(UI.nothingFound(request.query)))</p>\n"
        } else {
            body += "<ol class=\"hits\" start=\"\(request.offset + 1)\">\n"
            for hit in results.hits { body += item(hit) }
            body += "</ol>\n"
        }
        body += navigation(request, results: results)
        return HTML.page(title: request.query, query: request.query, body: body)
    }

    private static func item(_ hit: DocumentHit) -> String {
        let name = [hit.type, hit.number].compactMap { $0 }.joined(separator: " ")
        let label = hit.number ?? hit.file ?? name
        // A number names several documents as often as one: a hit in the archive links by its file too.
        let href = hit.number.map { HTML.view($0) + (hit.file.map { "?" + HTML.query([("file", $0)]) } ?? "") }
        let heading = href.map { "<a href=\"\($0)\">\(HTML.escape(name))</a>" } ?? HTML.escape(label)
        var meta = [hit.date.map(UI.date), hit.issuer].compactMap { $0 }.map(HTML.escape)
        if !hit.inArchive {
            meta.append(HTML.escape(UI.notInArchive(citedTimes: hit.citedBy ?? 0)))
        } else if hit.numberMatch {
            meta.append(HTML.escape(UI.numberMatch))
        }
        var html = "<li>\(heading) <span class=\"meta\">\(meta.joined(separator: " · "))</span>"
        // The header passage holds the title: its matches mark the title, shown once.
        let header = hit.passages.first { $0.ordinal == 0 }
        if let title = hit.title {
            html += "<div class=\"title\">\(HTML.marked(titleSnippet(title, header: header?.snippet)))</div>"
        }
        for passage in hit.passages where passage.ordinal > 0 {
            let anchor = href.map { $0 + "#p\(passage.ordinal)" }
            if !passage.section.isEmpty {
                let section = HTML.marked(Snippet(text: passage.section, highlights: passage.sectionHighlights))
                html += "<div class=\"section\">§ " + (anchor.map { "<a href=\"\($0)\">\(section)</a>" } ?? section) + "</div>"
            }
            html += "<div class=\"snippet\">\(HTML.marked(passage.snippet))</div>"
        }
        return html + "</li>\n"
    }

    /// The title with the highlights the header passage's snippet has inside it.
    private static func titleSnippet(_ title: String, header: Snippet?) -> Snippet {
        guard let header, let range = header.text.range(of: title) else { return Snippet(text: title, highlights: []) }
        let start = header.text.unicodeScalars.distance(from: header.text.startIndex, to: range.lowerBound)
        let length = title.unicodeScalars.count
        let inside = header.highlights.compactMap { mark -> [Int]? in
            let from = max(mark[0] - start, 0), to = min(mark[1] - start, length)
            return from < to ? [from, to] : nil
        }
        return Snippet(text: title, highlights: inside)
    }

    /// The query as the archive read it, in words: a number (typed as one, or as type words and
    /// a number: "ke hoach 45 tinh uy"), and each term with whether its marks count.
    private static func reading(_ request: SearchRequest, interpretedAs: String, rules: RuleSet) -> String {
        guard let parsed = try? QueryParser(rules: rules).parse(request.query) else { return "" }
        var parts: [String] = []
        let named = interpretedAs.hasPrefix("number ") ? interpretedAs.dropFirst(7).prefix { $0 != ";" } : nil
        if let number = parsed.number {
            parts.append(UI.readingNumber(number.display))
        } else {
            if let named { parts.append(UI.readingNumber(String(named))) }
            func describe(_ term: QueryParser.Term) -> String {
                switch term {
                case .word(let word, prefix: true): return UI.readingPrefix(word)
                case .word(let word, prefix: false): return UI.readingWord(word, marked: VietText.key(word) != word.lowercased())
                case .phrase(let phrase): return UI.readingPhrase(phrase)
                }
            }
            let clauses = parsed.clauses.filter { !$0.excluded }.map { $0.alternatives.map(describe).joined(separator: UI.readingOr) }
            let excluded = parsed.clauses.filter(\.excluded).map { UI.readingExcluded($0.alternatives.map(describe).joined(separator: UI.readingOr)) }
            parts.append(UI.readingAll + " " + (clauses + excluded).joined(separator: UI.readingAnd))
        }
        return "<p class=\"reading\">\(HTML.escape(UI.readingLabel)) \(HTML.escape(parts.joined(separator: "; ")))</p>\n"
    }

    /// Each facet value is a link to the same search with that filter.
    private static func facets(_ facets: Facets, request: SearchRequest) -> String {
        func links(_ title: String, _ values: [FacetValue], apply: (inout SearchRequest, String) -> Void) -> String {
            guard !values.isEmpty else { return "" }
            let items = values.map { value -> String in
                var filtered = request
                apply(&filtered, value.value)
                filtered.offset = 0
                return "<a href=\"/?\(parameters(of: filtered))\">\(HTML.escape(value.label))</a> <span class=\"meta\">\(value.count)</span>"
            }
            return "<div class=\"facet\"><span class=\"meta\">\(HTML.escape(title)):</span> \(items.joined(separator: " · "))</div>\n"
        }
        return links(UI.facetTypes, facets.types) { $0.type = $1 }
            + links(UI.facetIssuers, facets.issuers) { $0.issuer = $1 }
            + links(UI.facetYears, facets.years) { $0.fromYear = Int($1); $0.toYear = Int($1) }
    }

    private static func filterSummary(_ request: SearchRequest, scope: SearchScope?) -> String {
        var parts: [String] = []
        if let type = request.type { parts.append(UI.filterType(type)) }
        if let issuer = request.issuer { parts.append(UI.filterIssuer(issuer)) }
        if let from = request.fromYear, let to = request.toYear, from == to { parts.append(UI.filterYear(from)) } else {
            if let from = request.fromYear { parts.append(UI.filterFrom(from)) }
            if let to = request.toYear { parts.append(UI.filterTo(to)) }
        }
        if request.order == .date { parts.append(UI.sortedByDate) }
        if let under = scope?.under?.label ?? request.under { parts.append(UI.filterUnder(under)) }
        if let cites = scope?.cites?.label ?? request.cites { parts.append(UI.filterCites(cites)) }
        if request.inForce { parts.append(UI.filterInForce) }
        guard !parts.isEmpty else { return "" }
        var plain = SearchRequest(query: request.query, limit: request.limit)
        plain.offset = 0
        return " (\(HTML.escape(parts.joined(separator: ", "))); <a href=\"/?\(parameters(of: plain))\">\(HTML.escape(UI.removeFilters))</a>)"
    }

    /// Previous and next, and where this page is among all of them; on a page past the last,
    /// the way back to the first.
    private static func navigation(_ request: SearchRequest, results: SearchResults) -> String {
        var links: [String] = []
        if request.offset > 0 {
            var previous = request
            previous.offset = results.hits.isEmpty ? 0 : max(0, request.offset - request.limit)
            let label = results.hits.isEmpty ? UI.firstPage : UI.previousPage
            links.append("<a rel=\"prev\" href=\"/?\(parameters(of: previous))\">\(HTML.escape(label))</a>")
        }
        if !results.hits.isEmpty, results.total > request.limit {
            let pages = (min(results.total, Limits.offset.upperBound + request.limit) + request.limit - 1) / request.limit
            let first = request.offset + 1, last = request.offset + results.hits.count
            links.append("<span class=\"meta\">\(HTML.escape(UI.shown(first: first, last: last, total: results.total))) · "
                + "\(HTML.escape(UI.page(request.offset / request.limit + 1, of: pages)))</span>")
        }
        if let next = results.nextOffset, next <= SearchRequest.maxOffset {
            var following = request
            following.offset = next
            links.append("<a rel=\"next\" href=\"/?\(parameters(of: following))\">\(HTML.escape(UI.nextPage))</a>")
        }
        return links.isEmpty ? "" : "<nav class=\"pages\">\(links.joined(separator: " · "))</nav>\n"
    }

    /// The query string of a search.
    private static func parameters(of request: SearchRequest) -> String {
        HTML.query([
            ("q", request.query), ("type", request.type), ("issuer", request.issuer),
            ("from", request.fromYear.map(String.init)), ("to", request.toYear.map(String.init)),
            ("sort", request.order == .relevance ? nil : request.order.rawValue),
            ("limit", request.limit == 10 ? nil : String(request.limit)),
            ("offset", request.offset == 0 ? nil : String(request.offset)),
            ("under", request.under), ("cites", request.cites), ("inForce", request.inForce ? "true" : nil),
        ])
    }

    private static func home(_ archive: Archive) throws -> String {
        let statistics = try archive.statistics()
        var body = "<p>\(HTML.escape(UI.archiveSize(documents: statistics.documents, passages: statistics.passages, builtAt: statistics.builtAt)))</p>\n<table>\n"
        for (example, meaning) in UI.queryHelp {
            let examples = example.components(separatedBy: ", ").map { "<a href=\"/?\(HTML.query([("q", $0)]))\"><code>\(HTML.escape($0))</code></a>" }
            body += "<tr><td>\(examples.joined(separator: ", "))</td><td>\(HTML.escape(meaning))</td></tr>\n"
        }
        body += "</table>\n<p class=\"meta\">\(HTML.escape(UI.apiNote)) <a href=\"/openapi.json\">/openapi.json</a></p>\n"
        return HTML.page(title: UI.homeTitle, body: body)
    }
}
