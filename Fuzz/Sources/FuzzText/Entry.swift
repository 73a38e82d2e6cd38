import FuzzDriver

// The executable's entry point (see FuzzDriver): libFuzzer calls fuzzText for every input.
@_cdecl("FuzzText_main")
public func FuzzTextMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    runFuzzDriver(argc, argv) { data, size in data.map { fuzzText($0, size) } ?? 0 }
}
