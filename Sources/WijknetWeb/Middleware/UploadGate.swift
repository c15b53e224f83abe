import Foundation
import Vapor
import WijknetCore
import WijknetStore

/// Stands before every route that takes a file: the body of an upload (up to 64 MB) is read only
/// for a signed-in user whose role may import it, and only a few at a time per instance. Without
/// it one large POST from anyone cost seconds of CPU and hundreds of megabytes before the
/// sign-in was even checked, and a handful stalled every other user.
struct UploadGate: AsyncMiddleware {
    /// The rule from `CasePolicy` for this upload.
    let mayUpload: @Sendable (Role) -> Bool
    let slots: UploadSlots

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let user = request.currentUser else { throw Abort(.unauthorized, reason: "Log eerst in.") }
        guard mayUpload(user.role) else { throw StoreError.forbidden }
        guard await slots.take() else {
            throw Abort(.serviceUnavailable, headers: ["Retry-After": "30"],
                        reason: "Er worden nu al \(slots.capacity) bestanden ingelezen. Probeer het over een halve minuut opnieuw.")
        }
        do {
            let response = try await next.respond(to: request)
            await slots.release()
            return response
        } catch {
            await slots.release()
            throw error
        }
    }
}

/// How many uploads this instance reads at once.
actor UploadSlots {
    nonisolated let capacity: Int
    private var inUse = 0

    init(capacity: Int) { self.capacity = capacity }

    func take() -> Bool {
        guard inUse < capacity else { return false }
        inUse += 1
        return true
    }

    func release() { inUse -= 1 }
}
