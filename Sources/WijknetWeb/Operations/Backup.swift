import Fluent
import FluentSQLiteDriver
import Foundation
import Vapor
import WijknetStore

/// `wijknet backup` and `wijknet restore`. SQLite: a consistent copy taken while Wijknet serves
/// (`VACUUM INTO` reads one snapshot, writers go on). PostgreSQL: `pg_dump` in its custom format
/// and `pg_restore`, found on the PATH or under /usr/lib/postgresql. Either way the copy is checked
/// before it is called good: its audit chain is whole and the configured key opens its data. What
/// the copy does not hold, and must be kept apart from it, is the key.
public enum Backup {
    public struct Checked: Sendable {
        /// Entries in the copy's audit log, and the hash of the last: write them down with the
        /// backup, so a restore can be compared with what was saved.
        public let auditEntries: Int
        public let auditHash: String
    }

    public struct Failed: Error, CustomStringConvertible {
        public let description: String
    }

    public static func take(_ app: Application, to path: String) async throws -> Checked {
        guard !FileManager.default.fileExists(atPath: path) else { throw Failed(description: "\(path) bestaat al; kies een nieuwe naam.") }
        switch app.wijknetConfig.storage {
        case .sqliteFile:
            try await app.db.sql().raw("VACUUM INTO \(bind: path)").run()
            return try await check(sqliteFile: path, app)
        case .sqliteMemory:
            throw Failed(description: "Een database in het geheugen heeft geen back-up.")
        case .postgres(let url):
            try PostgresTools.run("pg_dump", ["--format=custom", "--no-owner", "--no-privileges", "--file=\(path)"], url: url)
            return try await check(app.db, app)
        }
    }

    /// Puts the copy in place of the configured database. Stop every Wijknet instance first: the
    /// database is replaced, not merged. SQLite refuses to overwrite a database that holds data
    /// unless `replace`.
    public static func restore(_ app: Application, from path: String, replace: Bool) async throws -> Checked {
        guard FileManager.default.fileExists(atPath: path) else { throw Failed(description: "\(path) bestaat niet.") }
        switch app.wijknetConfig.storage {
        case .sqliteFile(let target):
            // The copy is checked where it is, before anything is replaced.
            let checked = try await check(sqliteFile: path, app)
            let manager = FileManager.default
            if manager.fileExists(atPath: target), !replace, (try? manager.attributesOfItem(atPath: target)[.size] as? Int) ?? 0 > 0 {
                throw Failed(description: "\(target) bestaat al en bevat gegevens. Zet --replace erbij om die te vervangen.")
            }
            let staging = target + ".restoring"
            try? manager.removeItem(atPath: staging)
            try manager.copyItem(atPath: path, toPath: staging)
            for suffix in ["-wal", "-shm"] { try? manager.removeItem(atPath: target + suffix) }
            // rename(2) replaces the file in one step: a crash leaves the old database or the new one.
            guard rename(staging, target) == 0 else { throw Failed(description: "\(target) kon niet worden vervangen (fout \(errno)).") }
            return checked
        case .sqliteMemory:
            throw Failed(description: "Een database in het geheugen kan niet worden teruggezet.")
        case .postgres(let url):
            guard replace else {
                throw Failed(description: "Terugzetten vervangt alles in de database. Zet --replace erbij als dat de bedoeling is.")
            }
            try PostgresTools.run("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--single-transaction", path], url: url, database: true)
            return try await check(app.db, app)
        }
    }

    /// Opens a SQLite copy beside the configured database, read-only in use, and checks it.
    static func check(sqliteFile path: String, _ app: Application) async throws -> Checked {
        let id = DatabaseID(string: "backup-\(UUID().uuidString)")
        app.databases.use(.sqlite(.file(path)), as: id)
        return try await check(app.db(id), app)
    }

    static func check(_ db: any Database, _ app: Application) async throws -> Checked {
        let (checked, problem) = try await AuditLog.verify(on: db)
        if let problem { throw Failed(description: "De auditlog in de back-up is niet intact na \(checked) regels: \(problem)") }
        guard try await KeyCheck.fits(app.vault, on: db) else {
            throw Failed(description: "De ingestelde sleutel (WIJKNET_BSN_KEY) opent de gegevens in de back-up niet.")
        }
        return Checked(auditEntries: checked, auditHash: try await AuditLog.head(on: db).hash)
    }
}

/// pg_dump and pg_restore, with the connection in the environment (PGHOST, PGPASSWORD …) rather
/// than on the command line, where other users of the machine could read the password.
enum PostgresTools {
    static func run(_ tool: String, _ arguments: [String], url: String, database: Bool = false) throws {
        guard let executable = find(tool) else {
            throw Backup.Failed(description: "\(tool) is niet gevonden; installeer de PostgreSQL-client (apt-get install postgresql-client).")
        }
        guard let parts = URLComponents(string: url), let host = parts.host else { throw Backup.Failed(description: "DATABASE_URL is geen geldig adres.") }
        var environment = ProcessInfo.processInfo.environment
        environment["PGHOST"] = host
        environment["PGPORT"] = String(parts.port ?? 5432)
        environment["PGUSER"] = parts.user
        environment["PGPASSWORD"] = parts.password
        environment["PGDATABASE"] = String(parts.path.dropFirst())
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        // pg_restore names its target database with --dbname; pg_dump reads PGDATABASE.
        process.arguments = database ? ["--dbname=\(String(parts.path.dropFirst()))"] + arguments : arguments
        process.environment = environment
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Backup.Failed(description: "\(tool) stopte met code \(process.terminationStatus): \(message.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
    }

    /// On the PATH, else the newest under /usr/lib/postgresql (where Debian keeps them).
    static func find(_ tool: String) -> String? {
        let manager = FileManager.default
        let path = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map { "\($0)/\(tool)" }
        let versions = ((try? manager.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? [])
            .sorted { (Int($0) ?? 0) > (Int($1) ?? 0) }.map { "/usr/lib/postgresql/\($0)/bin/\(tool)" }
        return (path + versions).first { manager.isExecutableFile(atPath: $0) }
    }
}
