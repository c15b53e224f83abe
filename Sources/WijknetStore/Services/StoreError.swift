import WijknetCore

/// Why a store operation did not happen. Nothing was stored when one of these is thrown.
public enum StoreError: Error, Sendable {
    /// The record does not exist, or the actor may not know that it does.
    case notFound(what: String)
    /// The actor may not do this.
    case forbidden
    /// Someone else changed the record since the actor read it.
    case conflict(message: String)
    case invalid(ValidationFailure)
    /// The request's status does not allow this step.
    case notAllowed(message: String)
}

extension StoreError {
    static func from(_ error: RequestLifecycle.TransitionError) -> StoreError { .notAllowed(message: error.message) }
}

/// Runs a validation and reports its failure as `StoreError.invalid`.
public func validating<T>(_ body: () throws(ValidationFailure) -> T) throws(StoreError) -> T {
    do { return try body() } catch { throw .invalid(error) }
}
