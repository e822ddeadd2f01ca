import Foundation
import Testing

/// Collections and documents through the HTTP API, in process.
@Suite struct CollectionAPITests {
    @Test func createListDescribeDrop() async throws {
        try await ServiceHarness().withClient { client in
            let created = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            #expect(created.status == 201)
            #expect(created.json?["name"]?.string == "notes")
            #expect(created.json?["dimension"]?.int == 32)
            #expect(created.json?["embeddingModel"]?.string == "hashing-unigram-bigram-32")
            let again = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            #expect(again.status == 409)
            #expect(again.errorCode == "conflict")
            let list = try await client.call(.get, "/v1/collections")
            #expect(list.json?["collections"]?.array.compactMap { $0["name"]?.string } == ["notes"])
            let described = try await client.call(.get, "/v1/collections/notes")
            #expect(described.json?["documents"]?.int == 0)
            let dropped = try await client.call(.delete, "/v1/collections/notes")
            #expect(dropped.status == 200)
            #expect(try await client.call(.get, "/v1/collections/notes").status == 404)
            #expect(try await client.call(.get, "/v1/collections").json?["collections"]?.array.count == 0)
            // The name is free again.
            #expect(try await client.call(.post, "/v1/collections", body: Fixtures.createNotes()).status == 201)
        }
    }

    @Test func upsertGetDeleteDocuments() async throws {
        try await ServiceHarness().withClient { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            let upserted = try await client.call(.post, "/v1/collections/notes/documents", body: Fixtures.threeNotes)
            #expect(upserted.status == 200)
            #expect(upserted.json?["upserted"]?.int == 3)
            #expect(upserted.json?["embedded"]?.int == 3)
            let lines = [
                Fixtures.note("n4", title: "tax", year: 2021, text: "Tax law changes may raise our effective rate."),
                Fixtures.note("n1", title: "foundry", year: 2025, text: "Replaced: one foundry supplies our wafers."),
            ].joined(separator: "\n")
            let jsonl = try await client.call(
                .post,
                "/v1/collections/notes/documents",
                body: lines,
                contentType: "application/x-ndjson"
            )
            #expect(jsonl.status == 200)
            #expect(jsonl.json?["upserted"]?.int == 2)
            #expect(try await client.call(.get, "/v1/collections/notes").json?["documents"]?.int == 4)
            let document = try await client.call(.get, "/v1/collections/notes/documents/n1")
            #expect(document.json?["fields"]?["year"]?.int == 2025)
            #expect(document.json?["fields"]?["text"]?.string == "Replaced: one foundry supplies our wafers.")
            #expect(try await client.call(.delete, "/v1/collections/notes/documents/n2").status == 200)
            let gone = try await client.call(.get, "/v1/collections/notes/documents/n2")
            #expect(gone.status == 404)
            #expect(gone.errorCode == "not_found")
            #expect(try await client.call(.delete, "/v1/collections/notes/documents/n2").status == 404)
            #expect(try await client.call(.get, "/v1/collections/notes").json?["documents"]?.int == 3)
            let snapshots = try await client.call(.get, "/v1/collections/notes/snapshots")
            #expect(snapshots.status == 200)
            #expect(snapshots.json?["snapshots"]?.array.isEmpty == false)
        }
    }

    @Test func healthReadinessAndDocumentArePublic() async throws {
        try await ServiceHarness().withClient { client in
            #expect(try await client.call(.get, "/healthz", as: nil).status == 200)
            #expect(try await client.call(.get, "/readyz", as: nil).json?["status"]?.string == "ready")
            let document = try await client.call(.get, "/openapi.yaml", as: nil)
            #expect(document.status == 200)
            #expect(document.text.hasPrefix("openapi: 3"))
            let unknown = try await client.call(.get, "/v2/nothing")
            #expect(unknown.status == 404)
            #expect(unknown.errorCode == "no_route")
        }
    }

    @Test func metricsNeedAnAdminAndCountRequests() async throws {
        try await ServiceHarness().withClient { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            _ = try await client.call(.get, "/v1/collections", as: "globex")
            #expect(try await client.call(.get, "/metrics", as: "globex").status == 403)
            let metrics = try await client.call(.get, "/metrics")
            #expect(metrics.status == 200)
            #expect(
                metrics.text.contains(
                    #"vectordb_http_requests_total{route="/v1/collections",method="GET",tenant="globex",status="200"} 1"#
                )
            )
            #expect(metrics.text.contains("vectordb_http_request_duration_seconds_bucket"))
            #expect(metrics.text.contains(#"vectordb_collection_documents{tenant="acme",collection="notes"} 0"#))
        }
    }

    @Test func writesAndAdminCallsAreAudited() async throws {
        let harness = try ServiceHarness()
        let log = harness.directory.appendingPathComponent("audit.log")
        let text = try await harness.withClient { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            _ = try await client.call(.post, "/v1/collections/notes/documents", body: Fixtures.threeNotes)
            _ = try await client.call(.post, "/v1/collections/notes/documents", as: "globex", body: Fixtures.threeNotes)
            let huge = #"{"documents": ["# + String(repeating: " ", count: 9 << 20) + "]}"
            _ = try await client.call(.post, "/v1/collections/notes/documents", body: huge)
            _ = try await client.call(.post, "/v1/collections/notes/search", body: #"{"query": "foundry"}"#)
            return try String(contentsOf: log, encoding: .utf8)
        }
        let lines = text.split(separator: "\n").map { JSONAny(try! JSONSerialization.jsonObject(with: Data($0.utf8))) }
        #expect(
            lines.map { $0["action"]?.string } == [
                "collection.create", "documents.upsert", "documents.upsert", "documents.upsert",
            ]
        )
        #expect(lines.map { $0["status"]?.int } == [201, 200, 404, 413])
        #expect(lines.map { $0["tenant"]?.string } == ["acme", "acme", "globex", "acme"])
        #expect(lines[1]["documents"]?.int == 3)
        #expect(lines[0]["key_id"]?.string == "sha256:" + ServiceHarness.hash("key-acme").prefix(12))
        #expect(lines.allSatisfy { ($0["request_id"]?.string ?? "").isEmpty == false })
        #expect(!text.contains("key-acme"))
    }
}
