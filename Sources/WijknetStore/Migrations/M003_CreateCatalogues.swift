import Fluent
import Foundation
import SQLKit
import WijknetCore

/// The managed lists: products and reasons for care outside the network. The reasons the council
/// letters name are added here, so every installation starts with them.
struct CreateCatalogues: AsyncMigration {
    func prepare(on database: Database) async throws {
        try await database.schema(Product.schema)
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("law", .string, .required)
            .field("level", .string, .required)
            .field("category_code", .string, .required)
            .unique(on: "code")
            .create()
        try await database.schema(OutsideReason.schema)
            .id()
            .field("code", .string, .required)
            .field("label", .string, .required)
            .field("requires_text", .bool, .required)
            .unique(on: "code")
            .create()
        // Written with the columns of this migration, not the model: later migrations add columns
        // (M021 `retired`) that do not exist yet at this point of a fresh installation.
        let sql = try database.sql()
        for option in OutsideReasonOption.defaults {
            try await sql.insert(into: OutsideReason.schema).columns("id", "code", "label", "requires_text")
                .values(SQLBind(UUID()), SQLBind(option.code), SQLBind(option.label), SQLBind(option.requiresText)).run()
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(OutsideReason.schema).delete()
        try await database.schema(Product.schema).delete()
    }
}
