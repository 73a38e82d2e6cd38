extension RubricLoader {
    static func families(_ node: YAMLNode?) throws -> Set<Family> {
        guard let node else { return [] }
        return Set(try node.asArray("families").map { n in
            let name = try n.asString("a family")
            guard let f = Family(rawValue: name) else {
                throw n.fail("unknown family '\(name)' (known: \(Family.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            return f
        })
    }

    static func ruleRefs(_ node: YAMLNode?, ruleIDs: Set<String>) throws -> Set<String> {
        guard let node else { return [] }
        return Set(try node.asArray("rules").map { n in
            let id = try n.asString("a rule id")
            guard ruleIDs.contains(id) else { throw n.fail("no rule '\(id)' in the rubric") }
            return id
        })
    }

    static func parseLabels(_ node: YAMLNode, ruleIDs: Set<String>) throws -> [String: LabelRules.Label] {
        let m = try node.asMapping("labels", allowed: [])
        var out: [String: LabelRules.Label] = [:]
        for (name, value) in m.pairs {
            let lm = try value.asMapping("label '\(name)'", allowed: ["families", "rules", "voice", "measure", "threshold", "source_types", "rule_weights"])
            let voice = try lm["voice"]?.asString("voice") ?? "author"
            guard voice == "author" || voice == "any" else { throw lm["voice"]!.fail("voice must be author or any") }
            let measure = try lm["measure"]?.asString("measure") ?? "weight"
            guard measure == "weight" || measure == "count" else { throw lm["measure"]!.fail("measure must be weight or count") }
            var types: Set<SourceType> = []
            for t in try lm["source_types"]?.asArray("source_types") ?? [] {
                guard let st = SourceType(rawValue: try t.asString("a source type")) else {
                    throw t.fail("source types are \(SourceType.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                types.insert(st)
            }
            let label = LabelRules.Label(
                name: name, families: try families(lm["families"]), rules: try ruleRefs(lm["rules"], ruleIDs: ruleIDs),
                authorOnly: voice == "author", byWeight: measure == "weight",
                threshold: try lm["threshold"]?.asDouble("threshold") ?? 1, sourceTypes: types,
                ruleWeights: try ruleWeights(lm["rule_weights"], label: name, ruleIDs: ruleIDs))
            if label.families.isEmpty && label.rules.isEmpty { throw value.fail("label '\(name)' needs families or rules") }
            out[name] = label
        }
        return out
    }

    /// `rule_weights: {rule-id: multiplier}`: ids must name rules of the rubric and
    /// multipliers be finite and not negative (a negative one would turn a loaded word
    /// into evidence against the label, which no rubric author means).
    static func ruleWeights(_ node: YAMLNode?, label: String, ruleIDs: Set<String>) throws -> [String: Double] {
        guard let node else { return [:] }
        let m = try node.asMapping("rule_weights of label '\(label)'", allowed: [])
        var out: [String: Double] = [:]
        for (id, value) in m.pairs {
            guard ruleIDs.contains(id) else {
                let key = m.keyNodes[id] ?? value
                throw key.fail("rule_weights of label '\(label)': no rule '\(id)' in the rubric")
            }
            let weight = try value.asDouble("the multiplier of rule '\(id)'")
            guard weight >= 0 else { throw value.fail("the multiplier of rule '\(id)' must not be negative") }
            out[id] = weight
        }
        return out
    }

    static func parseSpanLabels(_ node: YAMLNode, ruleIDs: Set<String>) throws -> [String: LabelRules.SpanLabel] {
        let m = try node.asMapping("spans", allowed: [])
        var out: [String: LabelRules.SpanLabel] = [:]
        for (name, value) in m.pairs {
            let sm = try value.asMapping("span label '\(name)'", allowed: ["families", "rules", "use"])
            let use = try sm["use"]?.asString("use") ?? "finding"
            guard use == "finding" || use == "source" else { throw sm["use"]!.fail("use must be finding or source") }
            let label = LabelRules.SpanLabel(name: name, families: try families(sm["families"]),
                                             rules: try ruleRefs(sm["rules"], ruleIDs: ruleIDs), useSource: use == "source")
            if label.families.isEmpty && label.rules.isEmpty { throw value.fail("span label '\(name)' needs families or rules") }
            out[name] = label
        }
        return out
    }
}
