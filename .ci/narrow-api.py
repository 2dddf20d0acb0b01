#!/usr/bin/env python3
"""Turns `public` into `package` for every declaration that is not part of the library's public API.

The `RoleBook` library product (Sources/RoleBook re-exports the layers) is what an outside tool
links. Inside the package the layers, the CLI, serve, import, bench, fuzz and the tests reach each
other through Swift's `package` access level, so `public` is kept only for the surface below:

- load content and check it: ContentLoader, Checker and its Result, ContentFolderError, the
  diagnostics (code, severity, location, message, notes) and DiagnosticFormatter to render them;
- the RoleGraph and its entities, read-only: Role, Department, Procedure, their header, fields,
  document (sections, items, Markdown blocks), their edges and queries, and Encodable;
- build a site the way `rolebook build` does: SiteBuild over a SiteRenderer and a SiteWriter, its
  Summary and errors, with a Stopwatch for the timings;
- the search tokenizer (SearchTokenizer.tokens / normalize), the one the site's index uses.

Rules, applied to each `public` declaration (line-based reading of the Swift files):
- a type is public only when listed in PUBLIC_TYPES (nested types: when their parent is public);
- a member of a public type (or of an extension of it) stays public unless it is listed in
  PACKAGE_MEMBERS, is the initializer of a READ_ONLY type (only the parser creates those), or its
  signature names a type of this package that is not public (it is then an internal helper);
- members of extensions of other modules' types (Array, String) are public only in PUBLIC_MEMBERS;
- outside the product only the protocol witnesses in WITNESSES stay public;
- everything else, including every declaration of the targets outside the product (RoleBookImport,
  RoleBookServe, RoleBookCLI, RoleBookDevSupport, the executables), becomes `package`;
  names in USABLE_FROM_INLINE become `@usableFromInline package` (read by public @inlinable code).

Idempotent: a second run changes nothing. `--list` prints what would change (and what stays
public), `--apply` rewrites the files. .ci/check-api records the resulting API in docs/api.txt.
"""
import os, re, sys

ROOT = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
# The modules the RoleBook product re-exports; nothing of the other targets is public.
PRODUCT_MODULES = ["RoleBookModel", "RoleBookParsing", "RoleBookSite", "RoleBookSearch", "RoleBookBuild"]
OTHER_FOLDERS = ["Sources/RoleBookImport", "Sources/RoleBookServe", "Sources/RoleBookCLI", "Sources/RoleBookDevSupport",
                 "Sources/rolebook", "Sources/rolebook-bench", "Sources/rolebook-fuzz", "Sources/rolebook-embed",
                 "Sources/rolebook-tables", "Tests/RoleBookTestSupport", "Tests/RoleBookTestHarness"]

PUBLIC_TYPES = {
    # The graph and its entities (read-only).
    "RoleGraph", "NodeRef", "Mention", "LinkEdge", "Role", "Department", "Procedure", "EntityHeader", "EntityKind",
    "Frequency", "SiteConfig", "Located", "SourceLocation",
    # What an entity's document holds.
    "ContentDocument", "Section", "SectionKind", "Item", "TimeSpan", "ContentLink", "Inline", "Block", "ListItem",
    "ListStyle", "MarkerPunctuation", "EnumerationMarker",
    # Load and check, diagnostics.
    "ContentLoader", "ContentFolderError", "Checker", "Diagnostic", "DiagnosticCode", "DiagnosticLanguage",
    "DiagnosticFormat", "DiagnosticFormatter",
    # Build a site.
    "SiteBuild", "SiteRenderer", "SiteWriter", "SiteWriteError", "Stopwatch",
    # The search tokenizer.
    "SearchTokenizer",
}
# Values only the parser and graph builder make: their initializers are `package`.
READ_ONLY = {"RoleGraph", "Mention", "LinkEdge", "Role", "Department", "Procedure", "EntityHeader", "Located",
             "SourceLocation", "ContentDocument", "Section", "Item", "TimeSpan", "ContentLink", "Block", "ListItem",
             "Diagnostic", "Diagnostic.Note", "Checker.Result", "EnumerationMarker"}
# Members of public types that are the layers' business, not an outside tool's.
PACKAGE_MEMBERS = {
    "RoleGraph.layout", "RoleGraph.Layout", "RoleGraph.proceduresByDepartment", "Procedure.hasWeekGrid",
    "Diagnostic.text", "Diagnostic.Note.text",  # DiagnosticText is the catalogue's; message(in:) renders it
    "ContentLoader.load", "ContentLoader.notContentMarker",
    "Checker.run(cache:changed:keepingMentions:)",
    "DiagnosticFormatter.escaped",
    "SiteRenderer.previousParses", "SiteRenderer.render",
    "SiteWriter.marker", "SiteWriter.PreviousBuild", "SiteWriter.write", "SiteWriter.begin",
    "SearchTokenizer.maxCompound", "SearchTokenizer.syllableSeparator", "SearchTokenizer.pinyinTokens",
    "SearchTokenizer.QueryTerm", "SearchTokenizer.pinyinForms", "SearchTokenizer.queryTerms",
    "SearchTokenizer.queryPhrases", "SearchTokenizer.foldingPairs",
    "Stopwatch.now", "Stopwatch.cpuNow",
}
# Members of extensions of other modules' types that are public.
PUBLIC_MEMBERS = {"Array.errorCount", "Array.warningCount", "Array.containsErrors"}
# Protocol witnesses in extensions of public types outside the product (the CLI's
# `DiagnosticLanguage: ExpressibleByArgument`): a public type's conformance needs public witnesses.
WITNESSES = {"DiagnosticLanguage.init", "DiagnosticLanguage.allValueStrings"}
# Package declarations read by public @inlinable code (the compiler asks for these).
USABLE_FROM_INLINE = set()

MODIFIERS = r"(?:public|package|internal|private|fileprivate|open|final|static|class|override|mutating|nonmutating|indirect|convenience|required|nonisolated|lazy|weak|unowned|dynamic|isolated|consuming|borrowing)"
ATTR = r"@\w+(?:\([^)]*\))?"
DECL = re.compile(r"^(\s*)((?:" + ATTR + r"\s+|" + MODIFIERS + r"(?:\((?:set)\))?\s+)*)"
                  r"(struct|enum|class|actor|protocol|extension|typealias|func|var|let|init\??|subscript|case)\b\s*([<>=!+\-*/%&|^~?]+|[^\s:(<{=]*)")
TYPE_KINDS = {"struct", "enum", "class", "actor", "protocol"}
IDENT = re.compile(r"\b[A-Z]\w*")


def swift_files(folder):
    for directory, _, files in os.walk(os.path.join(ROOT, folder)):
        for name in sorted(files):
            if name.endswith(".swift"):
                yield os.path.join(directory, name)


def code_of(lines):
    """Each line without comments and string contents (so braces in them do not count)."""
    out, in_block, in_multi = [], False, False
    for line in lines:
        text, i, kept = line, 0, []
        while i < len(text):
            if in_block:
                end = text.find("*/", i)
                if end < 0: i = len(text); continue
                in_block, i = False, end + 2; continue
            if in_multi:
                end = text.find('"""', i)
                if end < 0: i = len(text); continue
                in_multi, i = False, end + 3; kept.append('""'); continue
            if text.startswith("//", i): break
            if text.startswith("/*", i): in_block, i = True, i + 2; continue
            if text.startswith('"""', i): in_multi, i = True, i + 3; continue
            if text[i] == '"':
                j = i + 1
                while j < len(text) and text[j] != '"':
                    j += 2 if text[j] == "\\" else 1
                kept.append('""'); i = j + 1; continue
            kept.append(text[i]); i += 1
        out.append("".join(kept))
    return out


class Decl:
    def __init__(self, path, index, kind, name, scope, signature, modifiers):
        self.path, self.index, self.kind, self.name, self.scope = path, index, kind, name, scope
        self.signature, self.modifiers = signature, modifiers
        self.full = ".".join(scope + [name]) if name else ".".join(scope)


def declarations(path):
    """Every declaration at file or type level: (kind, name, enclosing type path, signature)."""
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    code = code_of(lines)
    stack, pending, found = [], None, []  # stack: a type's path (list) per type brace, None per code brace
    for index, line in enumerate(code):
        in_type = all(s is not None for s in stack)
        scope = next((s for s in reversed(stack) if s is not None), [])
        m = DECL.match(line) if in_type else None
        if m:
            kind, name = m.group(3), m.group(4)
            opens_type = None
            if kind == "extension":
                name = re.match(r"[\w.]+", line[m.end(3):].strip()).group(0)
                opens_type = name.split(".")
            elif kind in TYPE_KINDS:
                opens_type = scope + [name]
            # The signature: up to the body's brace (or the end of a multi-line header).
            sig, j, depth = "", index, 0
            while j < len(code):
                segment = code[j] if j > index else code[j][m.end(2):]
                cut = None
                for k, ch in enumerate(segment):
                    if ch in "([": depth += 1
                    elif ch in ")]": depth -= 1
                    elif ch == "{" and depth == 0: cut = k; break
                sig += " " + (segment if cut is None else segment[:cut])
                if cut is not None or (depth == 0 and kind not in TYPE_KINDS | {"extension"}) or j - index > 40: break
                j += 1
            if kind.startswith("init"):
                name = "init"
            elif kind == "subscript":
                name = "subscript"
            if kind == "extension":
                found.append(Decl(path, index, kind, "", opens_type, sig, m.group(2)))
            else:
                found.append(Decl(path, index, kind, name, scope, sig, m.group(2)))
            if opens_type is not None:
                pending = opens_type
        for ch in line:
            if ch == "{":
                stack.append(pending if pending is not None and in_type else None)
                pending = None
            elif ch == "}":
                if stack: stack.pop()
    return lines, found


def plan():
    """(path, line index, new line, full name, reason) for every `public` that becomes `package`, and the kept ones."""
    product = []
    for module in PRODUCT_MODULES:
        product += list(swift_files("Sources/" + module))
    others = [p for folder in OTHER_FOLDERS for p in swift_files(folder)]
    parsed = {p: declarations(p) for p in product + others}
    # Every type this package declares (simple names), to tell its types from the standard library's.
    own_types = {d.name for p in parsed for d in parsed[p][1] if d.kind in TYPE_KINDS | {"typealias"}}

    def public_type(full):
        parts = full.split(".")
        if parts[0] not in PUBLIC_TYPES: return False
        for i in range(2, len(parts) + 1):
            if ".".join(parts[:i]) in PACKAGE_MEMBERS: return False
        return True

    public_names = set()
    for p in product:
        for d in parsed[p][1]:
            if d.kind in TYPE_KINDS | {"typealias"} and "public" in d.modifiers.split() and public_type(d.full):
                public_names.add(d.name)

    def member_public(d):
        parent = ".".join(d.scope)
        if not d.scope:
            return d.full in PUBLIC_TYPES if d.kind in TYPE_KINDS | {"typealias"} else d.full in PUBLIC_MEMBERS
        if d.scope[0] not in own_types or d.scope[0] not in PUBLIC_TYPES and d.scope[0] not in public_names:
            return d.full in PUBLIC_MEMBERS
        if not public_type(parent): return False
        if d.full in PACKAGE_MEMBERS: return False
        if d.kind in TYPE_KINDS | {"typealias"}: return public_type(d.full)
        if d.name == "init" and parent in READ_ONLY: return False
        for key in PACKAGE_MEMBERS:  # a member named with its labels
            if "(" in key and key.startswith(parent + "." + d.name + "(") and labels_of(d) == key[len(parent) + len(d.name) + 1:]:
                return False
        names = {n for n in IDENT.findall(d.signature) if n in own_types}
        return names <= public_names

    changes, kept = [], []
    for p in product + others:
        lines, found = parsed[p]
        for d in found:
            if "public" not in d.modifiers.split():
                continue
            if d.kind == "extension":
                continue  # `public extension` is not used; members carry their own access
            keep = member_public(d) if p in product else d.full in WITNESSES
            if keep:
                kept.append((p, d))
                continue
            old = lines[d.index]
            replacement = "@usableFromInline package" if d.full in USABLE_FROM_INLINE and "@usableFromInline" not in old else "package"
            # `public package(set) var` narrowed is plain `package var` (the setter adds nothing).
            new = re.sub(r"\bpublic\s+package\(set\)", "package", old, count=1)
            if new == old: new = re.sub(r"\bpublic\b", replacement, old, count=1)
            if d.kind in TYPE_KINDS:
                new = inline_members(new)
            changes.append((p, d.index, new, d.full))
        # Members written on their `package` type's line (`package struct Tool { public var driver: Driver }`).
        code, changed = code_of(lines), {i for q, i, _, _ in changes if q == p}
        for d in found:
            if d.kind in TYPE_KINDS and d.index not in changed and "public" not in d.modifiers.split() \
                    and re.search(r"\{[^}]*\bpublic\b", code[d.index]):
                changes.append((p, d.index, inline_members(lines[d.index]), d.full + " (its members)"))
    return changes, kept


def inline_members(line):
    """`public` members inside a narrowed type's braces on its own line become `package`."""
    while True:
        new = re.sub(r"(\{[^}\"]*?)\bpublic\b", r"\1package", line, count=1)
        if new == line: return line
        line = new


def labels_of(d):
    m = re.search(r"\(([^)]*)\)", d.signature)
    if not m: return "()"
    labels = []
    for param in m.group(1).split(","):
        param = param.strip()
        if not param: continue
        labels.append(param.split(":")[0].split()[0] + ":")
    return "(" + "".join(labels) + ")"


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "--list"
    changes, kept = plan()
    rel = lambda p: os.path.relpath(p, ROOT)
    if mode == "--list":
        for p, i, new, full in changes:
            print(f"package {rel(p)}:{i + 1}: {full}")
        for p, d in kept:
            print(f"public  {rel(p)}:{d.index + 1}: {d.full}")
        print(f"{len(changes)} public -> package, {len(kept)} stay public", file=sys.stderr)
    elif mode == "--apply":
        by_file = {}
        for p, i, new, _ in changes:
            by_file.setdefault(p, {})[i] = new
        for p, edits in by_file.items():
            with open(p, encoding="utf-8") as f:
                lines = f.read().split("\n")
            for i, new in edits.items():
                lines[i] = new
            with open(p, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
        print(f"{len(changes)} declarations in {len(by_file)} files: public -> package; {len(kept)} stay public")
    else:
        print(__doc__); sys.exit(2)


if __name__ == "__main__":
    main()
