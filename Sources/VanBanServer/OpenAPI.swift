import Hummingbird

/// The OpenAPI 3.1 description served at /openapi.json. A test requests every path in it and
/// checks that every route of the server is in it, so it cannot drift from the code.
enum OpenAPI {
    static let response = Response.text(document, contentType: "application/json; charset=utf-8")

    static let document = #"""
    {
      "openapi": "3.1.0",
      "info": {
        "title": "vanban",
        "version": "0.1.0",
        "description": "Full-text search and citation archive of Vietnamese Party and State documents. Read-only: GET (and HEAD) only; any other method gets 405. JSON is UTF-8 with sorted keys, the same shapes `vanban … --json` prints. Every error is an RFC 9457 problem (application/problem+json)."
      },
      "servers": [{"url": "http://127.0.0.1:8080"}],
      "paths": {
        "/search": {
          "get": {
            "summary": "Documents matching a query, best first over every match, each with its best passages",
            "description": "Words typed without marks match any marks (\"dan van kheo\" finds \"Dân vận khéo\"); words with marks match those marks, and documents written without marks. \"phrases\", prefix*, -exclusion and OR work; a query that is a document number (25-NQ/TW, nq 25, 84 - CV/ĐU, ke hoach 45 tinh uy) puts that document first, or the record its citations give when the archive does not hold it. When no document has every word, those with most of them come, with a notice. Highlights are [start, end) offsets in Unicode code points (not UTF-16 units, not bytes).",
            "parameters": [
              {"name": "q", "in": "query", "required": true, "description": "The query, 1 to 4000 bytes of UTF-8.", "schema": {"type": "string", "minLength": 1, "maxLength": 4000}, "example": "dan van kheo"},
              {"name": "type", "in": "query", "description": "Document type, code or name: NQ, KH, CTr, \"chỉ thị\".", "schema": {"type": "string", "maxLength": 200}},
              {"name": "issuer", "in": "query", "description": "Issuer code or part of its name: TW, TU, \"dang uy khoi\".", "schema": {"type": "string", "maxLength": 200}},
              {"name": "from", "in": "query", "description": "From this year.", "schema": {"type": "integer", "minimum": 1900, "maximum": 2100}},
              {"name": "to", "in": "query", "description": "Up to this year; not before from.", "schema": {"type": "integer", "minimum": 1900, "maximum": 2100}},
              {"name": "limit", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 100, "default": 10}},
              {"name": "offset", "in": "query", "description": "Documents to skip; nextOffset of the previous page.", "schema": {"type": "integer", "minimum": 0, "maximum": 10000, "default": 0}},
              {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "date"], "default": "relevance"}},
              {"name": "exhaustive", "in": "query", "description": "Rank by scoring every FTS5 match in SQL (slow; the same answer, for checking).", "schema": {"type": "string", "enum": ["true", "false"], "default": "false"}},
              {"name": "under", "in": "query", "description": "Only documents in this document's down-chain: what implements, guides or disseminates it, transitively (through documents known only from citations too). A number or a name; 404 when it names none.", "schema": {"type": "string", "maxLength": 200}},
              {"name": "cites", "in": "query", "description": "Only documents whose text cites this document.", "schema": {"type": "string", "maxLength": 200}},
              {"name": "inForce", "in": "query", "description": "Leave out documents replaced, repealed, ended, expired or suspended today.", "schema": {"type": "string", "enum": ["true", "false"], "default": "false"}}
            ],
            "responses": {
              "200": {"description": "The hits of one page.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchResults"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"}
            }
          }
        },
        "/documents": {
          "get": {
            "summary": "A document, by ?number= (no need to encode \"/\" there)",
            "parameters": [{"name": "number", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 200}, "example": "84-CV/ĐU"}],
            "responses": {
              "200": {"$ref": "#/components/responses/Document"},
              "400": {"$ref": "#/components/responses/BadParameter"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/documents/{number}": {
          "get": {
            "summary": "A document's metadata, sectioned text, references and cited-by",
            "description": "A document in the archive gives a DocumentView; one known only from citations gives an ExternalDocumentView.",
            "parameters": [{"$ref": "#/components/parameters/number"}],
            "responses": {
              "200": {"$ref": "#/components/responses/Document"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/documents/{number}/references": {
          "get": {
            "summary": "What a document cites",
            "parameters": [{"$ref": "#/components/parameters/number"}],
            "responses": {
              "200": {"description": "Everything its text cites, in text order, what it states about other documents included (their source is that document), then the links from it stated in other documents.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Reference"}}}}},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/documents/{number}/cited-by": {
          "get": {
            "summary": "What cites a document",
            "parameters": [{"$ref": "#/components/parameters/number"}],
            "responses": {
              "200": {"description": "The links to it.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/Reference"}}}}},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/documents/{number}/chain": {
          "get": {
            "summary": "The chain of hierarchical links from a document, up (what it rests on) or down (what implements it)",
            "parameters": [
              {"$ref": "#/components/parameters/number"},
              {"name": "direction", "in": "query", "schema": {"type": "string", "enum": ["up", "down"], "default": "up"}},
              {"name": "depth", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 20, "default": 10}}
            ],
            "responses": {
              "200": {"description": "The chain as a tree.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChainNode"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/documents/{number}/status": {
          "get": {
            "summary": "Whether a document is in force: status, since when, its own effect, every change with the sentence that states it, conflicts",
            "description": "Derived at each index run from the links that amend, replace, repeal, end or suspend a document and from each document's own effect clause (\"có hiệu lực kể từ ngày ký\", \"... từ ngày 01/7/2024\", \"sau 45 ngày kể từ ngày ký\"); a day no text states is the signing date, marked assumed. A change takes effect on the day its text gives it, else on the day the changing document takes effect.",
            "parameters": [
              {"$ref": "#/components/parameters/number"},
              {"$ref": "#/components/parameters/asOf"}
            ],
            "responses": {
              "200": {"description": "The validity.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Validity"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/documents/{number}/check": {
          "get": {
            "summary": "The references of a document that were replaced, repealed, ended, suspended, expired or partly repealed by other documents",
            "parameters": [
              {"$ref": "#/components/parameters/number"},
              {"$ref": "#/components/parameters/asOf"}
            ],
            "responses": {
              "200": {"description": "The warnings (none when every reference stands).", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ValidityCheck"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/path": {
          "get": {
            "summary": "The shortest chain of citations from one document to another",
            "parameters": [
              {"name": "from", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 200}, "example": "60-CTr/ĐUK"},
              {"name": "to", "in": "query", "required": true, "schema": {"type": "string", "maxLength": 200}, "example": "25-NQ/TW"}
            ],
            "responses": {
              "200": {"description": "The steps; empty when from and to are the same document.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/PathStep"}}}}},
              "400": {"$ref": "#/components/responses/BadParameter"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/missing": {
          "get": {
            "summary": "Every cited document not in the archive, most cited first",
            "responses": {
              "200": {"description": "The missing documents.", "content": {"application/json": {"schema": {"type": "array", "items": {"$ref": "#/components/schemas/MissingDocument"}}}}}
            }
          }
        },
        "/graph": {
          "get": {
            "summary": "The citation graph: node-link JSON, or Graphviz DOT",
            "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["json", "dot"], "default": "json"}}],
            "responses": {
              "200": {
                "description": "The graph.",
                "content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/GraphExport"}},
                  "text/vnd.graphviz": {"schema": {"type": "string"}}
                }
              },
              "400": {"$ref": "#/components/responses/BadParameter"}
            }
          }
        },
        "/health": {
          "get": {
            "summary": "ok when the archive can be read, with the build served",
            "responses": {
              "200": {"description": "Serving.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Health"}}}},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          }
        },
        "/requirements": {
          "get": {
            "summary": "Which directive requires what of whom, by when",
            "description": "Requirements with their actors (lead, with, report_to), action, schedule (date, yearly or periodic, with the months it falls in), targets and basis. highlights are [start, end) code-point offsets of sentence.",
            "parameters": [
              {"name": "who", "in": "query", "description": "Part of an actor's name, any marks: \"ban tuyen giao\".", "schema": {"type": "string", "maxLength": 200}, "example": "ban tuyen giao"},
              {"name": "doc", "in": "query", "description": "A document number in any common form.", "schema": {"type": "string", "maxLength": 200}},
              {"name": "due", "in": "query", "description": "A month (12, 2024-12, 12/2024) or a date (2024-11-30).", "schema": {"type": "string", "maxLength": 32}},
              {"name": "calendar", "in": "query", "description": "true: group dated and recurring obligations by month.", "schema": {"type": "string", "enum": ["true", "false"], "default": "false"}}
            ],
            "responses": {
              "200": {"description": "The requirements, or with calendar=true the months.", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object"}}}}},
              "400": {"$ref": "#/components/responses/BadParameter"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/requirements.ics": {
          "get": {
            "summary": "Dated and recurring obligations as an iCalendar feed to subscribe to",
            "description": "RFC 5545: one all-day event per dated obligation, an RRULE for yearly, quarterly, monthly and every-6-months rhythms, the document number and sentence in DESCRIPTION. UIDs are stable across re-indexing, so a subscribed calendar updates its events.",
            "parameters": [
              {"name": "who", "in": "query", "description": "Part of an actor's name, any marks: \"ban tuyen giao\".", "schema": {"type": "string", "maxLength": 200}, "example": "ban tuyen giao"},
              {"name": "doc", "in": "query", "description": "A document number in any common form.", "schema": {"type": "string", "maxLength": 200}},
              {"name": "due", "in": "query", "description": "A month (12, 2024-12, 12/2024) or a date (2024-11-30).", "schema": {"type": "string", "maxLength": 32}}
            ],
            "responses": {
              "200": {"description": "The calendar.", "content": {"text/calendar": {"schema": {"type": "string"}}}},
              "400": {"$ref": "#/components/responses/BadParameter"},
              "404": {"$ref": "#/components/responses/NotFound"}
            }
          }
        },
        "/actors": {
          "get": {
            "summary": "Every actor named in a requirement, and how many requirements name it",
            "responses": {
              "200": {"description": "The actors, most named first.", "content": {"application/json": {"schema": {"type": "array", "items": {"type": "object", "required": ["name", "key", "requirements", "asLead"]}}}}}
            }
          }
        },
        "/stats": {
          "get": {
            "summary": "Counts and build facts of the archive",
            "responses": {
              "200": {"description": "The statistics.", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ArchiveStatistics"}}}},
              "503": {"$ref": "#/components/responses/Unavailable"}
            }
          }
        },
        "/": {
          "get": {
            "summary": "The search page (HTML): a search box, or the hits of q with highlighted snippets",
            "parameters": [
              {"name": "q", "in": "query", "schema": {"type": "string"}},
              {"name": "type", "in": "query", "schema": {"type": "string"}},
              {"name": "issuer", "in": "query", "schema": {"type": "string"}},
              {"name": "from", "in": "query", "schema": {"type": "integer"}},
              {"name": "to", "in": "query", "schema": {"type": "integer"}},
              {"name": "limit", "in": "query", "schema": {"type": "integer"}},
              {"name": "offset", "in": "query", "schema": {"type": "integer"}},
              {"name": "sort", "in": "query", "schema": {"type": "string", "enum": ["relevance", "date"]}}
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "400": {"$ref": "#/components/responses/PageProblem"}
            }
          }
        },
        "/view/{number}": {
          "get": {
            "summary": "A document's page (HTML, Vietnamese): metadata, the authorities table (one row per cited document: relations, times, places), cited-by grouped the same way, the relation diagram, requirements, and the text with its citations linked and its sections and paragraphs anchored (#muc-N, #pN, #yc-N)",
            "parameters": [
              {"$ref": "#/components/parameters/number"},
              {"name": "file", "in": "query", "description": "The corpus file, which picks one of the documents a number that is not unique names.", "schema": {"type": "string"}}
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "404": {"$ref": "#/components/responses/PageProblem"}
            }
          }
        },
        "/view/{number}/chain": {
          "get": {
            "summary": "A document's chain up (what it rests on) and down (what implements it) as clickable trees (HTML)",
            "parameters": [
              {"$ref": "#/components/parameters/number"},
              {"name": "depth", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 20, "default": 10}}
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "400": {"$ref": "#/components/responses/PageProblem"},
              "404": {"$ref": "#/components/responses/PageProblem"}
            }
          }
        },
        "/view/{number}/diagram": {
          "get": {
            "summary": "A document's relation diagram (the lược đồ): an inline SVG drawn by Graphviz, every node a link (HTML)",
            "parameters": [{"$ref": "#/components/parameters/number"}],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "404": {"$ref": "#/components/responses/PageProblem"}
            }
          }
        },
        "/obligations": {
          "get": {
            "summary": "The requirements page (HTML): who must do what by when, filterable by actor, document and month, each linking to its sentence",
            "parameters": [
              {"name": "who", "in": "query", "schema": {"type": "string", "maxLength": 200}},
              {"name": "doc", "in": "query", "schema": {"type": "string", "maxLength": 200}},
              {"name": "due", "in": "query", "schema": {"type": "string", "maxLength": 32}}
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "400": {"$ref": "#/components/responses/PageProblem"},
              "404": {"$ref": "#/components/responses/PageProblem"}
            }
          }
        },
        "/calendar": {
          "get": {
            "summary": "The calendar page (HTML): obligations by month, filterable by actor and document, each linking to its sentence",
            "parameters": [
              {"name": "who", "in": "query", "schema": {"type": "string", "maxLength": 200}},
              {"name": "doc", "in": "query", "schema": {"type": "string", "maxLength": 200}}
            ],
            "responses": {
              "200": {"$ref": "#/components/responses/Page"},
              "404": {"$ref": "#/components/responses/PageProblem"}
            }
          }
        },
        "/openapi.json": {
          "get": {
            "summary": "This description",
            "responses": {"200": {"description": "OpenAPI 3.1.", "content": {"application/json": {"schema": {"type": "object"}}}}}
          }
        }
      },
      "components": {
        "parameters": {
          "number": {
            "name": "number", "in": "path", "required": true,
            "description": "A document number in any common form (25-NQ/TW, 25/NQ-TW, nq 25, 84 - CV/ĐU) or a document name (Điều lệ Đảng), percent-encoded as one path segment: \"/\" as %2F, \"Đ\" as %C4%90.",
            "schema": {"type": "string", "maxLength": 200},
            "example": "84-CV%2F%C4%90U"
          },
          "asOf": {
            "name": "asOf", "in": "query",
            "description": "Read the status on this day: 2025-12-31 or 31/12/2025 (default: today).",
            "schema": {"type": "string", "maxLength": 32}
          }
        },
        "responses": {
          "Document": {
            "description": "The document, in the archive or known only from citations.",
            "content": {"application/json": {"schema": {"oneOf": [{"$ref": "#/components/schemas/DocumentView"}, {"$ref": "#/components/schemas/ExternalDocumentView"}]}}}
          },
          "Page": {"description": "An HTML page.", "content": {"text/html": {"schema": {"type": "string"}}}},
          "PageProblem": {"description": "The problem (a bad parameter, no such document) explained on a page, in Vietnamese.", "content": {"text/html": {"schema": {"type": "string"}}}},
          "BadParameter": {"description": "A parameter is missing or wrong; `parameter` names it.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
          "NotFound": {"description": "No such document, or no path between the two.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}},
          "Unavailable": {"description": "The archive is missing or of another schema version.", "content": {"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}
        },
        "schemas": {
          "Problem": {
            "type": "object",
            "description": "RFC 9457 problem details. code is one of bad-parameter (400), not-found (404), no-route (404), method-not-allowed (405), archive-unavailable (503), internal (500), or http-<status> for another client error Hummingbird reports; type is urn:vanban:problem:<code>.",
            "required": ["type", "title", "status", "detail", "code"],
            "properties": {
              "type": {"type": "string"},
              "title": {"type": "string"},
              "status": {"type": "integer"},
              "detail": {"type": "string", "description": "What went wrong and what to do, for a person."},
              "code": {"type": "string"},
              "parameter": {"type": "string", "description": "The bad parameter, for bad-parameter."}
            }
          },
          "Snippet": {
            "type": "object",
            "required": ["text", "highlights"],
            "properties": {
              "text": {"type": "string"},
              "highlights": {
                "type": "array",
                "description": "[start, end) offsets in Unicode code points of text.",
                "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}
              }
            }
          },
          "Passage": {
            "type": "object",
            "required": ["ordinal", "section", "sectionHighlights", "line", "snippet"],
            "properties": {
              "ordinal": {"type": "integer", "description": "The passage's place in the document (0: the title passage)."},
              "section": {"type": "string", "description": "Heading path, \" › \" between levels."},
              "sectionHighlights": {"type": "array", "description": "[start, end) offsets in Unicode code points of section.", "items": {"type": "array", "items": {"type": "integer"}, "minItems": 2, "maxItems": 2}},
              "line": {"type": "integer"},
              "snippet": {"$ref": "#/components/schemas/Snippet"}
            }
          },
          "DocumentHit": {
            "type": "object",
            "required": ["inArchive", "numberMatch", "passages"],
            "properties": {
              "number": {"type": "string"}, "type": {"type": "string"}, "typeCode": {"type": "string"}, "issuer": {"type": "string"},
              "date": {"type": "string"}, "title": {"type": "string"},
              "file": {"type": "string", "description": "Absent for a document known only from citations."},
              "inArchive": {"type": "boolean"},
              "citedBy": {"type": "integer", "description": "Citations of a document known only from them."},
              "numberMatch": {"type": "boolean", "description": "True when the document is first because the query is its number."},
              "score": {"type": "number", "description": "BM25F; absent when put first by its number."},
              "passages": {"type": "array", "items": {"$ref": "#/components/schemas/Passage"}, "maxItems": 3}
            }
          },
          "FacetValue": {
            "type": "object",
            "required": ["value", "label", "count"],
            "properties": {
              "value": {"type": "string", "description": "What the type, issuer or from/to parameter takes."},
              "label": {"type": "string"}, "count": {"type": "integer"}
            }
          },
          "SearchResults": {
            "type": "object",
            "required": ["query", "interpretedAs", "total", "hits", "facets"],
            "properties": {
              "query": {"type": "string"},
              "interpretedAs": {"type": "string"},
              "total": {"type": "integer", "description": "Matching documents, all of them."},
              "hits": {"type": "array", "items": {"$ref": "#/components/schemas/DocumentHit"}},
              "nextOffset": {"type": "integer", "description": "Absent on the last page."},
              "notice": {"type": "string", "description": "How the query was answered when not as typed."},
              "scope": {"$ref": "#/components/schemas/SearchScope", "description": "Present when under, cites or inForce kept the search to a part of the archive."},
              "facets": {
                "type": "object",
                "required": ["types", "issuers", "years"],
                "description": "Counts of all matching documents by type, issuer (the ten most frequent) and year.",
                "properties": {
                  "types": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                  "issuers": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}},
                  "years": {"type": "array", "items": {"$ref": "#/components/schemas/FacetValue"}}
                }
              }
            }
          },
          "DocumentSummary": {
            "type": "object",
            "required": ["id", "recipients", "file", "encoding", "missing", "format", "ocr", "notes"],
            "properties": {
              "id": {"type": "integer"}, "number": {"type": "string"}, "typeCode": {"type": "string"}, "type": {"type": "string"},
              "issuer": {"type": "string"}, "parentIssuer": {"type": "string"}, "place": {"type": "string"}, "date": {"type": "string"},
              "title": {"type": "string"}, "signer": {"type": "string"}, "signerRole": {"type": "string"},
              "recipients": {"type": "array", "items": {"type": "string"}}, "province": {"type": "string"}, "source": {"type": "string"},
              "file": {"type": "string"}, "encoding": {"type": "string"},
              "missing": {"type": "array", "items": {"type": "string"}, "description": "Header fields the parser could not find."},
              "format": {"type": "string", "enum": ["text", "pdf", "docx", "html", "doc"], "description": "The source file's format."},
              "pages": {"type": "integer", "description": "The source file's pages, when it has pages."},
              "ocr": {"type": "boolean", "description": "The text came from OCR of page images."},
              "notes": {"type": "array", "items": {"type": "string"}, "description": "What the conversion and the parser noticed (a number or day left blank, pages left out)."},
              "partialDate": {"type": "string", "description": "yyyy-mm or yyyy of a date whose day the text leaves blank."},
              "partialNumber": {"type": "string", "description": "What the text gives of a number it leaves blank (\"HD/BTCTU\")."}
            }
          },
          "DocumentView": {
            "type": "object",
            "required": ["document", "paragraphs", "references", "citedBy"],
            "properties": {
              "document": {"$ref": "#/components/schemas/DocumentSummary"},
              "paragraphs": {
                "type": "array",
                "items": {"type": "object", "required": ["section", "line", "text", "ordinal"], "properties": {"section": {"type": "string"}, "line": {"type": "integer"}, "page": {"type": "integer"}, "text": {"type": "string"}, "ordinal": {"type": "integer", "description": "The passage ordinal citations and requirements name; the page anchors it as #pN."}}}
              },
              "references": {"type": "array", "items": {"$ref": "#/components/schemas/Reference"}},
              "citedBy": {"type": "array", "items": {"$ref": "#/components/schemas/Reference"}},
              "status": {"$ref": "#/components/schemas/ValidityStatus", "description": "Its status today, in short (validity.status)."},
              "validity": {"$ref": "#/components/schemas/Validity"},
              "warnings": {"type": "array", "items": {"$ref": "#/components/schemas/ValidityWarning"}, "description": "The references that no longer stand (as /documents/{number}/check)."},
              "citations": {
                "type": "array", "description": "Every citation of the text: [start, end) code points of its paragraph (passage 0: of document.title), with the document it names.",
                "items": {"type": "object", "required": ["passage", "start", "end", "text", "status"], "properties": {"passage": {"type": "integer"}, "start": {"type": "integer"}, "end": {"type": "integer"}, "text": {"type": "string"}, "status": {"type": "string"}, "target": {"$ref": "#/components/schemas/GraphNode"}}}
              }
            }
          },
          "ExternalDocumentView": {
            "type": "object",
            "required": ["node", "citedBy", "notice"],
            "properties": {
              "node": {"$ref": "#/components/schemas/GraphNode"},
              "citedBy": {"type": "array", "items": {"$ref": "#/components/schemas/Reference"}},
              "notice": {"type": "string"},
              "status": {"$ref": "#/components/schemas/ValidityStatus", "description": "Its status today, in short (validity.status)."},
              "validity": {"$ref": "#/components/schemas/Validity"}
            }
          },
          "GraphNode": {
            "type": "object",
            "required": ["id", "name", "inArchive", "conflicts"],
            "properties": {
              "id": {"type": "integer"}, "number": {"type": "string"}, "name": {"type": "string"}, "type": {"type": "string"},
              "date": {"type": "string"}, "issuer": {"type": "string"}, "title": {"type": "string"},
              "inArchive": {"type": "boolean", "description": "False for a document known only from citations of it."},
              "conflicts": {"type": "array", "items": {"type": "string"}},
              "validity": {"$ref": "#/components/schemas/ValidityStatus", "description": "Its status today, in references, chains and the missing list."}
            }
          },
          "Relation": {"type": "string", "enum": ["amends", "replaces", "repeals", "ends", "suspends", "guides", "implements", "based_on", "disseminates", "follows", "mentions"]},
          "ValidityStatus": {
            "type": "object",
            "required": ["state", "assumed", "by", "parts", "conflicted"],
            "properties": {
              "state": {"type": "string", "enum": ["in-force", "not-yet-in-force", "amended", "partly-repealed", "suspended", "replaced", "repealed", "ended", "expired"], "description": "As the national database names them: Còn hiệu lực, Chưa có hiệu lực, (còn hiệu lực,) sửa đổi, Hết hiệu lực một phần, Ngưng hiệu lực, Hết hiệu lực toàn bộ (replaced, repealed, ended, expired)."},
              "since": {"type": "string", "description": "yyyy-mm-dd (yyyy-mm or yyyy when a day is blank): the deciding change's day, or the day it took effect."},
              "assumed": {"type": "boolean", "description": "since is a signing date no text states as the day it takes effect."},
              "by": {"type": "array", "items": {"type": "string"}, "description": "The documents that decided it."},
              "parts": {"type": "array", "items": {"type": "string"}, "description": "The parts touched (\"khoản 1 Điều 12\"), for amended and partly repealed."},
              "conflicted": {"type": "boolean", "description": "The record holds conflicts (see Validity.conflicts)."}
            }
          },
          "Evidence": {
            "type": "object",
            "required": ["document", "passage", "section", "sentence"],
            "properties": {
              "document": {"type": "string", "description": "The document whose text says it (its number, or its file)."},
              "file": {"type": "string"},
              "passage": {"type": "integer", "description": "Its paragraph's ordinal (the page anchors it as #pN)."},
              "section": {"type": "string"},
              "article": {"type": "string", "description": "The article its paragraph opens with (\"Điều 3\"), when it opens with one."},
              "sentence": {"type": "string"},
              "citation": {"type": "string", "description": "The words naming the document acted on."}
            }
          },
          "Effect": {
            "type": "object",
            "required": ["basis"],
            "properties": {
              "basis": {"type": "string", "enum": ["stated", "signing", "after-signing", "assumed"]},
              "starts": {"type": "string", "description": "The first day in force."},
              "days": {"type": "integer", "description": "Days after signing, for after-signing."},
              "ends": {"type": "string", "description": "The first day no longer in force, where its text says."},
              "evidence": {"$ref": "#/components/schemas/Evidence"},
              "endEvidence": {"$ref": "#/components/schemas/Evidence"}
            }
          },
          "ValidityChange": {
            "type": "object",
            "required": ["relation", "by", "byNode", "basis", "evidence"],
            "properties": {
              "relation": {"$ref": "#/components/schemas/Relation"},
              "by": {"type": "string", "description": "The changing document: its number (its file when it has none) or name."},
              "byFile": {"type": "string", "description": "Its corpus file; absent for a document known only from citations."},
              "byNode": {"type": "integer"},
              "since": {"type": "string"},
              "basis": {"type": "string", "enum": ["stated", "signing", "after-signing", "assumed"], "description": "How since was found: the day the text gives the change or the changing document takes effect, its signing date as it states, days after it, or its signing date assumed."},
              "part": {"type": "string", "description": "The part it touches; absent for the whole document."},
              "evidence": {"$ref": "#/components/schemas/Evidence"},
              "sinceEvidence": {"$ref": "#/components/schemas/Evidence", "description": "The changing document's effect clause, when since comes from it."}
            }
          },
          "ValidityConflict": {
            "type": "object",
            "required": ["kind", "changes", "message"],
            "properties": {
              "kind": {"type": "string", "enum": ["several-end", "before-own-date"]},
              "changes": {"type": "array", "items": {"$ref": "#/components/schemas/ValidityChange"}},
              "date": {"type": "string", "description": "The document's own date, for before-own-date."},
              "message": {"type": "string"}
            }
          },
          "Validity": {
            "type": "object",
            "required": ["node", "asOf", "status", "changes", "upcoming", "conflicts", "evidence"],
            "properties": {
              "node": {"$ref": "#/components/schemas/GraphNode"},
              "asOf": {"type": "string"},
              "status": {"$ref": "#/components/schemas/ValidityStatus"},
              "effect": {"$ref": "#/components/schemas/Effect"},
              "changes": {"type": "array", "items": {"$ref": "#/components/schemas/ValidityChange"}, "description": "In effect on asOf, oldest first."},
              "upcoming": {"type": "array", "items": {"$ref": "#/components/schemas/ValidityChange"}, "description": "Dated after asOf."},
              "conflicts": {"type": "array", "items": {"$ref": "#/components/schemas/ValidityConflict"}},
              "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}, "description": "The sentences that decide the status."}
            }
          },
          "ValidityWarning": {
            "type": "object",
            "required": ["reference", "relations", "status", "timing", "evidence", "citedAt"],
            "properties": {
              "reference": {"$ref": "#/components/schemas/GraphNode"},
              "relations": {"type": "array", "items": {"$ref": "#/components/schemas/Relation"}},
              "status": {"$ref": "#/components/schemas/ValidityStatus"},
              "timing": {"type": "string", "enum": ["before", "same-day", "after", "unknown"], "description": "The deciding change took effect before the citing document's date (it relies on what no longer stood), on that day, or after it."},
              "evidence": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}},
              "citedAt": {"type": "array", "items": {"$ref": "#/components/schemas/Evidence"}}
            }
          },
          "ValidityCheck": {
            "type": "object",
            "required": ["document", "asOf", "warnings"],
            "properties": {
              "document": {"$ref": "#/components/schemas/GraphNode"},
              "asOf": {"type": "string"},
              "warnings": {"type": "array", "items": {"$ref": "#/components/schemas/ValidityWarning"}}
            }
          },
          "SearchScope": {
            "type": "object",
            "required": ["inForce", "documents"],
            "properties": {
              "under": {"$ref": "#/components/schemas/GraphNode"},
              "cites": {"$ref": "#/components/schemas/GraphNode"},
              "inForce": {"type": "boolean"},
              "asOf": {"type": "string"},
              "documents": {"type": "integer", "description": "How many documents of the archive the scope admits."}
            }
          },
          "Relation": {"type": "string", "enum": ["amends", "replaces", "repeals", "ends", "suspends", "guides", "implements", "based_on", "disseminates", "follows", "mentions"]},
          "Reference": {
            "type": "object",
            "required": ["source", "relation", "status", "statedIn", "section", "sentence", "text", "passage", "quote"],
            "properties": {
              "source": {"$ref": "#/components/schemas/GraphNode"},
              "target": {"$ref": "#/components/schemas/GraphNode", "description": "Absent when the citation could not be resolved."},
              "relation": {"$ref": "#/components/schemas/Relation"},
              "status": {"type": "string", "enum": ["resolved", "external", "ambiguous", "unresolved"]},
              "note": {"type": "string"},
              "statedIn": {"$ref": "#/components/schemas/GraphNode"},
              "section": {"type": "string"}, "sentence": {"type": "string"}, "text": {"type": "string"},
              "cue": {"type": "string"}, "date": {"type": "string"},
              "part": {"type": "string", "description": "The part of the target the relation touches (\"khoản 1 Điều 12\")."},
              "effect": {"type": "string", "description": "When the relation takes effect: a date (yyyy-mm-dd), or \"on-effect\" (when the citing document does)."},
              "passage": {"type": "integer", "description": "The passage of statedIn that states it (its paragraph's ordinal; 0 for the title passage)."},
              "quote": {"$ref": "#/components/schemas/Snippet", "description": "The sentence with \"…\" where it was cut short and the citation highlighted."}
            }
          },
          "ChainNode": {
            "type": "object",
            "required": ["node", "children", "repeated"],
            "properties": {
              "node": {"$ref": "#/components/schemas/GraphNode"},
              "relation": {"$ref": "#/components/schemas/Relation"},
              "children": {"type": "array", "items": {"$ref": "#/components/schemas/ChainNode"}},
              "repeated": {"type": "boolean", "description": "Already higher in the chain: a cycle, not followed again."}
            }
          },
          "PathStep": {
            "type": "object",
            "required": ["from", "to", "relation", "reversed"],
            "properties": {
              "from": {"$ref": "#/components/schemas/GraphNode"},
              "to": {"$ref": "#/components/schemas/GraphNode"},
              "relation": {"$ref": "#/components/schemas/Relation"},
              "reversed": {"type": "boolean", "description": "The link runs against the direction of travel (to cites from)."}
            }
          },
          "MissingDocument": {
            "type": "object",
            "required": ["node", "citations", "citingDocuments", "citedBy"],
            "properties": {
              "node": {"$ref": "#/components/schemas/GraphNode"},
              "citations": {"type": "integer"},
              "citingDocuments": {"type": "integer"},
              "citedBy": {
                "type": "array",
                "items": {"type": "object", "required": ["document", "section", "sentence"], "properties": {"document": {"type": "string"}, "section": {"type": "string"}, "sentence": {"type": "string"}}}
              }
            }
          },
          "GraphExport": {
            "type": "object",
            "required": ["nodes", "links"],
            "properties": {
              "nodes": {"type": "array", "items": {"$ref": "#/components/schemas/GraphNode"}},
              "links": {
                "type": "array",
                "items": {"type": "object", "required": ["source", "target", "relation"], "properties": {"source": {"type": "integer"}, "target": {"type": "integer"}, "relation": {"$ref": "#/components/schemas/Relation"}}}
              }
            }
          },
          "Health": {
            "type": "object",
            "required": ["status", "documents"],
            "properties": {
              "status": {"const": "ok"},
              "buildId": {"type": "string", "description": "The build id `vanban index` wrote into the archive served (absent for an archive built before build ids)."},
              "documents": {"type": "integer"},
              "builtAt": {"type": "string"},
              "refused": {"type": "string", "description": "Why the file last renamed over the archive was not taken (the previous build is still served); absent once a sound file is."}
            }
          },
          "ArchiveStatistics": {
            "type": "object",
            "required": ["documents", "sections", "passages", "problems", "orphanPassages", "schemaVersion"],
            "properties": {
              "documents": {"type": "integer"}, "sections": {"type": "integer"}, "passages": {"type": "integer"},
              "problems": {"type": "integer", "description": "Corpus files that could not be indexed at the last run."},
              "orphanPassages": {"type": "integer"},
              "builtAt": {"type": "string"}, "schemaVersion": {"type": "integer"}, "builtBy": {"type": "string"}
            }
          }
        }
      }
    }
    """#
}
