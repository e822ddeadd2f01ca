import Foundation
import Testing

/// Search through the HTTP API: query text embedded server-side, vectors, filters, citations.
@Suite struct SearchAPITests {
    @Test func queryTextIsEmbeddedAndHitsAreHighlighted() async throws {
        try await ServiceHarness().withClient { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            _ = try await client.call(.post, "/v1/collections/notes/documents", body: Fixtures.threeNotes)
            let reply = try await client.call(
                .post,
                "/v1/collections/notes/search",
                body: #"{"query": "single foundry wafer supply", "k": 2, "include": ["text", "fields"]}"#
            )
            #expect(reply.status == 200)
            #expect(reply.json?["mode"]?.string == "hybrid")
            #expect(reply.json?["ranking"]?.string == "plain")
            let hits = reply.json?["hits"]?.array ?? []
            #expect(hits.count == 2)
            #expect(hits.first?["id"]?.string == "n1")
            #expect(hits.first?["snippet"]?.string?.contains("<mark>foundry</mark>") == true)
            #expect(hits.first?["text"]?.string == "We rely on a single third-party foundry for wafer supply.")
            #expect(hits.first?["fields"]?["year"]?.int == 2022)
            #expect(hits.first?["citation"] == nil)
        }
    }

    @Test func filtersInBothFormsRestrictHits() async throws {
        try await ServiceHarness().withClient { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            _ = try await client.call(.post, "/v1/collections/notes/documents", body: Fixtures.threeNotes)
            let bodies = [
                #"{"query": "our operations costs supply", "filter": {"year": {"gte": 2023}}}"#,
                #"{"query": "our operations costs supply", "filter": ["year>=2023"]}"#,
                #"{"query": "our operations costs supply", "filter": {"$or": [{"title": "rates"}, {"title": ["cyber"]}]}}"#,
                #"{"query": "our operations costs supply", "filter": {"$not": {"year": 2022}}}"#,
            ]
            for body in bodies {
                let reply = try await client.call(.post, "/v1/collections/notes/search", body: body)
                let ids = Set(reply.json?["hits"]?.array.compactMap { $0["id"]?.string } ?? [])
                #expect(ids == ["n2", "n3"], "\(body)")
            }
        }
    }

    @Test func vectorSearchNeedsTheCollectionsDimension() async throws {
        try await ServiceHarness().withClient { client in
            _ = try await client.call(.post, "/v1/collections", body: Fixtures.createNotes())
            _ = try await client.call(.post, "/v1/collections/notes/documents", body: Fixtures.threeNotes)
            let vector = "[" + (0..<32).map { $0 == 3 ? "1" : "0.01" }.joined(separator: ",") + "]"
            let reply = try await client.call(
                .post,
                "/v1/collections/notes/search",
                body: #"{"vector": \#(vector), "k": 3}"#
            )
            #expect(reply.status == 200)
            #expect(reply.json?["mode"]?.string == "vector")
            #expect(reply.json?["hits"]?.array.count == 3)
            let short = try await client.call(.post, "/v1/collections/notes/search", body: #"{"vector": [1, 2, 3]}"#)
            #expect(short.status == 400)
            #expect(short.errorCode == "bad_input")
            #expect(short.json?["error"]?["message"]?.string?.contains("32") == true)
        }
    }

    @Test func secChunksCarryCitationsAndAwareRanking() async throws {
        try await ServiceHarness().withClient { client in
            let create = #"{"name": "filings", "schema": "sec", "embedder": {"provider": "hashing", "dimension": 64}}"#
            #expect(try await client.call(.post, "/v1/collections", body: create).status == 201)
            let documents = """
                {"documents": [\(Fixtures.secChunk("c1", text: "We depend on a single foundry for our wafers.")),
                               \(Fixtures.secChunk("c2", text: "Our revenue grew in every segment.", item: "7"))]}
                """
            let upserted = try await client.call(.post, "/v1/collections/filings/documents", body: documents)
            #expect(upserted.status == 200, "\(upserted.text)")
            let reply = try await client.call(
                .post,
                "/v1/collections/filings/search",
                body:
                    #"{"query": "foundry wafers", "k": 1, "filter": {"form": "10-K", "fiscal_year": {"gte": 2024}}, "include": ["interpretation"]}"#
            )
            #expect(reply.status == 200, "\(reply.text)")
            #expect(reply.json?["ranking"]?.string == "aware")
            #expect(reply.json?["interpretation"] != nil)
            let hit = reply.json?["hits"]?[0]
            #expect(hit?["id"]?.string == "c1")
            #expect(hit?["citation"]?["company"]?.string == "Example Devices Inc.")
            #expect(hit?["citation"]?["cik"]?.string == "320193")
            #expect(hit?["citation"]?["accession"]?.string == "0000320193-24-000123")
            #expect(hit?["citation"]?["item"]?.string == "1A")
            #expect(hit?["citation"]?["charStart"]?.int == 100)
            #expect(hit?["citation"]?["secURL"]?.string?.hasPrefix("https://www.sec.gov/Archives/") == true)
            #expect(hit?["snippet"]?.string?.contains("<mark>foundry</mark>") == true)
        }
    }
}
