import Fluent
import Foundation
import WijknetCore

/// The text blocks of the quarterly council letter: policy staff write them, everyone who sees the
/// figures reads them. They hold no personal data (the form says so; they are not case content).
public struct LetterService: Sendable {
    let db: any Database
    let actor: Actor

    public init(db: any Database, actor: Actor) {
        self.db = db
        self.actor = actor
    }

    public func texts(municipality: UUID, quarter: ReportingPeriod) async throws -> [LetterSection: String] {
        guard CasePolicy.seesFigures(actor.role) else { throw StoreError.forbidden }
        let rows = try await LetterText.query(on: db).filter(\.$municipality.$id == municipality)
            .filter(\.$quarter == quarter.description).all()
        return Dictionary(rows.compactMap { row in LetterSection(rawValue: row.section).map { ($0, row.body) } }, uniquingKeysWith: { a, _ in a })
    }

    /// Saves every block at once; an empty block removes it.
    public func save(municipality: UUID, quarter: ReportingPeriod, texts: [LetterSection: String]) async throws {
        guard CasePolicy.writesLetterTexts(actor.role) else { throw StoreError.forbidden }
        guard quarter.isQuarter else { throw StoreError.invalid(ValidationFailure("period", "Een raadsbrief gaat over één kwartaal.")) }
        guard try await Municipality.find(municipality, on: db) != nil else {
            throw StoreError.invalid(ValidationFailure("municipalityId", "Deze gemeente is onbekend."))
        }
        var check = Checker()
        let cleaned = Dictionary(uniqueKeysWithValues: LetterSection.allCases.map { section in
            (section, check.optionalText(texts[section], section.rawValue, label: section.title, limit: LetterSection.limit))
        })
        try validating { () throws(ValidationFailure) in try check.finish() }
        try await db.transaction { db in
            for section in LetterSection.allCases {
                let existing = try await LetterText.query(on: db).filter(\.$municipality.$id == municipality)
                    .filter(\.$quarter == quarter.description).filter(\.$section == section.rawValue).first()
                switch (existing, cleaned[section] ?? nil) {
                case (let row?, let body?):
                    row.body = body
                    row.$updatedBy.id = actor.userID
                    try await row.save(on: db)
                case (let row?, nil):
                    try await row.delete(on: db)
                case (nil, let body?):
                    try await LetterText(municipalityID: municipality, quarter: quarter.description, section: section.rawValue,
                                         body: body, userID: actor.userID).create(on: db)
                case (nil, nil):
                    break
                }
            }
        }
    }
}
