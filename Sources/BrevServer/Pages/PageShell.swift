import Hummingbird
import NIOCore

/// The frame of every page: Danish, one stylesheet inline, nothing from another host.
enum PageShell {
    /// Pages load nothing from elsewhere; the preview frame shows brev's own HTML without scripts
    /// (its fonts travel inside it as data: URLs, hence font-src data:).
    static let contentSecurityPolicy = "default-src 'self'; font-src 'self' data:; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-src 'self'; form-action 'self'; frame-ancestors 'none'"

    static func page(title: String, caseworker: String?, csrf: String?, body: String, script: Bool = false) -> String {
        let nav = caseworker.map { name in
            """
            <nav aria-label="Hovedmenu"><ul><li><a href="/breve/ny">Nyt brev</a></li><li><a href="/journal">Journal</a></li>
            <li><form method="post" action="/logout"><input type="hidden" name="_csrf" value="\(HTML.escape(csrf ?? ""))">
            <button type="submit">Log ud (\(HTML.escape(name)))</button></form></li></ul></nav>
            """
        } ?? ""
        return """
        <!DOCTYPE html>
        <html lang="da"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTML.escape(title)) – brev</title><style>\(css)</style></head>
        <body><a class="spring" href="#indhold">Gå til indhold</a><header><p class="logo">brev</p>\(nav)</header>
        <main id="indhold"><h1>\(HTML.escape(title))</h1>
        \(body)
        </main>\(script ? "<script src=\"/breve/brev.js\"></script>" : "")</body></html>
        """
    }

    static func response(_ html: String, status: HTTPResponse.Status = .ok, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.contentType: "text/html; charset=utf-8", .contentSecurityPolicy: contentSecurityPolicy,
                                   .cacheControl: "no-store"]
        headers.append(contentsOf: extra)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    static func redirect(to location: String, headers extra: HTTPFields = [:]) -> Response {
        var headers: HTTPFields = [.location: location]
        headers.append(contentsOf: extra)
        return Response(status: .seeOther, headers: headers)
    }

    /// High contrast (WCAG 1.4.3), a visible focus ring (2.4.7, 2.4.11) and targets of at least 24 px (2.5.8).
    static let css = """
    body{font-family:system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fff;line-height:1.5}
    header{display:flex;justify-content:space-between;align-items:center;padding:.5rem 1rem;background:#0b3d5c;color:#fff}
    header a,header button{color:#fff}.logo{font-weight:bold;margin:0}
    nav ul{list-style:none;display:flex;gap:1rem;margin:0;padding:0}nav form{margin:0}
    nav button{background:none;border:1px solid #fff;padding:.25rem .5rem;min-height:24px;cursor:pointer}
    main{padding:1rem;max-width:80rem}
    .spring{position:absolute;left:-999px}.spring:focus{left:1rem;top:1rem;background:#fff;color:#000;padding:.5rem;z-index:1}
    :focus-visible{outline:3px solid #c25400;outline-offset:2px}
    label{display:block;font-weight:600}.hjaelp{margin:.1rem 0;color:#444;font-size:.9rem}
    input,select,textarea{font:inherit;min-height:24px;padding:.25rem;border:1px solid #555;max-width:100%}
    input[type=text],textarea{width:30rem}
    .felt{margin:.75rem 0}.gruppe{border:1px solid #999;margin:1rem 0;padding:.5rem 1rem}
    .fejl{color:#a00000;font-weight:600;margin:.2rem 0}.har-fejl input,.har-fejl select,.har-fejl textarea{border:2px solid #a00000}
    .kode{font-family:monospace;font-weight:normal}.sr{position:absolute;left:-999px}
    .fejlopsummering{border:3px solid #a00000;padding:.5rem 1rem;margin:1rem 0}.fejlopsummering a{color:#a00000}
    .arbejde{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:1.5rem}
    iframe{width:100%;height:80vh;border:1px solid #999}
    button{font:inherit;min-height:24px;padding:.4rem .8rem;cursor:pointer}.valg{display:inline-block;font-weight:normal;margin-right:1rem}
    table{border-collapse:collapse}th,td{border:1px solid #999;padding:.25rem .5rem;text-align:left}
    """
}
