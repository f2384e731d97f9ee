"""The figures of `styrdok serve` (bench/run, (g)): `serve.py BIN WORK EXAMPLE NATIONAL`.

1. The example's problems on the page: the time from the address printed (when the browser is
   opened) until the Problem view lists what the check found (median of 5 starts).
2. A save of the example: one Förbrukat cell changed and renamed over the workbook as Excel saves,
   until the page says the rebuild is done (median of 5 saves).
3. The national workbook (290 × 20) served with --per-mottagare, after every document's thumbnail
   and every page of the deck and the återrapport were shown: the server's peak resident memory.
Requests are made as the page makes them (the cookie the launch address sets)."""
import re
import shutil
import subprocess
import sys
import time
import urllib.request

BIN, WORK, EXAMPLE, NATIONAL = sys.argv[1:5]
HERE = sys.path[0]


def start(args):
    server = subprocess.Popen([BIN, "serve", *args, "--no-open"], stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, text=True)
    url = server.stdout.readline().strip().rsplit(" ", 1)[-1]
    opened = time.monotonic()
    port, token = re.match(r"http://127\.0\.0\.1:(\d+)/start\?nyckel=(\w+)", url).groups()
    return server, opened, port, token


def get(port, token, path):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}",
                                     headers={"Cookie": f"styrdok-{port}={token}"})
    with urllib.request.urlopen(request, timeout=120) as answer:
        return answer.read()


def wait(port, token, path, done, limit=300):
    started = time.monotonic()
    while True:
        body = get(port, token, path).decode()
        if done(body):
            return body
        if time.monotonic() - started > limit:
            raise SystemExit(f"sidan {path} blev aldrig klar")
        time.sleep(0.005)


def stop(server):
    server.send_signal(2)
    server.wait(timeout=30)


def median(values):
    return sorted(values)[len(values) // 2]


def generation(body):
    return int(re.search(r'data-generation="(\d+)"', body).group(1))


def built(body):
    return 'class="lage klar"' in body and "Bygger om" not in body


# 1. problems after the page opens
shown = []
for n in range(5):
    server, opened, port, token = start([EXAMPLE, "-o", f"{WORK}/g1-{n}"])
    wait(port, token, "/problem", lambda b: "Läser arbetsböckerna" not in b)
    shown.append(time.monotonic() - opened)
    stop(server)
print(f"(g) serve: exemplets problem på sidan efter öppnandet (median av 5): {median(shown):.3f} s")

# 2. a save → the page updated
copy = f"{WORK}/g2"
shutil.copytree(EXAMPLE, copy)
book = f"{copy}/ok2025-dalarna.xlsx"
server, _, port, token = start([copy, "-o", f"{WORK}/g2-out"])
body = wait(port, token, "/problem", built)
saves = []
for n in range(5):
    before = generation(body)
    subprocess.run([sys.executable, f"{HERE}/edit_cell.py", book, f"{copy}/.edited.xlsx", "Insatser",
                    "Förbrukat", "1", str(200000 + n)], check=True)
    saved = time.monotonic()
    shutil.move(f"{copy}/.edited.xlsx", book)
    body = wait(port, token, "/problem", lambda b: generation(b) > before + 1 and built(b))
    saves.append(time.monotonic() - saved)
stop(server)
print(f"(g) serve: en sparning av exemplet → sidan uppdaterad (median av 5): {median(saves):.3f} s")

# 3. national with previews: peak resident memory
server, _, port, token = start([NATIONAL, "-o", f"{WORK}/g3-out", "--per-mottagare"])
documents = wait(port, token, "/dokument", built)
thumbnails = re.findall(r'src="(/sida/\w+/1\?storlek=liten)"', documents)
for src in thumbnails:
    get(port, token, src.replace("&amp;", "&"))
for name in ("statusbilder", "aterrapport"):
    ident = re.search(r'href="/dokument/(\w+)"[^>]*>\s*<img[^>]*alt="Visa sidorna av ' + name,
                      documents)
    if ident is None:
        continue
    viewer = get(port, token, f"/dokument/{ident.group(1)}").decode()
    for src in re.findall(r'src="(/sida/\w+/\d+)"', viewer):
        get(port, token, src)
with open(f"/proc/{server.pid}/status") as status:
    fields = dict(line.split(":", 1) for line in status)
peak = int(fields["VmHWM"].split()[0]) // 1024
now = int(fields["VmRSS"].split()[0]) // 1024
stop(server)
print(f"(g) serve: nationellt med --per-mottagare, {len(thumbnails)} miniatyrer och alla sidor av "
      f"statusbilder och återrapport visade: högst {peak} MB i minnet (nu {now} MB)")
