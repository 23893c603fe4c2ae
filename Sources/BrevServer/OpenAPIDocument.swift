/// The OpenAPI 3.1 description of the service's routes. A test checks that every path and
/// method here is a route of the router and the reverse.
enum OpenAPIDocument {
    static let json: [UInt8] = Array(text.utf8)

    static let text = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "brev",
        "version": "1",
        "description": "Danish municipal letters for drug and alcohol treatment. Every route but /health and /ready needs a caseworker's token (brev users add NAME). Errors are RFC 9457 problem details with brev's code and the JSON path of every problem."
      },
      "security": [{"bearer": []}],
      "paths": {
        "/health": {
          "get": {"summary": "The service is up", "security": [], "responses": {"200": {"$ref": "#/components/responses/Status"}}}
        },
        "/ready": {
          "get": {"summary": "The pipelines are loaded", "security": [], "responses": {"200": {"$ref": "#/components/responses/Status"}}}
        },
        "/metrics": {
          "get": {"summary": "Renders, refusals and latencies in Prometheus' text format",
                  "responses": {"200": {"description": "metrics", "content": {"text/plain": {"schema": {"type": "string"}}}},
                                "401": {"$ref": "#/components/responses/Problem"}}}
        },
        "/": {"get": {"summary": "Page: to the letter form", "security": [], "responses": {"303": {"description": "redirect"}}}},
        "/login": {
          "get": {"summary": "Page: log in with the token", "security": [], "responses": {"200": {"$ref": "#/components/responses/Page"}}},
          "post": {"summary": "Page: log in; sets the session cookie", "security": [],
                   "requestBody": {"$ref": "#/components/requestBodies/Form"},
                   "responses": {"303": {"description": "logged in"}, "401": {"$ref": "#/components/responses/Page"},
                                 "403": {"$ref": "#/components/responses/Problem"}}}
        },
        "/logout": {"post": {"summary": "Page: log out", "security": [{"session": []}], "requestBody": {"$ref": "#/components/requestBodies/Form"},
                             "responses": {"303": {"description": "logged out"}, "403": {"$ref": "#/components/responses/Problem"}}}},
        "/breve/ny": {
          "get": {"summary": "Page: choose municipality and letter kind; the case form", "security": [{"session": []}],
                  "parameters": [{"name": "kommune", "in": "query", "schema": {"type": "string"}},
                                 {"name": "brevtype", "in": "query", "schema": {"type": "string"}}],
                  "responses": {"200": {"$ref": "#/components/responses/Page"}, "303": {"description": "to the log-in"}}},
          "post": {"summary": "Page: check the case, or download its PDF or message", "security": [{"session": []}],
                   "requestBody": {"$ref": "#/components/requestBodies/Form"},
                   "responses": {"200": {"description": "the form with its problems, or the letter"},
                                 "403": {"$ref": "#/components/responses/Problem"},
                                 "422": {"$ref": "#/components/responses/Page"}}}
        },
        "/breve/forhaandsvisning": {"post": {"summary": "Page: the live preview's problems and HTML twin", "security": [{"session": []}],
                                             "requestBody": {"$ref": "#/components/requestBodies/Form"},
                                             "responses": {"200": {"description": "problems at their fields, the HTML when it renders",
                                                                   "content": {"application/json": {"schema": {"type": "object"}}}},
                                                           "403": {"$ref": "#/components/responses/Problem"}}}},
        "/breve/brev.js": {"get": {"summary": "Page: the preview script", "security": [{"session": []}],
                                   "responses": {"200": {"description": "script", "content": {"text/javascript": {"schema": {"type": "string"}}}}}}},
        "/breve/sendt/{id}": {"get": {"summary": "Page: a letter that went out, opened again by its id (its PDF from the outbox)", "security": [{"session": []}],
                                      "parameters": [{"$ref": "#/components/parameters/LetterId"},
                                                     {"name": "format", "in": "query", "required": false, "schema": {"type": "string", "enum": ["pdf", "zip"], "default": "pdf"}}],
                                      "responses": {"200": {"$ref": "#/components/responses/SentLetter"}, "303": {"description": "to the log-in"},
                                                    "400": {"$ref": "#/components/responses/Problem"}, "404": {"$ref": "#/components/responses/Problem"},
                                                    "410": {"$ref": "#/components/responses/Problem"}}}},
        "/journal": {"get": {"summary": "Page: the journal of letters made (no CPR, no name)", "security": [{"session": []}],
                             "responses": {"200": {"$ref": "#/components/responses/Page"}}}},
        "/api/letter-kinds": {
          "get": {"summary": "The letter types brev has a template for",
                  "responses": {"200": {"description": "letter kinds", "content": {"application/json": {"schema": {"type": "array", "items": {
                    "type": "object", "required": ["letter_type", "template"],
                    "properties": {"letter_type": {"type": "string"}, "template": {"type": "string"}}}}}}},
                                "401": {"$ref": "#/components/responses/Problem"}}}
        },
        "/api/profiles": {
          "get": {"summary": "The municipalities' profiles",
                  "responses": {"200": {"description": "profiles", "content": {"application/json": {"schema": {"type": "array", "items": {
                    "type": "object", "required": ["id", "municipality_codes", "authority"],
                    "properties": {"id": {"type": "string"}, "municipality_codes": {"type": "array", "items": {"type": "string"}},
                                   "authority": {"type": "string"}}}}}}},
                                "401": {"$ref": "#/components/responses/Problem"}}}
        },
        "/api/templates": {
          "get": {"summary": "The letter templates",
                  "responses": {"200": {"description": "template names", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "string"}}}}},
                                "401": {"$ref": "#/components/responses/Problem"}}}
        },
        "/api/schemas/case": {
          "get": {"summary": "The case JSON Schema (draft 2020-12)",
                  "responses": {"200": {"description": "the schema", "content": {"application/schema+json": {"schema": {"type": "object"}}}},
                                "401": {"$ref": "#/components/responses/Problem"}}}
        },
        "/api/openapi.json": {
          "get": {"summary": "This document",
                  "responses": {"200": {"description": "OpenAPI 3.1", "content": {"application/json": {"schema": {"type": "object"}}}},
                                "401": {"$ref": "#/components/responses/Problem"}}}
        },
        "/api/journal": {
          "get": {"summary": "The letters made, newest first: who, when, letter id, kind, PDF hash; no CPR, no name",
                  "responses": {"200": {"description": "journal", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/JournalEntry"}}}}},
                                "401": {"$ref": "#/components/responses/Problem"}}}
        },
        "/api/check": {
          "post": {"summary": "Every problem with a case, as brev check prints them",
                   "requestBody": {"$ref": "#/components/requestBodies/Case"},
                   "responses": {"200": {"description": "the problems (ok is false when one is an error)", "content": {"application/json": {"schema": {
                       "type": "object", "required": ["ok", "problems"],
                       "properties": {"ok": {"type": "boolean"}, "problems": {"type": "array", "items": {"$ref": "#/components/schemas/ProblemItem"}}}}}}},
                                 "401": {"$ref": "#/components/responses/Problem"},
                                 "413": {"$ref": "#/components/responses/Problem"},
                                 "429": {"$ref": "#/components/responses/Problem"},
                                 "503": {"$ref": "#/components/responses/Problem"}}}
        },
        "/api/letters": {
          "post": {"summary": "Render the letter to the citizen",
                   "parameters": [{"name": "format", "in": "query", "required": false,
                                   "schema": {"type": "string", "enum": ["pdf", "html", "memo", "zip"], "default": "pdf"}}],
                   "requestBody": {"$ref": "#/components/requestBodies/Case"},
                   "responses": {"200": {"description": "the letter; the Brev-Letter-Id header names it",
                                         "content": {"application/pdf": {"schema": {"type": "string", "contentMediaType": "application/pdf"}},
                                                     "text/html": {"schema": {"type": "string"}},
                                                     "application/xml": {"schema": {"type": "string"}},
                                                     "application/zip": {"schema": {"type": "string", "contentMediaType": "application/zip"}}}},
                                 "400": {"$ref": "#/components/responses/Problem"},
                                 "401": {"$ref": "#/components/responses/Problem"},
                                 "413": {"$ref": "#/components/responses/Problem"},
                                 "422": {"$ref": "#/components/responses/Problem"},
                                 "429": {"$ref": "#/components/responses/Problem"},
                                 "503": {"$ref": "#/components/responses/Problem"}}}
        },
        "/api/letters/{id}": {
          "get": {"summary": "A letter that went out, opened again by its id only: its PDF, or every file as a zip, from the outbox",
                  "parameters": [{"$ref": "#/components/parameters/LetterId"},
                                 {"name": "format", "in": "query", "required": false, "schema": {"type": "string", "enum": ["pdf", "zip"], "default": "pdf"}}],
                  "responses": {"200": {"$ref": "#/components/responses/SentLetter"},
                                "400": {"$ref": "#/components/responses/Problem"},
                                "401": {"$ref": "#/components/responses/Problem"},
                                "404": {"$ref": "#/components/responses/Problem"},
                                "410": {"$ref": "#/components/responses/Problem"}}}
        },
        "/api/outbox": {
          "post": {"summary": "Send: put the case's letters into the outbox through the batch's journal, each letter id once",
                   "requestBody": {"$ref": "#/components/requestBodies/Case"},
                   "responses": {"200": {"description": "each letter of the case, sent now or found sent before",
                                         "content": {"application/json": {"schema": {"type": "object", "required": ["letters"], "properties": {
                                           "letters": {"type": "array", "items": {"$ref": "#/components/schemas/SentLetter"}}}}}}},
                                 "401": {"$ref": "#/components/responses/Problem"},
                                 "409": {"$ref": "#/components/responses/Problem"},
                                 "413": {"$ref": "#/components/responses/Problem"},
                                 "422": {"$ref": "#/components/responses/Problem"},
                                 "429": {"$ref": "#/components/responses/Problem"},
                                 "503": {"$ref": "#/components/responses/Problem"}}}
        }
      },
      "components": {
        "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"},
                            "session": {"type": "apiKey", "in": "cookie", "name": "brev_session"}},
        "parameters": {
          "LetterId": {"name": "id", "in": "path", "required": true, "description": "the letter's opaque id (Brev-Letter-Id)",
                       "schema": {"type": "string"}}
        },
        "requestBodies": {
          "Case": {"required": true, "description": "a case (Schemas/case.schema.json), at most 1000000 bytes",
                   "content": {"application/json": {"schema": {"type": "object"}}}},
          "Form": {"required": true, "description": "the page's form, with its _csrf field",
                   "content": {"application/x-www-form-urlencoded": {"schema": {"type": "object"}}}}
        },
        "responses": {
          "SentLetter": {"description": "the letter as it went out",
                         "content": {"application/pdf": {"schema": {"type": "string", "contentMediaType": "application/pdf"}},
                                     "application/zip": {"schema": {"type": "string", "contentMediaType": "application/zip"}}}},
          "Page": {"description": "an HTML page", "content": {"text/html": {"schema": {"type": "string"}}}},
          "Status": {"description": "status", "content": {"application/json": {"schema": {"type": "object", "additionalProperties": {"type": "string"}}}}},
          "Problem": {"description": "RFC 9457 problem details", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        },
        "schemas": {
          "ProblemItem": {"type": "object", "required": ["severity", "code", "path", "message"],
                          "properties": {"severity": {"enum": ["error", "warning"]}, "code": {"type": "string"},
                                         "path": {"type": "string", "description": "the JSON path of the field, e.g. $.citizen.cpr"},
                                         "message": {"type": "string"}}},
          "Problem": {"type": "object", "required": ["type", "title", "status", "code", "detail", "problems"],
                      "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                                     "code": {"type": "string"}, "detail": {"type": "string"}, "retry_after": {"type": "integer"},
                                     "problems": {"type": "array", "items": {"$ref": "#/components/schemas/ProblemItem"}}}},
          "SentLetter": {"type": "object", "required": ["letter_id", "name", "pdf_sha256", "dispatched_at", "already_sent"],
                         "properties": {"letter_id": {"type": "string"}, "name": {"type": "string"}, "pdf_sha256": {"type": "string"},
                                        "dispatched_at": {"type": "string", "format": "date-time"}, "already_sent": {"type": "boolean"}}},
          "JournalEntry": {"type": "object", "required": ["at", "caseworker", "action"],
                           "properties": {"at": {"type": "string", "format": "date-time"}, "caseworker": {"type": "string"},
                                          "action": {"type": "string"}, "letter_id": {"type": "string"},
                                          "letter_kind": {"type": "string"}, "pdf_sha256": {"type": "string"}}}
        }
      }
    }
    """#
}
