/// The options Wijknet adds to every command, taken out before Vapor reads the rest.
struct LaunchOptions {
    /// `--demo`: migrate, load demo data when the database is empty, list demo accounts at login.
    var demo = false
    /// `--database-url URL`: PostgreSQL (`postgres://…`) or SQLite (`sqlite://path`); else `DATABASE_URL`.
    var databaseURL: String?
    /// `--insecure-cookies`: allow session cookies over plain HTTP outside demo mode (local testing).
    var insecureCookies = false

    static func extract(from arguments: inout [String]) -> LaunchOptions {
        var options = LaunchOptions()
        var rest: [String] = []
        var index = 0
        while index < arguments.count {
            let arg = arguments[index]
            switch arg {
            case "--demo": options.demo = true
            case "--insecure-cookies": options.insecureCookies = true
            case "--database-url" where index + 1 < arguments.count:
                options.databaseURL = arguments[index + 1]
                index += 1
            default:
                if arg.hasPrefix("--database-url=") { options.databaseURL = String(arg.dropFirst("--database-url=".count)) } else { rest.append(arg) }
            }
            index += 1
        }
        arguments = rest
        return options
    }
}
