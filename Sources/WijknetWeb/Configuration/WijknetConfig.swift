import Foundation
import WijknetCore
import WijknetStore

/// How Wijknet runs, read once at start-up from the command line and the environment.
public struct WijknetConfig: Sendable {
    public enum Storage: Sendable, Equatable {
        /// A SQLite file: the embedded default.
        case sqliteFile(String)
        case sqliteMemory
        /// A PostgreSQL URL, for production and several app instances.
        case postgres(String)
    }

    public var storage: Storage
    /// Demo mode: the login page lists the demo accounts.
    public var demo: Bool
    /// Send cookies only over HTTPS. On by default; off for a local demo over plain HTTP.
    public var secureCookies: Bool
    /// Minutes of inactivity after which a session ends.
    public var sessionMinutes: Int
    /// The 256-bit master key for BSNs at rest, base64.
    public var bsnKey: String
    /// How long a partner keeps reading a case after their part in it ended.
    public var partnerAccess: PartnerAccess
    /// How long residents' files are kept after their support ended.
    public var retention: RetentionPolicy
    /// Months between the intake measurement and the follow-up (track 3).
    public var followUpMonths: Int
    /// Requests per minute one API caller (token, or address without one) may make.
    public var apiRequestsPerMinute: Int
    /// Sign-in attempts per minute from one address (pages and API together).
    public var signInsPerMinute: Int
    /// The municipality's name, logo and colours on the pages.
    public var branding: Branding
    /// Whether the roles that reach personal data must sign in with a second factor
    /// (`CasePolicy.needsSecondFactor`); anyone may set one up either way.
    public var requireSecondFactor: Bool
    /// E-mail about what waits for someone; off when nil.
    public var smtp: SMTPSettings?
    /// Single sign-on with the municipality's identity provider; off when nil.
    public var sso: OIDCSettings?
    /// Seconds between the background recounts of stale figures.
    public var recountSeconds: Int
    /// The bearer token that reads `/metrics`; without it `/metrics` does not exist.
    public var metricsToken: String?
    /// Whether Wijknet's own passwords work: always, unless single sign-on is on and says not.
    public var localPasswords: Bool { sso?.localPasswords ?? true }

    public init(storage: Storage, bsnKey: String, demo: Bool = false, secureCookies: Bool = true, sessionMinutes: Int = 30,
                partnerAccess: PartnerAccess = .standard, retention: RetentionPolicy = .standard, followUpMonths: Int = 6,
                apiRequestsPerMinute: Int = 600, signInsPerMinute: Int = 30, branding: Branding = .none, requireSecondFactor: Bool = false,
                smtp: SMTPSettings? = nil, sso: OIDCSettings? = nil, metricsToken: String? = nil, recountSeconds: Int = 60) {
        self.storage = storage
        self.bsnKey = bsnKey
        self.demo = demo
        self.secureCookies = secureCookies
        self.sessionMinutes = sessionMinutes
        self.partnerAccess = partnerAccess
        self.retention = retention
        self.followUpMonths = followUpMonths
        self.apiRequestsPerMinute = apiRequestsPerMinute
        self.signInsPerMinute = signInsPerMinute
        self.branding = branding
        self.requireSecondFactor = requireSecondFactor
        self.smtp = smtp
        self.sso = sso
        self.metricsToken = metricsToken
        self.recountSeconds = recountSeconds
    }

    /// `WIJKNET_METRICS_TOKEN`: at least 32 characters, so that it cannot be guessed; unset, no metrics.
    public static func metricsToken(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String? {
        guard let token = environment["WIJKNET_METRICS_TOKEN"], !token.isEmpty else { return nil }
        guard token.count >= 32 else {
            throw Missing(items: ["WIJKNET_METRICS_TOKEN: minstens 32 tekens, bijvoorbeeld $(head -c 32 /dev/urandom | base64)"])
        }
        return token
    }

    /// E-mail: `WIJKNET_SMTP_HOST` switches it on; then `WIJKNET_SMTP_FROM` and `WIJKNET_PUBLIC_URL`
    /// (where the links point) are needed, and `WIJKNET_SMTP_SECURITY` (`starttls`, the default;
    /// `tls`; or `none`, only for a relay on the same machine), `WIJKNET_SMTP_PORT` (587, 465 or 25
    /// by default), `WIJKNET_SMTP_USERNAME`, `WIJKNET_SMTP_PASSWORD` and `WIJKNET_SMTP_CA_FILE` may be.
    public static func smtp(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> SMTPSettings? {
        func value(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }
        guard let host = value("WIJKNET_SMTP_HOST") else { return nil }
        var wrong: [String] = []
        let security = SMTPSettings.Security(rawValue: value("WIJKNET_SMTP_SECURITY") ?? "starttls")
        if security == nil { wrong.append("een geldige waarde voor WIJKNET_SMTP_SECURITY: starttls, tls of none") }
        if security == SMTPSettings.Security.none, !["127.0.0.1", "::1", "localhost"].contains(host) {
            wrong.append("WIJKNET_SMTP_SECURITY=none alleen met een mailserver op deze machine (WIJKNET_SMTP_HOST=127.0.0.1)")
        }
        let standardPort = switch security {
        case .tls?: 465
        case .none?: 25
        default: 587
        }
        let port = value("WIJKNET_SMTP_PORT").map { Int($0).flatMap { (1...65_535).contains($0) ? $0 : nil } } ?? standardPort
        if port == nil { wrong.append("een geldige waarde voor WIJKNET_SMTP_PORT: een poortnummer van 1 tot en met 65535") }
        let from = value("WIJKNET_SMTP_FROM")
        if from?.contains("@") != true { wrong.append("WIJKNET_SMTP_FROM: het afzenderadres, bijvoorbeeld wijknet@arnhem.nl") }
        let url = value("WIJKNET_PUBLIC_URL").map { $0.hasSuffix("/") ? String($0.dropLast()) : $0 }
        if !(url?.hasPrefix("https://") == true || url?.hasPrefix("http://") == true) {
            wrong.append("WIJKNET_PUBLIC_URL: het adres van Wijknet voor de links in e-mails, bijvoorbeeld https://wijknet.arnhem.nl")
        }
        if (value("WIJKNET_SMTP_USERNAME") == nil) != (value("WIJKNET_SMTP_PASSWORD") == nil) {
            wrong.append("WIJKNET_SMTP_USERNAME en WIJKNET_SMTP_PASSWORD samen, of geen van beide")
        }
        guard wrong.isEmpty, let security, let port, let from, let url else { throw Missing(items: wrong) }
        return SMTPSettings(host: host, port: port, security: security, username: value("WIJKNET_SMTP_USERNAME"),
                            password: value("WIJKNET_SMTP_PASSWORD"), from: from, publicURL: url, caFile: value("WIJKNET_SMTP_CA_FILE"))
    }

    /// `WIJKNET_SECOND_FACTOR`: `required` (the default) or `optional`; a demo is optional unless
    /// it says `required`.
    public static func secondFactorRequired(demo: Bool, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Bool {
        switch environment["WIJKNET_SECOND_FACTOR"] ?? "" {
        case "": return !demo
        case "required": return true
        case "optional": return false
        default: throw Missing(items: ["een geldige waarde voor WIJKNET_SECOND_FACTOR: required of optional"])
        }
    }

    /// The settings a municipality may change: `WIJKNET_PARTNER_ACCESS_DAYS`,
    /// `WIJKNET_RETENTION_WMO_YEARS`, `…_JEUGD_YEARS`, `…_WITHOUT_CARE_YEARS`,
    /// `WIJKNET_FOLLOW_UP_MONTHS`, `WIJKNET_API_REQUESTS_PER_MINUTE`, `WIJKNET_SIGN_INS_PER_MINUTE` and
    /// `WIJKNET_RECOUNT_SECONDS` (between background recounts of the figures);
    /// the defaults otherwise.
    public static func settings(environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> (PartnerAccess, RetentionPolicy, followUpMonths: Int, apiRequestsPerMinute: Int, signInsPerMinute: Int, recountSeconds: Int) {
        var wrong: [String] = []
        func number(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) -> Int {
            guard let text = environment[name], !text.isEmpty else { return fallback }
            guard let value = Int(text), range.contains(value) else {
                wrong.append("een geldige waarde voor \(name): een heel getal van \(range.lowerBound) tot en met \(range.upperBound)")
                return fallback
            }
            return value
        }
        let standard = RetentionPolicy.standard
        let access = PartnerAccess(daysAfterInvolvement: number("WIJKNET_PARTNER_ACCESS_DAYS", PartnerAccess.standard.daysAfterInvolvement, 0...3650))
        let retention = RetentionPolicy(wmoYears: number("WIJKNET_RETENTION_WMO_YEARS", standard.wmoYears, 1...100),
                                        jeugdYears: number("WIJKNET_RETENTION_JEUGD_YEARS", standard.jeugdYears, 1...100),
                                        withoutCareYears: number("WIJKNET_RETENTION_WITHOUT_CARE_YEARS", standard.withoutCareYears, 1...100))
        let followUp = number("WIJKNET_FOLLOW_UP_MONTHS", 6, 1...36)
        let rate = number("WIJKNET_API_REQUESTS_PER_MINUTE", 600, 10...100_000)
        // An office behind one address signs in together at half past eight: room for that.
        let signIns = number("WIJKNET_SIGN_INS_PER_MINUTE", 30, 5...10_000)
        guard wrong.isEmpty else { throw Missing(items: wrong) }
        let recount = number("WIJKNET_RECOUNT_SECONDS", 60, 1...3600)
        return (access, retention, followUp, rate, signIns, recount)
    }

    /// What is missing from the configuration, in words an operator can act on.
    public struct Missing: Error, CustomStringConvertible {
        public let items: [String]
        public var description: String { "Wijknet start niet; dit ontbreekt:\n" + items.map { "- " + $0 }.joined(separator: "\n") }
    }

    /// The BSN key: `WIJKNET_BSN_KEY` (base64), else the file named by `WIJKNET_BSN_KEY_FILE`.
    /// In demo mode without either, a key file beside the database (for PostgreSQL: in `./data`)
    /// is made once and reused, never replaced: a key made again would leave the data sealed
    /// with the first one unreadable. Any command on a SQLite demo database (`audit verify`,
    /// `report`) finds it there, since the data is the demo's. An in-memory demo database gets a
    /// key of its own, kept nowhere: nothing outlives the process. Elsewhere a missing key stops
    /// the start: no default secrets.
    public static func bsnKey(demo: Bool, storage: Storage, environment: [String: String] = ProcessInfo.processInfo.environment,
                              dataDirectory: String = "data") throws -> String {
        if let key = environment["WIJKNET_BSN_KEY"], !key.isEmpty { return key }
        if let path = environment["WIJKNET_BSN_KEY_FILE"], !path.isEmpty {
            guard let key = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw Missing(items: ["het sleutelbestand \(path) (WIJKNET_BSN_KEY_FILE) is niet te lezen"])
            }
            return key
        }
        let missing = Missing(items: ["een sleutel voor BSN's: zet WIJKNET_BSN_KEY (32 bytes, base64) of WIJKNET_BSN_KEY_FILE; zie docs/security.md"])
        let directory: String
        switch storage {
        case .sqliteMemory:
            guard demo else { throw missing }
            return BSNVault.newKey()
        case .sqliteFile(let path):
            directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        case .postgres:
            directory = dataDirectory
        }
        let path = directory + "/wijknet-demo.key"
        // Beside a SQLite file the key belongs to that file's demo data, demo mode or not; in
        // ./data it is read in demo mode only, so a production start never takes it by accident.
        if case .sqliteFile = storage, let key = try? String(contentsOfFile: path, encoding: .utf8) { return key }
        guard demo else { throw missing }
        if let key = try? String(contentsOfFile: path, encoding: .utf8) { return key }
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let key = BSNVault.newKey()
        // Made only where no key file is (O_EXCL), and a key that is not kept would seal data no
        // later start can open: stop instead.
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw Missing(items: ["een plek voor de demosleutel: \(path) kon niet worden geschreven"]) }
        defer { close(descriptor) }
        let bytes = Array(key.utf8)
        guard write(descriptor, bytes, bytes.count) == bytes.count else {
            throw Missing(items: ["een plek voor de demosleutel: \(path) kon niet worden geschreven"])
        }
        return key
    }

    /// The documented default database file: `./data/wijknet.sqlite`, or `WIJKNET_SQLITE_PATH`.
    public static var defaultSQLitePath: String {
        ProcessInfo.processInfo.environment["WIJKNET_SQLITE_PATH"] ?? "data/wijknet.sqlite"
    }

    /// `--database-url` wins over `DATABASE_URL`; without either, the SQLite file.
    public static func storage(databaseURL: String?) -> Storage {
        let url = databaseURL ?? ProcessInfo.processInfo.environment["DATABASE_URL"]
        if let url, !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") { return .postgres(url) }
            if url == "sqlite::memory:" { return .sqliteMemory }
            if url.hasPrefix("sqlite://") { return .sqliteFile(String(url.dropFirst("sqlite://".count))) }
        }
        return .sqliteFile(defaultSQLitePath)
    }
}
