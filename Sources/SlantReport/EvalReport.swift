import Foundation
import SlantRules

/// Output of `slant eval`: per-label confusion counts and scores, span agreement, and
/// the worst misses to guide rubric work.
public enum EvalReport {
    public static func json(_ results: [Evaluator.FileResult], rubric: Rubric) -> JSONValue {
        .object([
            ("rubric", ScoreJSON.rubricJSON(rubric)),
            ("files", .array(results.map { r in
                .object([
                    ("file", .string(r.file)),
                    ("units", .int(r.units)),
                    ("labels", .object(r.labels.keys.sorted().map { name in
                        let c = r.labels[name]!
                        return (name, .object([
                            ("tp", .int(c.tp)), ("fp", .int(c.fp)), ("fn", .int(c.fn)), ("tn", .int(c.tn)),
                            ("precision", .double(round3(c.precision))), ("recall", .double(round3(c.recall))),
                            ("f1", .double(round3(c.f1))), ("macro_f1", .double(round3(c.macroF1))),
                        ]))
                    })),
                    ("spans", .object(r.spans.keys.sorted().map { name in
                        let s = r.spans[name]!
                        return (name, .object([
                            ("gold", .int(s.gold)), ("predicted", .int(s.predicted)),
                            ("precision", .double(round3(s.precision))), ("recall", .double(round3(s.recall))), ("f1", .double(round3(s.f1))),
                        ]))
                    })),
                ])
            })),
        ])
    }

    static func round3(_ d: Double) -> Double { (d * 1000).rounded() / 1000 }

    static func pct(_ d: Double) -> String { String(format: "%.3f", d) }

    public static func text(_ results: [Evaluator.FileResult], errors: Int) -> String {
        var out = ""
        for r in results {
            out += "\(r.file): \(r.units) units\n"
            out += "  label                        tp     fp     fn     tn   prec   rec    F1  macroF1\n"
            for name in r.labels.keys.sorted() {
                let c = r.labels[name]!
                out += "  " + name.padding(toLength: 26, withPad: " ", startingAt: 0)
                out += [c.tp, c.fp, c.fn, c.tn].map { String($0).leftPad(7) }.joined()
                out += "  " + [c.precision, c.recall, c.f1].map(pct).joined(separator: " ") + "  " + pct(c.macroF1) + "\n"
            }
            if !r.spans.isEmpty {
                out += "  spans (any overlap)        gold   pred   prec    rec     F1\n"
                for name in r.spans.keys.sorted() {
                    let s = r.spans[name]!
                    out += "  " + name.padding(toLength: 24, withPad: " ", startingAt: 0)
                    out += String(s.gold).leftPad(7) + String(s.predicted).leftPad(7) + "  " + [s.precision, s.recall, s.f1].map(pct).joined(separator: "  ") + "\n"
                }
            }
            if errors > 0 {
                out += misses(r, limit: errors)
                for name in r.spans.keys.sorted() {
                    out += "  most missed \(name) spans: " + top(r.spans[name]!.missed, errors) + "\n"
                    out += "  most spurious \(name) spans: " + top(r.spans[name]!.spurious, errors) + "\n"
                }
            }
            out += "\n"
        }
        return out
    }

    /// The most confident false positives and the false negatives, with what fired.
    static func misses(_ r: Evaluator.FileResult, limit: Int) -> String {
        var out = ""
        for label in r.labels.keys.sorted() {
            let fps = r.misses.filter { $0.label == label && $0.falsePositive }.sorted { $0.strength > $1.strength }.prefix(limit)
            let fns = r.misses.filter { $0.label == label && !$0.falsePositive }.prefix(limit)
            if !fps.isEmpty { out += "  worst false positives for \(label):\n" }
            for m in fps {
                out += "    \(m.unit.id) (\(m.strength)): \(snippet(m.unit.text))\n"
                for f in m.findings.prefix(6) { out += "        \(f.rule) “\(f.text)”\(f.sourceType.map { " [\($0.rawValue)]" } ?? "")\n" }
            }
            if !fns.isEmpty { out += "  false negatives for \(label):\n" }
            for m in fns {
                let spans = m.unit.spans.map { "“\(slice(m.unit.text, $0.start, $0.end))” (\($0.label))" }.prefix(4).joined(separator: ", ")
                out += "    \(m.unit.id): \(snippet(m.unit.text))\(spans.isEmpty ? "" : "\n        gold spans: " + spans)\n"
            }
        }
        return out
    }

    static func top(_ counts: [String: Int], _ n: Int) -> String {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(n)
            .map { "“\(snippet($0.key))” \($0.value)" }.joined(separator: ", ")
    }

    static func snippet(_ s: String) -> String {
        let flat = s.replacingOccurrences(of: "\n", with: " ")
        return flat.count > 160 ? String(flat.prefix(157)) + "…" : flat
    }

    static func slice(_ s: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(s.unicodeScalars)
        guard start >= 0, end <= scalars.count, start <= end else { return "" }
        return String(String.UnicodeScalarView(scalars[start..<end]))
    }
}

extension String {
    func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
