import Foundation
import Hummingbird

extension Response {
    /// Keys sorted and slashes unescaped, as `vanban … --json` prints them, so the CLI and the
    /// API give the same bytes for the same answer.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok,
                     contentType: String = "application/json; charset=utf-8") -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // The library's types encode plain strings and numbers: this cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
        return body(data, status: status, contentType: contentType)
    }

    static func text(_ text: String, status: HTTPResponse.Status = .ok, contentType: String) -> Response {
        body(Data(text.utf8), status: status, contentType: contentType)
    }

    /// The page loads nothing but itself: the policy forbids scripts and any outside asset.
    static func html(_ html: String, status: HTTPResponse.Status = .ok) -> Response {
        var response = text(html, status: status, contentType: "text/html; charset=utf-8")
        response.headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'"
        return response
    }

    private static func body(_ data: Data, status: HTTPResponse.Status, contentType: String) -> Response {
        Response(status: status, headers: [.contentType: contentType, .xContentTypeOptions: "nosniff"],
                 body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
