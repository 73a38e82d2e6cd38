import SlantText

/// Compares the engine's predictions with human labels.
public enum Evaluator {
    public struct Counts: Sendable, Equatable {
        public var tp = 0, fp = 0, fn = 0, tn = 0
        public init(tp: Int = 0, fp: Int = 0, fn: Int = 0, tn: Int = 0) { self.tp = tp; self.fp = fp; self.fn = fn; self.tn = tn }
        public var precision: Double { tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp) }
        public var recall: Double { tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
        /// F1 of the negative class, for macro-F1.
        public var negativeF1: Double {
            let p = tn + fn == 0 ? 0 : Double(tn) / Double(tn + fn)
            let r = tn + fp == 0 ? 0 : Double(tn) / Double(tn + fp)
            return p + r == 0 ? 0 : 2 * p * r / (p + r)
        }
        public var macroF1: Double { (f1 + negativeF1) / 2 }
    }

    /// Span agreement by any overlap: precision over predicted spans, recall over gold spans.
    public struct SpanCounts: Sendable, Equatable {
        public var predicted = 0, predictedMatched = 0, gold = 0, goldMatched = 0
        /// Gold span texts (lower-cased) that no finding overlapped, with how often.
        public var missed: [String: Int] = [:]
        /// Predicted span texts that overlapped no gold span, with how often.
        public var spurious: [String: Int] = [:]
        public var precision: Double { predicted == 0 ? 0 : Double(predictedMatched) / Double(predicted) }
        public var recall: Double { gold == 0 ? 0 : Double(goldMatched) / Double(gold) }
        public var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }
    }

    /// One unit the engine got wrong, with the findings that fired.
    public struct Miss: Sendable {
        public var unit: GoldUnit
        public var label: String
        public var falsePositive: Bool
        public var findings: [Finding]
        /// How far the prediction was from flipping: the weight or count of matching findings.
        public var strength: Double
    }

    public struct FileResult: Sendable {
        public var file: String
        public var units: Int
        public var labels: [String: Counts]
        public var spans: [String: SpanCounts]
        public var misses: [Miss]
    }

    /// Scores every unit as one prose paragraph and compares with its labels. Labels are
    /// those the rubric knows that occur in the file; spans likewise.
    public static func evaluate(file: String, units: [GoldUnit], engine: Engine,
                                labelsIn allUnits: [GoldUnit]? = nil) -> FileResult {
        let rules = engine.rubric.labelRules
        // Which labels the file uses is decided over the whole file, not one chunk of it.
        let present = Set((allUnits ?? units).flatMap(\.labels))
        let spanPresent = Set((allUnits ?? units).flatMap { $0.spans.map(\.label) })
        let labels = rules.labels.values.filter { present.contains($0.name) }
        let spanLabels = rules.spans.values.filter { spanPresent.contains($0.name) }
        var counts: [String: Counts] = Dictionary(uniqueKeysWithValues: labels.map { ($0.name, Counts()) })
        var spans: [String: SpanCounts] = Dictionary(uniqueKeysWithValues: spanLabels.map { ($0.name, SpanCounts()) })
        var misses: [Miss] = []
        let scored = units.map { findings(for: $0, engine: engine) }
        for (unit, findings) in zip(units, scored) {
            for label in labels {
                let predicted = label.predicts(findings)
                let gold = unit.labels.contains(label.name)
                switch (predicted, gold) {
                case (true, true): counts[label.name]!.tp += 1
                case (true, false): counts[label.name]!.fp += 1
                case (false, true): counts[label.name]!.fn += 1
                case (false, false): counts[label.name]!.tn += 1
                }
                if predicted != gold {
                    let selected = label.counted(findings)
                    let strength = label.measure(selected)
                    misses.append(Miss(unit: unit, label: label.name, falsePositive: predicted, findings: selected, strength: strength))
                }
            }
            for spanLabel in spanLabels {
                let gold = unit.spans.filter { $0.label == spanLabel.name }.map { TextSpan(start: $0.start, end: max($0.start, $0.end)) }
                let predicted = findings.compactMap { f -> TextSpan? in
                    guard spanLabel.families.contains(f.family) || spanLabel.rules.contains(f.rule) else { return nil }
                    return spanLabel.useSource ? f.sourceSpan : f.span
                }
                var sc = spans[spanLabel.name]!
                sc.gold += gold.count
                sc.predicted += predicted.count
                let scalars = Array(unit.text.unicodeScalars)
                func text(_ s: TextSpan) -> String {
                    guard s.start >= 0, s.end <= scalars.count else { return "" }
                    return String(String.UnicodeScalarView(scalars[s.start..<s.end])).lowercased()
                }
                for g in gold {
                    if predicted.contains(where: { $0.overlaps(g) }) { sc.goldMatched += 1 } else { sc.missed[text(g), default: 0] += 1 }
                }
                for p in predicted {
                    if gold.contains(where: { $0.overlaps(p) }) { sc.predictedMatched += 1 } else { sc.spurious[text(p), default: 0] += 1 }
                }
                spans[spanLabel.name] = sc
            }
        }
        return FileResult(file: file, units: units.count, labels: counts, spans: spans, misses: misses)
    }

    /// Every finding of one unit, scored the way `evaluate` scores it. `slant calibrate`
    /// uses this too, so calibration sees exactly the findings `slant eval` measures.
    public static func findings(for unit: GoldUnit, engine: Engine) -> [Finding] {
        engine.score(article(for: unit)).findings
    }

    /// A unit is scored as one prose paragraph: corpora hold sentences and paragraphs cut
    /// from articles, and a short one must not be taken for a heading.
    static func article(for unit: GoldUnit) -> Article {
        let text = ArticleReader.normalizeLineEndings(unit.text)
        let length = text.unicodeScalars.count
        let hints = length == 0 ? [] : [PlainDocument.BlockHint(span: TextSpan(start: 0, end: length), kind: .prose)]
        return Article(source: unit.id, format: .text, document: PlainDocument(text: text.replacingNewlines(), hints: hints))
    }
}

extension String {
    /// Line breaks inside a unit become spaces so it stays one paragraph, keeping offsets.
    func replacingNewlines() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\n" ? " " : $0 }))
    }
}

extension Evaluator {
    /// Adds up results computed over parts of one file.
    public static func merge(_ parts: [FileResult], file: String) -> FileResult {
        var merged = FileResult(file: file, units: 0, labels: [:], spans: [:], misses: [])
        for p in parts {
            merged.units += p.units
            for (k, c) in p.labels {
                var m = merged.labels[k] ?? Counts()
                m.tp += c.tp; m.fp += c.fp; m.fn += c.fn; m.tn += c.tn
                merged.labels[k] = m
            }
            for (k, s) in p.spans {
                var m = merged.spans[k] ?? SpanCounts()
                m.gold += s.gold; m.goldMatched += s.goldMatched; m.predicted += s.predicted; m.predictedMatched += s.predictedMatched
                m.missed.merge(s.missed, uniquingKeysWith: +)
                m.spurious.merge(s.spurious, uniquingKeysWith: +)
                merged.spans[k] = m
            }
            merged.misses += p.misses
        }
        return merged
    }
}
