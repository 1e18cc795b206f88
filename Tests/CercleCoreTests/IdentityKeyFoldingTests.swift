import CercleCore
import Foundation
import Testing

@Suite("Folding names for identity keys")
struct IdentityKeyFoldingTests {
    @Test("the fast folding agrees with Foundation's on Latin text, and falls back beyond it")
    func foldingAgrees() {
        let samples = [
            "Zoë Müller", "José Núñez", "Łukasz Wróbel", "Çağla Doğan", "Maja Åberg", "Siobhán O'Brien",
            "Burak Şahin", "Étienne Chevalier", "Ærø Straße", "Jeanne d'Arc-Müller", "  A.B., C ", "ǅemal Ǉubić",
            "Zoe\u{0308} Mu\u{0308}ller", "李雷", "Ιωάννης Παπαδόπουλος", "Kessler, Voss & Partner", "İstanbul Iğdır",
        ]
        for sample in samples {
            #expect(IdentityKey.fold(sample) == IdentityKey.foldUnicode(sample), "\(sample)")
        }
        for value in 0x80..<0x250 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a\(Character(scalar))b c"
            #expect(IdentityKey.fold(text) == IdentityKey.foldUnicode(text), "U+\(String(value, radix: 16))")
        }
    }
}
