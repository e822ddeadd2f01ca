import Hummingbird

/// The web search page (`GET /` and `GET /static/{file}`): plain HTML, CSS and JavaScript from
/// `Sources/QueryService/web/`, compiled into the binary (SwiftPM `embedInCode`), so an installed
/// or copied `vectordb` serves it with no files beside it. Served without authentication; the page
/// itself calls the API with the key the person enters (docs/service.md, "The search page").
struct SearchPage: Sendable {
    /// One file of the page: its bytes and media type.
    struct Asset: Sendable {
        var bytes: [UInt8]
        var contentType: String
    }

    /// The page's files by URL path.
    let assets: [String: Asset] = [
        "/": Asset(bytes: PackageResources.index_html, contentType: "text/html; charset=utf-8"),
        "/static/app.js": Asset(bytes: PackageResources.app_js, contentType: "text/javascript; charset=utf-8"),
        "/static/style.css": Asset(bytes: PackageResources.style_css, contentType: "text/css; charset=utf-8"),
    ]

    /// Only the page's own files, scripts included; no inline script, no other origin (the snippets
    /// the page renders are the server's HTML-escaped text).
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
        + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

    /// The asset at the request's path.
    ///
    /// - Throws: `APIError` 404 `no_route` for a path the page does not have.
    @Sendable func serve(_ request: Request, _ context: ServiceRequestContext) async throws -> Response {
        guard let asset = assets[request.uri.path] else {
            throw APIError(.notFound, code: "no_route", message: "no file \(request.uri.path)")
        }
        var headers = HTTPFields()
        headers[.contentType] = asset.contentType
        headers[.cacheControl] = "no-cache"
        headers[.contentSecurityPolicy] = Self.contentSecurityPolicy
        headers[.xContentTypeOptions] = "nosniff"
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: asset.bytes)))
    }
}
