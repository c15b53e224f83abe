import Foundation

/// What is done with a resident's data, as the audit log records it.
public enum AuditAction: String, Codable, CaseIterable, Sendable {
    case read, list, search, create, update, route, decide, assign, refer, close, export
    /// A partner's report on its own part: a direct route accepted or declined, care started or
    /// ended, a referral's result.
    case report
    /// The resident's personal data removed: retention ended, or erased at their request.
    case erase
    /// A resident's record handed over to the area they moved to.
    case transfer
    /// Attempts that were refused: a wrong name or password, a sign-in that had to wait, and a
    /// route or record this user may not use (403, or 404 for a record outside their scope).
    case signInFailed = "sign-in-failed"
    case signInDelayed = "sign-in-delayed"
    case refused

    public var label: String {
        switch self {
        case .read: "Ingezien"
        case .list: "Lijst ingezien"
        case .search: "Gezocht"
        case .create: "Vastgelegd"
        case .update: "Gewijzigd"
        case .route: "Gerouteerd"
        case .decide: "Besluit vastgelegd"
        case .assign: "Toewijzing vastgelegd"
        case .refer: "Toeleiding vastgelegd"
        case .close: "Afgesloten"
        case .report: "Gemeld door partner"
        case .export: "Geëxporteerd"
        case .erase: "Geanonimiseerd"
        case .transfer: "Overgedragen"
        case .signInFailed: "Inloggen mislukt"
        case .signInDelayed: "Inloggen afgeremd"
        case .refused: "Geweigerd"
        }
    }
}

/// Where an action came from.
public enum AuditChannel: String, Codable, Sendable {
    case page, api, command

    public var label: String {
        switch self {
        case .page: "Webpagina"
        case .api: "API"
        case .command: "Opdrachtregel"
        }
    }
}

/// What an audit entry is about, in the auditor's words. A refused attempt names the route it
/// tried (`GET /verzoeken/:id`); that is shown as it is.
public enum AuditSubject {
    static let labels: [String: String] = [
        "resident": "Inwoner", "residents": "Lijst inwoners", "request": "Verzoek", "requests": "Lijst verzoeken",
        "agenda": "Agenda overleg", "effectMeasurement": "Effectmeting", "effectMeasurements": "Lijst effectmetingen",
        "zrmAssessment": "ZRM-meting", "zrmAssessments": "ZRM-metingen", "zrmProfile": "ZRM-profiel",
        "zrmProfileSet": "Profielversie", "zrmScores": "ZRM-scores", "profileSuggestion": "Profielsuggestie", "sign-in": "Inloggen",
    ]

    public static func label(_ subject: String) -> String { labels[subject] ?? subject }
}

/// The content of one audit entry. Every field is text, so the stored entry reads back exactly as
/// it was hashed.
public struct AuditContent: Sendable, Equatable {
    public var seq: Int
    /// ISO 8601 with milliseconds, UTC.
    public var at: String
    public var userID: String
    public var username: String
    public var role: String
    public var organisationID: String
    public var action: String
    public var channel: String
    /// What was touched: `resident`, `request`, `requests` (a list), `agenda`.
    public var subject: String
    public var subjectID: String
    /// The residents whose data was shown or changed, comma-separated ids.
    public var residentIDs: String
    public var purpose: String

    public init(seq: Int, at: String, userID: String, username: String, role: String, organisationID: String, action: String,
                channel: String, subject: String, subjectID: String, residentIDs: String, purpose: String) {
        self.seq = seq
        self.at = at
        self.userID = userID
        self.username = username
        self.role = role
        self.organisationID = organisationID
        self.action = action
        self.channel = channel
        self.subject = subject
        self.subjectID = subjectID
        self.residentIDs = residentIDs
        self.purpose = purpose
    }

    /// One line, fields in a fixed order, `\` and `|` escaped: the text that is hashed.
    public var canonical: String {
        [String(seq), at, userID, username, role, organisationID, action, channel, subject, subjectID, residentIDs, purpose]
            .map { $0.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|") }
            .joined(separator: "|")
    }
}

/// The audit log is a hash chain: each entry stores the SHA-256 of the previous entry's hash and
/// its own content. Changing, removing or reordering an entry breaks the chain from that entry on;
/// removing the newest entries shows against the head, which records the last sequence number and hash.
public enum AuditChain {
    public static let genesis = String(repeating: "0", count: 64)

    /// The hash of an entry: SHA-256 over the previous hash, a newline and the canonical content.
    public static func hash(previous: String, content: AuditContent, sha256: (String) -> String) -> String {
        sha256(previous + "\n" + content.canonical)
    }

    public struct StoredEntry: Sendable {
        public let content: AuditContent
        public let previousHash: String
        public let hash: String

        public init(content: AuditContent, previousHash: String, hash: String) {
            self.content = content
            self.previousHash = previousHash
            self.hash = hash
        }
    }

    public enum Problem: Equatable, Sendable, CustomStringConvertible {
        /// The entry's content or hash no longer matches what was written.
        case changed(seq: Int)
        /// Entries are missing before this one.
        case removed(before: Int)
        /// The entry does not link to the one before it: moved, swapped, or an earlier entry was
        /// rewritten with a new hash.
        case outOfOrder(seq: Int)
        /// The newest entries are gone: the log ends before the head says it does.
        case truncated(after: Int, expected: Int)

        public var description: String {
            switch self {
            case .changed(let seq): "entry \(seq) was changed"
            case .removed(let seq): "entries before \(seq) were removed"
            case .outOfOrder(let seq): "entry \(seq) is out of order (moved or swapped)"
            case .truncated(let after, let expected): "entries after \(after) were removed (the head says \(expected))"
            }
        }
    }

    /// Checks entries read in order of `seq` against each other and against the head.
    /// Returns the first problem, or nil when the chain is whole.
    public static func verify(_ entries: some Sequence<StoredEntry>, headSeq: Int, headHash: String,
                              sha256: (String) -> String) -> Problem? {
        var verifier = Verifier()
        for entry in entries {
            if let problem = verifier.check(entry, sha256: sha256) { return problem }
        }
        return verifier.finish(headSeq: headSeq, headHash: headHash)
    }

    /// The same check, an entry at a time, so a long log can be read in batches.
    public struct Verifier: Sendable {
        private var previousHash = AuditChain.genesis
        private var previousSeq = 0
        public private(set) var checked = 0

        public init() {}

        public mutating func check(_ entry: StoredEntry, sha256: (String) -> String) -> Problem? {
            let seq = entry.content.seq
            if seq > previousSeq + 1 { return .removed(before: seq) }
            if seq <= previousSeq { return .outOfOrder(seq: seq) }
            // The link first: a swapped entry carries the link of its old place.
            if entry.previousHash != previousHash { return .outOfOrder(seq: seq) }
            if AuditChain.hash(previous: entry.previousHash, content: entry.content, sha256: sha256) != entry.hash { return .changed(seq: seq) }
            previousHash = entry.hash
            previousSeq = seq
            checked += 1
            return nil
        }

        public func finish(headSeq: Int, headHash: String) -> Problem? {
            guard previousSeq != headSeq || previousHash != headHash else { return nil }
            return previousSeq < headSeq ? .truncated(after: previousSeq, expected: headSeq) : .changed(seq: previousSeq)
        }
    }
}
