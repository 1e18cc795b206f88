import Foundation

/// Colours for categories (communities, organisations), safe for colour-blind readers and
/// stable: category `i` always gets the same colour.
///
/// The first ten are Paul Tol's "muted" qualitative scheme plus his pale grey, designed to
/// stay distinguishable under the common forms of colour blindness. Beyond ten, colours
/// come from a fixed rule, never at random: the golden-angle hue sequence at medium
/// lightness and saturation (`hue = (i − 10) × 137.508° mod 360`, HSL 45 % / 55 %), and
/// the legend names the categories so colours need not carry the meaning alone.
///
/// [Tol 2021] P. Tol, "Colour Schemes", SRON/EPS/TN/09-002, https://personal.sron.nl/~pault/
public enum Palette {
    /// Tol's muted scheme: indigo, cyan, teal, green, olive, sand, rose, wine, purple, pale grey.
    public static let categorical: [String] = [
        "#332288", "#88CCEE", "#44AA99", "#117733", "#999933",
        "#DDCC77", "#CC6677", "#882255", "#AA4499", "#DDDDDD",
    ]

    /// The colour of category `index` as `#RRGGBB`.
    public static func color(_ index: Int) -> String {
        if index >= 0, index < categorical.count { return categorical[index] }
        let step = Double(max(0, index - categorical.count))
        let hue = (step * 137.507_764).truncatingRemainder(dividingBy: 360)
        return hex(hue: hue, saturation: 0.55, lightness: 0.45)
    }

    /// The colour of category `index` as red, green and blue in 0...255.
    public static func rgb(_ index: Int) -> (red: Int, green: Int, blue: Int) {
        let text = color(index).dropFirst()
        let value = Int(text, radix: 16) ?? 0
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }

    /// Dark text or light text, whichever reads better on `background`.
    public static func textColor(on background: String) -> String {
        let value = Int(background.dropFirst(), radix: 16) ?? 0
        let r = Double((value >> 16) & 0xFF), g = Double((value >> 8) & 0xFF), b = Double(value & 0xFF)
        return 0.299 * r + 0.587 * g + 0.114 * b > 150 ? "#222222" : "#FFFFFF"
    }

    static func hex(hue: Double, saturation: Double, lightness: Double) -> String {
        let chroma = (1 - abs(2 * lightness - 1)) * saturation
        let section = hue / 60
        let x = chroma * (1 - abs(section.truncatingRemainder(dividingBy: 2) - 1))
        let (r, g, b): (Double, Double, Double) = switch Int(section) {
        case 0: (chroma, x, 0)
        case 1: (x, chroma, 0)
        case 2: (0, chroma, x)
        case 3: (0, x, chroma)
        case 4: (x, 0, chroma)
        default: (chroma, 0, x)
        }
        let m = lightness - chroma / 2
        func byte(_ value: Double) -> Int { Int(((value + m) * 255).rounded()) }
        return String(format: "#%02X%02X%02X", byte(r), byte(g), byte(b))
    }
}
