"""Writes the WARC/WET test files (see scripts/gen-warc) with warcio.

Good files hold the same records in every form (per-record gzip, plain,
gzipped whole); broken files splice warcio's records with damage made here:
a cut gzip member, garbage between records, a wrong Content-Length, a file
that ends inside a record.
"""
import argparse
import gzip
import hashlib
import io
import json
import os
import shutil
import uuid
import zlib

from warcio.archiveiterator import ArchiveIterator
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

# Four small pages of the benchmark, in the order they appear in the WARC
# (sorted by id, which is also the order of html/ in a directory walk).
PAGES = [
    "0ec95c7261d122f304728e90c983450ef1ce1e0b423546835c397d50aaf0d0f2",
    "14cc2a0ca59c62a8c9f205a171e9ccf4ef4cf69b0c642f51c8c65c051b39024f",
    "359fee228518d55b921194561e9ca88e428df81940246f8fac7a75398377daea",
    "85439e26c41c75901820d01a13e8cea7836abb58635ea3986f71a163ab0311d3",
]
# How each page's response is sent (HTTP transfer and content codings).
ENCODINGS = [(), ("chunked",), ("gzip",), ("chunked", "gzip")]
CYRILLIC_PAGE = (
    "<html><head><title>Новости дня</title></head><body><article>"
    "<h1>Новости дня</h1>"
    "<p>Первый абзац статьи: в Москве сегодня тепло и солнечно, а вечером ожидается дождь.</p>"
    "<p>Второй абзац: синоптики обещают похолодание к выходным и сильный ветер.</p>"
    "</article></body></html>"
)
NS = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")


class Records:
    """Builds records with fixed dates and ids; returns each one's bytes."""

    def __init__(self):
        self.n = 0

    def _headers(self, extra=None):
        self.n += 1
        h = {
            "WARC-Date": "2024-05-01T10:%02d:%02dZ" % (self.n // 60, self.n % 60),
            "WARC-Record-ID": "<urn:uuid:%s>" % uuid.uuid5(NS, "lectern-%d" % self.n),
        }
        h.update(extra or {})
        return h

    def record(self, uri, rtype, payload, gz, http=None, content_type=None, extra=None):
        out = io.BytesIO()
        w = WARCWriter(out, gzip=gz, warc_version="WARC/1.1")
        rec = w.create_warc_record(uri, rtype, payload=io.BytesIO(payload), http_headers=http,
                                   warc_content_type=content_type,
                                   warc_headers_dict=self._headers(extra))
        w.write_record(rec)
        return out.getvalue()


def chunked(body, size=4000):
    out = b""
    for i in range(0, len(body), size):
        part = body[i:i + size]
        out += b"%x\r\n" % len(part) + part + b"\r\n"
    return out + b"0\r\n\r\n"


def response(recs, uri, body, gz, status="200 OK", ctype="text/html; charset=utf-8", codings=(), headers=()):
    hdrs = [("Content-Type", ctype)] + list(headers)
    if "gzip" in codings:
        body = gzip.compress(body, mtime=0)
        hdrs.append(("Content-Encoding", "gzip"))
    if "chunked" in codings:
        body = chunked(body)
        hdrs.append(("Transfer-Encoding", "chunked"))
    else:
        hdrs.append(("Content-Length", str(len(body))))
    http = StatusAndHeaders(status, hdrs, protocol="HTTP/1.1")
    return recs.record(uri, "response", body, gz, http=http)


def request(recs, uri, gz):
    host = uri.split("/")[2]
    path = "/" + uri.split("/", 3)[3] if uri.count("/") >= 3 else "/"
    http = StatusAndHeaders("GET %s HTTP/1.1" % path, [("Host", host), ("User-Agent", "lectern-test")],
                            is_http_request=True)
    return recs.record(uri, "request", b"", gz, http=http)


def warcinfo(recs, name, gz):
    return recs.record(None, "warcinfo", b"software: lectern scripts/gen-warc (warcio)\r\nformat: WARC File Format 1.1\r\n",
                       gz, content_type="application/warc-fields", extra={"WARC-Filename": name})


def pages_warc(recs, pages, gz):
    """The good archive: 4 articles among 11 records that are not articles."""
    out = [warcinfo(recs, "pages.warc", gz)]
    for i, (pid, uri, html) in enumerate(pages):
        out.append(request(recs, uri, gz))
        out.append(response(recs, uri, html, gz, codings=ENCODINGS[i]))
        if i == 0:
            out.append(recs.record(uri, "metadata", b"fetchTimeMs: 120\r\n", gz,
                                   content_type="application/warc-fields"))
        if i == 1:
            out.append(response(recs, "https://example.org/robots.txt", b"User-agent: *\nDisallow:\n", gz,
                                ctype="text/plain"))
            out.append(response(recs, "https://example.org/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(40), gz,
                                ctype="image/png"))
        if i == 2:
            out.append(response(recs, "https://example.org/gone", b"<html><body>Not found</body></html>", gz,
                                status="404 Not Found"))
            out.append(response(recs, "https://example.org/old", b"<html><body>Moved</body></html>", gz,
                                status="301 Moved Permanently", headers=[("Location", "https://example.org/new")]))
            http = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            out.append(recs.record(uri, "revisit", b"", gz, http=http, extra={
                "WARC-Profile": "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest",
                "WARC-Refers-To-Target-URI": uri,
                "WARC-Refers-To-Date": "2024-05-01T10:00:00Z",
                "WARC-Payload-Digest": "sha1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}))
    return out


def wet(recs, pages, texts, gz):
    """WET: warcinfo, then one conversion record (text/plain) per page."""
    out = [warcinfo(recs, "pages.wet", gz)]
    for pid, uri, _ in pages:
        out.append(recs.record(uri, "conversion", texts[pid].encode("utf-8"), gz, content_type="text/plain"))
    # Common Crawl writes conversion records with no text for pages that have none.
    out.append(recs.record("https://example.org/empty", "conversion", b"", gz, content_type="text/plain"))
    return out


def broken_gz(recs, pages):
    """Per-record gzip with damage; 3 articles (pages 0, 2, 3) survive."""
    (p0, u0, h0), (p1, u1, h1), (p2, u2, h2), (p3, u3, h3) = pages
    good0 = response(recs, u0, h0, True)
    cut = response(recs, u1, h1, True)
    cut = cut[:len(cut) // 2]                       # a gzip member cut in half, then the next member
    good2 = response(recs, u2, h2, True)
    plain = response(recs, u3, h3, False)           # Content-Length says 500 bytes more than there are
    n = plain.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = plain.index(b"\r\n", n)
    bad_length = gzip.compress(plain[:n] + str(int(plain[n:end]) + 500).encode() + plain[end:], mtime=0)
    not_found = response(recs, "https://example.org/gone", b"<html><body>Not found</body></html>", True,
                         status="404 Not Found")
    garbage = b"this is not gzip data\n" * 3
    good3 = response(recs, u3, h3, True)
    tail = response(recs, u0, h0, True)
    tail = tail[:len(tail) - 40]                    # the file ends inside the last member
    return b"".join([warcinfo(recs, "broken.warc.gz", True), good0, cut, good2, bad_length, not_found,
                     garbage, good3, tail])


def broken_plain(recs, pages):
    """Uncompressed with damage; 3 articles (pages 0, 1, 3) survive."""
    (p0, u0, h0), (p1, u1, h1), (p2, u2, h2), (p3, u3, h3) = pages
    good0 = response(recs, u0, h0, False)
    garbage = b"This line is not a WARC record.\r\nNor is this one.\r\n"
    good1 = response(recs, u1, h1, False)
    short = response(recs, u2, h2, False)           # Content-Length 100 bytes short
    n = short.index(b"Content-Length: ") + len(b"Content-Length: ")
    end = short.index(b"\r\n", n)
    short = short[:n] + str(int(short[n:end]) - 100).encode() + short[end:]
    good3 = response(recs, u3, h3, False)
    brotli = response(recs, "https://example.org/br", b"\x1b\x2e\x00\xf8\x8d\x94\x6e", False,
                      headers=[("Content-Encoding", "br")])
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked")],
                            protocol="HTTP/1.1")      # says chunked, is not
    not_chunked = recs.record("https://example.org/chunks", "response", b"<html><body>plain</body></html>", False,
                              http=http)
    no_length = response(recs, "https://example.org/nolength", b"<html><body>x</body></html>", False)
    n = no_length.index(b"Content-Length: ")        # the WARC header's, which comes first
    no_length = no_length[:n] + no_length[no_length.index(b"\r\n", n) + 2:]
    tail = response(recs, u0, h0, False)
    tail = tail[:len(tail) // 2]                    # the file ends inside the last record
    return b"".join([good0, garbage, good1, short, good3, brotli, not_chunked, no_length, tail])


def misc(recs):
    """Less common routes: an HTTP charset, a resource record, no Content-Type, deflate."""
    page = lambda title: ("<html><head><title>%s</title></head><body><article><h1>%s</h1>"
                          "<p>The first paragraph of the %s page, long enough to count as body text here.</p>"
                          "<p>A second paragraph, so that the page has a body of more than one line.</p>"
                          "</article></body></html>" % (title, title, title.lower())).encode()
    untyped = page("Untyped")
    http = StatusAndHeaders("200 OK", [("Content-Length", str(len(untyped)))], protocol="HTTP/1.1")
    deflated = zlib.compress(page("Deflated"))
    return b"".join([
        response(recs, "https://example.org/ru/news", CYRILLIC_PAGE.encode("windows-1251"), False,
                 ctype="text/html; charset=windows-1251"),
        recs.record("https://example.org/resource", "resource", page("Resource"), False, content_type="text/html"),
        recs.record("https://example.org/untyped", "response", untyped, False, http=http),
        response(recs, "https://example.org/deflated", deflated, False, headers=[("Content-Encoding", "deflate")]),
    ])


def sha256(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    truth = json.load(open(os.path.join(a.bench, "ground-truth.json"), encoding="utf-8"))
    pages, texts = [], {}
    for pid in PAGES:
        with gzip.open(os.path.join(a.bench, "html", pid + ".html.gz")) as f:
            pages.append((pid, truth[pid]["url"], f.read()))
        texts[pid] = truth[pid]["articleBody"]
    os.makedirs(os.path.join(a.out, "html"), exist_ok=True)
    for pid in PAGES:
        shutil.copyfile(os.path.join(a.bench, "html", pid + ".html.gz"), os.path.join(a.out, "html", pid + ".html.gz"))

    files = {}
    # The same records three ways: the ids and dates restart for each form.
    files["pages.warc.gz"] = b"".join(pages_warc(Records(), pages, True))
    plain = b"".join(pages_warc(Records(), pages, False))
    files["pages.warc"] = plain
    files["pages-whole.warc.gz"] = gzip.compress(plain, mtime=0)
    files["pages.wet"] = b"".join(wet(Records(), pages, texts, False))
    files["pages.wet.gz"] = b"".join(wet(Records(), pages, texts, True))
    files["misc.warc"] = misc(Records())
    files["broken.warc.gz"] = broken_gz(Records(), pages)
    files["broken.warc"] = broken_plain(Records(), pages)
    for name, data in files.items():
        with open(os.path.join(a.out, name), "wb") as f:
            f.write(data)

    # warcio's own reading of the good files: what Lectern's reader must agree with.
    index = {}
    for name in ["pages.warc.gz", "pages.warc", "pages.wet", "pages.wet.gz", "misc.warc"]:
        rows = []
        with open(os.path.join(a.out, name), "rb") as f:
            it = ArchiveIterator(f)
            for r in it:
                payload = r.content_stream().read()     # before get_record_offset, which ends the stream
                rows.append({"offset": it.get_record_offset(), "type": r.rec_type,
                             "uri": r.rec_headers.get_header("WARC-Target-URI"),
                             "date": r.rec_headers.get_header("WARC-Date"),
                             "id": r.rec_headers.get_header("WARC-Record-ID"),
                             "status": r.http_headers.get_statuscode() if r.http_headers else None,
                             "content_type": r.http_headers.get_header("Content-Type") if r.http_headers
                             else r.rec_headers.get_header("Content-Type"),
                             "payload_bytes": len(payload)})
        index[name] = rows
    files["index.json"] = json.dumps(index, indent=1, ensure_ascii=False).encode("utf-8") + b"\n"
    with open(os.path.join(a.out, "index.json"), "wb") as f:
        f.write(files["index.json"])

    here = os.path.dirname(os.path.abspath(__file__))
    listed = [("scripts/gen-warc", sha256(os.path.join(here, "gen-warc"))),
              ("scripts/gen_warc.py", sha256(os.path.join(here, "gen_warc.py")))]
    listed += [(name, sha256(os.path.join(a.out, name))) for name in sorted(files)]
    listed += [("html/%s.html.gz" % pid, sha256(os.path.join(a.out, "html", pid + ".html.gz"))) for pid in PAGES]
    with open(os.path.join(a.out, "README.md"), "w", encoding="utf-8") as f:
        f.write("# WARC and WET test files\n\n"
                "Generated by `scripts/gen-warc` (warcio, from four pages of the Zyte\n"
                "article-extraction benchmark in `html/`, MIT licence, Copyright (c) 2020\n"
                "Scrapinghub, see the end); do not edit by hand. `scripts/gen-warc --check` regenerates\n"
                "and compares; WARCTests checks the sums below.\n\n"
                "| file | holds |\n|---|---|\n"
                "| `pages.warc.gz` | warcinfo, and per page a request and a response (page 2 chunked, page 3 gzip\n"
                "  Content-Encoding, page 4 both); a metadata, a text/plain, an image/png, a 404, a 301 and a revisit record: 4 articles, 11 records skipped |\n"
                "| `pages.warc` | the same records, not compressed |\n"
                "| `pages-whole.warc.gz` | `pages.warc` gzipped as one member |\n"
                "| `pages.wet`, `pages.wet.gz` | warcinfo and one conversion record per page (the benchmark's article body), and an empty one |\n"
                "| `misc.warc` | a response in windows-1251, declared only in the HTTP Content-Type; a text/html resource record; a response without Content-Type; one in Content-Encoding deflate |\n"
                "| `index.json` | warcio's reading of the good files: each record's offset, type, URI, date, id, HTTP status, content type and payload size (decoded) |\n"
                "| `broken.warc.gz` | pages 1, 3, 4 good; page 2's member cut in half; a record whose Content-Length is 500 too long; a 404; garbage between members; the file ends inside the last member |\n"
                "| `broken.warc` | pages 1, 2, 4 good; garbage between records; page 3's Content-Length 100 too short; a response in Content-Encoding br; one that says chunked and is not; a record without Content-Length; the file ends inside the last record |\n\n"
                "## sha256\n\n")
        for name, digest in listed:
            f.write("%s  %s\n" % (digest, name))
        f.write("\n## Licence of the pages\n\n" + open(os.path.join(a.bench, "LICENSE"), encoding="utf-8").read())


if __name__ == "__main__":
    main()
