import Foundation
import Testing

@testable import QueryService

/// The search page's files: served at `/` and `/static/` without a key, byte for byte the files of
/// `Sources/QueryService/web/` (compiled into the binary), with a policy that allows only them.
@Suite struct SearchPageTests {
    static let web = LiveServer.repo.appendingPathComponent("Sources/QueryService/web")

    @Test func theFilesAreServedWithoutAKeyAsCommitted() async throws {
        try await ServiceHarness().withClient { client in
            for (path, file, media) in [
                ("/", "index.html", "text/html"), ("/static/app.js", "app.js", "text/javascript"),
                ("/static/style.css", "style.css", "text/css"),
            ] {
                let reply = try await client.call(.get, path, as: nil)
                #expect(reply.status == 200, "\(path)")
                #expect(reply.headers[.contentType]?.hasPrefix(media) == true, "\(path)")
                #expect(reply.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
                let committed = try String(contentsOf: Self.web.appendingPathComponent(file), encoding: .utf8)
                #expect(reply.text == committed, "\(path) differs from web/\(file)")
            }
        }
    }

    @Test func anotherPathIsNoRouteAndTheAPIStillNeedsAKey() async throws {
        let harness = try ServiceHarness()
        // The page is no API route: openapi.yaml, which lists exactly those, leaves it out.
        #expect(!harness.api.routes.contains { $0.path == "/" || $0.path.hasPrefix("/static/") })
        try await harness.withClient { client in
            let missing = try await client.call(.get, "/static/nothing.js", as: nil)
            #expect(missing.status == 404)
            #expect(missing.errorCode == "no_route")
            #expect(try await client.call(.get, "/v1/collections", as: nil).status == 401)
        }
    }
}
