import FluentPostgresDriver
import FluentSQLiteDriver

/// A failure of the database itself rather than of the request: PostgreSQL stopped or restarting,
/// no connection free in time, the disk full. The request may be fine and work a little later,
/// so the web layer answers 503 with Retry-After instead of a 500; a transaction that failed this
/// way was rolled back, so nothing half-written stays behind.
public enum DatabaseTrouble: String, CaseIterable, Sendable {
    /// The database does not answer, or not in time.
    case unavailable
    /// The disk under the database is full: nothing new can be stored; what was stored stays.
    case diskFull = "disk-full"

    /// The trouble behind `error`; nil for any other error (a constraint, a bad query: a defect).
    public init?(_ error: any Error) {
        switch error {
        case is ConnectionPoolTimeoutError, is ConnectionPoolError:
            self = .unavailable
        case let error as PSQLError:
            guard let trouble = Self.postgres(error) else { return nil }
            self = trouble
        case let error as SQLiteError:
            guard let trouble = Self.sqlite(error.reason) else { return nil }
            self = trouble
        default:
            return nil
        }
    }

    private static func postgres(_ error: PSQLError) -> Self? {
        switch error.code {
        case .connectionError, .serverClosedConnection, .clientClosedConnection, .uncleanShutdown, .poolClosed:
            return .unavailable
        case .server:
            // SQLSTATE classes: 08 connection exception, 57 operator intervention (shut down,
            // starting up), 53 insufficient resources, of which 53100 is a full disk.
            guard let state = error.serverInfo?[.sqlState] else { return nil }
            if state == "53100" { return .diskFull }
            return ["08", "57", "53"].contains(String(state.prefix(2))) ? .unavailable : nil
        default:
            return nil
        }
    }

    private static func sqlite(_ reason: SQLiteError.Reason) -> Self? {
        switch reason {
        case .full:
            return .diskFull
        case .busy, .busyTimeout, .busyInRecovery, .busyInSnapshot, .locked, .ioError, .cantOpen, .noMemory,
             .ioErrorFailedRead, .ioErrorIncompleteRead, .ioErrorFailedWrite, .ioErrorFailedSync, .ioErrorFailedDirSync,
             .ioErrorFailedTruncate, .ioErrorFailedStat, .ioErrorNoMemory, .ioErrorFailedSharedMemOpen,
             .ioErrorFailedSharedMemSize, .ioErrorFailedSharedMemMap, .ioErrorFailedMemoryMap, .ioErrorCantFindTempdir:
            return .unavailable
        default:
            return nil
        }
    }
}
