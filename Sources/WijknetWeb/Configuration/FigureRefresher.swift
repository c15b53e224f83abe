import Foundation
import Vapor
import WijknetCore
import WijknetStore

/// Recounts the figure tallies of areas that writes marked stale, every minute, so the next
/// dashboard seldom has to. A read recounts what is still stale itself, so figures are never
/// behind the records; this only moves the work off the reader's clock. With several instances
/// the one that holds the job's lease (`JobLease`) recounts; the others skip their round.
enum FigureRefresher {
    /// Who this instance is, for the lease: a new name at every start.
    static let instance = UUID().uuidString

    static func make(interval: Duration) -> PeriodicWork {
        PeriodicWork("figures", every: interval) { app in
            // The lease outlasts a round a little, so the holder keeps it while it runs.
            let seconds = Double(interval.components.seconds) * 1.5
            guard try await JobLease.take("figures", holder: instance, for: seconds, on: app.db) else { return }
            let count = try await FigureTallies.refreshStale(asOf: .today(), on: app.db)
            if count > 0 { app.logger.info("figures: recounted \(count) area(s)") }
        }
    }
}
