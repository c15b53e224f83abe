import Foundation
import NIOCore
import Vapor
import WijknetCore
import WijknetStore

/// Sends the outbox's e-mails every few seconds, when e-mail is configured (`WIJKNET_SMTP_HOST`).
/// A message that fails waits longer each time (`Outbox.failed`); the log names the step that
/// failed, never the address or the text. Several instances may each run one (`Outbox.claim`).
enum OutboxSender {
    static func make(interval: Duration = .seconds(5)) -> PeriodicWork {
        PeriodicWork("e-mail", every: interval) { app in _ = try await sendDue(app) }
    }

    /// One pass: sends what is due; returns how many went out.
    static func sendDue(_ app: Application) async throws -> Int {
        guard let settings = app.wijknetConfig.smtp else { return 0 }
        let client = SMTPClient(settings: settings, group: app.eventLoopGroup)
        var sent = 0
        for message in try await Outbox.claim(on: app.db) {
            let link = settings.publicURL + path(message.notice, message.subjectID)
            do {
                try await client.send(MailMessage(to: message.recipient, subject: message.notice.subject, body: message.notice.body(link: link)))
                try await Outbox.sent(message, on: app.db)
                sent += 1
            } catch {
                let reason = (error as? SMTPClient.Failure)?.description ?? String(reflecting: type(of: error))
                app.logger.warning("e-mail not sent", metadata: ["notice": .string(message.notice.rawValue), "reason": .string(reason)])
                try await Outbox.failed(message, reason: reason, on: app.db)
            }
        }
        return sent
    }

    /// The page a notice links to.
    static func path(_ notice: Notice, _ subject: UUID) -> String {
        switch notice {
        case .directRoute, .directDeclined, .decided: SiteURL.request(subject).path
        case .placedOnAgenda: SiteURL.meeting(subject).path
        }
    }
}
