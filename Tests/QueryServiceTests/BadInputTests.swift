import Foundation
import Testing

/// Every kind of bad request gets its documented status and `{"error": {"code", "message"}}`, and
/// leaves the store as it was (docs/service.md, "Errors").
@Suite struct BadInputTests {
    struct Case: Sendable, CustomStringConvertible {
        var method: String
        var path: String
        var body: String?
        var tenant: String?
        var key: String?
        var contentType = "application/json"
        var status: Int
        var code: String

        var description: String { "\(method) \(path) \(body?.prefix(60) ?? "") → \(status) \(code)" }
    }

    static let cases: [Case] = [
        Case(
            method: "POST",
            path: "/v1/collections/notes/documents",
            body: #"{"documents": [{"id": "x"#,
            tenant: "acme",
            status: 400,
            code: "malformed_json"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: "not json",
            tenant: "acme",
            status: 400,
            code: "malformed_json"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: #"{"query": 5}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: #"{"query": "a", "k": "ten"}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: #"{"query": "a", "k": 1000}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: #"{"query": "a", "kk": 1}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: #"{"query": "a", "filter": {"year": "2022"}}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: #"{"query": "a", "filter": {"nope": 1}}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: #"{"query": "a", "filter": {"$not": {"$not": {"$not": {"year": 1}}}}}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: #"{"vector": [0.5, 0.5]}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: "{\"query\": \"" + String(repeating: "a", count: 300) + "\"}",
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/documents",
            body: #"{"documents": [{"id": "bad", "fields": {"year": "x"}, "text": "t"}]}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/documents",
            body: #"{"documents": [{"id": "bad", "fields": {"title": "t"}, "vector": [1, 2]}]}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/documents",
            body:
                #"{"documents": [{"id": "a", "text": "t", "fields": {"title": "t"}}, {"id": "b", "text": "u", "fields": {"title": "u"}}, {"id": "c", "text": "v", "fields": {"title": "v"}}]}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/documents",
            body: "id,text",
            tenant: "acme",
            contentType: "text/csv",
            status: 415,
            code: "unsupported_media_type"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/documents",
            body: "{\"documents\": [" + String(repeating: " ", count: 5_000) + "]}",
            tenant: "acme",
            status: 413,
            code: "payload_too_large"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/nothing/search",
            body: #"{"query": "a"}"#,
            tenant: "acme",
            status: 404,
            code: "not_found"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/Bad Name/search",
            body: #"{"query": "a"}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(method: "GET", path: "/v1/collections/notes", tenant: nil, status: 401, code: "unauthorized"),
        Case(
            method: "GET",
            path: "/v1/collections/notes",
            tenant: nil,
            key: "key-wrong",
            status: 401,
            code: "unauthorized"
        ),
        Case(method: "GET", path: "/v1/collections/notes", tenant: "globex", status: 404, code: "not_found"),
        Case(
            method: "POST",
            path: "/v1/collections/notes/search",
            body: #"{"query": "foundry"}"#,
            tenant: "globex",
            status: 404,
            code: "not_found"
        ),
        Case(
            method: "POST",
            path: "/v1/collections/notes/documents",
            body: Fixtures.threeNotes,
            tenant: "globex",
            status: 404,
            code: "not_found"
        ),
        Case(
            method: "DELETE",
            path: "/v1/collections/notes/documents/n1",
            tenant: "globex",
            status: 404,
            code: "not_found"
        ),
        Case(method: "DELETE", path: "/v1/collections/notes", tenant: "globex", status: 404, code: "not_found"),
        Case(
            method: "POST",
            path: "/v1/collections",
            body: #"{"name": "x", "schema": "sec", "embedder": {"provider": "openai"}}"#,
            tenant: "acme",
            status: 400,
            code: "bad_input"
        ),
        Case(
            method: "POST",
            path: "/v1/collections",
            body: #"{"name": "notes", "schema": "sec", "embedder": {"provider": "hashing"}}"#,
            tenant: "acme",
            status: 409,
            code: "conflict"
        ),
    ]

    @Test func eachBadRequestIsRefusedAndTheStoreIsUnchanged() async throws {
        let harness = try ServiceHarness(configure: { settings in
            settings.bodyBytesMax = 4_096
            settings.batchDocumentsMax = 2
            settings.queryBytesMax = 256
            settings.filterDepthMax = 2
        })
        try await harness.withClient { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            let seed = try await client.call(
                .post,
                "/v1/collections/notes/documents",
                body:
                    #"{"documents": [\#(Fixtures.note("n1", title: "foundry", year: 2022, text: "one foundry")), \#(Fixtures.note("n2", title: "rates", year: 2023, text: "rates"))]}"#
            )
            #expect(seed.status == 200)
            let before = try await client.call(.get, "/v1/collections/notes/documents/n1")
            for test in Self.cases {
                let reply = try await client.call(
                    httpMethod(test.method),
                    test.path.replacingOccurrences(of: " ", with: "%20"),
                    as: test.tenant,
                    key: test.key,
                    body: test.body,
                    contentType: test.contentType
                )
                #expect(reply.status == test.status, "\(test): \(reply.text)")
                #expect(reply.errorCode == test.code, "\(test): \(reply.text)")
                #expect(reply.json?["error"]?["message"]?.string?.isEmpty == false, "\(test)")
                #expect(reply.json?.keys == ["error"], "\(test)")
                if test.status == 401 { #expect(reply.headers[.wwwAuthenticate] == "Bearer") }
            }
            #expect(try await client.call(.get, "/v1/collections/notes").json?["documents"]?.int == 2)
            let after = try await client.call(.get, "/v1/collections/notes/documents/n1")
            #expect(after.text == before.text)
            #expect(try await client.call(.get, "/v1/collections", as: "globex").json?["collections"]?.array.count == 0)
        }
    }
}
