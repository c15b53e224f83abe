import FluentKit
import FluentSQLiteDriver
import Foundation
import NIOCore
import SQLKit

/// SQLite with one writing transaction at a time. SQLite has one writer per file; Fluent begins a
/// transaction as a reader (`BEGIN`), and a reader that later wants to write while another
/// connection writes is refused at once with "database is locked" — no busy handler can help, as
/// waiting could deadlock. Under load (the figures' background recount, a busy office) that made
/// ordinary writes fail with a 500 and decisions were lost.
///
/// So every transaction here waits its turn in this process (`WriteGate`, first come first served)
/// and then begins with `BEGIN IMMEDIATE`, taking the write lock before it reads anything: another
/// process holding the lock is waited for by SQLite's busy handler instead of refusing. Reads
/// outside a transaction never wait (write-ahead log).
public struct SerialSQLiteWrites: DatabaseConfiguration {
    var inner: any DatabaseConfiguration
    let gate = WriteGate()

    public var middleware: [any AnyModelMiddleware] {
        get { inner.middleware }
        set { inner.middleware = newValue }
    }

    public func makeDriver(for databases: Databases) -> any DatabaseDriver {
        Driver(inner: inner.makeDriver(for: databases), gate: gate)
    }

    /// SQLite as Fluent's driver makes it, with serial writes.
    public static func sqlite(_ configuration: SQLiteConfiguration) -> DatabaseConfigurationFactory {
        DatabaseConfigurationFactory { SerialSQLiteWrites(inner: DatabaseConfigurationFactory.sqlite(configuration).make()) }
    }

    struct Driver: DatabaseDriver {
        let inner: any DatabaseDriver
        let gate: WriteGate

        func makeDatabase(with context: DatabaseContext) -> any Database {
            let database = inner.makeDatabase(with: context)
            guard let sql = database as? any Database & SQLDatabase else { return database }
            return SerialWritesDatabase(inner: sql, gate: gate, inTransaction: false)
        }

        func shutdown() { inner.shutdown() }
        func shutdownAsync() async { await inner.shutdownAsync() }
    }
}

/// A Fluent and SQL database that hands every statement to the driver's own, and runs
/// transactions one at a time with `BEGIN IMMEDIATE`.
struct SerialWritesDatabase: Database, SQLDatabase {
    let inner: any Database & SQLDatabase
    let gate: WriteGate
    /// Set on the database handed to a transaction's closure: nested transactions join it.
    let inTransaction: Bool

    var context: DatabaseContext { inner.context }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        inner.execute(query: query, onOutput: onOutput)
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> { inner.execute(schema: schema) }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> { inner.execute(enum: `enum`) }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        let gate = gate, inTransaction = inTransaction
        return inner.withConnection { connection in
            guard let sql = connection as? any Database & SQLDatabase else { return closure(connection) }
            return closure(SerialWritesDatabase(inner: sql, gate: gate, inTransaction: inTransaction))
        }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        if inTransaction { return closure(self) }
        let (inner, gate) = (inner, gate)
        return inner.eventLoop.makeFutureWithTask {
            try await gate.serially {
                try await inner.withConnection { connection -> Carried<T> in
                    guard let sql = connection as? any Database & SQLDatabase else { throw SerialWritesError.notSQL }
                    let transaction = SerialWritesDatabase(inner: sql, gate: gate, inTransaction: true)
                    try await sql.raw("BEGIN IMMEDIATE TRANSACTION").run()
                    do {
                        let result = try await closure(transaction).map { Carried(value: $0) }.get()
                        try await sql.raw("COMMIT TRANSACTION").run()
                        return result
                    } catch {
                        try? await sql.raw("ROLLBACK TRANSACTION").run()
                        throw error
                    }
                }
            }
        }.map(\.value)
    }

    // SQLDatabase

    var logger: Logger { inner.logger }
    var eventLoop: any EventLoop { inner.eventLoop }
    var version: (any SQLDatabaseReportedVersion)? { inner.version }
    var dialect: any SQLDialect { inner.dialect }
    var queryLogLevel: Logger.Level? { inner.queryLogLevel }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        inner.execute(sql: query, onRow)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) async throws {
        try await inner.execute(sql: query, onRow)
    }
}

/// A transaction's result on its way back to the caller's event loop. Fluent's protocol does not
/// require results to be `Sendable`; the value is handed over once and not touched on the way.
struct Carried<Value>: @unchecked Sendable {
    let value: Value
}

enum SerialWritesError: Error {
    /// Fluent's SQLite driver hands out SQL connections; anything else is a wiring mistake.
    case notSQL
}

/// One at a time, in the order they came.
public actor WriteGate {
    private var busy = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    public init() {}

    /// Transactions running or waiting their turn: the queue in front of SQLite's one writer.
    public var queued: Int { waiting.count + (busy ? 1 : 0) }

    /// The queue of `db`'s writes; nil when `db` is not SQLite with serial writes.
    public static func queued(on db: any Database) async -> Int? {
        guard let db = db as? SerialWritesDatabase else { return nil }
        return await db.gate.queued
    }

    public func serially<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await enter()
        do {
            let result = try await body()
            leave()
            return result
        } catch {
            leave()
            throw error
        }
    }

    private func enter() async {
        guard busy else {
            busy = true
            return
        }
        await withCheckedContinuation { waiting.append($0) }
    }

    private func leave() {
        if waiting.isEmpty { busy = false } else { waiting.removeFirst().resume() }
    }
}
