import Glibc
import Testing
@testable import TormemCollect

@Suite struct AllocatorProbeTests {
    let proc = ProcReader(root: FakeHost.procRoot)

    /// alpha preloads jemalloc and has it mapped: the mapping is the proof.
    @Test func theMappedLibraryIsTheEvidence() {
        let a = AllocatorProbe.probe(pid: 1234, proc: proc)
        #expect(a.kind == .jemalloc)
        #expect(a.evidence == .maps)
        #expect(a.description == "jemalloc (mapped library)")
        #expect(a.column == "jemalloc")
    }

    @Test func plainMapsMeanGlibc() {
        let a = AllocatorProbe.probe(pid: 2345, proc: proc)
        #expect(a.kind == .glibc)
        #expect(a.name == "glibc (default)")
        #expect(a.column == "glibc")
    }

    @Test func nothingReadableIsUnknown() {
        let a = AllocatorProbe.probe(pid: 99999, proc: proc)
        #expect(a.name == "unknown" && a.column == "")
    }

    /// A preload is no proof: with maps readable and showing no jemalloc, the relay runs glibc's
    /// malloc (the preload failed, or names another library). Only without maps does it count.
    @Test func aPreloadCountsOnlyWhenMapsCannotBeRead() {
        let plain = "55d4c8a00000-55d4c8c20000 r-xp 00000000 fd:01 1311017   /usr/bin/tor\n"
        let env = ["LANG=C.UTF-8", "LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libjemalloc.so.2"]
        #expect(AllocatorProbe.detect(environment: env, maps: plain).kind == .glibc)
        let preload = AllocatorProbe.detect(environment: env, maps: nil)
        #expect(preload.kind == .jemalloc && preload.evidence == .preload && preload.description == "jemalloc (LD_PRELOAD)")
    }

    @Test(arguments: [("libmimalloc.so.2.0", Allocator.Kind.mimalloc, "mimalloc 2.0"), ("libmimalloc.so.2", .mimalloc, "mimalloc 2"),
                      ("libmimalloc-secure.so.2.1", .mimalloc, "mimalloc 2.1"), ("libmimalloc.so", .mimalloc, "mimalloc"),
                      ("libmimalloc.so.2.0 (deleted)", .mimalloc, "mimalloc 2.0"),
                      ("libtcmalloc_minimal.so.4", .tcmalloc, "tcmalloc"), ("libtcmalloc.so.4.5.9", .tcmalloc, "tcmalloc"),
                      ("libjemalloc.so.2", .jemalloc, "jemalloc"), ("libc.so.6", .glibc, "glibc")])
    func mappedLibraries(_ library: String, _ kind: Allocator.Kind, _ column: String) {
        let maps = "7f0000000000-7f0000100000 r-xp 00000000 08:01 42   /usr/lib/x86_64-linux-gnu/\(library)\n"
        let a = AllocatorProbe.detect(environment: ["LD_PRELOAD=/usr/lib/libfaketime.so.1"], maps: maps)
        #expect(a.kind == kind)
        #expect(a.evidence == .maps)
        #expect(a.column == column)
    }

    /// Debian's libmimalloc2.0 installs `libmimalloc.so.2.0` (and a `.so.2` link to it): maps
    /// names the file itself.
    @Test(.enabled(if: AllocatorProbeTests.debianMimalloc != nil, "libmimalloc2.0 is not installed"))
    func debiansMimallocFileGivesItsVersion() {
        #expect(AllocatorProbe.version(AllocatorProbeTests.debianMimalloc!) == "2.0")
    }

    static let debianMimalloc = ["libmimalloc.so.2.0"].first { Glibc.access("/usr/lib/x86_64-linux-gnu/" + $0, 0) == 0 }

    @Test(arguments: ["libmimalloc.so.2.0.", "libmimalloc.so.x", "libmimalloc.so.", "libmimalloc.so.2 (deleted)"])
    func oddFileNamesGiveNoVersion(_ file: String) {
        #expect(AllocatorProbe.version(file) == nil)
    }

    @Test func aFolderNamedLikeAnAllocatorIsNotALibrary() {
        let maps = "7f0000000000-7f0000100000 r-xp 00000000 08:01 42   /opt/jemalloc-build/tor\n"
        #expect(AllocatorProbe.detect(environment: nil, maps: maps).kind == .glibc)
    }
}
