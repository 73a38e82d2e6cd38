import Foundation

/// A run of the `slant` binary that cannot hang the suite: it is killed after a
/// generous time limit, its output goes to files (some of these outputs are large),
/// and its peak memory is measured.
final class BoundedRun {
    let status: Int32
    /// The time limit was reached and the process was killed.
    let timedOut: Bool
    let stdoutPath: String
    let stderr: String
    /// Peak resident memory in KB (GNU time's %M), or nil when it could not be measured.
    let peakKB: Int?

    init(status: Int32, timedOut: Bool, stdoutPath: String, stderr: String, peakKB: Int?) {
        self.status = status
        self.timedOut = timedOut
        self.stdoutPath = stdoutPath
        self.stderr = stderr
        self.peakKB = peakKB
    }

    /// The output files go with the run (some are tens of MB).
    deinit { try? FileManager.default.removeItem(atPath: (stdoutPath as NSString).deletingLastPathComponent) }

    var stdout: String { (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? "" }
    var stdoutBytes: Int { ((try? FileManager.default.attributesOfItem(atPath: stdoutPath))?[.size] as? Int) ?? 0 }
    var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    var peakMB: Double { Double(peakKB ?? 0) / 1024 }
}

enum Bounded {
    static let timeTool = ["/usr/bin/time"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let timeoutTool = ["/usr/bin/timeout", "/bin/timeout"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let setpriv = ["/usr/bin/setpriv", "/bin/setpriv"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The binary `make harden` points at (the release build), else the one the CLI tests use.
    static var binary: URL {
        if let path = ProcessInfo.processInfo.environment["SLANT_HARDEN_BINARY"], !path.isEmpty { return URL(fileURLWithPath: path) }
        return CLI.binary
    }

    /// Runs `slant arguments…`; `stdinFile` feeds standard input; `asUser` runs it as
    /// that uid/gid through setpriv (tests run as root, for whom nothing is unreadable).
    static func run(_ arguments: [String], binary: URL = Bounded.binary, timeout seconds: Int, stdinFile: String? = nil,
                    environment: [String: String] = [:], cwd: URL? = nil, asUser: Int? = nil) throws -> BoundedRun {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let outPath = dir.appendingPathComponent("stdout").path
        let errPath = dir.appendingPathComponent("stderr").path
        let rssPath = dir.appendingPathComponent("rss").path
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)

        var command: [String] = []
        // GNU timeout runs the command in its own process group and kills the whole group.
        if let timeoutTool { command += [timeoutTool, "-s", "KILL", String(seconds)] }
        // time runs as root (it writes its report file); setpriv then becomes the user and execs slant.
        if let timeTool { command += [timeTool, "-f", "%M", "-o", rssPath] }
        if let asUser, let setpriv { command += [setpriv, "--reuid=\(asUser)", "--regid=\(asUser)", "--clear-groups"] }
        command += [binary.path] + arguments

        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.currentDirectoryURL = cwd ?? CLI.root
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["HOME"] = asUser == nil ? env["HOME"] : NSTemporaryDirectory()
        for (k, v) in environment { env[k] = v }
        process.environment = env
        process.standardOutput = FileHandle(forWritingAtPath: outPath)
        process.standardError = FileHandle(forWritingAtPath: errPath)
        process.standardInput = stdinFile.flatMap { FileHandle(forReadingAtPath: $0) } ?? FileHandle.nullDevice
        let started = Date()
        try process.run()
        var peakKB = 0
        var killed = false
        while process.isRunning {
            if timeTool == nil, let hwm = vmHWM(process.processIdentifier) { peakKB = max(peakKB, hwm) }
            if timeoutTool == nil && Date().timeIntervalSince(started) > Double(seconds) {
                kill(process.processIdentifier, SIGKILL)
                killed = true
            }
            usleep(10_000)
        }
        process.waitUntilExit()
        if timeTool != nil {
            // The last line holds %M (earlier ones say how the command ended when it failed).
            let text = (try? String(contentsOfFile: rssPath, encoding: .utf8)) ?? ""
            peakKB = text.split(separator: "\n").last.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) } ?? 0
        }
        let status = process.terminationStatus
        let timedOut = killed || (timeoutTool != nil && (status == 137 || process.terminationReason == .uncaughtSignal))
        return BoundedRun(status: status, timedOut: timedOut, stdoutPath: outPath,
                          stderr: (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? "",
                          peakKB: peakKB > 0 ? peakKB : nil)
    }

    static func vmHWM(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else { return nil }
        for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
            return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces).split(separator: " ").first ?? "")
        }
        return nil
    }

    /// A fresh directory under the temporary folder, readable by every user.
    static func tempDir(_ label: String) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("slant-\(label)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o755])
        return dir
    }

    /// Writes `count` bytes made of `unit` repeated, in 1 MB writes (no 100 MB string in memory).
    static func writeRepeated(_ unit: String, bytes count: Int, to path: String) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        let u = Array(unit.utf8)
        var chunk = [UInt8]()
        chunk.reserveCapacity(1 << 20)
        while chunk.count + u.count <= 1 << 20 { chunk += u }
        var left = count
        while left > 0 {
            let n = min(left, chunk.count)
            handle.write(Data(chunk[0..<n]))
            left -= n
        }
    }

    /// True when a user other than root can run the binary and read the rubric
    /// (not so when the checkout sits in root's home directory).
    static func canRunAsNobody() -> Bool {
        guard setpriv != nil, getuid() == 0 else { return false }
        guard let r = try? run(["rubric", "list"], timeout: 120, asUser: 65534) else { return false }
        return r.status == 0
    }
}

/// Parses JSON Lines output into objects.
func jsonLines(_ text: String) throws -> [[String: Any]] {
    try text.split(separator: "\n").map { line in
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
            throw CocoaError(.coderInvalidValue)
        }
        return object
    }
}
