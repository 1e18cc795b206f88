import Foundation

/// A self-contained HTML report: one file with the map as inline SVG, the tables, the
/// CSS and a little plain JavaScript (search, highlight, zoom and pan). It loads nothing
/// from the network and opens in any browser from the disk.
///
/// The page reports itself to automated checks: once its script has run, `<body>` has
/// `data-ready="true"`, `data-map-nodes` (the map's node elements it found) and
/// `data-errors` (script errors caught on the page).
public struct HTMLReport: Sendable {
    /// One table of the report.
    public struct Section: Sendable {
        public var id: String
        public var title: String
        /// A sentence that says how to read the table.
        public var intro: String
        public var headers: [String]
        public var rows: [Row]

        public init(id: String, title: String, intro: String, headers: [String], rows: [Row]) {
            self.id = id
            self.title = title
            self.intro = intro
            self.headers = headers
            self.rows = rows
        }
    }

    public struct Row: Sendable {
        public var cells: [String]
        /// The map element the row stands for (`n12`, `c3`): clicking the row highlights it.
        public var mapID: String?

        public init(_ cells: [String], mapID: String? = nil) {
            self.cells = cells
            self.mapID = mapID
        }
    }

    public var title: String
    public var subtitle: String
    /// Overview figures, label and value.
    public var figures: [(String, String)]
    /// Graphviz's SVG of the map.
    public var mapSVG: String
    public var mapCaption: String
    /// Labels of the map's elements by id, for the search box.
    public var searchIndex: [(id: String, text: String)]
    public var sections: [Section]
    public var footer: String

    public init(title: String, subtitle: String, figures: [(String, String)], mapSVG: String, mapCaption: String,
                searchIndex: [(id: String, text: String)], sections: [Section], footer: String) {
        self.title = title
        self.subtitle = subtitle
        self.figures = figures
        self.mapSVG = mapSVG
        self.mapCaption = mapCaption
        self.searchIndex = searchIndex
        self.sections = sections
        self.footer = footer
    }

    /// The whole page.
    public func html() -> String {
        var page = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
            <title>\(Self.escape(title))</title>
            <style>\(Self.css)</style>
            </head>
            <body data-ready="false">
            <header><h1>\(Self.escape(title))</h1><p class="subtitle">\(Self.escape(subtitle))</p></header>
            <nav>\(sections.map { "<a href=\"#\(Self.escape($0.id))\">\(Self.escape($0.title))</a>" }.joined(separator: " "))</nav>
            <section class="figures">
            """
        for (label, value) in figures {
            page += "<div class=\"figure\"><span class=\"value\">\(Self.escape(value))</span><span class=\"label\">\(Self.escape(label))</span></div>"
        }
        page += """
            </section>
            <section id="map-section">
            <h2>Map</h2>
            <div class="toolbar"><input id="search" type="search" placeholder="Find a person or community…" autocomplete="off">
            <span id="search-count"></span>
            <button id="zoom-in" type="button" title="Zoom in">+</button><button id="zoom-out" type="button" title="Zoom out">−</button><button id="zoom-reset" type="button">Reset</button></div>
            <div id="map">\(Self.inlineSVG(mapSVG))</div>
            <p class="caption">\(Self.escape(mapCaption))</p>
            </section>
            """
        for section in sections {
            page += "<section id=\"\(Self.escape(section.id))\"><h2>\(Self.escape(section.title))</h2>"
            page += "<p class=\"intro\">\(Self.escape(section.intro))</p>"
            if section.rows.isEmpty {
                page += "<p class=\"empty\">Nothing to show.</p></section>\n"
                continue
            }
            page += "<table><thead><tr>" + section.headers.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr></thead><tbody>"
            for row in section.rows {
                let target = row.mapID.map { " data-map=\"\(Self.escape($0))\" class=\"linked\"" } ?? ""
                page += "<tr\(target)>" + row.cells.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>"
            }
            page += "</tbody></table></section>\n"
        }
        let index = searchIndex.map { "[\(Self.jsString($0.id)),\(Self.jsString($0.text))]" }.joined(separator: ",")
        page += """
            <footer>\(Self.escape(footer))</footer>
            <script>const CERCLE_INDEX = [\(index)];
            \(Self.script)</script>
            </body>
            </html>

            """
        return page
    }

    /// Graphviz's SVG without its XML prolog and DOCTYPE, which HTML does not allow inline.
    static func inlineSVG(_ svg: String) -> String {
        guard let start = svg.range(of: "<svg") else { return "" }
        return String(svg[start.lowerBound...])
    }

    /// Escapes the five characters HTML and XML give a meaning to.
    public static func escape(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&#39;"
            default: result.unicodeScalars.append(character)
            }
        }
        return result
    }

    /// A JavaScript string literal that is also safe inside `<script>` (no `</script>`).
    static func jsString(_ text: String) -> String {
        var result = "\""
        for character in text.unicodeScalars {
            switch character {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "<": result += "\\u003c"
            case ">": result += "\\u003e"
            case "&": result += "\\u0026"
            case "\u{2028}": result += "\\u2028"
            case "\u{2029}": result += "\\u2029"
            default:
                if character.value < 0x20 {
                    result += String(format: "\\u%04x", character.value)
                } else {
                    result.unicodeScalars.append(character)
                }
            }
        }
        return result + "\""
    }

    static let css = """
        :root { --ink: #222; --muted: #666; --line: #ddd; --accent: #CC6677; }
        * { box-sizing: border-box; }
        body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", "DejaVu Sans", sans-serif; color: var(--ink); margin: 0 auto; max-width: 1200px; padding: 1.5rem; }
        h1 { margin: 0; font-size: 1.8rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--line); padding-bottom: .3rem; }
        .subtitle, .intro, .caption, footer { color: var(--muted); }
        nav a { margin-right: 1rem; color: #336; }
        .figures { display: flex; flex-wrap: wrap; gap: .8rem; margin-top: 1rem; }
        .figure { border: 1px solid var(--line); border-radius: 6px; padding: .6rem .9rem; min-width: 9rem; }
        .figure .value { display: block; font-size: 1.4rem; font-weight: 600; }
        .figure .label { color: var(--muted); font-size: .85rem; }
        .toolbar { display: flex; gap: .5rem; align-items: center; margin-bottom: .5rem; }
        #search { flex: 1; max-width: 24rem; padding: .35rem .5rem; }
        #map { border: 1px solid var(--line); border-radius: 6px; overflow: hidden; height: 75vh; background: #fff; cursor: grab; }
        #map svg { width: 100%; height: 100%; }
        #map.dimmed g.node:not(.hit) { opacity: .25; }
        #map g.node.hit ellipse, #map g.node.hit polygon { stroke: var(--accent); stroke-width: 4px; }
        table { border-collapse: collapse; width: 100%; font-size: .92rem; }
        th, td { text-align: left; padding: .3rem .5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
        th { background: #f6f6f6; position: sticky; top: 0; }
        tr.linked { cursor: pointer; } tr.linked:hover { background: #f3f0f6; }
        footer { margin-top: 2rem; font-size: .85rem; }
        """

    static let script = """
        (function () {
          "use strict";
          var errors = [];
          window.addEventListener("error", function (event) { errors.push(String(event.message)); document.body.dataset.errors = String(errors.length); });
          var map = document.getElementById("map");
          var svg = map.querySelector("svg");
          var nodes = svg ? svg.querySelectorAll("g.node") : [];
          var box = null;
          if (svg) {
            var parts = (svg.getAttribute("viewBox") || "0 0 100 100").split(/[ ,]+/).map(Number);
            box = { x: parts[0], y: parts[1], w: parts[2], h: parts[3] };
            svg.removeAttribute("width"); svg.removeAttribute("height");
          }
          var home = box ? { x: box.x, y: box.y, w: box.w, h: box.h } : null;
          function show() { if (svg && box) { svg.setAttribute("viewBox", [box.x, box.y, box.w, box.h].join(" ")); } }
          function zoom(factor, cx, cy) {
            if (!box) { return; }
            var x = cx === undefined ? box.x + box.w / 2 : cx, y = cy === undefined ? box.y + box.h / 2 : cy;
            box = { x: x - (x - box.x) * factor, y: y - (y - box.y) * factor, w: box.w * factor, h: box.h * factor };
            show();
          }
          function point(event) {
            var rect = svg.getBoundingClientRect();
            var scale = Math.max(box.w / rect.width, box.h / rect.height);
            return { x: box.x + (event.clientX - rect.left) * scale, y: box.y + (event.clientY - rect.top) * scale, scale: scale };
          }
          if (svg) {
            map.addEventListener("wheel", function (event) {
              event.preventDefault();
              var p = point(event);
              zoom(event.deltaY > 0 ? 1.2 : 1 / 1.2, p.x, p.y);
            }, { passive: false });
            var drag = null;
            map.addEventListener("mousedown", function (event) {
              var rect = svg.getBoundingClientRect();
              drag = { cx: event.clientX, cy: event.clientY, x: box.x, y: box.y, scale: Math.max(box.w / rect.width, box.h / rect.height) };
              map.style.cursor = "grabbing";
            });
            window.addEventListener("mouseup", function () { drag = null; map.style.cursor = ""; });
            map.addEventListener("mousemove", function (event) {
              if (!drag) { return; }
              box.x = drag.x - (event.clientX - drag.cx) * drag.scale;
              box.y = drag.y - (event.clientY - drag.cy) * drag.scale;
              show();
            });
          }
          document.getElementById("zoom-in").addEventListener("click", function () { zoom(1 / 1.4); });
          document.getElementById("zoom-out").addEventListener("click", function () { zoom(1.4); });
          document.getElementById("zoom-reset").addEventListener("click", function () { if (home) { box = { x: home.x, y: home.y, w: home.w, h: home.h }; show(); } });
          function highlight(ids) {
            Array.prototype.forEach.call(nodes, function (node) { node.classList.toggle("hit", ids.has(node.id)); });
            map.classList.toggle("dimmed", ids.size > 0);
          }
          var search = document.getElementById("search");
          var counter = document.getElementById("search-count");
          search.addEventListener("input", function () {
            var query = search.value.trim().toLowerCase();
            var ids = new Set();
            if (query.length > 0) {
              CERCLE_INDEX.forEach(function (entry) { if (entry[1].toLowerCase().indexOf(query) >= 0) { ids.add(entry[0]); } });
            }
            highlight(ids);
            counter.textContent = query.length > 0 ? ids.size + " found" : "";
          });
          Array.prototype.forEach.call(document.querySelectorAll("tr[data-map]"), function (row) {
            row.addEventListener("click", function () {
              highlight(new Set([row.dataset.map]));
              map.scrollIntoView({ behavior: "smooth", block: "center" });
            });
          });
          document.body.dataset.mapNodes = String(nodes.length);
          document.body.dataset.errors = String(errors.length);
          document.body.dataset.ready = "true";
        })();
        """
}
