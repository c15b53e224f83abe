import Foundation
import Vapor
import WijknetCore
import WijknetStore

/// Recounts the figure tallies of areas that writes marked stale, every minute, so the next
/// dashboard seldom has to. A read recounts what is still stale itself, so figures are never
/// behind the records; this only moves the work off the reader's clock. Several app instances
/// may each run one: an area is recounted under its own row lock (`FigureTallies.refresh`).
final class FigureRefresher: LifecycleHandler, @unchecked Sendable {
    private let interval: Duration
    // Written in didBoot and shutdown only, which Vapor calls one after the other.
    private var task: Task<Void, Never>?

    init(interval: Duration = .seconds(60)) { self.interval = interval }

    func didBootAsync(_ app: Application) async throws {
        let interval = self.interval
        task = Task { [weak app] in
            while !Task.isCancelled {
                try? await Task.sleep(for: interval)
                guard let app, !Task.isCancelled else { return }
                do {
                    let count = try await FigureTallies.refreshStale(asOf: .today(), on: app.db)
                    if count > 0 { app.logger.info("figures: recounted \(count) area(s)") }
                } catch {
                    app.logger.warning("figures: background recount failed: \(String(reflecting: type(of: error)))")
                }
            }
        }
    }

    func shutdownAsync(_ app: Application) async {
        task?.cancel()
        await task?.value
    }
}
