import Fluent
import FluentSQLiteDriver
import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// `wijknet backup` and `wijknet restore` (issue 16), on a SQLite file and on PostgreSQL
    /// (pg_dump and pg_restore, which scripts/test installs with PostgreSQL).
    @Suite struct BackupTests {
        static func file(_ name: String) -> String {
            FileManager.default.temporaryDirectory.appendingPathComponent("wijknet-\(name)-\(UUID().uuidString).backup").path
        }

        /// The year's figures as the analyst reads them, parsed: key order is no difference.
        static func figures(_ app: Application, _ analyst: HTTPHeaders) async throws -> NSDictionary {
            var body = NSDictionary()
            try await app.testing().test(.GET, "/api/v1/figures?period=2026", headers: analyst) { res in
                #expect(res.status == .ok)
                body = object(res) as NSDictionary
            }
            return body
        }

        /// The tallies behind the figures, unsuppressed, in one text (a handful of cases is below
        /// the disclosure threshold, so the figures alone would compare little).
        static func tallies(_ db: any Database) async throws -> [String] {
            try await db.sql().raw("SELECT period, law, tally FROM figure_tallies ORDER BY period, law, tally").all()
                .map { "\(try $0.decode(column: "period", as: String.self)) \(try $0.decode(column: "law", as: String.self)) \(try $0.decode(column: "tally", as: String.self))" }
        }

        @Test func aBackupTakenWhileWritingIsWholeInEveryRecord() async throws {
            try await withApp(sqliteFile: true) { app, world in
                let path = Self.file("during")
                defer { try? FileManager.default.removeItem(atPath: path) }
                let coach = try await token(app, "coach.noordwest")
                var numbers = BSNSequence(start: 999_980_000)
                let bsns = (0..<16).map { _ in numbers.next().digits }
                // The writers start first and go on while the copy is taken.
                async let written: Void = withThrowingTaskGroup(of: Void.self) { group in
                    for bsn in bsns { group.addTask { _ = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach, bsn: bsn) } }
                    try await group.waitForAll()
                }
                try await Task.sleep(for: .milliseconds(30))
                let checked = try await Backup.take(app, to: path)
                try await written

                let copy: any Database
                if case .postgres = app.wijknetConfig.storage {
                    copy = app.db  // the dump is checked by restoring it, below
                } else {
                    let id = DatabaseID(string: "copy-\(UUID().uuidString)")
                    app.databases.use(.sqlite(.file(path)), as: id)
                    copy = app.db(id)
                    #expect(checked.auditEntries == (try await AuditEntry.query(on: copy).count()))
                }
                // Nothing half-written: every request in the copy has its resident, its first
                // timeline event and its audit entry.
                for request in try await SupportRequest.query(on: copy).all() {
                    #expect(try await Resident.find(request.$resident.id, on: copy) != nil)
                    #expect(try await CaseEvent.query(on: copy).filter(\.$request.$id == request.id!).count() >= 1)
                    #expect(try await AuditEntry.query(on: copy).filter(\.$subjectID == request.id!.uuidString).filter(\.$action == "create").count() == 1)
                }
                #expect(try await AuditLog.verify(on: copy).problem == nil)
            }
        }

        @Test func aRestoredBackupHasTheSameFiguresAndAWholeAuditLog() async throws {
            if case .postgres = WijknetConfig.storage(databaseURL: ProcessInfo.processInfo.environment["DATABASE_URL"]),
               PostgresTools.find("pg_dump") == nil || PostgresTools.find("pg_restore") == nil {
                print("BackupTests: skipped the PostgreSQL round trip, no pg_dump/pg_restore (scripts/test installs them with PostgreSQL)")
                return
            }
            try await withApp(sqliteFile: true) { app, world in
                let path = Self.file("roundtrip")
                defer { try? FileManager.default.removeItem(atPath: path) }
                let coach = try await token(app, "coach.noordwest"), analyst = try await token(app, "analist")
                _ = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                let before = try await Self.figures(app, analyst)
                let counted = try await Self.tallies(app.db)
                #expect(!counted.isEmpty)
                let checked = try await Backup.take(app, to: path)
                // A request after the backup, gone again after the restore.
                _ = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach, bsn: "111222333")
                await #expect(throws: Backup.Failed.self) { try await Backup.take(app, to: path) }
                await #expect(throws: Backup.Failed.self) { try await Backup.restore(app, from: path, replace: false) }

                let restored = try await Backup.restore(app, from: path, replace: true)
                #expect(restored.auditEntries == checked.auditEntries && restored.auditHash == checked.auditHash)
                let target: Application
                if case .sqliteFile(let file) = app.wijknetConfig.storage {
                    // This app keeps the replaced file open; a new start opens the restored one.
                    target = try await Application.make(.testing)
                    try await configure(target, WijknetConfig(storage: .sqliteFile(file), bsnKey: app.wijknetConfig.bsnKey, demo: true, secureCookies: false))
                } else {
                    target = app
                }
                #expect(try await AuditLog.verify(on: target.db).problem == nil)
                let after = try await Self.figures(target, analyst)
                #expect(after.count > 0 && after.isEqual(before))
                #expect(try await Self.tallies(target.db) == counted)
                #expect(try await SupportRequest.query(on: target.db).count() == 1)
                if target !== app { try await target.asyncShutdown() }
            }
        }
    }
}
