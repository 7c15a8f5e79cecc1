import Foundation
@testable import TormemCollect

/// Consensus documents in dir-spec format (a microdesc consensus, as tor caches it in
/// `cached-microdesc-consensus`), written by the tests.
enum ConsensusFixture {
    struct Relay {
        var nickname: String
        var fingerprint: String
        var flags: String = "Fast Running Stable Valid"
        var weight: String = "1000"
    }

    static func header(validAfter: String = "2025-12-25 01:00:00", microdesc: Bool = true) -> String {
        """
        network-status-version 3\(microdesc ? " microdesc" : "")
        vote-status consensus
        consensus-method 34
        valid-after \(validAfter)
        fresh-until 2025-12-25 02:00:00
        valid-until 2025-12-25 04:00:00
        voting-delay 300 300
        client-versions 0.4.8.16
        server-versions 0.4.8.16
        known-flags Authority BadExit Exit Fast Guard HSDir MiddleOnly Running Stable StaleDesc V2Dir Valid
        params CircuitPriorityHalflifeMsec=30000 DoSCircuitCreationEnabled=1 bwweightscale=10000
        dir-source moria1 F533C81CEF0BC0267857C99B2F471ADF249FA232 128.31.0.39 128.31.0.39 9231 9201
        contact 1024D/EB5A896A28988BF5 arma mit edu
        vote-digest 0000000000000000000000000000000000000000

        """
    }

    /// One router entry: `r`, `a`, `m`, `s`, `v`, `pr`, `w` lines.
    static func entry(_ r: Relay, index: Int = 0) -> String {
        let id = CachedConsensus.identity(fingerprint: r.fingerprint)!
        let ip = "10.\(index >> 16 & 255).\(index >> 8 & 255).\(index & 255)"
        return """
        r \(r.nickname) \(id) 2025-12-24 23:10:00 \(ip) 9001 0
        a [2001:db8::\(String(index & 0xffff, radix: 16))]:9001
        m sha256=\(String(repeating: "B", count: 43))
        s \(r.flags)
        v Tor 0.4.8.16
        pr Conflux=1 Cons=1-2 Desc=1-2 DirCache=2 FlowCtrl=1-2 HSDir=2 HSIntro=4-5 HSRend=1-2 Link=1-5 LinkAuth=1,3 Microdesc=1-2 Padding=2 Relay=1-4
        w Bandwidth=\(r.weight)

        """
    }

    static let footer = """
    directory-footer
    bandwidth-weights Wbd=0 Wbe=0 Wbg=4166 Wbm=10000 Wdb=10000 Web=10000 Wed=10000 Wee=10000
    directory-signature sha256 F533C81CEF0BC0267857C99B2F471ADF249FA232 0000000000000000000000000000000000000000
    -----BEGIN SIGNATURE-----
    AAAA
    -----END SIGNATURE-----

    """

    static func document(_ relays: [Relay], validAfter: String = "2025-12-25 01:00:00") -> String {
        header(validAfter: validAfter) + relays.enumerated().map { entry($0.element, index: $0.offset) }.joined() + footer
    }

    /// A fingerprint made from a number (40 hex digits).
    static func fingerprint(_ n: Int) -> String {
        let hex = String(n, radix: 16, uppercase: true)
        return String(repeating: "0", count: 40 - hex.count) + hex
    }

    /// `count` relays `relayN` with fingerprint `fingerprint(N + 1)`.
    static func relays(_ count: Int) -> [Relay] {
        (0..<count).map { Relay(nickname: "relay\($0)", fingerprint: fingerprint($0 + 1), weight: String($0 * 3 + 7)) }
    }
}
