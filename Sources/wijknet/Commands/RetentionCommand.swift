import Vapor
import WijknetCore
import WijknetStore
import WijknetWeb

/// `wijknet retention [--apply] [--date YYYY-MM-DD]`: finds the residents whose retention period
/// has ended and, with `--apply`, removes their personal data; the figures stay the same.
/// Without `--apply` it only counts, so a scheduled run can be tried first.
struct RetentionCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "apply", help: "Anonymise them; without this flag nothing changes")
        var apply: Bool
        @Option(name: "date", help: "Run as on this day (YYYY-MM-DD); default today")
        var date: String?
    }

    struct InvalidDate: Error, CustomStringConvertible {
        let description = "--date verwacht een datum als JJJJ-MM-DD"
    }

    var help: String { "Anonymises residents whose retention period has ended (wijknet retention --apply)" }

    func run(using context: CommandContext, signature: Signature) async throws {
        let today: CalendarDate
        if let text = signature.date {
            guard let date = CalendarDate(text) else { throw InvalidDate() }
            today = date
        } else {
            today = .today()
        }
        let app = context.application
        let policy = app.wijknetConfig.retention
        context.console.print("Bewaartermijnen: Wmo \(policy.wmoYears) jaar, Jeugd \(policy.jeugdYears) jaar, zonder geïndiceerde zorg \(policy.withoutCareYears) jaar, na het einde van de ondersteuning.")
        let service = RetentionService(db: app.db, actor: RetentionService.scheduledRun, policy: policy)
        let console = context.console
        let report = try await service.run(on: today, apply: signature.apply) { done, total in
            if done % 100 == 0 || done == total { console.print("  \(done) van \(total) geanonimiseerd") }
        }
        if signature.apply {
            console.print("\(report.anonymised) inwoners geanonimiseerd op \(today.dutch).")
        } else {
            console.print("\(report.due) inwoners hebben op \(today.dutch) een verstreken bewaartermijn. Er is niets gewijzigd; "
                + "voer `wijknet retention --apply` uit om hun persoonsgegevens te verwijderen.")
        }
    }
}
