import Foundation
import Vapor

/// Runs `work` every `interval` while the app runs, from boot to shutdown; a failed round is
/// logged by the error's type (never its text, which may hold data) and the next round comes anyway.
final class PeriodicWork: LifecycleHandler, @unchecked Sendable {
    private let name: String
    private let interval: Duration
    private let work: @Sendable (Application) async throws -> Void
    // Written in didBoot and shutdown only, which Vapor calls one after the other.
    private var task: Task<Void, Never>?

    init(_ name: String, every interval: Duration, _ work: @escaping @Sendable (Application) async throws -> Void) {
        self.name = name
        self.interval = interval
        self.work = work
    }

    func didBootAsync(_ app: Application) async throws {
        let (name, interval, work) = (self.name, self.interval, self.work)
        task = Task { [weak app] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let app, !Task.isCancelled else { return }
                do {
                    try await work(app)
                } catch {
                    app.logger.warning("\(name): round failed: \(String(reflecting: type(of: error)))")
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        await task?.value
    }
}
