import Vapor
import WijknetCore
import WijknetStore

/// Turns every error into a response the user understands: problem+json under `/api`, a Dutch
/// page elsewhere. Logs only the kind of error, never its text: that can hold personal data.
/// A signed-in user's refused attempt (403, or 404 on a route that exists) goes into the audit
/// log, so the auditor sees probing for other areas' records.
struct ErrorResponder: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = ErrorMapping.problem(for: error)
            let trouble = DatabaseTrouble(error)
            if let trouble {
                request.application.metrics.databaseTrouble(trouble)
                request.logger.error("database trouble", metadata: ["trouble": .string(trouble.rawValue)])
            } else if problem.status >= 500 {
                request.logger.error("request failed", metadata: ["error_type": .string(String(reflecting: type(of: error)))])
            }
            if problem.status == 403 || problem.status == 404 { await Self.auditRefusal(request, status: problem.status) }
            let response = request.url.path.hasPrefix(APIPath.root) ? problem.response() : ErrorPage.response(problem, for: request)
            if let abort = error as? any AbortError {
                for (name, value) in abort.headers where name.lowercased() != "content-type" { response.headers.replaceOrAdd(name: name, value: value) }
            }
            if let trouble { response.headers.replaceOrAdd(name: .retryAfter, value: String(ErrorMapping.retryAfter(trouble))) }
            return response
        }
    }

    /// Who tried which route on which record; the route's pattern, never the URL (a query may
    /// carry a search term).
    static func auditRefusal(_ request: Request, status: Int) async {
        guard let user = request.currentUser, let route = request.route else { return }
        let pattern = "\(route.method.rawValue) /" + route.path.map(\.description).joined(separator: "/")
        let subjectID = ["id", "referral", "membership"].lazy.compactMap { request.parameters.get($0) }.first { UUID(uuidString: $0) != nil } ?? ""
        let purpose = status == 403 ? "Geweigerd: geen toegang voor deze rol" : "Geweigerd: niet gevonden of niet zichtbaar voor deze gebruiker"
        do {
            try await AuditLog.appendRefusal(AuditLog.Who(user), .refused, channel: request.auditChannel, subject: pattern,
                                             subjectID: subjectID, purpose: purpose, on: request.db)
        } catch {
            request.logger.error("refusal not logged", metadata: ["error_type": .string(String(reflecting: type(of: error)))])
        }
    }
}
