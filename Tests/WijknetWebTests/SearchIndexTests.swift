import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// Search through the text indexes (issue 16): FTS5 with trigrams on SQLite, pg_trgm on
    /// PostgreSQL. The answers are those of a plain "contains" search, kept in step with every
    /// write, and an anonymised resident is no longer found by what was removed.
    @Suite struct SearchIndexTests {
        static func ids(_ app: Application, _ coach: HTTPHeaders, _ q: String) async throws -> Set<String> {
            var found: Set<String> = []
            let query = q.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? q
            try await app.testing().test(.GET, "/api/v1/requests?q=\(query)&perPage=100", headers: coach) { res in
                #expect(res.status == .ok)
                found = Set(((object(res)["items"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
            }
            return found
        }

        static func residentNames(_ app: Application, _ coach: HTTPHeaders, _ q: String) async throws -> [String] {
            var names: [String] = []
            try await app.testing().test(.POST, "/api/v1/residents/search", headers: coach, beforeRequest: { try $0.content.encode(["q": q]) }) { res in
                #expect(res.status == .ok)
                let items = (try? JSONSerialization.jsonObject(with: Data(buffer: res.body))) as? [[String: Any]] ?? []
                names = items.compactMap { $0["familyName"] as? String }
            }
            return names
        }

        @Test func theIndexFindsWhatAContainsSearchFindsAndFollowsEveryChange() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                let first = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)  // Anna Jansen, "Schulden en eenzaamheid"
                let second = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach, bsn: "111222333")
                // A word in the summary, in any case; part of a name.
                #expect(try await Self.ids(app, coach, "EENZAAM") == [first, second])
                #expect(try await Self.ids(app, coach, "ansen") == [first, second])
                #expect(try await Self.ids(app, coach, "huur") == [])
                // The whole name, on both databases (PostgreSQL searched each name on its own).
                #expect(try await Self.ids(app, coach, "Anna Jansen") == [first, second])
                #expect(try await Self.residentNames(app, coach, "anna jans") == ["Jansen", "Jansen"])
                #expect(try await Self.ids(app, coach, "Jansen Anna") == [])
                // Two characters are below a trigram: still found, by reading the rows.
                #expect(try await Self.ids(app, coach, "en") == [first, second])
                // What users type is taken literally: quotes, wildcards.
                #expect(try await Self.ids(app, coach, "\"Schulden") == [])
                #expect(try await Self.ids(app, coach, "%") == [])
                #expect(try await Self.ids(app, coach, "_") == [])

                // An edited summary is found by its new words only.
                let request = try #require(try await SupportRequest.find(UUID(uuidString: first), on: app.db))
                request.summary = "Huurachterstand"
                try await request.save(on: app.db)
                #expect(try await Self.ids(app, coach, "huurachter") == [first])
                #expect(try await Self.ids(app, coach, "eenzaam") == [second])
                #expect(try await Self.residentNames(app, coach, "jans") == ["Jansen", "Jansen"])
            }
        }

        /// A search is answered two ways, by how many match (`RequestService.narrowed`): from the
        /// index's ids when few do, as a condition on the rows when many do. Both give the same.
        @Test func bothWaysOfAnsweringASearchGiveTheSameRequests() async throws {
            try await withApp { app, world in
                let sqlite = try app.db.sql().dialect.name == "sqlite"
                let coach = try await token(app, "coach.noordwest")
                let first = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let second = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach, bsn: "111222333")
                #expect(try await SearchPattern.requestIDs(containing: "jansen", atMost: 1, on: app.db) == nil, "more than one: many")
                #expect(try await SearchPattern.requestIDs(containing: "jansen", atMost: 10, on: app.db)?.map(\.uuidString).sorted() == [first, second].sorted())
                #expect(try await SearchPattern.requestIDs(containing: "ja", atMost: 10, on: app.db) == nil, "below a trigram: no index")
                for q in ["jansen", "EENZAAM", "huur", "anna jansen"] {
                    var select = try app.db.sql().select().column("id").from(SupportRequest.schema)
                    for condition in RequestListSQL.conditions(RequestFilter(q: q), sqlite: sqlite) { select = select.where(condition) }
                    let asCondition = Set(try await select.all().map { try $0.decode(column: "id", as: UUID.self).uuidString })
                    #expect(asCondition == (try await Self.ids(app, coach, q)), "\(q)")
                }
            }
        }

        @Test func anAnonymisedResidentIsNoLongerFoundByWhatWasRemoved() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let request = try #require(try await SupportRequest.find(UUID(uuidString: id), on: app.db))
                try await RetentionService(db: app.db, actor: RetentionService.scheduledRun, policy: .standard)
                    .anonymise(request.$resident.id, on: .today(), purpose: "test")
                #expect(try await Self.ids(app, coach, "Jansen") == [])
                #expect(try await Self.ids(app, coach, "Schulden") == [])
                #expect(try await Self.residentNames(app, coach, "Jansen") == [])
                // Nor does the index itself still hold the old texts.
                if try app.db.sql().dialect.name == "sqlite" {
                    let left = try await app.db.sql().raw("""
                        SELECT (SELECT COUNT(*) FROM resident_search WHERE resident_search MATCH '"jansen"')
                             + (SELECT COUNT(*) FROM request_search WHERE request_search MATCH '"schulden"') AS n
                        """).first()?.decode(column: "n", as: Int.self)
                    #expect(left == 0)
                }
            }
        }
    }
}
