import Fluent
import Foundation
import SQLKit
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct AuditLogTests {
        /// A request with a few steps, viewed once through a page and once through the API.
        static func someHistory(_ app: Application, _ world: DemoWorld) async throws -> String {
            let headers = try await token(app, "coach.noordwest")
            let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, headers)
            _ = try await app.testing().test(.POST, "/api/v1/requests/\(id)/route", headers: headers,
                                             beforeRequest: { try $0.content.encode(JSON(["route": "meeting"])) })
            _ = try await app.testing().test(.GET, "/api/v1/requests/\(id)", headers: headers)
            let coach = try await PageSession.signIn(app, as: "coach.noordwest")
            _ = try await coach.get("/verzoeken/\(id)")
            return id
        }

        @Test func everyReadAndWriteOfACaseIsLogged() async throws {
            try await withApp { app, world in
                let id = try await Self.someHistory(app, world)
                let entries = try await AuditEntry.query(on: app.db).sort(\.$seq).all()
                let actions = entries.map { "\($0.channel):\($0.action):\($0.subject)" }
                #expect(actions == ["api:create:resident", "api:create:request", "api:route:request", "api:read:request", "page:read:request"])
                #expect(entries.allSatisfy { $0.username == "coach.noordwest" && $0.role == "coach" })
                let resident = try #require(try await Resident.query(on: app.db).first())
                #expect(entries.allSatisfy { $0.residentIDs == resident.id!.uuidString })
                #expect(entries.last?.subjectID == id)
                #expect(entries.last?.purpose == "Dossier ingezien")
                // No personal data in the log: no name, no BSN.
                for entry in entries {
                    #expect(!entry.content.canonical.contains("Jansen") && !entry.content.canonical.contains("999990019"))
                }
                let (checked, problem) = try await AuditLog.verify(on: app.db)
                #expect(checked == 5 && problem == nil)
            }
        }

        @Test func tamperingIsFoundAndNamed() async throws {
            try await withApp { app, world in
                _ = try await Self.someHistory(app, world)
                let sql = app.db as! any SQLDatabase
                func verify() async throws -> AuditChain.Problem? { try await AuditLog.verify(on: app.db).problem }
                #expect(try await verify() == nil)

                // An edit of entry 3.
                try await sql.update(AuditEntry.schema).set("username", to: SQLBind("iemand")).where("seq", .equal, SQLBind(3)).run()
                #expect(try await verify() == .changed(seq: 3))
                try await sql.update(AuditEntry.schema).set("username", to: SQLBind("coach.noordwest")).where("seq", .equal, SQLBind(3)).run()
                #expect(try await verify() == nil)

                // Entries 2 and 3 swap places.
                try await sql.update(AuditEntry.schema).set("seq", to: SQLBind(-2)).where("seq", .equal, SQLBind(2)).run()
                try await sql.update(AuditEntry.schema).set("seq", to: SQLBind(2)).where("seq", .equal, SQLBind(3)).run()
                try await sql.update(AuditEntry.schema).set("seq", to: SQLBind(3)).where("seq", .equal, SQLBind(-2)).run()
                #expect(try await verify() == .outOfOrder(seq: 2))
                try await sql.update(AuditEntry.schema).set("seq", to: SQLBind(-2)).where("seq", .equal, SQLBind(2)).run()
                try await sql.update(AuditEntry.schema).set("seq", to: SQLBind(2)).where("seq", .equal, SQLBind(3)).run()
                try await sql.update(AuditEntry.schema).set("seq", to: SQLBind(3)).where("seq", .equal, SQLBind(-2)).run()
                #expect(try await verify() == nil)

                // An entry added past the head, as if appended behind the log's back.
                let newest = try #require(try await AuditEntry.query(on: app.db).sort(\.$seq, .descending).first())
                let forged = AuditEntry(content: newest.content, previousHash: newest.hash, hash: newest.hash)
                forged.seq = newest.seq + 1
                try await forged.create(on: app.db)
                #expect(try await verify() == .changed(seq: newest.seq + 1))
                try await forged.delete(on: app.db)
                #expect(try await verify() == nil)

                // The newest entry removed.
                let last = try #require(try await AuditEntry.query(on: app.db).sort(\.$seq, .descending).first())
                try await sql.delete(from: AuditEntry.schema).where("seq", .equal, SQLBind(last.seq)).run()
                #expect(try await verify() == .truncated(after: last.seq - 1, expected: last.seq))

                // An entry in the middle removed.
                try await sql.delete(from: AuditEntry.schema).where("seq", .equal, SQLBind(2)).run()
                #expect(try await verify() == .removed(before: 3))
            }
        }
    }
}

extension AppTests.AuditLogTests {
    @Test func theAuditorFindsWhoLookedAtAResidentsFileWithoutPuttingTheBSNInAURL() async throws {
        try await withApp { app, world in
            _ = try await Self.someHistory(app, world)
            let auditor = try await PageSession.signIn(app, as: "auditor")
            let log = try await auditor.get("/audit?username=coach.noordwest&action=read")
            #expect(log.status == .ok)
            #expect(log.body.string.contains("2 regels"))
            #expect(try await auditor.get("/verzoeken").status == .forbidden, "no case content for the auditor")

            _ = try await auditor.get("/audit/inwoner")
            let wrong = try await auditor.post("/audit/inwoner", ["bsn": "123456789"])
            #expect(wrong.status == .unprocessableEntity)
            let overview = try await auditor.post("/audit/inwoner", ["bsn": "999990019"])
            #expect(overview.status == .ok)
            #expect(overview.body.string.contains("6 regels noemen deze inwoner"), "five from the history and the look-up itself")
            #expect(!overview.body.string.contains("Jansen"), "the overview names no case content")
            // The look-up is in the log too.
            let last = try #require(try await AuditEntry.query(on: app.db).sort(\.$seq, .descending).first())
            #expect(last.username == "auditor" && last.purpose.contains("AVG"))

            let headers = try await token(app, "auditor")
            try await app.testing().test(.POST, "/api/v1/audit/resident-access", headers: headers,
                                         beforeRequest: { try $0.content.encode(["bsn": "999990019"]) }) { res in
                #expect(res.status == .ok)
            }
            let coach = try await token(app, "coach.noordwest")
            try await app.testing().test(.GET, "/api/v1/audit", headers: coach) { res in
                #expect(res.status == .forbidden)
            }
        }
    }

    /// Issue 13, point 7: pages through the log, local time, Dutch words, and one record's trail.
    @Test func theAuditorReadsTheLogInDutchAndFollowsARecord() async throws {
        try await withApp { app, world in
            let requestID = try await Self.someHistory(app, world)
            let coach = try await PageSession.signIn(app, as: "coach.noordwest")
            for _ in 0..<60 { _ = try await coach.get("/verzoeken/\(requestID)") }
            let auditor = try await PageSession.signIn(app, as: "auditor")
            let first = try await auditor.get("/audit").body.string
            #expect(first.contains("<a rel=\"next\" href=\"/audit?page=2\">Volgende</a>"))
            #expect(first.contains("Webpagina") && first.contains("Ingezien") && !first.contains(">page<"))
            let entry = try #require(try await AuditEntry.query(on: app.db).sort(\.$seq, .descending).first())
            let local = CasePage.dutchDateTimeWithSeconds(try Date(entry.at, strategy: .iso8601))
            #expect(first.contains("<time datetime=\"\(entry.at)\">\(local)</time>"), "Dutch local time, the exact instant in the attribute")
            #expect(first.contains("/audit?subject=request&amp;subjectId=\(requestID)"))
            let second = try await auditor.get("/audit?page=2").body.string
            #expect(second.contains("rel=\"prev\"") && second.contains("Pagina 2 van"))

            let trail = try await auditor.get("/audit?subject=request&subjectId=\(requestID)").body.string
            let count = try await AuditEntry.query(on: app.db).filter(\.$subject == "request").filter(\.$subjectID == requestID).count()
            #expect(trail.contains("\(count) regels") && trail.contains("Alle regels tonen"))
            // A day is a Dutch day: today's entries are found from today, none from tomorrow.
            let today = CalendarDate.today()
            #expect(!(try await auditor.get("/audit?from=\(today.description)").body.string.contains("Geen regels gevonden")))
            #expect(try await auditor.get("/audit?from=\(today.adding(days: 1).description)").body.string.contains("Geen regels gevonden"))
        }
    }
}
