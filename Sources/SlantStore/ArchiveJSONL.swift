import Foundation

/// JSON Lines export: a header line, one line per document (with its revisions' texts),
/// one line per note (with its anchors). Keys sorted, so two exports of the same store
/// are byte-identical and diff well when committed.
///
///     {"format":"slant-annotations","generator":"Slant 0.1.0","type":"header","version":1}
///     {"type":"document","key":"…","created":"…","current":"sha","revisions":[{"sha256","created","text"}]}
///     {"type":"note","uid":"…","document":"…","revision":"sha","reviewer":"…","target":{"kind",…},"verdict",…}
public enum ArchiveJSONL {
    public static let formatName = "slant-annotations"
    public static let version = 1

    struct Header: Codable { var type = "header"; var format = formatName; var version = ArchiveJSONL.version; var generator: String }
    struct Tagged<T: Codable>: Codable {
        var type: String
        var value: T
        init(type: String, value: T) { self.type = type; self.value = value }
        enum Keys: String, CodingKey { case type }
        init(from decoder: Decoder) throws {
            type = try decoder.container(keyedBy: Keys.self).decode(String.self, forKey: .type)
            value = try T(from: decoder)
        }
        func encode(to encoder: Encoder) throws {
            try value.encode(to: encoder)
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(type, forKey: .type)
        }
    }
    struct TypeOnly: Decodable { var type: String? }

    public static func encode(_ archive: AnnotationArchive, generator: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        func line<T: Encodable>(_ value: T) -> String { String(decoding: try! encoder.encode(value), as: UTF8.self) + "\n" }
        var out = line(Header(generator: generator))
        for d in archive.documents { out += line(Tagged(type: "document", value: d)) }
        for n in archive.notes { out += line(Tagged(type: "note", value: n)) }
        return out
    }

    public static func decode(_ text: String) throws -> AnnotationArchive {
        let decoder = JSONDecoder()
        var archive = AnnotationArchive()
        var sawHeader = false
        for (i, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            let data = Data(line.utf8)
            do {
                switch try decoder.decode(TypeOnly.self, from: data).type {
                case "header":
                    let h = try decoder.decode(Header.self, from: data)
                    guard h.format == formatName else { throw StoreError.invalidArchive(line: i + 1, reason: "not a Slant annotation export (format \(h.format))") }
                    guard h.version <= version else { throw StoreError.invalidArchive(line: i + 1, reason: "export version \(h.version) is newer than this Slant reads (\(version))") }
                    sawHeader = true
                case "document": archive.documents.append(try decoder.decode(Tagged<ArchivedDocument>.self, from: data).value)
                case "note": archive.notes.append(try decoder.decode(Tagged<ArchivedNote>.self, from: data).value)
                case let other: throw StoreError.invalidArchive(line: i + 1, reason: "unknown line type \(other.map { "'\($0)'" } ?? "(none)")")
                }
            } catch let e as StoreError {
                throw e
            } catch let e as DecodingError {
                throw StoreError.invalidArchive(line: i + 1, reason: describe(e))
            } catch {
                throw StoreError.invalidArchive(line: i + 1, reason: "not JSON: \(error.localizedDescription)")
            }
        }
        guard sawHeader || (archive.documents.isEmpty && archive.notes.isEmpty) else {
            throw StoreError.invalidArchive(line: 1, reason: "missing the header line of a Slant annotation export")
        }
        return archive
    }

    /// A decoding error as "field: problem".
    static func describe(_ e: DecodingError) -> String {
        func path(_ c: [CodingKey]) -> String { c.map { $0.intValue.map(String.init) ?? $0.stringValue }.joined(separator: ".") }
        switch e {
        case .keyNotFound(let key, let ctx): return "missing field '\(path(ctx.codingPath + [key]))'"
        case .typeMismatch(_, let ctx), .valueNotFound(_, let ctx): return "wrong type at '\(path(ctx.codingPath))'"
        case .dataCorrupted(let ctx): return ctx.codingPath.isEmpty ? "not valid JSON" : "invalid value at '\(path(ctx.codingPath))': \(ctx.debugDescription)"
        @unknown default: return "\(e)"
        }
    }
}
