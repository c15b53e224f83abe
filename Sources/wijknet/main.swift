import Vapor
import WijknetWeb

// The thin executable: read the options Wijknet adds to Vapor's, configure, run the command.
var arguments = CommandLine.arguments
let options = LaunchOptions.extract(from: &arguments)
var environment = try Environment.detect(arguments: arguments)
try LoggingSystem.bootstrap(from: &environment)
let app = try await Application.make(environment)
do {
    try await configure(app, WijknetConfig(storage: WijknetConfig.storage(databaseURL: options.databaseURL),
                                           demo: options.demo, secureCookies: !options.demo && !options.insecureCookies))
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    if options.demo {
        try await app.asyncBoot()
        try await app.autoMigrate().get()
        try await DemoData.seedIfEmpty(app) { app.logger.info("\($0)") }
    }
    try await app.execute()
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
