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

/// "2 × Intel(R) Xeon(R) …" from nproc and /proc/cpuinfo.
func machineDescription() -> String {
    let cores = ProcessInfo.processInfo.activeProcessorCount
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }?
        .split(separator: ":", maxSplits: 1).last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
    return "\(cores) cores (nproc), \(model)"
}

/// Writes the articles to a temporary folder and runs the release `slant score` on it under
/// /usr/bin/time -v, once with the folder and once with the folder named `repeats` times
/// (ten times the input, without ten times the disk); returns the maximum resident set
/// sizes, or nil when that is not possible. Equal figures show that scoring streams.
func peakMemoryOfScoring(_ articles: [String], repeats: Int) -> (once: String, repeated: String)? {
    let fm = FileManager.default
    let slant = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("slant").path
    guard fm.isExecutableFile(atPath: "/usr/bin/time"), fm.isExecutableFile(atPath: slant) else { return nil }
    let dir = fm.temporaryDirectory.appendingPathComponent("slant-bench-\(ProcessInfo.processInfo.processIdentifier)")
    try? fm.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? fm.removeItem(at: dir) }
    for (i, text) in articles.enumerated() {
        try? text.write(to: dir.appendingPathComponent(String(format: "a%05d.txt", i)), atomically: false, encoding: .utf8)
    }
    func peak(_ folders: Int) -> String? {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/time")
        p.arguments = ["-v", slant, "score", "--format", "jsonl"] + Array(repeating: dir.path, count: folders)
        p.standardOutput = FileHandle.nullDevice
        let err = Pipe()
        p.standardError = err
        guard (try? p.run()) != nil else { return nil }
        let data = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.contains("Maximum resident set size") }),
              let kb = Int(line.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") else { return nil }
        return String(format: "%.0f MB", Double(kb) / 1024)
    }
    guard let once = peak(1), let repeated = peak(repeats) else { return nil }
    return (once, repeated)
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
    // (Counted by index: `reduce` copied every scored paragraph, and destroyed the copy,
    // which the harness charged to the engine.)
    for text in articles {
        let scored = engine.score(Article(text: text))
        for i in scored.paragraphs.indices { findings += scored.paragraphs[i].findings.count }
    }
    return findings
})
// SLANT_BENCH_ONLY=score stops after the one-core figures, for profiling the engine.
if ProcessInfo.processInfo.environment["SLANT_BENCH_ONLY"] == "score" {
    for (label, mbps, _) in results { print("| \(label) | \(String(format: "%.1f", mbps)) |") }
    exit(0)
}

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
let allCores = "| full scoring, all \(cores) cores | \(String(format: "%.1f", Double(bytes) / 1e6 / wall)) MB/s, \(String(format: "%.0f", Double(articles.count) / wall)) articles/s |"
print(allCores)

// Peak memory of the real command on the same corpus written out as files.
let memoryRepeats = 10
let memory = peakMemoryOfScoring(articles, repeats: memoryRepeats)
let memoryLine = memory.map { m in
    "| peak memory, `slant score --format jsonl` over the corpus as \(articles.count) files (\(String(format: "%.0f", Double(bytes) / 1e6)) MB) | \(m.once); "
        + "\(m.repeated) with the folder named \(memoryRepeats) times (\(String(format: "%.0f", Double(bytes * memoryRepeats) / 1e6)) MB) |"
}
if let memoryLine { print(memoryLine) }

let storeLines = storeBenchmark(engine: engine, articles: articles)
for line in storeLines { print(line) }

// BENCHMARKS.md: the figures, the machine, the command.
if let out = ProcessInfo.processInfo.environment["SLANT_BENCH_WRITE"] {
    var md = "# Benchmarks\n\nProduced by `make bench` (release build) on \(String(format: "%.1f", Double(bytes) / 1e6)) MB of news text "
    md += "(\(origin), joined into \(articles.count) articles of about 4 KB).\n"
    md += "Machine: \(machineDescription()). One-core figures are the best of three runs by thread CPU time.\n\n"
    md += "| stage | result |\n|---|---|\n"
    for (label, mbps, _) in results { md += "| \(label) | \(String(format: "%.1f", mbps)) MB/s |\n" }
    md += allCores + "\n"
    if let memoryLine { md += memoryLine + "\n" }
    for line in storeLines { md += line + "\n" }
    try? md.write(toFile: out, atomically: true, encoding: .utf8)
    print("\nwrote \(out)")
}
