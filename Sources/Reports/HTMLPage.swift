extension HTMLReport {
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>\(HTML.escape(title))</title>
        <style>
        body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:24px auto;max-width:1360px;color:#222;padding:0 16px}
        h1{font-size:22px}h2{font-size:18px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}h3{font-size:14px;margin:4px 0}
        .meta{color:#666;font-size:12px}.note{background:#fff8e0;padding:6px 10px;border-left:3px solid #e0b000}
        .grid{display:flex;flex-wrap:wrap;gap:12px}.chart{background:#fff;border:1px solid #e4e4e4}
        .chart .title{font-size:13px;font-weight:600}.chart .tick{font-size:10px;fill:#555}.chart .axis{font-size:11px;fill:#333}
        .chart .legend{font-size:11px}.chart .plot{fill:#fcfcfc;stroke:#ccc}.chart .grid{stroke:#eee}.chart .cell{font-size:11px;font-weight:600}.chart .ci{font-size:9px;fill:#444}
        table{border-collapse:collapse;font-size:12px;margin:8px 0}td,th{border:1px solid #ddd;padding:3px 8px;text-align:right}
        td:first-child,td:nth-child(2),th{text-align:left}thead{background:#f4f4f4}.up{background:#e8f6e8}.down{background:#fbe9e9}
        .example{border:1px solid #e4e4e4;padding:8px 12px;margin:8px 0}blockquote{margin:6px 0;padding:6px 10px;background:#f7f7f7;white-space:pre-wrap}
        .empty{color:#888}.chart .reference{stroke:#555;stroke-dasharray:2 3}
        details{margin:8px 0}summary{cursor:pointer}pre.scenario{font-size:11px;background:#f7f7f7;padding:8px;overflow:auto;max-height:600px}
        .reply{display:flex;gap:12px;flex-wrap:wrap}.reply>div{flex:1 1 380px}.reply h4{font-size:12px;margin:4px 0}
        </style></head>
        <body>
        \(body)
        </body></html>

        """
    }
}
