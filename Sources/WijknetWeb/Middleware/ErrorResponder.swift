import Vapor

/// Turns every error into a response the user understands: problem+json under `/api`, a Dutch
/// page elsewhere. Logs only the kind of error, never its text: that can hold personal data.
struct ErrorResponder: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            let problem = ErrorMapping.problem(for: error)
            if problem.status >= 500 {
                request.logger.error("request failed", metadata: ["error_type": .string(String(reflecting: type(of: error)))])
            }
            if request.url.path.hasPrefix(APIPath.root) {
                return problem.response()
            }
            return ErrorPage.response(problem, for: request)
        }
    }
}
