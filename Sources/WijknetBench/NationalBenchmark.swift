import Fluent
import Foundation
import SQLKit
import Vapor
import WijknetCore
import WijknetStore
import WijknetWeb

/// `wijknet bench --national`: the council's figures at the scale of the whole country. On an
/// empty database it generates the country (`NationalData`), counts the figure tallies and times
/// the write path; on a database it generated before, it times the reads only, so a fresh
/// process gives the cold figures. docs/performance.md has the results and how they were run.
public enum NationalBenchmark {
    /// - Parameter scale: a fraction of the country (0.01 for a trial run), 1 for all of it.
    public static func run(_ app: Application, scale: Double, samples: Int, json: String?,
                           log: @escaping @Sendable (String) -> Void) async throws -> String {
        let size = NationalData.Size().scaled(by: scale)
        try await app.autoMigrate().get()
        var report = ["Wijknet landelijke benchmark"]
        let today = CalendarDate.today()
        let sql = try app.db.sql()
        if try await User.query(on: app.db).count() == 0 {
            let world = try await DemoWorld.create(on: app.db, passwordHash: try await app.password.async.hash(DemoPassword.value))
            let coach = world.areas[0].coach
            var start = ContinuousClock.now
            let counts = try await NationalData(db: app.db, vault: app.vault, coach: coach.userID).generate(size, until: today) { counts in
                if counts.residents % 100_000 == 0 { log("genereren: \(counts.residents) inwoners, \(counts.assignments) toewijzingen") }
            }
            var seconds = (ContinuousClock.now - start).seconds
            report.append("gegenereerd: \(counts.areas) gebieden, \(counts.residents) inwoners, \(counts.requests) verzoeken, "
                          + "\(counts.assignments) toewijzingen; \(counts.rows) rijen in \(format(seconds)) s = \(Int(Double(counts.rows) / seconds)) rijen/s")
            start = ContinuousClock.now
            let areas = try await FigureTallies.refreshStale(asOf: today, on: app.db)
            seconds = (ContinuousClock.now - start).seconds
            report.append("tellingen opbouwen: \(areas) gebieden in \(format(seconds)) s = \(String(format: "%.0f", seconds * 1000 / Double(max(areas, 1)))) ms per gebied")

            // The write path through the services, and the part of it the tallies add.
            start = ContinuousClock.now
            let writes = 200
            try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: writes, from: today.adding(days: -60), to: today, seed: 5,
                                                                                   bsnStart: 900_000_000)
            seconds = (ContinuousClock.now - start).seconds
            let steps = try await sql.raw("SELECT COUNT(*) AS n FROM case_events").first()!.decode(column: "n", as: Int.self)
            let touch = try await Benchmark.time(samples) { i in
                try await app.db.transaction { db in try await FigureTallies.touch(area: world.areas[i % world.areas.count].id, on: db) }
            }
            report.append("schrijven via de services: \(writes) verzoeken, \(steps) stappen in \(format(seconds)) s = "
                          + "\(String(format: "%.2f", seconds * 1000 / Double(steps))) ms per stap; gebied als verouderd markeren: \(touch.summary)")
        } else {
            // What the background job would do first: recount areas that are out of date (none, normally).
            let start = ContinuousClock.now
            let areas = try await FigureTallies.refreshStale(asOf: today, on: app.db)
            report.append("bestaande gegevens: \(areas) gebieden opnieuw geteld in \(format((ContinuousClock.now - start).seconds)) s; verder alleen lezen")
        }

        let counts = try await sql.raw("""
            SELECT (SELECT COUNT(*) FROM residents) AS residents, (SELECT COUNT(*) FROM assignments) AS assignments,
                   (SELECT COUNT(*) FROM municipalities) AS municipalities
            """).first()!
        report.append("in de database: \(try counts.decode(column: "municipalities", as: Int.self)) gemeenten, "
                      + "\(try counts.decode(column: "residents", as: Int.self)) inwoners, \(try counts.decode(column: "assignments", as: Int.self)) toewijzingen")
        guard let analystID = try await User.query(on: app.db).filter(\.$role == .analyst).first()?.id,
              let municipality = try await Municipality.query(on: app.db).filter(\.$code == "L001").first()?.id else {
            return "De database heeft geen landelijke gegevens; begin met een lege database."
        }
        let analyst = Actor(userID: analystID, username: "analist", role: .analyst, organisationID: nil, areaID: nil)
        let figures = FiguresService(db: app.db, actor: analyst)
        let quarter = ReportingPeriod.quarter(containing: ReportingPeriod.quarter(containing: today).first.adding(days: -1))
        let country = FigureQuery(period: quarter)
        let local = FigureQuery(scope: FigureScope(municipalityId: municipality), period: quarter)

        // Cold: the first read in this process; warm: the same read again.
        for (name, query) in [("één gemeente", local), ("heel Nederland", country)] {
            let start = ContinuousClock.now
            _ = try await figures.figures(query, asOf: today)
            let cold = (ContinuousClock.now - start).seconds * 1000
            let warm = try await Benchmark.time(samples) { _ in _ = try await figures.figures(query, asOf: today) }
            report.append("dashboard K1–K10 \(quarter) + trend van 6 kwartalen, \(name): koud \(String(format: "%.1f", cold)) ms; warm \(warm.summary)")
        }
        report.append("piekgeheugen van het proces: \(Benchmark.peakMemoryMB()) MB")

        if let json {
            let result = [
                "quarter": quarter.description,
                "country": try await summary(figures.figures(country, asOf: today).figures),
                "municipality": try await summary(figures.figures(local, asOf: today).figures),
            ] as [String: Any]
            try JSONSerialization.data(withJSONObject: result, options: [.prettyPrinted, .sortedKeys]).write(to: URL(fileURLWithPath: json))
            report.append("cijfers geschreven naar \(json)")
        }
        return report.joined(separator: "\n")
    }

    /// The raw figures, for the DuckDB script to check its own against (bench/duckdb_figures.py).
    static func summary(_ f: CouncilFigures) -> [String: Any] {
        func ratio(_ r: Ratio?) -> [Int] { [r?.part ?? 0, r?.base ?? 0] }
        return [
            "k1": f.discussedInMeeting, "k2": ratio(f.discussedWithCareInside), "k3": ratio(f.discussedWithWelfare),
            "k4_wmo": ratio(f.activeInside[.wmo]), "k4_jeugd": ratio(f.activeInside[.jeugd]),
            "k5_wmo": ratio(f.newFirstInside[.wmo]), "k5_jeugd": ratio(f.newFirstInside[.jeugd]),
            "k6_inside": [f.hoursInside.value ?? 0, Double(f.hoursInside.cases)], "k6_outside": [f.hoursOutside.value ?? 0, Double(f.hoursOutside.cases)],
            "k7_inside": ratio(f.specialistInside), "k7_outside": ratio(f.specialistOutside),
            "k8": [f.daysToSupport.value ?? 0, Double(f.daysToSupport.cases)],
            "k9": [f.organisationsPerRequest.value ?? 0, Double(f.organisationsPerRequest.cases)],
            "k10": f.outsideReasons,
        ]
    }

    static func format(_ seconds: Double) -> String { String(format: "%.1f", seconds) }
}
