#if canImport(Glibc)
import Glibc
#endif

// The executable's entry: libFuzzer's driver running `tormemFuzzOne` (FuzzEntry.swift), with
// libFuzzer's own arguments (corpus folders, -runs=N, -max_len=N, ...).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<Int32>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Int32

var argc = CommandLine.argc
var argv = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in tormemFuzzOne(data, size) })
