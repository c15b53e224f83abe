// swift-tools-version:6.1
import PackageDescription

let package = Package(
    name: "wijknet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "wijknet", targets: ["wijknet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        // Already part of Vapor and Fluent; named here because the targets import them directly
        // (the audit chain's hashes, SQL the schema builder cannot express, the SQLite writer, the
        // SMTP client and its STARTTLS).
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.57.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.3"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        // The domain: types and rules. No Vapor, no database.
        .target(name: "WijknetCore"),
        // The Transformatie Sociaal Domein as a programme (issue 17): its domain, pure Swift like WijknetCore.
        .target(name: "ProgrammeCore", dependencies: ["WijknetCore"]),
        .target(
            name: "ProgrammeStore",
            dependencies: [
                "ProgrammeCore",
                "WijknetCore",
                "WijknetStore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
            ]
        ),
        // Fluent models, migrations and queries; one schema for SQLite and PostgreSQL.
        .target(
            name: "WijknetStore",
            dependencies: [
                "WijknetCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQL", package: "fluent-kit"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        // The JSON API under /api/v1 and the Dutch HTML pages.
        .target(
            name: "WijknetWeb",
            dependencies: [
                "WijknetCore",
                "WijknetStore",
                "ProgrammeStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Crypto", package: "swift-crypto"),
                // RSA signatures of the identity provider's ID tokens.
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ],
            resources: [.copy("Resources")]
        ),
        // Benchmarks and the bulk generators behind them (`wijknet bench`): outside the libraries
        // that serve users.
        .target(
            name: "WijknetBench",
            dependencies: [
                "WijknetCore",
                "WijknetStore",
                "WijknetWeb",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .executableTarget(
            name: "wijknet",
            dependencies: [
                "WijknetCore",
                "WijknetStore",
                "WijknetWeb",
                "WijknetBench",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "Vapor", package: "vapor"),
            ]
        ),
        .testTarget(name: "WijknetCoreTests", dependencies: ["WijknetCore"]),
        .testTarget(name: "ProgrammeCoreTests", dependencies: ["ProgrammeCore", "WijknetCore"]),
        .testTarget(
            name: "WijknetWebTests",
            dependencies: [
                "WijknetCore",
                "WijknetStore",
                "ProgrammeCore",
                "ProgrammeStore",
                "WijknetWeb",
                "WijknetBench",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "VaporTesting", package: "vapor"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
    ]
)
