import Vapor
import WijknetCore
import WijknetStore

/// `/import/zrm2010`: a coach uploads the ZRM 2010 assessments (eleven domains) of residents of
/// their area from the system before Wijknet. The whole file is checked first and refused with
/// every problem listed; a good file is saved in one transaction. The assessments stay 2010
/// assessments, shown on the resident's ZRM page next to the 2017 ones with the mapping explained.
enum ZRM2010ImportPage {
    @Sendable static func form(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayImportZRM)
        return render(req, problems: [], error: nil)
    }

    static func render(_ req: Request, problems: [FileProblem], error: String?, flash: String? = nil) -> Response {
        let columns = ZRM2010Domain.allCases.map { "<tr><td><code>\($0.column)</code></td><td>\($0.label)</td><td>\($0.mappingNote)</td></tr>" as Markup }
        return CSVUpload.page(req, title: "ZRM 2010 importeren", action: .zrm2010Import, problems: problems, error: error, flash: flash, """
        <h1>ZRM-metingen van vóór Wijknet importeren (ZRM 2010)</h1>
        <p>Oudere metingen met de Zelfredzaamheid-Matrix in de versie met elf domeinen. Ze blijven ZRM 2010-metingen: er wordt
        niets omgerekend naar de dertien domeinen van ZRM 2017. Op de ZRM-pagina van de inwoner staan ze apart, met per domein
        wat het in 2017 is geworden.</p>
        <p>Per regel één meting: <code>bsn</code>, <code>datum</code> (JJJJ-MM-DD of DD-MM-JJJJ) en per domein een niveau van 1 tot
        en met 5, of leeg als het domein niet is gescoord. De inwoner moet in je gebied geregistreerd zijn. Het hele bestand wordt
        eerst gecontroleerd; bij één fout wordt niets opgeslagen. Een meting die er al is (zelfde inwoner en datum) wordt overgeslagen.</p>
        <table tabindex="0"><caption>Kolommen met een domein</caption><thead><tr><th scope="col">Kolom</th><th scope="col">Domein (ZRM 2010)</th>
        <th scope="col">In ZRM 2017</th></tr></thead><tbody>\(columns)</tbody></table>
        """)
    }

    @Sendable static func upload(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayImportZRM)
        return try await CSVUpload.run(try req.zrm2010Import(), Upload.text(from: req), noun: ("meting", "metingen")) {
            render(req, problems: $0, error: $1, flash: $2)
        }
    }
}
