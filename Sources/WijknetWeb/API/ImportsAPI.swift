import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/imports/assignments`: the history file as the request body (`text/csv`). A file with a
/// problem is refused whole (422, every problem in `errors` as `line[N].column`); a good one is
/// imported in one transaction.
enum ImportsAPI {
    static func register(_ api: any RoutesBuilder) {
        api.on(.POST, "imports", "assignments", body: .collect(maxSize: ByteCount(value: HistoryUpload.maxBytes)), use: assignments)
    }

    struct ReportDTO: Content {
        let rows: Int
        let imported: Int
        let alreadyThere: Int
    }

    @Sendable static func assignments(req: Request) async throws -> ReportDTO {
        guard CasePolicy.mayImportHistory(try req.requireUser().role) else { throw StoreError.forbidden }
        let text = try HistoryUpload.text(req.body.data ?? ByteBuffer())
        let importer = HistoryImport(db: req.db)
        switch try await importer.check(text) {
        case .refused(let problems):
            throw ValidationFailure(problems.map { FieldError($0.column.isEmpty ? "line[\($0.line)]" : "line[\($0.line)].\($0.column)", "Regel \($0.line): \($0.message)") })
        case .ready(let checked):
            try await importer.apply(checked)
            return ReportDTO(rows: checked.total, imported: checked.new, alreadyThere: checked.alreadyThere)
        }
    }
}
