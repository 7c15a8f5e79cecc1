/// How the tests measure a child's own peak resident memory. Not `wait4` on a child spawned from
/// the test process: posix_spawn's vfork child shares the test process's memory, and Linux carries
/// that memory's high-water mark over exec into the child's `ru_maxrss`. This small python3
/// program forks and execs the command instead (`python3 -c script PEAK_FILE COMMAND ARGS…`),
/// writes the `wait4` peak of that grandchild (KiB) to PEAK_FILE, and exits with its status.
public enum PeakMemory {
    public static let python = "/usr/bin/python3"

    public static let script = """
    import os, sys
    pid = os.fork()
    if pid == 0:
        os.execv(sys.argv[2], sys.argv[2:])
    _, status, usage = os.wait4(pid, 0)
    open(sys.argv[1], "w").write(str(usage.ru_maxrss))
    sys.exit(os.waitstatus_to_exitcode(status) % 256)
    """
}
