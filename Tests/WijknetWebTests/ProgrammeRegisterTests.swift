import Fluent
import Foundation
import Testing
import Vapor
@testable import ProgrammeCore
@testable import ProgrammeStore
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// The programme register (issue 17) on both databases: policy staff keep it, every change is
    /// audited, bad input stores nothing, and of two editors of one version only the first goes through.
    @Suite struct ProgrammeRegisterTests {
        static func register(_ app: Application, role: Role = .analyst) async throws -> ProgrammeRegister {
            let user = try #require(try await User.query(on: app.db).filter(\.$role == role).first())
            let actor = Actor(userID: try user.requireID(), username: user.username, role: user.role, organisationID: nil, areaID: nil)
            return ProgrammeRegister(db: app.db, trail: AuditTrail(actor: actor, channel: .api))
        }

        static func programme(_ app: Application, _ register: ProgrammeRegister) async throws -> UUID {
            let arnhem = try #require(try await Municipality.query(on: app.db).first())
            return try await register.createProgramme(municipality: try arnhem.requireID(), ProgrammeInput(
                name: "Transformatie Sociaal Domein", firstDay: "2026-01-01", lastDay: "2027-12-31", owner: "Sjoerd Spoelstra"))
        }

        @Test func policyStaffKeepTheRegisterAndEveryChangeIsAudited() async throws {
            try await withApp { app, _ in
                let register = try await Self.register(app)
                let before = try await AuditEntry.query(on: app.db).count()
                let programme = try await Self.programme(app, register)
                let opgave = try await register.addOpgave(to: programme, OpgaveInput(
                    number: 5, name: "Zorg door middel van wijknetwerken", goal: "Het sociaal wijkteam leidend maken in het zorg- en welzijnslandschap."))
                let initiative = try await register.addInitiative(to: opgave, InitiativeInput(
                    title: "Borging pilot Wijknetwerken", start: "2026-01-01", status: "running",
                    links: [ProgrammeLink(title: "Raadsbrief evaluatie pilot Wijknetwerken", reference: "2025")]))
                let today = CalendarDate("2026-03-24")!
                let milestone = try await register.addMilestone(to: initiative, MilestoneInput(title: "Voortgang aan de raad", planned: "2026Q3"), today: today)
                #expect(try await register.milestones(ofOpgave: opgave).map(\.title) == ["Voortgang aan de raad"])
                let entries = try await AuditEntry.query(on: app.db).sort(\.$seq).all().suffix(4)
                #expect(try await AuditEntry.query(on: app.db).count() == before + 4)
                #expect(entries.map(\.subject) == ["programme", "programme-opgave", "programme-initiative", "programme-milestone"])
                #expect(entries.last?.subjectID == milestone.uuidString && entries.allSatisfy { $0.residentIDs.isEmpty })
                #expect(try await AuditLog.verify(on: app.db).problem == nil)

                // Another role may not.
                let coach = try await Self.register(app, role: .coach)
                await #expect(throws: StoreError.self) { _ = try await coach.addOpgave(to: programme, OpgaveInput(number: 1, name: "x", goal: "y")) }
            }
        }

        @Test func badInputStoresNothing() async throws {
            try await withApp { app, _ in
                let register = try await Self.register(app)
                let programme = try await Self.programme(app, register)
                let opgave = try await register.addOpgave(to: programme, OpgaveInput(number: 1, name: "Wonen eerst", goal: "Een vaste woonplek als basis."))
                let initiative = try await register.addInitiative(to: opgave, InitiativeInput(title: "Herkansingsroute", start: "2026-02-01"))
                let count = try await MilestoneRecord.query(on: app.db).count()
                do {
                    _ = try await register.addMilestone(to: initiative, MilestoneInput(title: "Te vroeg", planned: "2026-01-15"), today: CalendarDate("2026-03-24")!)
                    Issue.record("a milestone before its initiative starts was stored")
                } catch StoreError.invalid(let failure) {
                    #expect(failure.message(for: "planned") == "De mijlpaal ligt vóór de start van het initiatief (01-02-2026).")
                }
                #expect(try await MilestoneRecord.query(on: app.db).count() == count)
                do {
                    _ = try await register.addOpgave(to: programme, OpgaveInput(number: 1, name: "Dubbel", goal: "x"))
                    Issue.record("a second opgave 1 was stored")
                } catch StoreError.invalid(let failure) {
                    #expect(failure.message(for: "number") == "Opgave 1 bestaat al in dit programma.")
                }
                await #expect(throws: StoreError.self) {
                    _ = try await register.createProgramme(municipality: UUID(), ProgrammeInput(name: "x", firstDay: "2026-01-01", lastDay: "2025-01-01"))
                }
            }
        }

        @Test func ofTwoEditorsOfOneVersionTheSecondGetsAConflict() async throws {
            try await withApp { app, _ in
                let register = try await Self.register(app)
                let programme = try await Self.programme(app, register)
                let opgave = try await register.addOpgave(to: programme, OpgaveInput(number: 2, name: "Financiële bestaanszekerheid", goal: "Minder geldstress."))
                try await register.updateOpgave(opgave, OpgaveInput(number: 2, name: "Financiële bestaanszekerheid", goal: "Minder problematische schulden."), version: 1)
                do {
                    try await register.updateOpgave(opgave, OpgaveInput(number: 2, name: "Financiële bestaanszekerheid", goal: "Een andere tekst."), version: 1)
                    Issue.record("the second editor wrote over the first")
                } catch StoreError.conflict(let message) {
                    #expect(message.hasPrefix("Iemand anders heeft deze opgave intussen gewijzigd."))
                }
                let stored = try #require(try await OpgaveRecord.find(opgave, on: app.db))
                #expect(stored.goal == "Minder problematische schulden." && stored.version == 2)

                // Both at once: exactly one goes through.
                let succeeded = await withTaskGroup(of: Bool.self) { group in
                    for name in ["A", "B"] {
                        group.addTask { (try? await register.updateOpgave(opgave, OpgaveInput(number: 2, name: name, goal: name), version: 2)) != nil }
                    }
                    return await group.reduce(0) { $0 + ($1 ? 1 : 0) }
                }
                #expect(succeeded == 1)
                #expect(try await OpgaveRecord.find(opgave, on: app.db)?.version == 3)
            }
        }
    }
}
