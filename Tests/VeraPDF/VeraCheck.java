import java.io.File;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.PDFAParser;
import org.verapdf.pdfa.PDFAValidator;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import org.verapdf.pdfa.results.TestAssertion;
import org.verapdf.pdfa.results.ValidationResult;
import org.verapdf.pdfa.validation.profiles.RuleId;
import org.verapdf.processor.reports.enums.JobEndStatus;

/**
 * Validates PDF files against PDF/A-2a and PDF/UA-1 with veraPDF's validation library, all files
 * in one JVM (starting Java costs more than checking a letter).
 *
 * Prints one JSON object per line for each file and profile:
 *   {"file":"…","profile":"PDF/A-2a","compliant":false,"failedRules":[{"clause":"6.2.4.3","test":2,
 *    "checks":1,"requirement":"…","message":"…","context":"…"}]}
 * or, when the file cannot be validated, {"file":"…","profile":"…","error":"…"}.
 * Exit status: 0 every file passes both profiles, 1 some rule failed, 2 some file could not be validated.
 */
public final class VeraCheck {
    /** The two profiles brev's PDFs claim in their XMP (pdfaid 2A, pdfuaid 1). */
    private static final Map<String, PDFAFlavour> PROFILES = new LinkedHashMap<>();
    static {
        PROFILES.put("PDF/A-2a", PDFAFlavour.PDFA_2_A);
        PROFILES.put("PDF/UA-1", PDFAFlavour.PDFUA_1);
    }

    /** Enough failed checks per rule to see a pattern; a broken file could otherwise yield thousands. */
    private static final int MAX_FAILED_CHECKS_PER_RULE = 20;

    public static void main(String[] args) {
        // The library logs parser notes on stderr through java.util.logging; the JSON lines are the result.
        Logger.getLogger("").setLevel(Level.OFF);
        VeraGreenfieldFoundryProvider.initialise();
        int status = 0;
        for (String path : args) {
            for (Map.Entry<String, PDFAFlavour> profile : PROFILES.entrySet()) {
                status = Math.max(status, check(path, profile.getKey(), profile.getValue()));
            }
        }
        System.out.flush();
        System.exit(status);
    }

    private static int check(String path, String profileName, PDFAFlavour flavour) {
        String head = "{\"file\":" + json(path) + ",\"profile\":" + json(profileName);
        if (!new File(path).isFile()) {
            System.out.println(head + ",\"error\":" + json("no such file") + "}");
            return 2;
        }
        try (PDFAParser parser = Foundries.defaultInstance().createParser(new File(path), flavour);
             PDFAValidator validator = Foundries.defaultInstance().createValidator(flavour, MAX_FAILED_CHECKS_PER_RULE, false, true, false)) {
            ValidationResult result = validator.validate(parser);
            if (result.getJobEndStatus() != JobEndStatus.NORMAL) {
                System.out.println(head + ",\"error\":" + json("validation ended: " + result.getJobEndStatus()) + "}");
                return 2;
            }
            System.out.println(head + ",\"compliant\":" + result.isCompliant() + ",\"failedRules\":" + failedRules(result) + "}");
            return result.isCompliant() ? 0 : 1;
        } catch (Exception | LinkageError e) {
            // A missing file, a PDF the parser refuses, or a class missing from the class path.
            System.out.println(head + ",\"error\":" + json(e.getClass().getSimpleName() + ": " + e.getMessage()) + "}");
            return 2;
        }
    }

    /** Each failed rule once, with its number of failed checks and the first failed check's words. */
    private static String failedRules(ValidationResult result) {
        List<String> rules = new ArrayList<>();
        for (Map.Entry<RuleId, Integer> failed : result.getFailedChecks().entrySet()) {
            RuleId rule = failed.getKey();
            TestAssertion first = null;
            for (TestAssertion assertion : result.getTestAssertions()) {
                if (assertion.getStatus() == TestAssertion.Status.FAILED && rule.equals(assertion.getRuleId())) {
                    first = assertion;
                    break;
                }
            }
            rules.add("{\"clause\":" + json(rule.getClause()) + ",\"test\":" + rule.getTestNumber()
                    + ",\"checks\":" + failed.getValue()
                    + ",\"requirement\":" + json(first == null ? null : first.getMessage())
                    + ",\"message\":" + json(first == null ? null : first.getErrorMessage())
                    + ",\"context\":" + json(first == null || first.getLocation() == null ? null : first.getLocation().getContext()) + "}");
        }
        rules.sort(null);
        return "[" + String.join(",", rules) + "]";
    }

    private static String json(String text) {
        if (text == null) return "null";
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"': out.append("\\\""); break;
                case '\\': out.append("\\\\"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                case '\t': out.append("\\t"); break;
                default:
                    if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
                    else out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
