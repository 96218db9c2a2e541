import Foundation
import VanBan

/// The parameters of a request's query string, decoded as an HTML form sends them ("+" is a
/// space). Hummingbird's own decoding keeps a value it cannot decode as it was sent; here it is
/// a 400 naming the parameter, so "%zz" or bytes that are not UTF-8 never reach a lookup.
struct QueryString: Sendable {
    private var values: [String: String] = [:]

    init(_ raw: String?) throws {
        for pair in (raw ?? "").split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = try Self.decoded(parts[0], name: String(parts[0]))
            let value = try Self.decoded(parts.count > 1 ? parts[1] : "", name: name)
            if values[name] == nil { values[name] = value }
        }
    }

    private static func decoded(_ text: Substring, name: String) throws -> String {
        guard let decoded = text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding else {
            throw Problem.badParameter(name, "The parameter \"\(name.prefix(40))\" is not valid percent-encoded UTF-8.")
        }
        return decoded
    }

    /// The value, or nil when absent or blank.
    subscript(name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    func required(_ name: String) throws -> String {
        guard let value = self[name] else { throw Problem.badParameter(name, "The parameter \"\(name)\" is required.") }
        return value
    }

    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let text = self[name] else { return nil }
        guard let value = Int(text), range.contains(value) else {
            throw Problem.badParameter(name, Limits.wholeNumber(name, range))
        }
        return value
    }

    func choice<T: RawRepresentable & CaseIterable>(_ name: String, of: T.Type) throws -> T? where T.RawValue == String {
        guard let text = self[name] else { return nil }
        guard let value = T(rawValue: text) else {
            throw Problem.badParameter(name, Limits.choice(name, T.allCases.map(\.rawValue)))
        }
        return value
    }

    /// A free-text value no longer than `maxBytes` of UTF-8.
    func text(_ name: String, maxBytes: Int) throws -> String? {
        guard let value = self[name] else { return nil }
        guard value.utf8.count <= maxBytes else {
            throw Problem.badParameter(name, Limits.tooLong(name, bytes: value.utf8.count, max: maxBytes))
        }
        return value
    }
}
