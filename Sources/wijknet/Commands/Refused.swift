/// A command that will not do what it was asked, with the reason in Dutch for the operator.
/// Thrown before anything is written; Vapor prints the description and the command exits with 1.
struct Refused: Error, CustomStringConvertible {
    let description: String
}
