import Fluent
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    @Suite struct HistoryImportTests {
        /// The example file in docs/examples, which the documentation points to.
        static var example: String {
            let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            return (try? String(contentsOf: root.appendingPathComponent("docs/examples/toewijzingen-voorbeeld.csv"), encoding: .utf8)) ?? ""
        }

        @Test func theExampleFileIsImportedOnceAndCountsInTheBaseline() async throws {
            try await withApp { app, world in
                // setup
                let analyst = try await token(app, "analist")
                var headers = analyst
                headers.contentType = HTTPMediaType(type: "text", subType: "csv")
                // MUT: the example file, twice
                try await app.testing().test(.POST, "/api/v1/imports/assignments", headers: headers, body: ByteBuffer(string: Self.example)) { res in
                    #expect(res.status == .ok)
                    #expect(object(res)["imported"] as? Double == 5 && object(res)["alreadyThere"] as? Double == 0)
                }
                try await app.testing().test(.POST, "/api/v1/imports/assignments", headers: headers, body: ByteBuffer(string: Self.example)) { res in
                    #expect(object(res)["imported"] as? Double == 0 && object(res)["alreadyThere"] as? Double == 5)
                }
                // validate: stored once, placed outside (the networks started in February 2025), in the figures of 2024
                #expect(try await HistoricalAssignment.query(on: app.db).count() == 5)
                let result = try await FiguresService(db: app.db, actor: world.areas[0].coach).figures(FigureQuery(period: .year(2024)!))
                #expect(result.figures.activeInside[.wmo] == Ratio(part: 0, base: 2))
                #expect(result.figures.activeInside[.jeugd] == Ratio(part: 0, base: 2))
                #expect(result.figures.newFirstInside[.jeugd] == Ratio(part: 0, base: 2))
                #expect(result.figures.hoursOutside == Statistic(value: (3 + 5.5 + 6 + 2) / 4, cases: 4))
                #expect(result.figures.discussedInMeeting == 0 && result.figures.organisationsPerRequest.cases == 0, "history has no requests")
                // The area filter reaches imported rows through their wijk.
                let rkv = try await FiguresService(db: app.db, actor: world.areas[0].coach)
                    .figures(FigureQuery(scope: FigureScope(areaId: world.areas[1].id), period: .year(2024)!))
                #expect(rkv.figures.activeInside[.jeugd] == Ratio(part: 0, base: 2) && rkv.figures.activeInside[.wmo] == Ratio(part: 0, base: 0))
            }
        }

        @Test func aFileWithProblemsIsRefusedWholeWithEveryProblemNamed() async throws {
            try await withApp { app, world in
                var headers = try await token(app, "beheer")
                headers.contentType = HTTPMediaType(type: "text", subType: "csv")
                let bad = Self.example + "OUD-2024-0006;wmo;02A01;Onbekend;WK020201;2024-13-01;;3;eerste\nOUD-2024-0001;wmo;02A01;Zorg aan Huis Noordwest 1;WK020201;2024-01-15;;3;eerste\n"
                try await app.testing().test(.POST, "/api/v1/imports/assignments", headers: headers, body: ByteBuffer(string: bad)) { res in
                    #expect(res.status == .unprocessableEntity)
                    #expect(problemFields(res) == ["line[7].aanbieder", "line[7].start", "line[8].bron_id"])
                }
                #expect(try await HistoricalAssignment.query(on: app.db).count() == 0, "nothing of the good rows either")
                // Not UTF-8: one clear problem.
                try await app.testing().test(.POST, "/api/v1/imports/assignments", headers: headers, body: ByteBuffer(bytes: [0x62, 0xff, 0xfe, 0x0a])) { res in
                    #expect(res.status == .unprocessableEntity && problemFields(res) == ["file"])
                }
                // A coach does not import.
                var coach = try await token(app, "coach.noordwest")
                coach.contentType = headers.contentType
                try await app.testing().test(.POST, "/api/v1/imports/assignments", headers: coach, body: ByteBuffer(string: Self.example)) { res in
                    #expect(res.status == .forbidden)
                }
            }
        }

        @Test func theUploadPageReportsProblemsOrShowsTheProgress() async throws {
            try await withApp { app, world in
                let session = try await PageSession.signIn(app, as: "analist")
                let form = try await session.get("/import/toewijzingen")
                #expect(form.status == .ok && form.body.string.contains("enctype=\"multipart/form-data\""))
                // MUT: a file with one bad row
                let refused = try await session.upload("/import/toewijzingen", file: Self.example.replacingOccurrences(of: "WK020208", with: "WK999999"))
                #expect(refused.status == .unprocessableEntity)
                let html = refused.body.string
                #expect(html.contains("Het bestand is niet geïmporteerd") && html.contains("Wijk WK999999 is onbekend"))
                #expect(try await HistoricalAssignment.query(on: app.db).count() == 0)
                // MUT: the good file
                let done = try await session.upload("/import/toewijzingen", file: Self.example)
                #expect(done.status == .ok)
                #expect(done.body.string.contains("<li>5 van 5 opgeslagen</li>") && done.body.string.contains("Klaar: 5 toewijzingen geïmporteerd"))
                #expect(try await HistoricalAssignment.query(on: app.db).count() == 5)
                // Without the form's token the upload is refused.
                let forged = try await session.upload("/import/toewijzingen", file: Self.example, csrf: "wrong")
                #expect(forged.status == .forbidden)
            }
        }
    }
}

extension PageSession {
    /// Posts a file as a browser does with `enctype="multipart/form-data"`.
    func upload(_ path: String, file: String, csrf: String? = nil) async throws -> TestingHTTPResponse {
        let boundary = "wijknet-test-boundary"
        let body = """
        --\(boundary)\r
        Content-Disposition: form-data; name="\(CSRF.field)"\r
        \r
        \(csrf ?? self.csrf)\r
        --\(boundary)\r
        Content-Disposition: form-data; name="file"; filename="toewijzingen.csv"\r
        Content-Type: text/csv\r
        \r
        \(file)\r
        --\(boundary)--\r

        """
        var headers = HTTPHeaders()
        if let cookie { headers.add(name: .cookie, value: cookie) }
        headers.add(name: .contentType, value: "multipart/form-data; boundary=\(boundary)")
        var result: TestingHTTPResponse?
        try await app.testing().test(.POST, path, headers: headers, body: ByteBuffer(string: body)) { result = $0 }
        return result!
    }
}
