/// Values a one-shot command keeps until the process exits instead of freeing them.
///
/// A million-person import ends with a builder and a graph of about ten million heap
/// objects (ids, names, lists); releasing them one by one took 2–3 s of the command's
/// time, while the system takes the whole address space back at exit at once (the
/// technique of compilers such as clang's `-disable-free`).
enum ProcessLifetime {
    private final class Box<Value> {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    /// Keeps `value` alive until the process exits.
    static func keepUntilExit<Value>(_ value: Value) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
