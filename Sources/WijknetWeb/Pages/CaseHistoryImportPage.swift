import Vapor
import WijknetCore
import WijknetStore

/// `/import/dossiers`: the case history from the system before Wijknet (JSON, docs/import.md):
/// residents, requests, meetings, decisions, assignments and referrals on their real dates. For a
/// coach of the area, or an administrator. The whole file is checked first and refused with every
/// problem listed; a good file is written in one transaction.
enum CaseHistoryImportPage {
    @Sendable static func form(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayImportCaseHistory)
        return render(req, problems: [], error: nil)
    }

    static func render(_ req: Request, problems: [FileProblem], error: String?, flash: String? = nil) -> Response {
        CSVUpload.page(req, title: "Dossiers importeren", action: .caseHistoryImport, problems: problems, error: error, flash: flash, file: .json, """
        <h1>Dossiers van vóór Wijknet importeren</h1>
        <p>Verzoeken uit het vorige systeem, met hun echte datums: de inwoner (op BSN), het keukentafelgesprek, de route, het
        overleg, het besluit met de uitkomsten, de toewijzingen, de toeleidingen en het afsluiten. Daarna tonen de cijfers van
        voorbije kwartalen (K1–K10) deze geschiedenis. Het formaat (JSON) staat in <code>docs/import.md</code>.</p>
        <p>Elk verzoek volgt dezelfde regels als in Wijknet zelf; alleen de datums liggen in het verleden. Een reden voor zorg buiten
        het netwerk mag ontbreken: die telt als ‘\(OutsideReasonOption.notRecordedLabel)’. Het hele bestand wordt eerst gecontroleerd;
        bij één fout wordt niets opgeslagen. Een verzoek dat al is geïmporteerd (zelfde <code>sourceId</code>) wordt overgeslagen.
        Elk geïmporteerd verzoek staat in het auditlog.</p>
        """)
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayImportCaseHistory)
        return try await CSVUpload.run(try req.caseHistoryImport(), Upload.bytes(from: req, kind: "JSON"), noun: ("verzoek", "verzoeken")) {
            render(req, problems: $0, error: $1, flash: $2)
        }
    }
}
