import VanBan

/// The search page: the box alone, or the hits of `q` with their snippets, section paths and
/// links to each document, and a link to the next page.
enum SearchPage {
    static func render(_ call: Call) throws -> String {
        guard call.query["q"] != nil else { return try home(call.archive) }
        let request = try SearchRequest(call.query, rules: call.archive.rules)
        let results = try call.archive.search(request)
        var body = "<p class=\"meta\">\(results.total) kết quả cho <strong>\(HTML.escape(request.query))</strong></p>\n<ol class=\"hits\" start=\"\(request.offset + 1)\">\n"
        for hit in results.hits { body += item(hit) }
        body += "</ol>\n"
        if let next = results.nextOffset {
            body += "<nav><a rel=\"next\" href=\"/?\(parameters(of: request, offset: next))\">Trang sau →</a></nav>\n"
        }
        return HTML.page(title: request.query, query: request.query, body: body)
    }

    private static func item(_ hit: SearchHit) -> String {
        let name = [hit.type, hit.number].compactMap { $0 }.joined(separator: " ")
        let heading = hit.number.map { "<a href=\"/view/\(HTML.component($0))\">\(HTML.escape(name))</a>" } ?? HTML.escape(hit.file)
        let meta = [hit.date, hit.issuer].compactMap { $0 }.map(HTML.escape).joined(separator: " · ")
        var html = "<li>\(heading) <span class=\"meta\">\(meta)</span>"
        if let title = hit.title { html += "<div>\(HTML.escape(title))</div>" }
        if !hit.section.isEmpty { html += "<div class=\"section\">§ \(HTML.escape(hit.section))</div>" }
        return html + "<div>\(HTML.marked(hit.snippet))</div></li>\n"
    }

    /// The query string of the same search at another offset.
    private static func parameters(of request: SearchRequest, offset: Int) -> String {
        let pairs: [(String, String?)] = [
            ("q", request.query), ("type", request.type), ("issuer", request.issuer),
            ("from", request.fromYear.map(String.init)), ("to", request.toYear.map(String.init)),
            ("sort", request.order == .relevance ? nil : request.order.rawValue),
            ("limit", request.limit == 10 ? nil : String(request.limit)), ("offset", String(offset)),
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
            <tr><td><code>25-NQ/TW</code>, <code>nq 25</code></td><td>số hiệu văn bản</td></tr>
            </table>
            <p class="meta">JSON API: <a href="/openapi.json">/openapi.json</a></p>
            """
        return HTML.page(title: "Tìm kiếm văn bản", body: body)
    }
}
