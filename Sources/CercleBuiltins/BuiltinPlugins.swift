import CercleAddressBookCSV
import CercleCRM
import CercleCSV
import CercleDOT
import CercleGEXF
import CercleGML
import CerclePajek
import CercleGraphML
import CercleICalendar
import CercleJSONGraph
import CercleJSONLines
import CercleLinkedIn
import CercleMbox
import CercleTemplate
import CercleVCard
import CerclePlugin

extension PluginRegistry {
    /// Every built-in importer and exporter, in one list.
    ///
    /// Swift cannot discover types at run time, so a new in-tree plugin is added here
    /// (and as a target in Package.swift). Order matters only to break sniffing ties of
    /// equal confidence and quality: earlier wins.
    public static let builtIn = PluginRegistry(
        importers: [
            LinkedInConnectionsImporter(),
            LinkedInMessagesImporter(),
            VCardImporter(),
            GoogleContactsImporter(),
            OutlookContactsImporter(),
            CRMImporter(),
            MboxImporter(),
            ICalendarImporter(),
            CSVNodeTableImporter(),
            CSVEdgeListImporter(),
            JSONLinesImporter(),
            NodeLinkJSONImporter(),
            GraphMLImporter(),
            GEXFImporter(),
            GMLImporter(),
            PajekImporter(),
            DOTImporter(),
            PairsImporter(),
        ],
        exporters: [
            CSVEdgeListExporter(),
            CSVNodeTableExporter(),
            JSONLinesExporter(),
            NodeLinkJSONExporter(),
            GraphMLExporter(),
            GEXFExporter(),
            GMLExporter(),
            PajekExporter(),
            DOTExporter(),
            PairsExporter(),
        ]
    )
}
