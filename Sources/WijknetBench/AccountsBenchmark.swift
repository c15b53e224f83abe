import Fluent
import SQLKit
import Vapor
import WijknetCore
import WijknetStore
import WijknetWeb

/// `wijknet bench --accounts` (issue 15): signing in with a password and a second factor, through
/// the API's own route (`POST /api/v1/tokens`, in process, without the network), and a partner
/// organisation's inbox with 10,000 open items among `requests` requests.
public enum AccountsBenchmark {
    public static let openItems = 10_000

    public static func run(_ app: Application, requests: Int, samples: Int, log: @escaping @Sendable (String) -> Void) async throws -> String {
        try await app.autoMigrate().get()
        guard try await User.query(on: app.db).count() == 0 else {
            return "De benchmark heeft een lege database nodig (gebruik bijvoorbeeld --database-url sqlite:///tmp/bench.sqlite)."
        }
        let hash = try await app.password.async.hash(DemoPassword.value)
        let world = try await DemoWorld.create(on: app.db, passwordHash: hash)
        let cost = hash.split(separator: "$").dropFirst().first.map(String.init) ?? "?"

        // Sign-in: each sample is a coach who has just set up the app, signing in with the next code.
        let factors = SecondFactors(db: app.db, vault: app.vault)
        var accounts: [(name: String, secret: [UInt8])] = []
        for i in 0..<(samples + 10) * 2 {
            let user = User(username: "bench.\(i)", displayName: "Bench \(i)", role: .coach, passwordHash: hash, areaID: world.areas[0].id)
            try await user.create(on: app.db)
            let secret = try await factors.pending(user)
            _ = try await factors.confirm(user, code: TOTP.code(secret: secret, step: TOTP.step(at: Date())), channel: .command)
            accounts.append((user.username, secret))
        }
        log("aanmelden: \(accounts.count) accounts met tweede factor")
        var next = 0
        var refused: [UInt] = []
        let sequential = try await Benchmark.time(samples) { _ in
            defer { next += 1 }
            let status = try await signIn(app, accounts[next])
            if status != 201 { refused.append(status) }
        }
        // Two at a time, as two people at the office's door: the machine has two cores.
        var pairTimes: [Double] = []
        for _ in 0..<(samples / 2) {
            let pair = [accounts[next], accounts[next + 1]]
            next += 2
            try await withThrowingTaskGroup(of: (Double, UInt).self) { group in
                for account in pair {
                    group.addTask {
                        let started = ContinuousClock.now
                        let status = try await signIn(app, account)
                        return ((ContinuousClock.now - started).seconds * 1000, status)
                    }
                }
                for try await (milliseconds, status) in group {
                    pairTimes.append(milliseconds)
                    if status != 201 { refused.append(status) }
                }
            }
        }
        guard refused.isEmpty else {
            return "Aanmelden geweigerd (\(Set(refused).sorted())): zet WIJKNET_SIGN_INS_PER_MINUTE=10000 voor deze meting."
        }

        // The inbox: `requests` requests in bulk, then 10,000 of them routed directly to one
        // provider, with every other part of that provider already reported.
        var start = ContinuousClock.now
        let to = CalendarDate.today().adding(days: -1)
        try await BulkCaseLoader(world: world, db: app.db, vault: app.vault)
            .load(count: requests, from: to.adding(days: -3 * 365), to: to, seed: 11, bsnStart: 100_000_000) { log("bulk: \($0) verzoeken") }
        let bulkSeconds = (ContinuousClock.now - start).seconds
        let partner = world.areas[0].partner
        let organisation = partner.organisationID!
        let sql = try app.db.sql()
        start = ContinuousClock.now
        try await sql.raw("UPDATE assignments SET care_started_on = start_date, care_ended_on = end_date").run()
        try await sql.raw("""
            UPDATE support_requests SET status = 'routed', route = 'direct', direct_partner_id = \(bind: organisation), routed_on = intake_date,
            closed_on = NULL WHERE id IN (SELECT id FROM support_requests ORDER BY id LIMIT \(unsafeRaw: String(openItems)))
            """).run()
        log("postvak klaargezet in \(String(format: "%.1f", (ContinuousClock.now - start).seconds)) s")
        let service = RequestService(db: app.db, actor: partner)
        let waiting = try await sql.raw("""
            SELECT COUNT(*) AS n FROM support_requests WHERE direct_partner_id = \(bind: organisation) AND status = 'routed'
            """).first().map { try $0.decode(column: "n", as: Int.self) } ?? 0
        let firstPage = try await Benchmark.time(samples) { _ in _ = try await service.inbox() }
        let deepPage = try await Benchmark.time(samples) { _ in
            _ = try await service.inbox(try Paging.check(page: String(openItems / Limits.pageSize - 1), perPage: nil))
        }
        let counting = try await Benchmark.time(samples) { _ in _ = try await service.inboxCount() }
        return """
        Wijknet benchmark: aanmelden met tweede factor, postvak van een partner
        aanmelden (wachtwoord, bcrypt-kosten \(cost), + TOTP, API-token), één tegelijk: \(sequential.summary)
        aanmelden, twee tegelijk: \(Benchmark.Timings(values: pairTimes).summary)
        bulk: \(requests) verzoeken in \(String(format: "%.1f", bulkSeconds)) s
        postvak: \(waiting) open punten voor één organisatie (de pagina telt tot \(Limits.countCap))
        postvak pagina 1 (\(Limits.pageSize) punten, inclusief auditregel): \(firstPage.summary)
        postvak pagina \(openItems / Limits.pageSize - 1): \(deepPage.summary)
        postvak tellen: \(counting.summary)
        piekgeheugen van het proces: \(Benchmark.peakMemoryMB()) MB
        """
    }

    /// Signs in with the app's next code: the one after the step the enrolment used.
    private static func signIn(_ app: Application, _ account: (name: String, secret: [UInt8])) async throws -> UInt {
        let code = TOTP.code(secret: account.secret, step: TOTP.step(at: Date()) + 1)
        return try await post(app, "/api/v1/tokens", ["username": account.name, "password": DemoPassword.value, "name": "bench", "code": code])
    }

    /// One JSON POST through the app's responder, as the HTTP server would hand it over.
    private static func post(_ app: Application, _ path: String, _ body: [String: String]) async throws -> UInt {
        var headers = HTTPHeaders()
        headers.contentType = .json
        let request = Request(application: app, method: .POST, url: URI(path: path), headers: headers,
                              collectedBody: ByteBuffer(data: try JSONEncoder().encode(body)), on: app.eventLoopGroup.next())
        return try await app.responder.respond(to: request).get().status.code
    }
}
