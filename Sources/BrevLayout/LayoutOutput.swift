/// Layout's output types live in BrevPages, so the PDF and PNG writers can depend on them
/// alone (DESIGN.md). Whoever lays a document out gets them with BrevLayout.
@_exported import BrevPages
