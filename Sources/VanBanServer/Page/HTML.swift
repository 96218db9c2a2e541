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

    /// The snippet with its highlights as <mark> and its emphasis read (see ``Inline``).
    static func marked(_ snippet: Snippet) -> String {
        Inline.html(snippet.text, highlights: snippet.highlights)
    }

    /// Only unreserved ASCII is left as it is, so "/" in a number becomes %2F and stays one path
    /// segment, and "Đ" is sent as its UTF-8 bytes.
    private static let unreserved = CharacterSet(charactersIn:
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")

    static func component(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? ""
    }

    /// The address of a document's page, by its number or name.
    static func view(_ label: String, _ rest: String = "") -> String { "/view/\(component(label))\(rest)" }

    /// The link to a document's page, by its number or name; one known only from citations is
    /// marked so.
    static func link(to node: GraphNode, fragment: String = "") -> String {
        let title = [node.type, node.date.map(UI.date), node.title].compactMap { $0 }.joined(separator: " · ")
        let attributes = (title.isEmpty ? "" : " title=\"\(escape(title))\"") + (node.inArchive ? "" : " class=\"external-link\"")
        return "<a href=\"\(view(node.label))\(fragment)\"\(attributes)>\(escape(node.label))</a>"
    }

    /// A query string from name-value pairs, absent values left out, "&" escaped for HTML.
    static func query(_ pairs: [(String, String?)]) -> String {
        pairs.compactMap { name, value in value.map { "\(name)=\(component($0))" } }.joined(separator: "&amp;")
    }

    static func page(title: String, query: String = "", body: String) -> String {
        let navigation = UI.navigation.map { "<a href=\"\($0.0)\">\(escape($0.1))</a>" }.joined(separator: " ")
        return """
        <!doctype html>
        <html lang="\(UI.language)">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title)) · \(UI.site)</title>
        <style>\(style)</style>
        </head>
        <body>
        <header>
        <a class="home" href="/">\(UI.site)</a>
        <form action="/" method="get" role="search">
        <input type="search" name="q" value="\(escape(query))" placeholder="\(escape(UI.searchPlaceholder))" aria-label="\(escape(UI.searchLabel))" maxlength="\(QueryParser.maxLength)">
        <button type="submit">\(escape(UI.searchButton))</button>
        </form>
        <nav class="site">\(navigation)</nav>
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
        .section a{color:inherit}
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
        ul.links>li{margin-bottom:.7rem}
        summary{cursor:pointer}
        .external{color:#777;font-size:.85rem}
        span.validity{font-size:.85rem;padding:0 .35rem;border-radius:3px;background:#e8f3e8;color:#1f5c1f}
        span.validity.amended,span.validity.partly-repealed,span.validity.not-yet-in-force{background:#fff3d6;color:#6b4e16}
        span.validity.replaced,span.validity.repealed,span.validity.ended,span.validity.expired,span.validity.suspended{background:#fbe3e3;color:#8b1a1a}
        .validity-block{border-left:4px solid #ddd;padding:.2rem .8rem;margin:.5rem 0}
        li.conflict{color:#8b1a1a}
        h2.heading{font-size:1.05rem;margin-top:1.5rem;color:#8b1a1a}
        header nav.site{display:flex;gap:1rem}
        header nav.site a{color:#fff;text-decoration:none}
        a.external-link{color:#6b4e16;text-decoration-style:dashed}
        a.unresolved{color:#555;text-decoration-style:dotted}
        a.web{word-break:break-all}
        table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
        th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.93rem}
        th{background:#f6f0e8}
        p.para{margin:.4rem 0}
        .para-line{color:#999;font-size:.75rem;margin-right:.4rem;text-decoration:none}
        span.req{border-bottom:2px solid #f2c14e}
        :target{background:#fff3c4}
        ul.tree,ul.tree ul{list-style:none;padding-left:1.2rem;border-left:1px solid #ccc}
        ul.tree{border-left:0;padding-left:0}
        ul.tree li{margin:.25rem 0}
        .diagram svg{max-width:100%;height:auto}
        .toc{columns:2;font-size:.9rem}
        .month{margin-top:1.2rem}
        form.filters{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end;margin:.5rem 0 1rem}
        form.filters label{display:flex;flex-direction:column;font-size:.85rem;color:#555}
        form.filters input{padding:.3rem .4rem;font-size:.95rem}
        .reading{font-size:.9rem;color:#444}
        """

    /// An error shown as a page.
    static func problem(title: String, detail: String, extra: String = "", query: String = "") -> String {
        page(title: title, query: query,
             body: "<div class=\"problem\"><p><strong>\(escape(title))</strong>: \(escape(detail))</p>\(extra)</div>")
    }
}
