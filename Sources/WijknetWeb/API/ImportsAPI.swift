import Vapor
import WijknetCore
import WijknetStore

/// `/api/v1/imports/assignments` and `/api/v1/imports/zrm2010`: the file as the request body
/// (`text/csv`). A file with a problem is refused whole (422, every problem in `errors` as
/// `line[N].column`); a good one is imported in one transaction.
enum ImportsAPI {
    /// The body is collected only after `UploadGate` let the caller through.
    static func register(_ api: APIRoutes, slots: UploadSlots) {
        api.grouped(UploadGate(mayUpload: CasePolicy.mayImportHistory, slots: slots))
            .on(.POST, .importAssignments, body: .collect(maxSize: ByteCount(value: Upload.maxBytes)), use: assignments)
        api.grouped(UploadGate(mayUpload: CasePolicy.mayImportZRM, slots: slots))
            .on(.POST, .importZRM2010, body: .collect(maxSize: ByteCount(value: Upload.maxBytes)), use: zrm2010)
        api.grouped(UploadGate(mayUpload: CasePolicy.mayImportCaseHistory, slots: slots))
            .on(.POST, .importCases, body: .collect(maxSize: ByteCount(value: Upload.maxBytes)), use: cases)
    }

    struct ReportDTO: Content {
        let rows: Int
        let imported: Int
        let alreadyThere: Int
    }

    @Sendable static func assignments(req: Request) async throws -> ReportDTO {
        try await run(try req.historyImport(), try Upload.text(req.body.data ?? ByteBuffer()))
    }

    /// ZRM 2010 assessments of residents of the coach's area.
    @Sendable static func zrm2010(req: Request) async throws -> ReportDTO {
        try await run(try req.zrm2010Import(), try Upload.text(req.body.data ?? ByteBuffer()))
    }

    /// The case history from before Wijknet (JSON, docs/import.md), for the coach's area or, for an
    /// administrator, any area.
    @Sendable static func cases(req: Request) async throws -> ReportDTO {
        try await run(try req.caseHistoryImport(), Array(req.body.data?.readableBytesView ?? ByteBuffer().readableBytesView),
                      unit: "requests", word: "Verzoek")
    }

    /// Every import the same way: a refused file is a 422 naming each problem; a good one is
    /// written and counted.
    static func run<Importer: FileImport>(_ importer: Importer, _ file: Importer.File, unit: String = "line", word: String = "Regel") async throws -> ReportDTO {
        switch try await importer.check(file) {
        case .refused(let problems):
            throw failure(problems, unit: unit, word: word)
        case .ready(let checked):
            try await importer.apply(checked)
            return ReportDTO(rows: checked.total, imported: checked.new, alreadyThere: checked.alreadyThere)
        }
    }

    /// A refused file's problems, each named `line[N].column` (or `requests[N].field` for the
    /// case history, counted from 1 like the page).
    static func failure(_ problems: [FileProblem], unit: String = "line", word: String = "Regel") -> ValidationFailure {
        ValidationFailure(problems.map { FieldError($0.column.isEmpty ? "\(unit)[\($0.line)]" : "\(unit)[\($0.line)].\($0.column)", "\(word) \($0.line): \($0.message)") })
    }
}
