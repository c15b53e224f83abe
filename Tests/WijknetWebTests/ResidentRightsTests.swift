import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct ResidentRightsTests {
        @Test func aResidentGetsEverythingWijknetHoldsAboutThem() async throws {
            try await withApp { app, world in
                // setup
                let id = try await AppTests.AuditLogTests.someHistory(app, world)
                let resident = try #require(try await Resident.query(on: app.db).first())
                let coach = try await token(app, "coach.noordwest")
                // MUT: the JSON export through the API
                try await app.testing().test(.GET, "/api/v1/residents/\(resident.id!.uuidString)/export", headers: coach) { res in
                    #expect(res.status == .ok)
                    let body = object(res)
                    #expect((body["resident"] as? [String: Any])?["bsn"] as? String == "999990019", "their own BSN, in full")
                    let cases = body["cases"] as? [[String: Any]] ?? []
                    #expect(cases.count == 1)
                    #expect(((cases.first?["request"] as? [String: Any])?["id"] as? String) == id)
                    #expect((body["accessLog"] as? [Any])?.count == 6, "five earlier entries and the export itself")
                    let schema = AppTests.OpenAPITests.responseSchema(path: "/residents/{id}/export", method: "get", status: "200")!
                    #expect(SchemaCheck.problems(body, schema, at: "export").isEmpty)
                }
                // The readable page, with the same content.
                let page = try await PageSession.signIn(app, as: "coach.noordwest")
                let html = try await page.get("/inwoners/\(resident.id!.uuidString)/export").body.string
                #expect(html.contains("Gegevens van Anna Jansen"))
                #expect(html.contains("Schulden en eenzaamheid"))
                #expect(html.contains("Wie heeft deze gegevens ingezien of gewijzigd?"))
                let last = try #require(try await AuditEntry.query(on: app.db).sort(\.$seq, .descending).first())
                #expect(last.action == "export" && last.subjectID == resident.id!.uuidString)
                // Another area's coach gets nothing.
                let other = try await token(app, "coach.rkv")
                try await app.testing().test(.GET, "/api/v1/residents/\(resident.id!.uuidString)/export", headers: other) { res in
                    #expect(res.status == .notFound)
                }
            }
        }
    }
}
