import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct BSNAtRestTests {
        @Test func theVaultSealsOpensAndLooksUp() throws {
            let vault = try BSNVault(base64: BSNVault.newKey())
            let bsn = BSN("999990019")!
            let sealed = try vault.seal(bsn)
            #expect(!sealed.contains("999990019"))
            #expect(try vault.seal(bsn) != sealed, "a fresh nonce every time")
            #expect(try vault.open(sealed) == bsn)
            let area = UUID(), elsewhere = UUID()
            #expect(vault.lookup(bsn, in: area) == vault.lookup(BSN("999990019")!, in: area))
            #expect(vault.lookup(bsn, in: area) != vault.lookup(bsn, in: elsewhere), "each area keeps its own record")
            let other = try BSNVault(base64: BSNVault.newKey())
            #expect(throws: BSNVault.KeyError.self) { try other.open(sealed) }
            #expect(other.lookup(bsn, in: area) != vault.lookup(bsn, in: area))
            #expect(throws: BSNVault.KeyError.self) { try BSNVault(base64: "te kort") }
        }

        @Test func noBSNIsStoredInTheClear() async throws {
            try await withApp { app, world in
                let headers = try await token(app, "coach.noordwest")
                _ = try await AppTests.CaseFlowAPITests.newRequest(app, world, headers)
                let sql = app.db as! any SQLDatabase
                for table in [Resident.schema, AuditEntry.schema, CaseEvent.schema, SupportRequest.schema] {
                    let rows = try await sql.select().column(SQLLiteral.all).from(table).all()
                    for row in rows {
                        for column in row.allColumns {
                            let text = (try? row.decode(column: column, as: String.self)) ?? ""
                            #expect(!text.contains("999990019"), "\(table).\(column)")
                        }
                    }
                }
                // Found by its keyed hash, shown masked.
                try await app.testing().test(.POST, "/api/v1/residents/search", headers: headers,
                                             beforeRequest: { try $0.content.encode(["q": "999990019"]) }) { res in
                    let list = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                    #expect(list.count == 1)
                    #expect(list.first?["bsnMasked"] as? String == "******019")
                }
            }
        }

        @Test func aWrongKeyIsRefusedAtStart() async throws {
            try await withApp { app, _ in
                try await KeyCheck.verify(app.vault, on: app.db)
                try await KeyCheck.verify(app.vault, on: app.db)
                let wrong = try BSNVault(base64: BSNVault.newKey())
                await #expect(throws: BSNVault.KeyError.self) { try await KeyCheck.verify(wrong, on: app.db) }
            }
        }

        @Test func aMissingKeyIsRefusedOutsideDemoMode() throws {
            #expect(throws: WijknetConfig.Missing.self) {
                _ = try WijknetConfig.bsnKey(demo: false, storage: .sqliteMemory, environment: [:])
            }
            #expect(try WijknetConfig.bsnKey(demo: false, storage: .sqliteMemory, environment: ["WIJKNET_BSN_KEY": "abc"]) == "abc")
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
            let made = try WijknetConfig.bsnKey(demo: true, storage: .sqliteFile(folder + "/w.sqlite"), environment: [:])
            #expect(try WijknetConfig.bsnKey(demo: true, storage: .sqliteFile(folder + "/w.sqlite"), environment: [:]) == made, "the demo key is made once")
            // Issue 11, point 9: the README's commands after `serve --demo` find the demo's key beside its database ...
            #expect(try WijknetConfig.bsnKey(demo: false, storage: .sqliteFile(folder + "/w.sqlite"), environment: [:]) == made)
            // ... and a database elsewhere still needs a key.
            #expect(throws: WijknetConfig.Missing.self) {
                _ = try WijknetConfig.bsnKey(demo: false, storage: .sqliteFile(folder + "/elders/w.sqlite"), environment: [:])
            }
            try? FileManager.default.removeItem(atPath: folder)
        }

        /// A PostgreSQL demo made a new key at every start and wrote it over the one before, in
        /// ./data beside the SQLite demo's: the data of either was then sealed with a lost key.
        @Test func aDemoKeyIsMadeOnceAndNeverReplaced() throws {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString).path
            defer { try? FileManager.default.removeItem(atPath: folder) }
            let postgres = WijknetConfig.Storage.postgres("postgres://wijknet@127.0.0.1/wijknet")
            let made = try WijknetConfig.bsnKey(demo: true, storage: postgres, environment: [:], dataDirectory: folder)
            #expect(try WijknetConfig.bsnKey(demo: true, storage: postgres, environment: [:], dataDirectory: folder) == made)
            #expect(try WijknetConfig.bsnKey(demo: true, storage: .sqliteFile(folder + "/w.sqlite"), environment: [:]) == made,
                    "the SQLite demo beside it finds the same key, not a new one over it")
            #expect(throws: WijknetConfig.Missing.self, "outside demo mode ./data is not read for PostgreSQL") {
                _ = try WijknetConfig.bsnKey(demo: false, storage: postgres, environment: [:], dataDirectory: folder)
            }
            // An in-memory demo keeps its key nowhere.
            let memory = try WijknetConfig.bsnKey(demo: true, storage: .sqliteMemory, environment: [:], dataDirectory: folder)
            #expect(memory != made)
            #expect(try String(contentsOfFile: folder + "/wijknet-demo.key", encoding: .utf8) == made)
        }
    }
}
