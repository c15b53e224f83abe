import Foundation
import Vapor
import WijknetCore
import WijknetStore

/// Recounts the figure tallies of areas that writes marked stale, every minute, so the next
/// dashboard seldom has to. A read recounts what is still stale itself, so figures are never
/// behind the records; this only moves the work off the reader's clock. Several app instances
/// may each run one: an area is recounted under its own row lock (`FigureTallies.refresh`).
enum FigureRefresher {
    static func make(interval: Duration = .seconds(60)) -> PeriodicWork {
        PeriodicWork("figures", every: interval) { app in
            let count = try await FigureTallies.refreshStale(asOf: .today(), on: app.db)
            if count > 0 { app.logger.info("figures: recounted \(count) area(s)") }
        }
    }
}
