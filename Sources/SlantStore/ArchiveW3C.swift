import Foundation

/// W3C Web Annotation (JSON-LD) export: an `AnnotationCollection` whose annotations
/// any Web Annotation tool can read — `TextQuoteSelector` plus `TextPositionSelector`
/// (code points, as the model requires), `creator` the reviewer, `generator` the Slant
/// engine, motivation `assessing` when there is a verdict and `commenting` otherwise,
/// the verdict, label and text as `TextualBody`s with purposes `assessing`, `tagging`
/// and `commenting`. What the model has no term for (the revision, the finding's rule,
/// re-anchoring history, the revised texts) is kept under the `slant:` prefix so that
/// import is lossless.
public enum ArchiveW3C {
    public static let slantNamespace = "https://slant.invalid/ns#"

    struct Collection: Codable {
        var context: [ContextEntry]
        var type = "AnnotationCollection"
        var label = "Slant reviewer notes"
        var generator: Agent
        var total: Int
        var documents: [ArchivedDocument]
        var first: Page
        enum CodingKeys: String, CodingKey {
            case context = "@context", type, label, generator, total, documents = "slant:documents", first
        }
    }

    enum ContextEntry: Codable {
        case url(String)
        case prefixes([String: String])
        init(from decoder: Decoder) throws {
            let c = try decoder.singleValueContainer()
            if let s = try? c.decode(String.self) { self = .url(s) } else { self = .prefixes(try c.decode([String: String].self)) }
        }
        func encode(to encoder: Encoder) throws {
            var c = encoder.singleValueContainer()
            switch self {
            case .url(let s): try c.encode(s)
            case .prefixes(let d): try c.encode(d)
            }
        }
    }

    struct Page: Codable {
        var type = "AnnotationPage"
        var startIndex = 0
        var items: [Annotation]
    }

    struct Agent: Codable, Hashable {
        var type: String
        var name: String
    }

    struct Body: Codable {
        var type = "TextualBody"
        var purpose: String
        var value: String
        var format: String?
    }

    struct Selector: Codable {
        var type: String
        var exact: String?
        var prefix: String?
        var suffix: String?
        var start: Int?
        var end: Int?
    }

    struct Target: Codable {
        var source: String
        var revision: String
        var selector: [Selector]
        enum CodingKeys: String, CodingKey { case source, revision = "slant:revision", selector }
    }

    struct Annotation: Codable {
        var id: String
        var type = "Annotation"
        var motivation: String
        var created: String
        var modified: String
        var creator: Agent
        var generator: Agent
        var body: [Body]
        var target: Target
        var slantTarget: ArchivedTarget?
        var anchors: [ArchivedAnchor]?
        enum CodingKeys: String, CodingKey {
            case id, type, motivation, created, modified, creator, generator, body, target
            case slantTarget = "slant:target", anchors = "slant:anchors"
        }
    }

    public static func encode(_ archive: AnnotationArchive, generator: String) -> String {
        let engine = Agent(type: "Software", name: generator)
        let items = archive.notes.map { n -> Annotation in
            var body: [Body] = []
            if let v = n.verdict { body.append(Body(purpose: "assessing", value: v.rawValue)) }
            if let l = n.label { body.append(Body(purpose: "tagging", value: l)) }
            if !n.text.isEmpty { body.append(Body(purpose: "commenting", value: n.text, format: "text/plain")) }
            return Annotation(id: "urn:uuid:" + n.uid, motivation: n.verdict == nil ? "commenting" : "assessing",
                              created: n.created, modified: n.updated, creator: Agent(type: "Person", name: n.reviewer),
                              generator: engine, body: body,
                              target: Target(source: n.document, revision: n.revision, selector: [
                                  Selector(type: "TextQuoteSelector", exact: n.selector.exact, prefix: n.selector.prefix, suffix: n.selector.suffix),
                                  Selector(type: "TextPositionSelector", start: n.start, end: n.end),
                              ]),
                              slantTarget: n.target, anchors: n.anchors)
        }
        let collection = Collection(context: [.url("http://www.w3.org/ns/anno.jsonld"), .prefixes(["slant": slantNamespace])],
                                    generator: engine, total: items.count, documents: archive.documents, first: Page(items: items))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return escapeForHTML(String(decoding: try! encoder.encode(collection), as: UTF8.self)) + "\n"
    }

    /// JSON-LD is often pasted into a page as `<script type="application/ld+json">`, and
    /// article texts and notes are anyone's words: `</script>`, `"><img onerror=…>` or
    /// `</style>` in them must not end the element. `<`, `>` and `&` (and U+2028/U+2029,
    /// line ends to JavaScript) only occur inside strings in JSON, so they are written as
    /// `\uXXXX` escapes there; every JSON reader decodes the same text.
    static func escapeForHTML(_ json: String) -> String {
        var out = String.UnicodeScalarView()
        out.reserveCapacity(json.utf8.count)
        for s in json.unicodeScalars {
            switch s {
            case "<": out.append(contentsOf: "\\u003c".unicodeScalars)
            case ">": out.append(contentsOf: "\\u003e".unicodeScalars)
            case "&": out.append(contentsOf: "\\u0026".unicodeScalars)
            case "\u{2028}": out.append(contentsOf: "\\u2028".unicodeScalars)
            case "\u{2029}": out.append(contentsOf: "\\u2029".unicodeScalars)
            default: out.append(s)
            }
        }
        return String(out)
    }

    public static func decode(_ text: String) throws -> AnnotationArchive {
        let collection: Collection
        do {
            collection = try JSONDecoder().decode(Collection.self, from: Data(text.utf8))
        } catch let e as DecodingError {
            throw StoreError.invalidArchive(line: 1, reason: "not a Slant W3C annotation collection: " + ArchiveJSONL.describe(e))
        }
        let notes = try collection.first.items.enumerated().map { i, a -> ArchivedNote in
            let quote = a.target.selector.first { $0.type == "TextQuoteSelector" }
            let position = a.target.selector.first { $0.type == "TextPositionSelector" }
            guard let exact = quote?.exact, let start = position?.start, let end = position?.end else {
                throw StoreError.invalidArchive(line: 1, reason: "annotation \(i) (\(a.id)) lacks a TextQuoteSelector or TextPositionSelector")
            }
            let verdictText = a.body.first { $0.purpose == "assessing" }?.value
            let verdict = try verdictText.map { v -> Verdict in
                guard let verdict = Verdict(rawValue: v) else { throw StoreError.invalidArchive(line: 1, reason: "annotation \(a.id): unknown verdict '\(v)'") }
                return verdict
            }
            return ArchivedNote(uid: a.id.hasPrefix("urn:uuid:") ? String(a.id.dropFirst(9)) : a.id,
                                document: a.target.source, revision: a.target.revision, reviewer: a.creator.name,
                                target: a.slantTarget ?? ArchivedTarget(kind: .quote, rule: nil, start: nil, end: nil, paragraph: nil),
                                verdict: verdict, label: a.body.first { $0.purpose == "tagging" }?.value,
                                text: a.body.first { $0.purpose == "commenting" }?.value ?? "",
                                created: a.created, updated: a.modified,
                                selector: QuoteSelector(exact: exact, prefix: quote?.prefix ?? "", suffix: quote?.suffix ?? ""),
                                start: start, end: end, anchors: a.anchors ?? [])
        }
        return AnnotationArchive(documents: collection.documents, notes: notes)
    }
}
