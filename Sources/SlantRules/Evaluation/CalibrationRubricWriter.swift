import Foundation

/// Writes a calibrated rubric as a new version in a new folder.
///
/// The original is never touched: the whole folder is copied (rules, lexicons, READMEs),
/// the copy's manifest gets the label's new parameters (`CalibrationManifestEdit`), and
/// the copy is loaded back to prove it is a valid rubric that predicts with exactly the
/// fitted parameters. If it is not, nothing is left behind.
public enum CalibrationRubricWriter {
    /// - Parameters:
    ///   - manifestName: the manifest's file name in the rubric folder (normally `rubric.yaml`).
    /// - Returns: the new rubric, as `RubricLoader` loads it.
    public static func write(rubric: Rubric, manifestName: String = RubricLoader.manifestName, label: LabelRules.Label,
                             model: CalibrationModel, note: [String], to out: String) throws -> Rubric {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        let existed = fm.fileExists(atPath: out, isDirectory: &isDir)
        if existed {
            guard isDir.boolValue else { throw CalibrationError.cannotWrite(path: out, reason: "it is a file, not a folder") }
            let contents = (try? fm.contentsOfDirectory(atPath: out)) ?? []
            if !contents.isEmpty { throw CalibrationError.outputNotEmpty(path: out) }
        }
        let source = URL(fileURLWithPath: rubric.directory).standardizedFileURL
        let target = URL(fileURLWithPath: out).standardizedFileURL
        let items: [String]
        do {
            // Listed before the target is created, so a target inside the rubric is not copied into itself.
            items = try fm.contentsOfDirectory(atPath: source.path).filter { source.appendingPathComponent($0).path != target.path }.sorted()
            try fm.createDirectory(at: target, withIntermediateDirectories: true)
        } catch {
            throw CalibrationError.cannotWrite(path: out, reason: reason(error))
        }
        func cleanUp() {
            if existed {
                for item in (try? fm.contentsOfDirectory(atPath: target.path)) ?? [] { try? fm.removeItem(at: target.appendingPathComponent(item)) }
            } else {
                try? fm.removeItem(at: target)
            }
        }
        let manifest = target.appendingPathComponent(manifestName)
        let version = CalibrationManifestEdit.bumpedVersion(rubric.version)
        do {
            for item in items { try fm.copyItem(at: source.appendingPathComponent(item), to: target.appendingPathComponent(item)) }
            guard let data = fm.contents(atPath: manifest.path), let text = String(data: data, encoding: .utf8) else {
                throw CalibrationError.cannotWrite(path: manifest.path, reason: "the copied manifest cannot be read as UTF-8")
            }
            let edited = try CalibrationManifestEdit.apply(to: text, file: manifest.path, label: label, model: model,
                                                           version: version, note: note)
            try Data(edited.utf8).write(to: manifest, options: .atomic)
        } catch let error as CalibrationError {
            cleanUp()
            throw error
        } catch {
            cleanUp()
            throw CalibrationError.cannotWrite(path: out, reason: reason(error))
        }

        // Load it back: it must be a valid rubric and predict with the fitted parameters.
        let problem: String?
        var loaded: Rubric?
        do {
            let written = try RubricLoader.load(path: manifestName == RubricLoader.manifestName ? target.path : manifest.path)
            loaded = written
            let l = written.labelRules.labels[label.name]
            if l == nil { problem = "label '\(label.name)' is missing" }
            else if l!.threshold != model.threshold { problem = "threshold \(l!.threshold), fitted \(model.threshold)" }
            else if l!.ruleWeights != model.ruleWeights { problem = "rule_weights differ from the fitted ones" }
            else if written.version != version { problem = "version \(written.version), expected \(version)" }
            else if written.warnings.count > rubric.warnings.count { problem = "new warnings: \(written.warnings.map(\.description).joined(separator: "; "))" }
            else { problem = nil }
        } catch {
            problem = "\(error)"
        }
        if let problem {
            cleanUp()
            throw CalibrationError.writtenRubricDiffers(path: out, reason: problem)
        }
        return loaded!
    }

    static func reason(_ error: Error) -> String {
        (error as NSError).localizedFailureReason ?? (error as NSError).localizedDescription
    }
}
