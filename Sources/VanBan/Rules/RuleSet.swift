import Foundation

/// The indexer's editable rule data, read from the `indexer/` folder: abbreviations, cue
/// phrases and aliases are data, so they can be corrected without touching code.
public final class RuleSet: Sendable {
    public let types: DocumentTypes
    public let issuers: Issuers
    public let casing: Casing
    public let citations: CitationRules
    public let requirements: RequirementRules
    public let layout: LayoutRules
    public let query: QueryWords
    /// The words of effect clauses ("có hiệu lực kể từ ngày ký") and of parts ("khoản 1 Điều 12").
    public let effects: EffectRules
    /// Byte tables of TCVN3 and VNI-Windows (`indexer/encodings/`) for files that are not UTF-8.
    public let legacyEncodings: LegacyEncodings
    /// Place → province, from `places.tsv`, keyed ignoring case and marks.
    public let provinces: [String: String]
    /// The same places, longest first (then by name): the order issuer lines are searched in,
    /// so a document's province never depends on a dictionary's order.
    private let placesBySpecificity: [(key: String, province: String)]
    /// A digest of the rule files: an archive built with other rules is re-indexed in full.
    public let fingerprint: String

    public static let fileNames = ["types.tsv", "issuers.tsv", "casing.tsv", "relations.tsv", "aliases.tsv", "references.tsv", "names.tsv", "places.tsv", "requirements.tsv", "schedules.tsv", "abbreviations.tsv", "bodies.tsv",
                                     "query.tsv", "layout.tsv", "effect.tsv", "encodings/tcvn3.tsv", "encodings/vni.tsv"]

    /// The reader of source files these rules go with: their legacy encodings, and their stamp
    /// labels, by which a PDF page holding only a signature stamp has no text layer.
    public func sourceReader(options: SourceReader.Options) -> SourceReader {
        SourceReader(options: options, legacy: legacyEncodings, stampLabels: layout.stampLabels)
    }

    public init(directory: URL) throws {
        var tables: [String: RuleTable] = [:]
        var digest = ContentHash()
        for name in Self.fileNames {
            let url = directory.appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: url.path) else {
                throw VanBanError.rules("missing rule file \(url.path)")
            }
            digest.update(Array(data))
            tables[name] = RuleTable(text: String(decoding: data, as: UTF8.self))
        }
        types = DocumentTypes(table: tables["types.tsv"]!)
        issuers = Issuers(table: tables["issuers.tsv"]!)
        casing = Casing(table: tables["casing.tsv"]!)
        citations = try CitationRules(relations: tables["relations.tsv"]!, aliases: tables["aliases.tsv"]!,
                                      references: tables["references.tsv"]!, names: tables["names.tsv"]!,
                                      types: types)
        requirements = try RequirementRules(requirements: tables["requirements.tsv"]!, schedules: tables["schedules.tsv"]!,
                                            abbreviations: tables["abbreviations.tsv"]!, bodies: tables["bodies.tsv"]!)
        query = try QueryWords(table: tables["query.tsv"]!)
        layout = LayoutRules(table: tables["layout.tsv"]!)
        effects = try EffectRules(table: tables["effect.tsv"]!)
        legacyEncodings = try LegacyEncodings(directory: directory)
        provinces = Dictionary(tables["places.tsv"]!.rows.filter { $0.count >= 2 }.map { (VietText.key($0[0]), $0[1]) },
                               uniquingKeysWith: { first, _ in first })
        placesBySpecificity = provinces.map { (key: $0.key, province: $0.value) }
            .sorted { ($1.key.count, $0.key) < ($0.key.count, $1.key) }
        fingerprint = digest.hex
    }

    /// The province a document belongs to: as its metadata says, else from its place or from
    /// a place named in its issuer lines ("Đảng bộ tỉnh Đồng Nai").
    public func province(of metadata: DocumentMetadata) -> String? {
        if let province = metadata.province { return province }
        if let place = metadata.place, let province = provinces[VietText.key(place)] { return province }
        return province(in: [metadata.issuer, metadata.parentIssuer].compactMap { $0 }.joined(separator: " "))
    }

    /// The province a body's name places it in ("Ban Thường vụ Tỉnh ủy Lâm Đồng"), the most
    /// specific place first.
    public func province(in name: String) -> String? {
        let issuers = VietText.key(name)
        return placesBySpecificity.first { issuers.hasSuffix(" " + $0.key) || issuers.includes(" " + $0.key + " ") }?.province
    }

    /// The rule folder to use: `$VANBAN_RULES`, else `./indexer`, else the `indexer/` folder of
    /// the checkout this binary was built from.
    public static func defaultDirectory() -> URL {
        let environment = ProcessInfo.processInfo.environment
        if let path = environment["VANBAN_RULES"] { return URL(fileURLWithPath: path) }
        let local = URL(fileURLWithPath: "indexer")
        if FileManager.default.fileExists(atPath: local.appendingPathComponent("types.tsv").path) {
            return local
        }
        return URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("indexer")
    }

    public static func loadDefault() throws -> RuleSet {
        try RuleSet(directory: defaultDirectory())
    }
}
