import Foundation
import GRPCCore
import PipelineConfig
import SwiftProtobuf
import Testing

@testable import QueryService

/// The gRPC API against a real server on 127.0.0.1, through the generated client: the HTTP API's
/// calls and answers, its authentication, tenant isolation, QoS, deadlines and bad-input handling.
@Suite struct GRPCAPITests {
    @Test func collectionsDocumentsAndSearch() async throws {
        let harness = try ServiceHarness()
        let log = harness.directory.appendingPathComponent("audit.log")
        let metadata = ServiceHarness.metadata()
        let audit = try await harness.withGRPCClient { client in
            let created = try await client.createCollection(try GRPCFixtures.createNotes(), metadata: metadata)
            #expect(created.name == "notes" && created.dimension == 32 && created.documents == 0)
            #expect(created.embeddingModel == "hashing-unigram-bigram-32")
            #expect(created.schema.fields["primaryKey"]?.stringValue == "id")
            let upserted = try await client.upsertDocuments(GRPCFixtures.threeNotes(), metadata: metadata)
            #expect(upserted.upserted == 3 && upserted.embedded == 3)

            var search = GRPCFixtures.search(query: "foundry wafer supply")
            search.include = ["text", "fields"]
            let found = try await client.search(search, metadata: metadata)
            #expect(found.collection == "notes" && found.mode == "hybrid" && found.ranking == "plain")
            #expect(found.hits.first?.id == "n1")
            #expect(found.hits.first?.snippet.contains("<mark>foundry</mark>") == true)
            #expect(found.hits.first?.text == "We rely on a single third-party foundry for wafer supply.")
            #expect(found.hits.first?.fields.fields["year"]?.numberValue == 2022)
            #expect(found.hits.first?.hasCitation == false)

            search.filterObject = try Google_Protobuf_Struct(jsonString: #"{"year": {"gte": 2023}}"#)
            let filtered = try await client.search(search, metadata: metadata)
            #expect(!filtered.hits.isEmpty && filtered.hits.allSatisfy { ["n2", "n3"].contains($0.id) })
            var expressions = Vectordb_V1_FilterExpressions()
            expressions.expressions = ["title=cyber"]
            search.filterExpressions = expressions
            #expect(try await client.search(search, metadata: metadata).hits.map(\.id) == ["n3"])

            var get = Vectordb_V1_GetDocumentRequest()
            get.collection = "notes"
            get.id = "n2"
            let document = try await client.getDocument(get, metadata: metadata)
            #expect(document.id == "n2" && document.fields.fields["title"]?.stringValue == "rates")
            var delete = Vectordb_V1_DeleteDocumentRequest()
            delete.collection = "notes"
            delete.id = "n2"
            #expect(try await client.deleteDocument(delete, metadata: metadata).deleted == "n2")
            #expect(await status { try await client.getDocument(get, metadata: metadata) } == (.notFound, "not_found"))
            #expect(
                await status { try await client.deleteDocument(delete, metadata: metadata) } == (.notFound, "not_found")
            )

            let list = try await client.listCollections(Vectordb_V1_ListCollectionsRequest(), metadata: metadata)
            #expect(list.collections.map(\.name) == ["notes"] && list.collections.first?.documents == 2)
            var describe = Vectordb_V1_DescribeCollectionRequest()
            describe.name = "notes"
            #expect(try await client.describeCollection(describe, metadata: metadata).documents == 2)
            #expect(
                await status { try await client.createCollection(try GRPCFixtures.createNotes(), metadata: metadata) }
                    == (.alreadyExists, "conflict")
            )
            var drop = Vectordb_V1_DropCollectionRequest()
            drop.name = "notes"
            #expect(try await client.dropCollection(drop, metadata: metadata).dropped == "notes")
            #expect(try await client.listCollections(.init(), metadata: metadata).collections.isEmpty)
            return try String(contentsOf: log, encoding: .utf8)
        }
        let lines = audit.split(separator: "\n").map { JSONAny(try! JSONSerialization.jsonObject(with: Data($0.utf8))) }
        #expect(
            lines.map { $0["action"]?.string } == [
                "collection.create", "documents.upsert", "document.delete", "document.delete", "collection.create",
                "collection.drop",
            ]
        )
        #expect(lines.map { $0["status"]?.int } == [201, 200, 200, 404, 409, 200])
        #expect(lines.allSatisfy { $0["api"]?.string == "grpc" && $0["tenant"]?.string == "acme" })
        #expect(lines[1]["documents"]?.int == 3)
        let metrics = harness.api.metrics.exposition()
        #expect(metrics.contains(#"vectordb_grpc_requests_total{method="Search",tenant="acme",code="OK"} 3"#))
        #expect(
            metrics.contains(#"vectordb_grpc_requests_total{method="GetDocument",tenant="acme",code="NOT_FOUND"} 1"#)
        )
    }

    @Test func aMissingOrWrongKeyIsUnauthenticated() async throws {
        try await ServiceHarness().withGRPCClient { client in
            let list = Vectordb_V1_ListCollectionsRequest()
            #expect(await status { try await client.listCollections(list) } == (.unauthenticated, "unauthorized"))
            let wrong = ServiceHarness.metadata(key: "key-nobody")
            #expect(
                await status { try await client.listCollections(list, metadata: wrong) }
                    == (.unauthenticated, "unauthorized")
            )
            let basic: Metadata = ["authorization": "Basic a2V5LWFjbWU6"]
            #expect(
                await status { try await client.createCollection(try GRPCFixtures.createNotes(), metadata: basic) }
                    == (.unauthenticated, "unauthorized")
            )
            let listed = try await client.listCollections(list, metadata: ServiceHarness.metadata())
            #expect(listed.collections.isEmpty)
        }
    }

    @Test func anotherTenantsCollectionIsNotThere() async throws {
        try await ServiceHarness().withGRPCClient { client in
            let acme = ServiceHarness.metadata("acme")
            let globex = ServiceHarness.metadata("globex")
            _ = try await client.createCollection(try GRPCFixtures.createNotes(), metadata: acme)
            _ = try await client.upsertDocuments(GRPCFixtures.threeNotes(), metadata: acme)
            #expect(try await client.listCollections(.init(), metadata: globex).collections.isEmpty)
            var describe = Vectordb_V1_DescribeCollectionRequest()
            describe.name = "notes"
            #expect(
                await status { try await client.describeCollection(describe, metadata: globex) } == (
                    .notFound, "not_found"
                )
            )
            let search = GRPCFixtures.search(query: "foundry")
            #expect(await status { try await client.search(search, metadata: globex) } == (.notFound, "not_found"))
            #expect(
                await status { try await client.upsertDocuments(GRPCFixtures.threeNotes(), metadata: globex) }
                    == (.notFound, "not_found")
            )
            // globex's own collection of the same name holds only globex's documents.
            _ = try await client.createCollection(try GRPCFixtures.createNotes(), metadata: globex)
            var one = Vectordb_V1_UpsertDocumentsRequest()
            one.collection = "notes"
            one.documents = [GRPCFixtures.note("g1", title: "foundry", year: 2020, text: "Globex buys a foundry.")]
            _ = try await client.upsertDocuments(one, metadata: globex)
            #expect(try await client.search(search, metadata: globex).hits.map(\.id) == ["g1"])
            #expect(try await client.describeCollection(describe, metadata: acme).documents == 3)
        }
    }

    @Test func badInputIsInvalidArgumentAndChangesNothing() async throws {
        try await ServiceHarness().withGRPCClient { client in
            let metadata = ServiceHarness.metadata()
            _ = try await client.createCollection(try GRPCFixtures.createNotes(), metadata: metadata)
            _ = try await client.upsertDocuments(GRPCFixtures.threeNotes(), metadata: metadata)
            var describe = Vectordb_V1_DescribeCollectionRequest()
            describe.name = "notes"
            let before = try await client.describeCollection(describe, metadata: metadata)

            var shortVector = GRPCFixtures.threeNotes()
            shortVector.documents[2].clearText()
            shortVector.documents[2].vector = [0.5, 0.5]
            var unknownField = GRPCFixtures.threeNotes()
            unknownField.documents[1].fields.fields["colour"] = .init(stringValue: "red")
            var wrongType = GRPCFixtures.threeNotes()
            wrongType.documents[0].fields.fields["year"] = .init(stringValue: "2022")
            for batch in [
                shortVector, unknownField, wrongType,
                Vectordb_V1_UpsertDocumentsRequest.with { $0.collection = "notes" },
            ] {
                #expect(
                    await status { try await client.upsertDocuments(batch, metadata: metadata) }
                        == (.invalidArgument, "bad_input")
                )
            }

            var vectorSearch = Vectordb_V1_SearchRequest()
            vectorSearch.collection = "notes"
            vectorSearch.vector = [Float](repeating: 0.1, count: 31)
            var unknownFilter = GRPCFixtures.search(query: "foundry")
            unknownFilter.filterObject = try Google_Protobuf_Struct(jsonString: #"{"colour": "red"}"#)
            var typedFilter = GRPCFixtures.search(query: "foundry")
            typedFilter.filterObject = try Google_Protobuf_Struct(jsonString: #"{"year": {"gte": "2023"}}"#)
            var badExpression = GRPCFixtures.search(query: "foundry")
            badExpression.filterExpressions = .with { $0.expressions = ["year >>> 3"] }
            var zeroK = GRPCFixtures.search(query: "foundry")
            zeroK.k = 0
            var badMode = GRPCFixtures.search(query: "foundry")
            badMode.mode = "fuzzy"
            for search in [vectorSearch, unknownFilter, typedFilter, badExpression, zeroK, badMode] {
                #expect(
                    await status { try await client.search(search, metadata: metadata) } == (
                        .invalidArgument, "bad_input"
                    )
                )
            }
            var noSchema = try GRPCFixtures.createNotes("other")
            noSchema.schema = nil
            var badName = try GRPCFixtures.createNotes("../escape")
            badName.namedSchema = "sec"
            for create in [noSchema, badName] {
                #expect(
                    await status { try await client.createCollection(create, metadata: metadata) }
                        == (.invalidArgument, "bad_input")
                )
            }

            let after = try await client.describeCollection(describe, metadata: metadata)
            #expect(after == before)
            #expect(try await client.listCollections(.init(), metadata: metadata).collections.map(\.name) == ["notes"])
            var get = Vectordb_V1_GetDocumentRequest()
            get.collection = "notes"
            get.id = "n1"
            #expect(try await client.getDocument(get, metadata: metadata).fields.fields["year"]?.numberValue == 2022)
        }
    }
}
