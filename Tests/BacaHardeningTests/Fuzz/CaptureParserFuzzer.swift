// libFuzzer target for the capture parser (built by fuzz.sh, not by SwiftPM).
//
// The first byte picks the mode: even, the rest is a capture as raw bytes (the loader must
// refuse it or return clean text); odd, the rest chooses a capture built of the format's
// elements (StructuredCapture), whose every marker word must survive. A broken invariant
// aborts, so libFuzzer saves the input as a crash.
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCaptureParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data, size > 0 else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let rest = Array(bytes.dropFirst())
    let problems = bytes[0] & 1 == 0 ? ParserInvariants.checkRaw(rest) : ParserInvariants.checkStructured(rest)
    if !problems.isEmpty {
        FileHandle.standardError.write(Data(("parser invariant broken:\n" + problems.joined(separator: "\n") + "\n").utf8))
        abort()
    }
    return 0
}
