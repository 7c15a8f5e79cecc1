#if canImport(Glibc)
import Glibc
#endif

/// The entries of a folder, sorted by name so that output never depends on listing order.
public enum DirectoryListing {
    /// Entry names without `.` and `..`, sorted.
    public static func names(_ path: String) throws(FileReadError) -> [String] {
        guard let dir = opendir(path) else { throw .current(path) }
        defer { closedir(dir) }
        var out: [String] = []
        while let ent = readdir(dir) {
            let name = withUnsafeBytes(of: ent.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            out.append(name)
        }
        return out.sorted()
    }

    /// True when `path` is a folder (following symbolic links).
    public static func isDirectory(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == S_IFDIR
    }

    /// True when something exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var st = stat()
        return stat(path, &st) == 0
    }
}
