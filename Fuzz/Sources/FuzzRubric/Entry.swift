import FuzzDriver

// The executable's entry point (see FuzzDriver): libFuzzer calls fuzzRubric for every input.
@_cdecl("FuzzRubric_main")
public func FuzzRubricMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzDriver(argc, argv) { data, size in data.map { fuzzRubric($0, size) } ?? 0 }
}
