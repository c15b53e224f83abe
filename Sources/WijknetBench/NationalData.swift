import Fluent
import Foundation
import SQLKit
import WijknetCore
import WijknetStore

/// The whole country in the shape the council's figures read, for the national benchmark
/// (`wijknet bench --national`): municipalities with four areas each, half of them with a
/// network, residents, requests over three years, weekly meetings, welfare referrals and long
/// chains of assignments (first, then renewals and changes), written straight into the tables in
/// batches. Case events and outcomes are left out: the figures do not read them.
public struct NationalData: Sendable {
    public struct Size: Sendable {
        public var municipalities = 342
        public var residents = 2_000_000
        public var assignments = 10_000_000
        public var years = 3

        public init() {}

        /// A smaller country with the same proportions, for tests and trial runs.
        public func scaled(by factor: Double) -> Size {
            var size = self
            size.municipalities = max(1, Int(Double(municipalities) * factor))
            size.residents = max(1, Int(Double(residents) * factor))
            size.assignments = max(1, Int(Double(assignments) * factor))
            return size
        }
    }

    public struct Counts: Sendable {
        public var rows = 0
        public var residents = 0
        public var requests = 0
        public var assignments = 0
        public var areas = 0
    }

    /// One area of the generated country, with the organisations its cases go to.
    struct Region {
        let id: UUID
        let districts: [UUID]
        let network: UUID?
        let welfare: [UUID]
        let wmo: [UUID]
        let youth: [UUID]
    }

    let db: any Database
    let vault: BSNVault
    /// The coach every generated request and assignment is recorded under (an existing user).
    let coach: UUID

    public init(db: any Database, vault: BSNVault, coach: UUID) {
        self.db = db
        self.vault = vault
        self.coach = coach
    }

    public func generate(_ size: Size, until today: CalendarDate = .today(), seed: UInt64 = 342,
                         progress: @Sendable (Counts) -> Void = { _ in }) async throws -> Counts {
        var rng = SeededRandom(seed: seed)
        let from = today.adding(days: -365 * size.years)
        let products = try await productsByLawAndLevel()
        let reasons = OutsideReasonOption.defaults.map(\.code).filter { $0 != "other" }
        let (regions, outsideWmo, outsideYouth) = try await geography(size, from: from, rng: &rng)
        let meetings = try await weeklyMeetings(regions, from: from, until: today)

        var counts = Counts()
        counts.areas = regions.count
        let requestsPerResident = 1.25
        let requestCount = Int(Double(size.residents) * requestsPerResident)
        // About 70% of the requests leads to indicated care; their chains share the assignments.
        let chainMean = Double(size.assignments) / (Double(requestCount) * 0.7)
        var bsns = BSNSequence(start: 100_000_000)
        let span = from.days(until: today.adding(days: -1))
        let batch = 5_000
        var done = 0
        while done < size.residents {
            var rows = BulkRows()
            for n in done..<min(size.residents, done + batch) {
                let region = regions[n % regions.count]
                let household = UUID(), resident = UUID()
                let bsn = bsns.next()
                let birthYear = today.year - Int.random(in: 1...90, using: &rng)
                let birth = CalendarDate(year: birthYear, month: Int.random(in: 1...12, using: &rng), day: Int.random(in: 1...28, using: &rng))!
                let district = rng.pick(region.districts)
                let created = Date()
                rows.append(Household.schema, ["id", "created_at"], [household, created])
                rows.append(Resident.schema, ["id", "household_id", "given_name", "family_name", "birth_date", "bsn_sealed", "bsn_lookup", "street",
                                              "house_number", "postcode", "city", "district_id", "created_at", "updated_at"],
                            [resident, household, rng.pick(DemoNames.given), rng.pick(DemoNames.family), birth.description, try vault.seal(bsn),
                             vault.lookup(bsn, in: region.id), rng.pick(DemoNames.streets), String(Int.random(in: 1...180, using: &rng)), "1234AB", "Nederland",
                             district, created, created])
                counts.residents += 1
                // 1 request, or 2 for a quarter of the residents: 1.25 on average.
                for _ in 0..<(rng.chance(requestsPerResident - 1) ? 2 : 1) {
                    let intake = from.adding(days: Int.random(in: 0...span, using: &rng))
                    let law: LawScope = today.year - birthYear < 18 ? .jeugd : (rng.chance(0.05) ? .both : .wmo)
                    addRequest(&rows, &counts, &rng, region: region, resident: resident, district: district, intake: intake, law: law,
                               today: today, meetings: meetings, products: products, reasons: reasons,
                               outside: law == .jeugd ? outsideYouth : outsideWmo, chainMean: chainMean)
                }
            }
            let batchRows = rows
            try await db.transaction { db in try await batchRows.insert(into: try db.sql()) }
            counts.rows += batchRows.count
            done = min(size.residents, done + batch)
            progress(counts)
        }
        for region in regions { try await FigureTallies.touch(area: region.id, on: db) }
        return counts
    }

    private func addRequest(_ rows: inout BulkRows, _ counts: inout Counts, _ rng: inout SeededRandom, region: Region, resident: UUID, district: UUID,
                            intake: CalendarDate, law: LawScope, today: CalendarDate, meetings: [UUID: [CalendarDate: UUID]],
                            products: [String: [UUID]], reasons: [String], outside: [UUID], chainMean: Double) {
        let request = UUID()
        let careLaw: Law = law == .jeugd ? .jeugd : .wmo
        let viaMeeting = region.network != nil && rng.chance(0.35)
        var decided = intake.adding(days: Int.random(in: 1...6, using: &rng))
        var meeting: UUID?
        if viaMeeting, let network = region.network {
            // The network's first meeting at least two days after the intake.
            var day = intake.adding(days: 2)
            while meetings[network]?[day] == nil && day < intake.adding(days: 9) { day = day.adding(days: 1) }
            if let id = meetings[network]?[day] {
                meeting = id
                decided = day
            }
        }
        guard decided < today else { return }
        let closed = rng.chance(0.5) && decided.adding(days: 190) < today ? decided.adding(days: 190) : nil
        let none = Optional<String>.none, noID = Optional<UUID>.none
        rows.append(SupportRequest.schema, ["id", "resident_id", "coach_id", "district_id", "area_id", "network_id", "intake_date", "summary", "law",
                                            "life_domains", "urgency", "consent_for_meeting", "status", "route", "direct_partner_id", "decided_on",
                                            "closed_on", "version", "created_at", "updated_at"],
                    [request, resident, coach, district, region.id, region.network, intake.description, "Synthetische landelijke casus", law.rawValue,
                     rng.pick(LifeDomain.allCases).rawValue, "normal", true, closed == nil ? "inProgress" : "closed",
                     meeting == nil ? "direct" : "meeting", noID, decided.description, closed?.description, 1, Date(), Date()])
        counts.requests += 1
        if let meeting {
            rows.append(AgendaItem.schema, ["id", "meeting_id", "request_id", "decision_note", "decided_at", "created_at"],
                        [UUID(), meeting, request, none, Date(), Date()])
        }
        if rng.chance(0.3) {
            rows.append(Referral.schema, ["id", "request_id", "partner_id", "activity", "date", "status", "created_by", "created_at", "updated_at"],
                        [UUID(), request, rng.pick(region.welfare), "Welzijnsactiviteit", decided.adding(days: Int.random(in: 2...10, using: &rng)).description,
                         rng.pick([ReferralStatus.started, .completed, .declined]).rawValue, coach, Date(), Date()])
        }
        guard rng.chance(0.7) else { return }
        // A chain of assignments from shortly after the decision: the first, then renewals and changes.
        let partners = careLaw == .wmo ? region.wmo : region.youth
        let length = Int.random(in: 1...max(1, Int((2 * chainMean - 1).rounded())), using: &rng)
        let first = decided.adding(days: Int.random(in: 3...21, using: &rng))
        let segment = max(14, first.days(until: today.adding(days: 180)) / length)
        var previous: UUID?
        for k in 0..<length {
            let start = first.adding(days: k * segment)
            let inside = region.network != nil && rng.chance(0.6)
            let provider = inside ? rng.pick(partners) : rng.pick(outside)
            let level = rng.chance(0.05) ? ProductLevel.other : (rng.chance(0.5) ? .specialist : .basic)
            let kind: AssignmentKind = k == 0 ? .first : (k % 2 == 1 ? .renewal : .change)
            let open = k == length - 1 && rng.chance(0.3)
            let id = UUID()
            rows.append(Assignment.schema, ["id", "request_id", "law", "product_id", "provider_id", "hours_per_week", "start_date", "end_date", "kind",
                                            "previous_assignment_id", "inside_network", "outside_reason", "outside_reason_text", "created_by", "created_at"],
                        [id, request, careLaw.rawValue, rng.pick(products["\(careLaw.rawValue)|\(level.rawValue)"]!), provider,
                         Double(Int.random(in: 4...32, using: &rng)) / 4, start.description, open ? none : start.adding(days: segment - 1).description,
                         kind.rawValue, previous, inside, k == 0 && !inside ? rng.pick(reasons) : none, none, coach, Date()])
            previous = id
            counts.assignments += 1
        }
    }

    /// The products per law and level, from the catalogue the demo world made.
    private func productsByLawAndLevel() async throws -> [String: [UUID]] {
        let rows = try await db.sql().raw("SELECT id, law, level FROM products").all()
        var result: [String: [UUID]] = [:]
        for row in rows {
            result["\(try row.decode(column: "law", as: String.self))|\(try row.decode(column: "level", as: String.self))", default: []]
                .append(try row.decode(column: "id", as: UUID.self))
        }
        for law in Law.allCases {
            for level in ProductLevel.allCases where result["\(law.rawValue)|\(level.rawValue)"] == nil {
                result["\(law.rawValue)|\(level.rawValue)"] = result["\(law.rawValue)|basic"] ?? result.values.first
            }
        }
        return result
    }

    /// Municipalities, four areas each with two wijken, a network in every other area with two
    /// welfare partners and five providers as members, and providers outside any network.
    private func geography(_ size: Size, from: CalendarDate, rng: inout SeededRandom) async throws -> ([Region], [UUID], [UUID]) {
        var rows: [(String, [String], [any Encodable & Sendable])] = []
        func organisation(_ name: String, _ kind: OrganisationKind) -> UUID {
            let id = UUID()
            rows.append((Organisation.schema, ["id", "name", "kind", "expertise", "created_at"], [id, name, kind.rawValue, "", Date()]))
            return id
        }
        let outsideWmo = (1...40).map { organisation("Landelijke Wmo-aanbieder \($0)", .wmoCare) }
        let outsideYouth = (1...40).map { organisation("Landelijke jeugdhulpaanbieder \($0)", .youthCare) }
        var regions: [Region] = []
        for m in 1...size.municipalities {
            let municipality = UUID()
            rows.append((Municipality.schema, ["id", "code", "name"], [municipality, String(format: "L%03d", m), "Gemeente \(m)"]))
            for a in 1...4 {
                let area = UUID()
                rows.append((Area.schema, ["id", "municipality_id", "name"], [area, municipality, "Gebied \(m)-\(a)"]))
                let districts = (1...2).map { d -> UUID in
                    let id = UUID()
                    rows.append((District.schema, ["id", "area_id", "code", "name"], [id, area, String(format: "WL%03d%d%d", m, a, d), "Wijk \(m)-\(a)-\(d)"]))
                    return id
                }
                let welfare = (1...2).map { organisation("Welzijn \(m)-\(a)-\($0)", .welfare) }
                let wmo = (1...3).map { organisation("Wmo-aanbieder \(m)-\(a)-\($0)", .wmoCare) }
                let youth = (1...2).map { organisation("Jeugdhulp \(m)-\(a)-\($0)", .youthCare) }
                var network: UUID?
                if a % 2 == 1 {
                    let id = UUID()
                    network = id
                    rows.append((Network.schema, ["id", "area_id", "name", "meeting_weekday"], [id, area, "Wijknetwerk \(m)-\(a)", 3]))
                    for member in welfare + wmo + youth {
                        rows.append((Membership.schema, ["id", "organisation_id", "network_id", "ring", "start_date", "end_date", "capacity_hours"],
                                     [UUID(), member, id, NetworkRing.core.rawValue, from.adding(days: -30).description, Optional<String>.none,
                                      Optional<Double>.none]))
                    }
                }
                regions.append(Region(id: area, districts: districts, network: network, welfare: welfare, wmo: wmo, youth: youth))
            }
        }
        let order = [Organisation.schema, Municipality.schema, Area.schema, District.schema, Network.schema, Membership.schema]
        let all = rows
        try await db.transaction { db in
            for table in order {
                let tableRows = all.filter { $0.0 == table }
                guard let columns = tableRows.first?.1 else { continue }
                for chunk in stride(from: 0, to: tableRows.count, by: 1_000) {
                    var insert = try db.sql().insert(into: table).columns(columns)
                    for row in tableRows[chunk..<min(tableRows.count, chunk + 1_000)] { insert = insert.values(row.2.map { SQLBind($0) }) }
                    try await insert.run()
                }
            }
        }
        return (regions, outsideWmo, outsideYouth)
    }

    /// A meeting every Wednesday in every network, from `from` to `until`.
    private func weeklyMeetings(_ regions: [Region], from: CalendarDate, until: CalendarDate) async throws -> [UUID: [CalendarDate: UUID]] {
        var result: [UUID: [CalendarDate: UUID]] = [:]
        var rows: [[any Encodable & Sendable]] = []
        let firstWednesday = from.onOrAfter(weekday: 3)
        for network in regions.compactMap(\.network) {
            var day = firstWednesday
            while day <= until {
                let id = UUID()
                result[network, default: [:]][day] = id
                rows.append([id, network, day.description])
                day = day.adding(days: 7)
            }
        }
        let all = rows
        try await db.transaction { db in
            for chunk in stride(from: 0, to: all.count, by: 5_000) {
                var insert = try db.sql().insert(into: Meeting.schema).columns("id", "network_id", "date")
                for row in all[chunk..<min(all.count, chunk + 5_000)] { insert = insert.values(row.map { SQLBind($0) }) }
                try await insert.run()
            }
        }
        return result
    }
}
