import Yams

/// Reads a composed YAML node tree with positions, so every type error can be reported
/// as `file:line:column` (Yams' decoder only gives a coding path for those).
struct YAMLNode {
    let node: Node
    let file: String
    /// Collects warnings (unknown keys) across the whole load.
    let warnings: WarningSink

    final class WarningSink {
        var items: [RubricWarning] = []
    }

    var location: SourceLocation {
        SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
    }

    func fail(_ message: String) -> RubricError { .invalid(location, message: message) }

    /// Parses `text` from `file`, turning YAML syntax errors into positioned errors.
    static func parse(_ text: String, file: String, warnings: WarningSink) throws -> YAMLNode {
        do {
            guard let node = try Yams.compose(yaml: text) else {
                throw RubricError.invalid(SourceLocation(file: file, line: 1, column: 1), message: "the file is empty")
            }
            return YAMLNode(node: node, file: file, warnings: warnings)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _), .composer(_, let problem, let mark, _):
                throw RubricError.invalid(SourceLocation(file: file, line: mark.line, column: mark.column), message: "YAML syntax: \(problem)")
            case .duplicatedKeysInMapping(let duplicates, let context):
                throw RubricError.invalid(SourceLocation(file: file, line: context.mark.line, column: context.mark.column),
                                          message: "duplicate key \(duplicates.joined(separator: ", "))")
            default:
                throw RubricError.invalidNoPosition(file: file, message: "YAML: \(error)")
            }
        }
    }

    // MARK: typed access

    var string: String? {
        guard case .scalar(let s) = node else { return nil }
        return s.string
    }

    func asString(_ what: String) throws -> String {
        guard let s = string else { throw fail("\(what) must be a string") }
        return s
    }

    func asDouble(_ what: String) throws -> Double {
        guard case .scalar = node, let d = node.float ?? node.int.map(Double.init) else { throw fail("\(what) must be a number") }
        // .nan and .inf are YAML numbers too, but would make every score NaN (and the JSON output invalid).
        guard d.isFinite else { throw fail("\(what) must be a finite number") }
        return d
    }

    func asInt(_ what: String) throws -> Int {
        guard case .scalar = node, let i = node.int else { throw fail("\(what) must be a whole number") }
        return i
    }

    func asBool(_ what: String) throws -> Bool {
        guard case .scalar = node, let b = node.bool else { throw fail("\(what) must be true or false") }
        return b
    }

    func asArray(_ what: String) throws -> [YAMLNode] {
        guard case .sequence(let seq) = node else { throw fail("\(what) must be a list") }
        return seq.map { YAMLNode(node: $0, file: file, warnings: warnings) }
    }

    /// A list of strings; a single string is taken as a list of one.
    func asStrings(_ what: String) throws -> [String] {
        if case .scalar = node { return [try asString(what)] }
        return try asArray(what).map { try $0.asString("each entry of \(what)") }
    }

    func asMapping(_ what: String, allowed: Set<String>) throws -> YAMLMapping {
        guard case .mapping(let m) = node else { throw fail("\(what) must be a mapping of keys to values") }
        var pairs: [(String, YAMLNode)] = []
        var keyNodes: [String: YAMLNode] = [:]
        for (k, v) in m {
            let key = YAMLNode(node: k, file: file, warnings: warnings)
            guard let name = key.string else { throw key.fail("keys of \(what) must be strings") }
            keyNodes[name] = key
            if !allowed.isEmpty && !allowed.contains(name) {
                let known = allowed.sorted().joined(separator: ", ")
                warnings.items.append(RubricWarning(location: key.location, message: "unknown key '\(name)' in \(what) (known keys: \(known))"))
            }
            pairs.append((name, YAMLNode(node: v, file: file, warnings: warnings)))
        }
        return YAMLMapping(pairs: pairs, owner: self, what: what, keyNodes: keyNodes)
    }
}

struct YAMLMapping {
    let pairs: [(String, YAMLNode)]
    let owner: YAMLNode
    let what: String
    /// Each key's own node, so an error about a key (an unknown rule id) points at it.
    let keyNodes: [String: YAMLNode]

    subscript(_ key: String) -> YAMLNode? { pairs.first { $0.0 == key }?.1 }

    func required(_ key: String) throws -> YAMLNode {
        guard let v = self[key] else { throw owner.fail("\(what) needs '\(key)'") }
        return v
    }

    var keys: [String] { pairs.map(\.0) }
}
