import Fluent
import FluentSQL
import Foundation
import SQLKit
import WijknetCore

/// Imports a history file (`HistoryFile`): checks all of it against what Wijknet knows, then adds
/// the new rows in one transaction. Rows whose `bron_id` is already there are left alone, so the
/// same file imported twice adds nothing.
public struct HistoryImport: FileImport {
    let db: any Database
    let actor: Actor

    public init(db: any Database, actor: Actor) {
        self.db = db
        self.actor = actor
    }

    /// Who imports from the command line: the operator, not a user.
    public static let operatorRun = Actor(userID: UUID(uuidString: "00000000-0000-0000-0000-000000000000")!,
                                          username: "wijknet import", role: .admin, organisationID: nil, areaID: nil)

    /// A file that passed every check, ready to import.
    public struct Checked: ImportCounts {
        let rows: [Prepared]
        public let total: Int
        public var new: Int { rows.count }
    }

    struct Prepared: Sendable {
        let row: HistoryFile.Row
        let productID: UUID
        let providerID: UUID
        let districtID: UUID
        let areaID: UUID
        let networkID: UUID?
        let inside: Bool
    }

    public typealias File = String

    public func check(_ text: String) async throws -> ImportCheck<Checked> {
        guard CasePolicy.mayImportHistory(actor.role) else { throw StoreError.forbidden }
        let products = try await Product.query(on: db).all()
        let organisations = try await Organisation.query(on: db).all()
        let districts = try await District.query(on: db).all()
        let networks = try await Network.query(on: db).all()
        let memberships = try await Membership.query(on: db).all().map(\.period)
        let references = HistoryFile.References(
            productLaws: Dictionary(products.map { ($0.code.lowercased(), $0.law) }, uniquingKeysWith: { a, _ in a }),
            providers: Set(organisations.map { $0.name.lowercased() }),
            districts: Set(districts.map { $0.code.uppercased() }))
        let (rows, problems) = HistoryFile.check(text, references: references)
        guard problems.isEmpty else { return .refused(problems) }

        let productIDs = Dictionary(products.map { ($0.code.lowercased(), $0.id!) }, uniquingKeysWith: { a, _ in a })
        let providerIDs = Dictionary(organisations.map { ($0.name.lowercased(), $0.id!) }, uniquingKeysWith: { a, _ in a })
        let districtsByCode = Dictionary(districts.map { ($0.code.uppercased(), $0) }, uniquingKeysWith: { a, _ in a })
        let networkOfArea = Dictionary(networks.map { ($0.$area.id, $0.id!) }, uniquingKeysWith: { a, _ in a })
        let existing = Set(try await db.sql().raw("SELECT source_id FROM historical_assignments").all()
            .map { try $0.decode(column: "source_id", as: String.self) })
        let prepared = rows.filter { !existing.contains($0.sourceID) }.map { row -> Prepared in
            let district = districtsByCode[row.districtCode]!
            let network = networkOfArea[district.$area.id]
            let provider = providerIDs[row.provider.lowercased()]!
            return Prepared(row: row, productID: productIDs[row.productCode.lowercased()]!, providerID: provider, districtID: district.id!,
                            areaID: district.$area.id, networkID: network,
                            inside: NetworkPlacement.isInside(provider: provider, network: network, on: row.start, memberships: memberships))
        }
        return .ready(Checked(rows: prepared, total: rows.count))
    }

    /// Adds the checked rows in one transaction: all of them, or none when anything fails.
    /// `progress` hears the number of rows written after every batch.
    public func apply(_ checked: Checked) async throws {
        try await apply(checked, progress: { _ in })
    }

    /// `progress` hears how many rows are written, after every batch.
    public func apply(_ checked: Checked, batch: Int = 2_000, progress: @escaping @Sendable (Int) async -> Void) async throws {
        let columns = ["id", "source_id", "law", "product_id", "provider_id", "district_id", "area_id", "network_id",
                       "start_date", "end_date", "hours_per_week", "kind", "inside_network", "imported_at"]
        let now = Date()
        try await db.transaction { db in
            let sql = try db.sql()
            var done = 0
            while done < checked.rows.count {
                var insert = sql.insert(into: HistoricalAssignment.schema).columns(columns)
                for p in checked.rows[done..<min(checked.rows.count, done + batch)] {
                    let values: [any Encodable & Sendable] = [
                        UUID(), p.row.sourceID, p.row.law.rawValue, p.productID, p.providerID, p.districtID, p.areaID, p.networkID,
                        p.row.start.description, p.row.end?.description, p.row.hoursPerWeek, p.row.kind.rawValue, p.inside, now,
                    ]
                    insert = insert.values(values.map { SQLBind($0) })
                }
                try await insert.run()
                done = min(checked.rows.count, done + batch)
                await progress(done)
            }
            for area in Set(checked.rows.map(\.areaID)) { try await FigureTallies.touch(area: area, on: db) }
        }
    }
}
