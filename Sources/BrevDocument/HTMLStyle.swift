/// The HTML twin's stylesheet. On a desktop screen the letter is a sheet like the PDF's page:
/// the letterhead at the top right, the address beside the case info, a measure of about 70
/// characters, the PDF's heading scale (15 : 11.5 : 10.5 over a 10 pt body). On a phone it is one
/// column that never scrolls sideways; printed, it is an A4 letter with the PDF's margins.
enum HTMLStyle {
    static func sheet(fontStack: String) -> String {
        """
        html { background: #eef0f2; }
        body { margin: 0; font-family: \(fontStack); font-size: 1rem; line-height: 1.45; color: #111; overflow-wrap: break-word; }
        .sheet { box-sizing: border-box; max-width: 50rem; margin: 2rem auto; padding: 3rem 4rem 4rem; background: #fff; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.18); }
        .sheet > * { max-width: 38rem; }
        .sheet > .opening, .sheet > table.content { max-width: none; }
        p { margin: 0 0 0.6em; }
        h1 { font-size: 1.5em; line-height: 1.25; margin: 1.4em 0 0.6em; }
        h2 { font-size: 1.15em; line-height: 1.3; margin: 1.4em 0 0.4em; }
        h3, h4, h5, h6 { font-size: 1.05em; margin: 1.1em 0 0.3em; }
        ul, ol { padding-left: 1.4em; margin: 0 0 0.6em; }
        li { margin: 0 0 0.3em; }
        a { color: #0b4f8a; overflow-wrap: anywhere; }
        .opening { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 18rem); grid-template-areas: "blank head" "addr info"; column-gap: 2rem; row-gap: 1.5rem; margin-bottom: 2.5rem; }
        .letterhead { grid-area: head; font-size: 0.9em; }
        .letterhead p:first-child { font-size: 1.2em; }
        .letterhead p, .recipient p, .signature p { margin: 0; }
        .address-field { grid-area: addr; align-self: start; }
        .return-address { font-size: 0.8em; margin: 0 0 0.5em; padding-bottom: 0.2em; border-bottom: 1px solid #555; }
        .caseinfo { grid-area: info; align-self: start; border-collapse: collapse; font-size: 0.9em; }
        .caseinfo th { text-align: left; font-weight: normal; padding: 0 0.8em 0 0; vertical-align: top; white-space: nowrap; }
        .caseinfo td { padding: 0; }
        .signature { margin-top: 1.5em; }
        /* The decision, framed as in the PDF: a dark blue frame and left rule on a faint blue tint. */
        .decision { margin: 1em 0 1.2em; padding: 0.7em 0.9em 0.3em; border: 1px solid #1f406b; border-left-width: 4px; background: #f0f5fb; }
        .decision h2 { margin-top: 0; }
        table.content { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; }
        table.content th, table.content td { text-align: left; vertical-align: top; padding: 0.35em 0.6em 0.35em 0; border-bottom: 1px solid #8a8a8a; }
        table.content thead th { border-bottom: 2px solid #111; }
        hr.page-break { border: 0; border-top: 1px dashed #8a8a8a; margin: 2rem 0; }
        .footnotes { margin-top: 2rem; border-top: 1px solid #8a8a8a; font-size: 0.9em; }
        sup { line-height: 0; }
        /* A phone: one column in reading order, the sheet edge to edge. */
        @media (max-width: 40rem) {
          html { background: #fff; }
          .sheet { margin: 0; padding: 1rem; box-shadow: none; }
          .opening { grid-template-columns: minmax(0, 1fr); grid-template-areas: none; row-gap: 1rem; }
          .opening > * { grid-area: auto; }
        }
        /* Paper: A4 with the PDF's margins and sizes. */
        @media print {
          @page { size: A4; margin: 18mm 20mm 22mm 25mm; }
          html { background: none; }
          body { font-size: 10pt; }
          .sheet { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          .sheet > * { max-width: none; }
          a { color: inherit; }
          h1, h2, h3 { break-after: avoid; }
          tr, li, .signature, .decision { break-inside: avoid; }
          hr.page-break { border: 0; margin: 0; break-after: page; }
        }

        """
    }
}
