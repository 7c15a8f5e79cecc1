import TormemCore

/// `collect --auto-dir … --config FILE`: the report folder keeps the relay_config.csv its rows were
/// grouped by, so a report drawn from the folder has the same groups and labels. Copied when the
/// folder has none; one already there is never replaced (a person may have written it): when it
/// differs, a warning names both files.
public enum ReportConfigCopy {
    public static let name = "relay_config.csv"

    /// Puts `config` into `folder`; the warning when the folder keeps another one.
    public static func place(_ config: String, in folder: String) throws(TormemError) -> Diagnostic? {
        let bytes: [UInt8]
        do {
            bytes = try FileBytes.read(config)
        } catch {
            throw .input(Diagnostic(file: config, message: "cannot read the relay config (\(error.reason)); expected a CSV file with fingerprint,nickname,group columns"))
        }
        let target = folder + "/" + name
        if try AtomicFile.create(bytes, at: target) { return nil }
        let kept: [UInt8]
        do {
            kept = try FileBytes.read(target)
        } catch {
            return Diagnostic(file: target, message: "cannot be compared with --config \(config) (\(error.reason)); left as it is")
        }
        if kept == bytes { return nil }
        return Diagnostic(file: target, message: "differs from --config \(config); left as it is "
                          + "(the report's groups and labels come from the folder's copy: replace it by hand to use the new one)")
    }
}
