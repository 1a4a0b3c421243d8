#!/usr/bin/env python3
"""Builds examples/08_crawl.warc.gz from the two pages written out below.

Standard library only, deterministic: the same script always writes the same bytes (record ids
come from uuid5 over the target URI, every gzip member has mtime 0). Each record is its own gzip
member, as WARC files usually are. The file holds exactly two WARC/1.0 `response` records, each an
HTTP/1.1 response with an HTML payload:

  #1  a TV channel's report of the Taiz market shelling of Tuesday 5 January 2016, crawled in 2019
      (the WARC-Date, the HTTP Date and Last-Modified are crawl/server dates, not the publication
      date, which is in the page's meta tag and JSON-LD);
  #2  a local site's first report of the shelling of a water point in Taiz on Sunday 13 March 2016.

Usage: python3 make_warc.py [OUT]   (default: 08_crawl.warc.gz beside this script)
"""
import base64
import gzip
import hashlib
import os
import sys
import uuid

PAGE1 = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Yemen: dozens feared dead in Taiz market shelling - Horizon 24</title>
<meta property="og:site_name" content="Horizon 24">
<meta property="article:published_time" content="2016-01-05T17:05:00+00:00">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Yemen: dozens feared dead in Taiz market shelling", "datePublished": "2016-01-05T17:05:00+00:00", "publisher": {"@type": "Organization", "name": "Horizon 24"}}</script>
</head>
<body>
<nav class="top"><a href="/">Horizon 24</a> <a href="/live">Watch live</a> <a href="/news">News</a> <a href="/middle-east">Middle East</a> <a href="/programmes">Programmes</a> <a href="/weather">Weather</a></nav>
<div class="ticker">LIVE: Markets open lower in Asia | Weather: storms expected across the Gulf</div>
<article>
<h1>Yemen: dozens feared dead in Taiz market shelling</h1>
<p class="dateline">Horizon 24 &middot; 5 January 2016 &middot; 17:05 GMT</p>
<p>At least 30 people were killed on Tuesday when shells hit the Bab Musa market in the centre of Taiz, medical sources in the besieged Yemeni city told Horizon 24.</p>
<p>Our correspondent in Taiz counted 23 bodies laid out in the corridors of a hospital near the old city, most of them men and boys who had been shopping or working at the market when the first shells landed at about seven in the morning.</p>
<p>Rescue workers were still pulling people from the rubble of two collapsed buildings in the afternoon, and doctors appealed for blood donors over the loudspeakers of the city's mosques.</p>
<p>Residents said the shells were fired from Houthi positions on the hills to the east of the city. The Houthis have not commented.</p>
<p>Taiz has been under siege by Houthi fighters and their allies for months, and the city's residents have faced severe shortages of food, water and medicine.</p>
<div class="video-promo">WATCH: Inside the siege of Taiz (3:12)</div>
</article>
<aside class="more"><h2>More from Horizon 24</h2><ul>
<li><a href="/news/2016/01/05/iraq-ramadi-clearing">Iraq: 12 soldiers killed clearing bombs in Ramadi</a></li>
<li><a href="/news/2016/01/04/saudi-iran-row">Saudi-Iran row deepens as allies cut ties</a></li>
</ul></aside>
<section class="comments"><h2>Join the conversation</h2><p>Comments are closed for this story.</p></section>
<footer><p>Download the Horizon 24 app &middot; Newsletter sign-up</p><p>&copy; 2016 Horizon 24 Media. All rights reserved.</p></footer>
</body>
</html>
"""

PAGE2 = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Children killed as shell hits Taiz water point | South Arabia Today</title>
<meta property="article:published_time" content="2016-03-13T16:40:00+03:00">
<meta name="author" content="South Arabia Today staff">
</head>
<body>
<header><nav><ul><li><a href="/">Home</a></li><li><a href="/local">Local</a></li><li><a href="/politics">Politics</a></li><li><a href="/economy">Economy</a></li><li><a href="/contact">Contact</a></li></ul></nav></header>
<article>
<h1>Children killed as shell hits Taiz water point</h1>
<p class="date">Sunday, 13 March 2016 - 16:40</p>
<p>At least five people, four of them children, were killed on Sunday morning when a shell landed next to a water distribution point in the Wadi al-Qadi neighbourhood of Taiz, medics at the city's main public hospital said.</p>
<p>Several other people were wounded and taken to hospital, where doctors said some were in a serious condition.</p>
<p>Witnesses said a queue of women and children had formed beside a charity water tank when the shell hit the street. "There was water and blood everywhere," said one resident.</p>
<p>Pro-government fighters accused the Houthis of firing the shell from their positions north of the city.</p>
</article>
<aside><h3>Latest</h3><ul><li>Aden: gunmen kill 3 at checkpoint</li><li>Currency falls to new low against the dollar</li></ul></aside>
<div id="comments"><p>0 comments</p><p>Log in to leave a comment</p></div>
<footer><p>Subscribe to our newsletter</p><p>&copy; 2016 South Arabia Today</p></footer>
</body>
</html>
"""

RECORDS = [
    {
        "uri": "https://www.horizon24.example/news/2016/01/05/yemen-taiz-market-shelling",
        "warc_date": "2019-07-14T03:12:44Z",
        "http_date": "Sun, 14 Jul 2019 03:12:44 GMT",
        "last_modified": "Fri, 02 Nov 2018 09:00:00 GMT",
        "ip": "192.0.2.10",
        "html": PAGE1,
    },
    {
        "uri": "https://www.southarabiatoday.example/local/2016/03/13/taiz-water-point-shell",
        "warc_date": "2016-03-14T06:02:10Z",
        "http_date": "Mon, 14 Mar 2016 06:02:10 GMT",
        "last_modified": "Sun, 13 Mar 2016 13:40:00 GMT",
        "ip": "192.0.2.20",
        "html": PAGE2,
    },
]


def sha1_b32(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode("ascii")


def record(rec):
    payload = rec["html"].encode("utf-8")
    http = (
        "HTTP/1.1 200 OK\r\n"
        "Date: %s\r\n"
        "Server: nginx\r\n"
        "Content-Type: text/html; charset=utf-8\r\n"
        "Content-Length: %d\r\n"
        "Last-Modified: %s\r\n"
        "Connection: close\r\n"
        "\r\n" % (rec["http_date"], len(payload), rec["last_modified"])
    ).encode("ascii")
    block = http + payload
    record_id = "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, rec["uri"])
    head = (
        "WARC/1.0\r\n"
        "WARC-Type: response\r\n"
        "WARC-Record-ID: %s\r\n"
        "WARC-Date: %s\r\n"
        "WARC-Target-URI: %s\r\n"
        "WARC-IP-Address: %s\r\n"
        "WARC-Block-Digest: %s\r\n"
        "WARC-Payload-Digest: %s\r\n"
        "Content-Type: application/http; msgtype=response\r\n"
        "Content-Length: %d\r\n"
        "\r\n" % (record_id, rec["warc_date"], rec["uri"], rec["ip"], sha1_b32(block),
                  sha1_b32(payload), len(block))
    ).encode("ascii")
    return head + block + b"\r\n\r\n"


def gzip_member(data):
    # mtime=0 and no file name, so the bytes do not depend on when or where this runs.
    return gzip.compress(data, compresslevel=9, mtime=0)


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "08_crawl.warc.gz")
    with open(out, "wb") as f:
        for rec in RECORDS:
            f.write(gzip_member(record(rec)))
    print("wrote %s (%d records)" % (out, len(RECORDS)))


if __name__ == "__main__":
    main()
