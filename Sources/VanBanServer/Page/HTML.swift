import Foundation
import VanBan

/// The pieces every page is made of. All text from the archive or the request goes through
/// `escape`; markup is only ever written here and in the page files.
enum HTML {
    static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.append(character)
            }
        }
        return result
    }

    /// The snippet with its highlights as <mark>. The markers are control characters, which the
    /// indexer drops from stored text, so they survive escaping and cannot clash with the text.
    static func marked(_ snippet: Snippet) -> String {
        escape(snippet.marked(before: "\u{2}", after: "\u{3}"))
            .replacingOccurrences(of: "\u{2}", with: "<mark>")
            .replacingOccurrences(of: "\u{3}", with: "</mark>")
    }

    /// Only unreserved ASCII is left as it is, so "/" in a number becomes %2F and stays one path
    /// segment, and "Đ" is sent as its UTF-8 bytes.
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// The link to a document's page, by its number or name.
    static func link(to node: GraphNode) -> String {
        "<a href=\"/view/\(component(node.label))\">\(escape(node.label))</a>"
    }

    static func page(title: String, query: String = "", body: String) -> String {
        """
        <!doctype html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · vanban</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <a class="home" href="/">vanban</a>
        <form action="/" method="get" role="search">
        <input type="search" name="q" value="\(escape(query))" placeholder="dan van kheo, &quot;quy chế dân chủ&quot;, 25-NQ/TW" aria-label="Tìm kiếm" maxlength="\(QueryParser.maxLength)">
        <button type="submit">Tìm</button>
        </form>
        </header>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    private static let style = """
        body{font-family:"Noto Sans","DejaVu Sans",system-ui,sans-serif;margin:0;color:#1d1d1f;line-height:1.5}
        header{display:flex;gap:1rem;align-items:center;padding:.75rem 1.5rem;background:#8b1a1a}
        header .home{color:#fff;font-weight:bold;text-decoration:none;font-size:1.2rem}
        header form{display:flex;flex:1;gap:.5rem;max-width:48rem}
        header input{flex:1;padding:.4rem .6rem;font-size:1rem;border:0;border-radius:3px}
        header button{padding:.4rem 1rem;font-size:1rem;border:0;border-radius:3px;background:#f2c14e}
        main{max-width:60rem;margin:0 auto;padding:1rem 1.5rem}
        mark{background:#ffe58a;padding:0 .1em}
        .meta{color:#555;font-size:.9rem}
        .section{color:#8b1a1a;font-size:.9rem}
        .title{font-size:.95rem}
        .snippet{margin-left:1rem}
        .facet{font-size:.9rem;margin:.2rem 0}
        .notice{background:#fff8e1;padding:.4rem .8rem}
        nav{margin:1rem 0}
        ol.hits>li{margin-bottom:1.1rem}
        .problem{border-left:4px solid #c00;padding:.5rem 1rem;background:#fff3f3}
        dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
        dt{color:#555}
        dd{margin:0}
        blockquote{margin:.2rem 0 .6rem 1rem;color:#333;font-size:.95rem}
        ul.links{list-style:none;padding-left:0}
        summary{cursor:pointer}
        .external{color:#777;font-size:.85rem}
        h2.heading{font-size:1.05rem;margin-top:1.5rem;color:#8b1a1a}
        """

    /// An error shown as a page, with the status of the problem.
    static func problem(_ problem: Problem, query: String = "") -> String {
        page(title: problem.title, query: query,
             body: "<p class=\"problem\"><strong>\(escape(problem.title))</strong>: \(escape(problem.detail))</p>")
    }
}
