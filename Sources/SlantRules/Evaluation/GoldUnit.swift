import Foundation
import SlantText

/// One human-labelled unit of a corpus in `../shared/eval/` format.
public struct GoldUnit: Sendable, Decodable {
    public struct Span: Sendable, Decodable {
        public var start: Int
        public var end: Int
        public var label: String
    }
    public var id: String
    public var text: String
    public var labels: [String]
    public var spans: [Span]

    enum CodingKeys: String, CodingKey { case id, text, labels, spans }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        id = try c.decodeIfPresent(String.self, forKey: .id) ?? ""
        text = try c.decode(String.self, forKey: .text)
        labels = try c.decodeIfPresent([String].self, forKey: .labels) ?? []
        spans = try c.decodeIfPresent([Span].self, forKey: .spans) ?? []
    }

    public init(id: String, text: String, labels: [String], spans: [Span]) {
        self.id = id
        self.text = text
        self.labels = labels
        self.spans = spans
    }
}

public enum GoldError: ReportableError {
    case unreadable(path: String, reason: String)
    case badLine(path: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): return "\(path): cannot be read: \(reason)"
        case .badLine(let path, let line, let reason): return "\(path):\(line): not a gold unit: \(reason)"
        }
    }
}

public enum GoldReader {
    public static func read(path: String) throws -> [GoldUnit] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw GoldError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file")
        }
        var units: [GoldUnit] = []
        let decoder = JSONDecoder()
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x0D || $0 == 0x09 }) { continue }
            do {
                units.append(try decoder.decode(GoldUnit.self, from: Data(line)))
            } catch let DecodingError.keyNotFound(key, _) {
                throw GoldError.badLine(path: path, line: lineNumber, reason: "missing \"\(key.stringValue)\"")
            } catch {
                throw GoldError.badLine(path: path, line: lineNumber, reason: "invalid JSON")
            }
        }
        return units
    }
}
