import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct DashboardTests {
        /// A year of cases through the services, ending before today.
        static func history(_ app: Application, _ world: DemoWorld) async throws {
            let today = CalendarDate.today()
            try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: 160, from: today.adding(days: -400), to: today.adding(days: -5), seed: 11)
        }

        @Test func theAPIGivesTheCoreFiguresAfterDisclosureControl() async throws {
            try await withApp { app, world in
                // setup
                try await Self.history(app, world)
                let period = ReportingPeriod.quarter(containing: CalendarDate.today().adding(days: -100))
                let records = try await FigureRecordsQuery.load(FigureScope(areaId: world.areas[0].id), on: app.db)
                let expected = CouncilFigures.compute(records, period: period, law: nil, asOf: .today())
                let expectedLines = Dictionary(uniqueKeysWithValues: expected.lines().map { ($0.key, $0) })
                // MUT
                let analyst = try await token(app, "analist")
                try await app.testing().test(.GET, "/api/v1/figures?areaId=\(world.areas[0].id.uuidString)&period=\(period)", headers: analyst) { res in
                    // validate
                    #expect(res.status == .ok)
                    let body = object(res)
                    #expect(body["period"] as? String == period.description)
                    let lines = body["lines"] as? [[String: Any]] ?? []
                    #expect(lines.count >= 13)
                    for line in lines {
                        let key = line["key"] as? String ?? ""
                        let want = try #require(expectedLines[key], "\(key)")
                        #expect(line["suppressed"] as? Bool == want.value.isSuppressed, "\(key)")
                        if let value = want.value.value { #expect(abs((line["value"] as? Double ?? -1) - value) < 1e-9, "\(key)") }
                        else { #expect(line["value"] == nil || line["value"] is NSNull, "\(key): suppressed is never 0") }
                    }
                    #expect(expected.discussedInMeeting > 0)
                    #expect((body["trend"] as? [Any])?.count == 6)
                    let schema = AppTests.OpenAPITests.responseSchema(path: "/figures", method: "get", status: "200")!
                    #expect(SchemaCheck.problems(body, schema, at: "figures").isEmpty)
                }
                // A wrong period is a 422 naming the field.
                try await app.testing().test(.GET, "/api/v1/figures?period=2026Q7", headers: analyst) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(problemFields(res) == ["period"])
                }
                // Reading figures is not a read of personal data: nothing in the audit log.
                #expect(try await AuditEntry.query(on: app.db).filter(\.$username == "analist").count() == 0)
            }
        }

        @Test func onlyCoachAndChairGoFromAFigureToItsRequestsAndOnlyToTheirOwn() async throws {
            try await withApp { app, world in
                try await Self.history(app, world)
                let period = ReportingPeriod(first: CalendarDate.today().adding(days: -400), last: .today())!
                let query = "period=\(period)"
                for user in ["analist", "raad"] {
                    try await app.testing().test(.GET, "/api/v1/figures/K1/requests?\(query)", headers: try await token(app, user)) { res in
                        #expect(res.status == .forbidden, "\(user)")
                    }
                }
                let all = try await FiguresService(db: app.db, actor: world.areas[0].coach).requestsBehind(.k1, FigureQuery(period: period))
                let coach = try await token(app, "coach.noordwest")
                try await app.testing().test(.GET, "/api/v1/figures/K1/requests?\(query)&page=1", headers: coach) { res in
                    #expect(res.status == .ok)
                    let items = object(res)["items"] as? [[String: Any]] ?? []
                    let total = object(res)["total"] as? Int ?? 0
                    #expect(total > 0 && total < all.count, "the coach sees the first area's part of K1 only")
                    for item in items {
                        #expect(all.contains(UUID(uuidString: item["id"] as? String ?? "")!))
                    }
                }
                let audited = try await AuditEntry.query(on: app.db).filter(\.$username == "coach.noordwest").filter(\.$action == "list").count()
                #expect(audited == 1, "the drill-down shows residents, so it is logged")
                try await app.testing().test(.GET, "/api/v1/figures/K11/requests?\(query)", headers: coach) { res in
                    #expect(res.status == .notFound)
                }
            }
        }

        @Test func theCouncilReadsTheDashboardChartsAndExports() async throws {
            try await withApp { app, world in
                try await Self.history(app, world)
                let page = try await PageSession.signIn(app, as: "raad")
                // MUT
                let res = try await page.get("/cijfers")
                // validate
                #expect(res.status == .ok)
                let html = res.body.string
                #expect(html.contains("Kerncijfers") && html.contains("<svg") && html.contains("role=\"img\""))
                #expect(html.contains("Tabel bij K4"), "every chart has its table")
                #expect(!html.contains("/cijfers/K1/verzoeken"), "no drill-down for the council")
                #expect(!html.contains("Jansen"), "no names")
                let csv = try await page.get("/cijfers/export.csv?period=\(FigureQueryInput.lastCompleteQuarter())&separator=semicolon")
                #expect(csv.headers.contentType?.subType == "csv")
                #expect(csv.body.string.hasPrefix("\u{FEFF}periode;code;cijfer;onderdeel;waarde;berekend_op\r\n"))
                let svg = try await page.get("/cijfers/grafiek/K4")
                #expect(svg.headers.contentType?.subType == "svg+xml" && svg.body.string.contains("xmlns=\"http://www.w3.org/2000/svg\""))
                let invalid = try await page.get("/cijfers?period=volgend-jaar")
                #expect(invalid.status == .unprocessableEntity && invalid.body.string.contains("Periode is ongeldig"))
                let definitions = try await page.get("/cijfers/definities").body.string
                #expect(FigureDefinition.allCases.allSatisfy { definitions.contains($0.code) })
                // The coach gets the drill-down links.
                let coach = try await PageSession.signIn(app, as: "coach.noordwest")
                #expect(try await coach.get("/cijfers").body.string.contains("/cijfers/K1/verzoeken?"))
            }
        }

        @Test func csvCellsCannotBecomeFormulas() {
            #expect(CSV.cell("=HYPERLINK(\"x\")", ",") == "\"'=HYPERLINK(\"\"x\"\")\"")
            #expect(CSV.cell("a;b", ";") == "\"a;b\"")
            #expect(CSV.cell("-3", ";") == "-3", "a number stays a number")
        }
    }
}

extension AppTests.DashboardTests {
    /// Issue 11, point 11: the API wanted the municipality's UUID where the CLI takes its CBS code.
    @Test func theFiguresAPIAcceptsTheCBSCode() async throws {
        try await withApp { app, _ in
            let analyst = try await token(app, "analist")
            let arnhem = try #require(try await Municipality.query(on: app.db).filter(\.$code == "GM0202").first())
            for query in ["municipality=0202", "municipality=GM0202", "municipalityId=0202", "municipalityId=gm0202"] {
                try await app.testing().test(.GET, "/api/v1/figures?period=2026&\(query)", headers: analyst) { res in
                    #expect(res.status == .ok, "\(query)")
                    #expect((object(res)["scope"] as? [String: Any])?["municipalityId"] as? String == arnhem.id!.uuidString, "\(query)")
                }
            }
            try await app.testing().test(.GET, "/api/v1/figures?period=2026&municipality=0999", headers: analyst) { res in
                #expect(res.status == .unprocessableEntity)
                #expect((object(res)["detail"] as? String)?.hasPrefix("Gemeente 0999 is onbekend") == true)
            }
        }
    }
}
