import Foundation
import GRPCCore
import GRPCNIOTransportHTTP2Posix
import Logging
import SwiftProtobuf
import Testing

@testable import QueryService

/// The gRPC API of a `ServiceHarness` on a real HTTP/2 server at a free 127.0.0.1 port, called
/// through the generated client over grpc-swift's HTTP/2 transport.
typealias VectorDBClient = Vectordb_V1_VectorDB.Client<HTTP2ClientTransport.Posix>

extension ServiceHarness {
    /// Runs `body` with a client of this harness's API served over gRPC, then stops the server,
    /// shuts the stores down and removes the data directory.
    func withGRPCClient<T: Sendable>(_ body: (VectorDBClient) async throws -> T) async throws -> T {
        var logger = Logger(label: "test.grpc")
        logger.logLevel = .critical
        let service = GRPCServerService(
            service: QueryGRPCService(api: api, auth: mode, logger: logger),
            host: "127.0.0.1",
            port: 0,
            messageBytesMax: api.limits.bodyBytesMax,
            logger: logger
        )
        let server = service.server
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await server.serve() }
            defer { server.beginGracefulShutdown() }
            let port = try #require(try await server.listeningAddress?.ipv4?.port)
            let transport = try HTTP2ClientTransport.Posix(
                target: .ipv4(address: "127.0.0.1", port: port),
                transportSecurity: .plaintext
            )
            return try await GRPCCore.withGRPCClient(transport: transport) { client in
                try await body(Vectordb_V1_VectorDB.Client(wrapping: client))
            }
        }
        await api.stores.shutdown()
        return result
    }

    /// `authorization: Bearer KEY` of `tenant` (nil: no key), or of `key` when given.
    static func metadata(_ tenant: String? = "acme", key: String? = nil) -> Metadata {
        guard let key = key ?? tenant.flatMap({ keys[$0] }) else { return [:] }
        return ["authorization": "Bearer \(key)"]
    }
}

/// Requests the gRPC tests share.
enum GRPCFixtures {
    /// `CreateCollection` of `Fixtures.notesSchema` with the 32-dimension hashing embedder.
    static func createNotes(_ name: String = "notes") throws -> Vectordb_V1_CreateCollectionRequest {
        var request = Vectordb_V1_CreateCollectionRequest()
        request.name = name
        request.customSchema = try Google_Protobuf_Struct(jsonString: Fixtures.notesSchema)
        request.embedder.provider = "hashing"
        request.embedder.dimension = 32
        return request
    }

    static func note(_ id: String, title: String, year: Int, text: String) -> Vectordb_V1_DocumentInput {
        var document = Vectordb_V1_DocumentInput()
        document.id = id
        document.fields = ["title": .init(stringValue: title), "year": .init(numberValue: Double(year))]
        document.text = text
        return document
    }

    /// The three notes of `Fixtures.threeNotes`.
    static func threeNotes(_ collection: String = "notes") -> Vectordb_V1_UpsertDocumentsRequest {
        var request = Vectordb_V1_UpsertDocumentsRequest()
        request.collection = collection
        request.documents = [
            note("n1", title: "foundry", year: 2022, text: "We rely on a single third-party foundry for wafer supply."),
            note("n2", title: "rates", year: 2023, text: "Interest rate changes affect our borrowing costs."),
            note("n3", title: "cyber", year: 2024, text: "A cybersecurity incident could disrupt our operations."),
        ]
        return request
    }

    static func search(_ collection: String = "notes", query: String) -> Vectordb_V1_SearchRequest {
        var request = Vectordb_V1_SearchRequest()
        request.collection = collection
        request.query = query
        return request
    }
}

/// The gRPC code and `error-code` trailer a call fails with; both `nil` when it succeeds.
func status<T: Sendable>(_ call: () async throws -> T) async -> (code: RPCError.Code?, errorCode: String?) {
    do {
        _ = try await call()
        return (nil, nil)
    } catch let error as RPCError {
        return (error.code, GRPCCall.first("error-code", error.metadata))
    } catch {
        return (.unknown, "\(error)")
    }
}
