import Dispatch
import Foundation
import SlantRules
import SlantText

/// Scoring article files on all cores, shared by `slant score` and
/// `slant scorecard --corpus` so both read, score and report failures the same way.
enum ArticleScoring {
    typealias Outcome = Result<ScoredArticle, SlantTextError>

    /// Reads and scores one file; every way it can fail becomes a one-line error naming it.
    static func scorer(engine: Engine, lossy: Bool) -> @Sendable (String) -> Outcome {
        { path in
            do {
                return .success(engine.score(try ArticleReader.read(path: path, lossy: lossy)))
            } catch let error as SlantTextError {
                return .failure(error)
            } catch {
                return .failure(.unreadable(path: path, reason: "\(error)"))
            }
        }
    }

    /// Articles scored at once when streaming: enough to keep every core busy, few
    /// enough that memory stays flat however many files there are.
    static var batchSize: Int { max(8, 4 * ProcessInfo.processInfo.activeProcessorCount) }

    /// Scores `paths` batch by batch on all cores, handing each batch's outcomes (in
    /// input order) to `body` before the next batch is read.
    static func inBatches(_ paths: [String], batch: Int = batchSize, engine: Engine, lossy: Bool,
                          _ body: ([Outcome]) throws -> Void) rethrows {
        let score = scorer(engine: engine, lossy: lossy)
        for start in stride(from: 0, to: paths.count, by: max(batch, 1)) {
            try body(ParallelMap.map(Array(paths[start..<min(start + batch, paths.count)]), score))
        }
    }
}

/// Maps over inputs on all cores, keeping the input order in the result.
enum ParallelMap {
    static func map<T: Sendable, R: Sendable>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        guard items.count > 1 else { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer {
            // Deinitialise before freeing, or every result (a whole scored article) leaks.
            _ = results.deinitialize()
            results.deallocate()
        }
        nonisolated(unsafe) let out = results
        DispatchQueue.concurrentPerform(iterations: items.count) { i in
            out[i] = transform(items[i]) // each index is written by exactly one iteration
        }
        return results.map { $0! }
    }
}
