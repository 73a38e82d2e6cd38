import FuzzDriver

// The executable's entry point (see FuzzDriver): libFuzzer calls fuzzScore for every input.
@_cdecl("FuzzScore_main")
public func FuzzScoreMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzDriver(argc, argv) { data, size in data.map { fuzzScore($0, size) } ?? 0 }
}
