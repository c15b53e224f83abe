import Vapor
import WijknetCore
import WijknetStore

/// `/inwoners/:id`: one resident for their coach: details, every request, and what can be done
/// next. The read of the details and of the list are both in the audit log.
enum ResidentPage {
    @Sendable static func show(req: Request) async throws -> Response {
        try req.authorise(CasePolicy.mayRegister)
        let id = try req.id()
        let resident = try await req.residentService().find(id)
        let district = try await resident.$district.get(on: req.db)
        let requests = try await req.requestService().list(RequestFilter(residentId: id), try req.paging())
        let rows = requests.items.map { r -> Markup in
            Table.row(["<a href=\"\(SiteURL.request(r.id!).path)\">\(CalendarDate(r.intakeDate)?.dutch ?? r.intakeDate)</a>", "\(r.law.label)",
                       "\(r.route?.label ?? "–")", "\(r.status.label)", "\(String(r.summary.prefix(120)))\(r.summary.count > 120 ? "…" : "")"])
        }
        let name = resident.fullName
        return Layout.page(name, req, """
        <h1>\(name)</h1>
        <dl class="facts">
        <dt>Geboortedatum</dt><dd>\(CalendarDate(resident.birthDate)?.dutch ?? resident.birthDate)</dd>
        <dt>Adres</dt><dd>\(resident.street) \(resident.houseNumber), \(resident.postcode) \(resident.city)</dd>
        <dt>Wijk</dt><dd>\(district.name)</dd>
        </dl>
        <p><a class="button" href="\(SiteURL.newRequest.path)?resident=\(id.uuidString)">Nieuw verzoek voor \(name)</a></p>
        <h2>Verzoeken</h2>
        \(rows.isEmpty ? "<p>Nog geen verzoeken.</p>" as Markup
            : Table.make(.hidden("Verzoeken van \(name)"), columns: ["Keukentafelgesprek", "Wet", "Route", "Status", "Wat speelt er?"], rows: rows))
        <h2>Meer</h2>
        <ul>
        <li><a href="\(SiteURL.residentZRM(id).path)">Zelfredzaamheid (ZRM)</a></li>
        <li><a href="\(SiteURL.newResident.path)?huisgenoot=\(id.uuidString)">Huisgenoot registreren</a></li>
        <li><a href="\(SiteURL.residentExport(id).path)">Inzage-export (AVG art. 15)</a></li>
        <li><a href="\(SiteURL.residentEdit(id).path)">Gegevens corrigeren of verhuizing vastleggen</a></li>
        <li><a href="\(SiteURL.residentErase(id).path)">Gegevens wissen</a></li>
        </ul>
        """)
    }
}
