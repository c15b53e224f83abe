import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// Replacing the BSN key: every BSN sealed again under the new key, all or nothing.
    @Suite struct KeyRotationTests {
        @Test func everyBSNMovesToTheNewKeyAndTheOldOneNoLongerFits() async throws {
            try await withApp { app, world in
                // setup: three residents under the configured key, one of them anonymised
                let old = app.vault
                try await KeyCheck.verify(old, on: app.db)
                let coach = world.areas[0].coach
                let residents = ResidentService(db: app.db, actor: coach, vault: old)
                var ids: [UUID] = []
                for bsn in ["999990019", "111222333", "123456782"] {
                    let input = ResidentInput(givenName: "Test", familyName: "Sleutel", birthDate: "1970-01-01", bsn: bsn, street: "Markt",
                                              houseNumber: "1", postcode: "6811 AB", city: "Arnhem", districtId: world.areas[0].districtIDs[0].uuidString)
                    ids.append(try await residents.register(input).requireID())
                }
                try await RetentionService(db: app.db, actor: RetentionService.scheduledRun, policy: .standard)
                    .anonymise(ids[2], on: .today(), purpose: "test")
                let new = BSNVault(masterKey: SymmetricKey(size: .bits256))
                let rotation = BSNKeyRotation(db: app.db)
                // MUT: refusals first — the same key, and a key that does not fit — change nothing
                await #expect(throws: BSNKeyRotation.Refusal.sameKey) { try await rotation.rotate(from: old, to: old) }
                await #expect(throws: BSNKeyRotation.Refusal.oldKeyDoesNotFit) { try await rotation.rotate(from: new, to: old) }
                let area = world.areas[0].id
                #expect(try await Resident.find(ids[0], on: app.db)?.bsnLookup == old.lookup(BSN("999990019")!, in: area))
                // MUT: the rotation
                let count = try await rotation.rotate(from: old, to: new, batch: 1)
                // validate: the two residents with a BSN, under the new key only; the anonymised one untouched
                #expect(count == 2)
                for (id, digits) in zip(ids.prefix(2), ["999990019", "111222333"]) {
                    let resident = try #require(try await Resident.find(id, on: app.db))
                    #expect(try new.open(resident.bsnSealed).digits == digits)
                    #expect(resident.bsnLookup == new.lookup(BSN(digits)!, in: area))
                    #expect((try? old.open(resident.bsnSealed)) == nil)
                }
                #expect(try await Resident.find(ids[2], on: app.db)?.bsnLookup == "geanonimiseerd:" + ids[2].uuidString)
                try await KeyCheck.verify(new, on: app.db)
                await #expect(throws: BSNVault.KeyError.self) { try await KeyCheck.verify(old, on: app.db) }
                // A coach with the new key still finds a resident by BSN.
                let found = try await ResidentService(db: app.db, actor: coach, vault: new).search("999990019")
                #expect(found.map(\.id) == [ids[0]])
                let entry = try #require(try await AuditEntry.query(on: app.db).filter(\.$subject == "bsnKey").first())
                #expect(entry.purpose == "BSN-sleutel vervangen: 2 BSN's opnieuw versleuteld" && entry.username == "wijknet keys rotate")
            }
        }
    }
}
