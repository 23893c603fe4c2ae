/// Opens the journal a `--journal` value names: a `postgres://` URL is a PostgreSQL journal
/// shared by several workers, anything else a SQLite file.
public enum BatchJournalOpener {
    public static func open(_ location: String,
                            leaseSeconds: Double = PostgresBatchJournal.defaultLeaseSeconds) throws(JournalError) -> any BatchJournal {
        if PostgresJournalLocation.isPostgres(location) {
            return try PostgresBatchJournal(location: PostgresJournalLocation(url: location), leaseSeconds: leaseSeconds)
        }
        return try SQLiteBatchJournal(path: location)
    }
}
