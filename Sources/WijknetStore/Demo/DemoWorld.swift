import Fluent
import Foundation
import WijknetCore

/// The reference data of the demo: Arnhem with the two pilot areas of the council letter, their
/// networks and partners, providers outside the networks, products and one account per role.
/// All names of organisations and people are made up.
public struct DemoWorld: Sendable {
    public struct Area: Sendable {
        public let id: UUID
        public let name: String
        public let networkID: UUID?
        public let districtIDs: [UUID]
        public let coach: Actor
        public let chair: Actor?
        /// The professional of the first Wmo provider, who reports the start of its care.
        public let partner: Actor
        public let welfare: [UUID]
        public let wmoProviders: [UUID]
        public let youthProviders: [UUID]
    }

    public let areas: [Area]
    public let outsideWmo: [UUID]
    public let outsideYouth: [UUID]
    public let products: [Law: (basic: UUID, specialist: UUID)]

    /// When the networks started (seed 001: February 2025).
    public static let networkStart = CalendarDate(year: 2025, month: 2, day: 1)!

    static let pilotAreas: [(name: String, short: String, weekday: Int, wijken: [String])] = [
        ("Noordwest-Arnhem", "Noordwest", 2, ["St. Marten/Sonsbeek", "Klarendal", "Klingelbeek", "Heijenoord/Lombok",
                                              "Burgemeesterswijk/Hoogkamp", "Schaarsbergen"]),
        ("Rijkerswoerd, Kronenburg en Vredenburg", "RKV", 4, ["Rijkerswoerd", "Kronenburg", "Vredenburg"]),
    ]

    /// Creates the reference data. `passwordHash` is the bcrypt hash of `DemoPassword`.
    public static func create(on db: any Database, passwordHash: String) async throws -> DemoWorld {
        let arnhem = Municipality(code: "GM0202", name: "Arnhem")
        try await arnhem.create(on: db)
        let products = try await createProducts(on: db)
        var areas: [Area] = []
        var districtNumber = 1
        func org(_ name: String, _ kind: OrganisationKind, _ expertise: [String] = []) async throws -> UUID {
            let o = Organisation(name: name, kind: kind, expertise: expertise)
            try await o.create(on: db)
            return try o.requireID()
        }
        for (index, spec) in pilotAreas.enumerated() {
            let area = WijknetStore.Area(municipalityID: try arnhem.requireID(), name: spec.name)
            try await area.create(on: db)
            let areaID = try area.requireID()
            var districts: [UUID] = []
            for wijk in spec.wijken {
                // Illustrative codes in the CBS format; not checked against CBS.
                let d = District(areaID: areaID, code: String(format: "WK0202%02d", districtNumber), name: wijk)
                districtNumber += 1
                try await d.create(on: db)
                districts.append(try d.requireID())
            }
            let network = Network(areaID: areaID, name: "Wijknetwerk \(spec.short)", meetingWeekday: spec.weekday)
            try await network.create(on: db)
            let networkID = try network.requireID()
            let team = try await org("Sociaal wijkteam \(spec.short)", .neighbourhoodTeam)
            let welfare = [try await org("Welzijn \(spec.short) Samen", .welfare, ["ontmoeting", "schuldhulp"]),
                           try await org("Buurtkracht \(spec.short)", .welfare, ["mantelzorg", "vrijwilligers"])]
            var wmo: [UUID] = []
            var youth: [UUID] = []
            for n in 1...5 {
                wmo.append(try await org("Zorg aan Huis \(spec.short) \(n)", .wmoCare, n == 1 ? ["ggz"] : []))
                youth.append(try await org("Jeugdhulp \(spec.short) \(n)", .youthCare, n == 2 ? ["autisme"] : []))
            }
            let wide = [try await org("Huisartsenpraktijk \(spec.short)", .generalPractice),
                        try await org("Basisschool De \(index == 0 ? "Sonsbeek" : "Kroon")", .education),
                        try await org("Sociale basis \(spec.short)", .socialBase)]
            let start = networkStart
            for id in [team] + welfare + wmo + youth {
                // One Wmo provider joined mid-year, one left in the autumn: history must hold.
                let joined = id == wmo[4] ? CalendarDate(year: 2025, month: 7, day: 1)! : start
                let left = id == youth[4] ? CalendarDate(year: 2025, month: 9, day: 30)! : nil
                try await Membership(organisationID: id, networkID: networkID, ring: .core, start: joined, end: left,
                                     capacityHoursPerWeek: ([team] + welfare).contains(id) ? nil : 40).create(on: db)
            }
            for id in wide {
                try await Membership(organisationID: id, networkID: networkID, ring: .wide, start: start, end: nil, capacityHoursPerWeek: nil).create(on: db)
            }
            let coach = User(username: "coach.\(spec.short.lowercased())", displayName: "Wijkcoach \(spec.short)", role: .coach,
                             passwordHash: passwordHash, organisationID: team, areaID: areaID)
            let chair = User(username: "voorzitter.\(spec.short.lowercased())", displayName: "Voorzitter \(spec.short)", role: .chair,
                             passwordHash: passwordHash, organisationID: team, areaID: areaID)
            try await coach.create(on: db)
            try await chair.create(on: db)
            let partner = User(username: "partner.\(spec.short.lowercased())", displayName: "Professional Zorg aan Huis \(spec.short) 1",
                               role: .partner, passwordHash: passwordHash, organisationID: wmo[0])
            try await partner.create(on: db)
            areas.append(Area(id: areaID, name: spec.name, networkID: networkID, districtIDs: districts,
                              coach: try actor(coach), chair: try actor(chair), partner: try actor(partner), welfare: welfare, wmoProviders: wmo, youthProviders: youth))
        }
        let expertise = [["verslaving"], ["cultuursensitief"], ["autisme"], [], ["lvb"], []]
        var outsideWmo: [UUID] = []
        var outsideYouth: [UUID] = []
        for n in 1...20 {
            outsideWmo.append(try await org("Begeleiding Regio Arnhem \(n)", .wmoCare, expertise[n % expertise.count]))
            outsideYouth.append(try await org("Jeugdzorg Gelderland \(n)", .youthCare, expertise[(n + 2) % expertise.count]))
        }
        for user in [User(username: "analist", displayName: "Beleidsadviseur Sociaal Domein", role: .analyst, passwordHash: passwordHash),
                     User(username: "raad", displayName: "Raadslid (demo)", role: .council, passwordHash: passwordHash),
                     User(username: "beheer", displayName: "Functioneel beheerder", role: .admin, passwordHash: passwordHash),
                     User(username: "auditor", displayName: "Privacy-auditor", role: .auditor, passwordHash: passwordHash)] {
            try await user.create(on: db)
        }
        return DemoWorld(areas: areas, outsideWmo: outsideWmo, outsideYouth: outsideYouth, products: products)
    }

    static func actor(_ user: User) throws -> Actor {
        Actor(userID: try user.requireID(), username: user.username, role: user.role, organisationID: user.$organisation.id, areaID: user.$area.id)
    }

    static func createProducts(on db: any Database) async throws -> [Law: (basic: UUID, specialist: UUID)] {
        let list: [(String, String, Law, ProductLevel, String)] = [
            ("02A01", "Basisbegeleiding", .wmo, .basic, "02"),
            ("02A02", "Specialistische begeleiding", .wmo, .specialist, "02"),
            ("01A01", "Hulp bij het huishouden", .wmo, .other, "01"),
            ("07A01", "Dagbesteding", .wmo, .other, "07"),
            ("45A01", "Jeugdhulp ambulant basis", .jeugd, .basic, "45"),
            ("45A02", "Jeugdhulp ambulant specialistisch", .jeugd, .specialist, "45"),
            ("54001", "Jeugd-ggz", .jeugd, .other, "54"),
        ]
        var ids: [String: UUID] = [:]
        for (code, name, law, level, category) in list {
            let p = Product(code: code, name: name, law: law, level: level, categoryCode: category)
            try await p.create(on: db)
            ids[code] = try p.requireID()
        }
        return [.wmo: (ids["02A01"]!, ids["02A02"]!), .jeugd: (ids["45A01"]!, ids["45A02"]!)]
    }
}
