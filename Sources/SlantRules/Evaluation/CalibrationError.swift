import SlantText

/// Why `slant calibrate` cannot run or cannot write its rubric. Each message is one line
/// that says what to change.
public enum CalibrationError: ReportableError, Equatable {
    case unknownLabel(String, known: [String])
    case labelAbsent(String, files: [String], units: Int)
    case labelEverywhere(String, units: Int)
    case tooFewUnits(units: Int, folds: Int)
    case tooFewFolds(Int)
    case outputNotEmpty(path: String)
    case cannotWrite(path: String, reason: String)
    case cannotEdit(file: String, reason: String)
    case writtenRubricDiffers(path: String, reason: String)

    public var description: String {
        switch self {
        case .unknownLabel(let name, let known):
            return "the rubric has no label '\(name)' (known: \(known.isEmpty ? "none — add a labels: section" : known.joined(separator: ", ")))"
        case .labelAbsent(let name, let files, let units):
            return "no unit of \(files.joined(separator: ", ")) (\(units) units) has the label '\(name)'; calibration needs units with and without it"
        case .labelEverywhere(let name, let units):
            return "all \(units) units have the label '\(name)'; calibration needs units without it too"
        case .tooFewUnits(let units, let folds):
            return "\(units) units are too few for \(folds) folds: every fold needs at least one unit to measure on"
        case .tooFewFolds(let k):
            return "--folds must be at least 2 (got \(k)): cross-validation needs a fold to fit on and one to measure on"
        case .outputNotEmpty(let path):
            return "\(path): exists and is not empty; choose a new or empty folder for the calibrated rubric"
        case .cannotWrite(let path, let reason):
            return "\(path): cannot write the calibrated rubric: \(reason)"
        case .cannotEdit(let file, let reason):
            return "\(file): cannot edit the label's entry: \(reason)"
        case .writtenRubricDiffers(let path, let reason):
            return "\(path): the written rubric does not load as calibrated (\(reason)); it was removed"
        }
    }
}
