import CLibXML2

/// libxml2 2.9 must be initialised once before two threads use it: its dictionaries create
/// their global lock lazily, and two threads that race there deadlock (seen in the test
/// suite: both waiting in `xmlRMutexLock` under `xmlDictCreate`). `xmlInitParser` is itself
/// safe to call from several threads; a Swift global runs it once, on first use.
let libxml2Initialized: Void = xmlInitParser()
