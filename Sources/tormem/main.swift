#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import TormemCore

// Exit statuses are part of the contract: usage errors are 2 (not ArgumentParser's 64),
// input errors 3, output errors 4.
do {
    var command = try Tormem.parseAsRoot()
    try command.run()
} catch let error as TormemError {
    writeError("tormem: error: \(error)")
    exit(error.exitCode)
} catch let code as ExitCode {
    // A command's own verdict (verify --require: 1), its message already written.
    exit(code.rawValue)
} catch {
    if Tormem.exitCode(for: error) == .success {
        writeOut(Tormem.fullMessage(for: error) + "\n")
        exit(0)
    }
    writeError(Tormem.fullMessage(for: error))
    exit(2)
}
