import Crypto
import Foundation
import SlantText

/// Loads a rubric folder: `rubric.yaml` (the manifest), rule files and lexicon files.
///
/// Everything is validated at load time — unknown families and kinds, missing lexicons,
/// duplicate rule ids, regular expressions that do not compile or could backtrack
/// without bound — so a scoring run never meets a broken rule halfway through.
public enum RubricLoader {
    public static let manifestName = "rubric.yaml"

    /// The rubric bundled with Slant: `Rubrics/` next to the working directory, or
    /// beside the executable's package, or `$SLANT_RUBRIC`.
    public static func defaultDirectory(executable: String = CommandLine.arguments.first ?? "") -> String? {
        let fm = FileManager.default
        if let env = ProcessInfo.processInfo.environment["SLANT_RUBRIC"], !env.isEmpty { return env }
        var candidates = [fm.currentDirectoryPath + "/Rubrics"]
        // .build/debug/slant → package root/Rubrics
        var dir = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            candidates.append(dir.appendingPathComponent("Rubrics").path)
            dir = dir.deletingLastPathComponent()
        }
        return candidates.first { fm.fileExists(atPath: $0 + "/" + manifestName) }
    }

    public static func load(path: String) throws -> Rubric {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw RubricError.notFound(path: path) }
        let directory = isDir.boolValue ? path : (path as NSString).deletingLastPathComponent
        let manifestPath = isDir.boolValue ? (path as NSString).appendingPathComponent(manifestName) : path
        guard fm.fileExists(atPath: manifestPath) else { throw RubricError.noManifest(directory: directory) }

        let sink = YAMLNode.WarningSink()
        var hashed: [(String, Data)] = []
        func readText(_ file: String) throws -> String {
            guard let data = fm.contents(atPath: file) else { throw RubricError.unreadable(path: file, reason: "permission denied or not a file") }
            guard let text = String(data: data, encoding: .utf8) else {
                throw invalidUTF8(data, file: file)
            }
            hashed.append((relative(file, to: directory), data))
            return text
        }

        let manifestNode = try YAMLNode.parse(try readText(manifestPath), file: manifestPath, warnings: sink)
        let manifest = try manifestNode.asMapping("the rubric manifest", allowed: ["name", "version", "description", "scoring", "rules", "lexicons", "labels", "spans"])
        let name = try manifest.required("name").asString("name")
        let version = try manifest.required("version").asString("version")
        let description = try manifest["description"]?.asString("description") ?? ""
        let scoring = try manifest["scoring"].map(parseScoring) ?? ScoringSettings(familyWeights: [:], minWords: 25, scale: 12, flagThreshold: 40)

        // Lexicons: every .yaml file in the lexicon folder.
        let lexiconDir = (directory as NSString).appendingPathComponent(try manifest["lexicons"]?.asString("lexicons") ?? "lexicons")
        var lexicons: [String: Lexicon] = [:]
        for file in yamlFiles(in: lexiconDir) {
            let node = try YAMLNode.parse(try readText(file), file: file, warnings: sink)
            let lexicon = try parseLexicon(node, file: file)
            if lexicons[lexicon.id] != nil {
                throw node.fail("lexicon '\(lexicon.id)' is defined twice")
            }
            lexicons[lexicon.id] = lexicon
        }

        // Rules: the files the manifest lists, else every .yaml file in rules/.
        var ruleFiles: [String] = []
        if let list = manifest["rules"] {
            for entry in try list.asArray("rules") {
                let file = (directory as NSString).appendingPathComponent(try entry.asString("a rule file"))
                guard fm.fileExists(atPath: file) else { throw entry.fail("rule file '\(try entry.asString("a rule file"))' does not exist") }
                ruleFiles.append(file)
            }
        } else {
            ruleFiles = yamlFiles(in: (directory as NSString).appendingPathComponent("rules"))
        }
        var rules: [Rule] = []
        var seen: [String: SourceLocation] = [:]
        for file in ruleFiles {
            let node = try YAMLNode.parse(try readText(file), file: file, warnings: sink)
            let top = try node.asMapping("a rule file", allowed: ["rules"])
            for ruleNode in try top.required("rules").asArray("rules") {
                let rule = try parseRule(ruleNode, lexicons: lexicons)
                if let first = seen[rule.id] {
                    throw RubricError.invalid(rule.location, message: "duplicate rule id '\(rule.id)' (first defined at \(first))")
                }
                seen[rule.id] = rule.location
                rules.append(rule)
            }
        }
        if rules.isEmpty { throw manifestNode.fail("the rubric has no rules") }

        var hasher = SHA256()
        for (file, data) in hashed.sorted(by: { $0.0 < $1.0 }) {
            hasher.update(data: Data(file.utf8))
            hasher.update(data: Data([0]))
            hasher.update(data: data)
        }
        let sha = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let ruleIDs = Set(rules.map(\.id))
        let labelRules = LabelRules(
            labels: try manifest["labels"].map { try parseLabels($0, ruleIDs: ruleIDs) } ?? [:],
            spans: try manifest["spans"].map { try parseSpanLabels($0, ruleIDs: ruleIDs) } ?? [:])
        return Rubric(name: name, version: version, description: description, sha256: sha, directory: directory,
                      scoring: scoring, rules: rules, lexicons: lexicons, labelRules: labelRules, warnings: sink.items)
    }

    /// Where a rubric file stops being UTF-8, as `file:line:column` (column in bytes).
    static func invalidUTF8(_ data: Data, file: String) -> RubricError {
        let bytes = [UInt8](data)
        guard let offset = ArticleReader.firstInvalidUTF8(bytes[...]) else {
            return .invalidNoPosition(file: file, message: "not valid UTF-8")
        }
        let before = bytes[..<offset]
        let line = before.lazy.filter { $0 == 0x0A }.count + 1
        let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
        return .invalid(SourceLocation(file: file, line: line, column: column),
                        message: "not valid UTF-8 (byte \(offset), 0x\(String(bytes[offset], radix: 16, uppercase: true))); save the file as UTF-8")
    }

    static func relative(_ file: String, to dir: String) -> String {
        file.hasPrefix(dir + "/") ? String(file.dropFirst(dir.count + 1)) : file
    }

    static func yamlFiles(in dir: String) -> [String] {
        let items = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
        return items.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map { (dir as NSString).appendingPathComponent($0) }
    }

    // MARK: scoring

    static func parseScoring(_ node: YAMLNode) throws -> ScoringSettings {
        let m = try node.asMapping("scoring", allowed: ["families", "min_words", "scale", "flag_threshold"])
        var weights: [Family: Double] = [:]
        if let fams = m["families"] {
            let fm = try fams.asMapping("scoring.families", allowed: Set(Family.allCases.map(\.rawValue)))
            for (key, value) in fm.pairs {
                guard let family = Family(rawValue: key) else { continue }
                weights[family] = try value.asDouble("the weight of \(key)")
            }
        }
        let settings = ScoringSettings(
            familyWeights: weights,
            minWords: try m["min_words"]?.asInt("min_words") ?? 25,
            scale: try m["scale"]?.asDouble("scale") ?? 12,
            flagThreshold: try m["flag_threshold"]?.asDouble("flag_threshold") ?? 40
        )
        if settings.scale <= 0 { throw (m["scale"] ?? node).fail("scale must be greater than 0") }
        if settings.minWords < 1 { throw (m["min_words"] ?? node).fail("min_words must be at least 1") }
        return settings
    }

    // MARK: lexicons

    static func parseLexicon(_ node: YAMLNode, file: String) throws -> Lexicon {
        let m = try node.asMapping("a lexicon", allowed: ["lexicon", "description", "source", "licence", "license", "default_weight", "terms"])
        let id = try m.required("lexicon").asString("lexicon")
        let source = try m["source"]?.asString("source")
        guard let source, !source.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw node.fail("lexicon '\(id)' must say where its terms come from ('source')")
        }
        let defaultWeight = try m["default_weight"]?.asDouble("default_weight") ?? 1
        var terms: [Lexicon.Term] = []
        var seenTerms = Set<String>()
        let termNodes = try m.required("terms").asArray("terms")
        for t in termNodes {
            var term: Lexicon.Term
            if t.string != nil {
                term = Lexicon.Term(term: try t.asString("a term"), weight: defaultWeight, inflection: .none, location: t.location)
            } else {
                let tm = try t.asMapping("a term", allowed: ["term", "weight", "inflect", "note"])
                let inflectName = try tm["inflect"]?.asString("inflect") ?? "none"
                guard let inflection = Inflection(rawValue: inflectName) else {
                    throw tm["inflect"]!.fail("inflect must be one of \(Inflection.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                term = Lexicon.Term(term: try tm.required("term").asString("term"),
                                    weight: try tm["weight"]?.asDouble("weight") ?? defaultWeight,
                                    inflection: inflection, location: t.location)
            }
            if term.term.trimmingCharacters(in: .whitespaces).isEmpty { throw t.fail("empty term") }
            if !seenTerms.insert(Inflector.fold(term.term)).inserted {
                sinkWarning(t, "term '\(term.term)' is listed twice in lexicon '\(id)'")
            }
            terms.append(term)
        }
        if terms.isEmpty { throw node.fail("lexicon '\(id)' has no terms") }
        return Lexicon(id: id, description: try m["description"]?.asString("description") ?? "", source: source,
                       licence: try (m["licence"] ?? m["license"])?.asString("licence") ?? "", defaultWeight: defaultWeight, terms: terms)
    }

    static func sinkWarning(_ node: YAMLNode, _ message: String) {
        node.warnings.items.append(RubricWarning(location: node.location, message: message))
    }
}
