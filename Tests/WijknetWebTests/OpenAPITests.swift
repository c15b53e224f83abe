import Foundation
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetStore
@testable import WijknetWeb

extension AppTests {
    /// The OpenAPI document and the real API agree: every documented operation exists, every API
    /// route is documented, and the responses have the documented shapes.
    @Suite struct OpenAPITests {
        static var document: [String: Any] {
            (try? JSONSerialization.jsonObject(with: OpenAPIDocument.json)) as? [String: Any] ?? [:]
        }

        static var documented: Set<String> {
            let paths = document["paths"] as? [String: [String: Any]] ?? [:]
            return Set(paths.flatMap { path, ops in ops.keys.map { "\($0.uppercased()) /api/v1\(path)" } })
        }

        @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() async throws {
            try await withApp { app, _ in
                let routes = Set(app.routes.all.compactMap { route -> String? in
                    let path = "/" + route.path.map { component -> String in
                        if case .parameter(let name) = component { return "{\(name)}" }
                        return component.description
                    }.joined(separator: "/")
                    return path.hasPrefix("/api/v1") ? "\(route.method.rawValue) \(path)" : nil
                })
                #expect(Self.documented.count > 20)
                #expect(routes.subtracting(Self.documented).isEmpty, "not documented: \(routes.subtracting(Self.documented).sorted())")
                #expect(Self.documented.subtracting(routes).isEmpty, "documented, no route: \(Self.documented.subtracting(routes).sorted())")
            }
        }

        /// The document's lists of codes are the code's enums, so a new case cannot leave a response
        /// outside its documented shape (the fuzzer found `report` missing from the audit actions).
        @Test func theDocumentsCodeListsAreTheEnums() {
            let schemas = (Self.document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]] ?? [:]
            func codes(_ schema: String, _ property: String) -> [String] {
                let properties = schemas[schema]?["properties"] as? [String: [String: Any]]
                return (properties?[property]?["enum"] as? [Any] ?? []).compactMap { $0 as? String }
            }
            #expect(codes("AuditEntry", "action") == AuditAction.allCases.map(\.rawValue))
            #expect(codes("Referral", "status") == ReferralStatus.allCases.map(\.rawValue))
            #expect(codes("DirectResponseInput", "reason") == DeclineReason.allCases.map(\.rawValue))
            #expect(codes("InboxItem", "kind") == InboxItem.Kind.allCases.map(\.rawValue))
        }

        /// Each `APIPath` is a path of the document and each documented path is an `APIPath`, and
        /// the route it registers reads the same (issue 14).
        @Test func theAPIPathsAreTheDocumentsPaths() {
            let paths = Set((Self.document["paths"] as? [String: Any] ?? [:]).keys)
            let cases = Set(APIPath.allCases.map(\.rawValue))
            #expect(cases.subtracting(paths).sorted() == [], "APIPath cases the document lacks")
            #expect(paths.subtracting(cases).sorted() == [], "documented paths without an APIPath case")
            #expect(APIPath.requestReferral.route.map(\.description) == ["requests", ":id", "referrals", ":referral"])
        }

        @Test func responsesHaveTheDocumentedShapes() async throws {
            try await withApp { app, world in
                let coach = try await token(app, "coach.noordwest")
                let requestID = try await AppTests.CaseFlowAPITests.newRequest(app, world, coach)
                _ = try await app.testing().test(.POST, "/api/v1/requests/\(requestID)/route", headers: coach,
                                                 beforeRequest: { try $0.content.encode(JSON(["route": "meeting"])) })
                let checks: [(String, String, String)] = [
                    ("/api/v1/me", "/me", "get"),
                    ("/api/v1/tokens", "/tokens", "get"),
                    ("/api/v1/requests", "/requests", "get"),
                    ("/api/v1/requests/\(requestID)", "/requests/{id}", "get"),
                    ("/api/v1/meetings", "/meetings", "get"),
                    ("/api/v1/municipalities", "/municipalities", "get"),
                    ("/api/v1/areas", "/areas", "get"),
                    ("/api/v1/districts", "/districts", "get"),
                    ("/api/v1/networks", "/networks", "get"),
                    ("/api/v1/networks/\(world.areas[0].networkID!.uuidString)/memberships", "/networks/{id}/memberships", "get"),
                    ("/api/v1/organisations", "/organisations", "get"),
                    ("/api/v1/products", "/products", "get"),
                    ("/api/v1/outside-reasons", "/outside-reasons", "get"),
                    ("/api/v1/requests/\(UUID().uuidString)", "/requests/{id}", "get"),
                ]
                for (url, path, method) in checks {
                    try await app.testing().test(.GET, url, headers: coach) { res in
                        let status = String(res.status.code)
                        let schema = Self.responseSchema(path: path, method: method, status: status)
                        #expect(schema != nil, "\(path) documents no \(status) response")
                        let body = try? JSONSerialization.jsonObject(with: Data(buffer: res.body), options: [.fragmentsAllowed])
                        if let schema {
                            let problems = SchemaCheck.problems(body as Any, schema, at: path)
                            #expect(problems.isEmpty, "\(url): \(problems)")
                        }
                    }
                }
                // The agenda of the meeting the request went to.
                let meetings = try await MeetingService(db: app.db, actor: world.areas[0].coach).meetings()
                try await app.testing().test(.GET, "/api/v1/meetings/\(meetings[0].meeting.id!.uuidString)", headers: coach) { res in
                    let problems = SchemaCheck.problems(object(res), Self.responseSchema(path: "/meetings/{id}", method: "get", status: "200")!, at: "agenda")
                    #expect(problems.isEmpty, "\(problems)")
                }
            }
        }

        static func responseSchema(path: String, method: String, status: String) -> [String: Any]? {
            let paths = document["paths"] as? [String: [String: [String: Any]]]
            let responses = paths?[path]?[method]?["responses"] as? [String: [String: Any]]
            let content = responses?[status]?["content"] as? [String: [String: Any]]
            return (content?["application/json"] ?? content?["application/problem+json"])?["schema"] as? [String: Any]
        }
    }
}

/// A small JSON Schema check for the parts of 3.1 the document uses: $ref, type (with null),
/// required, properties, items, enum, oneOf.
enum SchemaCheck {
    static func resolve(_ schema: [String: Any]) -> [String: Any] {
        guard let ref = schema["$ref"] as? String else { return schema }
        let name = String(ref.split(separator: "/").last!)
        let schemas = (AppTests.OpenAPITests.document["components"] as? [String: Any])?["schemas"] as? [String: [String: Any]]
        return schemas?[name] ?? [:]
    }

    static func problems(_ value: Any, _ raw: [String: Any], at path: String) -> [String] {
        let schema = resolve(raw)
        if let options = schema["oneOf"] as? [[String: Any]] {
            return options.contains { problems(value, $0, at: path).isEmpty } ? [] : ["\(path): matches no option"]
        }
        let types: [String] = (schema["type"] as? [String]) ?? ((schema["type"] as? String).map { [$0] } ?? [])
        if value is NSNull { return types.contains("null") || types.isEmpty ? [] : ["\(path): null"] }
        if let allowed = schema["enum"] as? [Any], let string = value as? String,
           !allowed.contains(where: { ($0 as? String) == string }) { return ["\(path): '\(string)' not in enum"] }
        switch value {
        case let object as [String: Any]:
            guard types.isEmpty || types.contains("object") else { return ["\(path): object, expected \(types)"] }
            var found: [String] = []
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { found.append("\(path).\(key): missing") }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for (key, child) in object {
                guard let sub = properties[key] else {
                    if !properties.isEmpty { found.append("\(path).\(key): not documented") }
                    continue
                }
                found += problems(child, sub, at: "\(path).\(key)")
            }
            return found
        case let array as [Any]:
            guard types.isEmpty || types.contains("array") else { return ["\(path): array, expected \(types)"] }
            guard let items = schema["items"] as? [String: Any] else { return [] }
            return array.enumerated().flatMap { problems($0.element, items, at: "\(path)[\($0.offset)]") }
        case let number as NSNumber:
            // Foundation on Linux reads true and 1 alike; tell them apart by what the schema expects.
            if types.isEmpty || types.contains("number") || types.contains("integer") { return [] }
            if types.contains("boolean") && (number == 0 || number == 1) { return [] }
            return ["\(path): \(number), expected \(types)"]
        case is String:
            return types.isEmpty || types.contains("string") ? [] : ["\(path): string, expected \(types)"]
        default:
            return ["\(path): unexpected value"]
        }
    }
}
