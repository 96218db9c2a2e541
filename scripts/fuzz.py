#!/usr/bin/env python3
"""The long fuzz run of issue 7: seeded random and adversarial input through the core, the CLI
and HTTP. No crash, no 5xx, and no engine text (FTS5, SQLite) in any answer.

    scripts/fuzz.py [--seed N] [--core 100000] [--cli 2000] [--http 20000]

1. core: `swift test --filter FuzzTests` with VANBAN_FUZZ_CASES and VANBAN_FUZZ_SEED, in
   process (Tests/VanBanTests/FuzzTests.swift); it writes the strings it generated to a file.
2. CLI: `vanban search|show|requires|chain|path|refs` as processes, with those strings as
   arguments (some made invalid UTF-8) and extreme option values.
3. HTTP: `vanban serve --port 0`, then raw requests over loopback: those strings in every
   route and parameter, invalid percent-encodings, path traversal, odd methods, long targets.

The seed is printed; the same seed gives the same cases. Exit status 1 when anything failed.
"""
import argparse, json, os, random, re, shutil, socket, subprocess, sys, tempfile, time, urllib.parse

LEAKS = ["fts5", "sqlite", "syntax error", "no such column", "unterminated", "malformed"]
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
INTEGERS = ["0", "-1", "1", "20", "21", "100", "101", "2014", "2147483648", "9223372036854775807",
            "-9223372036854775808", "99999999999999999999", "1e3", "0x10", " 5", "", "abc"]
BAD_BYTES = [b"\xff", b"\xfe\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xc0\xaf", b"\xe2\x82", b"\x80"]
BAD_PERCENT = ["%", "%z", "%zz", "%G0", "%2", "%%", "%C3%28", "%ED%A0%80", "%C0%AF", "%FF%FE", "%E2%82", "%80", "%00",
               "%0A", "%0D%0A", "%u0041", "%25", "%2e%2e%2f", "..%2F..%2F", "%5c..%5c"]
TRAVERSAL = ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/documents/..%2F..%2Fetc%2Fpasswd", "//etc/passwd",
             "/view/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/openapi.json/../../../etc/passwd", "/.git/config",
             "/Package.swift", "/vanban.db", "/corpus/84-CV-DU_2014-06-06.txt", "/proc/self/environ", "/index.html",
             "/..%5c..%5cetc%5cpasswd", "/%c0%ae%c0%ae/etc/passwd", "/documents/%2e%2e", "/view/..", "/./health",
             "/health/..", "/search/../health", "*", "http://example.com/health", "/health#x", "/health?"]
ROUTES = ["/search?q={}", "/search?q={}&type={}&issuer={}&from={i}&to={i}&limit={i}&offset={i}&sort={}", "/?q={}",
          "/?q={}&limit={i}&offset={i}", "/documents/{}", "/documents?number={}", "/documents/{}/references",
          "/documents/{}/cited-by", "/documents/{}/chain?direction={}&depth={i}", "/path?from={}&to={}", "/view/{}",
          "/requirements?who={}&due={}&doc={}", "/requirements?due={}", "/graph?format={}", "/actors", "/missing",
          "/stats", "/health", "/openapi.json", "/{}", "/search?{}={}"]
METHODS = ["GET"] * 40 + ["HEAD", "POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH", "CONNECT", "BREW", "get", "G\x00ET"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seed", type=int, default=random.SystemRandom().randrange(1, 2**32))
    parser.add_argument("--core", type=int, default=100_000)
    parser.add_argument("--cli", type=int, default=2_000)
    parser.add_argument("--http", type=int, default=20_000)
    args = parser.parse_args()
    print(f"fuzz: seed {args.seed}", flush=True)
    work = tempfile.mkdtemp(prefix="vanban-fuzz-")
    try:
        failures = run(args, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"fuzz: seed {args.seed}: {failures} failure(s)")
    sys.exit(1 if failures else 0)


def run(args, work):
    failures = 0
    cases_file = os.path.join(work, "cases.jsonl")
    started = time.time()
    core = subprocess.run(["swift", "test", "--filter", "FuzzTests"], cwd=REPO, capture_output=True, text=True,
                          env=dict(os.environ, VANBAN_FUZZ_CASES=str(args.core), VANBAN_FUZZ_SEED=str(args.seed),
                                   VANBAN_FUZZ_DUMP=cases_file))
    for line in core.stdout.splitlines():
        if line.startswith("fuzz:") or ": error:" in line:
            print("core " + line[:400])
    core_failures = sum(": error:" in line for line in core.stdout.splitlines())
    if core.returncode != 0 and core_failures == 0:
        print("core: swift test failed:\n" + (core.stdout + core.stderr)[-3000:])
        core_failures = 1
    print(f"core: {args.core} cases, {core_failures} failure(s), {time.time() - started:.0f} s", flush=True)
    failures += core_failures
    if not os.path.exists(cases_file):
        return failures  # the test did not run: nothing to feed the CLI and HTTP
    strings = [json.loads(line) for line in open(cases_file, encoding="utf-8")]

    binary = os.path.join(subprocess.check_output(["swift", "build", "--show-bin-path"], cwd=REPO, text=True).strip(),
                          "vanban")
    corpus = os.path.join(work, "corpus")
    shutil.copytree(os.path.join(REPO, "corpus"), corpus)
    fixtures = os.path.join(REPO, "Tests/VanBanTests/Fixtures")
    for name in os.listdir(fixtures):
        if name.endswith(".txt"):
            shutil.copy(os.path.join(fixtures, name), corpus)
    archive = os.path.join(work, "archive.db")
    environment = dict(os.environ, VANBAN_ARCHIVE=archive, VANBAN_RULES=os.path.join(REPO, "indexer"), NO_COLOR="1")
    subprocess.run([binary, "index", corpus], env=environment, capture_output=True, check=True)

    failures += fuzz_cli(random.Random(args.seed), strings, args.cli, binary, environment)
    failures += fuzz_http(random.Random(args.seed + 1), strings, args.http, binary, environment)
    return failures


def leaked(text):
    lowered = text.lower()
    return [leak for leak in LEAKS if leak in lowered]


def as_argument(rng, text):
    """The string as an argv entry: no NUL (argv cannot hold one), sometimes invalid UTF-8."""
    data = text.replace("\x00", "").encode("utf-8", "surrogatepass")
    if rng.random() < 0.15:
        at = rng.randrange(len(data) + 1)
        data = data[:at] + rng.choice(BAD_BYTES) + data[at:]
    return data


def fuzz_cli(rng, strings, count, binary, environment):
    started, failures, statuses = time.time(), 0, {}
    for index in range(count):
        text = as_argument(rng, rng.choice(strings))
        other = as_argument(rng, rng.choice(strings))
        command = rng.choice(["search"] * 5 + ["show", "requires", "chain", "path", "refs", "cited-by"])
        arguments = [binary.encode(), command.encode()]
        if command == "search":
            for option in rng.sample(["--limit", "--offset", "--from", "--to", "--type", "--issuer", "--sort"], rng.randrange(3)):
                value = rng.choice(INTEGERS).encode() if option in ("--limit", "--offset", "--from", "--to") else other
                arguments.append(option.encode() + b"=" + value)
            arguments += [b"--", text]
        elif command == "requires":
            arguments += [b"--who=" + text] + ([b"--due=" + other] if rng.random() < 0.5 else [])
        elif command == "chain":
            arguments += [b"--depth=" + rng.choice(INTEGERS).encode(), b"--", text]
        elif command == "path":
            arguments += [b"--", text, other]
        else:
            arguments += [b"--", text]
        if rng.random() < 0.3:
            arguments.insert(2, b"--json")
        try:
            result = subprocess.run(arguments, env=environment, capture_output=True, timeout=60)
        except subprocess.TimeoutExpired:
            failures += report("cli", index, "timed out", arguments)
            continue
        statuses[result.returncode] = statuses.get(result.returncode, 0) + 1
        output = (result.stdout + result.stderr).decode("utf-8", "replace")
        # 0 found, 1 nothing found, 2 bad query, 64 usage (an option value that is not a number).
        if result.returncode not in (0, 1, 2, 64):
            failures += report("cli", index, f"exit status {result.returncode}: {crash(output)}", arguments)
        elif leaked(output):
            failures += report("cli", index, f"{leaked(output)} in the output: {output[:300]}", arguments)
    print(f"cli: {count} processes in {time.time() - started:.0f} s, exit statuses {dict(sorted(statuses.items()))}, "
          f"{failures} failure(s)", flush=True)
    return failures


def crash(output):
    """The runtime's reason and the first line of our code in a crash report, else the output's end."""
    reason = re.search(r"(?:Swift runtime failure|Fatal error): [^\n*]*", output)
    place = re.search(r"Sources/\S+\.swift:\d+", output)
    return " at ".join(match.group(0).strip() for match in (reason, place) if match) or output[-600:]


def report(layer, index, problem, request):
    shown = request if isinstance(request, (bytes, str)) else b" ".join(request[1:])
    print(f"{layer} case {index}: {problem} <- {shown[:300]!r}", flush=True)
    return 1


def encode(rng, text):
    """A value for a URL: percent-encoded UTF-8 mostly, else with an invalid escape or raw characters."""
    roll = rng.random()
    value = urllib.parse.quote(text.encode("utf-8", "surrogatepass"), safe="")
    if roll < 0.15:
        at = rng.randrange(len(value) + 1)
        value = value[:at] + rng.choice(BAD_PERCENT) + value[at:]
    elif roll < 0.2:
        value = urllib.parse.quote(text.encode("utf-8", "surrogatepass"), safe="/?&=#%+;:@ ")
    return value


def target(rng, strings):
    roll = rng.random()
    if roll < 0.08:
        return rng.choice(TRAVERSAL)
    if roll < 0.1:
        return "/search?q=" + "a" * rng.randrange(4_000, 100_000)
    route = rng.choice(ROUTES)
    route = re.sub(r"\{i\}", lambda _: urllib.parse.quote(rng.choice(INTEGERS)), route)
    return re.sub(r"\{\}", lambda _: encode(rng, rng.choice(strings)), route)


def request_bytes(rng, method, path):
    """The request, and whether its headers were made odd (the server may then just close)."""
    headers = ["Host: 127.0.0.1", "Connection: close"]
    roll = rng.random()
    if roll < 0.02:
        headers.append("X-Padding: " + "x" * rng.randrange(10_000, 100_000))
    elif roll < 0.04:
        headers.append("Content-Length: " + rng.choice(["5", "-1", "99999999999999999999", "x"]))
    elif roll < 0.05:
        headers = headers[1:]
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(h + "\r\n" for h in headers) + "\r\n"
    return head.encode("latin-1", "replace") + (b"hello" if "Content-Length: 5" in headers else b""), roll < 0.05


def exchange(port, data):
    """Sends one request; returns (status or None when the server closed without answering, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
        try:
            connection.sendall(data)
        except (BrokenPipeError, ConnectionResetError):
            pass
        chunks = []
        try:
            while chunk := connection.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass
    response = b"".join(chunks)
    match = re.match(rb"HTTP/1\.[01] (\d{3})", response)
    return (int(match.group(1)) if match else None), response.partition(b"\r\n\r\n")[2].decode("utf-8", "replace")


def fuzz_http(rng, strings, count, binary, environment):
    server = subprocess.Popen([binary, "serve", "--port", "0"], env=environment, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    try:
        port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
        started, failures, statuses = time.time(), 0, {}
        for index in range(count):
            method, path = rng.choice(METHODS), target(rng, strings)
            data, odd_headers = request_bytes(rng, method, path)
            status, body = exchange(port, data)
            statuses[status] = statuses.get(status, 0) + 1
            well_formed = method.isalpha() and all(0x21 <= ord(c) < 0x7F for c in path) and not odd_headers
            if status is None and well_formed:
                failures += report("http", index, "closed without an answer", data[:300])
            elif status is not None and status >= 500:
                failures += report("http", index, f"status {status}: {body[:300]}", data[:300])
            elif leaked(body) or "root:" in body:
                failures += report("http", index, f"{leaked(body)} in the body: {body[:300]}", data[:300])
        alive, _ = exchange(port, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        if alive != 200 or server.poll() is not None:
            failures += report("http", count, "the server is down after the run", b"GET /health")
        print(f"http: {count} requests in {time.time() - started:.0f} s, statuses "
              f"{dict(sorted(statuses.items(), key=lambda item: (item[0] is None, item[0] or 0)))} "
              f"(None: closed without an answer), {failures} failure(s)", flush=True)
        return failures
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
