import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
import Vapor
import VaporTesting
@testable import WijknetCore
@testable import WijknetWeb

extension AppTests {
    /// Issue 12, point 4: a 60 MB POST from someone not signed in was read and decoded whole
    /// before the sign-in check, and eight at once stalled every other user.
    @Suite struct UploadGateTests {
        /// Sends the head of a POST that announces 60 MB and then sends nothing more; returns the
        /// status line of the answer, or nil when none came within `seconds` (the body was awaited).
        static func statusOfAnnouncedUpload(port: Int, path: String, headers: String = "", seconds: Int32 = 5) throws -> String? {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            #expect(fd >= 0)
            defer { close(fd) }
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(port).bigEndian)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            let connected = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            #expect(connected == 0)
            let head = "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                + "Content-Length: 60000000\r\n\(headers)\r\n--x\r\n"
            _ = head.withCString { send(fd, $0, strlen($0), 0) }
            var poller = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&poller, 1, seconds * 1000) > 0 else { return nil }
            var buffer = [UInt8](repeating: 0, count: 512)
            let count = recv(fd, &buffer, buffer.count, 0)
            guard count > 0 else { return nil }
            return String(decoding: buffer[0..<count], as: UTF8.self).components(separatedBy: "\r\n").first
        }

        @Test func aLargeUploadIsRefusedBeforeItsBodyIsReadUnlessTheRoleMayImport() async throws {
            try await withApp { app, _ in
                // setup: a real server on a free loopback port
                try await app.server.start(address: .hostname("127.0.0.1", port: 0))
                let port = try #require(app.http.server.shared.localAddress?.port)
                let analyst = try await token(app, "analist")
                let coach = try await token(app, "coach.noordwest")
                let page = try await PageSession.signIn(app, as: "analist")
                // MUT and validate: each answered at once, without the 60 MB
                #expect(try Self.statusOfAnnouncedUpload(port: port, path: "/import/zrm2010")?.contains("303") == true, "anonymous page upload")
                #expect(try Self.statusOfAnnouncedUpload(port: port, path: "/api/v1/imports/zrm2010")?.contains("401") == true, "anonymous API upload")
                let bearer = "Authorization: Bearer \(analyst.bearerAuthorization!.token)\r\n"
                #expect(try Self.statusOfAnnouncedUpload(port: port, path: "/api/v1/imports/zrm2010", headers: bearer)?.contains("403") == true,
                        "an analyst may not import ZRM assessments")
                let cookie = "Cookie: \(page.cookie!)\r\n"
                #expect(try Self.statusOfAnnouncedUpload(port: port, path: "/import/zrm2010", headers: cookie)?.contains("403") == true)
                // The role that may import is let through: the server waits for the body.
                let coachBearer = "Authorization: Bearer \(coach.bearerAuthorization!.token)\r\n"
                #expect(try Self.statusOfAnnouncedUpload(port: port, path: "/api/v1/imports/zrm2010", headers: coachBearer, seconds: 1) == nil)
                await app.server.shutdown()
            }
        }

        @Test func onlyAFewUploadsAreReadAtOnce() async throws {
            let slots = UploadSlots(capacity: 2)
            #expect(await slots.take())
            #expect(await slots.take())
            #expect(await slots.take() == false)
            await slots.release()
            #expect(await slots.take())
        }
    }
}
