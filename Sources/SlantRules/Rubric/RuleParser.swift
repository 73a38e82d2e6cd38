import Foundation

extension RubricLoader {
    static let commonKeys: Set<String> = ["id", "family", "kind", "message", "description", "weight", "level", "examples"]
    static let kindKeys: [String: Set<String>] = [
        "lexicon": ["lexicons", "skip_negated", "verbs_only"],
        "pattern": ["patterns"],
        "scare-quote": ["min_words", "max_words", "mention_cues", "boost_cues", "boost"],
        "attribution": ["cue_lexicons", "dual_use_cue_lexicons", "nominal_cue_lexicons", "agentless_lexicon", "anonymous_lexicon",
                        "outlet_lexicon", "weights", "speaker_colon", "quote_punctuation", "complement_cues"],
        "claim": ["signals", "window", "sourcing_lexicons"],
    ]

    static func parseRule(_ node: YAMLNode, lexicons: [String: Lexicon]) throws -> Rule {
        // Read the kind first so unknown-key warnings know which keys belong.
        guard case .mapping = node.node else { throw node.fail("a rule must be a mapping (id, family, kind, …)") }
        let probe = try node.asMapping("a rule", allowed: [])
        let kindNode = try probe.required("kind")
        let kindName = try kindNode.asString("kind")
        guard let extra = kindKeys[kindName] else {
            throw kindNode.fail("unknown rule kind '\(kindName)' (known: \(kindKeys.keys.sorted().joined(separator: ", ")))")
        }
        let m = try node.asMapping("rule", allowed: commonKeys.union(extra))
        let id = try m.required("id").asString("id")
        let familyNode = try m.required("family")
        let familyName = try familyNode.asString("family")
        guard let family = Family(rawValue: familyName) else {
            throw familyNode.fail("unknown family '\(familyName)' (known: \(Family.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        var level = Level.warning
        if let l = m["level"] {
            guard let parsed = Level(rawValue: try l.asString("level")) else { throw l.fail("level must be info, warning or error") }
            level = parsed
        }

        func lexiconRef(_ n: YAMLNode, _ what: String) throws -> String {
            let name = try n.asString(what)
            guard lexicons[name] != nil else {
                throw n.fail("no lexicon '\(name)' in the rubric (known: \(lexicons.keys.sorted().joined(separator: ", ")))")
            }
            return name
        }
        func lexiconRefs(_ n: YAMLNode, _ what: String) throws -> [String] {
            if n.string != nil { return [try lexiconRef(n, what)] }
            let refs = try n.asArray(what).map { try lexiconRef($0, what) }
            if refs.isEmpty { throw n.fail("\(what) must name at least one lexicon") }
            return refs
        }

        let kind: RuleKind
        switch kindName {
        case "lexicon":
            kind = .lexicon(LexiconRule(lexicons: try lexiconRefs(try m.required("lexicons"), "lexicons"),
                                        skipNegated: try m["skip_negated"]?.asBool("skip_negated") ?? false,
                                        verbsOnly: try m["verbs_only"]?.asBool("verbs_only") ?? false))
        case "pattern":
            let list = try m.required("patterns").asArray("patterns")
            if list.isEmpty { throw try m.required("patterns").fail("patterns must not be empty") }
            kind = .pattern(PatternRule(patterns: try list.map { try compilePattern($0) }))
        case "scare-quote":
            let rule = ScareQuoteRule(
                minWords: try m["min_words"]?.asInt("min_words") ?? 1,
                maxWords: try m["max_words"]?.asInt("max_words") ?? 4,
                mentionCues: try m["mention_cues"]?.asStrings("mention_cues").map(Inflector.fold) ?? [],
                boostCues: try m["boost_cues"]?.asStrings("boost_cues").map(Inflector.fold) ?? [],
                boost: try m["boost"]?.asDouble("boost") ?? 1.5)
            if rule.minWords < 1 || rule.maxWords < rule.minWords {
                throw node.fail("need 1 <= min_words <= max_words")
            }
            kind = .scareQuote(rule)
        case "attribution":
            var weights: [SourceType: Double] = [.named: 0, .outlet: 0, .anonymous: 0.5, .agentless: 1]
            if let w = m["weights"] {
                let wm = try w.asMapping("weights", allowed: Set(SourceType.allCases.map(\.rawValue)))
                for (key, value) in wm.pairs { if let t = SourceType(rawValue: key) { weights[t] = try value.asDouble("weight of \(key)") } }
            }
            kind = .attribution(AttributionRule(
                cueLexicons: try lexiconRefs(try m.required("cue_lexicons"), "cue_lexicons"),
                agentlessLexicon: try lexiconRef(try m.required("agentless_lexicon"), "agentless_lexicon"),
                anonymousLexicon: try lexiconRef(try m.required("anonymous_lexicon"), "anonymous_lexicon"),
                outletLexicon: try lexiconRef(try m.required("outlet_lexicon"), "outlet_lexicon"),
                weights: weights,
                speakerColon: try m["speaker_colon"]?.asBool("speaker_colon") ?? true,
                dualUseCueLexicons: try m["dual_use_cue_lexicons"].map { try lexiconRefs($0, "dual_use_cue_lexicons") } ?? [],
                nominalCueLexicons: try m["nominal_cue_lexicons"].map { try lexiconRefs($0, "nominal_cue_lexicons") } ?? [],
                quotePunctuation: try m["quote_punctuation"]?.asBool("quote_punctuation") ?? false,
                complementCues: try m["complement_cues"]?.asBool("complement_cues") ?? false))
        case "claim":
            var signals: [ClaimRule.Signal] = []
            for s in try m.required("signals").asArray("signals") {
                let sm = try s.asMapping("a claim signal", allowed: ["name", "lexicon", "pattern"])
                let name = try sm.required("name").asString("name")
                let lex = try sm["lexicon"].map { try lexiconRef($0, "lexicon") }
                let pat = try sm["pattern"].map { try compilePattern($0) }
                if (lex == nil) == (pat == nil) { throw s.fail("a claim signal needs exactly one of 'lexicon' or 'pattern'") }
                signals.append(ClaimRule.Signal(name: name, lexicon: lex, pattern: pat))
            }
            if signals.isEmpty { throw try m.required("signals").fail("signals must not be empty") }
            if let w = m["window"], !(0...100).contains(try w.asInt("window")) {
                throw w.fail("window must be between 0 and 100 sentences") // a negative one crashed ClaimCheck
            }
            kind = .claim(ClaimRule(signals: signals, window: try m["window"]?.asInt("window") ?? 1,
                                    sourcingLexicons: try m["sourcing_lexicons"].map { Set(try lexiconRefs($0, "sourcing_lexicons")) }))
        default:
            throw kindNode.fail("unknown rule kind '\(kindName)'")
        }

        var examples = RuleExamples()
        if let ex = m["examples"] {
            let em = try ex.asMapping("examples", allowed: ["triggering", "non_triggering"])
            examples.triggering = try (em["triggering"]?.asArray("triggering") ?? []).map {
                RuleExample(source: try $0.asString("an example"), location: $0.location)
            }
            examples.nonTriggering = try (em["non_triggering"]?.asArray("non_triggering") ?? []).map {
                RuleExample(source: try $0.asString("an example"), location: $0.location)
            }
        }
        return Rule(
            id: id, family: family, kind: kind,
            message: try m["message"]?.asString("message") ?? "\(familyName): {match}",
            description: try m["description"]?.asString("description") ?? "",
            weight: try m["weight"]?.asDouble("weight") ?? 1,
            level: level, examples: examples, location: node.location)
    }

    /// Compiles a pattern, refusing ones that could backtrack without bound.
    static func compilePattern(_ node: YAMLNode) throws -> CompiledPattern {
        let source = try node.asString("a pattern")
        if let problem = backtrackingRisk(source) { throw node.fail("pattern '\(source)' \(problem)") }
        do {
            return CompiledPattern(source: source, regex: try NSRegularExpression(pattern: source, options: [.caseInsensitive]))
        } catch {
            throw node.fail("pattern '\(source)' is not a valid regular expression")
        }
    }

    /// A quantified group whose body is itself quantified — `(a+)+`, `(\w*)*`, `(x|y+){2,}` —
    /// can take exponential time on a near miss. Refuse it rather than hang a scoring run.
    static func backtrackingRisk(_ pattern: String) -> String? {
        let s = Array(pattern)
        var stack: [(start: Int, quantified: Bool)] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if c == "\\" { i += 2; continue }
            if c == "[" {
                // Skip a character class.
                i += 1
                if i < s.count && s[i] == "^" { i += 1 }
                if i < s.count && s[i] == "]" { i += 1 }
                while i < s.count && s[i] != "]" { if s[i] == "\\" { i += 1 }; i += 1 }
                i += 1
                continue
            }
            if c == "(" { stack.append((i, false)); i += 1; continue }
            if c == ")" {
                let inner = stack.popLast()?.quantified ?? false
                let next = i + 1 < s.count ? s[i + 1] : " "
                if inner && (next == "*" || next == "+" || next == "{") {
                    return "nests a repeated group inside a repetition, which can backtrack catastrophically"
                }
                // The group itself counts as quantified content for its parent.
                if (next == "*" || next == "+" || next == "{" || inner), !stack.isEmpty { stack[stack.count - 1].quantified = true }
                i += 1
                continue
            }
            if c == "*" || c == "+" || c == "{" {
                if !stack.isEmpty { stack[stack.count - 1].quantified = true }
            }
            i += 1
        }
        return nil
    }
}
