#!/usr/bin/env python3
"""The hand-made part of the bad-input corpus (tests/bad-input/), from the generated valid.xlsx.

Run from the repository root after `cargo test --locked bad_input::regenerate -- --ignored`:
    python3 tests/make_bad_files.py
Needs LibreOffice (soffice) for the .ods/.xls/LibreOffice-saved cases and msoffcrypto-tool (PyPI) for
the password-protected one; cases whose tool is missing are skipped with a note.
"""
import io, os, re, shutil, subprocess, sys, tempfile, zipfile

D = "tests/bad-input"
VALID = os.path.join(D, "valid.xlsx")


def rewrite(target, edit):
    """Copy valid.xlsx to target, passing each member's text through edit(name, text)."""
    zin = zipfile.ZipFile(VALID)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.endswith(".xml"):
                data = edit(item.filename, data.decode("utf-8")).encode("utf-8")
            zout.writestr(item, data)
    open(os.path.join(D, target), "wb").write(buf.getvalue())


def sheet_file(name):
    """The part name of a sheet, e.g. xl/worksheets/sheet3.xml for Insatser."""
    z = zipfile.ZipFile(VALID)
    wb = z.read("xl/workbook.xml").decode()
    rels = z.read("xl/_rels/workbook.xml.rels").decode()
    rid = re.search(r'<sheet name="%s" sheetId="\d+" r:id="(rId\d+)"' % re.escape(name), wb).group(1)
    target = re.search(r'Id="%s" Type="[^"]+" Target="([^"]+)"' % rid, rels).group(1)
    return "xl/" + target.lstrip("/").replace("xl/", "")


def shared_strings():
    z = zipfile.ZipFile(VALID)
    sst = z.read("xl/sharedStrings.xml").decode()
    return [re.sub(r"<[^>]+>", "", si) for si in re.findall(r"<si>(.*?)</si>", sst, re.S)]


INSATSER = sheet_file("Insatser")

# Files that only pretend to be workbooks.
open(os.path.join(D, "csv-renamed.xlsx"), "w").write("Område;Insats;Belopp\n1a;Projektledare;200000\n")
open(os.path.join(D, "text-renamed.xlsx"), "w").write("Det här är ett brev, inte en arbetsbok.\n")
open(os.path.join(D, "empty-file.xlsx"), "wb").close()
open(os.path.join(D, "truncated-zip.xlsx"), "wb").write(open(VALID, "rb").read()[:3000])

# A zip bomb: a sheet that inflates to 2 GB of spaces from a few MB on disk.
with zipfile.ZipFile(os.path.join(D, "zip-bomb.xlsx"), "w", zipfile.ZIP_DEFLATED) as z:
    for item in zipfile.ZipFile(VALID).infolist():
        if item.filename != INSATSER:
            z.writestr(item, zipfile.ZipFile(VALID).read(item.filename))
    info = zipfile.ZipInfo(INSATSER)
    info.compress_type = zipfile.ZIP_DEFLATED
    with z.open(info, "w", force_zip64=True) as w:
        chunk = b" " * (1 << 20)
        for _ in range(2048):
            w.write(chunk)

strings = shared_strings()


def inline(name, text):
    if not name.startswith("xl/worksheets/"):
        return text
    def repl(m):
        attrs, idx = m.group(1), int(m.group(2))
        s = strings[idx].replace("&", "&amp;") if False else strings[idx]
        return '<c%s t="inlineStr"><is><t xml:space="preserve">%s</t></is></c>' % (attrs, s)
    return re.sub(r'<c([^>]*?) t="s"><v>(\d+)</v></c>', repl, text)


rewrite("inline-strings.xlsx", inline)
rewrite("hidden-sheet.xlsx", lambda n, t: t.replace('<sheet name="Insatser"', '<sheet name="Insatser" state="hidden"') if n == "xl/workbook.xml" else t)
rewrite("merged-cells.xlsx", lambda n, t: t.replace("</sheetData>", '</sheetData><mergeCells count="1"><mergeCell ref="C2:C3"/></mergeCells>') if n == INSATSER else t)
# Belopp of the first insats as a formula with its cached value, and one with a cached error.
rewrite("formulas-cached.xlsx", lambda n, t: re.sub(r'<c r="E2"([^>]*)><v>200000</v></c>', r'<c r="E2"\1><f>100000*2</f><v>200000</v></c>', t) if n == INSATSER else t)
rewrite("formula-error.xlsx", lambda n, t: re.sub(r'<c r="E2"([^>]*?)(?: t="n")?><v>200000</v></c>', r'<c r="E2"\1 t="e"><f>#REF!+1</f><v>#REF!</v></c>', t) if n == INSATSER else t)
big = "Lång beskrivning. " * 58_000
rewrite("big-cell-1mb.xlsx", lambda n, t: re.sub(r'(<c r="C2"[^>]*?) t="s"><v>\d+</v></c>', lambda m: '%s t="inlineStr"><is><t>%s</t></is></c>' % (m.group(1), big), t) if n == INSATSER else t)

soffice = shutil.which("soffice") or shutil.which("libreoffice")
if soffice:
    with tempfile.TemporaryDirectory() as tmp:
        profile = "-env:UserInstallation=file://" + os.path.join(tmp, "profile")
        for fmt, name in (("ods", "libreoffice.ods"), ("xls", "libreoffice.xls"), ("xlsx", "libreoffice-saved.xlsx")):
            subprocess.run([soffice, profile, "--headless", "--convert-to", fmt, "--outdir", tmp, VALID], check=True, capture_output=True)
            shutil.copy(os.path.join(tmp, "valid." + fmt), os.path.join(D, name))
else:
    print("soffice saknas: .ods/.xls/LibreOffice-fallen hoppades över", file=sys.stderr)

try:
    import msoffcrypto  # noqa: F401
    subprocess.run([sys.executable, "-m", "msoffcrypto.__main__", "-e", "-p", "hemligt", VALID, os.path.join(D, "password-protected.xlsx")], check=True)
except Exception as e:  # noqa: BLE001
    print("msoffcrypto-tool saknas eller misslyckades (%s): lösenordsfallet hoppades över" % e, file=sys.stderr)
