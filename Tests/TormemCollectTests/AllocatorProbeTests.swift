import Testing
@testable import TormemCollect

@Suite struct AllocatorProbeTests {
    let proc = ProcReader(root: FakeHost.procRoot)

    @Test func preloadIsSeenFirst() {
        let a = AllocatorProbe.probe(pid: 1234, proc: proc)
        #expect(a.kind == .jemalloc)
        #expect(a.evidence == .preload)
        #expect(a.description == "jemalloc (LD_PRELOAD)")
    }

    @Test func plainMapsMeanGlibc() {
        let a = AllocatorProbe.probe(pid: 2345, proc: proc)
        #expect(a.kind == .glibc)
        #expect(a.name == "glibc (default)")
    }

    @Test func nothingReadableIsUnknown() {
        #expect(AllocatorProbe.probe(pid: 99999, proc: proc).name == "unknown")
    }

    @Test(arguments: [("libmimalloc.so.2", Allocator.Kind.mimalloc), ("libtcmalloc_minimal.so.4", .tcmalloc),
                      ("libjemalloc.so.2", .jemalloc), ("libc.so.6", .glibc)])
    func mappedLibraries(_ library: String, _ kind: Allocator.Kind) {
        let maps = "7f0000000000-7f0000100000 r-xp 00000000 08:01 42   /usr/lib/x86_64-linux-gnu/\(library)\n"
        let a = AllocatorProbe.detect(environment: ["LD_PRELOAD=/usr/lib/libfaketime.so.1"], maps: maps)
        #expect(a.kind == kind)
        #expect(a.evidence == .maps)
    }

    @Test func aFolderNamedLikeAnAllocatorIsNotALibrary() {
        let maps = "7f0000000000-7f0000100000 r-xp 00000000 08:01 42   /opt/jemalloc-build/tor\n"
        #expect(AllocatorProbe.detect(environment: nil, maps: maps).kind == .glibc)
    }
}
