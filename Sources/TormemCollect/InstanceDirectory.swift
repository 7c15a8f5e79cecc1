import TormemCore
import TormemData

/// The folder of tor instances (`/etc/tor/instances`): one sub-folder per relay.
public struct InstanceDirectory: Sendable {
    public let path: String
    /// Where each instance's DataDirectory is when its torrc does not say (`--tor-data-root`).
    public let dataRoot: String

    public init(path: String = "/etc/tor/instances", dataRoot: String = RelayInstance.defaultDataRoot) {
        var p = path
        while p.count > 1, p.hasSuffix("/") { p.removeLast() }
        self.path = p
        var d = dataRoot
        while d.count > 1, d.hasSuffix("/") { d.removeLast() }
        self.dataRoot = d
    }

    /// Every instance folder, sorted by name. A missing or unreadable folder is an input error.
    public func instances() throws(TormemError) -> [RelayInstance] {
        let names: [String]
        do {
            names = try DirectoryListing.names(path)
        } catch {
            throw .input(Diagnostic(file: path, message:
                "cannot read the instances folder (\(error.folderReason)); expected a folder with one sub-folder per tor instance (set it with --instances-dir)"))
        }
        return names.filter { !$0.hasPrefix(".") && DirectoryListing.isDirectory(path + "/" + $0) }
            .map { RelayInstance.load(name: $0, directory: path + "/" + $0, dataRoot: dataRoot) }
    }

    /// The instance named `name`, or a usage error listing the known ones.
    public func instance(named name: String) throws(TormemError) -> RelayInstance {
        let all = try instances()
        guard let found = all.first(where: { $0.name == name }) else {
            let known = all.isEmpty ? "none" : all.map(\.name).joined(separator: ", ")
            throw .usage("unknown instance \"\(name)\" in \(path); known instances: \(known)")
        }
        return found
    }
}
