import Foundation
import SlantRules
import SlantText

// `make bench`: throughput of Slant's pipeline stages on at least 20 MB of news text,
// release build, one core. Prints a Markdown table for BENCHMARKS.md.

/// News text to measure on: the labelled corpora in ../shared/eval when present (their
/// units joined into article-sized documents), else the bundled examples, repeated
/// until the corpus reaches `target` bytes.
func loadCorpus(target: Int) -> (articles: [String], origin: String) {
    let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    let evalDir = root.deletingLastPathComponent().appendingPathComponent("shared/eval")
    var units: [String] = []
    var origin = "Examples/"
    if let files = try? FileManager.default.contentsOfDirectory(atPath: evalDir.path).filter({ $0.hasSuffix(".jsonl") }).sorted(), !files.isEmpty {
        for file in files {
            guard let data = try? Data(contentsOf: evalDir.appendingPathComponent(file)) else { continue }
            for line in data.split(separator: UInt8(ascii: "\n")) {
                if let obj = try? JSONSerialization.jsonObject(with: line) as? [String: Any], let text = obj["text"] as? String {
                    units.append(text)
                }
            }
        }
        origin = "../shared/eval/*.jsonl texts"
    }
    if units.isEmpty {
        let examples = root.appendingPathComponent("Examples")
        for name in (try? FileManager.default.contentsOfDirectory(atPath: examples.path)) ?? [] where name.hasSuffix(".txt") {
            if let text = try? String(contentsOf: examples.appendingPathComponent(name), encoding: .utf8) { units.append(text) }
        }
    }
    // About 4 KB per article, like a news story.
    var articles: [String] = []
    var current: [String] = []
    var currentBytes = 0, total = 0, i = 0
    while total < target && !units.isEmpty {
        let unit = units[i % units.count]
        current.append(unit)
        currentBytes += unit.utf8.count + 2
        i += 1
        if currentBytes >= 4096 {
            total += currentBytes
            articles.append(current.joined(separator: "\n\n"))
            current = []
            currentBytes = 0
        }
    }
    return (articles, origin)
}

/// CPU time of this thread: steadier than wall time on a shared virtual machine.
func threadCPUSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

/// Throughput of `body` over `bytes`, best of `rounds` runs (the least disturbed one).
func measure(_ label: String, bytes: Int, rounds: Int = 3, _ body: () -> Int) -> (String, Double, Int) {
    var best = Double.infinity
    var checksum = 0
    for _ in 0..<rounds {
        let start = threadCPUSeconds()
        checksum = body()
        best = min(best, threadCPUSeconds() - start)
    }
    return (label, Double(bytes) / 1_000_000 / best, checksum)
}

let target = Int(ProcessInfo.processInfo.environment["SLANT_BENCH_BYTES"] ?? "") ?? 20_000_000
let (articles, origin) = loadCorpus(target: target)
let bytes = articles.reduce(0) { $0 + $1.utf8.count }
print("corpus: \(articles.count) articles, \(String(format: "%.1f", Double(bytes) / 1e6)) MB from \(origin)")

var results: [(String, Double, Int)] = []
results.append(measure("segmentation (one core)", bytes: bytes) {
    var paragraphs = 0
    for text in articles { paragraphs += Article(text: text).paragraphs.count }
    return paragraphs
})

// SLANT_BENCH_ONLY=segment stops here, for profiling the text model alone.
if ProcessInfo.processInfo.environment["SLANT_BENCH_ONLY"] == "segment" {
    for (label, mbps, _) in results { print("| \(label) | \(String(format: "%.1f", mbps)) |") }
    exit(0)
}
let rubricDir = RubricLoader.defaultDirectory() ?? "Rubrics"
let engine: Engine
do { engine = Engine(rubric: try RubricLoader.load(path: rubricDir)) } catch { print("rubric: \(error)"); exit(2) }
results.append(measure("full scoring: segment + all rules + scores (one core)", bytes: bytes) {
    var findings = 0
    for text in articles { findings += engine.score(Article(text: text)).paragraphs.reduce(0) { $0 + $1.findings.count } }
    return findings
})

// All cores: articles per second.
let cores = ProcessInfo.processInfo.activeProcessorCount
let wallStart = DispatchTime.now().uptimeNanoseconds
DispatchQueue.concurrentPerform(iterations: cores) { worker in
    var i = worker
    while i < articles.count {
        _ = engine.score(Article(text: articles[i]))
        i += cores
    }
}
let wall = Double(DispatchTime.now().uptimeNanoseconds - wallStart) / 1e9

print("")
print("| stage | MB/s |")
print("|---|---|")
for (label, mbps, _) in results { print("| \(label) | \(String(format: "%.1f", mbps)) |") }
print("| full scoring, all \(cores) cores | \(String(format: "%.1f", Double(bytes) / 1e6 / wall)) MB/s, \(String(format: "%.0f", Double(articles.count) / wall)) articles/s |")
