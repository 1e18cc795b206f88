import Foundation

/// External plugins written as shell scripts in a folder, for host and conformance tests.
public enum FakePlugins {
    /// The descriptor a fake plugin prints for `--describe`.
    public static func descriptor(
        _ name: String, protocolVersion: Int = 1, imports: Bool = true, exports: Bool = true,
        extensions: [String]? = nil, sniff: [String] = []
    ) -> String {
        let extensionList = (extensions ?? [name]).map { "\"\($0)\"" }.joined(separator: ",")
        let patterns = sniff.map { "\"\($0)\"" }.joined(separator: ",")
        return #"{"name":"\#(name)","version":"0.1.0","protocol":\#(protocolVersion),"import":\#(imports),"export":\#(exports),"#
            + #""formats":[{"id":"\#(name)","name":"Fake \#(name)","extensions":[\#(extensionList)],"sniff":[\#(patterns)]}]}"#
    }

    /// Writes an executable `cercle-plugin-NAME` into `folder`: `--describe` prints
    /// `descriptor`, `import FILE` runs `importBody` and `export OUT` runs `exportBody`
    /// (POSIX shell; `$2` is the file).
    @discardableResult
    public static func write(
        _ name: String, in folder: URL, descriptor: String? = nil,
        importBody: String = "cat \"$2\"", exportBody: String = "cat > \"$2\""
    ) throws -> URL {
        let script = """
            #!/bin/sh
            if [ "$1" = "--describe" ]; then
              cat <<'DESCRIPTOR'
            \(descriptor ?? Self.descriptor(name))
            DESCRIPTOR
              exit 0
            fi
            if [ "$1" = "import" ]; then
            \(importBody)
            exit $?
            fi
            if [ "$1" = "export" ]; then
            \(exportBody)
            exit $?
            fi
            echo "usage: $0 --describe | import FILE | export OUT" >&2
            exit 2

            """
        let url = folder.appendingPathComponent("cercle-plugin-\(name)")
        try Data(script.utf8).write(to: url)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return url
    }
}
