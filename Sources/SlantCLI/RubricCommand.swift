import ArgumentParser
import Foundation
import SlantRules
import SlantText

struct RubricCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rubric",
        abstract: "Check, test, list and explain the rules of a rubric.",
        subcommands: [Check.self, Test.self, List.self, Explain.self]
    )

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a rubric; problems are printed as file:line:column: message.")
        @Argument(help: "Rubric directory (default: the bundled one).") var directory: String?

        func run() async throws {
            let rubric = try Inputs.rubric(directory)
            for w in rubric.warnings { Terminal.write(w.description + "\n") }
            let terms = rubric.lexicons.values.reduce(0) { $0 + $1.terms.count }
            Terminal.write("\(rubric.directory): ok — \(rubric.name) \(rubric.version), \(rubric.rules.count) rules, \(rubric.lexicons.count) lexicons (\(terms) terms), sha256 \(rubric.sha256.prefix(12))\n")
        }
    }

    struct Test: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run every rule's triggering and non-triggering examples.")
        @Argument(help: "Rubric directory (default: the bundled one).") var directory: String?
        @Option(help: "Only this rule.") var rule: String?

        func run() async throws {
            let rubric = try Inputs.rubric(directory)
            if let rule, rubric.rule(rule) == nil { throw CLIError("no rule '\(rule)' in \(rubric.directory)") }
            let report = ExampleRunner.run(Engine(rubric: rubric), only: rule)
            for f in report.failures { Terminal.write("FAIL \(f)\n") }
            for r in report.rulesWithoutExamples { Terminal.write("warning: rule \(r) has no triggering examples\n") }
            let passed = report.examples - report.failures.count
            Terminal.write("\(passed) passed, \(report.failures.count) failed\n")
            if !report.failures.isEmpty { throw ExitCode(1) }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the rules: id, family, kind, weight.")
        @Argument(help: "Rubric directory (default: the bundled one).") var directory: String?

        func run() async throws {
            let rubric = try Inputs.rubric(directory)
            var out = "\(rubric.name) \(rubric.version)\n"
            let width = rubric.rules.map(\.id.count).max() ?? 10
            for r in rubric.rules {
                out += r.id.padding(toLength: width + 2, withPad: " ", startingAt: 0)
                out += r.family.rawValue.padding(toLength: 17, withPad: " ", startingAt: 0)
                out += r.kindName.padding(toLength: 13, withPad: " ", startingAt: 0)
                out += "weight \(r.weight)\n"
            }
            Terminal.write(out)
        }
    }

    struct Explain: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Describe one rule: what it looks for, its settings and examples.")
        @Argument(help: "The rule id.") var rule: String
        @OptionGroup var rubricOption: RubricOption

        func run() async throws {
            let rubric = try rubricOption.load()
            guard let r = rubric.rule(rule) else {
                throw CLIError("no rule '\(rule)' (known: \(rubric.rules.map(\.id).joined(separator: ", ")))")
            }
            var out = "\(r.id) — \(r.family.rawValue), kind \(r.kindName), weight \(r.weight), level \(r.level.rawValue)\n"
            out += "defined at \(r.location)\n\n"
            if !r.description.isEmpty { out += r.description + "\n\n" }
            out += "message: \(r.message)\n"
            switch r.kind {
            case .lexicon(let c):
                for id in c.lexicons {
                    if let lex = rubric.lexicons[id] {
                        out += "lexicon \(id): \(lex.terms.count) terms — \(lex.description)\n  source: \(lex.source)\n"
                    }
                }
                if c.skipNegated { out += "skips negated matches\n" }
            case .pattern(let c):
                for p in c.patterns { out += "pattern: \(p.source)\n" }
            case .scareQuote(let c):
                out += "quotations of \(c.minWords)–\(c.maxWords) words with no reporting verb or colon\n"
                out += "mention cues: \(c.mentionCues.joined(separator: ", "))\nboost ×\(c.boost) after: \(c.boostCues.joined(separator: ", "))\n"
            case .attribution(let c):
                out += "cues: \(c.cueLexicons.joined(separator: ", ")); agentless: \(c.agentlessLexicon); anonymous: \(c.anonymousLexicon); outlets: \(c.outletLexicon)\n"
                out += "weights: " + SourceType.allCases.map { "\($0.rawValue) \(c.weights[$0] ?? 0)" }.joined(separator: ", ") + "\n"
            case .claim(let c):
                for s in c.signals { out += "signal \(s.name): \(s.lexicon.map { "lexicon " + $0 } ?? s.pattern!.source)\n" }
                out += "attribution window: \(c.window) sentence(s)\n"
            }
            if !r.examples.triggering.isEmpty {
                out += "\ntriggers on:\n" + r.examples.triggering.map { "  + \($0.source)\n" }.joined()
            }
            if !r.examples.nonTriggering.isEmpty {
                out += "does not trigger on:\n" + r.examples.nonTriggering.map { "  - \($0.source)\n" }.joined()
            }
            Terminal.write(out)
        }
    }
}
