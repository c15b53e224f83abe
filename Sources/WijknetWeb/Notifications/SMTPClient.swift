import Foundation
import NIOCore
import NIOPosix
import NIOSSL

/// Where and how Wijknet sends e-mail: `WIJKNET_SMTP_*` (`WijknetConfig.smtp`).
public struct SMTPSettings: Sendable, Equatable {
    public enum Security: String, Sendable {
        /// Plain connection upgraded with STARTTLS (port 587); refused if the server cannot.
        case startTLS = "starttls"
        /// TLS from the first byte (port 465).
        case tls
        /// No encryption: only for a relay on the same machine.
        case none
    }

    public var host: String
    public var port: Int
    public var security: Security
    public var username: String?
    public var password: String?
    /// The sender, e.g. `wijknet@arnhem.nl`.
    public var from: String
    /// Where the links in the messages point: `https://wijknet.arnhem.nl`.
    public var publicURL: String
    /// Extra certificate authorities (PEM), for a relay with the municipality's own certificate.
    public var caFile: String?

    public init(host: String, port: Int, security: Security, username: String? = nil, password: String? = nil, from: String,
                publicURL: String, caFile: String? = nil) {
        self.host = host
        self.port = port
        self.security = security
        self.username = username
        self.password = password
        self.from = from
        self.publicURL = publicURL
        self.caFile = caFile
    }
}

/// One plain-text message.
struct MailMessage: Sendable {
    let to: String
    let subject: String
    let body: String
}

/// A small SMTP client (RFC 5321) on SwiftNIO: greeting, EHLO, STARTTLS when asked, AUTH PLAIN
/// when a username is set (never over an unencrypted connection), one message, QUIT. Errors name
/// the step and the server's code, never the message or the address.
struct SMTPClient: Sendable {
    struct Failure: Error, CustomStringConvertible {
        let step: String
        let reply: String
        var description: String { "SMTP \(step): \(reply)" }
    }

    let settings: SMTPSettings
    let group: any EventLoopGroup

    /// Sends `message`; gives up after `timeout` seconds.
    func send(_ message: MailMessage, timeout: Int64 = 60) async throws {
        let channel = try await connect()
        do {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await conversation(channel, message) }
                group.addTask {
                    try await Task.sleep(nanoseconds: UInt64(timeout) * 1_000_000_000)
                    // Closing fails the reply the conversation waits for, so the group can end.
                    try? await channel.close()
                    throw Failure(step: "wachten", reply: "geen antwoord binnen \(timeout) seconden")
                }
                try await group.next()
                group.cancelAll()
            }
        } catch {
            try? await channel.close()
            throw error
        }
        try? await channel.close()
    }

    private func connect() async throws -> any Channel {
        let tls = settings.security == .tls ? try tlsHandlerFactory() : nil
        return try await ClientBootstrap(group: group)
            .connectTimeout(.seconds(10))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    if let tls { try channel.pipeline.syncOperations.addHandler(try tls()) }
                    try channel.pipeline.syncOperations.addHandler(ByteToMessageHandler(SMTPReplyDecoder()))
                    try channel.pipeline.syncOperations.addHandler(SMTPReplyHandler())
                }
            }
            .connect(host: settings.host, port: settings.port).get()
    }

    /// The handler is made on the channel's event loop, so the factory is what crosses over.
    private func tlsHandlerFactory() throws -> @Sendable () throws -> NIOSSLClientHandler {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let caFile = settings.caFile {
            configuration.trustRoots = .file(caFile)
        }
        let context = try NIOSSLContext(configuration: configuration)
        let host = settings.host
        return { try NIOSSLClientHandler(context: context, serverHostname: host) }
    }

    private func conversation(_ channel: any Channel, _ message: MailMessage) async throws {
        try expect(220, try await reply(channel, nil), "begroeting")
        let name = "wijknet"
        try expect(250, try await reply(channel, "EHLO \(name)"), "EHLO")
        var encrypted = settings.security == .tls
        if settings.security == .startTLS {
            try expect(220, try await reply(channel, "STARTTLS"), "STARTTLS")
            let factory = try tlsHandlerFactory()
            try await channel.eventLoop.submit {
                try channel.pipeline.syncOperations.addHandler(try factory(), position: .first)
            }.get()
            encrypted = true
            try expect(250, try await reply(channel, "EHLO \(name)"), "EHLO na STARTTLS")
        }
        if let username = settings.username, let password = settings.password {
            guard encrypted else { throw Failure(step: "AUTH", reply: "inloggen bij de mailserver alleen over een versleutelde verbinding") }
            let plain = Data(([0] + Array(username.utf8) + [0] + Array(password.utf8))).base64EncodedString()
            try expect(235, try await reply(channel, "AUTH PLAIN \(plain)"), "AUTH")
        }
        try expect(250, try await reply(channel, "MAIL FROM:<\(settings.from)>"), "MAIL FROM")
        try expect(250, try await reply(channel, "RCPT TO:<\(message.to)>"), "RCPT TO")
        try expect(354, try await reply(channel, "DATA"), "DATA")
        try expect(250, try await reply(channel, MailFormat.data(message, from: settings.from)), "bericht")
        _ = try? await reply(channel, "QUIT")
    }

    private func expect(_ code: Int, _ reply: SMTPReply, _ step: String) throws {
        guard reply.code == code else { throw Failure(step: step, reply: "\(reply.code)") }
    }

    /// Writes `line` (nil: only wait, for the greeting) and waits for the server's reply.
    private func reply(_ channel: any Channel, _ line: String?) async throws -> SMTPReply {
        let promise = channel.eventLoop.makePromise(of: SMTPReply.self)
        channel.eventLoop.execute {
            do {
                try channel.pipeline.syncOperations.handler(type: SMTPReplyHandler.self).expect(promise)
                if let line { channel.writeAndFlush(ByteBuffer(string: line + "\r\n"), promise: nil) }
            } catch {
                promise.fail(error)
            }
        }
        return try await promise.futureResult.get()
    }
}

/// A server reply: its code and the text of its last line.
struct SMTPReply: Sendable {
    let code: Int
    let text: String
}

/// Lines to replies: `250-…` lines continue, `250 …` ends one.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        while let end = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
            let length = end - buffer.readerIndex + 1
            guard let line = buffer.readString(length: length)?.trimmingCharacters(in: .whitespacesAndNewlines) else { return .needMoreData }
            guard line.count >= 3, let code = Int(line.prefix(3)) else { throw SMTPClient.Failure(step: "antwoord", reply: "onleesbaar") }
            let last = line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] == " "
            if last { context.fireChannelRead(wrapInboundOut(SMTPReply(code: code, text: String(line.dropFirst(4))))) }
        }
        return .needMoreData
    }
}

/// Hands each reply to the command waiting for it, in order; a reply that comes first (the
/// greeting) waits for its command.
final class SMTPReplyHandler: ChannelInboundHandler {
    typealias InboundIn = SMTPReply

    private var waiting: [EventLoopPromise<SMTPReply>] = []
    private var early: [SMTPReply] = []

    func expect(_ promise: EventLoopPromise<SMTPReply>) {
        if early.isEmpty { waiting.append(promise) } else { promise.succeed(early.removeFirst()) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let reply = unwrapInboundIn(data)
        if waiting.isEmpty { early.append(reply) } else { waiting.removeFirst().succeed(reply) }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        failAll(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        failAll(SMTPClient.Failure(step: "verbinding", reply: "gesloten door de server"))
        context.fireChannelInactive()
    }

    private func failAll(_ error: any Error) {
        let pending = waiting
        waiting = []
        for promise in pending { promise.fail(error) }
    }
}

/// The message as it goes after DATA: headers, a base64 body (UTF-8 safe on any relay), the end.
enum MailFormat {
    static func data(_ message: MailMessage, from: String, date: Date = Date()) -> String {
        let lines = message.body.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\n", with: "\r\n")
        let body = Data(lines.utf8).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let domain = from.split(separator: "@").last.map(String.init) ?? "wijknet"
        let headers = [
            "From: Wijknet <\(from)>",
            "To: <\(message.to)>",
            "Subject: \(encodedWord(message.subject))",
            "Date: \(rfc5322(date))",
            "Message-ID: <\(UUID().uuidString.lowercased())@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
            "Auto-Submitted: auto-generated",
        ]
        // A base64 body has no line starting with a dot, so no dot-stuffing is needed.
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body + "\r\n."
    }

    /// RFC 2047, for a subject with letters outside ASCII.
    static func encodedWord(_ text: String) -> String {
        text.allSatisfy(\.isASCII) ? text : "=?UTF-8?B?\(Data(text.utf8).base64EncodedString())?="
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
