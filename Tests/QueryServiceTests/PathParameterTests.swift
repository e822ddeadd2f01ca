import Foundation
import Testing

/// Path parameters are percent-decoded before use (found by the OpenAPI fuzz run,
/// tests-py/test_openapi_fuzz.py): a client that encodes a document id — as `urllib.parse.quote`,
/// `encodeURIComponent` and most HTTP clients do with `:` or `/` — must reach the same document.
@Suite struct PathParameterTests {
    @Test func anEncodedDocumentIdNamesTheDocument() async throws {
        try await ServiceHarness().withClient { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            let body =
                #"{"documents": [\#(Fixtures.note("10-K:1A/2 b", title: "t", year: 2024, text: "Foundry risk."))]}"#
            #expect(try await client.call(.post, "/v1/collections/notes/documents", body: body).status == 200)
            let encoded = "/v1/collections/notes/documents/10-K%3A1A%2F2%20b"
            let document = try await client.call(.get, encoded)
            #expect(document.status == 200)
            #expect(document.json?["id"]?.string == "10-K:1A/2 b")
            let deleted = try await client.call(.delete, encoded)
            #expect(deleted.status == 200)
            #expect(deleted.json?["deleted"]?.string == "10-K:1A/2 b")
            #expect(try await client.call(.get, encoded).status == 404)
        }
    }

    @Test func anEncodedCollectionNameNamesTheCollection() async throws {
        try await ServiceHarness().withClient { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            let described = try await client.call(.get, "/v1/collections/%6Eotes")
            #expect(described.status == 200)
            #expect(described.json?["name"]?.string == "notes")
            let search = try await client.call(.post, "/v1/collections/not%65s/search", body: #"{"query": "foundry"}"#)
            #expect(search.status == 200)
            #expect(search.json?["collection"]?.string == "notes")
        }
    }

    @Test func invalidPercentEncodingIsBadInput() async throws {
        try await ServiceHarness().withClient { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            for path in [
                "/v1/collections/notes/documents/%ZZ", "/v1/collections/notes/documents/%C3", "/v1/collections/n%",
            ] {
                let reply = try await client.call(.get, path)
                #expect(reply.status == 400, "\(path)")
                #expect(reply.errorCode == "bad_input", "\(path)")
            }
        }
    }
}
