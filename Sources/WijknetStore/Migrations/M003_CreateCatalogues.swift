import Fluent
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
        for option in OutsideReasonOption.defaults {
            try await OutsideReason(option: option).create(on: database)
        }
    }

    func revert(on database: Database) async throws {
        try await database.schema(OutsideReason.schema).delete()
        try await database.schema(Product.schema).delete()
    }
}
