#!/usr/bin/env python3
"""Reads lkjip's tagged PDF back (issue #18) and checks the structure, rule by rule:

  tagged_check.py LKJIP_BIN SOURCE_DIR WORK_DIR

For Megaluh in every shipped layout: the catalog says /MarkInfo /Marked true, /Lang id-ID,
/ViewerPreferences /DisplayDocTitle true; every painting operator of every page (text, paths,
images) lies inside marked content (a structure element's MCID or an /Artifact); every MCID is
in the page's ParentTree array and its element's /K names it back; every element is reached
from the StructTreeRoot exactly once; the headings (H1-H4) read through the structure tree
(poppler's pdfinfo -struct-text) are the bookmarks, in order; every table has TH cells with
/Scope /Column, and its spans; every figure has alt text; the PDF/A claim stays at 2b and no
PDF/UA claim is made (none is verified). Objects come from qpdf --json. Exits non-zero listing
what failed.
"""
import base64
import json
import os
import re
import subprocess
import sys

PAINT = {b"Tj", b"TJ", b"'", b'"', b"Do", b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S",
         b"s", b"sh"}


TOKEN = re.compile(rb"""
    (?P<ws>[ \t\r\n\f\0]+|%[^\r\n]*)
  | (?P<str>\((?:\\.|[^\\()])*\)|<[0-9A-Fa-f\s]*>)
  | (?P<dict><<(?:[^<>]|<[^<>]*>)*>>)
  | (?P<array>[\[\]])
  | (?P<name>/[^ \t\r\n\f\0()<>\[\]{}/%]*)
  | (?P<word>[^ \t\r\n\f\0()<>\[\]{}/%]+)
""", re.X | re.S)


def tokens(data):
    """Content-stream tokens as (kind, bytes): 'op', 'name', 'num', 'str', 'dict', 'array'.
    Strings with unescaped nested parentheses and nested dictionaries are not expected: lkjip
    escapes every parenthesis it writes and its property lists are flat."""
    i, n = 0, len(data)
    while i < n:
        m = TOKEN.match(data, i)
        if not m:
            raise ValueError("content stream: cannot read %r at %d" % (data[i:i + 10], i))
        i = m.end()
        kind = m.lastgroup
        if kind == "ws":
            continue
        tok = m.group()
        if kind == "word":
            kind = "num" if re.fullmatch(rb"[-+.0-9]+", tok) else "op"
        yield kind, tok


def literal_bytes(tok):
    """The bytes of a literal string token "(…)"."""
    out, i, body = bytearray(), 0, tok[1:-1]
    while i < len(body):
        c = body[i]
        if c == 0x5C:  # backslash
            nxt = body[i + 1:i + 2]
            out += {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}.get(nxt, nxt)
            i += 2
        else:
            out.append(c)
            i += 1
    return bytes(out)


def to_unicode(cmap):
    """Glyph code -> text of a ToUnicode CMap (its bfchar and bfrange sections)."""
    table = {}
    hexes = rb"<([0-9A-Fa-f]+)>"
    for section in re.findall(rb"beginbfchar(.*?)endbfchar", cmap, re.S):
        for a, b in re.findall(hexes + rb"\s*" + hexes, section):
            table[int(a, 16)] = bytes.fromhex(b.decode()).decode("utf-16-be")
    for section in re.findall(rb"beginbfrange(.*?)endbfrange", cmap, re.S):
        for lo, hi, dst in re.findall(hexes + rb"\s*" + hexes + rb"\s*" + hexes, section):
            for k in range(int(lo, 16), int(hi, 16) + 1):
                table[k] = chr(int(dst, 16) + k - int(lo, 16))
    return table


def marked_content(data, fonts=None):
    """(unmarked painting operators, [MCIDs in order], [tags in order], {MCID: text}) of one
    content stream; the text is decoded through `fonts` (resource name -> ToUnicode table)."""
    stack, unmarked, mcids, tags, texts = [], [], [], [], {}
    operands, font, current = [], None, None
    for kind, tok in tokens(data):
        if kind != "op":
            operands.append((kind, tok))
            continue
        if tok == b"BDC":
            tag = operands[-2][1].decode()
            props = operands[-1][1]
            m = re.search(rb"/MCID\s+(\d+)", props)
            if m:
                mcids.append(int(m.group(1)))
                tags.append(tag)
                current = mcids[-1]
                texts[current] = ""
            stack.append(tag)
        elif tok == b"BMC":
            stack.append(operands[-1][1].decode())
        elif tok == b"EMC":
            if not stack:
                raise ValueError("EMC without BDC/BMC")
            stack.pop()
            current = None
        elif tok == b"Tf":
            font = operands[-2][1][1:].decode()
        if tok in PAINT and not stack:
            unmarked.append(tok.decode())
        if tok in (b"Tj", b"TJ") and current is not None and fonts is not None:
            for kind, s in operands:
                if kind == "str" and s.startswith(b"("):
                    raw = literal_bytes(s)
                    texts[current] += "".join(fonts.get(font, {}).get(raw[k] << 8 | raw[k + 1], "")
                                              for k in range(0, len(raw) - 1, 2))
        operands = []
    if stack:
        raise ValueError("marked content left open: %s" % stack)
    return unmarked, mcids, tags, texts


def self_test():
    """The checker must be able to fail: an untagged show and an unclosed sequence are caught."""
    assert marked_content(b"BT /F1 10 Tf (ab) Tj ET")[0] == ["Tj"]
    assert marked_content(b"/Artifact BMC 0 0 m 1 1 l S EMC")[0] == []
    assert marked_content(b"/P <</MCID 3>> BDC BT /F1 9 Tf [(\x00\\)\x00a) 20 (\x00b)] TJ ET EMC "
                          b"q 1 0 0 1 0 0 cm /Im1 Do Q",
                          {"F1": {0x29: "x", 0x61: "y", 0x62: "z"}}) \
        == (["Do"], [3], ["/P"], {3: "xyz"})
    try:
        marked_content(b"/P <</MCID 0>> BDC")
    except ValueError:
        pass
    else:
        raise AssertionError("an open sequence was not caught")


class Pdf:
    def __init__(self, path):
        out = subprocess.run(["qpdf", "--json=2", "--json-stream-data=inline",
                              "--decode-level=generalized", path],
                             check=True, capture_output=True).stdout
        self.json = json.loads(out)
        self.objs = {}
        for key, val in self.json["qpdf"][1].items():
            if key.startswith("obj:"):
                self.objs[key[4:]] = val
        self.trailer = self.json["qpdf"][1]["trailer"]["value"]

    def value(self, ref):
        o = self.objs[ref]
        return o["stream"]["dict"] if "stream" in o else o["value"]

    def resolve(self, v):
        return self.value(v) if isinstance(v, str) and v.endswith(" R") else v

    def stream(self, ref):
        return base64.b64decode(self.objs[ref]["stream"]["data"])


def check(pdf_path, failures, label):
    def fail(msg):
        failures.append("%s: %s" % (label, msg))

    pdf = Pdf(pdf_path)
    catalog = pdf.value(pdf.trailer["/Root"])
    if catalog.get("/MarkInfo", {}).get("/Marked") is not True:
        fail("catalog has no /MarkInfo /Marked true")
    if catalog.get("/Lang") != "u:id-ID":
        fail("catalog /Lang is %r, not id-ID" % catalog.get("/Lang"))
    if pdf.resolve(catalog.get("/ViewerPreferences", {})).get("/DisplayDocTitle") is not True:
        fail("no /ViewerPreferences /DisplayDocTitle true")
    if "/StructTreeRoot" not in catalog:
        fail("no /StructTreeRoot")
        return
    xmp = pdf.stream(catalog["/Metadata"]).decode("utf-8")
    if "pdfuaid" in xmp:
        fail("XMP claims PDF/UA, which is not verified")
    if "<pdfaid:conformance>B</pdfaid:conformance>" not in xmp:
        fail("XMP PDF/A conformance is not the 2b that is claimed")

    root = pdf.value(catalog["/StructTreeRoot"])
    parent_tree = pdf.resolve(root["/ParentTree"])["/Nums"]
    parents = {parent_tree[i]: pdf.resolve(parent_tree[i + 1])
               for i in range(0, len(parent_tree), 2)}

    # Pages: every painting operator marked; MCIDs 0..n-1 each in the ParentTree.
    page_refs = [p["object"] for p in pdf.json["pages"]]
    page_mcids, page_texts, cmaps = {}, {}, {}
    for index, ref in enumerate(page_refs):
        page = pdf.value(ref)
        contents = page.get("/Contents")
        refs = contents if isinstance(contents, list) else [contents]
        data = b"\n".join(pdf.stream(r) for r in refs if r)
        fonts = {}
        for name, fref in pdf.resolve(pdf.resolve(page.get("/Resources", {})).get("/Font", {})).items():
            tu = pdf.resolve(fref).get("/ToUnicode")
            if tu not in cmaps:
                cmaps[tu] = to_unicode(pdf.stream(tu)) if tu else {}
            fonts[name[1:]] = cmaps[tu]
        try:
            unmarked, mcids, _, texts = marked_content(data, fonts)
        except ValueError as e:
            fail("page %d: %s" % (index + 1, e))
            continue
        if unmarked:
            fail("page %d: %d painting operators outside marked content (%s)"
                 % (index + 1, len(unmarked), ", ".join(sorted(set(unmarked)))))
        if mcids != list(range(len(mcids))):
            fail("page %d: MCIDs are not 0..n-1 in content order" % (index + 1))
        if mcids:
            sp = page.get("/StructParents")
            if sp is None or sp not in parents or len(parents[sp]) != len(mcids):
                fail("page %d: ParentTree entry missing or of the wrong length" % (index + 1))
            page_mcids[ref] = (sp, len(mcids))
            page_texts[ref] = texts

    # The tree: every element reached once, its MCIDs pointing back at it.
    seen, order, elem_text = set(), [], {}
    claimed = set()

    table_of = {}  # element -> the Table it lies in

    def walk(ref, parent_ref):
        if ref in seen:
            fail("structure element %s is reached twice" % ref)
            return
        seen.add(ref)
        e = pdf.value(ref)
        if e.get("/P") != parent_ref:
            fail("element %s: /P is not its parent" % ref)
        order.append((ref, e))
        table_of[ref] = ref if e.get("/S") == "/Table" else table_of.get(parent_ref)
        kids = e.get("/K", [])
        kids = kids if isinstance(kids, list) else [kids]
        for k in kids:
            if isinstance(k, int):
                page_ref, mcid = e.get("/Pg"), k
            elif isinstance(k, dict):
                page_ref, mcid = k.get("/Pg"), k.get("/MCID")
            else:
                walk(k, ref)
                continue
            if page_ref not in page_mcids:
                fail("element %s names page %s, which has no marked content" % (ref, page_ref))
                continue
            sp, count = page_mcids[page_ref]
            if not 0 <= mcid < count or parents[sp][mcid] != ref:
                fail("element %s: MCID %d of %s is not its in the ParentTree" % (ref, mcid, page_ref))
            claimed.add((page_ref, mcid))
            elem_text[ref] = elem_text.get(ref, "") + page_texts[page_ref].get(mcid, "")

    walk(root["/K"], catalog["/StructTreeRoot"])
    total = sum(count for _, count in page_mcids.values())
    if len(claimed) != total:
        fail("%d of %d MCIDs are named by no element" % (total - len(claimed), total))

    roles = [e.get("/S") for _, e in order]
    tables = [i for i, r in enumerate(roles) if r == "/Table"]
    if not tables:
        fail("no Table element")
    for i in tables:
        ref = order[i][0]
        ths = [e for r, e in order if e.get("/S") == "/TH" and table_of.get(r) == ref]
        if not ths:
            fail("table %s has no TH" % ref)
        elif any(pdf.resolve(e.get("/A", {})).get("/Scope") != "/Column" for e in ths):
            fail("table %s has a TH without /Scope /Column" % ref)
    spans = sum(1 for _, e in order if "/ColSpan" in pdf.resolve(e.get("/A", {})) or
                "/RowSpan" in pdf.resolve(e.get("/A", {})))
    if spans == 0:
        fail("no cell carries its span (Megaluh's tables have spanning header cells)")
    figures = [e for _, e in order if e.get("/S") == "/Figure"]
    if not figures:
        fail("no Figure element")
    for e in figures:
        if not e.get("/Alt", "u:")[2:].strip():
            fail("a Figure has no /Alt")

    # Headings read through the structure tree (their MCIDs' text through the fonts'
    # ToUnicode) are the bookmarks, in order.
    headings = [elem_text.get(r, "") for r, e in order if e.get("/S") in ("/H1", "/H2", "/H3", "/H4")]
    titles = []

    def outline(items):
        for o in items:
            titles.append(o["title"])
            outline(o.get("kids", []))

    outline(pdf.json["outlines"])

    def norm(s):
        return re.sub(r"[\s.:]+", "", s).casefold()

    if [norm(h) for h in headings] != [norm(t) for t in titles]:
        bad = next((i for i, (h, t) in enumerate(zip(headings, titles)) if norm(h) != norm(t)),
                   min(len(headings), len(titles)))
        fail("headings are not the bookmarks: %d headings, %d bookmarks, first difference at %d"
             " (%r / %r)" % (len(headings), len(titles), bad,
                              headings[bad] if bad < len(headings) else None,
                              titles[bad] if bad < len(titles) else None))
    print("%s: %d pages, %d elements, %d MCIDs, %d tables, %d figures, %d headings = bookmarks"
          % (label, len(page_refs), len(order), total, len(tables), len(figures), len(headings)))


def main():
    lkjip, src, work = sys.argv[1:4]
    self_test()
    os.makedirs(work, exist_ok=True)
    failures = []
    layouts = sorted(f[:-5] for f in os.listdir(os.path.join(src, "layouts"))
                     if f.endswith(".toml"))
    for layout in layouts:
        out = os.path.join(work, "megaluh-%s.pdf" % layout)
        r = subprocess.run([lkjip, "render", os.path.join(src, "input", "megaluh-2024.toml"),
                            "-o", out, "--layout", layout], capture_output=True)
        if r.returncode != 0:
            failures.append("%s: render failed: %s" % (layout, r.stderr.decode()[-500:]))
            continue
        check(out, failures, "megaluh/" + layout)
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
