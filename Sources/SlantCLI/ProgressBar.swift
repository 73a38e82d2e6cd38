import Foundation

/// A one-line progress bar on stderr for long runs, shown only when stderr is a
/// terminal: piped or redirected output (CI logs, `2> file`) gets no control characters.
struct ProgressBar {
    let total: Int
    let label: String
    let enabled: Bool
    private(set) var done = 0
    private var lastDraw: TimeInterval = 0

    init(total: Int, label: String = "scoring", enabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.total = total
        self.enabled = enabled && total > 1
        self.label = label
    }

    mutating func advance(by n: Int) {
        done += n
        guard enabled else { return }
        // At most ten redraws a second, and always the last one.
        let now = Date().timeIntervalSinceReferenceDate
        guard now - lastDraw >= 0.1 || done >= total else { return }
        lastDraw = now
        draw()
    }

    func draw() {
        let width = 30
        let filled = total == 0 ? width : width * min(done, total) / total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let percent = total == 0 ? 100 : 100 * done / total
        FileHandle.standardError.write(Data("\r\(label) \(bar) \(done)/\(total) articles (\(percent)%)\u{1B}[K".utf8))
        Interrupt.progressShown = true
    }

    /// Removes the bar so the next line starts clean (before errors and at the end).
    func clear() {
        guard enabled, Interrupt.progressShown else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        Interrupt.progressShown = false
    }

    /// Prints an error above the bar.
    func error(_ message: String) {
        clear()
        Terminal.error(message)
        if enabled && done > 0 { draw() }
    }
}
