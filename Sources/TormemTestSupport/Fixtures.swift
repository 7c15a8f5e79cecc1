/// Paths of files in the package's top-level `Fixtures/` folder.
public enum Fixtures {
    /// The package root, found from this source file's location
    /// (`<root>/Sources/TormemTestSupport/Fixtures.swift`).
    public static var packageRoot: String {
        var components = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        components.removeLast(3)
        let joined = components.joined(separator: "/")
        return joined.isEmpty ? "/" : joined
    }

    /// The `Fixtures/` folder.
    public static var root: String { packageRoot + "/Fixtures" }

    /// The absolute path of `relativePath` under `Fixtures/` (the file need not exist).
    public static func url(_ relativePath: String) -> String {
        let trimmed = relativePath.drop(while: { $0 == "/" })
        return trimmed.isEmpty ? root : root + "/" + trimmed
    }
}
