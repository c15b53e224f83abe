import Vapor
import WijknetCore
import WijknetStore

/// The pseudonymised ZRM scores for researchers, as CSV: the same file from the page
/// *Profielen* and from `GET /api/v1/zrm-assessments/export`.
enum ProfileExport {
    @Sendable static func csv(req: Request) async throws -> Response {
        // The role first, then the input: someone without access learns nothing from a validation error.
        try req.authorise(CasePolicy.mayDeriveProfiles)
        let first = try? req.query.get(String.self, at: "first"), last = try? req.query.get(String.self, at: "last")
        let period: ReportingPeriod
        do { period = try ProfileDerivationInput(first: first, last: last).validate().period } catch { throw StoreError.invalid(error) }
        let rows = try await req.profileService().export(period, vault: req.application.vault)
        let header = ["pseudoniem", "datum", "versie"] + LifeDomain.allCases.map(\.label) + ["profiel"]
        let lines = rows.map { row -> [String] in
            let levels: [String] = row.levels.map { $0.map(String.init) ?? "" }
            return [row.pseudonym, row.date, row.version] + levels + [row.profile ?? ""]
        }
        return CSV.download([header] + lines, filename: "wijknet-zrm-\(period.first)-\(period.last).csv", for: req)
    }
}
