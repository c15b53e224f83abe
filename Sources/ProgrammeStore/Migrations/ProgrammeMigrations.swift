import Fluent

/// The programme's migrations, in order, after Wijknet's own (`WijknetMigrations`), whose
/// municipalities and users they refer to.
public enum ProgrammeMigrations {
    public static let all: [any Migration] = [
        CreateProgrammeRegister(),
    ]
}
