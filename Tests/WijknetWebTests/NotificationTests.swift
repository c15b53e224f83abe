import Fluent
import Foundation
import NIOPosix
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// E-mail about what waits for someone (issue 15): written to the outbox in the step's own
    /// transaction, sent over STARTTLS to a real mail server (aiosmtpd, which scripts/test starts
    /// on loopback and which refuses mail before STARTTLS), a link only, never the resident.
    @Suite struct NotificationTests {
        /// The mail server scripts/test started; nil (and the sending test skipped) without it.
        static var sink: (settings: SMTPSettings, directory: String)? {
            let env = ProcessInfo.processInfo.environment
            guard let port = env["WIJKNET_TEST_SMTP_PORT"].flatMap(Int.init), let directory = env["WIJKNET_TEST_SMTP_DIR"],
                  let ca = env["WIJKNET_TEST_SMTP_CA"] else { return nil }
            return (SMTPSettings(host: "localhost", port: port, security: .startTLS, from: "wijknet@gemeente.test",
                                 publicURL: "https://wijknet.gemeente.test", caFile: ca), directory)
        }

        static let settingsWithoutServer = SMTPSettings(host: "127.0.0.1", port: 9, security: .none, from: "wijknet@gemeente.test",
                                                        publicURL: "https://wijknet.gemeente.test")

        /// The partner professional of the first area's first provider gets an address.
        static func giveAddress(_ app: Application, _ username: String, _ email: String) async throws {
            let user = try #require(try await User.query(on: app.db).filter(\.$username == username).first())
            user.email = email
            try await user.save(on: app.db)
        }

        @Test func eachStepWritesItsNoticesAndNothingAboutTheResident() async throws {
            try await withApp(smtp: Self.settingsWithoutServer) { app, world in
                try await Self.giveAddress(app, "partner.noordwest", "partner@zorg.test")
                try await Self.giveAddress(app, "voorzitter.noordwest", "voorzitter@gemeente.test")
                try await Self.giveAddress(app, "coach.noordwest", "coach@gemeente.test")
                let coach = try await token(app, "coach.noordwest")
                let direct = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                try await AppTests.PartnerWorkTests.routeDirect(app, coach, direct, to: world.areas[0].wmoProviders[0])
                let meeting = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach, bsn: "111222333")
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(meeting)/route", headers: coach,
                                                 beforeRequest: { try $0.content.encode(JSON(["route": "meeting"])) })
                try await app.testing().test(.POST, "/api/v1/requests/\(direct)/direct-response", headers: try await token(app, "partner.noordwest"),
                                             beforeRequest: { try $0.content.encode(JSON(["accepted": false, "reason": "noCapacity"])) }) { res in
                    #expect(res.status == .created)
                }
                let outbox = try await OutboxMessage.query(on: app.db).sort(\.$createdAt).all()
                #expect(outbox.map(\.notice) == [.directRoute, .placedOnAgenda, .directDeclined])
                #expect(outbox.map(\.recipient) == ["partner@zorg.test", "voorzitter@gemeente.test", "coach@gemeente.test"])
                // Nothing of the case is kept for the mail: the notice and the record's id only.
                let agendaItem = try #require(try await AgendaItem.query(on: app.db).filter(\.$request.$id == UUID(uuidString: meeting)!).first())
                #expect(outbox[1].subjectID == agendaItem.$meeting.id)
            }
            // Without e-mail configured nothing is queued.
            try await withApp { app, world in
                try await Self.giveAddress(app, "partner.noordwest", "partner@zorg.test")
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                try await AppTests.PartnerWorkTests.routeDirect(app, coach, id, to: world.areas[0].wmoProviders[0])
                #expect(try await OutboxMessage.query(on: app.db).count() == 0)
            }
        }

        @Test func aMessageGoesOutOverSTARTTLSWithALinkOnly() async throws {
            guard let sink = Self.sink else {
                print("NotificationTests: skipped sending, no test mail server (scripts/test starts one: WIJKNET_TEST_SMTP_PORT, _DIR, _CA)")
                return
            }
            try await withApp(smtp: sink.settings) { app, world in
                try await Self.giveAddress(app, "partner.noordwest", "partner@zorg.test")
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let before = Set((try? FileManager.default.contentsOfDirectory(atPath: sink.directory)) ?? [])
                try await AppTests.PartnerWorkTests.routeDirect(app, coach, id, to: world.areas[0].wmoProviders[0])
                #expect(try await OutboxSender.sendDue(app) == 1)
                #expect(try await OutboxMessage.query(on: app.db).count() == 0, "sent messages leave the outbox")

                let new = Set(try FileManager.default.contentsOfDirectory(atPath: sink.directory)).subtracting(before)
                #expect(new.count == 1)
                let raw = try String(contentsOfFile: sink.directory + "/" + (try #require(new.first)), encoding: .utf8)
                #expect(raw.contains("X-Envelope-To: partner@zorg.test") && raw.contains("X-Envelope-From: wijknet@gemeente.test"))
                #expect(raw.contains("Subject: \(Notice.directRoute.subject)"))
                let encoded = raw.components(separatedBy: "\r\n\r\n").dropFirst().joined().replacingOccurrences(of: "\r\n", with: "")
                let body = String(decoding: try #require(Data(base64Encoded: encoded)), as: UTF8.self)
                #expect(body.contains("https://wijknet.gemeente.test/verzoeken/\(id)"))
                for personal in ["Anna", "Jansen", "999990019", "Schulden", "1980", "Markt", "6811"] {
                    #expect(!raw.contains(personal) && !body.contains(personal), "the e-mail holds \(personal)")
                }
            }
        }

        @Test func aServerThatIsDownLosesNothing() async throws {
            try await withApp(smtp: Self.settingsWithoutServer) { app, world in
                try await Self.giveAddress(app, "partner.noordwest", "partner@zorg.test")
                let coach = try await token(app, "coach.noordwest")
                let id = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                try await AppTests.PartnerWorkTests.routeDirect(app, coach, id, to: world.areas[0].wmoProviders[0])
                #expect(try await OutboxSender.sendDue(app) == 0)
                let waiting = try #require(try await OutboxMessage.query(on: app.db).first())
                #expect(waiting.attempts == 1 && waiting.nextAttemptAt > Date() && waiting.lastError != nil)
                #expect(waiting.lastError?.contains("partner@zorg.test") == false)
            }
        }

        /// A server that takes the connection and then says nothing must not hold the sender for ever.
        @Test func aSilentServerTimesOut() async throws {
            let group = MultiThreadedEventLoopGroup.singleton
            let silent = try await ServerBootstrap(group: group).childChannelInitializer { $0.eventLoop.makeSucceededVoidFuture() }
                .bind(host: "127.0.0.1", port: 0).get()
            let port = try #require(silent.localAddress?.port)
            let client = SMTPClient(settings: SMTPSettings(host: "127.0.0.1", port: port, security: .none, from: "w@gemeente.test",
                                                           publicURL: "https://w.gemeente.test"), group: group)
            let started = ContinuousClock.now
            await #expect(throws: SMTPClient.Failure.self) {
                try await client.send(MailMessage(to: "a@b.test", subject: "x", body: "y"), timeout: 1)
            }
            #expect(ContinuousClock.now - started < .seconds(10))
            try await silent.close()
        }

        @Test func theSettingsAreCheckedAtStart() throws {
            #expect(try WijknetConfig.smtp(environment: [:]) == nil, "off unless a host is named")
            let fine = try WijknetConfig.smtp(environment: ["WIJKNET_SMTP_HOST": "smtp.arnhem.nl", "WIJKNET_SMTP_FROM": "wijknet@arnhem.nl",
                                                            "WIJKNET_PUBLIC_URL": "https://wijknet.arnhem.nl/"])
            #expect(fine == SMTPSettings(host: "smtp.arnhem.nl", port: 587, security: .startTLS, from: "wijknet@arnhem.nl",
                                         publicURL: "https://wijknet.arnhem.nl"))
            #expect(throws: WijknetConfig.Missing.self) { try WijknetConfig.smtp(environment: ["WIJKNET_SMTP_HOST": "smtp.arnhem.nl"]) }
            #expect(throws: WijknetConfig.Missing.self) {
                try WijknetConfig.smtp(environment: ["WIJKNET_SMTP_HOST": "smtp.arnhem.nl", "WIJKNET_SMTP_SECURITY": "none",
                                                     "WIJKNET_SMTP_FROM": "w@a.nl", "WIJKNET_PUBLIC_URL": "https://w.a.nl"])
            }
            #expect(throws: WijknetConfig.Missing.self) {
                try WijknetConfig.smtp(environment: ["WIJKNET_SMTP_HOST": "smtp.arnhem.nl", "WIJKNET_SMTP_PORT": "99999",
                                                     "WIJKNET_SMTP_FROM": "w@a.nl", "WIJKNET_PUBLIC_URL": "https://w.a.nl"])
            }
        }
    }
}
