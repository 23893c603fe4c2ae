/// The pages' only script (served from /breve/brev.js, no framework): as the caseworker types,
/// it sends the form (debounced) to /breve/forhaandsvisning, shows each error at its field and
/// the letter's HTML twin in the preview frame. The form works without it.
enum PreviewScript {
    static let text = #"""
    "use strict";
    (function () {
      const form = document.getElementById("sag");
      const frame = document.getElementById("forhaandsvisning");
      const status = document.getElementById("status");
      if (!form || !frame) return;
      let timer = null;
      let sequence = 0;

      function clearErrors() {
        form.querySelectorAll(".live-fejl").forEach(function (e) { e.remove(); });
        form.querySelectorAll("[data-live-invalid]").forEach(function (e) {
          e.removeAttribute("aria-invalid");
          e.removeAttribute("data-live-invalid");
          const ids = (e.getAttribute("aria-describedby") || "").split(" ").filter(function (id) { return !id.endsWith("-live"); });
          if (ids.length) { e.setAttribute("aria-describedby", ids.join(" ")); } else { e.removeAttribute("aria-describedby"); }
        });
      }

      function showError(problem) {
        const field = document.getElementById("f-" + problem.field.split(".").join("-"));
        if (!field) return;
        let message = document.getElementById(field.id + "-live");
        if (!message) {
          message = document.createElement("p");
          message.className = "fejl live-fejl";
          message.id = field.id + "-live";
          field.insertAdjacentElement("beforebegin", message);
          const ids = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
          ids.push(message.id);
          field.setAttribute("aria-describedby", ids.join(" "));
        } else {
          message.appendChild(document.createElement("br"));
        }
        const code = document.createElement("span");
        code.className = "kode";
        code.textContent = problem.code;
        message.appendChild(code);
        message.appendChild(document.createTextNode(" " + problem.message));
        field.setAttribute("aria-invalid", "true");
        field.setAttribute("data-live-invalid", "");
      }

      async function update() {
        const mine = ++sequence;
        let answer;
        try {
          const response = await fetch("/breve/forhaandsvisning", {
            method: "POST", credentials: "same-origin",
            headers: { "Content-Type": "application/x-www-form-urlencoded" },
            body: new URLSearchParams(new FormData(form)).toString()
          });
          answer = await response.json();
          if (!response.ok && !answer.problems) { status.textContent = "Forhåndsvisningen kunne ikke hentes (" + (answer.code || response.status) + ")."; return; }
        } catch (e) {
          status.textContent = "Forhåndsvisningen kunne ikke hentes.";
          return;
        }
        if (mine !== sequence) return;
        // The server's errors from the last submit give way to the live ones.
        form.querySelectorAll(".fejl:not(.live-fejl)").forEach(function (e) { e.remove(); });
        clearErrors();
        const errors = answer.problems.filter(function (p) { return p.severity === "error"; });
        errors.filter(function (p) { return p.field; }).forEach(showError);
        if (answer.ok) {
          frame.srcdoc = answer.html;
          status.textContent = "Forhåndsvisningen er opdateret.";
        } else {
          status.textContent = "Sagen har " + errors.length + " fejl." +
            errors.filter(function (p) { return !p.field; }).map(function (p) { return " " + p.code + ": " + p.message; }).join("");
        }
      }

      form.addEventListener("input", function () {
        clearTimeout(timer);
        timer = setTimeout(update, 250);
      });
      update();
    })();
    """#
}
