import Fluent
import Vapor
import WijknetCore
import WijknetStore
import WijknetWeb

/// `wijknet bench`: creates synthetic cases through the services and times the two reads a coach
/// makes most: the filtered request list (page 1) and the case file. Times are for the store and
/// the DTOs, without HTTP.
public enum Benchmark {
    /// - Parameters:
    ///   - requests: the total number of requests in the database when the reads are timed.
    ///   - throughServices: how many of them are made through the services, to time the write path;
    ///     the rest is loaded in bulk.
    public static func run(_ app: Application, requests: Int, throughServices: Int, samples: Int,
                           log: @escaping @Sendable (String) -> Void) async throws -> String {
        try await app.autoMigrate().get()
        guard try await User.query(on: app.db).count() == 0 else {
            return "De benchmark heeft een lege database nodig (gebruik bijvoorbeeld --database-url sqlite:///tmp/bench.sqlite)."
        }
        let world = try await DemoWorld.create(on: app.db, passwordHash: try await app.password.async.hash(DemoPassword.value))
        let to = CalendarDate.today().adding(days: -1)
        let viaServices = min(requests, throughServices)
        let bulk = requests - viaServices
        // Bulk cases cover the three years before the service cases' last month; BSNs start below the demo range.
        var start = ContinuousClock.now
        try await BulkCaseLoader(world: world, db: app.db, vault: app.vault).load(count: bulk, from: to.adding(days: -3 * 365), to: to.adding(days: -31),
                                                                seed: 11, bsnStart: 100_000_000) { log("bulk: \($0) verzoeken") }
        let bulkSeconds = (ContinuousClock.now - start).seconds
        start = ContinuousClock.now
        let step = max(1, viaServices / 10)
        try await CaseGenerator(world: world, db: app.db, vault: app.vault).generate(count: viaServices, from: to.adding(days: -30), to: to,
                                                                    seed: 7, bsnStart: 500_000_000) { done in
            if done % step == 0 { log("services: \(done) verzoeken") }
        }
        let seconds = (ContinuousClock.now - start).seconds
        let coach = world.areas[0].coach
        let service = RequestService(db: app.db, actor: coach)
        let filter = RequestFilter(networkId: world.areas[0].networkID, status: .inProgress, law: .wmo)
        let listTimes = try await time(samples) { _ in _ = try await service.list(filter) }
        let ids = try await service.list(RequestFilter(), try Paging.check(page: nil, perPage: String(Limits.maxPageSize))).items.compactMap(\.id)
        let caseTimes = try await time(samples) { i in _ = try await service.caseFile(ids[i % ids.count]) }
        let searchTimes = try await time(samples) { _ in _ = try await service.list(RequestFilter(q: "jansen")) }
        // The audit entry every case-file read appends, on its own: the overhead of auditing reads.
        let trail = AuditTrail(actor: coach, channel: .command)
        let auditTimes = try await time(samples) { i in
            try await app.db.transaction { db in
                try await AuditLog.append(trail, .read, subject: "request", subjectID: ids[i % ids.count], residents: [], purpose: "benchmark", on: db)
            }
        }
        // The dashboard: all figures of one quarter with a trend of six, for one area and for everything.
        let figures = FiguresService(db: app.db, actor: coach)
        let quarter = ReportingPeriod.quarter(containing: to)
        let figureSamples = max(3, samples / 20)
        let areaFigures = try await time(figureSamples) { _ in
            _ = try await figures.figures(FigureQuery(scope: FigureScope(areaId: world.areas[0].id), period: quarter))
        }
        let allFigures = try await time(figureSamples) { _ in _ = try await figures.figures(FigureQuery(period: quarter)) }
        return """
        Wijknet benchmark: \(requests) verzoeken
        via de services: \(viaServices) verzoeken in \(String(format: "%.1f", seconds)) s = \(String(format: "%.1f", Double(viaServices) / max(seconds, 0.001))) verzoeken/s (elk met inwoner, route, besluit, toewijzingen/toeleidingen)
        bulk: \(bulk) verzoeken in \(String(format: "%.1f", bulkSeconds)) s = \(String(format: "%.0f", Double(bulk) / max(bulkSeconds, 0.001))) verzoeken/s
        lijst (netwerk+status+wet, pagina 1): \(listTimes.summary)
        zoeken ("jansen", pagina 1): \(searchTimes.summary)
        dossier (casefile, inclusief auditregel): \(caseTimes.summary)
        waarvan auditregel schrijven: \(auditTimes.summary)
        cijfers K1–K10, één kwartaal + trend van 6, één gebied: \(areaFigures.summary)
        cijfers K1–K10, één kwartaal + trend van 6, alles: \(allFigures.summary)
        piekgeheugen van het proces: \(peakMemoryMB()) MB
        """
    }

    /// Peak resident memory of this process (Linux reports kilobytes, macOS bytes).
    static func peakMemoryMB() -> Int {
        var usage = rusage()
        #if os(Linux)
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return usage.ru_maxrss / 1024
        #else
        getrusage(RUSAGE_SELF, &usage)
        return usage.ru_maxrss / 1_048_576
        #endif
    }

    struct Timings {
        var values: [Double]

        func percentile(_ p: Double) -> Double {
            let sorted = values.sorted()
            return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
        }

        var summary: String {
            String(format: "mediaan %.2f ms, p99 %.2f ms (n=%d)", percentile(0.5), percentile(0.99), values.count)
        }
    }

    static func time(_ samples: Int, _ body: (Int) async throws -> Void) async throws -> Timings {
        // Warm-up, then measure.
        for i in 0..<min(10, samples) { try await body(i) }
        var values: [Double] = []
        for i in 0..<samples {
            let t = ContinuousClock.now
            try await body(i)
            values.append((ContinuousClock.now - t).seconds * 1000)
        }
        return Timings(values: values)
    }
}

extension Duration {
    var seconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
