import ArgumentParser
import Foundation
import SlantText

/// Runs `slant` and maps every failure to the documented exit codes: usage and input
/// errors print one line on stderr and exit 2, never a stack trace.
public enum SlantEntry {
    public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) async -> Never {
        do {
            var command = try SlantCommand.parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
            exit(0)
        } catch let code as ExitCode {
            exit(code.rawValue)
        } catch let error as CLIError {
            Terminal.error(error.description)
            exit(2)
        } catch let error as ReportableError {
            Terminal.error(error.description)
            exit(2)
        } catch {
            let code = SlantCommand.exitCode(for: error)
            if code == .success {
                // --help and --version
                print(SlantCommand.fullMessage(for: error))
                exit(0)
            }
            Terminal.error(SlantCommand.message(for: error))
            let usage = SlantCommand.fullMessage(for: error)
            if usage.contains("Usage:"), let line = usage.split(separator: "\n").first(where: { $0.contains("Usage:") }) {
                FileHandle.standardError.write(Data((line + "\n  See 'slant help' for more.\n").utf8))
            }
            exit(2)
        }
    }
}

/// An error the CLI itself raises (bad option combinations, nothing to do).
public struct CLIError: ReportableError {
    public var description: String
    public init(_ description: String) { self.description = description }
}
