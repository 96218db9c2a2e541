import VanBan

/// The search page: the box alone, or the documents found for `q` with their best passages,
/// the counts by type, issuer and year as filters, and links to the pages before and after.
enum SearchPage {
    static func render(_ call: Call) throws -> String {
        guard call.query["q"] != nil else { return try home(call.archive) }
        let request = try SearchRequest(call.query, rules: call.archive.rules)
        let results = try call.archive.search(request)
        var body = ""
        if let notice = results.notice { body += "<p class=\"notice\">\(HTML.escape(vietnamese(notice)))</p>\n" }
        body += "<p class=\"meta\">\(results.total) văn bản cho <strong>\(HTML.escape(request.query))</strong>\(filterSummary(request))</p>\n"
        body += facets(results.facets, request: request)
        body += "<ol class=\"hits\" start=\"\(request.offset + 1)\">\n"
        for hit in results.hits { body += item(hit) }
        body += "</ol>\n" + navigation(request, results: results)
        return HTML.page(title: request.query, query: request.query, body: body)
    }

    private static func vietnamese(_ notice: String) -> String {
        notice == SearchResults.anyWordNotice ? "Không văn bản nào có đủ mọi từ; hiện các văn bản có nhiều từ nhất." : notice
    }

    private static func item(_ hit: DocumentHit) -> String {
        let name = [hit.type, hit.number].compactMap { $0 }.joined(separator: " ")
        let heading = hit.number.map { "<a href=\"/view/\(HTML.component($0))\">\(HTML.escape(name))</a>" } ?? HTML.escape(hit.file ?? name)
        var meta = [hit.date, hit.issuer].compactMap { $0 }.map(HTML.escape)
        if !hit.inArchive { meta.append("chưa có trong kho; được dẫn \(hit.citedBy ?? 0) lần") }
        var html = "<li>\(heading) <span class=\"meta\">\(meta.joined(separator: " · "))</span>"
        if let title = hit.title { html += "<div class=\"title\">\(HTML.escape(title))</div>" }
        for passage in hit.passages {
            if !passage.section.isEmpty {
                html += "<div class=\"section\">§ \(HTML.marked(Snippet(text: passage.section, highlights: passage.sectionHighlights)))</div>"
            }
            html += "<div class=\"snippet\">\(HTML.marked(passage.snippet))</div>"
        }
        return html + "</li>\n"
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
            return "<div class=\"facet\"><span class=\"meta\">\(title):</span> \(items.joined(separator: " · "))</div>\n"
        }
        return links("Loại", facets.types) { $0.type = $1 }
            + links("Cơ quan ban hành", facets.issuers) { $0.issuer = $1 }
            + links("Năm", facets.years) { $0.fromYear = Int($1); $0.toYear = Int($1) }
    }

    private static func filterSummary(_ request: SearchRequest) -> String {
        var parts: [String] = []
        if let type = request.type { parts.append("loại \(type)") }
        if let issuer = request.issuer { parts.append("cơ quan \(issuer)") }
        if let from = request.fromYear, let to = request.toYear, from == to { parts.append("năm \(from)") } else {
            if let from = request.fromYear { parts.append("từ năm \(from)") }
            if let to = request.toYear { parts.append("đến năm \(to)") }
        }
        guard !parts.isEmpty else { return "" }
        var plain = request
        (plain.type, plain.issuer, plain.fromYear, plain.toYear, plain.offset) = (nil, nil, nil, nil, 0)
        return " (\(HTML.escape(parts.joined(separator: ", "))); <a href=\"/?\(parameters(of: plain))\">bỏ lọc</a>)"
    }

    private static func navigation(_ request: SearchRequest, results: SearchResults) -> String {
        var links: [String] = []
        if request.offset > 0 {
            var previous = request
            previous.offset = max(0, request.offset - request.limit)
            links.append("<a rel=\"prev\" href=\"/?\(parameters(of: previous))\">← Trang trước</a>")
        }
        if let next = results.nextOffset, next <= SearchRequest.maxOffset {
            var following = request
            following.offset = next
            links.append("<a rel=\"next\" href=\"/?\(parameters(of: following))\">Trang sau →</a>")
        }
        return links.isEmpty ? "" : "<nav>\(links.joined(separator: " · "))</nav>\n"
    }

    /// The query string of a search.
    private static func parameters(of request: SearchRequest) -> String {
        let pairs: [(String, String?)] = [
            ("q", request.query), ("type", request.type), ("issuer", request.issuer),
            ("from", request.fromYear.map(String.init)), ("to", request.toYear.map(String.init)),
            ("sort", request.order == .relevance ? nil : request.order.rawValue),
            ("limit", request.limit == 10 ? nil : String(request.limit)),
            ("offset", request.offset == 0 ? nil : String(request.offset)),
        ]
        return pairs.compactMap { name, value in value.map { "\(name)=\(HTML.component($0))" } }
            .joined(separator: "&amp;")
    }

    private static func home(_ archive: Archive) throws -> String {
        let statistics = try archive.statistics()
        let body = """
            <p>Kho có \(statistics.documents) văn bản, \(statistics.passages) đoạn\
            \(statistics.builtAt.map { ", cập nhật \(HTML.escape($0))" } ?? "").</p>
            <table>
            <tr><td><code>dan van kheo</code></td><td>mọi từ, không dấu khớp mọi dấu</td></tr>
            <tr><td><code>dân vận</code></td><td>đúng các dấu đã gõ</td></tr>
            <tr><td><code>"quy chế dân chủ"</code></td><td>cụm từ</td></tr>
            <tr><td><code>dân*</code>, <code>dân vận -khéo</code>, <code>thủy OR thuỷ</code></td><td>tiền tố, loại trừ, hoặc</td></tr>
            <tr><td><code>25-NQ/TW</code>, <code>nq 25</code>, <code>ke hoach 45 tinh uy</code></td><td>số hiệu văn bản</td></tr>
            </table>
            <p class="meta">JSON API: <a href="/openapi.json">/openapi.json</a></p>
            """
        return HTML.page(title: "Tìm kiếm văn bản", body: body)
    }
}
