import Foundation
import RoleBook

#if FUZZING
import CLibFuzzer

/// libFuzzer's entry point, called once per input.
@_cdecl("LLVMFuzzerTestOneInput")
package func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzEntry.run(UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size))
    return 0
}

/// libFuzzer's loop over ``FuzzEntry``, built by `make fuzz` (`-sanitize=fuzzer,address`, `FUZZING`).
///
/// SwiftPM points every executable's `main` at the module's entry point, so this one hands the
/// command line to libFuzzer's driver, which takes the usual flags (`-runs=`, `-dict=`, …).
@main
enum Fuzz {
    static func main() {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzOneInput(data, size) })
    }
}
#else
/// Without the fuzzer flags (a plain `swift build`), the same target replays inputs: each file
/// named on the command line goes through ``FuzzEntry`` once, so an input saved by the fuzzer can
/// be reproduced and debugged without libFuzzer.
@main
enum Replay {
    static func main() {
        let files = CommandLine.arguments.dropFirst()
        if files.isEmpty {
            print("usage: rolebook-fuzz FILE...  (replays fuzzer inputs; `make fuzz` builds the libFuzzer target)")
            exit(2)
        }
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                print("\(file): cannot be read")
                exit(1)
            }
            let start = Date()
            let outcome = data.withUnsafeBytes { FuzzEntry.outcome($0) }
            print("\(file): \(outcome.diagnostics.count) diagnostics, \(outcome.pages.count) pages, \(String(format: "%.3f", Date().timeIntervalSince(start))) s")
        }
    }
}
#endif
