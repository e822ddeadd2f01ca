import Foundation
import Hummingbird
import PipelineConfig
import Testing

/// Goal: no response ever holds another tenant's document.
///
/// Strategy: three tenants create collections of the same names (`shared`, and one of their own)
/// and fill them with documents whose ids, titles and text carry the owner's name; then a seeded
/// random sequence of 3,000 requests — searches (query text, filters, vectors), document reads
/// and deletes of ids of any tenant, listings, descriptions, upserts, with the right key, another
/// tenant's key or none — is sent in process.
///
/// Invariants: no 2xx response names another tenant (every id, title and text it holds names the
/// caller's); a request for another tenant's collection is 404; without a valid key, 401; an error
/// response holds the error document only. A failure prints
/// the seed and the request index, which replay it.
@Suite struct IsolationTests {
    static let tenants = ["acme", "globex", "initech"]
    static let words = ["foundry", "wafer", "rates", "cyber", "supply", "revenue", "tax", "litigation", "climate"]

    @Test(arguments: [UInt64(16), 2026])
    func noResponseHoldsAnotherTenantsDocument(seed: UInt64) async throws {
        let settings = Self.tenants.map {
            TenantSettings(
                name: $0,
                keySHA256: [ServiceHarness.hash("key-\($0)")],
                ratePerSecond: 1_000_000,
                burst: 1_000_000
            )
        }
        try await ServiceHarness(tenants: settings).withClient { client in
            for tenant in Self.tenants {
                for collection in ["shared", "own-\(tenant)"] {
                    let created = try await client.call(
                        .post,
                        "/v1/collections",
                        as: tenant,
                        body: Fixtures.createNotes(collection)
                    )
                    #expect(created.status == 201)
                    let documents = (0..<12).map { index in
                        Fixtures.note(
                            "\(tenant)-\(index)",
                            title: "\(tenant) note",
                            year: 2020 + index % 5,
                            text:
                                "\(tenant) \(Self.words[index % Self.words.count]) \(Self.words[(index * 7) % Self.words.count])"
                        )
                    }
                    let body = #"{"documents": [\#(documents.joined(separator: ","))]}"#
                    #expect(
                        try await client.call(.post, "/v1/collections/\(collection)/documents", as: tenant, body: body)
                            .status == 200
                    )
                }
            }
            var random = SplitMix64(seed: seed)
            for index in 0..<3_000 {
                let request = Self.randomRequest(&random)
                let reply = try await client.call(
                    request.method,
                    request.path,
                    as: request.keyTenant,
                    key: request.keyTenant == nil ? request.rawKey : nil,
                    body: request.body,
                    contentType: request.contentType
                )
                let context =
                    "seed \(seed) request \(index): \(request.method) \(request.path) as \(request.keyTenant ?? "-")"
                guard let caller = request.keyTenant else {
                    #expect(reply.status == 401, "\(context)")
                    continue
                }
                guard (200..<300).contains(reply.status) else {
                    // An error document echoes what was asked, nothing stored.
                    #expect(reply.json?.keys == ["error"], "\(context): \(reply.text.prefix(200))")
                    if request.foreign { #expect(reply.status == 404, "\(context): \(reply.text.prefix(200))") }
                    continue
                }
                #expect(!request.foreign, "\(context) answered \(reply.status) for another tenant's collection")
                for other in Self.tenants where other != caller {
                    #expect(!reply.text.contains(other), "\(context) leaked \(other): \(reply.text.prefix(300))")
                }
            }
        }
    }

    struct RandomRequest {
        var method: HTTPRequest.Method
        var path: String
        var keyTenant: String?
        var rawKey: String?
        var body: String?
        var contentType = "application/json"
        /// Names another tenant's own collection: must be 404.
        var foreign = false
    }

    static func randomRequest(_ random: inout SplitMix64) -> RandomRequest {
        let caller = tenants[random.below(tenants.count)]
        let target = tenants[random.below(tenants.count)]
        let collection = random.below(2) == 0 ? "shared" : "own-\(target)"
        let foreign = collection != "shared" && target != caller
        let id = "\(target)-\(random.below(14))"
        var request: RandomRequest
        switch random.below(9) {
        case 0, 1, 2:
            let words = (0..<(1 + random.below(3))).map { _ in Self.words[random.below(Self.words.count)] }
            var body =
                #"{"query": "\#(words.joined(separator: " "))", "k": \#(1 + random.below(20)), "include": ["text", "fields"]"#
            if random.below(2) == 0 { body += #", "filter": {"year": {"gte": \#(2020 + random.below(5))}}"# }
            if random.below(3) == 0 { body += #", "mode": "lexical""# }
            request = RandomRequest(method: .post, path: "/v1/collections/\(collection)/search", body: body + "}")
        case 3:
            let vector = (0..<32).map { _ in String(Double(random.below(1_000)) / 1_000 - 0.5) }.joined(separator: ",")
            request = RandomRequest(
                method: .post,
                path: "/v1/collections/\(collection)/search",
                body: #"{"vector": [\#(vector)], "k": 30}"#
            )
        case 4:
            request = RandomRequest(method: .get, path: "/v1/collections/\(collection)/documents/\(id)")
        case 5:
            request = RandomRequest(
                method: .get,
                path: random.below(2) == 0 ? "/v1/collections" : "/v1/collections/\(collection)"
            )
        case 6:
            let body = Fixtures.note(
                "\(caller)-\(random.below(14))",
                title: "\(caller) note",
                year: 2024,
                text: "\(caller) added"
            )
            request = RandomRequest(
                method: .post,
                path: "/v1/collections/\(collection)/documents",
                body: body,
                contentType: "application/x-ndjson"
            )
        case 7:
            request = RandomRequest(method: .delete, path: "/v1/collections/\(collection)/documents/\(id)")
        default:
            request = RandomRequest(method: .get, path: "/v1/collections/\(collection)/snapshots")
        }
        request.keyTenant = caller
        request.foreign = foreign && request.path != "/v1/collections"
        if random.below(25) == 0 {
            request.keyTenant = nil
            request.rawKey = random.below(2) == 0 ? nil : "key-\(caller)x"
        }
        return request
    }
}

/// A seeded generator (SplitMix64): the same seed gives the same requests.
struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }

    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}
