/// The title block and legend of a map, as a Graphviz HTML-like label.
enum Legend {
    /// Entries per legend row.
    static let columns = 3

    static func html(_ scene: MapScene) -> String {
        var rows = [
            ##"<TR><TD COLSPAN="\##(columns * 2)" ALIGN="LEFT"><FONT POINT-SIZE="\##(size(20, scene))"><B>\##(escape(scene.title))</B></FONT></TD></TR>"##,
        ]
        if !scene.subtitle.isEmpty {
            rows.append(##"<TR><TD COLSPAN="\##(columns * 2)" ALIGN="LEFT"><FONT POINT-SIZE="\##(size(11, scene))" COLOR="#555555">\##(escape(scene.subtitle))</FONT></TD></TR>"##)
        }
        var index = 0
        while index < scene.legend.count {
            var cells = ""
            for entry in scene.legend[index..<min(index + columns, scene.legend.count)] {
                if let color = entry.color {
                    cells += ##"<TD BGCOLOR="\##(color)" WIDTH="\##(size(12, scene))" HEIGHT="\##(size(12, scene))" FIXEDSIZE="TRUE"></TD>"##
                } else {
                    cells += "<TD></TD>"
                }
                cells += ##"<TD ALIGN="LEFT"><FONT POINT-SIZE="\##(size(10, scene))">\##(escape(entry.text))</FONT></TD>"##
            }
            rows.append("<TR>\(cells)</TR>")
            index += columns
        }
        return ##"<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="3" CELLPADDING="1">\##(rows.joined())</TABLE>"##
    }

    static func size(_ points: Double, _ scene: MapScene) -> Int { Int((points * scene.fontScale).rounded()) }

    /// Escapes text for an HTML-like label, which rejects raw control characters: line
    /// breaks and tabs become spaces, the others are dropped.
    static func escape(_ text: String) -> String {
        let flat = String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar in
            scalar == "\n" || scalar == "\r" || scalar == "\t" ? " " : scalar.value < 0x20 ? nil : scalar
        }))
        return HTMLReport.escape(flat)
    }
}
