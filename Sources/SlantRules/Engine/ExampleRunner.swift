import SlantText

/// Runs every rule's own examples: the rubric's built-in test suite.
///
/// A triggering example passes when the rule finds something in the author's voice,
/// covering exactly each `[[…]]` span if any are marked. A non-triggering example
/// passes when the rule finds nothing in the author's voice (quoted speech may still
/// be reported).
public enum ExampleRunner {
    public struct Failure: Sendable, CustomStringConvertible {
        public var rule: String
        public var example: RuleExample
        public var problem: String
        public var description: String { "\(example.location): \(rule): \(problem)" }
    }

    public struct Report: Sendable {
        public var examples: Int
        public var failures: [Failure]
        public var rulesWithoutExamples: [String]
    }

    public static func run(_ engine: Engine, only ruleID: String? = nil) -> Report {
        var failures: [Failure] = []
        var count = 0
        var missing: [String] = []
        for rule in engine.rubric.rules where ruleID == nil || rule.id == ruleID {
            if rule.examples.triggering.isEmpty { missing.append(rule.id) }
            for example in rule.examples.triggering {
                count += 1
                if let problem = checkTriggering(engine, rule, example) {
                    failures.append(Failure(rule: rule.id, example: example, problem: problem))
                }
            }
            for example in rule.examples.nonTriggering {
                count += 1
                let found = findings(engine, rule, example.parsed.text)
                if !found.isEmpty {
                    let what = found.map { "“\($0.text)” at \($0.span)" }.joined(separator: ", ")
                    failures.append(Failure(rule: rule.id, example: example, problem: "should not trigger, but found \(what) in “\(example.source)”"))
                }
            }
        }
        return Report(examples: count, failures: failures, rulesWithoutExamples: missing)
    }

    static func findings(_ engine: Engine, _ rule: Rule, _ text: String) -> [Finding] {
        engine.score(Article(source: "example", text: text)).findings.filter { $0.rule == rule.id && $0.voice == .author }
    }

    static func checkTriggering(_ engine: Engine, _ rule: Rule, _ example: RuleExample) -> String? {
        let (text, spans) = example.parsed
        let found = findings(engine, rule, text)
        if found.isEmpty { return "should trigger but found nothing in “\(example.source)”" }
        let article = Article(source: "example", text: text)
        for (start, end) in spans where !found.contains(where: { $0.span.start == start && $0.span.end == end }) {
            let wanted = article.text(in: TextSpan(start: start, end: end))
            let got = found.map { "“\($0.text)” at \($0.span)" }.joined(separator: ", ")
            return "should find “\(wanted)” at \(start)..<\(end), found \(got)"
        }
        return nil
    }
}
