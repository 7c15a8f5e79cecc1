import TormemCSV
import TormemCore

extension TormemError {
    /// Runs `body` (a `CSVReader.forEachRow` and its callbacks) with its errors as tormem's: its own
    /// kept, the reader's with their line and column, anything else naming `file`.
    static func reading(file: String, _ body: () throws -> Void) throws(TormemError) {
        do {
            try body()
        } catch let e as TormemError {
            throw e
        } catch let e as CSVError {
            throw TormemError(e)
        } catch {
            throw .input(Diagnostic(file: file, message: "\(error)"))
        }
    }
}
