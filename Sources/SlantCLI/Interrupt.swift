import Foundation

/// Ctrl-C during a long run: remove the half-written output, clear the progress line
/// and exit 130 (the shell's code for SIGINT), so an interrupted run leaves nothing
/// that could be mistaken for a finished report.
///
/// The handler only calls async-signal-safe functions (unlink, write, _exit) on data
/// prepared beforehand, because it may run in the middle of anything.
enum Interrupt {
    /// The temporary file being written, as a C string the handler can unlink.
    nonisolated(unsafe) private static var pendingPath: UnsafeMutablePointer<CChar>?
    /// True while a progress line is on stderr, so the handler clears it.
    nonisolated(unsafe) static var progressShown = false

    static func install() {
        signal(SIGINT) { _ in
            if let path = Interrupt.pendingPath { unlink(path) }
            if Interrupt.progressShown {
                let clear: [UInt8] = Array("\r\u{1B}[K".utf8)
                _ = clear.withUnsafeBufferPointer { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            }
            _exit(130)
        }
        // The signal mask is inherited: a parent that blocked SIGINT (test runners, some
        // job controls) would leave it pending forever, and libdispatch's worker threads
        // block it too. One idle thread that unblocks it guarantees a thread to run the handler.
        let listener = Thread {
            var set = sigset_t()
            sigemptyset(&set)
            sigaddset(&set, SIGINT)
            pthread_sigmask(SIG_UNBLOCK, &set, nil)
            while true { pause() }
        }
        listener.name = "slant-sigint"
        listener.start()
    }

    /// Registers the temporary file to remove on Ctrl-C (nil when none is open).
    static func setPending(_ path: String?) {
        let old = pendingPath
        pendingPath = path.map { strdup($0) }
        free(old)
    }
}
