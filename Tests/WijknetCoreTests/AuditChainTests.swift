import Foundation
import Testing
@testable import WijknetCore

@Suite struct AuditChainTests {
    /// A stand-in hash for the core tests (the store uses SHA-256): any function that changes with
    /// its input shows the chain logic.
    static func hash(_ text: String) -> String {
        var h: UInt64 = 1469598103934665603
        for byte in text.utf8 { h = (h ^ UInt64(byte)) &* 1099511628211 }
        return String(h, radix: 16)
    }

    static func chain(_ count: Int) -> [AuditChain.StoredEntry] {
        var previous = AuditChain.genesis
        return (1...count).map { seq in
            let content = AuditContent(seq: seq, at: "2026-11-23T08:00:0\(seq).000Z", userID: "u", username: "coach|a\\b", role: "coach",
                                       organisationID: "", action: "read", channel: "page", subject: "request", subjectID: "r\(seq)",
                                       residentIDs: "x", purpose: "casus")
            let hash = AuditChain.hash(previous: previous, content: content, sha256: Self.hash)
            defer { previous = hash }
            return AuditChain.StoredEntry(content: content, previousHash: previous, hash: hash)
        }
    }

    func verify(_ entries: [AuditChain.StoredEntry], head: AuditChain.StoredEntry) -> AuditChain.Problem? {
        AuditChain.verify(entries, headSeq: head.content.seq, headHash: head.hash, sha256: Self.hash)
    }

    @Test func anIntactChainVerifies() {
        let entries = Self.chain(5)
        #expect(verify(entries, head: entries[4]) == nil)
    }

    @Test func eachKindOfTamperingIsNamed() {
        let entries = Self.chain(5)
        var edited = entries
        edited[2] = .init(content: { var c = entries[2].content; c.username = "iemand anders"; return c }(),
                          previousHash: entries[2].previousHash, hash: entries[2].hash)
        #expect(verify(edited, head: entries[4]) == .changed(seq: 3))

        var removed = entries
        removed.remove(at: 1)
        #expect(verify(removed, head: entries[4]) == .removed(before: 3))

        // Rows 2 and 3 trade places, each renumbered to fit.
        var swapped = entries
        swapped[1] = .init(content: { var c = entries[2].content; c.seq = 2; return c }(), previousHash: entries[2].previousHash, hash: entries[2].hash)
        swapped[2] = .init(content: { var c = entries[1].content; c.seq = 3; return c }(), previousHash: entries[1].previousHash, hash: entries[1].hash)
        #expect(verify(swapped, head: entries[4]) == .outOfOrder(seq: 2))

        #expect(verify(Array(entries.prefix(3)), head: entries[4]) == .truncated(after: 3, expected: 5))
    }

    @Test func separatorsInFieldsCannotForgeAnotherEntry() {
        let a = AuditContent(seq: 1, at: "t", userID: "u", username: "a|b", role: "r", organisationID: "", action: "read", channel: "page",
                             subject: "s", subjectID: "", residentIDs: "", purpose: "")
        var b = a
        b.username = "a"
        b.role = "b|r"
        #expect(a.canonical != b.canonical)
    }
}
