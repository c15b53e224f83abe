import Vapor
import WijknetStore
import WijknetWeb

// The thin executable: read the options Wijknet adds to Vapor's, configure, run the command.
var arguments = CommandLine.arguments
var options = LaunchOptions.extract(from: &arguments)
// `wijknet demo` and `wijknet bench` make synthetic data only, so they may make a demo key like `serve --demo`.
let demoCommand = ["demo", "bench"].contains(arguments.dropFirst().first ?? "")
var environment = try Environment.detect(arguments: arguments)
if try JSONLineLogHandler.wanted() {
    let level = ProcessInfo.processInfo.environment["LOG_LEVEL"].flatMap(Logger.Level.init(rawValue:)) ?? .info
    LoggingSystem.bootstrap { JSONLineLogHandler(label: $0, level: level) }
} else {
    try LoggingSystem.bootstrap(from: &environment)
}
let app = try await Application.make(environment)
do {
    let storage = WijknetConfig.storage(databaseURL: options.databaseURL)
    let key = try WijknetConfig.bsnKey(demo: options.demo || demoCommand, storage: storage)
    let (partnerAccess, retention, followUpMonths, apiRate, signInRate, recountSeconds) = try WijknetConfig.settings()
    try await configure(app, WijknetConfig(storage: storage, bsnKey: key, demo: options.demo,
                                           secureCookies: !options.demo && !options.insecureCookies,
                                           partnerAccess: partnerAccess, retention: retention, followUpMonths: followUpMonths,
                                           apiRequestsPerMinute: apiRate, signInsPerMinute: signInRate, branding: try Branding.load(),
                                           requireSecondFactor: try WijknetConfig.secondFactorRequired(demo: options.demo || demoCommand),
                                           smtp: try WijknetConfig.smtp(), sso: try WijknetConfig.sso(),
                                           metricsToken: try WijknetConfig.metricsToken(), recountSeconds: recountSeconds))
    app.asyncCommands.use(DemoCommand(), as: "demo")
    app.asyncCommands.use(BenchCommand(), as: "bench")
    app.asyncCommands.use(AuditCommand(), as: "audit")
    app.asyncCommands.use(RetentionCommand(), as: "retention")
    app.asyncCommands.use(ImportCommand(), as: "import")
    app.asyncCommands.use(ReportCommand(), as: "report")
    app.asyncCommands.use(KeysCommand(), as: "keys")
    app.asyncCommands.use(UsersCommand(), as: "users")
    app.asyncCommands.use(BackupCommand(), as: "backup")
    app.asyncCommands.use(RestoreCommand(), as: "restore")
    if options.demo {
        try await app.asyncBoot()
        try await app.autoMigrate().get()
        try await KeyCheck.verify(app.vault, on: app.db)
        try await DemoData.seedIfEmpty(app) { app.logger.info("\($0)") }
    }
} catch let missing as WijknetConfig.Missing {
    FileHandle.standardError.write(Data((missing.description + "\n").utf8))
    try? await app.asyncShutdown()
    exit(1)
} catch {
    app.logger.report(error: error)
    try? await app.asyncShutdown()
    exit(1)
}
do {
    try await app.execute()
} catch {
    // `execute` has reported the error already.
    try? await app.asyncShutdown()
    exit(1)
}
try await app.asyncShutdown()
