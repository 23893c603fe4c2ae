import CLibXML2

/// Runs `xmlInitParser` once before this module's first libxml2 call: without it, two threads
/// deadlock creating libxml2's dictionary lock (see BrevDigitalPost's LibXML2Setup.swift).
let libxml2Initialized: Void = xmlInitParser()
