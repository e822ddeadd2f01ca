import EDGARClient
import EDGARTestSupport
import Foundation
import Logging

/// A client pointed at a fake server, with short cool-downs and backoffs so fault tests stay fast.
struct ClientHarness {
    let server: FakeEDGARServer
    let client: EDGARHTTPClient<ContinuousClock>
    static let userAgent = "VectorDB Tests tests@vectordb.example"

    static func start(
        rate: Double = 10,
        coolDown: Duration = .milliseconds(200),
        attemptsMax: Int = 3,
        throttlesMax: Int = 2,
        requestTimeout: Duration = .seconds(10),
        bodyBytesMax: Int = 512 * 1024 * 1024,
        gzip: Bool = false
    ) async throws -> ClientHarness {
        let server = try await FakeEDGARServer.start(gzip: gzip)
        let configuration = try EDGARClientConfiguration(
            userAgent: try UserAgent(userAgent),
            wwwBaseURL: server.baseURL,
            dataBaseURL: server.baseURL,
            eftsBaseURL: server.baseURL,
            ratePerSecond: rate,
            retry: RetryPolicy(
                attemptsMax: attemptsMax,
                backoffBase: .milliseconds(10),
                backoffMax: .milliseconds(50),
                coolDown: coolDown,
                throttlesMax: throttlesMax
            ),
            requestTimeout: requestTimeout,
            bodyBytesMax: bodyBytesMax,
            randomSeed: 1
        )
        var logger = Logger(label: "edgar-tests")
        logger.logLevel = .error
        return ClientHarness(server: server, client: EDGARHTTPClient(configuration: configuration, logger: logger))
    }

    func stop() async {
        await client.shutdown()
        await server.shutdown()
    }

    var tenKPath: String { "/Archives/edgar/data/1999901/000199990125000004/hrsc-20241231.htm" }
    var tenKURL: String { server.baseURL + tenKPath }
}
