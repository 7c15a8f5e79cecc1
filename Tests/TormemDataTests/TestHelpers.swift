import Foundation
import TormemCore
import TormemTestSupport
@testable import TormemData

func fixture(_ relative: String) -> String { Fixtures.url(relative) }

func load(_ text: String, name: String = "data.csv") throws -> LoadedFile {
    try DataLoader.load(bytes: Array(text.utf8), name: name)
}

/// The error a load throws, or nil.
func loadError(_ text: String, name: String = "data.csv") -> TormemError? {
    do {
        _ = try load(text, name: name)
        return nil
    } catch let e as TormemError {
        return e
    } catch {
        return nil
    }
}

let monitorHeader = "date,time,num_relays,total_mb,avg_mb,min_mb,max_mb,total_kb,avg_kb,min_kb,max_kb\n"
let unifiedHeader = UnifiedColumns.memory.joined(separator: ",") + "\n"


enum FileReader {
    static func bytes(_ path: String) -> [UInt8]? { FileManager.default.contents(atPath: path).map { [UInt8]($0) } }
}

/// A fresh empty folder under the temporary directory.
func temporaryFolder(_ name: String = #function) throws -> String {
    let safe = name.filter { $0.isLetter || $0.isNumber }
    let path = NSTemporaryDirectory() + "tormem-data-\(safe)-\(UUID().uuidString.prefix(8))"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}
