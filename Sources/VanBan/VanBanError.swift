/// Errors the library reports to people: each message says what went wrong and what to do.
public enum VanBanError: Error, CustomStringConvertible, Equatable {
    case rules(String)
    case archiveMissing(String)
    case archiveVersion(String)
    case badQuery(String)
    case notFound(String)
    case corpus(String)
    /// `vanban publish` refused a copy or could not make it; the destination is unchanged.
    case publication(String)

    public var description: String {
        switch self {
        case .rules(let message): return "rule data: \(message)"
        case .archiveMissing(let path): return "no archive at \(path): run `vanban index` first"
        case .archiveVersion(let message): return message
        case .badQuery(let message): return message
        case .notFound(let message): return message
        case .corpus(let message): return message
        case .publication(let message): return message
        }
    }
}
