#!/usr/bin/env python3
"""The other candidate of ADR 0024, measured: Elasticsearch aggregations over case-level documents.

Indexes N synthetic cases (the distribution of case-service's SyntheticComparisonLoad: 120 counties of 44, 3 halls x 8
windows x 2 staff each, the past 365 days) into a throw-away index, then times the county comparison of a year the way
an Elasticsearch read model would answer it: a range filter, terms by county, and the dashboard's counters as sum and
filter sub-aggregations. Deletes the index afterwards. Usage: es-comparison-probe.py [N=1000000] [ES=http://127.0.0.1:9200]
"""
import datetime
import json
import random
import sys
import time
import urllib.request

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
ES = sys.argv[2] if len(sys.argv) > 2 else "http://127.0.0.1:9200"
INDEX = "zwy-cmpprobe-cases"


def call(method, path, body=None, ndjson=False):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(ES + path, data=data, method=method,
                                 headers={"Content-Type": "application/x-ndjson" if ndjson else "application/json"})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read() or b"{}")


def main():
    try:
        call("DELETE", "/" + INDEX)
    except Exception:
        pass
    call("PUT", "/" + INDEX, {"settings": {"number_of_shards": 1, "number_of_replicas": 0, "refresh_interval": "-1"},
                              "mappings": {"properties": {
                                  "county": {"type": "keyword"}, "hall": {"type": "keyword"}, "window": {"type": "keyword"},
                                  "staff": {"type": "keyword"}, "accepted": {"type": "date"}, "completed": {"type": "date"},
                                  "onTime": {"type": "boolean"}, "overdue": {"type": "boolean"}, "overdueApplicant": {"type": "boolean"},
                                  "reviewed": {"type": "boolean"}, "good": {"type": "boolean"}, "unrated": {"type": "boolean"},
                                  "complaints": {"type": "byte"}}}})
    today = datetime.date.today()
    rnd = random.Random(7)
    t0 = time.time()
    batch = []
    for i in range(N):
        c = i % 120
        county = "44%02d%02d" % (1 + c // 6, 1 + c % 6)
        acc = today - datetime.timedelta(days=rnd.randrange(365))
        done = acc + datetime.timedelta(days=rnd.randrange(15))
        r = rnd.random()
        doc = {"county": county, "hall": "%s-h%d" % (county, rnd.randrange(3)), "window": "w%d" % rnd.randrange(8),
               "staff": "s%d" % rnd.randrange(2), "accepted": acc.isoformat()}
        if done <= today:
            doc.update({"completed": done.isoformat(), "onTime": r >= 0.05, "overdue": r < 0.045, "overdueApplicant": 0.045 <= r < 0.05})
            v = rnd.random()
            doc.update({"reviewed": v < 0.6, "good": v < 0.57, "unrated": 0.6 <= v < 0.8})
            doc["complaints"] = 1 if rnd.randrange(500) == 0 else 0
        batch.append('{"index":{}}')
        batch.append(json.dumps(doc))
        if len(batch) >= 20_000:
            call("POST", "/%s/_bulk" % INDEX, ("\n".join(batch) + "\n").encode(), ndjson=True)
            batch = []
    if batch:
        call("POST", "/%s/_bulk" % INDEX, ("\n".join(batch) + "\n").encode(), ndjson=True)
    call("PUT", "/%s/_settings" % INDEX, {"index": {"refresh_interval": "1s"}})
    call("POST", "/%s/_refresh" % INDEX)
    call("POST", "/%s/_forcemerge?max_num_segments=1" % INDEX)
    load = time.time() - t0
    size = call("GET", "/%s/_stats/store" % INDEX)["_all"]["primaries"]["store"]["size_in_bytes"]

    def counters(field):
        return {"filter": {"term": {field: True}}}

    query = {"size": 0, "query": {"range": {"accepted": {"gte": "%d-01-01" % today.year, "lte": today.isoformat()}}},
             "aggs": {"counties": {"terms": {"field": "county", "size": 200}, "aggs": {
                 "onTime": counters("onTime"), "overdue": counters("overdue"), "overdueApplicant": counters("overdueApplicant"),
                 "reviewed": counters("reviewed"), "good": counters("good"), "unrated": counters("unrated"),
                 "completed": {"value_count": {"field": "completed"}}, "complaints": {"sum": {"field": "complaints"}}}}}}
    times = []
    for i in range(23):
        t = time.time()
        call("POST", "/%s/_search?request_cache=false" % INDEX, query)
        if i >= 3:
            times.append((time.time() - t) * 1000)
    times.sort()
    p = lambda q: times[min(len(times) - 1, int(q * len(times)))]
    print("elasticsearch, %d case documents (%.0f MB, indexed in %.0f s): county comparison of the year p50 %.0f ms p95 %.0f ms max %.0f ms"
          % (N, size / 1e6, load, p(0.5), p(0.95), times[-1]))
    call("DELETE", "/" + INDEX)


if __name__ == "__main__":
    main()
